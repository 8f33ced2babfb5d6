"""spaCy's attribute ruler applied with array lookups: the same annotations, a fraction of the time.

The stock `AttributeRuler` runs every pattern through the `Matcher` (a Python predicate call per
token for each `IN` or `REGEX`) and then sets each match's attributes through a new `Span`; with
the English models' 179 patterns that was a fifth of the whole pipeline's time. This one reads
the attributes the patterns test into one array (`Doc.to_array`), evaluates each pattern as a
vectorised mask (a run of one-attribute patterns, such as the tag map, as one table lookup),
applies the results in the stock component's order (later patterns win) and writes them back
with one `Doc.from_array`. Patterns of other shapes (operators, extensions, fuzzy or comparison
predicates, MORPH tests) still go through a `Matcher` of their own, in their place in that order.
Rules that set anything but POS, TAG, DEP, MORPH or LEMMA make the whole ruler run as stock.

`bench/pipeline_identity.py` checks the two give byte-identical annotations on real articles.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: The factory newsdesk's loader puts in the place of the model's `attribute_ruler`.
FACTORY = "newsdesk_attribute_ruler"

#: What the fast path may set: token fields only (the stock ruler also writes an attribute to
#: the lexeme, i.e. the vocabulary, when it is a lexical one; none of these is).
OUTPUT_NAMES: tuple[str, ...] = ("POS", "TAG", "DEP", "MORPH", "LEMMA")

#: Tested attributes the Matcher compares specially, left to it.
_MATCHER_ONLY = frozenset({"_", "OP", "SENT_START", "IS_SENT_START", "ENT_IOB", "MORPH"})

#: Most strings a regular expression's verdicts are kept for (a verdict depends on the string
#: alone; the bound keeps a long-lived process from growing with its vocabulary).
_REGEX_MEMO = 200_000

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Test:
    """One condition on one token: `kind` is "eq", "in", "not_in" or "regex"."""

    attr: int
    kind: str
    value: int | frozenset[int] | str


@dataclass(frozen=True, slots=True)
class Rule:
    """One alternative of one pattern: a test list per token, the token it writes, the values."""

    order: int
    tokens: tuple[tuple[Test, ...], ...]
    index: int
    sets: tuple[tuple[int, int], ...]  # (output column, value)


@dataclass(slots=True)
class Table:
    """A run of one-token patterns testing the same attributes against values only (the tag
    map; the word-and-tag rules): one lookup for the whole run.

    A token's key is its position in each attribute's sorted `levels`, in mixed radix."""

    attrs: tuple[int, ...]
    levels: tuple[U64, ...]
    keys: I64  # sorted
    values: U64  # (len(keys), output columns)
    given: Mask  # which of `values` a pattern set
    columns: tuple[int, ...]  # output columns any entry sets


@dataclass(frozen=True, slots=True)
class Residual:
    """A pattern left to the Matcher, applied at its place in the order."""

    order: int
    index: int
    sets: tuple[tuple[int, int], ...]


Step = Table | Rule | Residual


@dataclass(slots=True)
class Plan:
    """The compiled patterns: steps in the stock order, what they read and write."""

    steps: list[Step]
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    residual: Matcher | None
    regex_memo: dict[tuple[str, int], bool] = field(default_factory=dict)


def output_attrs() -> frozenset[int]:
    from spacy.attrs import IDS  # type: ignore[import-not-found]  # (no stubs)

    return frozenset(int(IDS[name]) for name in OUTPUT_NAMES)


def make_fast_attribute_ruler(nlp: Any, name: str) -> FastAttributeRuler:
    """The factory: an empty stock ruler, wrapped (`replace_stock_ruler` hands over the model's)."""
    from spacy.pipeline import AttributeRuler

    return FastAttributeRuler(AttributeRuler(nlp.vocab, name))


def register() -> None:
    """Make the factory known to spaCy (idempotent)."""
    from spacy.language import Language

    if FACTORY not in Language.factories:
        Language.factory(FACTORY)(make_fast_attribute_ruler)


def replace_stock_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a `FastAttributeRuler` around the model's own ruler named `name`, in its place.

    Nothing changes (False) when there is no such component (or it is disabled), when it is
    not spaCy's own class, or when its patterns set something the fast path does not write."""
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if type(stock) is not AttributeRuler or not all(
        set(attrs) <= output_attrs() for attrs in stock.attrs
    ):
        return False
    register()
    fast = nlp.replace_pipe(name, FACTORY)
    assert isinstance(fast, FastAttributeRuler)
    fast.ruler = stock
    return True


class FastAttributeRuler:
    """Applies an `AttributeRuler`'s patterns with arrays; everything else (patterns, adding
    them, serialisation, scoring) is the wrapped ruler's own, reached through it."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self._plan: Plan | None = None
        self._compiled_for: tuple[object, int] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "ruler":  # (unpickling: no `ruler` yet)
            raise AttributeError(name)
        return getattr(self.ruler, name)

    def __call__(self, doc: Doc) -> Doc:
        ruler = self.ruler
        state = (ruler.matcher, len(ruler.attrs))  # `clear` makes a new Matcher, `add` appends
        if self._compiled_for is None or self._compiled_for[0] is not state[0] or (
            self._compiled_for[1] != state[1]
        ):
            self._plan = compile_plan(ruler)
            self._compiled_for = state
        if self._plan is None:
            return ruler(doc)
        error_handler = ruler.get_error_handler()
        try:
            apply_plan(self._plan, doc, ruler)
            return doc
        except Exception as e:
            return cast("Doc", error_handler(ruler.name, ruler, [doc], e))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """As `Pipe.pipe` (which would call the wrapped ruler): each document in turn."""
        for doc in stream:
            yield self(doc)


def compile_plan(ruler: AttributeRuler) -> Plan | None:
    """The ruler's patterns as steps, or None when some pattern writes what the plan cannot."""
    from spacy.matcher import Matcher

    vocab = ruler.vocab
    allowed = output_attrs()
    outputs: list[int] = []
    for attrs in ruler.attrs:
        if not set(attrs) <= allowed:
            return None
        outputs.extend(a for a in attrs if a not in outputs)
    column = {attr: j for j, attr in enumerate(outputs)}
    steps: list[Step] = []
    residual: Matcher | None = None
    for order, attrs in enumerate(ruler.attrs):
        key = str(order)
        sets = tuple((column[a], int(v)) for a, v in attrs.items())
        index = ruler.indices[order]
        alternatives = ruler.matcher.get(key)[1]
        rules = [_rule(order, pattern, index, sets, vocab) for pattern in alternatives]
        if all(rule is not None for rule in rules):
            steps.extend(rule for rule in rules if rule is not None)
            continue
        if residual is None:
            residual = Matcher(vocab, validate=ruler.validate)
        residual.add(key, alternatives)
        steps.append(Residual(order, index, sets))
    inputs = sorted({t.attr for step in steps if isinstance(step, Rule)
                     for tests in step.tokens for t in tests})
    return Plan(_tables(steps, len(outputs)), tuple(inputs), tuple(outputs), residual)


def _rule(
    order: int, pattern: Sequence[Any], index: int, sets: tuple[tuple[int, int], ...],
    vocab: Vocab,
) -> Rule | None:
    """One alternative as a fixed-length rule, or None for the Matcher (operators, extensions,
    other predicates, a write outside the match)."""
    if not pattern or not -len(pattern) <= index < len(pattern):
        return None
    tokens = []
    for spec in pattern:
        if not isinstance(spec, dict):
            return None
        tests = _tests(spec, vocab)
        if tests is None:
            return None
        tokens.append(tests)
    return Rule(order, tuple(tokens), index % len(pattern), sets)


def _tests(spec: dict[Any, Any], vocab: Vocab) -> tuple[Test, ...] | None:
    """A token spec as tests, converting values as the Matcher does, or None."""
    from spacy.attrs import IDS

    tests: list[Test] = []
    seen: set[int] = set()
    for name, value in spec.items():
        if not isinstance(name, str) or name.upper() in _MATCHER_ONLY:
            return None
        upper = "ORTH" if name.upper() == "TEXT" else name.upper()
        attr = IDS.get(upper)
        if attr is None or attr in seen:
            return None
        seen.add(attr)
        if isinstance(value, str):
            tests.append(Test(attr, "eq", int(vocab.strings.add(value))))
        elif isinstance(value, int):  # bool included: True is 1
            tests.append(Test(attr, "eq", int(value)))
        elif isinstance(value, dict) and value:
            for predicate, argument in value.items():
                test = _predicate(attr, str(predicate).upper(), argument)
                if test is None:
                    return None
                tests.append(test)
        else:
            return None
    return tuple(tests)


def _predicate(attr: int, predicate: str, argument: Any) -> Test | None:
    from spacy.strings import get_string_id

    if predicate in ("IN", "NOT_IN") and isinstance(argument, list | tuple):
        if not all(isinstance(v, str | int) for v in argument):
            return None
        kind = "in" if predicate == "IN" else "not_in"
        return Test(attr, kind, frozenset(int(get_string_id(v)) for v in argument))
    if predicate == "REGEX" and isinstance(argument, str):
        return Test(attr, "regex", argument)
    return None


#: Most cells one table may hold (an `IN` list multiplies the cells of its pattern).
_TABLE_CELLS = 100_000


def _tables(steps: list[Step], width: int) -> list[Step]:
    """Runs of two or more one-token rules testing the same attributes by value become tables."""
    out: list[Step] = []
    run: list[tuple[Rule, dict[int, list[int]]]] = []

    def close() -> None:
        table = _table(run, width) if len(run) >= 2 else None
        if table is None:
            out.extend(rule for rule, _ in run)
        else:
            out.append(table)
        run.clear()

    for step in steps:
        values = _lookup_values(step) if isinstance(step, Rule) else None
        if values is None:
            close()
            out.append(step)
            continue
        assert isinstance(step, Rule)
        if run and set(run[0][1]) != set(values):
            close()
        run.append((step, values))
    close()
    return out


def _lookup_values(rule: Rule) -> dict[int, list[int]] | None:
    """A one-token rule's values per attribute, when it tests only equality or membership."""
    if len(rule.tokens) != 1:
        return None
    values: dict[int, list[int]] = {}
    for test in rule.tokens[0]:
        if test.kind == "eq" and isinstance(test.value, int):
            values[test.attr] = [test.value]
        elif test.kind == "in" and isinstance(test.value, frozenset):
            values[test.attr] = sorted(test.value)
        else:
            return None
    return values if values else None


def _table(run: list[tuple[Rule, dict[int, list[int]]]], width: int) -> Table | None:
    attrs = tuple(sorted(run[0][1]))
    levels = tuple(sorted({v for _, values in run for v in values[a]}) for a in attrs)
    radix = [len(level) for level in levels]
    if math.prod(radix) >= 2**62 or sum(
        math.prod(len(values[a]) for a in attrs) for _, values in run
    ) > _TABLE_CELLS:
        return None
    places = [{v: i for i, v in enumerate(level)} for level in levels]
    entries: dict[int, dict[int, int]] = {}
    for rule, values in run:  # in order: a later pattern overwrites an earlier one's values
        for cell in itertools.product(*(values[a] for a in attrs)):
            key = 0
            for place, size, value in zip(places, radix, cell, strict=True):
                key = key * size + place[value]
            entries.setdefault(key, {}).update(rule.sets)
    keys = sorted(entries)
    table_values = np.zeros((len(keys), width), dtype=np.uint64)
    given = np.zeros((len(keys), width), dtype=np.bool_)
    for row, key in enumerate(keys):
        for j, value in entries[key].items():
            table_values[row, j] = value
            given[row, j] = True
    return Table(
        attrs, tuple(np.array(level, dtype=np.uint64) for level in levels),
        np.array(keys, dtype=np.int64), table_values, given,
        tuple(j for j in range(width) if given[:, j].any()),
    )


def _positions(sorted_values: npt.NDArray[Any], column: npt.NDArray[Any]) -> tuple[
    npt.NDArray[np.intp], Mask
]:
    """Each element's position among `sorted_values`, and whether it is there at all."""
    place = np.searchsorted(sorted_values, column)
    place[place == len(sorted_values)] = 0
    return place, sorted_values[place] == column


def apply_plan(plan: Plan, doc: Doc, ruler: AttributeRuler) -> None:
    """Every step on `doc`: tests read the annotations as they were before the ruler ran."""
    from spacy.errors import Errors
    from spacy.tokens import Span

    n = len(doc)
    if n == 0 or not plan.outputs:
        return
    columns: dict[int, U64] = {}
    if plan.inputs:
        read = _as_u64(doc.to_array(list(plan.inputs))).reshape((n, len(plan.inputs)))
        columns = {attr: read[:, j] for j, attr in enumerate(plan.inputs)}
    out = _as_u64(doc.to_array(list(plan.outputs))).reshape((n, len(plan.outputs)))
    view = _DocView(plan, doc, columns)
    residual = _residual_matches(plan, doc, ruler)
    for step in plan.steps:
        if isinstance(step, Table):
            _apply_table(step, columns, out)
        elif isinstance(step, Rule):
            _apply_rule(step, view, out)
        else:
            for start, end in residual.get(step.order, ()):
                span = Span(doc, start, end)
                try:
                    target = span[step.index].i
                except IndexError:
                    raise ValueError(Errors.E1001.format(
                        patterns=ruler.matcher.get(str(step.order)),
                        span=[t.text for t in span], index=step.index,
                    )) from None
                for j, value in step.sets:
                    out[target, j] = value
    doc.from_array(list(plan.outputs), cast(Any, out))


def _as_u64(array: Any) -> U64:
    """`Doc.to_array`'s result as what it is (uint64; the stubs say otherwise)."""
    return np.asarray(array, dtype=np.uint64)


def _residual_matches(
    plan: Plan, doc: Doc, ruler: AttributeRuler
) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    if plan.residual is None:
        return found
    for match_id, start, end in plan.residual(doc, allow_missing=True):
        found.setdefault(int(ruler.vocab.strings[match_id]), []).append((start, end))
    return found


class _DocView:
    """One document's tested columns, with each test's mask and the values present made once."""

    __slots__ = ("columns", "doc", "masks", "plan", "present")

    def __init__(self, plan: Plan, doc: Doc, columns: dict[int, U64]) -> None:
        self.plan = plan
        self.doc = doc
        self.columns = columns
        self.masks: dict[Test, Mask] = {}
        self.present: dict[int, set[int]] = {}

    def possible(self, test: Test) -> bool:
        """False when no token can pass `test` (a value it asks for is absent): cheap pruning."""
        if test.kind not in ("eq", "in"):
            return True
        present = self.present.get(test.attr)
        if present is None:
            present = set(np.unique(self.columns[test.attr]).tolist())
            self.present[test.attr] = present
        if isinstance(test.value, int):
            return test.value in present
        assert isinstance(test.value, frozenset)
        return not present.isdisjoint(test.value)

    def mask(self, test: Test) -> Mask:
        mask = self.masks.get(test)
        if mask is None:
            mask = self._evaluate(test)
            self.masks[test] = mask
        return mask

    def _evaluate(self, test: Test) -> Mask:
        column = self.columns[test.attr]
        if test.kind == "eq":
            assert isinstance(test.value, int)
            equal: Mask = column == np.uint64(test.value)
            return equal
        if test.kind == "regex":
            return np.isin(column, self._regex_hits(test, column))
        assert isinstance(test.value, frozenset)
        _, there = _positions(np.array(sorted(test.value), dtype=np.uint64), column)
        return ~there if test.kind == "not_in" else there

    def _regex_hits(self, test: Test, column: U64) -> U64:
        """The values among `column` whose string the expression finds (`re.search`, as the
        Matcher's REGEX predicate), each string's verdict kept across documents."""
        memo = self.plan.regex_memo
        if len(memo) > _REGEX_MEMO:
            memo.clear()
        strings = self.doc.vocab.strings
        pattern = str(test.value)
        hits = []
        for value in np.unique(column).tolist():
            verdict = memo.get((pattern, value))
            if verdict is None:
                verdict = re.search(pattern, strings[value]) is not None
                memo[(pattern, value)] = verdict
            if verdict:
                hits.append(value)
        return np.array(hits, dtype=np.uint64)


def _apply_table(table: Table, columns: dict[int, U64], out: U64) -> None:
    key: I64 | None = None
    found: Mask | None = None
    for attr, level in zip(table.attrs, table.levels, strict=True):
        place, there = _positions(level, columns[attr])
        key = place.astype(np.int64) if key is None else key * len(level) + place
        found = there if found is None else found & there
    assert key is not None and found is not None
    row, hit = _positions(table.keys, key)
    hit &= found
    for j in table.columns:
        chosen = hit & table.given[row, j]
        out[chosen, j] = table.values[row[chosen], j]


def _apply_rule(rule: Rule, view: _DocView, out: U64) -> None:
    if not all(view.possible(t) for tests in rule.tokens for t in tests):
        return
    n = len(out)
    width = len(rule.tokens)
    if n < width:
        return
    starts = np.ones(n - width + 1, dtype=np.bool_)
    for offset, tests in enumerate(rule.tokens):
        for test in tests:
            starts &= view.mask(test)[offset : offset + n - width + 1]
    if not starts.any():
        return
    targets = np.flatnonzero(starts) + rule.index
    for j, value in rule.sets:
        out[targets, j] = value
