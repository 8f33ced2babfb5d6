"""Who targets whom: relations read off positions, after the reader's corrections.

A relation joins the actor who holds a position (a stance or a quote) to each other actor
named inside it ("China urged *Russia* to ...", "the President *praised* Pelosi"). The cue
verb labels it; the polarity comes from the verb and the words around the target
(`polarity`). Everything is computed from the `Library`, so corrections applied there show
here too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..models import ActorSummary, ArticleAnalysis, Mention, Offsets, Quote
from ..pipeline.cues import NAMING_VERBS, verb_base
from ..store.library import Library
from .parties import non_parties, shared_surname
from .polarity import POLARITIES, Polarity, cue_negated, polarity, turn, words_polarity
from .targets import is_target, speaks_in_turn

__all__ = ["POLARITIES", "Polarity", "Relation", "find_relations", "polarity", "relation_json"]


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


def verb_label(quote: Quote) -> str:
    """The relation's label: the cue as written, lower-cased; a bare quote is "said"."""
    cue = " ".join((quote.cue or "").split()).lower()
    return cue or "said"


def relations_in(
    detail: ArticleAnalysis,
    actors: dict[str, ActorSummary],
    quotes: Iterable[Quote] | None = None,
) -> Iterator[Relation]:
    """The relations in one article's positions (all of them, or `quotes`).

    A target is an actor named inside the position's span (see `targets.is_target`) other
    than its holder; an actor named twice in one position counts once, with the polarity of
    its first naming (see `position_polarity`).
    """
    text = detail.article.text
    mentions = detail.mentions
    roles = _roles_in(detail, actors)
    speakers = sorted(
        (q.speaker_start, q.speaker_end)
        for q in detail.quotes
        if q.speaker_start is not None and q.speaker_end is not None
    )
    things = non_parties(mentions, text, detail.actor_at)
    for quote in detail.quotes if quotes is None else quotes:
        if not quote.actor or not holds_the_position(quote, text) or not written_speaker(quote):
            continue
        if someone_between(quote, mentions, text, detail.actor_at) or speaks_against_itself(
            quote, text
        ):
            continue
        source = source_of(quote, mentions, text, detail.actor_at)
        if source is None or source in things:
            continue
        seen: set[str] = set()
        start = _position_start(quote, text)
        end = position_end(quote, speakers, text)
        for index, mention in enumerate(mentions):
            if mention.start < start:
                continue
            if mention.start >= end:
                break
            if mention.end > end:
                continue
            if (
                mention.start != quote.speaker_start
                and outside_the_marks(quote, mention.start, text)
                and (_speaks_here(mention, speakers) or speaks_in_turn(text, mention.end))
            ):
                break  # a second source the report quotes: the rest is its ("while X noted")
            target = detail.actor_at(mention)
            if not target or target in (quote.actor, source) or target in seen:
                continue
            if target in things or shared_surname(mention, mentions):
                continue
            if own_side(source, target, actors, roles):
                continue
            neighbours = mentions[max(0, index - 3) : index + 3]
            opens = quote.kind == "stance" and not text[start : mention.start].strip()
            if not is_target(mention, actors.get(target), text, neighbours, stance_object=opens):
                continue
            seen.add(target)
            yield Relation(
                source=source,
                source_name=_name(actors, source, quote.speaker if source == quote.actor else None),
                target=target,
                target_name=_name(actors, target, mention.text),
                verb=verb_label(quote),
                polarity=position_polarity(quote, mention, text, detail.sentences),
                evidence=quote.id,
                article=detail.article.id,
                date=detail.article.date,
            )


#: Words that may stand between a participle cue and the clause it hangs from ("X agreed,
#: also saying").
_ADVERBS = frozenset({"also", "then", "later", "again", "further", "repeatedly"})


def holds_the_position(quote: Quote, text: str) -> bool:
    """Whether the cue reports the source's own position. An infinitive cue does only when
    a quotation follows it ("went on to add, '...'"); otherwise it is something the source
    tries or goes on to do ("continued to write songs", "trying to add the question"). A
    participle cue ("denying",
    "refusing", "calling") does only where it hangs from the source: after a comma closing
    the source's clause ("Lam agreed, saying ...") or right after the source's name ("with
    Spano calling the process a coup"). After a preposition or another verb it is part of
    something else ("held in contempt for refusing to ...", "Waddoups wrote denying X
    citizenship violated ..."): no stance of the source's."""
    cue = (quote.cue or "").split()
    if not cue or quote.cue_start is None:
        return True
    before = text[max(0, quote.cue_start - 60) : quote.cue_start].split()
    if before and before[-1].lower() == "to":
        return _opens_a_quote(text, quote.cue_end)  # "went on to add, '...'"
    if not cue[0].lower().endswith("ing") or cue[0].lower() == "according":
        return True
    while before and before[-1].lower() in _ADVERBS:
        before.pop()
    if before and before[-1].endswith((",", ":", ";", "—", "–")):
        return True
    speaker_end = quote.speaker_end
    return speaker_end is not None and not text[speaker_end : quote.cue_start].strip()


#: How far a characterisation's cue may stand before the quoted words it introduces.
CHARACTERISED_CHARS = 160


def _position_start(quote: Quote, text: str) -> int:
    """Where the position's words start. A characterisation's quote is the quoted words alone
    (`called the move a "smash and grab"`); what it characterises, between the cue and those
    words in the same sentence, is what the position is about."""
    cue_start, cue_end = quote.cue_start, quote.cue_end
    if quote.kind not in {"stance", "mixed"} or cue_start is None or cue_end is None:
        return quote.start
    if not (cue_start < cue_end <= quote.start <= cue_end + CHARACTERISED_CHARS):
        return quote.start
    between = text[cue_end : quote.start]
    if "\n" in between or any(end in between for end in (". ", "! ", "? ", "; ")):
        return quote.start
    first = (quote.cue or "").split()[:1]
    if not first or verb_base(first[0]) not in NAMING_VERBS:
        return quote.start
    return cue_end


def written_speaker(quote: Quote) -> bool:
    """Whether the speaker is written at the words (a name, a role, a pronoun): a speaker
    given by the layout alone (an interview's answers: an empty span) may be the narration
    between answers ("Wikinews' X photographed the event."), no one's position. A speaker the
    reader set by a correction has no span at all and is kept."""
    return quote.speaker_start is None or quote.speaker_end != quote.speaker_start


#: Between a speaker as written and the person named after it: the speaker's own noun phrase
#: ("Imus in the Morning writer and performer"), no clause of its own.
_NOUN_PHRASE = re.compile(r"[^,;:.!?()\"“”]*")
#: A person's name the model did not tag ("Pradeep Khosla"): two capitalised words.
_NAME_AFTER = re.compile(r"[A-Z][a-z]+\s+[A-Z]")
#: A possessor's role and the person holding it ("..., San Diego's chancellor, Pradeep").
_POSSESSED_ROLE = re.compile(r"(?:,\s*[^,;:.!?()\"“”]+)?['’]s\s+[^,;:.!?()\"“”]+,\s*")


def source_of(
    quote: Quote,
    mentions: Sequence[Mention],
    text: str,
    actor_at: Callable[[Mention], str | None],
) -> str | None:
    """Who holds the position: the quote's actor, unless a person is named inside the
    speaker's own phrase after it, who is then the speaker ("Longtime *Imus* in the Morning
    writer Rob Bartlett tweeted", "said *University of California*, San Diego's chancellor,
    Pradeep Khosla"): the name first written was only the show or the body the person works
    for. None when that person is no actor, or when the speaker is a surname several
    people of the article share."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return quote.actor
    for mention in mentions:
        if mention.start == quote.speaker_start and shared_surname(mention, mentions):
            return None
    end = quote.speaker_end
    limit = quote.cue_start if quote.cue_start is not None and quote.cue_start > end else None
    for mention in mentions:
        if mention.start < end or mention.label != "PERSON":
            continue
        if mention.start > end + 80 or (limit is not None and mention.end > limit):
            break
        between = text[end : mention.start]
        if limit is not None:
            named = bool(_NOUN_PHRASE.fullmatch(between)) and not text[mention.end : limit].strip(
                " ,"
            )
        else:
            named = bool(_POSSESSED_ROLE.fullmatch(between))
        if named:
            person = actor_at(mention)
            return person if person != quote.actor else quote.actor
    role = _POSSESSED_ROLE.match(text, end) if limit is None else None
    if role is not None and _NAME_AFTER.match(text, role.end()):
        return None  # a role and a name the model did not tag: the speaker is unknown
    return quote.actor


def position_end(quote: Quote, speakers: Sequence[tuple[int, int]], text: str = "") -> int:
    """Where the position's own words end: at the next speaker the span runs into outside
    the source's quotation marks ("Duda said the victims were '...' while Brudziński wrote he
    had ordered checks by the Fire Brigade": what follows Brudziński is his, not Duda's;
    '"... from very early on," wrote Winwood. Jagger also reacted, "Sad news ..."'). Inside
    the marks the source tells of others ("President Trump said, 'Let's talk'")."""
    index = bisect_right(speakers, (quote.start, float("inf")))
    for start, _end in speakers[index:]:
        if start >= quote.end:
            break
        if quote.speaker_start is not None and start == quote.speaker_start:
            continue
        if outside_the_marks(quote, start, text):
            return start
    return quote.end


#: Double quotation marks: one inside a direct quote's span means its words stopped there.
_DOUBLE_MARKS = ('"', "“", "”")


def outside_the_marks(quote: Quote, at: int, text: str) -> bool:
    """Whether offset `at` in the position is the reporter's words, not the source's quoted
    ones: anywhere in a reported position; in a direct quote, past a double quotation mark
    (the span ran over the end of the quotation)."""
    if quote.kind != "direct":
        return True
    return any(mark in text[quote.start : at] for mark in _DOUBLE_MARKS)


#: Sentence ends: a speaker written in another sentence than the words reaches them across one.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def someone_between(
    quote: Quote,
    mentions: Sequence[Mention],
    text: str,
    actor_at: Callable[[Mention], str | None],
) -> bool:
    """Whether another person is named between the words and a speaker written in another
    sentence ('... wrote Winwood in a statement. Jagger also reacted on Twitter, "Sad news
    ..."'): the words are more likely the nearer person's, whom the attribution skipped, so
    they are no evidence of the speaker's position."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return False
    if quote.speaker_end <= quote.start:
        low, high = quote.speaker_end, quote.start
    elif quote.speaker_start >= quote.end:
        low, high = quote.end, quote.speaker_start
    else:
        return False
    if not _SENTENCE_END.search(text, low, high):
        return False
    return any(
        low <= m.start and m.end <= high and m.label == "PERSON" and actor_at(m) != quote.actor
        for m in mentions
    )


#: Nouns after "X's" for people who speak against X, not for it.
_ADVERSARIES = re.compile(
    r"['’]s\s+(?:\w+\s+)?(critics|opponents|rivals|detractors|foes|enemies)\b"
)


def speaks_against_itself(quote: Quote, text: str) -> bool:
    """Whether the speaker as written is the actor's adversaries ("according to Johnson's
    critics"): resolved to the actor it names, the position would be the opposite of its
    own; "Erdoğan's office" speaks for him and is kept."""
    if quote.speaker_end is None:
        return False
    return bool(_ADVERSARIES.match(text, quote.speaker_end, quote.speaker_end + 40))


def _opens_a_quote(text: str, at: int | None) -> bool:
    """Whether a quotation opens right after the cue (a comma or colon between)."""
    if at is None:
        return False
    rest = text[at : at + 4].lstrip(" ,:")
    return rest[:1] in ('"', "“", "'", "‘")


def _speaks_here(mention: Mention, speakers: Sequence[tuple[int, int]]) -> bool:
    """Whether the mention is where another position names its speaker. Only outside a
    direct quote: in the source's own words, "President Trump said, 'Let's talk'" is the
    source telling of Trump; in the reporter's, it is a second, separate source."""
    index = bisect_right(speakers, (mention.start, float("inf"))) - 1
    return 0 <= index < len(speakers) and speakers[index][0] <= mention.start < speakers[index][1]


def _roles_in(detail: ArticleAnalysis, actors: dict[str, ActorSummary]) -> dict[str, set[str]]:
    """Actor id -> the roles it is given in this article (and its usual one)."""
    roles: dict[str, set[str]] = {}
    for mention in detail.mentions:
        actor = detail.actor_at(mention)
        if actor is None:
            continue
        found = roles.setdefault(actor, set())
        if mention.role:
            found.add(mention.role)
        summary = actors.get(actor)
        if summary is not None and summary.role:
            found.add(summary.role)
    return roles


def own_side(
    source: str, target: str, actors: dict[str, ActorSummary], roles: dict[str, set[str]]
) -> bool:
    """Whether one names the other in its role: the speaker's own organisation, country or
    head ("foreign affairs minister of *Cuba*", "*Coast Guard* Commandant"). A statement about
    one's own side is not one actor targeting another."""
    for holder, named in ((source, target), (target, source)):
        summary = actors.get(named)
        if summary is None:
            continue
        names = [n for n in (summary.name, *summary.aliases) if len(n) > 1]
        for role in roles.get(holder, ()):
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", role) for n in names):
                return True
    return False


def position_polarity(
    quote: Quote, mention: Mention, text: str, sentences: Sequence[Offsets]
) -> Polarity:
    """A position's polarity towards the actor `mention` names.

    A stance's cue governs its object, so the cue decides ("did not back X" opposes) and its
    words only when the cue carries none; a quote's cue often governs something else ("defended
    his decision"), so the evaluative words of the sentence naming the target decide first.
    """
    before = text[max(0, (quote.cue_start or 0) - 30) : quote.cue_start or 0]
    by_cue = polarity(quote.cue, before if quote.cue_start is not None else "")
    start, end = _sentence(sentences, mention.start, quote.start, quote.end, text)
    by_words = words_polarity(text[start:end])
    if quote.kind == "stance":
        if by_cue != "neutral":
            return by_cue
        # the stance's words under its cue's negation: "never called for X's resignation"
        return turn(by_words, cue_negated(quote.cue))
    return by_words if by_words != "neutral" else by_cue


def _sentence(
    sentences: Sequence[Offsets], at: int, low: int, high: int, text: str = ""
) -> Offsets:
    """The sentence holding offset `at`, clipped to [low, high) (the position's span). A
    "sentence" that starts with a bracket or a lower-case word is the splitter cutting one
    ("Thank you [Bill de Blasio] for ..."): it joins the one before."""
    index = bisect_right(sentences, (at, float("inf"))) - 1
    if not (0 <= index < len(sentences) and sentences[index][0] <= at < sentences[index][1]):
        return low, high
    start, end = sentences[index]
    while index > 0 and _cut_here(text[start : start + 1]):
        index -= 1
        start = sentences[index][0]
    return max(start, low), min(end, high)


def _cut_here(first: str) -> bool:
    return first in ("[", "(") or first.islower()


def _name(actors: dict[str, ActorSummary], actor_id: str, fallback: str | None) -> str:
    found = actors.get(actor_id)
    return found.name if found else (fallback or actor_id)


def find_relations(
    library: Library,
    actor_id: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Relation]:
    """Every relation in the corpus, or those with `actor_id` at either end, in article order.

    For one actor, its own positions give the relations it is the source of; the articles that
    mention it give those where another actor targets it. `cancelled` is asked before each
    article (a worker's flag): an actor in thousands of articles takes seconds.
    """
    actors = {a.id: a for a in library.actors()}
    if actor_id is None:
        article_ids: Sequence[str] = [a.id for a in library.articles()]
    else:
        article_ids = list(library.actor(actor_id).articles)
    found: list[Relation] = []
    for article_id in article_ids:
        if cancelled is not None and cancelled():
            break
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
