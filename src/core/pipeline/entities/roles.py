"""A person's role as the sentence gives it: a title before, an apposition, a copula."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..names import COURTESY
from .candidates import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_ROLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod", "nummod"})
_ROLE_STOP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_MAX_ROLE_TOKENS = 10
_COPULAS = frozenset({"is", "was", "'s", "’s", "remains", "remained"})


def role_of(doc: Doc, cand: Candidate, has_parse: bool) -> str | None:
    """A role the text gives: a title before the name, an apposition, or "X is China's chief"."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not has_parse:
        return None
    return _role_before(doc, span) or _role_apposition(doc, span) or _role_copula(doc, span)


def _role_before(doc: Doc, span: Span) -> str | None:
    """Modifiers left of the name that attach to it: "former Ukrainian President", "drummer"."""
    left = span.start
    i = span.start - 1
    while i >= 0 and span.start - i <= _MAX_ROLE_TOKENS:
        token = doc[i]
        if token.is_punct or token.is_space or token.ent_type_ in _ROLE_STOP_ENTS:
            break
        if token.pos_ in ("DET", "VERB", "AUX", "ADP", "CCONJ", "PRON", "SCONJ", "NUM"):
            break
        attaches = left <= token.head.i < span.end and token.head.i > i
        if token.dep_ == "case" and token.head.i == i - 1:
            attaches = True
        if not attaches or token.dep_ not in _ROLE_DEPS:
            break
        left = i
        i -= 1
    if left == span.start or (left > 0 and doc[left - 1].text in ("-", "–")):
        return None
    role = doc[left : span.start]
    if len(role) == 1 and role[0].lower_.rstrip(".") in COURTESY:
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ for t in role):
        return None
    text = role.text.strip()
    return text if text[:1].isalpha() else None


def _role_apposition(doc: Doc, span: Span) -> str | None:
    """ "X, the foreign minister, said" and "the foreign minister, X, said"."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and doc[span.end].text == ",":
            role = _noun_phrase(doc, child, limit=child.right_edge.i + 1)
            if role:
                return role
    if root.dep_ == "appos" and root.head.i < span.start and doc[span.start - 1].text == ",":
        head = root.head
        role = _noun_phrase(doc, head, limit=head.i + 1)
        if role:
            return role
    return None


def _role_copula(doc: Doc, span: Span) -> str | None:
    """ "Li Wen is China's chief of cybersecurity" -> "China's chief of cybersecurity"."""
    root = span.root
    head = root.head
    if (
        root.dep_ != "nsubj"
        or head.i < span.end
        or head.lower_ not in _COPULAS
        and head.lemma_ != "be"
    ):
        return None
    for child in head.children:
        if child.dep_ == "attr" and child.i > head.i:
            return _noun_phrase(doc, child, limit=child.right_edge.i + 1)
    return None


def _noun_phrase(doc: Doc, head: object, limit: int) -> str | None:
    """The noun phrase headed by `head` (a Token), without determiners or clauses; None if it
    is not a plain common-noun role (a name, a number, a clause)."""
    from spacy.tokens import Token

    assert isinstance(head, Token)
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and not head.ent_type_):
        return None
    start = head.left_edge.i
    end = limit
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj"):
            end = min(end, child.left_edge.i)
    for token in doc[head.i + 1 : end]:
        if token.is_punct and token.text not in ("'s", "’s", "-"):
            end = token.i
            break
    if head.tag_ in ("NNS", "NNPS"):
        return None  # "members of ...", "others": a group, not this person's role
    while start < end and doc[start].pos_ in ("DET", "PUNCT", "ADV", "CCONJ"):
        start += 1
    if end - start > _MAX_ROLE_TOKENS or end <= start:
        return None
    phrase = doc[start:end]
    if any(t.pos_ in ("VERB", "AUX", "PRON") for t in phrase) or not phrase.text[:1].isalpha():
        return None
    return phrase.text.strip() or None
