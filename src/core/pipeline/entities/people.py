"""People's clusters: relatives, families, namesakes in other offices, a shared surname."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..names import SUFFIXES, fold_name, looks_like_person_name, not_own_in_sentence, one_name_mark
from .candidates import Candidate
from .labels import KIN_NOUNS
from .matching import group_of

#: Titles of offices one person does not hold at once: a surname titled with one of them is
#: not someone the article titles with another ("Senator Marsh", "Rep. Tom Marsh").
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


def other_office(short: list[Candidate], full: list[Candidate]) -> bool:
    """A bare surname and a full name are titled with different offices only (`_OFFICES`):
    two namesakes, such as relatives in the same legislature."""
    own, theirs = _offices(short), _offices(full)
    return bool(own and theirs and not own & theirs)


def kin_of_people(members: list[list[Candidate]], kinds: list[str]) -> None:
    """A full name the model tagged as an organisation or a thing ("Maya Linwood Holloway"
    as ORG) is a person when it has a person's shape and shares its surname with someone the
    article names in full: a relative, not a body named after them ("Holloway Foundation" has
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


def families(candidates: list[Candidate], text: str) -> None:
    """"the Breviks", "the Sams": a surname of someone the article names in full, in the
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


def introduced_alone(short: list[Candidate], full: list[Candidate], text: str) -> bool:
    """A one-word name the article gives as not the person's own (a pseudonym, a name
    withheld), or introduces with an age ("Dara, 29, said") before it names anyone in full by
    that word, is someone the story names by that word only: not the "Kem Dara" a later
    paragraph names. News names a person in full at first mention, so a bare name introduced
    on its own is a person of its own, and a pseudonym never belongs to a real name."""
    first = min(short, key=lambda c: c.start)
    mark = one_name_mark(text, first.start, first.end)
    if mark == "alias" or not_own_in_sentence(text, first.end):
        return True
    named = [c.start for c in full if len(c.folded) > len(first.folded)]
    return mark == "age" and bool(named) and first.start < min(named)


#: Bare-surname mentions of the first-named person, before a namesake appears, that make them
#: the article's subject for the rest of it.
SUBJECT_MENTIONS = 2


def assign_to_subject(
    group: list[Candidate],
    roots: list[int],
    members: list[list[Candidate]],
    find: Callable[[int], int],
    pool: list[int],
    title: str = "",
    text: str = "",
) -> None:
    """A surname shared by several people ("Odaro" with Jan and Mira) goes to the one the
    article is about: the one its headline names in full, else one named in full far more
    often than any other (`CLEAR_LEAD`), else its running subject (the first one named, whom
    the surname alone already meant before a namesake appears: "Brevik" of a story that
    meets his niece "Mary Brevik" halfway). Where none is, a mention goes to the one namesake
    its own paragraph has named in full before it, if only one ("Justice Minister Kemal Ali
    Aydin asserted ... said Aydin", after a police chief Ibrahim Aydin named twice, paragraphs
    earlier); else to the one named in full most often. When none stands out ("Marsh" with
    Tom and Ella, each named once), each mention joins the nearest full name before it
    (or, failing that, the first one after it)."""
    firsts: list[tuple[int, int]] = []
    full_names: Counter[int] = Counter()
    for root in roots:
        for cand in group_of(members, find, root, pool):
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
        for cand in group_of(members, find, root, pool)
        if len(cand.folded) > 1 and f" {' '.join(cand.folded)} " in padded
    }
    if len(in_title) == 1:
        clear = next(iter(in_title))
    if firsts and clear is None:
        # the article's running subject: the first person named, whom the surname alone
        # already meant several times before a namesake appears ("Omar Rahim" ... "Rahim" ...
        # "Rahim" ... then "Mayor Bilal Rahim")
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
        earlier = [(s, r) for s, r in firsts if s < cand.start]
        cand.cluster = _first_named_together(earlier, text) if earlier else firsts[0][1]
    group.clear()  # its candidates now point at those roots directly


def _first_named_together(earlier: list[tuple[int, int]], text: str) -> int:
    """The nearest namesake named before, or, where the last few were named in one sentence
    ("President Tom Varga and first lady Ella Varga"), the first of them: a namesake named
    beside someone is named for that person's sake, and the surname alone goes on meaning the
    one named first."""
    i = len(earlier) - 1
    while i > 0 and not _SENTENCE_END.search(text, earlier[i - 1][0], earlier[i][0]):
        i -= 1
    return earlier[i][1]


#: What ends a sentence between two names (an initial's full stop ends nothing here only when
#: no space follows it, so "John R. Varga" reads as two sentences: the nearest name wins then).
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _kin_anchor(text: str, cand: Candidate) -> bool:
    """A name given only to place someone else by kinship ("the widow of Ted Marsh", "Ted
    Marsh's son") is not what the story is about: it does not count towards which namesake
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


def looks_like_person(group: list[Candidate]) -> bool:
    """The cluster's fullest name has the shape of a person's name."""
    return looks_like_person_name(max(group, key=lambda c: len(c.folded)).text)
