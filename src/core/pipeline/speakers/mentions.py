"""Where a mention sits in the parse: its appositive roles, the noun it modifies, whom it serves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Mention
from .words import ARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def appositive_roles(doc: Doc, mention: Mention) -> list[tuple[str, str]]:
    """A person's role set after the name between commas ("Ana Ruiz, the government
    commissioner responsible for defence,"), as (role, title as written): the noun the
    parse puts in apposition to the name, with the words before it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    roles: list[tuple[str, str]] = []
    for child in span.root.rights:
        if child.dep_ != "appos" or child.pos_ != "NOUN":
            continue
        lead = [t for t in child.lefts if t.dep_ in {"compound", "amod"}]
        first = lead[0].left_edge.i if lead else child.i
        role = doc[first : child.i + 1].text
        roles.append((role, role))
    return roles


def whom_role_serves(doc: Doc, role: Token, mention: Mention) -> bool:
    """The person is whom a role is of or for ("a spokesman for President Ana Ruiz", "the
    lawyer of Tom Berg"): the object of the role noun's own preposition, not its holder."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    return head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == role.i


def modifies_a_noun(doc: Doc, mention: Mention) -> bool:
    """An adjective of nationality or a name before a noun ("Philippine President X",
    "French officials"): no group of its own for "they" to mean."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    return (
        last.dep_ in {"amod", "compound"}
        and last.head.pos_ in {"NOUN", "PROPN"}
        and last.head.i >= span.end
    )


def qualifies_a_noun(doc: Doc, mention: Mention) -> bool:
    """A name used as a modifier ("the Berg video", "the Smith family home"): the
    person is talked about through a thing, not present to be "he" or "she"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    head = last.head
    return (
        last.dep_ == "compound"
        and head.pos_ == "NOUN"
        and not head.text[:1].isupper()
        and not (span.start <= head.i < span.end)
    )


def common_noun(doc: Doc, mention: Mention) -> bool:
    """ "The first Westerner tried in Iraq", "a Canadian": one capitalised word with an
    article is a noun for a kind of person, which names no one; a name takes no article."""
    if " " in mention.text:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    return any(c.dep_ == "det" and c.lower_ in ARTICLES for c in span.root.children)
