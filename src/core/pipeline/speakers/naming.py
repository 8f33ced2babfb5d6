"""How a speaker is written: a phrase's extent, names without titles or possessives, full names."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ...models import Mention
from ..names import HONORIFICS
from .datelines import dateline_dash

if TYPE_CHECKING:
    from spacy.tokens import Token


def name_written(head: Token) -> str:
    """A name as written from its first word to its last conjoined word ("The Acme and Co
    Show", which the parser split at "and"), without the clauses and asides after it."""
    last = head
    for child in head.rights:
        if child.dep_ in {"conj", "cc", "compound", "flat"}:
            last = max(last, child.right_edge, key=lambda t: t.i)
        else:
            break
    for token in head.doc[head.i : last.i + 1]:
        if token.text in {",", "(", ";", ":"}:
            last = head.doc[token.i - 1]
            break
    return strip_phrase(head.doc[head.left_edge.i : last.i + 1].text)


def phrase_bounds(head: Token) -> tuple[int, int]:
    """The written extent of a speaker phrase: the head, its modifiers on the left, and names."""
    left = head.i
    # a name is capitalised: "Russia's defense ministry", its head tagged as a name, is a noun
    # phrase kept whole
    named = head.pos_ == "PROPN" and head.text[:1].isupper()
    for child in head.lefts:
        if child.dep_ in {"preconj", "punct", "cc"}:
            continue
        if child.dep_ == "poss" and named and child.pos_ == "PROPN":
            # "Ruritania's King Otto II": the name, not whose it is
            left = head.i
            continue
        left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"} or (
            child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.i - head.i <= 8
        ):
            right = max(right, child.right_edge.i)
        else:
            break
    doc = head.doc
    while left < head.i and doc[left].is_punct:
        left += 1
    if named:
        # "wrestling promotion Acme Star Ring Wrestling": the words saying what the name is
        # are not part of it
        first = next((i for i in range(left, head.i) if doc[i].pos_ == "PROPN"), head.i)
        if all(
            doc[i].pos_ in {"NOUN", "ADJ", "VERB"} and doc[i].text[:1].islower()
            for i in range(left, first)
        ):
            left = first  # (capitalised words stay: "Green Liberals", "Sustainable ...")
    while right + 2 < len(doc) and doc[right + 1].text == "-" and not doc[right].whitespace_:
        right += 2  # "study co-author"
    dash = dateline_dash(doc, left)
    if dash is not None and dash < head.i:
        left = dash + 1  # "VANCOUVER — B.C.'s health minister says": the place it was filed
    return left, right


def strip_phrase(text: str) -> str:
    text = text.strip().strip(",;:—–- ")
    for lead in ("both ", "Both "):
        if text.startswith(lead):
            text = text[len(lead) :]
    return text


def without_title(text: str) -> str:
    """`Sgt. Ana Ruiz` -> `Ana Ruiz`: abbreviated titles before a name the model did not tag
    are the holder's role, not part of the name."""
    words = text.split(" ")
    k = 0
    while (
        k < len(words) - 1
        and words[k].endswith(".")
        and words[k].rstrip(".").lower() in HONORIFICS
        and words[k + 1][:1].isupper()
    ):
        k += 1
    return " ".join(words[k:])


def clean_name(name: str) -> str:
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def name_tokens(name: str) -> list[str]:
    return clean_name(name).replace(".", ". ").split()


def full_names(mentions: list[Mention], alone: Collection[str] = ()) -> dict[str, str]:
    """Short person keys -> the fuller key of the same article ("Berg" -> "Tom Berg").

    With clustered mentions the keys are already full names and this maps nothing; with bare
    mentions it joins surname-only and given-name-only keys to the first full name that fits
    (either name order, so surname-first names like "Tan Weiming" work too). Keys in `alone`
    are people the article names by that one word only (`names.named_by_one_name`).
    """
    persons = list(dict.fromkeys(m.key for m in mentions if m.label == "PERSON"))
    shorts = list(dict.fromkeys(m.key for m in mentions))
    person_tokens = [(other, name_tokens(other)) for other in persons]  # once, not per key
    mapping: dict[str, str] = {}
    for key in shorts:
        tokens = name_tokens(key)
        if not tokens or key in alone:
            continue
        best: str | None = None
        for other, longer in person_tokens:
            if other == key:
                continue
            if len(longer) <= len(tokens):
                continue
            if longer[-len(tokens) :] == tokens or longer[: len(tokens)] == tokens:
                best = other
                break
        if best is not None:
            mapping[key] = best
    return mapping
