"""Who targets whom: relations read off positions, after the reader's corrections.

A relation joins the actor who holds a position (a stance or a quote) to each other actor
named inside it ("China urged *Russia* to ...", "the President *praised* Pelosi"). The cue
verb labels it; a polarity comes from the verb where the verb carries one. Everything is
computed from the `Library`, so corrections applied there show here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..models import ActorSummary, ActorType, ArticleAnalysis, Mention, Quote
from ..store.library import Library

Polarity = Literal["support", "oppose", "neutral"]
POLARITIES: tuple[Polarity, ...] = ("support", "oppose", "neutral")

#: Verbs whose object is approved of. Lemmas; `_forms` adds the inflections.
SUPPORT_VERBS = (
    "praise",
    "back",
    "welcome",
    "support",
    "endorse",
    "thank",
    "defend",
    "congratulate",
    "applaud",
    "commend",
    "hail",
    "laud",
    "salute",
    "approve",
    "champion",
    "credit",
    "celebrate",
    "honour",
    "honor",
    "embrace",
    "vouch",
    "side",
)
#: Verbs whose object is disapproved of.
OPPOSE_VERBS = (
    "accuse",
    "criticise",
    "criticize",
    "condemn",
    "blame",
    "denounce",
    "attack",
    "slam",
    "blast",
    "reject",
    "oppose",
    "sue",
    "deride",
    "mock",
    "ridicule",
    "chastise",
    "rebuke",
    "decry",
    "lambast",
    "lambaste",
    "fault",
    "threaten",
    "dismiss",
    "question",
    "challenge",
    "disparage",
    "insult",
    "scold",
    "censure",
    "berate",
    "assail",
    "castigate",
    "protest",
    "deplore",
    "warn",
    "object",
    "dispute",
    "contest",
    "sanction",
    "boycott",
    "vilify",
)


@dataclass(frozen=True, slots=True)
class Relation:
    """One actor targeting another in one position (the evidence)."""

    source: str
    """Actor id of the position's holder."""
    source_name: str
    target: str
    """Actor id of the actor named in the position."""
    target_name: str
    verb: str
    """The cue, lower-cased ("urged", "praised", "said")."""
    polarity: Polarity
    evidence: str
    """The quote id of the position."""
    article: str
    date: str | None


def _forms(lemma: str) -> set[str]:
    """A verb's common inflections (criticise -> criticised, criticises, criticising)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {
        lemma,
        lemma + "s",
        stem + "ed",
        stem + "ing",
        lemma + "d" if lemma.endswith("e") else "",
    }
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if lemma.endswith(("h", "s", "x", "z")):
        forms.add(lemma + "es")
    if len(lemma) <= 4 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # slam -> slammed
    forms.discard("")
    return forms


@cache
def _polarity_of_word() -> dict[str, Polarity]:
    table: dict[str, Polarity] = {}
    groups: tuple[tuple[tuple[str, ...], Polarity], ...] = (
        (SUPPORT_VERBS, "support"),
        (OPPOSE_VERBS, "oppose"),
    )
    for lemmas, carried in groups:
        for lemma in lemmas:
            for form in _forms(lemma):
                table.setdefault(form, carried)
    return table


def polarity(cue: str | None) -> Polarity:
    """The polarity a cue verb carries: the first word that carries one decides."""
    if not cue:
        return "neutral"
    table = _polarity_of_word()
    for word in cue.lower().split():
        found = table.get(word.strip(".,;:!?\"'“”‘’"))
        if found:
            return found
    return "neutral"


def verb_label(quote: Quote) -> str:
    """The relation's label: the cue as written, lower-cased; a bare quote is "said"."""
    cue = " ".join((quote.cue or "").split()).lower()
    return cue or "said"


#: Actor types that can be the target of a position: those that can act or be acted upon.
TARGET_TYPES: frozenset[ActorType] = frozenset({"person", "organization", "group", "place"})
#: Place labels that name polities ("urged Russia"); rivers, regions and buildings are settings.
POLITY_LABELS = frozenset({"GPE"})
#: Entity labels that can name someone a position is about: people, organisations, polities,
#: and groups; buildings, events, laws, works and products are what positions are about, not whom.
TARGET_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def is_target(mention: Mention, actor: ActorSummary | None, text: str) -> bool:
    """Whether a mention inside a position names someone it is about, not a setting or modifier.

    Places count only as polities (GPE) and not after a locative preposition; a nationality
    or polity used as a modifier ("American troops", "Syrian Democratic Forces") names no one.
    """
    if actor is None or actor.type not in TARGET_TYPES or mention.label not in TARGET_LABELS:
        return False
    if actor.type == "place" and (
        mention.label not in POLITY_LABELS or _after_locative(text, mention.start)
    ):
        return False
    if mention.label in ("NORP", "GPE") and _modifies_next_word(text, mention.end):
        return False
    if mention.label == "NORP" and not _after_article(text, mention.start):
        return False  # "Christians" is a faith; "the Kurds" are a party to the story
    return True


def _after_article(text: str, start: int) -> bool:
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].lower() == "the"


def _modifies_next_word(text: str, end: int) -> bool:
    """A name directly followed by another word of its noun phrase ("American troops")."""
    rest = text[end : end + 40]
    if not rest.startswith(" "):
        return False
    word = rest[1:].split(" ", 1)[0].strip(".,;:!?\"'“”‘’()")
    return bool(word) and word[0].isalpha() and word.lower() not in _CLAUSE_WORDS


#: Prepositions that make the place after them a setting ("talks in Berlin").
_LOCATIVES = frozenset("in at near from across around outside inside throughout within".split())


def _after_locative(text: str, start: int) -> bool:
    words = text[max(0, start - 30) : start].split()
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1].lower() in _LOCATIVES


#: Words that may follow a name without being part of its noun phrase.
_CLAUSE_WORDS = frozenset(
    "and or but to of in on at for from by with as than that which who is are was were has "
    "have had will would would could should may might must can did does do not also".split()
)


def relations_in(
    detail: ArticleAnalysis,
    actors: dict[str, ActorSummary],
    quotes: Iterable[Quote] | None = None,
) -> Iterator[Relation]:
    """The relations in one article's positions (all of them, or `quotes`).

    A target is an actor named inside the position's span (see `is_target`) other than its
    holder; an actor named twice in one position counts once.
    """
    text = detail.article.text
    mentions = detail.mentions
    for quote in detail.quotes if quotes is None else quotes:
        if not quote.actor:
            continue
        seen: set[str] = set()
        for mention in mentions:
            if mention.start < quote.start:
                continue
            if mention.start >= quote.end:
                break
            if mention.end > quote.end:
                continue
            target = detail.actor_at(mention)
            if not target or target == quote.actor or target in seen:
                continue
            if not is_target(mention, actors.get(target), text):
                continue
            seen.add(target)
            yield Relation(
                source=quote.actor,
                source_name=_name(actors, quote.actor, quote.speaker),
                target=target,
                target_name=_name(actors, target, mention.text),
                verb=verb_label(quote),
                polarity=polarity(quote.cue),
                evidence=quote.id,
                article=detail.article.id,
                date=detail.article.date,
            )


def _name(actors: dict[str, ActorSummary], actor_id: str, fallback: str | None) -> str:
    found = actors.get(actor_id)
    return found.name if found else (fallback or actor_id)


def find_relations(library: Library, actor_id: str | None = None) -> list[Relation]:
    """Every relation in the corpus, or those with `actor_id` at either end, in article order.

    For one actor, its own positions give the relations it is the source of; the articles that
    mention it give those where another actor targets it.
    """
    actors = {a.id: a for a in library.actors()}
    if actor_id is None:
        article_ids: Sequence[str] = [a.id for a in library.articles()]
    else:
        article_ids = list(library.actor(actor_id).articles)
    found: list[Relation] = []
    for article_id in article_ids:
        detail = library.article(article_id)
        for relation in relations_in(detail, actors):
            if actor_id is None or actor_id in (relation.source, relation.target):
                found.append(relation)
    return found


def relation_json(relation: Relation) -> dict[str, object]:
    """One relation as `newsdesk relations --json` prints it."""
    return {
        "source": relation.source_name,
        "source_id": relation.source,
        "target": relation.target_name,
        "target_id": relation.target,
        "verb": relation.verb,
        "polarity": relation.polarity,
        "evidence": relation.evidence,
        "article": relation.article,
        "date": relation.date,
    }
