"""Name normalisation: folding spelling and transliteration variants, honorifics, acronyms.

Pure string functions (no spaCy), shared by entity extraction, actor merging and search.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic to Latin (a common news romanisation); folding then evens out the variants.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґў",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "ye",
            "i",
            "yi",
            "g",
            "u",
        ],
        strict=True,
    )
)
_LETTERS = {
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "ı": "i",
    "œ": "oe",
    "þ": "th",
}
_POSSESSIVE = re.compile(r"['’ʼ]s\b")
_APOSTROPHES = re.compile(r"['’ʼ`´.]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Transliteration variants of the same sound (Yanukovych/Yanukovich, Khodorkovsky/Hodorkovsky,
# Alexei/Aleksey): applied in this order, then doubled letters collapse (Navalnyy/Navalny).
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # British and American spellings of one name ("World Health Organisation", "Centre")
    (re.compile(r"isation"), "ization"),
    (re.compile(r"\bcentre"), "center"),
    (re.compile(r"tch"), "ch"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"q"), "k"),
    (re.compile(r"y"), "i"),
    (re.compile(r"\bie"), "e"),
    # a vowel after "a" written "e" or "i" ("Qaeda"/"Qa'ida", "Ismael"/"Ismail", "Taez"/"Taiz")
    (re.compile(r"ae"), "ai"),
    (re.compile(r"ij\b"), "i"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)

#: Words before a name that are titles, not part of it ("President Putin", "Dr. Fang").
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady madam president vice prime minister
    premier senator sen rep representative congressman congresswoman gov governor general gen
    lt col colonel major maj capt captain sgt sergeant admiral adm judge justice pope king queen
    prince princess sheikh chancellor mayor secretary speaker chairman chairwoman chair ceo
    ambassador officer detective inspector chief commissioner deputy foreign defense defence
    interior finance state father rev reverend bishop archbishop cardinal rabbi imam saint st
    emperor empress crown first lady former late acting emeritus cde comrade administrator
    director spokesman adviser advisor
    spokeswoman spokesperson commander head leader founder editor executive attorney
    commissioner minister-president premier-elect president-elect councillor councilman
    councilwoman assemblyman assemblywoman superintendent sheriff marshal constable
    adviser advisor aide coach counsel envoy nominee undersecretary under-secretary
    mme mlle madame monsieur herr frau
    coun cllr const cst supt insp det cpl pte cmdr msgr hon""".split()
)
#: Military and police ranks: "Captain Ruiz" is someone of a force, named by rank, not the
#: team "captain" or the namesake another story names in full without the rank.
RANKS = frozenset(
    """private pte corporal cpl sergeant sgt lieutenant lt captain capt major maj colonel col
    general gen commander cmdr admiral adm officer constable const cst detective det inspector
    insp superintendent supt marshal""".split()
)
#: Titles abbreviated with a full stop that spaCy's tokenizer splits ("Sgt" + "."), so the parser
#: ends the sentence there (`said Sgt.` | `Ana Ruiz.`); kept one token, as it keeps "Dr." and
#: "Sen." (`indexing.prepare_pipeline`). Titles that also end sentences ("Sr.", "Sec.") are not.
TITLE_ABBREVIATIONS = tuple(
    f"{title}."
    for title in """Sgt Const Cst Coun Cllr Det Supt Insp Cpl Lt Capt Col Maj Cmdr Pte Hon Msgr Mme
    Mlle Mx Adm Prof Rev""".split()
)
#: Courtesy titles: not a role on their own.
COURTESY = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "madam", "mme", "mlle", "madame", "monsieur",
     "herr", "frau"}
)
#: Generational suffixes: "Donald Trump Jr." is not "Donald Trump".
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Words skipped when reading an acronym off a name ("United States of America" -> USA).
_MINOR = frozenset(
    {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&", "to", "at"}
)


@lru_cache(maxsize=200_000)
def fold_name(name: str) -> str:
    """A name's comparison key: case, accents, punctuation, a leading "the" and common
    transliteration variants folded away ("Yanukovych" == "Yanukovich", "Navalnyi" == "Navalny",
    "Дмитрий" == "Dmitry"). Equal keys mean "probably the same name"; pure and cheap (cached).
    """
    text = unicodedata.normalize("NFKD", name.lower())
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch])
        else:
            out.append(_LETTERS.get(ch, ch))
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", "".join(out)))
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text


def name_tokens(name: str) -> list[str]:
    """Words of a name, split on spaces (hyphenated names stay one word)."""
    return name.split()


def folded_tokens(name: str) -> tuple[str, ...]:
    """Folded words of a name with generational suffixes kept (they distinguish people)."""
    return tuple(fold_name(token) for token in name.split() if fold_name(token))


def has_suffix(name: str) -> bool:
    """True for "Donald Trump Jr.", "Henry Ford II"."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().rstrip(".,") in SUFFIXES


@lru_cache(maxsize=100_000)
def is_acronym(text: str) -> bool:
    """ "SCO", "U.S.", "NATO", "PG&E": short and (almost) all capitals."""
    letters = [c for c in text if c.isalpha()]
    if not 2 <= len(letters) <= 8 or " " in text.strip():
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper >= len(letters) - 1


def acronym_letters(text: str) -> str:
    """ "U.S." -> "US"; the capitals of an acronym."""
    return "".join(c for c in text if c.isalpha()).upper()


def initials(name: str) -> str:
    """ "Shanghai Cooperation Organization" -> "SCO"; minor words are skipped."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _MINOR]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


@lru_cache(maxsize=65_536)  # asked for every acronym against every name of an article
def acronym_matches(acronym: str, name: str) -> bool:
    """Whether `acronym` abbreviates `name`: its initials, with or without the minor words,
    an acronym word in the name giving all its letters. Not a name that holds the acronym as
    a word: "U.S." is not the "U.S. Senate" whose initials it happens to spell."""
    letters = acronym_letters(acronym)
    if len(letters) < 2 or len(name.split()) < 2:
        return False
    if any(acronym_letters(w) == letters for w in name.split() if is_acronym(w)):
        return False
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    every = "".join(_initial_letters(w) for w in words)
    plain = "".join(_initial_letters(w) for w in words if w.lower() not in _MINOR)
    return letters in (plain, every)


def _initial_letters(word: str) -> str:
    """What a word of a name gives its acronym: its first letter, or all the letters of an
    acronym word, which stands for several words itself ("US Navy" is "USN", never "UN")."""
    return acronym_letters(word) if is_acronym(word) else word[0].upper()


def slug_name(name: str) -> str:
    """A readable ASCII slug for ids: accents dropped, Cyrillic romanised, no spelling folding."""
    text = unicodedata.normalize("NFKD", name.lower())
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        out.append(_CYRILLIC[ch] if ch in _CYRILLIC else _LETTERS.get(ch, ch))
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", "".join(out)))
    text = _NON_WORD.sub("-", text).strip("-")
    return text.removeprefix("the-")


_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "van", "von", "der", "bin", "al", "el", "la", "le", "du"}
)


@lru_cache(maxsize=100_000)
def looks_like_person_name(name: str) -> bool:
    """Two to four capitalised words (particles such as "de", "van" allowed) and no word that
    ends organisation names ("League", "Company"): the shape of a person's full name."""
    from .rules import ORG_WORDS

    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        low = word.lower().strip(".,")
        if low in ORG_WORDS or low in _MINOR and low not in _NAME_PARTICLES:
            return False
        if not word[0].isupper() and low not in _NAME_PARTICLES and not low.startswith("al-"):
            return False
    return True


#: Right after a one-word name: its age ("Dara, 29, said", "Dara (29)", "Dara, aged 29,"): how a
#: story introduces someone.
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*[,.;:]|\s*\(\s*(?:aged\s+)?\d{1,3}\s*\)")
#: Right after it, a word that it is not the person's real name ("Dara, not his real name",
#: "Mina, a pseudonym", "who asked that her real name be withheld", "who asked to be
#: identified only by her first name").
_ALIAS_AFTER = re.compile(
    r"[^.!?\n“”\"]{0,80}?\b(?:not (?:his|her|their) real name|pseudonyms?\b"
    r"|real names?\b[^.!?\n]{0,30}?\b(?:withheld|not be used|changed)"
    r"|identified only by (?:his|her|their) (?:first|given) name)",
    re.I,
)
#: The same said anywhere in the rest of the sentence that names it ("who spoke on condition of
#: anonymity", "asked not to be named", "her surname withheld").
_NOT_OWN_NAME = re.compile(
    r"\b(?:pseudonym|anonymity|not (?:his|her|their) (?:real|actual|own|full) name|"
    r"(?:his|her|their|whose) (?:real |actual |full |last |family |sur)?names? (?:\w+ ){0,2}"
    r"(?:withheld|changed|not|be used|be published)|be identified only|"
    r"(?:asked|requested|wished|wanted) not to be (?:fully )?(?:named|identified))\b",
    re.I,
)
#: How far the rest of a name's sentence is read for `_NOT_OWN_NAME`.
_SENTENCE_REACH = 200
#: Right before it: "identified only as", "known only as", "the pseudonym", "gave her name as".
_ALIAS_BEFORE = re.compile(
    r"\b(?:(?:identified|known|named|called) only as|pseudonym|an alias|"
    r"(?:gave|give|gives|giving) (?:his|her|their) name as)\s*[,:]?\s*[\"“]?$",
    re.I,
)


def not_own_in_sentence(text: str, end: int) -> bool:
    """The rest of a name's sentence says it is not the person's own (`_NOT_OWN_NAME`): read
    only for a name already known to be someone's, since "on condition of anonymity" may follow
    any word of a sentence ("The Arabs have come ...," an adviser told X on condition of
    anonymity)."""
    rest = text[end : end + _SENTENCE_REACH]
    stop = re.search(r"[.!?][\"”’]?\s+[\"“‘]?[A-Z]|\n", rest)
    return _NOT_OWN_NAME.search(rest if stop is None else rest[: stop.start()]) is not None


def one_name_mark(text: str, start: int, end: int) -> str | None:
    """How the article marks a one-word name as all it gives that person: "alias" (a
    pseudonym, a withheld real name) or "age" (reporters give an age at a person's first
    mention, so "Vanna, 34, said" introduces someone when no longer name with that word came
    before; the caller checks that). Such a person is no short form of another's longer
    name ("Lim Vanna"). None when unmarked, or when a capitalised word right before may be
    the name's cut start ("Has [Nang], 34,")."""
    before = text[max(0, start - 40) : start].split()
    if before and before[-1][:1].isupper() and before[-1][-1:] not in ".!?:;,\"“”—–-":
        return None
    if _ALIAS_AFTER.match(text, end) or _ALIAS_BEFORE.search(text, max(0, start - 40), start):
        return "alias"
    return "age" if _AGE_AFTER.match(text, end) else None
