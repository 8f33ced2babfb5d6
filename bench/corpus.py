"""A deterministic synthetic news corpus for the benchmarks.

`generate(n, seed)` makes articles with varied names, places and organisations, direct, mixed
and reported speech, "according to" attributions and pronoun follow-ups. Recurring actors follow
a Zipf-like popularity, as in real news. Each article keeps its ground truth (who is named where,
who said what), so `synthesize(...)` can build an `ArticleAnalysis` without spaCy: the bench
fills a 10,000-article store that way instead of spending an hour in the parser.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from newsdesk.core.models import ArticleAnalysis, Mention, Quote

#: Bumped when the generator's output changes (the bench keeps its large corpus between runs).
GENERATOR_VERSION = 3

FIRST = {
    "he": (
        "James Carlos Wei Ahmed Dmitri Kwame Lars Hiroshi Rahul Mateo Olumide Pavel Tomasz Yusuf "
        "Diego Henrik Jomo Arjun Felipe Kenji Samuel Oleksandr Bongani Luca Rashid Tariq Andrei "
        "Emeka Marco Sven Ibrahim Nikolai Joaquin Tae-yang Mikhail Abdullah Jonas Rafael Thabo"
    ).split(),
    "she": (
        "Maria Aisha Ingrid Mei Fatima Olga Priya Chloe Amara Sofia Yuki Leila Hannah Ngozi Elena "
        "Beatriz Anja Zainab Mariam Keiko Anastasia Lucia Freya Nadia Gabriela Wanjiru Ines Rania "
        "Katarzyna Sunita Camille Esther Aiko Valentina Noura Astrid Thandiwe Lena"
    ).split(),
}
LAST = (
    "Okafor Lindqvist Chen Haddad Petrov Mensah Tanaka Sharma Gonzalez Kowalski Nguyen Ibrahim "
    "Müller Rossi Andersen Dubois Kariuki Novak Silva Yamamoto Abubakar Fernandes Schmidt Ivanova "
    "O'Brien Castillo Mahlangu Horvat Park Rahman Jensen Alvarez Nakamura Osei Kaminski Moreau "
    "Volkov Banerjee Mwangi Reyes Becker Hosseini Santos Eriksson Adeyemi Kim Popescu Walsh "
    "Takahashi Delgado Van der Berg Achterberg Kiplagat Zhou Qureshi Laurent Bianchi Nowak"
).split()
PLACES = (
    "Nairobi|Kenya;Lagos|Nigeria;Lisbon|Portugal;Oslo|Norway;Manila|the Philippines;"
    "Krakow|Poland;Osaka|Japan;Chennai|India;Bogota|Colombia;Kyiv|Ukraine;Accra|Ghana;"
    "Hamburg|Germany;Marseille|France;Naples|Italy;Busan|South Korea;Perth|Australia;"
    "Montreal|Canada;Houston|the United States;Santiago|Chile;Cairo|Egypt;Dhaka|Bangladesh;"
    "Hanoi|Vietnam;Izmir|Turkey;Tbilisi|Georgia;Durban|South Africa;Gothenburg|Sweden;"
    "Valencia|Spain;Rotterdam|the Netherlands;Cork|Ireland;Brno|the Czech Republic;"
    "Quito|Ecuador;Karachi|Pakistan;Tashkent|Uzbekistan;Dakar|Senegal;Auckland|New Zealand"
).split(";")
ORGS = (
    "the World Health Organization|the European Commission|the Red Cross|Amnesty International|"
    "the United Nations|the International Monetary Fund|Northbridge Energy|Helix Pharmaceuticals|"
    "the Ministry of Health|the Ministry of Finance|the National Weather Service|Greenpeace|"
    "the Supreme Court|the Central Bank|Orion Shipping|the African Union|Doctors Without Borders|"
    "the Federal Reserve|Atlas Mining|the Transport Workers Union|Reuters|the Associated Press|"
    "the University of Lagos|Kestrel Airlines|the Football Association|Meridian Telecom"
).split("|")
ROLES = (
    "the health minister|a spokesperson for {org}|the mayor of {city}|the chief executive of {org}|"
    "a professor at {org}|the finance minister|the police chief|an opposition leader|"
    "the director of {org}|a senior analyst at {org}|the prime minister|the foreign minister"
).split("|")
TOPICS = (
    "flood|wildfire|election|strike|budget|vaccine programme|trade deal|port expansion|"
    "heatwave|rail project|merger|court ruling|protest|drought|bridge collapse|data breach"
).split("|")
CUES = ("said", "told reporters", "argued", "warned", "insisted", "added", "explained")
REPORT_CUES = ("said", "warned", "claimed", "announced", "stressed", "told reporters")
CLAIMS = (
    "the {topic} would cost at least {n} million dollars",
    "{org} had not been consulted before the decision",
    "residents of {city} deserved a full explanation",
    "the government would review the {topic} within {n} days",
    "more than {n} people had been affected in {country}",
    "the plan for {city} was unrealistic and badly timed",
    "talks with {org} would resume next week",
    "the figures published by {org} were misleading",
    "emergency crews in {city} had worked through the night",
    "the {topic} showed how fragile the system had become",
)
PHRASES = (
    "a reckless gamble", "long overdue", "a betrayal of trust", "a step in the right direction",
    "deeply worrying", "an act of cowardice", "the only sensible option", "a historic moment",
)
FILLER = (
    "Officials in {city} said {n} people were still waiting for assistance on {weekday}.",
    "The {topic} is the largest of its kind in {country} since {year}.",
    "Local media reported long queues outside public offices across {country}.",
    "Analysts expect the debate over the {topic} to continue for several months.",
    "{org} has published a report on the {topic}, which runs to {n} pages.",
    "Spending by {org} rose by {n} percent this year, officials in {city} said.",
    "The {topic} has divided opinion in {city} and beyond.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    pronoun: str
    role: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True, slots=True)
class SaidTruth:
    """One quote as written: what, who (cluster key), how."""

    text: str
    speaker: str
    surface: str
    kind: str
    cue: str


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    filename: str
    raw: str
    entities: tuple[tuple[str, str, str], ...]
    """(surface form, NER label, cluster key)."""
    quotes: tuple[SaidTruth, ...]
    words: int


def people(rng: random.Random, count: int) -> list[Person]:
    """A pool of distinct people, each with a fixed role (so aliases recur across articles)."""
    pool: list[Person] = []
    seen: set[str] = set()
    # Never more than 80% of the distinct names (else the loop below could not end: 100,000
    # articles ask for 33,333 people); a corpus that large recasts the same people more often.
    count = min(count, int(0.8 * sum(len(FIRST[p]) for p in ("he", "she")) * len(LAST)))
    while len(pool) < count:
        pronoun = rng.choice(("he", "she"))
        first, last = rng.choice(FIRST[pronoun]), rng.choice(LAST)
        if f"{first} {last}" in seen:
            continue
        seen.add(f"{first} {last}")
        role = rng.choice(ROLES).format(org=rng.choice(ORGS), city=rng.choice(PLACES).split("|")[0])
        pool.append(Person(first, last, pronoun, role))
    return pool


#: Rank weights 1/(rank + ZIPF_OFFSET): the most named person is in about 7% of articles (as
#: a head of state in a general news feed), most people in a handful.
ZIPF_OFFSET = 10


def _zipf(
    rng: random.Random, items: Sequence[Person], k: int, weights: list[float]
) -> list[Person]:
    chosen: list[Person] = []
    while len(chosen) < k:
        person = rng.choices(items, cum_weights=weights)[0]
        if person not in chosen:
            chosen.append(person)
    return chosen


#: In the large store, the share of articles that also quote one head of government (the
#: most named person): the actor whose record (`v`) must still open at once, with more than
#: 5,000 positions in 10,000 articles (about 6,200 quotes in 1,800 articles).
PROLIFIC_SHARE = 0.12
#: At most this many such articles, so the 100,000-article store (`make bench-large`) keeps
#: the popularity its figures were measured with.
PROLIFIC_ARTICLES = 1_200
#: How many more chances that person has of the word in such an article than the rest.
PROLIFIC_WEIGHT = 1


def generate(
    n: int, seed: int = 2026, words: tuple[int, int] = (380, 620), prolific: float = 0.0
) -> Iterator[SyntheticArticle]:
    """`n` articles, the same for the same seed; `prolific`: the share of articles that quote
    the most named person at length (0: Zipf popularity alone)."""
    rng = random.Random(seed)
    pool = people(rng, max(200, n // 3))
    weights = list(accumulate(1 / (rank + ZIPF_OFFSET) for rank in range(len(pool))))
    share = min(prolific, PROLIFIC_ARTICLES / max(n, 1))
    for i in range(n):
        yield _article(rng, pool, weights, i, words, pool[0] if share else None, share)


def _article(
    rng: random.Random,
    pool: Sequence[Person],
    weights: list[float],
    i: int,
    words: tuple[int, int],
    star: Person | None = None,
    share: float = 0.0,
) -> SyntheticArticle:
    cast = _zipf(rng, pool, rng.randint(3, 5), weights)
    speakers = list(cast)
    if star is not None and rng.random() < share:
        if star not in cast:
            cast[-1] = star
        speakers = [*cast, *[star] * PROLIFIC_WEIGHT]
    places = [p.split("|") for p in rng.sample(PLACES, 3)]
    orgs = rng.sample(ORGS, 3)
    topic = rng.choice(TOPICS)
    year = rng.randint(2015, 2025)
    entities: dict[str, tuple[str, str]] = {}
    quotes: list[SaidTruth] = []
    introduced: set[str] = set()

    def fill(template: str) -> str:
        city, country = rng.choice(places)
        org = rng.choice(orgs)
        entities.setdefault(city, ("GPE", city))
        entities.setdefault(country.removeprefix("the "), ("GPE", country.removeprefix("the ")))
        entities.setdefault(org.removeprefix("the "), ("ORG", org.removeprefix("the ")))
        filled = template.format(
            city=city, country=country, org=org, topic=topic, n=rng.randint(2, 900),
            weekday=rng.choice(WEEKDAYS), year=rng.randint(1990, 2014),
        )
        return filled[0].upper() + filled[1:] if template[0] == "{" else filled

    def who(person: Person) -> str:
        entities.setdefault(person.name, ("PERSON", person.name))
        if person.name in introduced:
            entities.setdefault(person.last, ("PERSON", person.name))
            return person.last
        introduced.add(person.name)
        return person.name

    def paragraph() -> str:
        person = rng.choice(speakers)
        shape = rng.random()
        if shape < 0.25:
            claim = fill(rng.choice(CLAIMS))
            content = claim[0].upper() + claim[1:]
            surface = who(person)
            cue = rng.choice(CUES)
            tail = f", {person.role}" if surface == person.name else ""
            quotes.append(SaidTruth(content, person.name, surface, "direct", cue))
            first = f"\u201c{content},\u201d {cue} {surface}{tail}."
        elif shape < 0.5:
            claim = fill(rng.choice(CLAIMS))
            surface = who(person)
            cue = rng.choice(REPORT_CUES)
            quotes.append(SaidTruth(claim, person.name, surface, "indirect", cue))
            first = f"{surface} {cue} that {claim}."
        elif shape < 0.65:
            phrase = rng.choice(PHRASES)
            surface = who(person)
            quotes.append(SaidTruth(phrase, person.name, surface, "mixed", "called"))
            first = f"{surface} called the {topic} \u201c{phrase}\u201d."
        elif shape < 0.8:
            org = rng.choice(orgs)
            claim = fill(rng.choice(CLAIMS))
            entities.setdefault(org.removeprefix("the "), ("ORG", org.removeprefix("the ")))
            quotes.append(SaidTruth(claim, org.removeprefix("the "), org.removeprefix("the "),
                                    "indirect", "according to"))
            first = f"According to {org}, {claim}."
        else:
            first = fill(rng.choice(FILLER))
        follow = []
        if person.name in introduced and rng.random() < 0.5:
            claim = fill(rng.choice(CLAIMS))
            follow.append(f"{person.pronoun.capitalize()} added that {claim}.")
        follow.append(fill(rng.choice(FILLER)))
        if rng.random() < 0.5:
            follow.append(fill(rng.choice(FILLER)))
        return " ".join([first, *follow])

    lead_person = cast[0]
    city, country = places[0]
    title = f"{lead_person.name} {rng.choice(('criticises', 'defends', 'backs', 'questions'))} " \
            f"{topic} plans in {city}"
    month = rng.randrange(12)
    date_line = f"{WEEKDAYS[rng.randrange(7)]}, {MONTHS[month]} {rng.randint(1, 28)}, {year}"
    target = rng.randint(*words)
    body: list[str] = []
    count = 0
    while count < target:
        text = paragraph()
        body.append(text)
        count += len(text.split())
    raw = "\n\n".join([title, date_line, *body]) + "\n"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48]
    entities.setdefault(lead_person.name, ("PERSON", lead_person.name))
    return SyntheticArticle(
        filename=f"{i:05d}-{slug}.txt",
        raw=raw,
        entities=tuple((surface, label, key) for surface, (label, key) in entities.items()),
        quotes=tuple(quotes),
        words=count,
    )


def write_corpus(
    folder: Path, articles: Sequence[SyntheticArticle], *, age: float = 3600.0
) -> None:
    """Write the articles as files, dated in the past (so the store trusts their stamps)."""
    folder.mkdir(parents=True, exist_ok=True)
    past = time.time() - age
    for article in articles:
        path = folder / article.filename
        path.write_text(article.raw, encoding="utf-8")
        os.utime(path, (past, past))


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?][\u201d\"]?|$)")


def synthesize(folder: Path, article: SyntheticArticle) -> ArticleAnalysis:
    """The analysis spaCy and the rules would ideally give, from the generator's ground truth."""
    from newsdesk.core.pipeline.scan import article_id_for
    from newsdesk.core.pipeline.text import read_article

    path = folder / article.filename
    parsed = read_article(path, article_id=article_id_for(path))
    text = parsed.text
    surfaces = sorted(article.entities, key=lambda e: -len(e[0]))
    pattern = re.compile("|".join(rf"\b{re.escape(s)}\b" for s, _l, _k in surfaces))
    by_surface = {s: (label, key) for s, label, key in surfaces}
    mentions = tuple(
        Mention(parsed.id, m.start(), m.end(), m.group(), *by_surface[m.group()])
        for m in pattern.finditer(text)
    )
    quotes: list[Quote] = []
    cursor = 0
    for n, said in enumerate(article.quotes):
        start = text.find(said.text, cursor)
        if start < 0:
            continue
        end = start + len(said.text)
        cursor = end
        window_from = max(0, start - 120)
        speaker_at = text.rfind(said.surface, window_from, start) if said.kind != "direct" else \
            text.find(said.surface, end)
        if said.kind == "direct":
            cue_at = text.find(said.cue, end)
        else:
            cue_at = text.rfind(said.cue.split()[0], window_from, start)
        quotes.append(
            Quote(
                id=f"{parsed.id}:q{n}", article=parsed.id, text=said.text, start=start, end=end,
                kind=said.kind,  # type: ignore[arg-type]
                cue=said.cue, cue_start=cue_at if cue_at >= 0 else None,
                cue_end=cue_at + len(said.cue.split()[0]) if cue_at >= 0 else None,
                speaker=said.speaker,
                speaker_start=speaker_at if speaker_at >= 0 else None,
                speaker_end=speaker_at + len(said.surface) if speaker_at >= 0 else None,
                speaker_key=said.speaker,
            )
        )
    sentences = tuple(
        (m.start() + (len(m.group()) - len(m.group().lstrip())), m.end())
        for m in _SENTENCE.finditer(text)
        if m.group().strip()
    )
    return ArticleAnalysis(parsed, mentions, tuple(quotes), sentences)


if __name__ == "__main__":  # a peek at the output
    import sys

    for sample in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 2):
        print(sample.filename, sample.words, "words")
        print(sample.raw)
