"""Whether a short name is a form of a longer one: first or last words, middles, affixes."""

from __future__ import annotations

from collections.abc import Callable

from ..kinds import BODY_TAILS
from ..names import SUFFIXES, fold_name
from .candidates import Candidate
from .cleaning import MINOR_WORDS, POSSESSIVE_WORD

# Words that may end an organisation's name after a shorter form of it ("Kaldor Motor Company").
_ORG_TAILS = frozenset(
    """company corporation corp inc ltd llc plc co group holdings motor motors international
    limited airlines airline airways air bank records studios pictures""".split()
)


def company_affix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`full` is `short` and company words only: "tova airlines", "kaldor motor company"."""
    n = len(short)
    return len(full) > n and full[:n] == short and all(w in TAIL_FOLDS for w in full[n:])


def matching_roots(
    short: tuple[str, ...],
    kind: str,
    members: list[list[Candidate]],
    kinds: list[str],
    size: list[int],
    find: Callable[[int], int],
    pool: list[int],
    affix: Callable[[tuple[str, ...], tuple[str, ...]], bool] | None = None,
) -> list[int]:
    """Roots of longer clusters of `kind` whose names begin or end with `short`."""
    tests = (
        [affix]
        if affix
        else [affix_of, _skips_middle, middle] if kind == "person" else [_org_affix]
    )
    roots: set[int] = set()
    for test in tests:  # a middle surname only when no name begins or ends with it
        roots = {
            find(j)
            for j in pool
            if (group := members[j])
            and kinds[j] == kind
            and size[j] > len(short)
            and any(test(short, c.folded) and not _possessor(short, c) for c in group)
        }
        if roots:
            break
    return sorted(roots)


def _possessor(short: tuple[str, ...], cand: Candidate) -> bool:
    """`short` owns the longer name rather than being it: "Fedora" of "Fedora's Flock" (a
    conference), "Mina Holt" of "Mina Holt's Mayorship"."""
    words = cand.text.split()
    n = len(short)
    return (
        len(words) > n and cand.folded[:n] == short and bool(POSSESSIVE_WORD.search(words[n - 1]))
    )


def group_of(
    members: list[list[Candidate]], find: Callable[[int], int], root: int, pool: list[int]
) -> list[Candidate]:
    """The candidates of `root` among the clusters of `pool`."""
    return [c for i in pool if find(i) == root for c in members[i]]


#: The word that ends a party's name: "Democratic" of "Democratic Party" is its short form.
_PARTY_FOLDS = frozenset({fold_name("party")})


def affix_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`short` is the first or last words of `full` (suffixes like "Jr." ignored at the end),
    or its last word without the article it is written with ("Haddad" of "Karim al-Haddad")."""
    n = len(short)
    if (
        n == 1
        and full
        and full[-1] != short[0]
        and without_article(full[-1]) == without_article(short[0])
    ):
        return True  # "Haddad" of "Karim al-Haddad", "al-Rashidi" of "Omar El Rashidy"
    if n == 0 or n >= len(full):
        return False
    core = full[:-1] if full[-1] in SUFFIXES else full
    if core == short:
        return False  # "Tom Marsh" is not "Tom Marsh Jr."
    return full[:n] == short or core[-n:] == short or full[-n:] == short


#: The Arabic article a surname is written with and without ("al-Haddad", "Haddad"), as folded.
_SURNAME_ARTICLES = ("al ", "el ")


def without_article(word: str) -> str:
    """A folded surname without the article joined to it: "al haddad" -> "haddad"."""
    for article in _SURNAME_ARTICLES:
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article) :]
    return word


def _skips_middle(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`short` is `full` without its middle names or initials ("John R. Kemp" -> "John
    Kemp", "Jan Peter Odaro" -> "Jan Odaro")."""
    core = full[:-1] if full and full[-1] in SUFFIXES else full
    return (
        len(short) == 2 and len(core) > 2 and short[0] == core[0] and short[-1] == core[-1]
    )


def middle(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A middle surname: Spanish "Ramón Olivares Nieto" -> "Olivares", "Ana María López
    Ruiz" -> "López"; the word before the last surname, not a second given name ("María")."""
    core = full[:-1] if full and full[-1] in SUFFIXES else full
    return len(short) == 1 and 3 <= len(core) <= 4 and len(short[0]) > 1 and short[0] == core[-2]


def _org_affix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """An organisation's short form: its last words ("Court" of "Supreme Court"), or its first
    words before "of ..." or a company word ("House of Representatives", "Kaldor Motor Company")."""
    n = len(short)
    if n == 0 or n >= len(full):
        return False
    if full[-n:] == short:
        return True
    if n >= 2 and _without_conjunct(full) == short:
        return True  # "Foreign Office" of "Foreign and Commonwealth Office"
    if n >= 2 and full[:n] == short and all(w in BODY_TAIL_FOLDS for w in full[n:]):
        return True  # "House Finance" of "House Finance Committee": its body's word left out
    if n == 1 and "of" in full[1:]:
        # The head noun before "of": "the Department" of "California Department of Corrections".
        return full[full.index("of", 1) - 1] == short[0]
    return full[:n] == short and (
        full[n] in MINOR_FOLDS or all(w in TAIL_FOLDS for w in full[n:])
    )


def _without_conjunct(full: tuple[str, ...]) -> tuple[str, ...] | None:
    """A body's name without the word "and" joins into it: "foreign and commonwealth office"
    -> "foreign office" (a name of three words or more before its last; None for any other)."""
    if "and" not in full[1:-2]:
        return None
    i = full.index("and", 1)
    return full[:i] + full[i + 2 :]


def party_affix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`_org_affix`, and a party's name without "Party" ("Democratic" of "Democratic Party"),
    for a short name used as a body or a people's (not a law's: "Constitution" is not the
    "Constitution Party")."""
    n = len(short)
    if 0 < n < len(full) and full[:n] == short and all(w in _PARTY_FOLDS for w in full[n:]):
        return True
    return _org_affix(short, full)


MINOR_FOLDS = frozenset(fold_name(w) for w in MINOR_WORDS)
TAIL_FOLDS = frozenset(fold_name(w) for w in _ORG_TAILS)
BODY_TAIL_FOLDS = frozenset(fold_name(w) for w in BODY_TAILS)
