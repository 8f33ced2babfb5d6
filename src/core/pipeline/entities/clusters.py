"""Mentions clustered within an article; each cluster keyed by its canonical name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from ..cannotlink import GuardedUnionFind, Name, person_name
from ..kinds import DIVISION_ROLES, is_doctrine, name_fold, storm_name
from ..names import fold_name, folded_tokens, has_suffix, is_acronym, one_name_mark
from ..unionfind import UnionFind
from .candidates import Candidate
from .matching import (
    affix_of,
    company_affix,
    group_of,
    matching_roots,
    middle,
    party_affix,
    without_article,
)
from .organisations import (
    a_branch_in_a_place,
    a_party_named_as_a_house,
    a_product_of,
    anothers_body,
    bears_a_bodys_word,
    class_of_several,
    company_of,
    join_its_company,
)
from .people import (
    assign_to_subject,
    introduced_alone,
    kin_of_people,
    looks_like_person,
    other_office,
)
from .places import (
    PLACE_FOLDS,
    PLACE_LABELS,
    join_place_short_forms,
    join_states_to_their_district,
)


def cluster_candidates(
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
    _join_spellings_of_one_name(members, by_fold, sets)
    _join_slips_of_a_given_name(members, by_fold, sets)

    join_place_short_forms(members, by_fold, sets)
    join_states_to_their_district(members, by_fold, sets)

    labels = [Counter(c.label for c in group) for group in members]
    index: dict[str, set[int]] = {}
    for j, group in enumerate(members):
        for word in {w for c in group for w in c.folded}:
            index.setdefault(word, set()).add(j)
            index.setdefault(without_article(word), set()).add(j)  # "Haddad" finds "al-Haddad"
    kinds = [_kind(labels[i], members[i]) for i in range(len(members))]
    size = [max(len(c.folded) for c in group) for group in members]
    kin_of_people(members, kinds)
    for folded, j in by_fold.items():
        if (name := _full_name(folded, kinds[j], members[j])) is not None:
            sets.name(j, (name,))
    # Shorter names join longer ones they begin or end: "Odaro", "Lin", "de Vries", "House".
    # A surname the model mislabelled ("Brevik" as ORG) still joins the one person it names.
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
        if len(short) == 1 and _named_by_one_name(group, members, index.get(short[0], ()), text):
            # "Vanna, 34, said", "Mina, not her real name": a person, no "Lim Vanna"'s short form
            for cand in group:
                cand.label = cand.kind_signal = "PERSON"
            continue
        # Only clusters sharing a word can match: keeps long articles linear, not quadratic.
        pool = sorted(
            index.get(short[0], set())
            | index.get(short[-1], set())
            | index.get(without_article(short[-1]), set())  # "al-Haddad" finds "Haddad"
        )
        # Capitals ("BDS", "COVID") are a body's letters, no one's first or last name: not
        # the "BDS Kampagne" nor the "COVID Melbourne" the model took for people.
        lettered = is_acronym(group[0].text)
        people = (
            [] if lettered else matching_roots(short, "person", members, kinds, size, find, pool)
        )
        if people:
            plain = [
                r
                for r in people
                if not any(has_suffix(c.text) for c in group_of(members, find, r, pool))
            ]
            people = plain or people
        if people and len(short) == 1:
            # "Dara, 29," or a pseudonym: a person the article names by that word alone
            own = [
                r
                for r in people
                if not introduced_alone(group, group_of(members, find, r, pool), text)
            ]
            if not own:
                continue
            people = own
        if kinds[i] in ("place", "group"):
            placed = any(c.kind_signal in PLACE_LABELS for c in group)
            if len(people) == 1 and not placed:
                sets.union(i, people[0])  # a surname the model took for a place ("Holloway")
            elif len(people) > 1 and len(short) == 1 and not placed:
                # a surname of several people the model took for a place: the article's subject
                assign_to_subject(group, people, members, find, pool, title, text)
            elif not people and kinds[i] == "place" and len(short) == 1:
                join_its_company(i, short, members, kinds, size, sets, pool, text)
            continue
        if not people and not lettered and len(short) == 1 and short[0] not in PLACE_FOLDS:
            # The full name itself mislabelled ("Ramón Olivares Nieto" as ORG); a country
            # the model took for a body is no one's surname ("Samoa", "American Samoa").
            for test in (affix_of, middle):
                people = [
                    r
                    for r in matching_roots(short, "org", members, kinds, size, find, pool, test)
                    + matching_roots(short, "other", members, kinds, size, find, pool, test)
                    if looks_like_person(grp := group_of(members, find, r, pool))
                    and not any(c.kind_signal in ("EVENT", "LAW") for c in grp)
                    and not a_product_of(short, grp, text)
                    # "Orbit" is not the "Orbit Science Fair": an event is no one's name
                ]
                if people:
                    break
            if len(people) > 1:
                # no one the model took for a person: a word that begins several names
                # ("Fukushima Daiichi", "Fukushima Prefecture") is either, so it joins none
                continue
        if len(people) > 1 and class_of_several(short, members, find, people, pool):
            continue  # "Space Shuttle" of "Space Shuttle Atlantis" and "Space Shuttle Discovery"
        if len(people) == 1 and other_office(group, group_of(members, find, people[0], pool)):
            continue  # "Senator Marsh" is not "Rep. Tom Marsh": two namesakes
        if kinds[i] == "person" and not people and len(short) == 1:
            people = company_of(short, group, members, kinds, size, find, pool)
        if kinds[i] == "org" and people and len(short) == 1:
            # a company named after a family, beside a member of it ("Kaldor" of "Kaldor Motor
            # Company" and "Henrik Kaldor Jr."): the word the model took for a body is
            # the company when the story names one, and only one, by that word
            firms = matching_roots(short, "org", members, kinds, size, find, pool, company_affix)
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
                assign_to_subject(group, people, members, find, pool, title, text)
            continue
        if len(people) > 1 and len(short) == 1:
            # a shared surname the model took for an organisation ("Varga" as ORG)
            assign_to_subject(group, people, members, find, pool, title, text)
            continue
        states = any(c.role in DIVISION_ROLES for c in group)  # "the state's Supreme Court"
        orgs = [
            r
            for r in matching_roots(
                short, "org", members, kinds, size, find, pool,
                party_affix if kinds[i] in ("org", "group") else None,
            )
            if not anothers_body(short, group_of(members, find, r, pool), home, states)
            and not a_branch_in_a_place(short, group_of(members, find, r, pool))
            and not a_party_named_as_a_house(short, group_of(members, find, r, pool))
            and not a_product_of(short, group_of(members, find, r, pool), text)
            and not bears_a_bodys_word(short, group_of(members, find, r, pool))
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


def _named_by_one_name(
    group: list[Candidate], members: list[list[Candidate]], sharing: Iterable[int], text: str
) -> bool:
    """A one-word name the article marks as all it gives that person (`one_name_mark`): as a
    pseudonym, or with an age before any longer name with that word ("Nget Sim ... Sim, 36,"
    is a short form)."""
    marks = [(c.start, one_name_mark(text, c.start, c.end)) for c in group]
    if any(mark == "alias" for _at, mark in marks):
        return True
    aged = min((at for at, mark in marks if mark == "age"), default=None)
    word = group[0].folded[0]
    return aged is not None and not any(
        c.start < aged and len(c.folded) > 1 and word in c.folded
        for j in sharing
        for c in members[j]
    )


def _full_name(folded: str, kind: str, group: list[Candidate]) -> Name | None:
    """A cluster's name as the cannot-link guard compares it (`core.pipeline.cannotlink`):
    a person's full name, a place's or a body's name; not an acronym, whose letters fit many
    names, nor a bare surname."""
    if not group or is_acronym(group[0].text):
        return None
    if kind == "person":
        return (folded, "person") if person_name(folded) else None
    return (folded, "place" if kind == "place" else "other")


#: Labels a kind signal overrides in its cluster: the model's guesses for a name it did not
#: know ("Bermuda" as PERSON, "Corvetta" as ORG or PRODUCT).
_GUESSED_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART"})


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
                cand.label = "PERSON"  # a title or kinship said someone: "son Aurelio"
        return
    if any(c.role for c in group):
        return
    # a tie goes to a body: a noun that calls it one ("the group Civic Tide") says more
    # than the preposition a place and a body both take ("a post in Civic Tide")
    label = max(signals, key=lambda signal: (signals[signal], signal == "ORG"))
    overridden = _GUESSED_LABELS if label in PLACE_LABELS or label == "MISC" else {"PERSON"}
    if label in PLACE_LABELS and all(" " not in c.text for c in group):
        overridden = overridden | {"NORP"}  # "the island of Anjouan": a place, not a people
    for cand in group:
        if cand.label in overridden:
            cand.label = label
        elif label == "ORG" and cand.label in PLACE_LABELS and cand.kind_signal is None:
            # "into Velbank, the fourth largest bank": what the text calls it outweighs the
            # model's guesses of a place that nothing around them supports
            cand.label = label


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


_VOWELS = frozenset("aeiouy")


def _one_vowel_apart(a: str, b: str) -> bool:
    """Two words of four letters or more, the same but for one vowel written as another:
    "Ladin" and "Laden", the same word romanised two ways (not "Olsen" and "Olson" alone:
    the caller asks for a shared given name too)."""
    if len(a) != len(b) or len(a) < 4:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and diffs[0][0] in _VOWELS and diffs[0][1] in _VOWELS


def _join_spellings_of_one_name(
    members: list[list[Candidate]], by_fold: dict[str, int], sets: UnionFind[int]
) -> None:
    """One person's full name spelt two ways in one article ("Hamid bin Rashad" and "Hamid bin
    Rushad"): three words or more, the same but for the last, one vowel apart, each taken for
    a person. Two people of one family share the surname, not the given name; a name of two
    words may be written family name first ("Hun Mana" and "Hun Many" are sisters), and a
    given name spelt two ways ("Jon"/"Jan") can be two people: those are left apart."""
    people: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for folded, j in by_fold.items():
        words = folded.split()
        group = members[j]
        if len(words) < 3 or not group:
            continue
        if sum(c.label == "PERSON" for c in group) * 2 <= len(group):
            continue
        people.setdefault((words[0], len(words)), []).append((folded, j))
    for same in people.values():
        for n, (a, i) in enumerate(same):
            for b, j in same[n + 1 :]:
                first, second = a.split(), b.split()
                if first[:-1] == second[:-1] and _one_vowel_apart(first[-1], second[-1]):
                    sets.union(i, j)


def _transposed(a: str, b: str) -> bool:
    """Two words of five letters or more, the same but for two neighbouring letters swapped:
    "Deirdre" and "Dierdre", a slip of the pen."""
    if len(a) != len(b) or len(a) < 5 or a == b:
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and (
        a[diffs[1]] == b[diffs[0]]
    )


def _short_given_name(a: str, b: str) -> bool:
    """One given name is the other's first letters, four or more: "Zach" of "Zachary"."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and len(long) > len(short) and long.startswith(short)


def _join_slips_of_a_given_name(
    members: list[list[Candidate]], by_fold: dict[str, int], sets: UnionFind[int]
) -> None:
    """One person written two ways in one article: a given name alone with two letters swapped
    from the given name of one full name ("Dierdre Coleman" ... "Deirdre"), or two full names
    with one surname whose given names are a name and its short form ("Zach Cates", "Zachary
    Cates"). Only people, and only where one name fits: a given name two full names could be
    slips of joins neither."""
    people = {
        folded: j
        for folded, j in by_fold.items()
        if members[j] and sum(c.label == "PERSON" for c in members[j]) * 2 > len(members[j])
    }
    full = [(folded.split(), j) for folded, j in people.items() if len(folded.split()) >= 2]
    givens = {words[0] for words, _j in full}
    for folded, j in people.items():
        words = folded.split()
        if len(words) == 1 and words[0] not in givens:
            slips = [i for other, i in full if _transposed(words[0], other[0])]
            if len(slips) == 1:
                sets.union(j, slips[0])
        elif len(words) == 2:
            shorts = [
                i
                for other, i in full
                if len(other) == 2
                and other[1] == words[1]
                and _short_given_name(words[0], other[0])
            ]
            if len(shorts) == 1:
                sets.union(j, shorts[0])


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


def canonical_name(forms: list[str]) -> str:
    """The fullest, most common form: most words first, then most frequent, then earliest."""
    counts = Counter(forms)
    first = {f: i for i, f in reversed(list(enumerate(forms)))}
    return min(counts, key=lambda f: (-len(f.split()), -counts[f], first[f]))
