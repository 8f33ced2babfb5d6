"""Text folding for search: case, accents, quotes, Cyrillic and romanisation variants.

Two levels: `fold_token` makes spellings that differ only in case, accents or script equal
(`Sécurité` = `securite`); `skeleton` goes further and merges the usual variants of Russian and
Chinese romanisation (`Yanukovich` = `Yanukovych`, `Navalny` = `Navalnyi`, `Kasparow` =
`Kasparov`, `Hsi` = `Xi`). Both are general rules, not lists of names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

#: A token: a run of word characters (combining marks kept, so decomposed accents stay inside).
TOKEN_RE = re.compile(r"[\w\u0300-\u036f]+")

#: Characters that join two tokens into one compound (`Sheng-kun`, `Xi'an`, `O’Brien`).
JOINERS = frozenset("-\u2010\u2011'\u2019\u02bc`")

#: Letters NFKD does not decompose.
_SPECIAL = str.maketrans({
    "ø": "o", "đ": "d", "ð": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i", "ŧ": "t",
    "ħ": "h", "ŋ": "n", "ĸ": "k",
})

#: Russian/Ukrainian/Belarusian Cyrillic to Latin (a plain, common scheme; `skeleton` absorbs
#: the rest).
_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "є": "ye", "і": "i",
    "ї": "yi", "ґ": "g", "ў": "u",
})

#: Straight and typographic quote marks, folded to `"` (phrase delimiters in queries).
QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟«»〝〞＂"})


@lru_cache(maxsize=200_000)
def fold_token(raw: str) -> str:
    """Case, accents and script folded; one raw token in, one folded token out."""
    s = raw.casefold()
    if s.isascii():
        return s
    s = s.translate(_CYRILLIC)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.translate(_SPECIAL)


# Romanisation variants, applied in order to a folded token. Each rule merges spellings that
# transliteration systems (BGN, scholarly, German, French, Wade-Giles vs pinyin) write differently.
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|sch", "sh"),  # щ / German ш
        (r"tsch|tch", "ch"),  # German, English ч
        (r"dzh|dj|zh", "j"),  # ж / дж
        (r"kh", "h"),  # х
        (r"ks", "x"),  # Aleksandr / Alexander
        (r"hs", "x"),  # Wade-Giles hs / pinyin x
        (r"ph", "f"),
        (r"ff$", "v"),  # Smirnoff / Smirnov
        (r"w", "v"),  # Kasparow / Kasparov
        (r"ou", "u"),  # French: Oustinov, Ianoukovitch
        (r"tz|ts", "c"),  # ц
        (r"[yj]", "i"),  # й, ы and the glides of я, ю, е
        (r"(?<=[aeiou])i(?=[aeiou])", ""),  # Sergeyev / Sergeev, Dostoyevsky / Dostoevsky
        (r"^ie", "e"),  # Yevgeny / Evgeny, Yelena / Elena
        (r"(.)\1+", r"\1"),  # doubled letters: Navalnyi -> navalnii -> navalni
    )
)


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """A folded token reduced so that romanisation variants of one name become equal."""
    s = token
    for pattern, replacement in _SKELETON_RULES:
        s = pattern.sub(replacement, s)
    return s


def iter_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """`(start, end, folded)` for every token of `text`, then for every joined pair (`sheng-kun`).

    Offsets are into `text`; a joined pair spans both tokens and folds to their concatenation,
    so `Sheng-kun` is found by `shengkun` and the other way round.
    """
    previous: tuple[int, int, str] | None = None
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        folded = fold_token(match.group())
        if not folded:
            continue
        yield start, end, folded
        if previous is not None and previous[1] + 1 == start and text[previous[1]] in JOINERS:
            yield previous[0], end, previous[2] + folded
        previous = (start, end, folded)


_JOINED_RE = re.compile(r"[\w\u0300-\u036f]+(?:[-\u2010\u2011'\u2019\u02bc`][\w\u0300-\u036f]+)+")


def token_set(text: str) -> set[str]:
    """The distinct folded tokens of `text`, joined pairs included (what `iter_tokens` yields).

    The fast path for indexing: no offsets, regex work in C.
    """
    out = {fold_token(raw) for raw in TOKEN_RE.findall(text)}
    if any(joiner in text for joiner in JOINERS):
        for compound in _JOINED_RE.findall(text):
            parts = [fold_token(raw) for raw in TOKEN_RE.findall(compound)]
            out.update(a + b for a, b in pairwise(parts) if a and b)
    out.discard("")
    return out


def fold_text(text: str) -> str:
    """The folded tokens of `text`, space-separated (for display keys and suggestions)."""
    return " ".join(fold_token(m.group()) for m in TOKEN_RE.finditer(text))
