"""Cue words for quotes: speech, thought and stance verbs, by base form.

The pipeline runs without a lemmatizer (it is excluded at load time), so verbs are matched by
their written forms, generated here once from the base forms.
"""

from __future__ import annotations

from functools import lru_cache

#: Verbs that report what someone said through its topic: "told of being forced to ...",
#: "talked about how ...", "spoke of the "countless discoveries"" (`TOPIC_PREPOSITIONS`).
TOPIC_VERBS: frozenset[str] = frozenset("tell talk speak write recall tweet".split())
#: Of those, the verbs that are no cue on their own ("talked to reporters").
TOPIC_ONLY: tuple[str, ...] = ("talk",)
#: The prepositions that introduce such a topic.
TOPIC_PREPOSITIONS: frozenset[str] = frozenset({"of", "about"})

#: Verbs that introduce what someone said or wrote (direct or reported).
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell state announce claim note add explain insist argue report reveal confirm allege
    suggest write tweet post caution predict acknowledge admit conclude inform assert stress
    emphasise emphasize maintain recall testify declare indicate continue respond reply answer
    remark comment observe disclose point read rule concede complain mention estimate speak ask
    contend clarify reiterate repeat announce proclaim affirm boast joke quip lament recount
    reason share speculate hypothesize hypothesise theorize theorise propose posit hint imply
    express opine counter retort assure underline underscore elaborate highlight reaffirm
    reassert shout scream yell exclaim recommend charge signal forecast
    """.split()
)

#: Verbs of the manner of speaking: a cue only right after a quote, with at most a short subject
#: between (`"...," she laughed`, `"...", Zara sighs`, `"...," grumbled the coach`); before a
#: quote or a clause they are no cue ("laughed at the idea", "smiled and waved").
MANNER_VERBS: frozenset[str] = frozenset(
    """
    laugh sigh smile chuckle grin whisper mutter murmur sob gasp scoff sneer beam gush muse
    marvel groan grumble shrug cry giggle snort
    """.split()
)
#: Their forms that double the last consonant.
_MANNER_DOUBLED: dict[str, tuple[str, ...]] = {
    "grin": ("grinned", "grinning", "grins"),
    "sob": ("sobbed", "sobbing", "sobs"),
    "shrug": ("shrugged", "shrugging", "shrugs"),
}

#: Verbs of thought or belief that report a position when they take a clause.
THOUGHT_VERBS: frozenset[str] = frozenset("believe think feel fear hope expect doubt".split())

#: Verbs that report a finding when they take a clause ("they found the flies had ...", "the
#: court found that ..."); with an object they report nothing ("found the body").
FINDING_VERBS: frozenset[str] = frozenset({"find", "determine"})

#: Verbs that state a position towards someone or something (with an object or infinitive).
STANCE_VERBS: frozenset[str] = frozenset(
    """
    urge call accuse agree demand warn resist criticise criticize deny reject praise condemn
    vow promise pledge encourage oppose welcome blame threaten refuse dismiss defend endorse
    applaud slam denounce decry dispute question insist blast lambaste hail laud apologize
    apologise caution emphasize emphasise stress affirm argue rail express advise plead
    disagree request appeal tout rebuke chastise castigate berate scold fault commend mock
    ridicule lash push press reassert reaffirm reiterate underline underscore thank advocate
    announce compare liken
    """.split()
)
#: Stance verbs that are one only with "to": "likened the raid to a pogrom" judges the raid;
#: "compared prices with last year's" judges nothing.
COMPARING_VERBS: frozenset[str] = frozenset({"compare", "liken"})

#: Stance verbs whose position is their direct object alone ("announced her retirement",
#: "thanked the crews", "advocated a ban"): a phrase of means, place or time after them
#: ("announced via Twitter", "advocates in its constitution", "defends against infection")
#: states none.
OBJECT_STANCES: frozenset[str] = frozenset({"announce", "thank", "advocate", "defend"})
#: Of those, the verbs that state a position only on the subject's own act or choice ("announced
#: her retirement", "their decision to ..."); "announced a naval coalition", "the shutdown"
#: report an event, not a position.
OWN_ACT_STANCES: frozenset[str] = frozenset({"announce"})

#: Stance verbs that need a particle or preposition to be a stance ("call on/for").
PARTICLE_STANCES: dict[str, frozenset[str]] = {
    "call": frozenset({"on", "for", "upon"}),
    "apologize": frozenset({"for"}),  # "apologized for the delays": owning a fault
    "apologise": frozenset({"for"}),
    "caution": frozenset({"against"}),  # "cautioned against optimism": a position on it
    "argue": frozenset({"for", "against"}),  # "argued for checks on big tech"
    "rail": frozenset({"against"}),  # "railed against the rioters"
    "plead": frozenset({"with", "for"}),  # "pleaded with the minister to ...", not "pleaded guilty"
    "disagree": frozenset({"with"}),  # "disagreed with the claim"
    # "appealed for calm", "appealed to leaders to act", not "appealed the ruling"
    "appeal": frozenset({"for", "to"}),
    "lash": frozenset({"out"}),  # "lashed out at the press"
    "push": frozenset({"for"}),  # "pushed for higher wages", not "pushed the car"
    "press": frozenset({"for"}),  # "pressed for talks", not "pressed charges"
}

#: Particles that make a stance only with an infinitive after them: "appealed to leaders to
#: restore order" asks something of them; "the plan appealed to voters" pleased them.
REQUEST_PARTICLES: dict[str, frozenset[str]] = {"appeal": frozenset({"to"})}

#: Speech verbs that make a request of their object ("asked the court to delay its ruling",
#: "told the army to withdraw"): with an object and an infinitive, a stance; "ask" also with
#: "for" ("asked for a recount").
REQUEST_VERBS: frozenset[str] = frozenset({"ask", "tell", "press", "push", "instruct"})
#: What one requests for oneself, not of anyone: "a source who requested anonymity".
REQUESTED_FOR_ONESELF: frozenset[str] = frozenset({"anonymity"})

#: Nouns of a position held towards something: "tweeted support for X", "voiced concern".
OPINION_NOUNS: frozenset[str] = frozenset(
    """
    support opposition concern concerns criticism condolences praise outrage anger
    dissatisfaction disappointment sympathy solidarity regret skepticism scepticism doubts
    intention intentions intent willingness readiness determination commitment desire
    """.split()
)
#: Verbs that take a stance only through such a noun ("voiced support", not "voiced a role").
OPINION_NOUN_VERBS: frozenset[str] = frozenset({"voice", "tweet", "post", "offer", "extend"})

#: Verbs whose use before a colon or a quotation is enough to introduce a quote.
INTRO_VERBS: frozenset[str] = SPEECH_VERBS | STANCE_VERBS | frozenset({"speak", "write", "address"})

#: Verbs that characterise in someone's words; they take a quoted fragment, not a clause.
NAMING_VERBS: frozenset[str] = frozenset(
    {"call", "describe", "label", "brand", "term", "characterize", "characterise", "portray",
     "attack", "assail", "refer", "cite", "mock", "deride", "ridicule"}
)

#: Nouns for documents and messages: as a speaker they are a second-hand source (`via`).
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    report statement message release tweet post letter document article study survey filing memo
    paper communique communiqué announcement note notice website blog broadcast interview
    transcript account email e-mail story translation version
    """.split()
)

#: Words that put a name or a title in marks: `a letter titled "..."`, `a robot named "..."`.
TITLING_WORDS: frozenset[str] = frozenset(
    "titled entitled headlined named nicknamed dubbed subtitled captioned".split()
)

#: Things that carry words without speaking them: `a banner saying "..."` is no one's speech.
SIGN_NOUNS: frozenset[str] = frozenset(
    """
    banner banners placard placards sign signs poster posters slogan slogans caption captions
    graffiti billboard billboards t-shirt t-shirts shirt shirts sticker stickers badge badges
    headline headlines
    """.split()
)

#: Verbs that things do as well as people: "the evidence suggests" reports no one's position.
EVIDENCE_VERBS: frozenset[str] = frozenset(
    "suggest indicate reveal confirm show mean imply".split()
)

#: Inanimate subjects of those verbs: evidence, not a speaker.
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    """
    evidence data finding findings result results work works estimate estimates figure figures
    statistic statistics analysis analyses record records test tests sign signs trend trends
    number numbers model models observation observations measurement measurements sample
    samples research poll polls fact facts picture history experience experiment experiments
    pattern patterns count counts footage images image photo photos photographs video videos
    remains fossil fossils trace traces scan scans reading readings calculation calculations
    simulation simulations rate rates level levels hashtag hashtags
    """.split()
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "think": ("thought", "thinks", "thinking"),
    "feel": ("felt", "feels", "feeling"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "admit": ("admitted", "admits", "admitting"),
    "regret": ("regretted",),
    "read": ("reads", "reading"),
    "quip": ("quipped", "quips", "quipping"),
    "slam": ("slammed", "slams", "slamming"),
    "find": ("found", "finds", "finding"),
    "refer": ("referred", "refers", "referring"),
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"),
}


def _regular_forms(base: str) -> tuple[str, ...]:
    if base.endswith("e"):
        return (base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
        return (base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return (base + "es", base + "ed", base + "ing")
    if base.endswith("l") and base[-2:-1] in tuple("aeiou") and base[-3:-2] not in tuple("aeiou"):
        # British spelling doubles the "l" ("labelled", "labelling"); American does not
        return (base + "s", base + "ed", base + "ing", base + "led", base + "ling")
    return (base + "s", base + "ed", base + "ing")


@lru_cache(maxsize=1)
def _form_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base in (
        SPEECH_VERBS | THOUGHT_VERBS | STANCE_VERBS | INTRO_VERBS | NAMING_VERBS | FINDING_VERBS
        | OPINION_NOUN_VERBS | REQUEST_VERBS
    ):
        forms = _IRREGULAR.get(base) or _regular_forms(base)
        for form in (base, *forms):
            table.setdefault(form, base)
    table["told"] = "tell"
    return table


def verb_base(word: str) -> str | None:
    """The base form of a cue verb as written ("urged" -> "urge"), or None if it is no cue."""
    return (_FORMS or _forms()).get(word.lower())


#: `_form_table`, once built: `verb_base` runs for most tokens of every article.
_FORMS: dict[str, str] = {}


def _forms() -> dict[str, str]:
    _FORMS.update(_form_table())
    return _FORMS


@lru_cache(maxsize=32)
def cue_forms(verbs: frozenset[str]) -> frozenset[str]:
    """Every written form (lower case) whose `verb_base` is one of `verbs`: the words a rule
    that only acts on those verbs needs to visit (`doccache.lower_positions`)."""
    return frozenset(form for form, base in _form_table().items() if base in verbs)


def topic_verb(word: str) -> str | None:
    """The base form of a verb of `TOPIC_VERBS` as written ("talked" -> "talk"), else None.
    Kept apart from `verb_base`: "talk" alone is no cue of speech."""
    base = verb_base(word)
    if base is None:
        lower = word.lower()
        base = next((b for b in TOPIC_ONLY if lower in (b, *_regular_forms(b))), None)
    return base if base in TOPIC_VERBS else None


@lru_cache(maxsize=1)
def _manner_forms() -> frozenset[str]:
    return frozenset(
        form
        for base in MANNER_VERBS
        for form in (base, *(_MANNER_DOUBLED.get(base) or _regular_forms(base)))
    )


def manner_verb(word: str) -> bool:
    """Whether the word is a form of `MANNER_VERBS` ("sighs", "laughed", "grinned"). Kept out of
    `verb_base`, so no rule that takes any cue verb reads one as a cue."""
    return word.lower() in _manner_forms()
