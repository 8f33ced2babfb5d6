"""Names that can never be one actor: the cannot-link guard of every merge (in-article and across).

Merging joins names through bridges (a bare surname, an acronym, a short form), each rule
deciding on one pair. A bridge that fits two things joins them to each other: "Kennedy" makes
Patrick and Ted one person, "Gaza" the city and the strip one place. The guard looks at whole
names instead: two full names that say they are different things (different given names of one
surname, a place and a thing named after it, two expansions of one short name, one body and its
branch in a state) are never put in one set, whatever links them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal, TypeVar

from .countries import country_of, names_division, without_country, without_division
from .kinds import GENERIC_PLACE_HEADS, GENERIC_PLACE_TAILS, PLACE_TAILS, body_scope
from .names import HONORIFICS, SUFFIXES, fold_name
from .rules import ORG_WORDS
from .unionfind import UnionFind

T = TypeVar("T", bound=Hashable)

NameKind = Literal["person", "place", "other"]
#: A full name as the guard compares it: the folded name and what it names.
Name = tuple[str, NameKind]

_STORM = "storm "
_MINOR = frozenset({"of", "the", "and", "for", "on", "in", "at", "de", "du", "des", "la", "le"})
#: Words a longer name adds to a place's without naming another thing: the area itself under
#: its fuller name ("Abaco Islands", "Gaza Strip", "County Mayo", "Sinai Peninsula").
_AREA_WORDS = frozenset(
    fold_name(w)
    for w in (
        *GENERIC_PLACE_TAILS,
        *GENERIC_PLACE_HEADS,
        *"""strip peninsula river lake mountain mountains valley desert sea ocean bay gulf coast
        territory territories area basin delta plain plains highlands archipelago atoll atolls
        metropolitan""".split(),
    )
)
#: "Party" folded, singular and plural: the last word of a party's name.
PARTY_FOLDS = frozenset({fold_name("party"), fold_name("parties")})
_CITY = frozenset({fold_name("city")})
#: Last words of a place's name that say what it is ("Airport", "Square", "Dam").
_FACILITY_WORDS = frozenset(fold_name(w) for w in PLACE_TAILS)
#: Words before a surname that are part of it, not a given name ("al-Maliki", "van Gogh").
_PARTICLES = frozenset(
    fold_name(w) for w in "al el de da di del van von der den bin ibn abu ben la le du".split()
)
#: Words that only say what kind of body a name is: "Acme" / "Acme Corporation", "Harvard" /
#: "Harvard University"; two names differing only in these are one body's.
_GENERIC_WORDS = frozenset(fold_name(w) for w in ORG_WORDS) | frozenset(
    fold_name(w)
    for w in """international incorporated limited co plc ag sa gmbh holdings group""".split()
)
#: Short forms of given names that share no first letter with the name ("Ted" Kennedy is
#: Edward): common English hypocorisms, a lexical fact like the honorifics of `names`.
_NICKNAMES = frozenset(
    frozenset({fold_name(a), fold_name(b)})
    for a, b in (
        ("bill", "william"),
        ("billy", "william"),
        ("bob", "robert"),
        ("bobby", "robert"),
        ("ted", "edward"),
        ("ned", "edward"),
        ("teddy", "edward"),
        ("ted", "theodore"),
        ("dick", "richard"),
        ("rick", "richard"),
        ("jack", "john"),
        ("hank", "henry"),
        ("chuck", "charles"),
        ("peggy", "margaret"),
        ("meg", "margaret"),
        ("betty", "elizabeth"),
        ("liz", "elizabeth"),
        ("beth", "elizabeth"),
        ("polly", "mary"),
        ("molly", "mary"),
        ("sally", "sarah"),
        ("tony", "anthony"),
        ("sandy", "alexander"),
        ("sasha", "alexander"),
        ("jim", "james"),
        ("jimmy", "james"),
        ("larry", "lawrence"),
        ("harry", "henry"),
    )
)


def person_name(fold: str) -> bool:
    """A person's folded name is a full name (given name and surname), not a bare surname."""
    return len(_core(fold.split())) >= 2


def _core(words: list[str]) -> list[str]:
    return words[:-1] if len(words) > 1 and words[-1] in SUFFIXES else words


@lru_cache(maxsize=262_144)
def incompatible(a: Name, b: Name) -> bool:
    """Two full names that cannot name one actor.

    People (both full names): the same surname with given names that are not one name (an
    initial, a short form, a nickname, a transliteration, or the other's middle name), or
    surnames that are not one (neither in the other's name nor a spelling of it).
    Anything else: two places or bodies of different places (a division's branch is not its
    nation's body), a place and a thing its name begins ("Mosul Dam", "United States Senate"),
    or two names neither of which holds the other's words ("Gaza City" / "Gaza Strip").
    A person and a non-person are left to the kind rules."""
    (fa, ka), (fb, kb) = a, b
    if fa == fb or fa.replace(" ", "") == fb.replace(" ", ""):
        return False  # "co operation" / "cooperation"
    if fa.startswith(_STORM) or fb.startswith(_STORM):
        return False  # a storm's stages and its bare name (`kinds.storm_name`) are one
    if ka == "person" or kb == "person":
        return ka == kb == "person" and _other_given_names(fa.split(), fb.split())
    return _other_things(fa, ka, fb, kb)


def _other_given_names(a: list[str], b: list[str]) -> bool:
    a, b = _core(a), _core(b)
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-1] != b[-1]:
        return _other_surnames(a, b)
    if a[0] == b[0]:
        return False
    if any(w in HONORIFICS or w in _PARTICLES or country_of(w) is not None for w in (a[0], b[0])):
        return False  # a title or a place the name's span kept ("Ohio Sherrod Brown")
    return not (_one_given_name(a[0], b[0]) or a[0] in b[1:-1] or b[0] in a[1:-1])


def _other_surnames(a: list[str], b: list[str]) -> bool:
    """Two full names whose surnames differ, neither in the other's name nor a spelling of
    it ("Tony Mendez" / "Tony Blair"; not "Shirley Phelps" / "Shirley Phelps-Roper")."""
    x, y = a[-1], b[-1]
    if x in b or y in a or any(w in HONORIFICS or country_of(w) is not None for w in (a[0], b[0])):
        return False
    return not (x[0] == y[0] and SequenceMatcher(None, x, y).ratio() >= 0.7)


def _one_given_name(x: str, y: str) -> bool:
    """Two written given names may be one: an initial, a prefix ("Alex"), a nickname, a
    spelling variant ("Mohammed" / "Muhammad")."""
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if x.startswith(y) or y.startswith(x) or frozenset({x, y}) in _NICKNAMES:
        return True
    return x[0] == y[0] and SequenceMatcher(None, x, y).ratio() >= 0.7


def _other_things(fa: str, ka: NameKind, fb: str, kb: NameKind) -> bool:
    place_a, place_b = country_of(fa), country_of(fb)
    if place_a is not None and place_b is not None:
        return place_a != place_b  # (a country and its people: "Iran", "Iranians")
    if place_a is not None or place_b is not None:
        # a country, a state or a nation, or its people: only itself ("Georgia" is no
        # "Georgia Tech", "New York" no "New York City", "Palestine" no "Palestine Campaign"),
        # under its fuller name at most ("Gambia River" is no river of another country's)
        short, long = (fa, fb) if place_a is not None else (fb, fa)
        extra = _content(long) - _content(short)
        return not (_content(short) < _content(long) and extra <= _AREA_WORDS - _CITY)
    if _spelled_alike(fa.split(), fb.split()):
        return False
    fa, fb = _spelled_out(fa, fb), _spelled_out(fb, fa)
    qa, ra = _qualified(fa)
    qb, rb = _qualified(fb)
    if qa != qb:
        if ("/" in (qa or "") or "/" in (qb or "")) and not (_state_body(ra) or _state_body(rb)):
            return True  # a state's or a nation's branch ("Iowa Democratic Party") is not
            # the party, nor another level's body (a bare "Senate" is left to its scope)
        if qa is not None and qb is not None:
            return True  # two countries' bodies ("American" / "Australian Broadcasting")
    wa, wb = _content(ra), _content(rb)
    whole = len(_content(fa)) >= 2 and len(_content(fb)) >= 2
    if qa != qb:
        # a country's body named with and without its country ("US Environmental Protection
        # Agency"): only the same words, not a longer name holding the body's word; a word
        # alone ("the Department") is a short form, left to the rules of short forms and scopes
        return whole and (wa ^ wb) - _GENERIC_WORDS != set()
    if wa == wb:
        return False
    if wa < wb:
        return _adds_a_thing(wb - wa, ka, wa)
    if wb < wa:
        return _adds_a_thing(wa - wb, kb, wb)
    # two names neither of which holds the other ("Gaza City", "Gaza Strip"); a word alone
    # ("Church", "Scientology") is a short form, not a full name
    return whole and bool((wa - wb) - _GENERIC_WORDS or (wb - wa) - _GENERIC_WORDS)


def _state_body(fold: str) -> bool:
    """A body every state has, whose name alone a state's story uses for the state's own
    ("Senate", "Supreme Court"); not a party, which runs under one name in every state."""
    return body_scope(fold) is not None and fold.rpartition(" ")[2] not in PARTY_FOLDS


def _spelled_out(fold: str, other: str) -> str:
    """`fold` with a word that is the initials of words of `other` written as those words
    ("un security council" beside "united nations security council")."""
    words, theirs = fold.split(), other.split()
    for i, word in enumerate(words):
        if not 2 <= len(word) <= 5 or word in _MINOR or word in theirs:
            continue
        n = len(word)
        for j in range(len(theirs) - n + 1):
            run = theirs[j : j + n]
            if "".join(w[0] for w in run) == word:
                return " ".join([*words[:i], *run, *words[i + 1 :]])
    return fold


def _spelled_alike(a: list[str], b: list[str]) -> bool:
    """Two names of as many words, each differing word a spelling of the other ("al kaeda" /
    "al kaida"): transliterations that folding does not even out."""
    return len(a) == len(b) and all(
        x == y or (x[0] == y[0] and SequenceMatcher(None, x, y).ratio() >= 0.75)
        for x, y in zip(a, b, strict=True)
    )


def _adds_a_thing(extra: set[str], shorter: NameKind, own: set[str]) -> bool:
    """The words a longer name adds to a shorter one name another thing: a place's name with
    anything but its area's words ("Mosul Dam", "Fukushima Daiichi Nuclear Power Plant"),
    unless the shorter name says what the place is itself ("Bradley Airport", "Bradley
    International Airport")."""
    return shorter == "place" and not extra <= _AREA_WORDS and not own & _FACILITY_WORDS


def _qualified(fold: str) -> tuple[str | None, str]:
    """The place a name is qualified by (a country, or `country/division` for a state's or a
    nation's name: "iowa democratic party"), and the rest of the name."""
    split = without_division(fold)
    if split is not None:
        return _division(split[1]), split[0]
    words = fold.split()
    for i, word in enumerate(words):
        country = country_of(word)
        rest = " ".join(words[:i] + words[i + 1 :])
        if country is not None and names_division(word) and len(_content(rest)) >= 2:
            # a nation's people before a body's name of its own ("Scottish Liberal
            # Democrats"); before one word, a name of its own ("English Channel")
            return _division(f"{country}/{word}"), rest
    split = without_country(fold)
    if split is not None:
        return split[1], split[0]
    return None, fold


def _division(scope: str) -> str:
    """A division's scope with its name cut to a stem, so that its people's word names it too
    ("united kingdom/scotland" and "united kingdom/scottish" -> "united kingdom/sco"); a
    name of two words ("new york") is kept whole."""
    country, _, division = scope.partition("/")
    return f"{country}/{division if ' ' in division else division[:3]}"


def _content(fold: str) -> set[str]:
    return {w for w in fold.split() if w not in _MINOR}


class GuardedUnionFind(UnionFind[T]):
    """A union-find that refuses to join two sets when a full name of one is `incompatible`
    with a full name of the other. Names are attached to items (`name`) before their unions;
    each union compares the two sets' names once (sets hold a few names each)."""

    __slots__ = ("_names",)

    def __init__(self, items: Iterable[T] = ()) -> None:
        super().__init__(items)
        self._names: dict[T, frozenset[Name]] = {}

    def name(self, item: T, names: Iterable[Name]) -> None:
        """Give `item`'s set these full names too."""
        root = self.find(item)
        self._names[root] = self._names.get(root, frozenset()) | frozenset(names)

    def apart(self, a: T, b: T) -> bool:
        """The sets of `a` and `b` hold names that cannot be one actor."""
        na = self._names.get(self.find(a), frozenset())
        nb = self._names.get(self.find(b), frozenset())
        return any(incompatible(x, y) for x in na for y in nb)

    def join_anyway(self, a: T, into: T) -> bool:
        """Join two sets whatever their names: a rule that reads the article's context and
        outweighs the names' words (a bare word the model took for a place, a company in
        its story)."""
        ra, rb = self.find(a), self.find(into)
        joined = super().union(ra, rb)
        names = self._names.pop(ra, None) if joined else None
        if names:
            self._names[rb] = self._names.get(rb, frozenset()) | names
        return joined

    def union(self, a: T, into: T) -> bool:
        """Join `a`'s set into `into`'s; False when they were one already or cannot be."""
        ra, rb = self.find(a), self.find(into)
        if ra == rb or self.apart(ra, rb):
            return False
        joined = super().union(ra, rb)
        names = self._names.pop(ra, None)
        if names:
            self._names[rb] = self._names.get(rb, frozenset()) | names
        return joined
