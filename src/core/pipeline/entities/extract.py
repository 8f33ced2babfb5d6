"""The entity stage's entry point: spaCy's entities to mentions, each step in its order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from ...models import Article, Mention
from ..cannotlink import GuardedUnionFind, Name, person_name
from ..countries import article_country, named_country, names_division, without_country
from ..kinds import (
    BODY_TAILS,
    DIVISION_ROLES,
    SUPRANATIONAL_WORDS,
    ArticleWords,
    body_scope,
    division_before,
    is_doctrine,
    label_from_use,
    label_from_words,
    name_fold,
    placed_by_use,
    storm_name,
)
from ..names import (
    HONORIFICS,
    SUFFIXES,
    fold_name,
    folded_tokens,
    has_suffix,
    is_acronym,
    looks_like_person_name,
)
from ..quotemarks import find_marks
from ..rules import ORG_WORDS
from ..unionfind import UnionFind
from ..wordfind import has_word, word_spans
from .acronyms import (
    introduced_acronyms,
    join_split_names,
    missed_organisations,
    names_only_an_acronym_spells,
    unlabelled_occurrences,
    with_of_phrase_the_acronym_spells,
    with_words_before_the_acronym_spells,
)
from .candidates import Candidate, Taken
from .cleaning import MINOR_WORDS, POSSESSIVE_WORD, after_the, clean, name_start
from .junk import CALENDAR, NEGATION_AFTER, STOPWORDS, headline_paragraphs, is_junk, words_of
from .labels import (
    ACTOR_LABELS,
    KIN_NOUNS,
    glossed_as_body,
    glossed_as_someone,
    label_from_context,
    titled_or_glossed,
)
from .places import (
    PLACE_FOLDS,
    PLACE_LABELS,
    followed_by_its_region,
    join_place_short_forms,
    read_countries_as_teams,
)
from .roles import role_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_LINKS = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]*>|https?://\S+|www\.\S+", re.I)

# Words that may end an organisation's name after a shorter form of it ("Ford Motor Company").
_ORG_TAILS = frozenset(
    """company corporation corp inc ltd llc plc co group holdings motor motors international
    limited airlines airline airways air bank records studios pictures""".split()
)
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
                # "his son Hisahito", "president Thabo Mbeki": the sentence says someone, and
                # the name's other mentions the model took for a place are that person too
                cand.kind_signal = "PERSON"
        signal = label_from_words(cand.text, cand.label)
        if signal == "LOC" and cand.label == "PERSON" and has_parse and titled_or_glossed(ent):
            signal = cand.label  # "nominee Darrell Castle": a person whose name ends as places do
        if (
            cand.label == "ORG"
            and has_parse
            and glossed_as_body(ent)
            and not (ent.label_ == "PERSON" and glossed_as_someone(ent))
        ):
            # "the site Operation Clambake": a body named as events are; "the airline Mahan
            # Air": its short form "Mahan", taken for someone, names the body too (the model's
            # person, "broadcaster Jamshid Sharmahd", keeps the vote of its cluster)
            signal = cand.kind_signal = cand.label
        if has_parse:
            words = words or ArticleWords(text)
            signal = label_from_use(ent, words, signal)
            if signal == cand.label in PLACE_LABELS and placed_by_use(ent):
                cand.kind_signal = signal  # "in Khowst", "Khowst province": the model is right
        if signal == "PERSON" and _led_by_a_common_noun(text, cand.text):
            signal = "PRODUCT"  # "Space Shuttle Atlantis" where the text says "space shuttle"
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
    if has_tags:
        candidates += _missed_titled_people(doc, candidates)
    candidates = _without_a_place_after(candidates, text)
    candidates = _drop_quoted_words(candidates, article)
    _families(candidates, text)
    candidates = join_split_names(candidates, text)
    candidates += missed_organisations(candidates, text, links, headlines)
    candidates = with_of_phrase_the_acronym_spells(candidates, text)
    candidates = with_words_before_the_acronym_spells(candidates, text)
    candidates = names_only_an_acronym_spells(candidates, text, links, headlines)
    acronyms = introduced_acronyms(candidates, text)
    candidates += unlabelled_occurrences(candidates, acronyms, text, links)
    candidates.sort(key=lambda c: c.start)
    home = article_country((fold_name(c.text) for c in candidates), article.title or "")
    keys = _cluster(candidates, acronyms, text, fold_name(article.title or ""), home)
    read_countries_as_teams(candidates, keys, text)
    candidates += _bare_name_occurrences(candidates, keys, text, links)
    candidates = _drop_headline_only(candidates)
    candidates = _drop_lone_common_words(candidates, text)
    candidates.sort(key=lambda c: c.start)
    return [
        Mention(article.id, c.start, c.end, c.text, c.label, key=keys[c.cluster], role=c.role)
        for c in candidates
    ]


#: Two one-word names joined by "and" in one span: "Derek and Ross".
_PAIR_OF_NAMES = re.compile(r"^([A-Z][\w'’-]*[a-z][\w'’-]*) and ([A-Z][\w'’-]*[a-z][\w'’-]*)$")


def _split_pairs_of_people(candidates: list[Candidate]) -> list[Candidate]:
    """ "Derek and Ross" taken for one name is two people called by their first names, when
    the model read it as a person or the article names either of them alone as one: each is
    their own mention (as one name it held both, and each bare name joined it). Not a firm
    named after its founders ("Procter and Gamble"), whose halves are no one alone here."""
    people = {c.text for c in candidates if c.label == "PERSON"}
    out: list[Candidate] = []
    for cand in candidates:
        m = _PAIR_OF_NAMES.match(cand.text)
        if m is None or cand.role is not None or not (
            cand.label == "PERSON" or m.group(1) in people or m.group(2) in people
        ):
            out.append(cand)
            continue
        for g in (1, 2):
            start = cand.start + m.start(g)
            out.append(
                Candidate(start, start + len(m.group(g)), m.group(g), "PERSON",
                           headline=cand.headline, kind_signal="PERSON")
            )
    return out


def _missed_titled_people(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "Cardinal Marc Ouellet of the Holy See said": a capitalised title, then two or three
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
    """ "Police chief Hidayat Rote Island, speaking to ...": the model ran a person's name on
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
    two ("[Sultan Hashim] [Ahmad al-Tal]"): two person spans one space apart, the first all
    capitalised proper nouns and a compound of a word in the second, so the parse reads them
    as one noun phrase (not "pan-democrat [Eddie Chu]")."""
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


# ---------------------------------------------------------------------------------------------
# Clustering


def _cluster(
    candidates: list[Candidate],
    acronyms: dict[str, Candidate],
    text: str,
    title: str,
    home: str | None = None,
) -> dict[int, str]:
    """Assign each candidate a cluster id; returns cluster id -> canonical name (the key).

    `title` is the folded headline: a shared surname goes to the person it names. `home` is
    the country the article is about (`core.countries.article_country`): a body every state
    has, named alone ("Senate"), is its own, not another country's named in full ("U.S.
    Senate" in a story about Puerto Rico)."""
    by_fold: dict[str, int] = {}
    members: list[list[Candidate]] = []
    # every stage of a storm, and its bare name, is one cluster ("Tropical Storm Humberto",
    # "Hurricane Humberto", "Humberto")
    storms = {
        fold_name(bare): name_fold(c.text)
        for c in candidates
        if (bare := storm_name(c.text)) is not None
    }
    for cand in candidates:
        folded = fold_name(cand.text)
        folded = storms.get(folded) or name_fold(cand.text, cand.label in PLACE_LABELS)
        cand.folded = folded_tokens(cand.text)
        if folded.startswith("storm ") and storm_name(cand.text) is None:
            cand.label = cand.kind_signal = "EVENT"
        if folded not in by_fold:
            by_fold[folded] = len(members)
            members.append([])
        cand.cluster = by_fold[folded]
        members[cand.cluster].append(cand)
    sets: GuardedUnionFind[int] = GuardedUnionFind(range(len(members)))
    find = sets.find

    # Acronyms join the name they abbreviate.
    for folded, target in acronyms.items():
        if folded in by_fold:
            sets.union(by_fold[folded], target.cluster)
    # A name glossed in brackets is the same thing: "Ayasofya [Hagia Sophia]".
    for before, after in pairwise(candidates):
        if _glossed(text, before, after):
            sets.union(after.cluster, before.cluster)
    _join_other_names(candidates, text, sets)

    join_place_short_forms(members, by_fold, sets)

    labels = [Counter(c.label for c in group) for group in members]
    index: dict[str, set[int]] = {}
    for j, group in enumerate(members):
        for word in {w for c in group for w in c.folded}:
            index.setdefault(word, set()).add(j)
            index.setdefault(_without_article(word), set()).add(j)  # "Sadr" finds "al-Sadr"
    kinds = [_kind(labels[i], members[i]) for i in range(len(members))]
    size = [max(len(c.folded) for c in group) for group in members]
    _kin_of_people(members, kinds)
    for folded, j in by_fold.items():
        if (name := _full_name(folded, kinds[j], members[j])) is not None:
            sets.name(j, (name,))
    # Shorter names join longer ones they begin or end: "Putin", "Guo", "de Blasio", "House".
    # A surname the model mislabelled ("Trump" as ORG) still joins the one person it names.
    for i in sorted(range(len(members)), key=lambda i: -size[i]):
        group = members[i]
        if not group or size[i] == 0 or kinds[i] == "belief":
            continue  # a religion is no one's short name: "Christianity" is not
            # "Roman Catholic Christianity"
        if kinds[i] in ("place", "group") and (
            size[i] > 1 or fold_name(group[0].text) in PLACE_FOLDS or is_acronym(group[0].text)
        ):
            continue  # a country or a US state is no one's surname: "in Washington, D.C."
        if is_acronym(group[0].text) and fold_name(group[0].text) in acronyms:
            continue
        short = group[0].folded
        # Only clusters sharing a word can match: keeps long articles linear, not quadratic.
        pool = sorted(
            index.get(short[0], set())
            | index.get(short[-1], set())
            | index.get(_without_article(short[-1]), set())  # "al-Sadr" finds "Sadr"
        )
        # Capitals ("BDS", "COVID") are a body's letters, no one's first or last name: not
        # the "BDS Kampagne" nor the "COVID Melbourne" the model took for people.
        lettered = is_acronym(group[0].text)
        people = (
            [] if lettered else _matching_roots(short, "person", members, kinds, size, find, pool)
        )
        if people:
            plain = [
                r
                for r in people
                if not any(has_suffix(c.text) for c in _group(members, find, r, pool))
            ]
            people = plain or people
        if kinds[i] in ("place", "group"):
            placed = any(c.kind_signal in PLACE_LABELS for c in group)
            if len(people) == 1 and not placed:
                sets.union(i, people[0])  # a surname the model took for a place ("Cummings")
            elif len(people) > 1 and len(short) == 1 and not placed:
                # a surname of several people the model took for a place: the article's subject
                _assign_to_subject(group, people, members, find, pool, title, text)
            elif not people and kinds[i] == "place" and len(short) == 1:
                _join_its_company(i, short, members, kinds, size, sets, pool, text)
            continue
        if not people and not lettered and len(short) == 1 and short[0] not in PLACE_FOLDS:
            # The full name itself mislabelled ("Ricardo Rosselló Nevares" as ORG); a country
            # the model took for a body is no one's surname ("Samoa", "American Samoa").
            for test in (_affix, _middle):
                people = [
                    r
                    for r in _matching_roots(short, "org", members, kinds, size, find, pool, test)
                    + _matching_roots(short, "other", members, kinds, size, find, pool, test)
                    if _looks_like_person(grp := _group(members, find, r, pool))
                    and not any(c.kind_signal in ("EVENT", "LAW") for c in grp)
                    and not _a_product_of(short, grp, text)
                    # "Google" is not the "Google Science Fair": an event is no one's name
                ]
                if people:
                    break
            if len(people) > 1:
                # no one the model took for a person: a word that begins several names
                # ("Fukushima Daiichi", "Fukushima Prefecture") is either, so it joins none
                continue
        if len(people) > 1 and _class_of_several(short, members, find, people, pool):
            continue  # "Space Shuttle" of "Space Shuttle Atlantis" and "Space Shuttle Discovery"
        if len(people) == 1 and _other_office(group, _group(members, find, people[0], pool)):
            continue  # "Senator Kennedy" is not "Rep. Patrick Kennedy": two namesakes
        if kinds[i] == "person" and not people and len(short) == 1:
            people = _company_of(short, group, members, kinds, size, find, pool)
        if kinds[i] == "org" and people and len(short) == 1:
            # a company named after a family, beside a member of it ("Ford" of "Ford Motor
            # Company" and "William Clay Ford Jr."): the word the model took for a body is
            # the company when the story names one, and only one, by that word
            firms = _matching_roots(short, "org", members, kinds, size, find, pool, _company_affix)
            if len(firms) == 1:
                sets.union(i, firms[0])
                continue
        if people and len(short) == 1 and short[0] in PLACE_FOLDS and any(
            c.label in PLACE_LABELS for c in group
        ):
            continue  # a country's name the story also writes as the place ("in Ruritania")
            # is no one's surname, whatever the model took its other mentions for
        if kinds[i] == "person" or len(people) == 1:
            if len(people) == 1:
                sets.union(i, people[0])
            elif len(people) > 1 and kinds[i] == "person":
                _assign_to_subject(group, people, members, find, pool, title, text)
            continue
        if len(people) > 1 and len(short) == 1:
            # a shared surname the model took for an organisation ("Mendez" as ORG)
            _assign_to_subject(group, people, members, find, pool, title, text)
            continue
        states = any(c.role in DIVISION_ROLES for c in group)  # "the state's Supreme Court"
        orgs = [
            r
            for r in _matching_roots(
                short, "org", members, kinds, size, find, pool,
                _party_affix if kinds[i] in ("org", "group") else None,
            )
            if not _anothers_body(short, _group(members, find, r, pool), home, states)
            and not _a_branch_in_a_place(short, _group(members, find, r, pool))
            and not _a_party_named_as_a_house(short, _group(members, find, r, pool))
            and not _a_product_of(short, _group(members, find, r, pool), text)
            and not _bears_a_bodys_word(short, _group(members, find, r, pool))
        ]
        if len(orgs) == 1:
            sets.union(i, orgs[0])

    keys: dict[int, str] = {}
    for cand in candidates:
        cand.cluster = find(cand.cluster)
    groups: dict[int, list[Candidate]] = {}
    for cand in candidates:
        groups.setdefault(cand.cluster, []).append(cand)
    for root, group in groups.items():
        keys[root] = canonical_name([c.text for c in group])
        _spread_kind_signal(group)
    return keys


def _full_name(folded: str, kind: str, group: list[Candidate]) -> Name | None:
    """A cluster's name as the cannot-link guard compares it (`core.pipeline.cannotlink`):
    a person's full name, a place's or a body's name; not an acronym, whose letters fit many
    names, nor a bare surname."""
    if not group or is_acronym(group[0].text):
        return None
    if kind == "person":
        return (folded, "person") if person_name(folded) else None
    return (folded, "place" if kind == "place" else "other")


def _company_of(
    short: tuple[str, ...],
    group: list[Candidate],
    members: list[list[Candidate]],
    kinds: list[str],
    size: list[int],
    find: Callable[[int], int],
    pool: list[int],
) -> list[int]:
    """The one body whose name is this word and a company's word ("Saha" of "Saha Airlines",
    "Mahan" of "Mahan Air"), for a one-word name the model took for someone whom no one
    introduces and no person named in full bears."""
    if any(c.role for c in group):
        return []
    roots = _matching_roots(short, "org", members, kinds, size, find, pool, _company_affix)
    return roots if len(roots) == 1 else []


def _join_its_company(
    i: int,
    short: tuple[str, ...],
    members: list[list[Candidate]],
    kinds: list[str],
    size: list[int],
    sets: GuardedUnionFind[int],
    pool: list[int],
    text: str,
) -> None:
    """A bare word the model took for a place, in a story that names one company it begins
    ("At Atlantic she focused on soul" beside "Atlantic Records"), is that company: the model's
    tag on a lone word is weak evidence against the longer name beside it. Not where the story
    writes it as a place with "the" ("into the Atlantic"), nor a longer name written with
    "the" (a product's); a country or a US state never gets here (`PLACE_FOLDS`)."""
    if any(after_the(text, c.start) for c in members[i]):
        return
    find = sets.find
    firms = [
        r
        for r in _matching_roots(short, "org", members, kinds, size, find, pool, _company_affix)
        if not any(after_the(text, c.start) for c in _group(members, find, r, pool))
    ]  # a company takes no "the": "the Flyboard Air" is a machine, not its maker
    if len(firms) == 1:
        sets.join_anyway(i, firms[0])  # the story's context outweighs the model's tag


def _a_product_of(short: tuple[str, ...], group: list[Candidate], text: str) -> bool:
    """`group` is a thing named with `short` and a model's word, written with "the" ("will
    stop making the Kaldor Zephyr"): a maker's product, not its long name, which adds a
    body's words ("Kaldor Motor Company"); a company takes no "the"."""
    n = len(short)
    if body_scope(" ".join(short)) is not None:
        return False  # "the House of Representatives": a body's own name
    return bool(group) and all(
        len(c.folded) > n
        and c.folded[:n] == short
        and not set(c.folded[n:]) & (_TAIL_FOLDS | _BODY_TAIL_FOLDS | _MINOR_FOLDS)
        and after_the(text, c.start)
        for c in group
    )


def _bears_a_bodys_word(short: tuple[str, ...], group: list[Candidate]) -> bool:
    """`short` is a body every state has ("House", "Senate") and `group`'s names end with it
    after a word of their own that names no place nor such a body: another thing that bears
    the word ("the White House", an "Opera House"), not the body's fuller name ("the Ohio
    House", the "European Parliament", the "Lower House")."""
    if len(short) != 1 or body_scope(short[0]) != "country" or not group:
        return False
    for cand in group:
        words = cand.folded
        fold = " ".join(words)
        if (
            len(words) < 2
            or words[-1] != short[0]
            or body_scope(fold) is not None
            or named_country(fold) is not None
            or names_division(fold)
            or any(w in _SUPRANATIONAL_FOLDS for w in words)
        ):
            return False
    return True


def _company_affix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`full` is `short` and company words only: "saha airlines", "ford motor company"."""
    n = len(short)
    return len(full) > n and full[:n] == short and all(w in _TAIL_FOLDS for w in full[n:])


def _class_of_several(
    short: tuple[str, ...],
    members: list[list[Candidate]],
    find: Callable[[int], int],
    roots: list[int],
    pool: list[int],
) -> bool:
    """`short`, of two words or more, begins the names of several clusters and ends none: the
    name of their class ("Space Shuttle" of "Space Shuttle Atlantis" and "... Discovery"), not
    a short form of any one of them, as a shared surname is."""
    if len(short) < 2:
        return False
    n = len(short)
    return all(
        not any(c.folded[-n:] == short for c in _group(members, find, root, pool))
        for root in roots
    )


#: Titles of offices one person does not hold at once: a surname titled with one of them is
#: not someone the article titles with another ("Senator Kennedy", "Rep. Patrick Kennedy").
_OFFICES = {
    "senator": "senate",
    "sen": "senate",
    "rep": "house",
    "representative": "house",
    "congressman": "house",
    "congresswoman": "house",
    "governor": "governor",
    "gov": "governor",
    "mayor": "mayor",
}


def _offices(group: list[Candidate]) -> set[str]:
    """The offices the titles of a cluster's mentions name (`_OFFICES`)."""
    return {
        office
        for c in group
        if c.role
        for w in fold_name(c.role).split()
        if (office := _OFFICES.get(w)) is not None
    }


def _other_office(short: list[Candidate], full: list[Candidate]) -> bool:
    """A bare surname and a full name are titled with different offices only (`_OFFICES`):
    two namesakes, such as relatives in the same legislature."""
    own, theirs = _offices(short), _offices(full)
    return bool(own and theirs and not own & theirs)


def _kin_of_people(members: list[list[Candidate]], kinds: list[str]) -> None:
    """A full name the model tagged as an organisation or a thing ("Maya Rockeymoore Cummings"
    as ORG) is a person when it has a person's shape and shares its surname with someone the
    article names in full: a relative, not a body named after them ("Cummings Foundation" has
    no person's shape). Its mentions become PERSON, so a bare surname can go to them."""
    people = {
        tuple(core)
        for group, kind in zip(members, kinds, strict=True)
        if kind == "person"
        for c in group
        if len(core := [w for w in c.folded if w not in SUFFIXES]) >= 2
    }
    surnames = {core[-1] for core in people}
    if not surnames:
        return
    for j, group in enumerate(members):
        if kinds[j] not in ("org", "other") or any(c.kind_signal for c in group):
            continue
        longest = max(group, key=lambda c: len(c.folded))
        core = [w for w in longest.folded if w not in SUFFIXES]
        if any(tuple(core[-len(p) :]) == p for p in people):
            continue  # "Royal Air Force" where the model took "Air Force" for someone
        if len(core) >= 2 and core[-1] in surnames and looks_like_person_name(longest.text):
            kinds[j] = "person"
            for cand in group:
                cand.label = "PERSON"


#: Labels a kind signal overrides in its cluster: the model's guesses for a name it did not
#: know ("Bermuda" as PERSON, "Corvetta" as ORG or PRODUCT).
_GUESSED_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART"})


def _families(candidates: list[Candidate], text: str) -> None:
    """"the Trumps", "the Sams": a surname of someone the article names in full, in the
    plural after "the", is that person's family, a group, not the person."""
    surnames = {
        words[-1]
        for c in candidates
        if c.label == "PERSON" and len(words := c.text.split()) >= 2
    }
    for cand in candidates:
        name = cand.text
        if (
            " " not in name
            and name.endswith("s")
            and name[:-1] in surnames
            and text[max(0, cand.start - 4) : cand.start].lower() == "the "
        ):
            cand.label = cand.kind_signal = "NORP"


def _led_by_a_common_noun(text: str, name: str) -> bool:
    """The name's first two words are a common noun the article also writes in lower case
    ("the first space shuttle" beside "Space Shuttle Atlantis"): a thing of that class named
    in full, not a person, whose given and family names are no common noun."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() and w[1:].islower() for w in words[:2]):
        return False
    phrase = f"{words[0].lower()} {words[1].lower()}"
    return has_word(text, phrase, before="-", after="-")


def _spread_kind_signal(group: list[Candidate]) -> None:
    """A cluster one of whose mentions is plainly a place, storm or platform ("in Bermuda")
    takes that label for its person-tagged mentions, unless someone in it has a role (people
    are introduced with one; places are not). A place, a programme or a belief also outvotes
    organisation and product tags ("Corvetta's harbour", "the health programme Medicare")."""
    signals = Counter(c.kind_signal for c in group if c.kind_signal)
    if not signals:
        return
    if set(signals) == {"PERSON"}:
        for cand in group:
            if cand.label in PLACE_LABELS:
                cand.label = "PERSON"  # a title or kinship said someone: "son Hisahito"
        return
    if any(c.role for c in group):
        return
    # a tie goes to a body: a noun that calls it one ("the group Civic Passion") says more
    # than the preposition a place and a body both take ("a post in Civic Passion")
    label = max(signals, key=lambda signal: (signals[signal], signal == "ORG"))
    overridden = _GUESSED_LABELS if label in PLACE_LABELS or label == "MISC" else {"PERSON"}
    if label in PLACE_LABELS and all(" " not in c.text for c in group):
        overridden = overridden | {"NORP"}  # "the island of Anjouan": a place, not a people
    for cand in group:
        if cand.label in overridden:
            cand.label = label
        elif label == "ORG" and cand.label in PLACE_LABELS and cand.kind_signal is None:
            # "into Bankia, the fourth largest bank": what the text calls it outweighs the
            # model's guesses of a place that nothing around them supports
            cand.label = label


def _matching_roots(
    short: tuple[str, ...],
    kind: str,
    members: list[list[Candidate]],
    kinds: list[str],
    size: list[int],
    find: Callable[[int], int],
    pool: list[int],
    affix: Callable[[tuple[str, ...], tuple[str, ...]], bool] | None = None,
) -> list[int]:
    """Roots of longer clusters of `kind` whose names begin or end with `short`."""
    tests = (
        [affix] if affix else [_affix, _skips_middle, _middle] if kind == "person" else [_org_affix]
    )
    roots: set[int] = set()
    for test in tests:  # a middle surname only when no name begins or ends with it
        roots = {
            find(j)
            for j in pool
            if (group := members[j])
            and kinds[j] == kind
            and size[j] > len(short)
            and any(test(short, c.folded) and not _possessor(short, c) for c in group)
        }
        if roots:
            break
    return sorted(roots)


def _possessor(short: tuple[str, ...], cand: Candidate) -> bool:
    """`short` owns the longer name rather than being it: "Fedora" of "Fedora's Flock" (a
    conference), "Sally Capp" of "Sally Capp's Mayorship"."""
    words = cand.text.split()
    n = len(short)
    return (
        len(words) > n and cand.folded[:n] == short and bool(POSSESSIVE_WORD.search(words[n - 1]))
    )


def _group(
    members: list[list[Candidate]], find: Callable[[int], int], root: int, pool: list[int]
) -> list[Candidate]:
    """The candidates of `root` among the clusters of `pool`."""
    return [c for i in pool if find(i) == root for c in members[i]]


#: Bare-surname mentions of the first-named person, before a namesake appears, that make them
#: the article's subject for the rest of it.
SUBJECT_MENTIONS = 2


def _assign_to_subject(
    group: list[Candidate],
    roots: list[int],
    members: list[list[Candidate]],
    find: Callable[[int], int],
    pool: list[int],
    title: str = "",
    text: str = "",
) -> None:
    """A surname shared by several people ("Mugabe" with Robert and Grace) goes to the one the
    article is about: the one its headline names in full, else one named in full far more
    often than any other (`CLEAR_LEAD`), else its running subject (the first one named, whom
    the surname alone already meant before a namesake appears: "Trump" of a story that
    meets his niece "Mary Trump" halfway). Where none is, a mention goes to the one namesake
    its own paragraph has named in full before it, if only one ("Justice Minister Mehmet Ali
    Sahin asserted ... said Sahin", after a police chief Ibrahim Sahin named twice, paragraphs
    earlier); else to the one named in full most often. When none stands out ("Clinton" with
    Bill and Hillary, each named once), each mention joins the nearest full name before it
    (or, failing that, the first one after it)."""
    firsts: list[tuple[int, int]] = []
    full_names: Counter[int] = Counter()
    for root in roots:
        for cand in _group(members, find, root, pool):
            if len(cand.folded) > len(group[0].folded):
                firsts.append((cand.start, root))
                if not _kin_anchor(text, cand):
                    full_names[root] += 1
    firsts.sort()
    ranked = full_names.most_common(2)
    subject = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    lead, runner = ranked[0][1] if ranked else 0, ranked[1][1] if len(ranked) > 1 else 0
    clear = subject if lead >= CLEAR_LEAD and lead >= 2 * runner else None
    padded = f" {title} "
    in_title = {
        root
        for root in roots
        for cand in _group(members, find, root, pool)
        if len(cand.folded) > 1 and f" {' '.join(cand.folded)} " in padded
    }
    if len(in_title) == 1:
        clear = next(iter(in_title))
    if firsts and clear is None:
        # the article's running subject: the first person named, whom the surname alone
        # already meant several times before a namesake appears ("Usman Khan" ... "Khan" ...
        # "Khan" ... then "Mayor Sadiq Khan")
        first_root = firsts[0][1]
        rival = next((s for s, r in firsts if r != first_root), None)
        if rival is not None:
            before = sum(1 for c in group if firsts[0][0] < c.start < rival)
            if before >= SUBJECT_MENTIONS:
                clear = first_root
    for cand in group:
        if clear is not None:
            cand.cluster = clear
            continue
        paragraph = text.rfind("\n", 0, cand.start) + 1
        named = {r for s, r in firsts if paragraph <= s < cand.start}
        if len(named) == 1:
            cand.cluster = next(iter(named))
            continue
        if subject is not None:
            cand.cluster = subject
            continue
        earlier = [r for s, r in firsts if s < cand.start]
        cand.cluster = earlier[-1] if earlier else firsts[0][1]
    group.clear()  # its candidates now point at those roots directly


def _kin_anchor(text: str, cand: Candidate) -> bool:
    """A name given only to place someone else by kinship ("the widow of Ted Kennedy", "Ted
    Kennedy's son") is not what the story is about: it does not count towards which namesake
    a bare surname means."""
    before = _KIN_OF.search(text, max(0, cand.start - 24), cand.start)
    return before is not None or _KIN_AFTER.match(text, cand.end) is not None


_KIN_OF = re.compile(rf"\b(?:{'|'.join(sorted(KIN_NOUNS))}) of (?:the late )?$", re.I)
_KIN_AFTER = re.compile(
    rf"['’]s? (?:(?:late|own|younger|elder|eldest) )?(?:{'|'.join(sorted(KIN_NOUNS))})\b", re.I
)


#: Mentions in full that make one of several namesakes the article's subject whatever the
#: paragraph, when they are also at least twice any other's.
CLEAR_LEAD = 3


#: The word that ends a party's name: "Democratic" of "Democratic Party" is its short form.
_PARTY_FOLDS = frozenset({fold_name("party")})


def _a_branch_in_a_place(short: tuple[str, ...], group: list[Candidate]) -> bool:
    """`group` names `short` "in" a place ("Al-Qaeda in the Arabian Peninsula", "the Red
    Cross in Kenya"): the body's branch there, so the name alone is the body, not the branch
    the article also names."""
    n = len(short)
    return any(
        len(c.folded) > n + 1 and c.folded[:n] == short and c.folded[n] == "in" for c in group
    )


#: A legislature's head word, which a party may end its name with ("National Democratic
#: Congress", "Liberal Assembly").
_HOUSE_FOLDS = frozenset(fold_name(w) for w in ("congress", "parliament", "assembly", "senate"))
#: Words of a party's creed: a name with one before a legislature's word is a party's.
_CREED_FOLDS = frozenset(
    fold_name(w)
    for w in """democratic democrat republican communist socialist liberal conservative
    progressive green greens labour labor workers patriotic revolutionary nationalist""".split()
)


def _a_party_named_as_a_house(short: tuple[str, ...], group: list[Candidate]) -> bool:
    """`short` is a legislature's bare word ("Congress") and `group` a party whose name ends
    in it after a word of its creed ("National Democratic Congress"): the bare word is the
    legislature, not that party's short form."""
    if len(short) != 1 or short[0] not in _HOUSE_FOLDS:
        return False
    return any(
        len(c.folded) > 1
        and c.folded[-1] == short[0]
        and any(w in _CREED_FOLDS for w in c.folded[:-1])
        for c in group
    )


def _anothers_body(
    short: tuple[str, ...], group: list[Candidate], home: str | None, states: bool = False
) -> bool:
    """`short` names a body every state has ("Senate") and `group`'s name says it is the body
    of a country other than the article's (`home`), or of a country at all where `short` was
    introduced as a state's ("the state's Supreme Court" is not the "United States Supreme
    Court")."""
    if body_scope(" ".join(short)) != "country":
        return False
    named = {named_country(" ".join(c.folded)) for c in group} - {None}
    if states:
        return bool(named) or any(without_country(" ".join(c.folded)) for c in group)
    return home is not None and bool(named) and home not in named


def _kind(labels: Counter[str], group: list[Candidate]) -> str:
    """The cluster's broad kind by label vote (ties: the longest mention's label); "belief"
    for a religion or doctrine, which joins nothing by its words."""
    top = labels.most_common()
    best = top[0][0]
    if len(top) > 1 and top[1][1] == top[0][1] and group:
        tied = {label for label, n in top if n == top[0][1]}
        best = "PERSON" if "PERSON" in tied else max(group, key=lambda c: len(c.text)).label
    if best == "PERSON":
        return "person"
    if best in PLACE_LABELS:
        return "place"
    if best == "NORP":
        return "group"
    if best == "MISC" and any(is_doctrine(c.text) for c in group):
        return "belief"
    return "org" if best == "ORG" else "other"


def _affix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`short` is the first or last words of `full` (suffixes like "Jr." ignored at the end),
    or its last word without the article it is written with ("Sadr" of "Muqtada al-Sadr")."""
    n = len(short)
    if (
        n == 1
        and full
        and full[-1] != short[0]
        and _without_article(full[-1]) == _without_article(short[0])
    ):
        return True  # "Sadr" of "Muqtada al-Sadr", "al-Gizawi" of "Ahmed El Gizawy"
    if n == 0 or n >= len(full):
        return False
    core = full[:-1] if full[-1] in SUFFIXES else full
    if core == short:
        return False  # "Donald Trump" is not "Donald Trump Jr."
    return full[:n] == short or core[-n:] == short or full[-n:] == short


#: The Arabic article a surname is written with and without ("al-Sadr", "Sadr"), as folded.
_SURNAME_ARTICLES = ("al ", "el ")


def _without_article(word: str) -> str:
    """A folded surname without the article joined to it: "al sadr" -> "sadr"."""
    for article in _SURNAME_ARTICLES:
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article) :]
    return word


#: What joins a name to another name of the same thing: "X (XU), also called Y", "X, better
#: known as Y", "X, formerly named Y" (a comma first: "Ana also called Ruiz a friend" is a verb).
_OTHER_NAME = re.compile(
    r"(?:\s*\([^()\n]{1,40}\))?,\s+(?:also|otherwise|better|formerly|now|widely)\s+"
    r"(?:called|known\s+as|named)\s+(?:the\s+)?"
)


def _join_other_names(candidates: list[Candidate], text: str, sets: UnionFind[int]) -> None:
    """A name the text gives as another name of the one before it is the same actor: "First
    Lorn University (FLU), also called Carran University", of one kind (a person "also known
    as" a nickname the model took for a place is not that place's)."""
    at = {c.start: c for c in candidates}
    for cand in candidates:
        m = _OTHER_NAME.match(text, cand.end)
        other = at.get(m.end()) if m else None
        if other is not None and _kind_of(other.label) == _kind_of(cand.label):
            sets.union(other.cluster, cand.cluster)


def _kind_of(label: str) -> str:
    """A label's broad kind: people, places, or anything else (bodies, things, events)."""
    return "person" if label == "PERSON" else "place" if label in PLACE_LABELS else "other"


def _glossed(text: str, before: Candidate, after: Candidate) -> bool:
    """`after` is a bracketed gloss of `before`: "Ayasofya [Hagia Sophia]", or in parentheses
    when both have the same, non-place label ("Tomsk (Siberia)" is two places, not one)."""
    between = text[before.end : after.start].strip()
    closing = text[after.end : after.end + 1]
    if between == "[" and closing == "]":
        return True
    return (
        between == "("
        and closing == ")"
        and before.label == after.label
        and before.label not in PLACE_LABELS
        and not is_acronym(after.text)
    )


def _skips_middle(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`short` is `full` without its middle names or initials ("John R. Bolton" -> "John
    Bolton", "Robert Gabriel Mugabe" -> "Robert Mugabe")."""
    core = full[:-1] if full and full[-1] in SUFFIXES else full
    return (
        len(short) == 2 and len(core) > 2 and short[0] == core[0] and short[-1] == core[-1]
    )


def _middle(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A middle surname: Spanish "Ricardo Rosselló Nevares" -> "Rosselló", "Ana María López
    Ruiz" -> "López"; the word before the last surname, not a second given name ("María")."""
    core = full[:-1] if full and full[-1] in SUFFIXES else full
    return len(short) == 1 and 3 <= len(core) <= 4 and len(short[0]) > 1 and short[0] == core[-2]


def _looks_like_person(group: list[Candidate]) -> bool:
    """The cluster's fullest name has the shape of a person's name."""
    return looks_like_person_name(max(group, key=lambda c: len(c.folded)).text)


def _org_affix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """An organisation's short form: its last words ("Court" of "Supreme Court"), or its first
    words before "of ..." or a company word ("House of Representatives", "Ford Motor Company")."""
    n = len(short)
    if n == 0 or n >= len(full):
        return False
    if full[-n:] == short:
        return True
    if n >= 2 and _without_conjunct(full) == short:
        return True  # "Foreign Office" of "Foreign and Commonwealth Office"
    if n >= 2 and full[:n] == short and all(w in _BODY_TAIL_FOLDS for w in full[n:]):
        return True  # "House Finance" of "House Finance Committee": its body's word left out
    if n == 1 and "of" in full[1:]:
        # The head noun before "of": "the Department" of "California Department of Corrections".
        return full[full.index("of", 1) - 1] == short[0]
    return full[:n] == short and (
        full[n] in _MINOR_FOLDS or all(w in _TAIL_FOLDS for w in full[n:])
    )


def _without_conjunct(full: tuple[str, ...]) -> tuple[str, ...] | None:
    """A body's name without the word "and" joins into it: "foreign and commonwealth office"
    -> "foreign office" (a name of three words or more before its last; None for any other)."""
    if "and" not in full[1:-2]:
        return None
    i = full.index("and", 1)
    return full[:i] + full[i + 2 :]


def _party_affix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`_org_affix`, and a party's name without "Party" ("Democratic" of "Democratic Party"),
    for a short name used as a body or a people's (not a law's: "Constitution" is not the
    "Constitution Party")."""
    n = len(short)
    if 0 < n < len(full) and full[:n] == short and all(w in _PARTY_FOLDS for w in full[n:]):
        return True
    return _org_affix(short, full)


_SUPRANATIONAL_FOLDS = frozenset(fold_name(w) for w in SUPRANATIONAL_WORDS)

_MINOR_FOLDS = frozenset(fold_name(w) for w in MINOR_WORDS)
_TAIL_FOLDS = frozenset(fold_name(w) for w in _ORG_TAILS)
_BODY_TAIL_FOLDS = frozenset(fold_name(w) for w in BODY_TAILS)


def canonical_name(forms: list[str]) -> str:
    """The fullest, most common form: most words first, then most frequent, then earliest."""
    counts = Counter(forms)
    first = {f: i for i, f in reversed(list(enumerate(forms)))}
    return min(counts, key=lambda f: (-len(f.split()), -counts[f], first[f]))


def _bare_name_occurrences(
    candidates: list[Candidate], keys: dict[int, str], text: str, links: Taken
) -> list[Candidate]:
    """Surnames of people named in full that the model missed ("Fang spoke to the gathering")."""
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
        # Surname last ("Putin") or first ("Guo Shengkun" -> "Guo"): both, when unambiguous.
        for word in {core[-1], core[0], *used_short.get(root, set())}:
            if word.lower() in STOPWORDS or word.lower().rstrip(".") in HONORIFICS:
                continue
            people.setdefault(word, set()).add(root)
    taken = Taken((c.start, c.end) for c in candidates)
    # words the article names something by on their own: "Palestine" tagged as a place is
    # not the first word of a "Palestine Solidarity Campaign" the model took for someone
    alone: dict[str, set[int]] = {}
    for cand in candidates:
        if " " not in cand.text:
            alone.setdefault(cand.text, set()).add(cand.cluster)
    extra: list[Candidate] = []
    for word, roots in people.items():
        if len(roots) != 1 or len(word) < 2 or not word[0].isupper() or word.lower() in CALENDAR:
            continue
        if word.lower() in words_of(text):
            continue  # also a common word ("May", "Young"): too risky
        root = next(iter(roots))
        if alone.get(word, set()) - {root}:
            continue  # the article's own name for something else
        for m_start, m_end in word_spans(text, word, before=".-", after="-"):
            if taken.overlaps(m_start, m_end) or links.overlaps(m_start, m_end):
                continue
            if NEGATION_AFTER.match(text, m_end):
                continue  # "Don't", "Won't"
            before = text[max(0, m_start - 30) : m_start]
            after = text[m_end : m_end + 30]
            if re.search(r"[A-Z][\w'’-]*[ \t]+$", before) or re.match(r"[ \t]+[A-Z]", after):
                continue  # part of another name
            cand = Candidate(m_start, m_end, word, "PERSON", cluster=root)
            extra.append(cand)
    return extra


def _drop_quoted_words(candidates: list[Candidate], article: Article) -> list[Candidate]:
    """A lone capitalised word inside quotation marks that the model took for an organisation
    ("RIP Cowboy", "We love you Nadine") is part of what was said, not an institution."""
    suspects = [
        c
        for c in candidates
        if c.label == "ORG"
        and " " not in c.text
        and not is_acronym(c.text)
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
