"""Polarity of a position towards a target: the cue verb (negation heeded), else evaluative words.

A stance's cue governs its object ("praised X", "did not support X"); a quote's cue often does
not ("Trump defended his decision: ... I will destroy the Economy of Turkey"), so for quotes the
words of the sentence that names the target decide first ("treats the rule of law with utter
*contempt*", "*condolences* to the family of X") and the cue only when they say nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

Polarity = Literal["support", "oppose", "neutral"]
POLARITIES: tuple[Polarity, ...] = ("support", "oppose", "neutral")

#: Verbs whose object is approved of. Lemmas; `_forms` adds the inflections.
SUPPORT_VERBS = (
    "praise back welcome support endorse thank defend congratulate applaud commend hail laud "
    "salute approve champion credit celebrate honour honor embrace vouch side"
).split()
#: Verbs whose object is disapproved of.
OPPOSE_VERBS = (
    "accuse criticise criticize condemn blame denounce attack slam blast reject oppose sue deride "
    "mock ridicule chastise rebuke decry lambast lambaste fault threaten dismiss question "
    "challenge disparage insult scold censure berate assail castigate protest deplore warn "
    "object dispute contest sanction boycott vilify"
).split()
#: Verbs a statement uses for doing harm to, or being against, its target ("destroy X").
HARM_VERBS = "destroy obliterate defeat punish disagree bully betray fail lie".split()
#: Evaluative nouns and adjectives that approve of whom they are said about.
SUPPORT_WORDS = frozenset(
    """
    sympathy sympathies condolence condolences grateful gratitude thank thanks congratulations
    admiration admirable treasure
    hero heroes heroic brave courageous instrumental ally allies friend friends partner
    partners successful wonderful excellent outstanding proud respect
    """.split()
)
#: Evaluative nouns and adjectives that disapprove of whom they are said about.
OPPOSE_WORDS = frozenset(
    """
    contempt liar lies corrupt corruption traitor traitors bully unlawful illegal illegally
    unconstitutional repugnant unwarranted shameful disgrace disgraceful threat threats
    terrorist terrorists terrorism criminal criminals crime crimes killers murderers
    perpetrators guilty disaster mistake impulsive chaos dangerous reckless suffering
    violence instability enemy enemies aggression hostile resignation
    punishment complicity impeachment breach dictator ruthless tyrant cover-up incompetent
    dishonest lousy oaf maneuver
    """.split()
)
#: Words that turn the polarity of the next few words; a refusal negates the verb it governs
#: ("refused to condemn X" is not condemning X).
NEGATIONS = frozenset(
    {"not", "n't", "never", "no", "nor", "cannot", "without", "refuse", "refuses", "refused",
     "refusing"}
)


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
def _verb_table() -> dict[str, Polarity]:
    table: dict[str, Polarity] = {}
    groups: tuple[tuple[list[str], Polarity], ...] = (
        (SUPPORT_VERBS, "support"),
        (OPPOSE_VERBS, "oppose"),
    )
    for lemmas, carried in groups:
        for lemma in lemmas:
            for form in _forms(lemma):
                table.setdefault(form, carried)
    return table


#: Subjects that make a verb the speaker's own act ("I applaud", "we condemn").
FIRST_PERSON = frozenset({"i", "we", "i'm", "we're", "i've", "we've"})


@cache
def _act_table() -> dict[str, Polarity]:
    """Verbs that, said by the speaker of themself, approve or disapprove."""
    table = dict(_verb_table())
    for lemma in HARM_VERBS:
        for form in _forms(lemma):
            table.setdefault(form, "oppose")
    return table


@cache
def _word_table() -> dict[str, Polarity]:
    table: dict[str, Polarity] = {"lied": "oppose", "lying": "oppose"}
    table.update(dict.fromkeys(SUPPORT_WORDS, "support"))
    table.update(dict.fromkeys(OPPOSE_WORDS, "oppose"))
    return table


def _words(text: str) -> list[str]:
    words: list[str] = []
    for raw in text.lower().replace("’", "'").split():
        word = raw.strip(".,;:!?\"'“”‘’()[]{}—–-")
        if word.endswith("n't"):
            words += [word[:-3], "n't"]
        elif word:
            words.append(word)
    return words


def negated(words_before: list[str]) -> bool:
    """Whether one of the two words before a verb negates it ("did not support")."""
    return any(w in NEGATIONS for w in words_before[-2:])


def cue_negated(cue: str | None) -> bool:
    """Whether a cue carries its negation ("did not welcome", "refused to condemn"), as a
    negated stance's cue does (`pipeline.negation`)."""
    return any(word in NEGATIONS for word in _words(cue or ""))


def turn(carried: Polarity, is_negated: bool) -> Polarity:
    """Negation turns support into opposition ("did not support X"); not opposing someone
    is no support, so a negated opposition says nothing."""
    if not is_negated:
        return carried
    return "oppose" if carried == "support" else "neutral"


def polarity(cue: str | None, words_before: str = "") -> Polarity:
    """The polarity a cue verb carries, heeding a negation in it or just before it
    (`words_before`: the text before the cue): "did not back" opposes."""
    if not cue:
        return "neutral"
    table = _verb_table()
    context = _words(words_before)[-3:]
    for word in _words(cue):
        found = table.get(word)
        if found:
            return turn(found, negated(context))
        context.append(word)
    return "neutral"


def words_polarity(text: str) -> Polarity:
    """The polarity evaluative words give a stretch of text: approving words against
    disapproving ones, each turned by a negation just before it; a tie is neutral.

    Evaluative nouns and adjectives are the speaker's judgement ("utter contempt"); a verb is
    only when the speaker does it ("I applaud", "we will destroy"): "the YPG, which support the
    PKK" reports what others do.
    """
    words_table, acts = _word_table(), _act_table()
    words = _words(text)
    score = 0
    for i, word in enumerate(words):
        found = words_table.get(word)
        if not found and word in acts and FIRST_PERSON & set(words[max(0, i - 3) : i]):
            found = acts[word]
        if not found:
            continue
        carried = turn(found, negated(words[max(0, i - 2) : i]))
        score += {"support": 1, "oppose": -1, "neutral": 0}[carried]
    if score > 0:
        return "support"
    return "oppose" if score < 0 else "neutral"
