"""Acronyms and the names they spell: introductions, names the model split or missed."""

from __future__ import annotations

import re
from collections import Counter

from ..kinds import BODY_TAILS
from ..names import HONORIFICS, acronym_letters, acronym_matches, fold_name, is_acronym
from ..rules import ORG_WORDS
from .candidates import Candidate, Taken, join_neighbours
from .cleaning import MINOR_WORDS, POSSESSIVE_WORD, after_a_sentence_end
from .junk import CALENDAR, STOPWORDS, words_of
from .labels import KIN_OR_PERSON_NOUNS, TITLE_ACRONYMS
from .places import PLACE_LABELS, followed_by_its_region

_ORG_NAME = re.compile(
    r"(?<![\w'’.-])(?:[A-Z][A-Za-z&.-]*\s(?:(?:of|for|and|the)\s)?){1,5}"
    r"(?:" + "|".join(w.capitalize() for w in ORG_WORDS if w.isalpha()) + r")(?![\w'’-])"
)

# An acronym introduced right after a name: "Southern Cooperation Alliance, or SCA",
# "Federal Security Service (FSB)".
_ACRONYM_INTRO = re.compile(
    r"^\s*(?:,\s*(?:or|also known as|known as|abbreviated(?: as)?)\s+(?:the\s+)?"
    r"|\s*\(\s*(?:the\s+)?)(?P<abbr>[A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9.])(?P<close>\s*\))?"
)


def missed_organisations(
    candidates: list[Candidate], text: str, links: Taken, headlines: list[tuple[int, int]]
) -> list[Candidate]:
    """Capitalised names ending in an organisation word that the model left out ("Russia's
    Safe Internet League"): the same rule the model-free pipeline uses."""
    taken = Taken((c.start, c.end) for c in candidates)
    extra: list[Candidate] = []
    for m in _ORG_NAME.finditer(text):
        start, end = m.span()
        start = after_a_sentence_end(text, start, end)  # "on Tuesday. Union chief"
        words = text[start:end].split()
        before = text[max(0, start - 4) : start]
        sentence_start = not before.strip(' \n"“') or bool(re.search(r"[.!?][\"”’]?\s+$", before))
        while words and (
            words[0].lower() in STOPWORDS | CALENDAR
            or (sentence_start and words[0].lower() in words_of(text))
        ):
            start += len(words[0]) + 1
            words.pop(0)
            sentence_start = False
        if len(words) < 2 or taken.overlaps(start, end) or links.overlaps(start, end):
            continue
        # "in Lake Station, Texas": a town whose name ends as a body's does, named with its region
        label = "GPE" if followed_by_its_region(text, end, then_lower=True) else "ORG"
        cand = Candidate(start, end, text[start:end], label)
        cand.headline = any(s <= start < e for s, e in headlines)
        extra.append(cand)
        taken.add(start, end)
    return extra


#: What the model may cut an institution's name at: ", Scientific and ".
_NAME_GAP = re.compile(r",?(?: [A-Z][\w'’-]*,?)* and $|, $")


def join_split_names(candidates: list[Candidate], text: str) -> list[Candidate]:
    """One institution's name cut in two at its commas ("United Nations Educational" ...
    "Cultural Organization" (UNESCO)) is one name when the acronym after it spells the whole."""

    def join(first: Candidate, second: Candidate) -> Candidate | None:
        m = _ACRONYM_INTRO.match(text[second.end : second.end + 40])
        if (
            first.label == second.label == "ORG"
            and _NAME_GAP.fullmatch(text[first.end : second.start])
            and m is not None
            and acronym_matches(m.group("abbr"), text[first.start : second.end])
        ):
            return Candidate(first.start, second.end, text[first.start : second.end], "ORG",
                             headline=first.headline)
        return None

    return join_neighbours(candidates, join)


_ORG_WORD_SET = frozenset(ORG_WORDS)


def join_names_around_and(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "the Hale Morton and Grey Medical Center": one institution named after two founders,
    which the model cut at its "and" into two bodies. The first part has no word of a body's
    own, is two capitalised words or more, follows "the" and is named nowhere else; the
    second ends in a body's word: the one "the" determines the whole name. Two bodies listed
    each keep their own ("the Hale Foundation and Grey Medical Center", "the BBC and
    Reuters Institute")."""
    counts = Counter(c.text for c in candidates)

    def join(first: Candidate, second: Candidate) -> Candidate | None:
        words = first.text.split()
        if (
            first.label in ("ORG", "FAC", "PERSON")  # ("the Hale Morton": a site, or someone)
            and second.label == "ORG"
            and text[first.end : second.start] == " and "
            and text[max(0, first.start - 4) : first.start].lower() == "the "
            and len(words) >= 2
            and all(w[:1].isupper() and not is_acronym(w) for w in words)
            and not any(w.lower() in _ORG_WORD_SET for w in words)
            and counts[first.text] == 1
            and second.text.split()[-1].lower() in _ORG_WORD_SET
        ):
            return Candidate(first.start, second.end, text[first.start : second.end], "ORG",
                             role=first.role or second.role, headline=first.headline)
        return None

    return join_neighbours(candidates, join)


#: " of Freedonia", " of the North": the "of" phrase that may end a body's name.
_OF_NAME = re.compile(r" (?:of|on|for) (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}")


def with_of_phrase_the_acronym_spells(
    candidates: list[Candidate], text: str
) -> list[Candidate]:
    """ "the Press Council of Freedonia (PCF)", "the Commission on Rural Affairs (CRA)": the
    model stopped the body's name before its "of"/"on"/"for" phrase; the acronym after it
    spells the whole, not the part, so the name runs on."""
    out: list[Candidate] = []
    cut: tuple[int, int] | None = None
    for cand in sorted(candidates, key=lambda c: c.start):
        if cut is not None and cut[0] <= cand.start and cand.end <= cut[1]:
            continue  # "Freedonia", read as a place inside the longer name
        out.append(cand)
        words = cand.text.split()
        if cand.label != "ORG" or not words or words[-1].lower() not in BODY_TAILS:
            continue
        m = _OF_NAME.match(text, cand.end)
        intro = _ACRONYM_INTRO.match(text[m.end() : m.end() + 40]) if m else None
        if m is None or intro is None:
            continue
        whole = text[cand.start : m.end()]
        if acronym_matches(intro.group("abbr"), whole) and not acronym_matches(
            intro.group("abbr"), cand.text
        ):
            cand.end, cand.text, cand.folded = m.end(), whole, ()
            cut = (m.start(), m.end())
    return out


#: Capitalised words just before a name (at most three, with the minor words between them),
#: the last ending at the name's space.
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|on|in|the)\s+)?){1,3}$")


def with_words_before_the_acronym_spells(
    candidates: list[Candidate], text: str
) -> list[Candidate]:
    """ "[Reporters] [Without Borders] (RWB)": the model began the name late, at a word no
    name begins with, and left the words before it out; the acronym after it spells the
    whole, not the part, so the name starts earlier. An acronym stands for a body, not a
    person ("Without Borders" was read as someone's name). Not a title's letters ("Member
    of Parliament (MP)"), nor a name the article uses on its own elsewhere ("Parliament")."""
    alone = Counter(c.text for c in candidates)
    grown: list[Candidate] = []
    for cand in candidates:
        intro = _ACRONYM_INTRO.match(text[cand.end : cand.end + 40])
        if intro is None or not intro.group("close") or alone[cand.text] > 1:
            continue
        abbr = intro.group("abbr")
        if fold_name(abbr) in TITLE_ACRONYMS or acronym_matches(abbr, cand.text):
            continue
        lo = text.rfind("\n", 0, cand.start) + 1
        before = _WORDS_BEFORE.search(text, max(lo, cand.start - 60), cand.start)
        if before is None:
            continue
        for word in re.finditer(r"\S+", before.group()):
            if word.group().lower() in MINOR_WORDS:
                continue  # "The Board of Trade" starts at "Board"
            start = before.start() + word.start()  # the longest run first
            whole = text[start : cand.end]
            if acronym_matches(abbr, whole):
                added = text[start : cand.start].lower().split()
                if cand.label == "PERSON" or (
                    cand.label in PLACE_LABELS and any(w in BODY_TAILS for w in added)
                ):
                    # (a place the name ends with: "[Board of Control for Cricket in] India
                    # (BCCI)" is a body; "[Democratic Republic of the] Congo (DRC)" a place)
                    cand.label = cand.kind_signal = "ORG"
                cand.start, cand.text, cand.folded = start, whole, ()
                grown.append(cand)
                break
    # the part of the name the model read as a name of its own is no mention of its own
    return [
        c
        for c in candidates
        if not any(g is not c and g.start <= c.start and c.end <= g.end for g in grown)
    ]


#: An acronym in brackets ("(RWB)") after a run of capitalised words, which may hold minor ones
#: ("Notes from Poland", "Reporters Without Borders").
_BRACKETED_ACRONYM = re.compile(r" \((?P<abbr>[A-Z][A-Za-z&]*[A-Z])\)")
_RUN_BEFORE = re.compile(
    r"(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|on|in|the|from|without|with|a|to|at|de)\s+)*){1,6}$"
)


def names_only_an_acronym_spells(
    candidates: list[Candidate], text: str, links: Taken, headlines: list[tuple[int, int]]
) -> list[Candidate]:
    """ "Reporters Without Borders (RWB)", "Notes from Poland (NFP)": the model saw no name, or
    only a place or a word inside one ("Poland"), in words whose initials the bracketed
    acronym after them spells; those words are a body's name. Found from the longest run
    back, in the same line."""
    found: list[Candidate] = []
    inner: set[int] = set()
    for m in _BRACKETED_ACRONYM.finditer(text):
        abbr = m.group("abbr")
        if not is_acronym(abbr) or fold_name(abbr) in TITLE_ACRONYMS:
            continue
        lo = text.rfind("\n", 0, m.start()) + 1
        run = _RUN_BEFORE.search(text + " ", max(lo, m.start() - 80), m.start() + 1)
        if run is None:
            continue
        for word in re.finditer(r"[A-Z]\S*", run.group()):
            if word.group().lower() in MINOR_WORDS:
                continue  # "The Board of Trade" starts at "Board"
            start = run.start() + word.start()
            whole = text[start : m.start()]
            if len(whole.split()) < 2 or not acronym_matches(abbr, whole):
                continue
            last = whole.split()[-1].lower()
            if POSSESSIVE_WORD.search(last) or last in KIN_OR_PERSON_NOUNS | HONORIFICS:
                break  # "Divisional Railway Manager (DRM)": a title, not a body
            within = [c for c in candidates if c.start < m.start() and start < c.end]
            if links.overlaps(start, m.start()) or any(
                c.start < start
                or c.end > m.start()
                or c.end - c.start == m.start() - start  # the whole: the model named it
                or (c.label not in PLACE_LABELS and len(c.text.split()) > 1)
                for c in within
            ):
                break  # a name the model saw, in part or whole: the other acronym rules judge it
            inner.update(id(c) for c in within)
            cand = Candidate(start, m.start(), whole, "ORG")
            cand.headline = any(s <= start < e for s, e in headlines)
            found.append(cand)
            break
    if not found:
        return candidates
    return [c for c in candidates if id(c) not in inner] + found


def _clipped_from(short: str, name: str) -> bool:
    """ "Phivolcs" of "Philippine Institute of Volcanology and Seismology": a one-word short
    form made of pieces of a long name's words, in order, from its first letter on. Not one of
    the name's own words, and only for a name of three words or more."""
    if is_acronym(short) or not short.isalpha() or len(short) < 4 or len(name.split()) < 3:
        return False
    letters = iter(name.lower())
    low = short.lower()
    return low[0] == name[:1].lower() and all(c in letters for c in low[1:]) and (
        fold_name(short) not in {fold_name(w) for w in name.split()}
    )


def introduced_acronyms(candidates: list[Candidate], text: str) -> dict[str, Candidate]:
    """Acronyms the text introduces after a name, folded acronym -> the named candidate."""
    found: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.label == "PERSON" or len(cand.text.split()) < 2:
            continue
        m = _ACRONYM_INTRO.match(text[cand.end : cand.end + 40])
        if not m:
            continue
        abbr = m.group("abbr").rstrip(".") if not m.group("abbr").endswith(".") else m.group("abbr")
        parenthesised = text[cand.end : cand.end + 40].lstrip().startswith("(")
        if parenthesised and m.group("close") and _clipped_from(abbr, cand.text):
            found.setdefault(fold_name(abbr), cand)  # "... Seismology (Phivolcs)"
            continue
        if not is_acronym(abbr) or "-" in abbr:
            continue
        if parenthesised and not m.group("close"):
            continue
        letters = acronym_letters(abbr)
        fits = acronym_matches(abbr, cand.text) or (parenthesised and letters[0] == cand.text[0])
        if fits:
            found.setdefault(fold_name(abbr), cand)
    # Also any acronym that spells the initials of a longer name in the same article ("US").
    # An acronym written again that spelled no name before spells none now (it cannot spell
    # itself, or its first search had found its repeat): one search per spelling, not per use.
    spelled_none: set[str] = set()
    for cand in candidates:
        if (
            is_acronym(cand.text)
            and cand.text not in spelled_none
            and fold_name(cand.text) not in found
        ):
            for other in candidates:
                if other is not cand and acronym_matches(cand.text, other.text):
                    found[fold_name(cand.text)] = other
                    break
            else:
                spelled_none.add(cand.text)
    return found


def unlabelled_occurrences(
    candidates: list[Candidate],
    acronyms: dict[str, Candidate],
    text: str,
    links: Taken,
) -> list[Candidate]:
    """Occurrences of an introduced acronym that the model did not tag ("the SCA member states")."""
    taken = Taken((c.start, c.end) for c in candidates)
    extra: list[Candidate] = []
    seen_forms = {c.text for c in candidates if is_acronym(c.text)}
    for cand in candidates:
        if cand.label == "PERSON":
            continue
        m = _ACRONYM_INTRO.match(text[cand.end : cand.end + 40])
        if m and fold_name(m.group("abbr")) in acronyms:
            seen_forms.add(m.group("abbr").rstrip(")"))
    for form in seen_forms:
        target = acronyms.get(fold_name(form))
        if target is None:
            continue
        for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?![\w])", text):
            if taken.overlaps(m.start(), m.end()) or links.overlaps(m.start(), m.end()):
                continue
            extra.append(Candidate(m.start(), m.end(), form, target.label))
            taken.add(*m.span())
    return extra
