"""Quote coverage and precision by parse shape, on any folder of news without annotations.

Run: `.venv/bin/python bench/coverage_audit.py PATH... [-v] [--examples N] [--group TEXT]
[--sample N] [--seed S]`. It indexes PATH with the real pipeline in memory and reports:

- coverage: every speech verb (the cue lexicon's `SPEECH_VERBS` and the stance verbs that take a
  clause) that has something to report (a clausal complement, a "that"-clause, a colon or dash
  after it, a quotation mark next to it) and lies in no extracted quote: neither the cue of one
  nor inside one, and its complement overlaps none. These misses are counted by parse shape
  (a question clause, a relative clause, a passive, a coordinated verb, content before the cue,
  a gerund, a subject that is a pronoun, a noun or a name, ...), so the largest group of real
  speech the rules miss shows first; `-v` prints `--examples` sentences of each group (the verb
  in [[brackets]]), `--group` only the groups whose name holds TEXT. Nouns that take a
  "that"-clause ("the claim that ...") outside any quote are one group too;
- spans: reported quotes whose cue's clause runs on more than 25 characters past the quote;
- `--sample N`: N reported statements and stances drawn at random (`--seed`, 15 by default), each
  with its cue, speaker and sentence, to judge by hand (is it something the speaker said or a
  stance they took, with the right span?).

A group is a list to read, not an error count: questions put in an interview, beliefs, evidence
("the data suggest") and speakerless passives ("it was reported") are left out on purpose. This
is a reading aid, not a timed or unit test (`tests/` holds those).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: Verbs that report with a clause but are no speech verb of the lexicon's own.
CLAUSE_STANCE_WORDS = (
    "warn deny promise vow pledge agree threaten dispute accuse demand urge advise request"
)
#: Quotation marks that may stand next to a cue.
QUOTE_CHARS = frozenset("\"“”‘’'«»")
#: Nouns that report through a "that"-clause ("the claim that ...", "his argument that ...").
CLAIM_NOUNS = frozenset(
    """
    claim claims argument statement announcement warning assertion allegation allegations
    insistence promise pledge admission suggestion prediction confirmation denial report
    reports remarks comment comments
    """.split()
)
#: Words that open a question clause ("asked whether ...", "explain how ...").
QUESTION_WORDS = frozenset("whether if what why how when where who".split())
#: Characters past the quote a cue's clause may run before its span counts as short.
SHORT_SPAN_CHARS = 25


def analysed(paths: Sequence[Path]) -> Iterator[tuple[Any, Any]]:
    """Each article's parse and analysis, as the indexer makes them."""
    from newsdesk.core.pipeline.indexing import analyze_doc, prepare_pipeline, read_articles
    from newsdesk.core.pipeline.nlp import load_pipeline

    nlp, _info = load_pipeline(None)
    prepare_pipeline(nlp)
    articles, _skipped = read_articles(list(paths))
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        yield doc, analyze_doc(doc, article)


def cue_base(word: str) -> str | None:
    """The base form of a speech verb, or of a stance verb that reports with a clause."""
    from newsdesk.core.pipeline.cues import SPEECH_VERBS, verb_base

    base = verb_base(word)
    if base is not None and (base in SPEECH_VERBS or base in CLAUSE_STANCE_WORDS.split()):
        return base
    return None


def content_signal(verb: Any) -> str | None:
    """What the verb has to report, or None: a clause, a colon, a dash, a quotation mark."""
    doc = verb.doc
    if any(c.dep_ == "ccomp" for c in verb.children):
        return "ccomp"
    following = [t for t in doc[verb.i + 1 : verb.i + 3] if not t.is_space]
    if following and following[0].text == ":":
        return "colon"
    if following and following[0].text in {"—", "–", "--"}:
        return "dash"
    window = doc[max(0, verb.i - 3) : verb.i + 4]
    if any(t.text in QUOTE_CHARS for t in window if t.i != verb.i):
        return "quote"
    return None


def shape(verb: Any, signal: str) -> str:
    """The parse shape a missed cue stands in."""
    children = list(verb.children)
    deps = {c.dep_ for c in children}
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if "neg" in deps:
        return "negated"
    if any(g.lower_ in QUESTION_WORDS and g.i <= c.i for c in clauses for g in c.children):
        return "question clause"
    if verb.dep_ == "relcl":
        return "relative clause"
    if deps & {"auxpass", "nsubjpass"}:
        return "passive"
    if verb.dep_ == "conj":
        return "coordinated verb"
    if verb.dep_ == "xcomp":
        return "infinitive (to say)"
    if verb.dep_ in {"advcl", "acl"}:
        return f"{'gerund' if verb.tag_ == 'VBG' else 'participle'} ({verb.dep_})"
    if clauses and all(c.i < verb.i for c in clauses):
        return "content before the cue"
    if signal != "ccomp":
        return f"{signal} after the cue"
    subject = next((c for c in children if c.dep_ in {"nsubj", "expl"}), None)
    if subject is None:
        return "clause, no subject"
    if subject.pos_ == "PRON":
        return f"clause, pronoun subject ({subject.lower_})"
    if subject.ent_type_:
        return "clause, named subject"
    return "clause, noun subject"


def in_quote(token: Any, quotes: Sequence[Any]) -> bool:
    """The token is a quote's cue or lies inside a quote."""
    at = token.idx
    return any(
        (q.cue_start is not None and q.cue_start <= at < (q.cue_end or q.cue_start + 1))
        or q.start <= at < q.end
        for q in quotes
    )


def clause_chars(verb: Any) -> tuple[int, int] | None:
    """Where the verb's last clausal complement lies."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    words = list(clauses[-1].subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def marked(doc: Any, token: Any) -> str:
    """The token's sentence with the token in [[brackets]], on one line."""
    sent = token.sent
    text = doc.text
    return (
        text[sent.start_char : token.idx]
        + f"[[{token.text}]]"
        + text[token.idx + len(token.text) : sent.end_char]
    ).replace("\n", " ").strip()


def overlaps(span: tuple[int, int], quotes: Sequence[Any]) -> list[Any]:
    return [q for q in quotes if q.start < span[1] and q.end > span[0]]


def coverage(
    paths: Sequence[Path],
) -> tuple[int, int, dict[str, list[str]], list[tuple[str, str, str, str, str]]]:
    """Cues with content, those covered, the misses by shape, and every reported quote."""
    groups: dict[str, list[str]] = defaultdict(list)
    reported: list[tuple[str, str, str, str, str]] = []
    total = covered = 0
    for doc, analysis in analysed(paths):
        quotes = analysis.quotes
        for quote in quotes:
            if quote.kind in {"indirect", "stance"}:
                sent = next(
                    (s for s in doc.sents if s.start_char <= quote.start < s.end_char), None
                )
                context = doc.text[sent.start_char : sent.end_char] if sent is not None else ""
                reported.append(
                    (quote.kind, str(quote.cue), str(quote.speaker), quote.text, context)
                )
        for token in doc:
            if token.pos_ == "NOUN" and token.lower_ in CLAIM_NOUNS:
                that = any(
                    c.dep_ in {"acl", "ccomp", "relcl"}
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                    for c in token.children
                )
                span = (token.idx, token.right_edge.idx + len(token.right_edge.text))
                if that and not in_quote(token, quotes) and not overlaps(span, quotes):
                    groups["noun with a that-clause"].append(marked(doc, token))
                continue
            if token.pos_ not in {"VERB", "AUX"} or cue_base(token.text) is None:
                continue
            signal = content_signal(token)
            if signal is None:
                continue
            total += 1
            span = clause_chars(token)
            if in_quote(token, quotes):
                covered += 1
                found = overlaps(span, quotes) if span is not None else []
                if span is not None and found:
                    end = max(q.end for q in found)
                    if span[1] - end > SHORT_SPAN_CHARS and span[0] > token.idx:
                        rest = doc.text[end : span[1]].replace("\n", " ")
                        groups["SPAN: clause runs past the quote"].append(
                            f"{marked(doc, token)}   || past the quote: {rest[:120]}"
                        )
                continue
            if span is not None and overlaps(span, quotes):
                covered += 1  # its clause is a quote of another cue's
                continue
            groups[shape(token, signal)].append(marked(doc, token))
    return total, covered, groups, reported


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="coverage_audit.py", description=__doc__.split("\n", 1)[0]
    )
    parser.add_argument("paths", nargs="+", type=Path, help="files or folders of articles")
    parser.add_argument("-v", "--verbose", action="store_true", help="print examples")
    parser.add_argument("--examples", type=int, default=10, help="examples per group (-v)")
    parser.add_argument("--group", default="", help="only groups whose name holds this")
    parser.add_argument("--sample", type=int, default=0, help="reported quotes to draw")
    parser.add_argument("--seed", type=int, default=15, help="seed of the draws")
    args = parser.parse_args(argv)
    total, covered, groups, reported = coverage(args.paths)
    share = covered / total if total else 1.0
    print(f"speech cues with something to report: {total}, in a quote {covered} ({share:.1%})")
    print("not in any quote, by parse shape:")
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for name, items in ordered:
        print(f"{len(items):6d}  {name}")
    rng = random.Random(args.seed)
    if args.verbose:
        for name, items in ordered:
            if args.group.lower() not in name.lower():
                continue
            print(f"\n== {name} ({len(items)})")
            for sentence in rng.sample(items, min(args.examples, len(items))):
                print(f"  {sentence[:400]}")
    if args.sample:
        print(f"\n== {args.sample} of {len(reported)} reported statements and stances")
        for n, (kind, cue, speaker, text, context) in enumerate(
            rng.sample(reported, min(args.sample, len(reported))), 1
        ):
            print(f"#{n} {kind} by {speaker!r}, cue {cue!r}\n  quote: {text}")
            print(f"  sentence: {' '.join(context.split())[:500]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
