"""What is no actor: link bits, common or lower-case words, dates, headlines' words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ...models import Article
from ..names import HONORIFICS, is_acronym
from .candidates import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc


_CONTRACTION = re.compile(r"^\w{1,2}['‘’](?:m|s|re|ve|ll|d|t)$", re.I)
#: A negation contracted onto the word before it: "Don't", "Won’t".
NEGATION_AFTER = re.compile(r"['‘’]t(?!\w)", re.I)

_URLISH = re.compile(r"://|www\.|\.html?\b|[\\/@#=_|<>\[\]{}()]|\)\)")

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TEXT_WORD = re.compile(r"[^\W_][\w'’]*(?:-[\w'’]+)*")

CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow""".split()
)
STOPWORDS = frozenset(
    """a an the and or but if of in on at to for from by with as is are was were be been it its
    this that these those he she they we you i his her their our your one two three all any
    some no not new said says according more most other such""".split()
)


@lru_cache(maxsize=4)
def words_of(text: str) -> frozenset[str]:
    """Every word of a text as written (case kept): "is this word used in lower case here?"."""
    return frozenset(_TEXT_WORD.findall(text))


def is_junk(cand: Candidate, doc: Doc, article_text: str, has_tags: bool) -> bool:
    """Not an actor: URL bits, lowercase or common words, numbers, dates, lone title words."""
    text = cand.text
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or not any(c.isupper() for c in letters):
        return True
    if _URLISH.search(text) or _CONTRACTION.match(text):
        return True
    if NEGATION_AFTER.match(article_text, cand.end):
        return True  # "Don't be afraid": a verb and its negation, not "Don"
    if not text.isascii() and len(_scripts(letters)) > 1:  # (ASCII letters are all Latin)
        return True  # "corona और HIV": a gloss in another script read across, not a name
    if cand.label in ("PERSON", "GPE", "NORP", "LOC") and any(c.isdigit() for c in text):
        return True
    words = text.split()
    if all(w.lower().strip(".,") in CALENDAR | STOPWORDS for w in words):
        return True
    if len(words) == 1 and not is_acronym(text):
        word = text.lower()
        if word in HONORIFICS:
            return True
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            token = span[0]
            if has_tags and cand.label != "NORP" and token.tag_ not in ("NNP", "NNPS"):
                return True
            if token.is_sent_start and word in words_of(article_text):
                # "Hurricane ...", "Pool": capitalised only because it starts a sentence.
                return True
    return False


def _scripts(letters: list[str]) -> set[str]:
    """The writing systems of some letters, by the first word of their Unicode names ("LATIN",
    "DEVANAGARI", "CYRILLIC"); modifier letters ("Nukuʻalofa") belong to none."""
    names = (unicodedata.name(c, "").split(" ", 1)[0] for c in letters)
    return {n for n in names if n and n != "MODIFIER"}


def headline_paragraphs(article: Article) -> list[tuple[int, int]]:
    """Paragraphs that read like headlines of other pages: short, Title Case, no full stop."""
    spans = []
    for start, end in article.paragraphs:
        para = article.text[start:end].strip()
        words = _WORD.findall(para)
        if not 3 <= len(words) <= 20 or para.endswith((".", "!", "?", '"', "”", ":", ";")):
            continue
        content = [w for w in words if w.lower() not in STOPWORDS]
        capitalised = sum(1 for w in content if w[0].isupper())
        if content and capitalised / len(content) >= 0.75:
            spans.append((start, end))
    return spans
