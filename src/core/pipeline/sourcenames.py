"""A source's whole name as a round-up writes it: a blog's title with its colon or its
prepositional tail ("Acme: Notes from Velmora", "Letters in 4 Parts"), a commenter's own name
("a reader calling himself Who Knows?"). The model tags a piece of such a title, or nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speakers import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Small words a title keeps in lower case ("Letters in 4 Parts", "Notes of a Walker").
TITLE_JOINERS = frozenset("in of on for the a an and to at from with".split())
#: Entity types that make a tail a place, a date or another name, not part of a title.
NOT_A_TITLE = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP", "DATE", "TIME"})
#: Longest title before a colon, in words.
PREFIX_WORDS = 3
#: "calling himself X", "who calls herself X", "who called themselves X".
CALLING = frozenset({"calling", "calls", "called"})
#: Reflexives after "calling", "who calls": the name given next is self-chosen.
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def whole_title(subject: Token, speaker: Speaker) -> Speaker:
    """The speaker with the title's words the name lost: the title-cased words and colon
    opening the sentence right before the name, the prepositional tail after it up to the
    comma or verb, or the name a commenter gives himself."""
    given = _self_given(subject)
    if given is not None and speaker.key is None:
        return Speaker(given, speaker.start, speaker.end, None, speaker.via, "name")
    name = _name_token(subject)
    if name is None:
        return speaker
    lo, hi = _name_bounds(name)
    doc = name.doc
    first, last = _colon_prefix(name, lo), _tail(name, hi)
    if first == lo and last == hi:
        return speaker
    text = doc.text[doc[first].idx : doc[last].idx + len(doc[last].text)]
    return Speaker(text, speaker.start, speaker.end, speaker.key, speaker.via, speaker.basis)


def _name_token(subject: Token) -> Token | None:
    """The proper noun naming the subject: itself, or a name in apposition to it ("Another
    blog, Letters in 4 Parts, comments")."""
    if subject.pos_ == "PROPN":
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _name_bounds(name: Token) -> tuple[int, int]:
    """The name's first and last token: its compound words before it."""
    doc = name.doc
    lo = name.i
    while lo > name.sent.start and doc[lo - 1].dep_ == "compound" and doc[lo - 1].head.i in {
        name.i, lo
    }:
        lo -= 1
    return lo, name.i


def _colon_prefix(name: Token, lo: int) -> int:
    """Where the name starts with the title-cased words and colon opening its paragraph
    ("Acme: Notes from Velmora likens ..."); `lo` when there are none."""
    doc = name.doc
    if lo < 2 or doc[lo - 1].text != ":" or doc[lo - 2].whitespace_:
        return lo
    start = lo - 1
    while start > 0 and lo - 1 - start < PREFIX_WORDS:
        word = doc[start - 1]
        if word.is_space or word.is_punct or not word.text[:1].isupper():
            break
        start -= 1
    opens = start == 0 or (doc[start - 1].is_space and "\n" in doc[start - 1].text)
    return start if start < lo - 1 and opens else lo


def _tail(name: Token, hi: int) -> int:
    """Where the name ends with a title's prepositional tail ("Letters in 4 Parts,"): small
    words, numbers and capitalised words up to a comma or the verb, ending capitalised."""
    doc = name.doc
    end = hi
    i = hi + 1
    while i < name.sent.end:
        token = doc[i]
        if token.ent_type_ in NOT_A_TITLE:
            return hi
        if token.lower_ in TITLE_JOINERS and token.text.islower():
            i += 1
            continue
        if token.like_num or (token.text[:1].isupper() and token.is_alpha):
            end = i
            i += 1
            continue
        break
    if end == hi or i >= name.sent.end or doc[end + 1 : i].text.strip():
        return hi  # no tail, or it ends in a small word
    after = doc[i]
    return end if after.text == "," or after.pos_ in {"VERB", "AUX"} else hi


def _self_given(subject: Token) -> str | None:
    """`a reader calling himself Who Knows?`: the name after the reflexive, to the colon or
    comma that closes it, when it is capitalised."""
    doc = subject.doc
    calling = next(
        (c for c in subject.children if c.dep_ in {"acl", "relcl"} and c.lower_ in CALLING), None
    )
    if calling is None:
        return None
    reflexive = next((c for c in calling.children if c.lower_ in REFLEXIVES), None)
    if reflexive is None or reflexive.i + 1 >= len(doc):
        return None
    start = reflexive.i + 1
    end = start
    while end < reflexive.sent.end and doc[end].text not in {":", ",", ";"} and not doc[
        end
    ].is_space:
        end += 1
    words = doc[start:end]
    if not len(words) or not words[0].text[:1].isupper():
        return None
    return words.text.strip()
