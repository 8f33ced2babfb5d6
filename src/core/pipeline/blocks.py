"""Quotes set out as blocks, without quotation marks: `X wrote:` then X's paragraphs, and tweets.

Web news sets a blogger's post, a statement or a reader's comment out as a block quote: a
paragraph ending in a cue and a colon ("Zeinobia commented:", "In a statement, the ministry
said:") and then one or more paragraphs of the quoted text, with no marks. The run is one
quote of the cue's subject, paragraph breaks included, and ends where the writer takes the
word back (see `_narration`). A stand-alone "[...]" paragraph cuts the run in two quotes of
the same speaker. Tweets set out as `@handle: text` lines are the handle's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import DOCUMENT_NOUNS, INTRO_VERBS, TOPIC_VERBS, verb_base
from .drafts import Draft
from .entities import PERSON_NOUNS
from .layouts import SPOKEN
from .names import looks_like_person_name
from .sourcenames import whole_title
from .speakers import PEOPLE_PLURALS, Speaker, SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..models import Article, Mention

#: Marks a paragraph may open with; such a paragraph is a quote in marks, for the cue rules.
OPENING_MARKS = "\"“‘'«„”"
#: A paragraph standing for left-out text: it ends one run and may open the next.
_ELISION = re.compile(r"\s*[\[(]\s*(?:\.\s*){2,4}\]?\)?\s*|\s*[\[(]…[\])]\s*|\s*…\s*")
_LEADING_ELISION = re.compile(r"\s*[\[(]\s*(?:\.\s*){2,4}[\])]|\s*[\[(]…[\])]")
_TRAILING_ELISION = re.compile(
    r"[\[(]\s*(?:\.\s*){2,4}[\])][.!?]?\s*$|[\[(]…[\])][.!?]?\s*$"
)
#: A Twitter handle.
_HANDLE = re.compile(r"@\w{1,30}")
#: A tweet line: `@handle: text`.
_HANDLE_LINE = re.compile(r"(?P<handle>@\w{1,30})\s*:\s+(?=\S)")
#: Dependencies of a verb's own subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Subjects that name no one who could have written a block: the writer, the reader, things.
NO_SPEAKER = frozenset(
    "i we you it this that these those there here which what one".split()
)
#: Longest paragraph read as a heading (no end punctuation, a few words): narration's, not a
#: quote's.
HEADING_WORDS = 10
#: Fewest words a block paragraph has to be someone's words, not a label.
MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Block:
    """A run of quoted paragraphs, the speaker the cue paragraph names and the cue."""

    start: int
    end: int
    speaker: Speaker
    cue: Token | None
    cue_text: str


def block_quotes(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    resolver: SpeakerResolver,
    taken: list[tuple[int, int]],
) -> list[Block]:
    """Every run of block paragraphs after a cue paragraph ending in a colon (or in a full
    stop, when the next paragraph opens with "[...]", an excerpt), and every tweet line;
    paragraphs in `taken` (transcript labels, signed blocks) are left alone."""
    text = article.text
    paragraphs = [p for p in article.paragraphs if p[1] > p[0]]
    found: list[Block] = []
    index = 0
    while index < len(paragraphs):
        start, end = paragraphs[index]
        index += 1
        if _overlaps((start, end), taken):
            continue
        tweet = _HANDLE_LINE.match(text, start)
        if tweet is not None and len(text[tweet.end() : end].split()) >= MIN_WORDS:
            handle = tweet.group("handle")
            speaker = _handle_speaker(handle, tweet.start(), mentions)
            found.append(Block(tweet.end(), end, speaker, None, handle))
            continue
        body = text[start:end].rstrip()
        following = paragraphs[index] if index < len(paragraphs) else None
        excerpt = following is not None and _opens_with_elision(text, following)
        cut = (
            _cut_after(text, paragraphs, index)
            if following is not None and not body.endswith(":")
            else 0
        )
        spoken = following is not None and _speaks_first(text, following)
        quoting = _quotes_someone(doc, start, end) if body.endswith(".") else None
        if not body.endswith(":") and not (
            body.endswith(".") and (excerpt or cut or spoken or quoting is not None)
        ):
            continue
        intro = _intro(doc, resolver, start, end)
        if quoting is not None:
            quoted = next(c for c in quoting.children if c.dep_ == "dobj")
            intro = quoting, resolver.resolve(quoted)  # the one quoted, not the quoting blog
        if intro is None:
            continue
        cue, speaker = intro
        subject = resolver.subject_of(cue)
        if not body.endswith(":") and not excerpt and quoting is None and not (
            _names_a_writer(cue, speaker, subject)
            or (cut and _named(speaker, subject))  # "X likens it to Y." then a cut text
            or (spoken and _of_a_mind(cue, speaker, subject))
        ):
            continue  # "I"/"we" or a cut after a full stop: only after "X tweeted/wrote ..."
        if not body.endswith(":") and not excerpt and _inside_marks(resolver.sentence(cue)):
            continue  # `John says 'X' but Jeremy insists ...`: the sentence quotes already
        if (
            subject is not None
            and subject.lower_ in {"he", "she", "they"}
            and resolver.sentence(cue).start_char <= start  # no name earlier in the paragraph
            and found
        ):
            # "They went on to add:", "She said:" after a block (and its translation): the
            # one just quoted goes on, when nobody else was named since
            previous = found[-1].speaker
            personal = subject.lower_ in {"he", "she"}
            if not any(
                found[-1].end <= m.start < subject.idx and m.label in {"PERSON", "ORG"}
                for m in resolver.mentions
            ) and (
                not personal
                or resolver.names_a_person(previous)
                or looks_like_person_name(previous.text)
            ):
                speaker = previous
        run: list[tuple[int, int]] = []
        fresh = True  # the first paragraph after the cue or after a "[...]"
        while index < len(paragraphs):
            p_start, p_end = paragraphs[index]
            if _ELISION.fullmatch(text, p_start, p_end):
                if run:
                    found.append(_block(text, run, speaker, cue))
                    run = []
                fresh = True
                index += 1
                continue
            if _label(text, (p_start, p_end)) and index + 1 < len(paragraphs):
                run.append((p_start, p_end))  # "My verdict:": the quoted writer's heading
                fresh = True
                index += 1
                continue
            if _overlaps((p_start, p_end), taken) or (
                index >= cut  # before the cut, the excerpt's own telling
                and _narration(doc, resolver, text, (p_start, p_end), speaker, mentions)
            ):
                break
            if not fresh and not _goes_on(text, (p_start, p_end)):
                break
            run.append((p_start, p_end))
            fresh = False
            index += 1
        if run:
            found.append(_block(text, run, speaker, cue))
    return found


#: First-person words: the words of someone who is not the writer of the report.
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e've|us|[Oo]ur)\b"
)


def _speaks_first(text: str, span: tuple[int, int]) -> bool:
    """The paragraph's first sentences speak in the first person and quote no one ("Now at
    the square. We lifted our candles.")."""
    start, end = span
    body = text[start:end].lstrip()
    if not body or any(mark in body for mark in '"“”'):
        return False  # "I" inside marks is the quoted person's, in the writer's paragraph
    first = re.split(r"(?<=[.!?])\s", body, maxsplit=2)
    return bool(_FIRST_PERSON.search(" ".join(first[:2])))


def _names_a_writer(cue: Token, speaker: Speaker, subject: Token | None) -> bool:
    """The cue sentence ending in a full stop says a named writer wrote or said something
    ("X tweeted from the square.", "X blogged about the march."); a proper noun the model
    tagged no entity names one too ("Acmeblog also asks some questions.")."""
    base = verb_base(cue.text)
    return (
        base is not None
        and (base in INTRO_VERBS or base in TOPIC_VERBS)
        and _named(speaker, subject)
    )


def _named(speaker: Speaker, subject: Token | None) -> bool:
    """A name, a handle, or a proper noun subject the model tagged no entity."""
    return (
        speaker.key is not None
        or speaker.text.startswith("@")
        or (subject is not None and subject.pos_ == "PROPN")
    )


def _of_a_mind(cue: Token, speaker: Speaker, subject: Token | None) -> bool:
    """`X is also concerned.`, `X was shocked.`: a named writer's state of mind, said in a
    paragraph of its own, introduces the first-person paragraph after it."""
    if cue.lower_ not in BE_FORMS or not _named(speaker, subject):
        return False
    doc = cue.doc
    return any(
        c.dep_ == "acomp"
        and c.tag_ in {"JJ", "VBN"}
        and all(t.is_punct or t.is_space for t in doc[c.right_edge.i + 1 : cue.sent.end])
        for c in cue.children
    )


#: The copula's forms (the pipeline runs no lemmatizer).
BE_FORMS = frozenset({"is", "are", "was", "were", "'s", "’s"})


def _quotes_someone(doc: Doc, start: int, end: int) -> Token | None:
    """`The blog ... quotes one of its readers.`: a paragraph ending in "quotes" and whom
    (a person or a group, no document) hands the next paragraph to them; the verb."""
    tokens = doc.char_span(start, end, alignment_mode="contract")
    last = next((t for t in reversed(tokens or ()) if not t.is_space), None)
    if last is None or last.text != ".":
        return None
    for token in last.sent:
        if token.lower_ not in QUOTING or token.pos_ != "VERB":
            continue
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is None or obj.right_edge.i + 1 != last.i or obj.lower_ in DOCUMENT_NOUNS:
            continue
        if obj.pos_ == "PROPN" or obj.ent_type_ in {"PERSON", "ORG", "NORP"} or _person_noun(
            obj
        ) or _people_in(obj):
            return token
    return None


def _people_in(obj: Token) -> bool:
    """`one of its contacts`: a pronoun or number heading people."""
    return obj.pos_ in {"NUM", "PRON"} and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(_person_noun(g) for g in c.children)
        for c in obj.children
    )


#: "quotes", the writer's verb for handing the word to someone.
QUOTING = frozenset({"quotes", "quoted", "quoting"})


def _label(text: str, span: tuple[int, int]) -> bool:
    """A short first-person paragraph ending in a colon inside a quoted run ("My question:",
    "Our verdict:") heads the quoted writer's next paragraph; it is no new cue."""
    body = text[span[0] : span[1]].strip()
    return (
        body.endswith(":")
        and len(body.split()) <= HEADING_WORDS // 2
        and not any(mark in body for mark in OPENING_MARKS)
        and bool(_FIRST_PERSON.match(body))
    )


def _cut_after(text: str, paragraphs: list[tuple[int, int]], index: int) -> int:
    """Where the excerpt starting at paragraph `index` shows its cut (the index after the
    paragraph that ends in "[...]" or before a lone "[...]"), when it or a paragraph
    carrying it on has one; 0 when none does."""
    for at in range(index, min(index + CUT_LOOKAHEAD, len(paragraphs))):
        start, end = paragraphs[at]
        if _ELISION.fullmatch(text, start, end):
            return at if at > index else 0
        body = text[start:end].rstrip()
        if body.endswith(":") or (at > index and not _goes_on(text, (start, end))):
            return 0
        if _TRAILING_ELISION.search(body):
            return at + 1
    return 0


#: Paragraphs read ahead for the cut that shows an excerpt.
CUT_LOOKAHEAD = 3


def _opens_with_elision(text: str, span: tuple[int, int]) -> bool:
    """The paragraph opens with "[...]" or "(...)" and goes on: an excerpt of someone's
    text (a "[...]" alone stands between two parts of a block)."""
    match = _LEADING_ELISION.match(text, span[0], span[1])
    return match is not None and bool(text[match.end() : span[1]].strip())


#: Words opening a paragraph that carry on the one before: a conjunction or an answer word
#: ("But ...", "Yes, ..."); not a demonstrative ("This post was edited by ..." is the
#: writer's).
CARRY_ON = frozenset(
    """
    but and so yet or nor then yes no moreover furthermore besides also therefore thus
    hence still
    """.split()
)


def _goes_on(text: str, span: tuple[int, int]) -> bool:
    """A paragraph after a block paragraph is more of the block only when it says so: it
    speaks ("I", "we", "you"), carries on the paragraph before ("But ...", "This ..."), or
    cuts the quoted text ("[...]"). The writer's narration between blocks does none."""
    start, end = span
    body = text[start:end].strip()
    first = re.match(r"[\w’']+", body)
    return bool(
        SPOKEN.search(_outside_marks(body))
        or (first is not None and first.group(0).lower() in CARRY_ON)
        or _LEADING_ELISION.match(body)
        or _TRAILING_ELISION.search(body)
    )


def _outside_marks(body: str) -> str:
    """The paragraph without its quotations: "we" in a quoted advert is the advert's, and
    the paragraph quoting it is the writer's."""
    return _QUOTED.sub(" ", body)


#: A quotation in double marks, within one paragraph (straight and curly marks mixed).
_QUOTED = re.compile(r'["“][^"“”\n]*["”]')


def _block(
    text: str, run: list[tuple[int, int]], speaker: Speaker, cue: Token
) -> Block:
    """The run's span, without the `@handle:` label of a tweet set out under the cue."""
    start = run[0][0]
    label = _HANDLE_LINE.match(text, start)
    if label is not None and label.end() < run[0][1]:
        start = label.end()
    return Block(start, run[-1][1], speaker, cue, cue.text)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _handle_speaker(handle: str, at: int, mentions: list[Mention]) -> Speaker:
    """The handle as the speaker, or the actor the model made of it."""
    mention = next((m for m in mentions if m.start == at and m.end == at + len(handle)), None)
    key = mention.key if mention is not None else None
    return Speaker(handle, at, at + len(handle), key)


def _intro(
    doc: Doc, resolver: SpeakerResolver, start: int, end: int
) -> tuple[Token, Speaker] | None:
    """The cue of a paragraph ending in a colon and whom it names: the subject of its verb (a
    speech verb first, a named subject first, then the main verb), when that is someone."""
    tokens = doc.char_span(start, end, alignment_mode="contract")
    last = next((t for t in reversed(tokens or ()) if not t.is_space), None)
    if last is None:
        return None
    sent = resolver.sentence(last)
    source = _closing_source(last)
    if source is not None:
        speaker = resolver.resolve(source)
        if _someone(source, speaker) and speaker.key is not None:
            return source.doc[source.left_edge.i - 2], speaker  # cue: "according"
    best: tuple[tuple[int, int, int, int], Token, Speaker] | None = None
    quoted = _inside_marks(sent)
    for token in sent:
        if token.i in quoted or token.idx < start or not _verb(token):
            continue
        subject = resolver.subject_of(token)
        if subject is None or subject.lower_ in NO_SPEAKER:
            continue
        if subject.i in quoted and subject.pos_ != "PROPN":
            continue  # a title in marks; a blog's name in marks ("Mujer Florestal") may speak
        owner = _possessor(subject)
        if owner is not None:
            subject = owner  # "Yavlinsky's concerns centre on ...:", "X's reply was tweeted:"
        speaker = resolver.resolve(subject)
        if not _someone(subject, speaker) and subject.lower_ != "who":
            continue
        speaker = whole_title(subject, _named_in_apposition(subject, speaker))
        if speaker.key is None or subject.pos_ == "PRON":
            speaker = _unnamed_subject_named(resolver, subject, token, speaker, start)
        if subject.lower_ == "who" and speaker.key is None:
            continue
        base = verb_base(token.text)
        speech = base is not None and (base in INTRO_VERBS or base in TOPIC_VERBS)
        score = (
            1 if token.dep_ in {"acl", "amod"} else 0,  # "In another post written ...,"
            0 if speech else 1,
            0 if speaker.key is not None else 1,
            sum(1 for _ in token.ancestors),
        )
        if best is None or score < best[0]:
            best = (score, token, speaker)
    if best is None:
        return _surface_intro(resolver, sent, last, start)
    return best[1], best[2]


def _surface_intro(
    resolver: SpeakerResolver, sent: Span, last: Token, start: int
) -> tuple[Token, Speaker] | None:
    """`A tweet by user @x read:` parsed with no verb: a speech verb's form right before
    the colon is the cue, the handle or the first name before it the speaker."""
    doc = sent.doc
    cue = doc[last.i - 1] if last.text == ":" and last.i > sent.start else None
    base = verb_base(cue.text) if cue is not None else None
    if cue is None or base is None or base not in INTRO_VERBS:
        return None
    lo = max(start, sent.start_char)
    handle = next((t for t in doc[sent.start : cue.i] if _HANDLE.fullmatch(t.text)), None)
    if handle is not None:
        return cue, Speaker(handle.text, handle.idx, handle.idx + len(handle.text), None)
    named = next(
        (
            m
            for m in resolver.mentions
            if lo <= m.start and m.end <= cue.idx and m.label in {"PERSON", "ORG"}
        ),
        None,
    )
    if named is None:
        return None
    return cue, resolver.speaker_for(named, named.start, named.end)


def _unnamed_subject_named(
    resolver: SpeakerResolver, subject: Token, verb: Token, speaker: Speaker, start: int
) -> Speaker:
    """The name an unnamed cue subject stands for in the cue paragraph.

    A handle in the subject ("Twitter user @gree tweeted"); the one person named before the
    verb when the parse made something else the subject ("X, an activist, in an email
    touched on ...": "an email"); for a pronoun or "the blog", the named subject of an
    earlier sentence of the paragraph ("X chronicles his admiration. ... he states:")."""
    doc = subject.doc
    phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
    handle = next((t for t in phrase if _HANDLE.fullmatch(t.text)), None)
    if handle is not None:
        return Speaker(handle.text, handle.idx, handle.idx + len(handle.text), None)
    sent = resolver.sentence(verb)
    if subject.lower_ == "who" and not resolver.names_a_person(speaker):
        # "like X, a deputy chairman of Y, who faulted critics": the person before "who"
        person = next(
            (
                m
                for m in reversed(resolver.mentions)
                if sent.start_char <= m.start and m.end <= subject.idx and m.label == "PERSON"
            ),
            None,
        )
        if person is not None:
            return resolver.speaker_for(person, person.start, person.end)
    if subject.pos_ != "PRON":
        lo = max(start, sent.start_char)
        person = next(
            (
                m
                for m in resolver.mentions
                if lo <= m.start and m.end <= verb.idx and m.label == "PERSON"
                and " " in m.text.strip()
            ),
            None,
        )
        if person is not None:
            return resolver.speaker_for(person, person.start, person.end)
    definite = subject.pos_ == "PRON" or (
        subject.lower_ in DOCUMENT_NOUNS
        and any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subject.children)
    )  # "the blog notes:", not "this source explained:" (a source the paragraph left unnamed)
    if not definite:
        return speaker
    named: Speaker | None = None
    tokens = doc.char_span(start, sent.start_char, alignment_mode="contract") or ()
    roots = {resolver.sentence(t).root for t in tokens if not t.is_space}
    for root in sorted(roots, key=lambda t: t.i):
        if root.pos_ not in {"VERB", "AUX"} and not _verb(root):
            continue
        found = resolver.subject_of(root)
        if found is not None and found.pos_ != "PRON":
            resolved = resolver.resolve(found)
            personal = subject.lower_ in {"he", "she"}
            if (resolved.key is not None or found.pos_ == "PROPN") and (
                not personal or resolver.names_a_person(resolved)
            ):
                named = resolved
    return named or speaker


def _named_in_apposition(subject: Token, speaker: Speaker) -> Speaker:
    """`Another blog, Rain on Tallis Street, comments`, `one reader, Jackson, had ...`: an
    unnamed subject's name in apposition, a name the model may not have tagged."""
    if speaker.key is not None:
        return speaker
    name = next((c for c in subject.children if c.dep_ == "appos"), None)
    if name is None:
        return speaker
    words = name.doc[name.left_edge.i : name.right_edge.i + 1]
    if not words.text[:1].isupper():
        return speaker  # "a blog, the oldest in town,": no name
    start, end = words.start_char, words.end_char
    return Speaker(words.text.strip(" ,"), start, end, None)


def _closing_source(colon: Token) -> Token | None:
    """ `Some people joined the party, according to Ann Lee's report from X:`: a source phrase
    right before the colon names whose words the block gives (the document's owner, or the
    source itself), whatever the clause before it is about."""
    doc = colon.doc
    if colon.text != ":" or colon.i < 4:
        return None
    according = next(
        (
            t
            for t in reversed(doc[max(colon.sent.start, colon.i - 12) : colon.i])
            if t.lower_ == "according" and doc[t.i + 1].lower_ == "to"
        ),
        None,
    )
    if according is None:
        return None
    source = next((c for c in doc[according.i + 1].children if c.dep_ == "pobj"), None)
    if source is None or source.i >= colon.i or any(
        not source.is_ancestor(t) for t in source.doc[source.i + 1 : colon.i]
    ):
        return None  # the phrase does not close the introduction
    if source.pos_ == "NOUN" and source.lower_ in DOCUMENT_NOUNS:
        return next((c for c in source.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    return source if source.pos_ == "PROPN" else None


def _possessor(subject: Token) -> Token | None:
    """The name owning a common-noun subject ("Yavlinsky's concerns", "Moussa's reply"):
    what follows is that person's words."""
    if subject.pos_ != "NOUN" or _person_noun(subject) or subject.dep_ not in SUBJECT_DEPS:
        return None  # "Apple's spokesman said:": the spokesman; "X's piece, signed by Y,": Y
    return next(
        (c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None
    )


def _verb(token: Token) -> bool:
    """A verb, or a speech verb the model took for a noun with a subject of its own
    ("Another blog, X, comments on ...", "A tweet by X read:")."""
    if token.pos_ in {"VERB", "AUX"}:
        return True
    base = verb_base(token.text)
    return (
        (token.tag_ == "NNS" or token.dep_ == "ROOT")
        and base is not None
        and base in INTRO_VERBS
        and any(c.dep_ == "nsubj" for c in token.children)
    )


def _inside_marks(sent: Span) -> set[int]:
    """Tokens between quotation marks (a post's title in the cue paragraph)."""
    inside: set[int] = set()
    open_at: int | None = None
    closer = ""
    for token in sent:
        if open_at is None and token.text in MARK_PAIRS:
            open_at, closer = token.i, MARK_PAIRS[token.text]
        elif open_at is not None and token.text == closer:
            inside.update(range(open_at, token.i + 1))
            open_at = None
    return inside


#: Opening quotation marks and the marks that close them.
MARK_PAIRS = {'"': '"', "“": "”", "‘": "’"}


def _someone(subject: Token, speaker: Speaker) -> bool:
    """A speaker a block can belong to: a name, a handle, a pronoun resolved to a name, a
    person or a body in common nouns ("a mother", "the ministry"), a document ("a tweet by
    X"); not a thing ("other classes include:")."""
    if speaker.key is not None or "@" in speaker.text:
        return True
    if subject.pos_ == "PROPN" or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    if subject.text[:1].isupper() and not subject.is_sent_start:
        return True  # a name the model took for a common noun ("Naija-Things wrote")
    if subject.pos_ == "PRON":
        return subject.lower_ in {"he", "she", "they"}
    word = subject.lower_
    return word in DOCUMENT_NOUNS or word.rstrip("s") in DOCUMENT_NOUNS or _person_noun(subject)


def _person_noun(token: Token) -> bool:
    """A noun for a person or a group of people, which the model tags no entity ("a young
    girl", "the gynaecologist", "one reader")."""
    word = token.lower_
    return (
        word in PERSON_NOUNS
        or word in PEOPLE_PLURALS
        or word in PERSON_SINGULARS
        or word.endswith(PERSON_SINGULAR_ENDINGS)
        or (word.endswith("s") and word[:-1] in PERSON_NOUNS | PERSON_SINGULARS)
        or (word.endswith("s") and word[:-1].endswith(PERSON_SINGULAR_ENDINGS))
    )


#: People's nouns of the web and of the street that `PERSON_NOUNS` lacks.
PERSON_SINGULARS = frozenset(
    """girl boy man woman reader user blogger commenter netizen tweeter citizen person contact
    follower friend""".split()
)
#: Singular endings of nouns for people ("gynaecologist", "politician").
PERSON_SINGULAR_ENDINGS = ("ist", "ian")


def _narration(
    doc: Doc,
    resolver: SpeakerResolver,
    text: str,
    span: tuple[int, int],
    speaker: Speaker,
    mentions: list[Mention],
) -> bool:
    """The writer has the word again: a paragraph in marks (a quote for the cue rules), a
    new cue paragraph, a heading, or a paragraph whose first sentence tells in the past
    tense that someone said something ("Al-Masry Al-Youm reported that ...") or tells of
    the block's speaker in the third person ("Kashin's attitude is shared by many")."""
    start, end = span
    body = text[start:end].strip()
    if not body or body[0] in OPENING_MARKS or body.endswith(":"):
        return True
    if len(body.split()) <= HEADING_WORDS and body[-1] not in ".!?…)]\"”’":
        return True  # a heading
    tokens = doc.char_span(start, end, alignment_mode="contract")
    first = next((t for t in tokens or () if not t.is_space), None)
    if first is None:
        return False
    sent = resolver.sentence(first)
    root = sent.root
    if speaker.key is not None and any(
        m.key == speaker.key and max(sent.start_char, start) <= m.start < root.idx
        for m in mentions
    ):  # from the paragraph on: a sentence the parser ran on from the cue's colon
        return True  # the block's speaker in the third person, before the main verb
    if root.tag_ != "VBD":
        return False
    subject = resolver.subject_of(root)
    base = verb_base(root.text)
    if subject is None or base is None or base not in INTRO_VERBS:
        return False
    return subject.pos_ != "PRON" and _someone(subject, resolver.resolve(subject))


def with_blocks(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    resolver: SpeakerResolver,
    drafts: list[Draft],
    taken: list[tuple[int, int]],
) -> list[Draft]:
    """The drafts with each block quote as one direct quote of the block's speaker. What the
    rules found inside a block is part of it, except a quote in marks the block gives to
    someone else by name (`X clearly stated, "We will not ..."`)."""
    blocks = block_quotes(doc, article, mentions, resolver, taken)
    if not blocks:
        return drafts
    kept: list[Draft] = []
    for draft in drafts:
        block = next((b for b in blocks if b.start <= draft.start < b.end), None)
        if block is None or _inner_speaker(draft, block):
            kept.append(draft)
    for block in blocks:
        kept.append(
            Draft(
                block.start, block.end, "direct", block.cue,
                None, block.speaker, cue_text=block.cue_text,
                cue_start=None if block.cue is not None else block.speaker.start,
            )
        )
    return kept


def _inner_speaker(draft: Draft, block: Block) -> bool:
    """A quote in marks inside the block, with a cue (or a signing dash) inside the block
    and a named speaker who is not the block's: the block says who said it."""
    speaker = draft.speaker
    cue_at = draft.cue.idx if draft.cue is not None else draft.cue_start
    return (
        draft.marks is not None
        and cue_at is not None
        and block.start <= cue_at < block.end
        and speaker is not None
        and (speaker.key is not None or draft.cue is None)  # a signature names as written
        and (speaker.key or speaker.text) != (block.speaker.key or block.speaker.text)
    )
