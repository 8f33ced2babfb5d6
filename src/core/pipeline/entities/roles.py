"""A person's role as the sentence gives it: a title before, an apposition, a copula."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..names import COURTESY, HONORIFICS
from .candidates import Candidate
from .labels import KIN_OR_PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_ROLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod", "nummod"})
_ROLE_STOP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_MAX_ROLE_TOKENS = 10
_COPULAS = frozenset({"is", "was", "'s", "’s", "remains", "remained"})
_ROLE_JOINS = frozenset({"and", "&"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_HYPHENS = frozenset({"-", "–"})
#: Prepositions whose bare noun is an office sought or held ("ran for president and X for ...").
_OFFICE_PREPOSITIONS = frozenset({"for", "as"})


def role_of(doc: Doc, cand: Candidate, has_parse: bool) -> str | None:
    """A role the text gives: a title before the name, an apposition, or "X is China's chief"."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not has_parse:
        return None
    return (
        _role_before(doc, span)
        or _office_of_a_name_before(doc, span)
        or _role_apposition(doc, span)
        or _role_copula(doc, span)
    )


#: Names whose office a title before them may be: "president of the United States X".
_OFFICE_HOLDERS = frozenset({"GPE", "ORG", "NORP", "LOC"})


def _office_of_a_name_before(doc: Doc, span: Span) -> str | None:
    """A title, its "of" and the country or body it serves, right before the name with no
    comma: "the 45th president of the United States X", "the first Secretary-General of the
    Fooland Union X". The role is the title with its words before it, an ordinal among them,
    and what follows up to the name; the "the" before it is no part of it."""
    last = span.start - 1
    if last < 0 or doc[last].ent_type_ not in _OFFICE_HOLDERS:
        return None
    first = last
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1  # the first word of the country's or the body's name
    of = first - 1
    if of >= 0 and doc[of].lower_ == "the":
        of -= 1
    if of < 1 or doc[of].lower_ != "of":
        return None
    title = doc[of - 1]
    word = title.lower_
    if title.ent_type_ or word not in HONORIFICS - COURTESY and word not in KIN_OR_PERSON_NOUNS:
        return None
    left = title.i
    while left > 0 and span.start - left < _MAX_ROLE_TOKENS:
        token = doc[left - 1]
        if token.text in _HYPHENS and left > 1 and not token.whitespace_:
            left -= 2  # "Secretary-General"
            continue
        if token.pos_ not in ("ADJ", "NOUN", "PROPN") and token.ent_type_ != "ORDINAL":
            break
        if token.ent_type_ and token.ent_type_ != "ORDINAL":
            break
        left -= 1
    if left > 0 and doc[left - 1].pos_ not in ("DET", "PUNCT") and not doc[left].is_sent_start:
        return None  # "... met president of X Y": a title the sentence does not introduce so
    role = doc[left : span.start].text.strip()
    return role if role[:1].isalnum() else None


def _role_before(doc: Doc, span: Span) -> str | None:
    """Modifiers left of the name that attach to it: "former Ukrainian President", "drummer",
    "writer and performer"; none when the title names a group ("government critics X and Y")."""
    left = span.start
    i = span.start - 1
    while i >= 0 and span.start - i <= _MAX_ROLE_TOKENS:
        token = doc[i]
        if token.is_punct or token.is_space or token.ent_type_ in _ROLE_STOP_ENTS:
            break
        joins = token.lower_ in _ROLE_JOINS and left < span.start
        if joins and _coordinated_title(doc, span, left, i):
            left = i - 1  # "writer and performer X": one person's two titles
            i -= 2
            continue
        if token.pos_ in ("DET", "VERB", "AUX", "ADP", "CCONJ", "PRON", "SCONJ", "NUM"):
            break
        attaches = left <= token.head.i < span.end and token.head.i > i
        if token.dep_ == "case" and token.head.i == i - 1:
            attaches = True
        # the title next to the name, which the parser read as its apposition or conjunct
        seeded = left == i + 1 == span.start and _title_noun(token) and _linked(span, left, token)
        if not seeded and (not attaches or token.dep_ not in _ROLE_DEPS):
            break
        left = i
        i -= 1
    if left == span.start:
        return None
    if left > 0 and doc[left - 1].text in _HYPHENS:
        if doc[left - 1].whitespace_ or left < 2 or doc[left - 2].whitespace_:
            return None  # "– Judge X": a dash before the words, not a hyphened word
        if doc[left].text[:1].isupper() and doc[left - 2].is_alpha:
            left -= 2  # "ex-Prime Minister", "al-Qaeda founder": the prefix belongs to the title
        else:
            left += 1  # "third-term senator", "two-time champion": the title is what follows
    while left < span.start and doc[left].pos_ == "CCONJ":
        left += 1  # "co-author and geochemist" less the hyphened word: "geochemist"
    if _name_runs_on(doc, left, span.start):
        while doc[left].text[:1].isupper():
            left += 1  # "Nights in the City writer": "City" ends the show's name, no title
    if left >= span.start:
        return None
    role = doc[left : span.start]
    if len(role) == 1 and role[0].lower_.rstrip(".") in COURTESY:
        return None
    if role[-1].tag_ in _PLURAL_TAGS:
        return None  # "prominent government critics X and Y": a group the person is one of
    if not any(t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ for t in role):
        return None
    text = role.text.strip()
    return text if text[:1].isalpha() else None


def _name_runs_on(doc: Doc, left: int, end: int) -> bool:
    """The role read so far begins inside a longer name, capitalised words on both sides of its
    "of" or "in the", before a common noun ("Nights in the City writer", "League of Latin
    Citizens president"); "the brother of U.S. President X" is no name, "over President X" no
    title after one."""
    before = left - 1
    if before >= 0 and doc[before].pos_ == "DET":
        before -= 1
    return (
        before > 0
        and left < end
        and doc[before].pos_ == "ADP"
        and doc[left].pos_ == "PROPN"
        and doc[end - 1].pos_ == "NOUN"
        and doc[end - 1].text[:1].islower()
        and doc[before - 1].text[:1].isupper()
        and not doc[before - 1].is_sent_start
    )


def _title_noun(token: Token) -> bool:
    """A bare singular common noun, as a title before a name is ("lawyer", "chief executive");
    "the band" is a party of its own, but the "the" of "the Daily Show writer" is the show's."""
    doc = token.doc
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and not token.ent_type_
        and not any(
            c.dep_ == "det" and not any(t.pos_ == "PROPN" for t in doc[c.i + 1 : token.i])
            for c in token.children
        )
    )


def _linked(span: Span, left: int, token: Token) -> bool:
    """The parser ties `token` to the name or to its title: the name in apposition to it or
    coordinated with it ("lawyer and activist Dana Okafor" parsed as "lawyer, Dana Okafor"), or
    the next title coordinated with it ("chairman and chief executive X")."""
    root = span.root
    if root.head.i == token.i and root.dep_ in ("appos", "conj"):
        return True
    if token.dep_ == "conj" and (
        root.head.i == token.head.i or span.start <= token.head.head.i < span.end
    ):
        return True  # the title next to the name is the second of two
    return any(t.dep_ == "conj" and t.head.i == token.i for t in span.doc[left : span.start])


def _coordinated_title(doc: Doc, span: Span, left: int, i: int) -> bool:
    """ "and" at `i` joins a title before it to the title already read ("poet and translator");
    "the police and lawyer X", "students and teacher X" are two parties, not one title."""
    if i == 0:
        return False
    before = doc[i - 1]
    if not _title_noun(before) or doc[i].head.i not in (before.i, *range(left, span.start)):
        return False
    if i > 1 and doc[i - 2].lower_ in _OFFICE_PREPOSITIONS:
        return False  # "a ticket of X for president and rapper Y for vice president"
    return _linked(span, left, before) or (
        before.dep_ in _ROLE_DEPS and left <= before.head.i < span.end
    )


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
