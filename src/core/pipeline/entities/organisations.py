"""Bodies' and things' clusters: companies, products, branches, parties, another state's body."""

from __future__ import annotations

from collections.abc import Callable

from ..cannotlink import GuardedUnionFind
from ..countries import named_country, names_division, without_country
from ..kinds import SUPRANATIONAL_WORDS, body_scope
from ..names import fold_name
from ..wordfind import has_word
from .candidates import Candidate
from .cleaning import after_the
from .matching import (
    BODY_TAIL_FOLDS,
    MINOR_FOLDS,
    TAIL_FOLDS,
    company_affix,
    group_of,
    matching_roots,
)


def company_of(
    short: tuple[str, ...],
    group: list[Candidate],
    members: list[list[Candidate]],
    kinds: list[str],
    size: list[int],
    find: Callable[[int], int],
    pool: list[int],
) -> list[int]:
    """The one body whose name is this word and a company's word ("Tova" of "Tova Airlines",
    "Saro" of "Saro Air"), for a one-word name the model took for someone whom no one
    introduces and no person named in full bears."""
    if any(c.role for c in group):
        return []
    roots = matching_roots(short, "org", members, kinds, size, find, pool, company_affix)
    return roots if len(roots) == 1 else []


def join_its_company(
    i: int,
    short: tuple[str, ...],
    members: list[list[Candidate]],
    kinds: list[str],
    size: list[int],
    sets: GuardedUnionFind[int],
    pool: list[int],
    text: str,
) -> None:
    """A bare word the model took for a place, in a story that names one company it begins
    ("At Pacific she focused on soul" beside "Pacific Records"), is that company: the model's
    tag on a lone word is weak evidence against the longer name beside it. Not where the story
    writes it as a place with "the" ("into the Pacific"), nor a longer name written with
    "the" (a product's); a country or a US state never gets here (`PLACE_FOLDS`)."""
    if any(after_the(text, c.start) for c in members[i]):
        return
    find = sets.find
    firms = [
        r
        for r in matching_roots(short, "org", members, kinds, size, find, pool, company_affix)
        if _a_firms_name(group_of(members, find, r, pool))
        or not any(after_the(text, c.start) for c in group_of(members, find, r, pool))
    ]  # a company takes no "the": "the Skyboard Air" is a machine, not its maker; a name
    # only a firm's ends with ("Tova Airlines") takes the "the" of a noun after it ("the Tova
    # Airlines jet")
    if len(firms) == 1:
        sets.join_anyway(i, firms[0])  # the story's context outweighs the model's tag


#: Last words of a firm's name that no product's name ends with (a machine may be an "Air").
_FIRM_WORDS = frozenset(
    fold_name(w)
    for w in """airlines airways corporation corp inc ltd llc plc company limited bank holdings
    group""".split()
)


def _a_firms_name(group: list[Candidate]) -> bool:
    """Some name of the cluster ends with a word only firms' names end with."""
    return any(c.folded and c.folded[-1] in _FIRM_WORDS for c in group)


def a_product_of(short: tuple[str, ...], group: list[Candidate], text: str) -> bool:
    """`group` is a thing named with `short` and a model's word, written with "the" ("will
    stop making the Kaldor Zephyr"): a maker's product, not its long name, which adds a
    body's words ("Kaldor Motor Company"); a company takes no "the"."""
    n = len(short)
    if body_scope(" ".join(short)) is not None:
        return False  # "the House of Representatives": a body's own name
    return bool(group) and all(
        len(c.folded) > n
        and c.folded[:n] == short
        and not set(c.folded[n:]) & (TAIL_FOLDS | BODY_TAIL_FOLDS | MINOR_FOLDS)
        and after_the(text, c.start)
        for c in group
    )


def bears_a_bodys_word(short: tuple[str, ...], group: list[Candidate]) -> bool:
    """`short` is a body every state has ("House", "Senate") and `group`'s names end with it
    after a word of their own that names no place nor such a body: another thing that bears
    the word ("the White House", an "Opera House"), not the body's fuller name ("the Ohio
    House", the "European Parliament", the "Lower House")."""
    if len(short) != 1 or body_scope(short[0]) != "country" or not group:
        return False
    for cand in group:
        words = cand.folded
        fold = " ".join(words)
        if (
            len(words) < 2
            or words[-1] != short[0]
            or body_scope(fold) is not None
            or named_country(fold) is not None
            or names_division(fold)
            or any(w in _SUPRANATIONAL_FOLDS for w in words)
        ):
            return False
    return True


def class_of_several(
    short: tuple[str, ...],
    members: list[list[Candidate]],
    find: Callable[[int], int],
    roots: list[int],
    pool: list[int],
) -> bool:
    """`short`, of two words or more, begins the names of several clusters and ends none: the
    name of their class ("Space Shuttle" of "Space Shuttle Atlantis" and "... Discovery"), not
    a short form of any one of them, as a shared surname is."""
    if len(short) < 2:
        return False
    n = len(short)
    return all(
        not any(c.folded[-n:] == short for c in group_of(members, find, root, pool))
        for root in roots
    )


def led_by_a_common_noun(text: str, name: str) -> bool:
    """The name's first two words are a common noun the article also writes in lower case
    ("the first space shuttle" beside "Space Shuttle Atlantis"): a thing of that class named
    in full, not a person, whose given and family names are no common noun."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() and w[1:].islower() for w in words[:2]):
        return False
    phrase = f"{words[0].lower()} {words[1].lower()}"
    return has_word(text, phrase, before="-", after="-")


def a_branch_in_a_place(short: tuple[str, ...], group: list[Candidate]) -> bool:
    """`group` names `short` "in" a place ("the Free Front in the Arabian Peninsula", "the Red
    Cross in Kenya"): the body's branch there, so the name alone is the body, not the branch
    the article also names."""
    n = len(short)
    return any(
        len(c.folded) > n + 1 and c.folded[:n] == short and c.folded[n] == "in" for c in group
    )


#: A legislature's head word, which a party may end its name with ("National Democratic
#: Congress", "Liberal Assembly").
_HOUSE_FOLDS = frozenset(fold_name(w) for w in ("congress", "parliament", "assembly", "senate"))
#: Words of a party's creed: a name with one before a legislature's word is a party's.
_CREED_FOLDS = frozenset(
    fold_name(w)
    for w in """democratic democrat republican communist socialist liberal conservative
    progressive green greens labour labor workers patriotic revolutionary nationalist""".split()
)


def a_party_named_as_a_house(short: tuple[str, ...], group: list[Candidate]) -> bool:
    """`short` is a legislature's bare word ("Congress") and `group` a party whose name ends
    in it after a word of its creed ("National Democratic Congress"): the bare word is the
    legislature, not that party's short form."""
    if len(short) != 1 or short[0] not in _HOUSE_FOLDS:
        return False
    return any(
        len(c.folded) > 1
        and c.folded[-1] == short[0]
        and any(w in _CREED_FOLDS for w in c.folded[:-1])
        for c in group
    )


def anothers_body(
    short: tuple[str, ...], group: list[Candidate], home: str | None, states: bool = False
) -> bool:
    """`short` names a body every state has ("Senate") and `group`'s name says it is the body
    of a country other than the article's (`home`), or of a country at all where `short` was
    introduced as a state's ("the state's Supreme Court" is not the "United States Supreme
    Court")."""
    if body_scope(" ".join(short)) != "country":
        return False
    named = {named_country(" ".join(c.folded)) for c in group} - {None}
    if states:
        return bool(named) or any(without_country(" ".join(c.folded)) for c in group)
    return home is not None and bool(named) and home not in named


_SUPRANATIONAL_FOLDS = frozenset(fold_name(w) for w in SUPRANATIONAL_WORDS)
