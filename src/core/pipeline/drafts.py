"""A quote while the rules build it, and the helpers every pass over the parse shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import QuoteKind
from .cues import verb_base
from .quotemarks import QuoteMarks
from .speakers import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Sentence-ending punctuation.
SENTENCE_END = frozenset({".", "!", "?", ";"})


@dataclass(slots=True)
class Draft:
    """A quote before ids are assigned."""

    start: int
    end: int
    kind: QuoteKind
    cue: Token | None
    cue_end: int | None
    speaker: Speaker | None
    marks: QuoteMarks | None = None
    via: str | None = None
    cue_text: str | None = None
    cue_start: int | None = None
    continued: bool = False
    """The speaker carries on from an earlier quote, with no cue of its own."""


def is_cue_verb(token: Token, verbs: frozenset[str]) -> bool:
    """A verb of `verbs` used as a verb (not "the said report", not a bare participle)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False  # first: most tokens are no verb, and the part of speech is cheaper
    base = verb_base(token.text)
    return (
        base is not None
        and base in verbs
        and token.dep_ not in {"amod", "compound"}
        and (
            token.dep_ != "acl"
            or any(c.dep_ == "nsubj" for c in token.children)
            or _verb_after_aside(token)
        )
    )


def _verb_after_aside(verb: Token) -> bool:
    """ "Ana Ruiz, who plays X in the film, tweeted about it": after the comma that closes a
    relative clause or an apposition on a person's name, a past form hung on the name is its
    finite verb, not a participle describing the name."""
    name = verb.head
    doc = verb.doc
    return (
        verb.tag_ in {"VBD", "VBN"}
        and name.pos_ == "PROPN"
        and name.ent_type_ == "PERSON"
        and doc[verb.i - 1].text == ","
        and any(c.dep_ in {"relcl", "appos"} and name.i < c.i < verb.i for c in name.children)
    )


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding whitespace and a trailing comma (`"...," he said`)."""
    while start < end and (text[start].isspace() or text[start] in ",;:)]"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end < len(text) and _opened(text[start:end], text[end]):
        end += 1  # `declaring himself the "president of law and order."`: its closing mark
    elif end + 1 < len(text) and text[end] in ".!?" and _opened(text[start:end], text[end + 1]):
        end += 2  # `they were "not traveling at this time."`: the stop inside the marks
    return start, end


def _opened(span: str, after: str) -> bool:
    """Whether `after` closes a quotation mark the span opened and left open."""
    if after == '"':
        return span.count('"') % 2 == 1
    if after == "”":
        return span.count("“") > span.count("”")
    return False
