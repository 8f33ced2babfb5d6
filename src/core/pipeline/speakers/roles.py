"""Roles and titles: what a role is written as, whom it serves, and whether it holds a title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Mention
from ..countries import country_of
from ..entities import KIN_NOUNS, PERSON_NOUNS
from ..names import HONORIFICS, fold_name

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Words after which a role goes on about whom it serves ("spokesperson for the ministry").
ROLE_LINKS = frozenset({"for", "of", "at", "with", "in", "to", "from"})


def role_heads(role: str) -> set[str]:
    """The nouns a role can be referred back by: its last word, and the last word before
    "for"/"of"/... ("spokesperson for the Department of Justice" -> spokesperson, justice)."""
    words = role.lower().replace("-", " ").split()
    heads = set(words[-1:])
    for i, word in enumerate(words):
        if word in ROLE_LINKS and i > 0:
            heads.add(words[i - 1])
            break
    return heads


#: Words that make a role another one: a deputy prime minister is not "the prime minister".
_SECOND_ROLES = frozenset({"deputy", "vice", "assistant", "associate", "former", "ex"})


def holds_title(role: str, title: list[str]) -> bool:
    """The role holds the whole title ("Prime Minister of Slovakia" for "the Prime
    Minister"), not as a deputy's ("Deputy Prime Minister for Finance") nor another title
    with the same noun ("... and Minister of Economy"). A role opening with the noun is
    taken as written without its leading title words ("Minister of Slovakia"), unless the
    title asked for is a second one: "the Vice President" is not the holder of "President"."""
    words = role.lower().replace("-", " ").split()
    head, modifiers = title[-1], title[:-1]
    second = bool(_SECOND_ROLES & set(modifiers))
    for i, word in enumerate(words):
        if word != head:
            continue
        if i == 0 and not second:
            return True
        lead = i - len(modifiers)
        if lead >= 0 and words[lead:i] == modifiers and (
            lead == 0 or words[lead - 1] not in _SECOND_ROLES
        ):
            return True
    return False


#: Small words a written title runs over ("Minister for Finance and Minister of Economy").
_TITLE_LINKS = frozenset({"of", "for", "and", "the", "to"})


def _title_before(text: str, start: int) -> str:
    """The title as written right before a name ("Deputy Prime Minister for Finance and
    Minister of Economy Ana Ruiz"): capitalised words and the links between them."""
    words = text[max(0, start - 120) : start].split()
    kept: list[str] = []
    for word in reversed(words):
        if word[-1:] in ",.;:\"”)" or not (word[:1].isupper() or word in _TITLE_LINKS):
            break
        kept.append(word)
    while kept and kept[-1] in _TITLE_LINKS:
        kept.pop()
    return " ".join(reversed(kept))


def roles_written(text: str, mention: Mention) -> list[tuple[str, str]]:
    """A person's roles as (role, title as written): the one recorded with the mention, and
    the phrase set before the name with a comma ("A spokeswoman for the airline, Maria
    Lind"), which the mention records only in part."""
    roles: list[tuple[str, str]] = []
    if mention.role:
        roles.append((mention.role, _title_before(text, mention.start) or mention.role))
    before = text[max(0, mention.start - 120) : mention.start].rstrip()
    if before.endswith(","):
        phrase = before[:-1]
        for mark in ".;:\n\"“”(":
            phrase = phrase.rsplit(mark, 1)[-1]
        phrase = phrase.rsplit(",", 1)[-1].strip()
        if 1 <= len(phrase.split()) <= 8:
            roles.append((phrase, phrase))
    return roles


def role_scope(subject: Token) -> str | None:
    """What a role noun is the role of: "the president of Turkey" -> "Turkey"."""
    for child in subject.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return " ".join(t.text for t in obj.subtree if t.pos_ == "PROPN")
    return None


def role_serves(role: str, scope: str) -> bool:
    """A role written with a name ("Turkish President", "President of Turkey") serves
    `scope` ("Turkey"): the scope's words in it, or its country by demonym."""
    role_fold, scope_fold = fold_name(role), fold_name(scope)
    if scope_fold and scope_fold in role_fold:
        return True
    country = country_of(scope_fold)
    return country is not None and any(country_of(w) == country for w in role_fold.split())


def serves(role: Token) -> bool:
    """A role noun for one who acts for someone ("spokesman", "lawyer"), not a kin noun."""
    word = role.lower_
    return (word in PERSON_NOUNS or word in HONORIFICS) and word not in KIN_NOUNS
