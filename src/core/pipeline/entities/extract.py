"""The entity stage's entry point: spaCy's entities to mentions, each step in its order."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ...models import Article, Mention
from ..countries import article_country
from ..kinds import ArticleWords, division_before, label_from_use, label_from_words, placed_by_use
from ..names import (
    HONORIFICS,
    SUFFIXES,
    fold_name,
    is_acronym,
    looks_like_person_name,
    one_name_mark,
)
from ..quotemarks import find_marks
from ..rules import ORG_WORDS
from ..wordfind import word_spans
from .acronyms import (
    introduced_acronyms,
    join_names_around_and,
    join_split_names,
    missed_organisations,
    names_only_an_acronym_spells,
    unlabelled_occurrences,
    with_of_phrase_the_acronym_spells,
    with_words_before_the_acronym_spells,
)
from .candidates import Candidate, Taken
from .cleaning import clean, name_start
from .clusters import cluster_candidates
from .junk import CALENDAR, NEGATION_AFTER, STOPWORDS, headline_paragraphs, is_junk, words_of
from .labels import (
    ACTOR_LABELS,
    glossed_as_body,
    glossed_as_someone,
    label_from_context,
    titled_or_glossed,
)
from .organisations import led_by_a_common_noun
from .people import families
from .places import (
    PLACE_FOLDS,
    PLACE_LABELS,
    followed_by_its_region,
    governed_as_a_place,
    join_possessive_county,
    named_with_its_kind_of_place,
    read_chambers_with_their_place,
    read_countries_as_teams,
    read_places_as_wars,
    with_its_district,
)
from .roles import role_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_LINKS = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]*>|https?://\S+|www\.\S+", re.I)

_TIME_BEFORE = re.compile(r"\d\s*(?:[ap]\.?m\.?)?\s*$", re.I)


def extract_mentions(doc: Doc, article: Article) -> list[Mention]:
    """Mentions of actor-like entities, junk dropped, each with its in-article cluster key."""
    text = article.text
    links = Taken(m.span() for m in _LINKS.finditer(text))
    headlines = headline_paragraphs(article)
    has_parse = doc.has_annotation("DEP")
    has_tags = doc.has_annotation("TAG")
    candidates: list[Candidate] = []
    words: ArticleWords | None = None
    reach = -1  # where the last name ends
    for ent in _joined_people(doc) if has_parse else doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        cand = clean(ent, text, name_start(doc, ent, has_tags))
        if cand is None or links.overlaps(cand.start, cand.end) or cand.end <= reach:
            continue  # (or within the name before it, which ran on over it: "and [Wales]")
        bracketed = text[max(0, cand.start - 2) : cand.start] + text[cand.end : cand.end + 2]
        if bracketed == "(())":
            continue  # "((WN))": an interview's speaker label for the outlet, not a mention
        if is_junk(cand, doc, text, has_tags):
            continue
        if has_parse:
            cand.label = label_from_context(ent, cand)
            if cand.label == "PERSON" != ent.label_ and ent.label_ in PLACE_LABELS:
                # "his son Aurelio", "president Jan Odaro": the sentence says someone, and
                # the name's other mentions the model took for a place are that person too
                cand.kind_signal = "PERSON"
        signal = label_from_words(cand.text, cand.label)
        if signal == "LOC" and cand.label == "PERSON" and has_parse and titled_or_glossed(ent):
            signal = cand.label  # "nominee Dora Castle": a person whose name ends as places do
        if (
            cand.label == "ORG"
            and has_parse
            and glossed_as_body(ent)
            and not (ent.label_ == "PERSON" and glossed_as_someone(ent))
        ):
            # "the site Operation Longboat": a body named as events are; "the airline Saro
            # Air": its short form "Saro", taken for someone, names the body too (the model's
            # person, "broadcaster Karim Ostad", keeps the vote of its cluster)
            signal = cand.kind_signal = cand.label
        if has_parse:
            words = words or ArticleWords(text)
            signal = label_from_use(ent, words, signal)
            if signal == cand.label in PLACE_LABELS and placed_by_use(ent):
                cand.kind_signal = signal  # "in Khowst", "Khowst province": the model is right
        if signal == "PERSON" and led_by_a_common_noun(text, cand.text):
            signal = "PRODUCT"  # "Space Shuttle Atlantis" where the text says "space shuttle"
        if cand.label in ("ORG", "PERSON") and has_parse and governed_as_a_place(ent):
            signal = cand.kind_signal = "GPE"  # "Vorsk regional Deputy Governor": a region
        if (
            signal in ("PERSON", "ORG")
            and cand.role is None
            and named_with_its_kind_of_place(text, cand.end)
        ):
            signal = cand.kind_signal = "LOC"  # "in Dorvak commune", "X and Y districts"
        if cand.label != "PERSON" and _followed_by_an_age(text, cand):
            signal = cand.kind_signal = "PERSON"  # "Sarit, 39, a villager": only people have ages
        if followed_by_its_region(text, cand.end):
            signal = cand.kind_signal = "GPE"  # "Allen, Texas": a town named with its region
        if signal != cand.label:
            cand.label = cand.kind_signal = signal
        if is_acronym(cand.text) and _TIME_BEFORE.search(text, max(0, cand.start - 12), cand.start):
            continue  # a time zone: "15:00 UTC"
        if cand.label == "PERSON":
            cand.role = role_of(doc, cand, has_parse) or cand.role
        elif cand.role is None:
            cand.role = division_before(text, cand.start)  # "the state's Supreme Court"
        cand.headline = any(s <= cand.start < e for s, e in headlines)
        candidates.append(cand)
        reach = cand.end
        if cand.lead_place is not None:
            lo, hi = cand.lead_place
            candidates.append(Candidate(lo, hi, text[lo:hi], "GPE", headline=cand.headline))
    candidates = _split_pairs_of_people(candidates)
    candidates = _titles_of_shows(candidates, text)
    if has_tags:
        candidates += _missed_titled_people(doc, candidates)
    candidates = _without_a_place_after(candidates, text)
    candidates = with_its_district(candidates, text)
    candidates = _drop_quoted_words(candidates, article, doc)
    families(candidates, text)
    candidates = join_split_names(candidates, text)
    candidates = join_names_around_and(candidates, text)
    candidates = join_possessive_county(candidates, text)
    candidates += missed_organisations(candidates, text, links, headlines)
    candidates = with_of_phrase_the_acronym_spells(candidates, text)
    candidates = with_words_before_the_acronym_spells(candidates, text)
    candidates = names_only_an_acronym_spells(candidates, text, links, headlines)
    acronyms = introduced_acronyms(candidates, text)
    candidates += unlabelled_occurrences(candidates, acronyms, text, links)
    candidates.sort(key=lambda c: c.start)
    home = article_country((fold_name(c.text) for c in candidates), article.title or "")
    keys = cluster_candidates(candidates, acronyms, text, fold_name(article.title or ""), home)
    read_countries_as_teams(candidates, keys, text)
    read_places_as_wars(candidates, keys, text)
    read_chambers_with_their_place(candidates, keys, text)
    candidates += _bare_name_occurrences(candidates, keys, text, links)
    candidates = _drop_headline_only(candidates)
    candidates = _drop_lone_common_words(candidates, text)
    candidates.sort(key=lambda c: c.start)
    return [
        Mention(article.id, c.start, c.end, c.text, c.label, key=keys[c.cluster], role=c.role)
        for c in candidates
    ]


#: ", 39, " after a name, then a word in lower case: "Sarit, 39, a villager", "Ana Ruiz, 41, said".
_AGE_AFTER = re.compile(r", (\d{1,3}), (?!(?:and|or)\b)(?=[a-z])")


def _followed_by_an_age(text: str, cand: Candidate) -> bool:
    """A name followed by an age between commas is someone's ("Sarit, 39, a villager in ...";
    "San Lek, 41, the former councillor"), whatever the model guessed: a place or a body is
    not given an age that way. Not an acronym nor a name holding a body's word."""
    m = _AGE_AFTER.match(text, cand.end)
    return (
        m is not None
        and 0 < int(m.group(1)) <= 120
        and not is_acronym(cand.text)
        and not cand.text[-1:].isdigit()  # "Block 7, 12, and 14": a list of numbers
        and not any(w.lower() in ORG_WORDS for w in cand.text.split())
        and fold_name(cand.text) not in PLACE_FOLDS
    )


#: One-word names listed with "and" or "&" in one span: "Derek and Ross", "Ana, Bo & Cy".
_NAME_WORD = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
_LIST_OF_NAMES = re.compile(rf"^{_NAME_WORD}(?:, {_NAME_WORD})*,? (?:and|&) {_NAME_WORD}$")
_LISTED_NAME = re.compile(_NAME_WORD)


def _split_pairs_of_people(candidates: list[Candidate]) -> list[Candidate]:
    """ "Derek and Ross" or "Ana, Bo & Cy" taken for one name is people called by their first
    names, when the model read it as a person or the article names one of them alone as
    one: each is their own mention (as one name it held them all, and each bare name joined
    it). Not a firm named after its founders ("Hale and Dorsey"), whose parts are no one alone
    here."""
    people = {c.text for c in candidates if c.label == "PERSON"}
    out: list[Candidate] = []
    for cand in candidates:
        names = (
            list(_LISTED_NAME.finditer(cand.text))
            if _LIST_OF_NAMES.match(cand.text) and cand.role is None
            else []
        )
        if not names or not (
            cand.label == "PERSON" or any(m.group() in people for m in names)
        ):
            out.append(cand)
            continue
        for m in names:
            start = cand.start + m.start()
            out.append(
                Candidate(start, start + len(m.group()), m.group(), "PERSON",
                           headline=cand.headline, kind_signal="PERSON")
            )
    return out


#: A programme's title: "The Dan and Sue Show", "the Ana Ruiz Hour".
_SHOW_TITLE = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w'’-]*,? )+(?:(?:and|&) (?:[A-Z][\w'’-]* )+)?"
    r"(?:Show|Hour|Podcast|Program|Programme))\b"
)


def _titles_of_shows(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "The Dan and Sue Show" is a programme, not the people "Dan" and "Sue Show": names the
    model found for people inside a title that "the" opens and a word for a programme ends
    give way to the title, one work."""
    if not any(c.label == "PERSON" for c in candidates):
        return candidates
    out = candidates
    for m in _SHOW_TITLE.finditer(text):
        start, end = m.span(1)
        inside = [c for c in out if c.start < end and c.end > start]
        if not any(c.label == "PERSON" for c in inside) or any(
            c.start < start or c.end > end for c in inside
        ):
            continue
        headline = any(c.headline for c in inside)
        out = [c for c in out if not (c.start < end and c.end > start)]
        out.append(Candidate(start, end, text[start:end], "WORK_OF_ART", headline=headline,
                             kind_signal="WORK_OF_ART"))
    return out


def _missed_titled_people(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "Cardinal Luca Ferrante of the Holy See said": a capitalised title, then two or three
    capitalised proper nouns the model left out of every entity, shaped as a person's name
    (no body's word), then a word that is not one: the title's holder, a person."""
    taken = Taken((c.start, c.end) for c in candidates)
    found: list[Candidate] = []
    n = len(doc)
    for token in doc:
        if not token.is_title:  # first: a flag of the word, cheaper than its lower case
            continue
        title = token.lower_.rstrip(".")
        if not (title in HONORIFICS and token.ent_iob_ == "O"):
            continue
        if token.i > 0 and doc[token.i - 1].is_title and not token.is_sent_start:
            continue  # "the GNU General Public License": a word inside a longer name
        j = token.i + 1
        while j < n and j - token.i <= 4 and doc[j].tag_ == "NNP" and doc[j].is_title and (
            doc[j].ent_iob_ == "O" and doc[j].lower_.rstrip(".") not in HONORIFICS
        ):
            j += 1
        if not 3 <= j - token.i <= 4 or (j < n and doc[j].tag_ in ("NNP", "NNPS")):
            continue
        start, end = doc[token.i + 1].idx, doc[j - 1].idx + len(doc[j - 1])
        name = doc.text[start:end]
        if "\n" in name or not looks_like_person_name(name) or taken.overlaps(start, end):
            continue
        found.append(Candidate(start, end, name, "PERSON", role=token.text))
    return found


def _without_a_place_after(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "Police chief Wira Rote Island, speaking to ...": the model ran a person's name on
    into a place named after it. Words ending such a name that the article names as a place
    elsewhere, in two words or more ("Rote Island"), are that place; not words that merely end
    as places do ("New [York City]")."""
    places = {
        c.text for c in candidates if c.label in PLACE_LABELS and len(c.text.split()) >= 2
    }
    extra: list[Candidate] = []
    for cand in candidates:
        words = cand.text.split()
        if cand.label != "PERSON" or len(words) < 3:
            continue
        for k in range(len(words) - 1, 0, -1):
            tail = words[-k:]
            if " ".join(tail) in places:
                cut = cand.start + len(" ".join(words[:-k]))
                place_start = cand.end - len(" ".join(tail))
                if text[cut:place_start] != " ":
                    break
                extra.append(Candidate(place_start, cand.end, text[place_start : cand.end],
                                        "GPE", headline=cand.headline))
                cand.end, cand.text, cand.folded = cut, text[cand.start : cut], ()
                break
    return candidates + extra


def _joined_people(doc: Doc) -> list[Span]:
    """The entities, with one person's long name put back together where the model cut it in
    two ("[Karim Nadim] [Yusuf al-Hadi]"): two person spans one space apart, the first all
    capitalised proper nouns and a compound of a word in the second, so the parse reads them
    as one noun phrase (not "pan-democrat [Leo Kwan]")."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        last = doc[ent.end - 1]
        if (
            nxt is not None
            and ent.label_ == nxt.label_ == "PERSON"
            and nxt.start == ent.end
            and doc.text[ent.end_char : nxt.start_char] == " "
            and last.dep_ == "compound"
            and nxt.start <= last.head.i < nxt.end
            and all(t.tag_ == "NNP" and t.is_title for t in ent)
            and len(ent) + len(nxt) <= 6
        ):
            joined = doc.char_span(ent.start_char, nxt.end_char, label="PERSON")
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(ent)
        i += 1
    return out


def _bare_name_occurrences(
    candidates: list[Candidate], keys: dict[int, str], text: str, links: Taken
) -> list[Candidate]:
    """Surnames of people named in full that the model missed ("Fang spoke to the gathering").

    A bare name the article introduces on its own before it names anyone in full by it, or
    marks as not the person's own (`names.one_name_mark`), is a person of its own, added to
    `keys` under that word."""
    people: dict[str, set[int]] = {}
    used_short: dict[int, set[str]] = {}
    for cand in candidates:
        if cand.label == "PERSON" and len(cand.folded) == 1:
            used_short.setdefault(cand.cluster, set()).add(cand.text)
    person_roots = {c.cluster for c in candidates if c.label == "PERSON"}
    for root, key in keys.items():
        words = key.split()
        if len(words) < 2 or root not in person_roots:
            continue
        core = words[:-1] if words[-1].lower().rstrip(".") in SUFFIXES else words
        # Surname last ("Odaro") or first ("Lin Zhaoming" -> "Lin"): both, when unambiguous.
        for word in {core[-1], core[0], *used_short.get(root, set())}:
            if word.lower() in STOPWORDS or word.lower().rstrip(".") in HONORIFICS:
                continue
            people.setdefault(word, set()).add(root)
    taken = Taken((c.start, c.end) for c in candidates)
    # words the article names something by on their own: "Palestine" tagged as a place is
    # not the first word of a "Palestine Friendship Campaign" the model took for someone
    alone: dict[str, set[int]] = {}
    for cand in candidates:
        if " " not in cand.text:
            alone.setdefault(cand.text, set()).add(cand.cluster)
    extra: list[Candidate] = []
    first: dict[int, int] = {}  # where each cluster is first named
    for cand in candidates:
        first.setdefault(cand.cluster, cand.start)
    for word, roots in people.items():
        if len(roots) != 1 or len(word) < 2 or not word[0].isupper() or word.lower() in CALENDAR:
            continue
        if word.lower() in words_of(text):
            continue  # also a common word ("May", "Young"): too risky
        root = next(iter(roots))
        if alone.get(word, set()) - {root}:
            continue  # the article's own name for something else
        own: int | None = None  # a person the article gives only this name
        for m_start, m_end in word_spans(text, word, before=".-", after="-"):
            if taken.overlaps(m_start, m_end) or links.overlaps(m_start, m_end):
                continue
            if NEGATION_AFTER.match(text, m_end):
                continue  # "Don't", "Won't"
            before = text[max(0, m_start - 30) : m_start]
            after = text[m_end : m_end + 30]
            if re.search(r"[A-Z][\w'’-]*[ \t]+$", before) or re.match(r"[ \t]+[A-Z]", after):
                continue  # part of another name
            mark = one_name_mark(text, m_start, m_end)
            if own is None and (mark == "alias" or (mark == "age" and m_start < first[root])):
                # "Sokun, 29, said" before "Chea Sokun" is named; "Dara, not his real name"
                own = max(keys) + 1
                keys[own] = word
            cand = Candidate(m_start, m_end, word, "PERSON", cluster=root if own is None else own)
            extra.append(cand)
    return extra


def _drop_quoted_words(candidates: list[Candidate], article: Article, doc: Doc) -> list[Candidate]:
    """A lone capitalised word inside quotation marks that the model took for an organisation
    ("RIP Cowboy", "We love you Nadine") is part of what was said, not an institution; so is
    a word in capitals there that fills no part of a clause ("A legend. RIP #Hal", "LOL"): a
    body's acronym is what someone speaks of, a subject, an object, a body's name's part."""
    suspects = [
        c
        for c in candidates
        if c.label == "ORG"
        and " " not in c.text
        and (not is_acronym(c.text) or _fills_no_part(doc, c, article.text))
        and c.text.lower() not in ORG_WORDS  # "stymying Parliament": an institution all the same
    ]
    if not suspects:
        return candidates
    quoted = [(m.open, m.close) for m in find_marks(article.text, article.paragraphs)]
    outside = {c.text for c in candidates if not any(lo < c.start < hi for lo, hi in quoted)}
    dropped = {
        id(c)
        for c in suspects
        if c.text not in outside and any(lo < c.start < hi for lo, hi in quoted)
    }
    return [c for c in candidates if id(c) not in dropped]


#: Dependencies of a word that stands for nothing in its clause: an exclamation, a fragment.
_NO_PART = frozenset({"ROOT", "intj", "dep", "meta"})


def _fills_no_part(doc: Doc, cand: Candidate, text: str) -> bool:
    """The word is a parse's root with no verb, or an exclamation: "RIP" opening "RIP #Hal";
    and the article writes it once (a body's letters recur: "UH Manoa ... UH has", where the
    parse read "UH" as "uh")."""
    if not doc.has_annotation("DEP") or sum(1 for _ in word_spans(text, cand.text)) != 1:
        return False
    span = doc.char_span(cand.start, cand.end)
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.dep_ in _NO_PART and not token.pos_.startswith("VERB")


def _drop_headline_only(candidates: list[Candidate]) -> list[Candidate]:
    """Names seen only in headline-like lines (links to other pages) are not actors here."""
    body = {c.cluster for c in candidates if not c.headline}
    return [c for c in candidates if c.cluster in body]


def _drop_lone_common_words(candidates: list[Candidate], text: str) -> list[Candidate]:
    """A capitalised word seen once that the article also uses in lower case ("Cathedral",
    "Council") is a common word the model tagged by mistake."""
    sizes = Counter(c.cluster for c in candidates)
    keep = []
    for cand in candidates:
        word = cand.text
        if (
            sizes[cand.cluster] == 1
            and " " not in word
            and not is_acronym(word)
            and cand.label != "NORP"
            and word.lower() in words_of(text)
        ):
            continue
        keep.append(cand)
    return keep
