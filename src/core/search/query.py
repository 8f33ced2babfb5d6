"""Fuzzy search across all articles: actors, quotes, sentences and titles.

Candidates come from the index (`search_index`): each query word is matched against the folded
token vocabulary (skeleton trigrams give the candidates, rapidfuzz scores them), the postings of
the matching tokens give the units holding every word, and only the best few units are read and
ranked in full. So a query costs milliseconds at 10,000 articles and tolerates typos, word order,
accents and romanisation variants.

Front ends call `open_search(library, settings)` once (off the UI thread: it may build), then
`SearchIndex.search(query, ...)` per keystroke; a `cancelled` callback stops a stale search early.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .fold import JOINERS, QUOTE_MARKS, TOKEN_RE, fold_text, fold_token, iter_tokens, skeleton
from .index import (
    KIND_CODE,
    KINDS,
    BuildCancelled,
    BuildProgress,
    HitKind,
    IndexData,
    UnitRow,
    build_in_memory,
    open_index_data,
    trigrams,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from ..settings import Settings
    from ..store.library import Library

__all__ = [
    "KINDS", "BuildCancelled", "Hit", "HitKind", "LiveSearch", "QueryWord", "SearchCancelled",
    "SearchIndex", "SearchResult", "SearchTicket", "open_search", "parse_query", "search_library",
]

Span = tuple[int, int]

#: Similarity a query word needs with a token, by query word length (shorter words: stricter).
_EXACT_ONLY = 3
_CUTOFF = 75.0
#: What a romanisation variant (equal skeletons) scores; below exact, above most typos.
_VARIANT = 96
#: What one pair of swapped neighbouring letters scores (Indel counts it as two edits).
_SWAPPED = 88
#: Most tokens one query word may expand to (the best ones are kept).
_MAX_EXPANSIONS = 300
#: Fewer completions for one- and two-letter prefixes (the first keystrokes stay fast).
_PREFIX_CAP = {1: 20, 2: 80}
#: Short prefixes whose completions' postings pass this many units get their best units kept
#: at build time (`prefix_table`), this many of each kind: at 100,000 articles "t" alone holds
#: most units, and scoring them all takes 100 ms.
_PREFIX_TABLE_MIN_UNITS = 50_000
_PREFIX_TOP = 128
#: Units ranked in full per batch; more batches only when phrases reject candidates.
_BATCH = 200
#: Extra candidates ranked in full beyond `limit` (ties reorder by coverage among them).
_MARGIN = 10
_MAX_REFINED = 5_000
#: Words of a query beyond this are ignored (a pasted paragraph stays a quick search).
_MAX_WORDS = 16
#: Characters of text shown around the first match in `Hit.context`.
_CONTEXT = 110


class SearchCancelled(Exception):
    """A search stopped because its `cancelled()` callback turned true (a newer query came)."""


@dataclass(frozen=True, slots=True)
class QueryWord:
    """One word of a query, folded; `prefix` when it is the word still being typed."""

    text: str
    phrase: int | None = None
    """Index of the quoted phrase this word belongs to, or None."""
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, ready to list and to highlight."""

    kind: HitKind
    article: str
    """Article id (for an actor: the article of its first mention)."""
    start: int
    end: int
    """Span in the article body (actor: first mention; article title: 0, 0)."""
    text: str
    """The sentence, quote text, actor name or article title."""
    score: float
    """0-100: the mean similarity of the query words (100 = every word exact)."""
    actor: str | None
    """Actor id for actor hits and for quotes whose speaker is a known actor."""
    matches: tuple[Span, ...]
    """Matched character spans in `text` (highlight these)."""
    context: str
    """A short line to show: a window of the text around the match, plus speaker or alias."""
    context_matches: tuple[Span, ...]
    """Matched character spans in `context`."""
    in_body: bool = True
    """`text` is the body slice `[start, end)`; `body_matches` is then usable."""
    speaker: str | None = None
    order: int = 0
    """Position in corpus order (article order, then offset): the final tie-breaker."""
    coverage: float = 0.0
    """Share of the text's words the query matched (breaks ties between actors: `guo` -> `Guo`)."""

    @property
    def body_matches(self) -> tuple[Span, ...]:
        """Matched spans as offsets into the article body (empty for titles and moved quotes)."""
        if not self.in_body or self.kind == "article":
            return ()
        return tuple((self.start + s, self.start + e) for s, e in self.matches)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "article": self.article, "start": self.start, "end": self.end,
            "text": self.text, "score": round(self.score, 1), "actor": self.actor,
            "speaker": self.speaker, "context": self.context,
            "matches": [list(m) for m in self.matches],
            "context_matches": [list(m) for m in self.context_matches],
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The hits for one query (best first), and a suggestion when there are none."""

    query: str
    hits: tuple[Hit, ...]
    total: int
    """Units matching every word (before `limit`)."""
    suggestion: str | None = None
    """The nearest thing that would match, when nothing did."""
    elapsed_ms: float = 0.0
    name_like: bool = False
    """The query reads as a name (an actor matched about as well as anything else)."""

    def by_kind(self) -> dict[HitKind, list[Hit]]:
        """Hits grouped by kind, each group in rank order (for grouped result lists)."""
        groups: dict[HitKind, list[Hit]] = {}
        for hit in self.hits:
            groups.setdefault(hit.kind, []).append(hit)
        return groups


# ---------------------------------------------------------------- queries


def parse_query(query: str) -> list[QueryWord]:
    """Folded words; words inside double quotes (straight or curly) form a phrase.

    Words joined by a hyphen or apostrophe become one word (`Sheng-kun` -> `shengkun`); the last
    word is a prefix when the query does not end in a space (it is still being typed).
    """
    text = query.translate(QUOTE_MARKS)
    words: list[QueryWord] = []
    for number, segment in enumerate(text.split('"')):
        phrase = number // 2 if number % 2 else None
        joined = ""
        last_end = -1
        for match in TOKEN_RE.finditer(segment):
            folded = fold_token(match.group())
            if not folded:
                continue
            follows = last_end >= 0 and match.start() == last_end + 1
            if joined and follows and segment[last_end] in JOINERS:
                joined += folded
            else:
                if joined:
                    words.append(QueryWord(joined, phrase))
                joined = folded
            last_end = match.end()
        if joined:
            words.append(QueryWord(joined, phrase))
    if words and text and TOKEN_RE.match(text[-1]):
        last = words[-1]
        words[-1] = QueryWord(last.text, last.phrase, prefix=True)
    # A phrase of one word is just a word.
    counts: dict[int, int] = {}
    for word in words:
        if word.phrase is not None:
            counts[word.phrase] = counts.get(word.phrase, 0) + 1
    return [
        w if w.phrase is None or counts[w.phrase] > 1 else QueryWord(w.text, None, w.prefix)
        for w in words
    ]


#: How close (rapidfuzz ratio, 0-100) a word must be to be offered as "nearest": about two
#: edits in an eight-letter word; 50 offered words sharing three letters in any place
#: ("yanukovych" -> "syrian").
_SUGGEST_CUTOFF = 70.0


def _words_close(query: str, name: str) -> bool:
    """Whether some word of `query` is close to some word of `name` (a short word: the start
    of one), so a suggested name shares something a reader can see with the query."""
    from rapidfuzz import fuzz

    tokens = fold_text(name).split()
    for word in fold_text(query).split():
        if len(word) <= _EXACT_ONLY:
            if any(t.startswith(word) for t in tokens):
                return True
        elif any(fuzz.ratio(word, t) >= _SUGGEST_CUTOFF for t in tokens):
            return True
    return False


def _cutoff(word: str) -> float:
    return 101.0 if len(word) <= _EXACT_ONLY else _CUTOFF


# ---------------------------------------------------------------- the index


class SearchIndex:
    """Fuzzy search over one library's index; `search` is safe to call from worker threads."""

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self._expansions: dict[tuple[str, bool], dict[int, int]] = {}
        self._actor_names: list[str] | None = None

    @property
    def revision(self) -> str:
        return self.data.revision

    def close(self) -> None:
        self.data.close()

    # -- word -> tokens

    def expand(self, word: QueryWord) -> dict[int, int]:
        """Vocabulary ids the word matches, with their similarity (0-100), cached per word."""
        key = (word.text, word.prefix)
        cached = self._expansions.get(key)
        if cached is None:
            cached = self._expand(word.text, word.prefix)
            if len(self._expansions) > 4096:
                self._expansions.clear()
            self._expansions[key] = cached
        return cached

    def _expand(self, q: str, prefix: bool) -> dict[int, int]:
        import numpy as np
        from rapidfuzz import fuzz, process

        data = self.data
        found: dict[int, int] = {}
        exact = data.vocab_id.get(q)
        if exact is not None:
            found[exact] = 100
        qs = skeleton(q)
        grams = trigrams(qs)
        arrays = [part for g in grams for part in data.gram_ids(g)]
        if arrays:
            counts = np.bincount(np.concatenate(arrays), minlength=0)
            short = len(q) <= _EXACT_ONLY or any(c.isdigit() for c in q)  # 2018 is not 2019
            least = 2 if len(grams) > 3 else 1
            need = len(grams) if short else max(least, math.ceil(len(grams) * 0.3))
            ids = np.flatnonzero(counts >= need)
            ids = ids[data.freq[ids] > 0]  # words only dead units held are gone
            if not short and len(ids):
                lens = data.vocab_len[ids]
                slack = max(2, len(q) // 3)
                ids = ids[np.abs(lens.astype(np.int32) - len(q)) <= slack]
            if len(ids):
                skels = [data.skeletons[i] for i in ids.tolist()]
                if short:
                    for vid, skel in zip(ids.tolist(), skels, strict=True):
                        if skel == qs:
                            found.setdefault(vid, _VARIANT)
                else:
                    tokens = [data.vocab[i] for i in ids.tolist()]
                    plain = process.cdist([q], tokens, scorer=fuzz.ratio, dtype=np.float32)[0]
                    folded = process.cdist([qs], skels, scorer=fuzz.ratio, dtype=np.float32)[0]
                    sims = np.maximum(plain, folded - 4)
                    same = np.array([s == qs for s in skels])
                    sims = np.where(same, np.maximum(sims, _VARIANT), sims)
                    keep = sims >= _cutoff(q)
                    kept = np.array(tokens, dtype=object)[keep].tolist()
                    for vid, sim, token in zip(
                        ids[keep].tolist(), sims[keep].tolist(), kept, strict=True
                    ):
                        near = max(found.get(vid, 0), min(99, int(round(sim))))
                        found[vid] = 100 if token == q else near
        if len(q) >= _EXACT_ONLY and not any(c.isdigit() for c in q):
            # Swapped neighbours ("yaer", "gou") leave a short word no shared trigram: look them up.
            for i in range(len(q) - 1):
                swapped = q[:i] + q[i + 1] + q[i] + q[i + 2 :]
                swapped_id = data.vocab_id.get(swapped)
                if swapped_id is not None and swapped != q:
                    found[swapped_id] = max(found.get(swapped_id, 0), _SWAPPED)
        if prefix:
            prefixed = data.prefix_ids(q)
            ids_range: Sequence[int] = prefixed
            cap = _PREFIX_CAP.get(len(q), _MAX_EXPANSIONS)
            if len(prefixed) > cap:
                # A short prefix starts thousands of words: the most frequent ones only.
                candidates = np.array(prefixed, dtype=np.int64)
                best = np.argpartition(-data.freq[candidates], cap)[:cap]
                ids_range = sorted(candidates[best].tolist())
            for vid in ids_range:
                if vid in found:
                    continue
                length = int(data.vocab_len[vid])
                found[vid] = min(95, int(80 + 15 * len(q) / max(length, 1)))
        found = {vid: sim for vid, sim in found.items() if data.freq[vid] > 0}
        if len(found) > _MAX_EXPANSIONS:
            kept = sorted(
                found.items(),
                key=lambda kv: (-kv[1], -data.doc_freq(kv[0]), data.vocab[kv[0]]),
            )
            found = dict(kept[:_MAX_EXPANSIONS])
        return found

    # -- the query

    def search(
        self,
        query: str,
        *,
        kinds: Collection[str] | None = None,
        limit: int = 20,
        per_kind: int | None = None,
        suggest: bool = True,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Hits for `query`, best first.

        Args:
            kinds: only these kinds (`actor`, `quote`, `sentence`, `article`); default all.
            limit: most hits returned.
            per_kind: most hits of each kind (for grouped live results); default no cap.
            suggest: when nothing matches, look for the nearest suggestion (slower path).
            cancelled: polled between stages; when true the search raises `SearchCancelled`.
        """
        import time

        started = time.perf_counter()
        words = parse_query(query)[:_MAX_WORDS]
        if not words:
            return SearchResult(query, (), 0)
        unknown = set(kinds or ()) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown hit kinds: {sorted(unknown)}")
        result = self._run(query, words, kinds, limit, per_kind, cancelled)
        if not result.hits and len(words) > 1:
            # Words typed apart that the text writes together ("sheng kun" for "Shengkun").
            for i in range(len(words) - 1):
                a, b = words[i], words[i + 1]
                if a.phrase is not None or b.phrase is not None:
                    continue
                merged = [*words[:i], QueryWord(a.text + b.text, None, b.prefix), *words[i + 2 :]]
                retry = self._run(query, merged, kinds, limit, per_kind, cancelled)
                if retry.hits:
                    result = retry
                    break
        suggestion = None
        if not result.hits and suggest:
            suggestion = self.suggest(query, kinds=kinds)
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResult(query, result.hits, result.total, suggestion, elapsed, result.name_like)

    def _run(
        self,
        query: str,
        words: Sequence[QueryWord],
        kinds: Collection[str] | None,
        limit: int,
        per_kind: int | None,
        cancelled: Callable[[], bool] | None,
    ) -> SearchResult:
        """Expand each word, score units that hold every word, rank, then refine the best."""
        data = self.data
        if data.n_units == 0 or limit <= 0:
            return SearchResult(query, (), 0)
        expansions = []
        for word in words:
            found = self.expand(word)
            if not found:
                return SearchResult(query, (), 0)
            expansions.append(found)
        _check(cancelled)
        kept = self._kept_prefix(words, kinds, limit, per_kind)
        scored = kept[:2] if kept is not None else self._score(expansions, kinds, cancelled)
        if scored is None:
            return SearchResult(query, (), 0)
        candidates, total = scored
        has_phrase = any(w.phrase is not None for w in words)
        ranked, rank_of, name_like = self._order(
            candidates, total, len(words), limit, per_kind, has_phrase
        )
        hits = self._refine(
            ranked, words, _sims_table(expansions), limit, per_kind, has_phrase, cancelled
        )
        hits.sort(key=lambda h: (
            -round(h.score),
            int(rank_of[KIND_CODE[h.kind]]),
            -(h.coverage if h.kind in ("actor", "article") else 0.0),
            h.order,
        ))
        total_hits = len(hits) if has_phrase else len(candidates) if kept is None else kept[2]
        return SearchResult(query, tuple(hits[:limit]), total_hits, name_like=name_like)

    def _kept_prefix(
        self,
        words: Sequence[QueryWord],
        kinds: Collection[str] | None,
        limit: int,
        per_kind: int | None,
    ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16], int] | None:
        """A one-word short-prefix query from the table made at build time: the best units of
        each wanted kind (a superset of what ranking keeps), their scores, and the number of
        matching units. None when the table cannot answer exactly: no entry, the word now
        completes differently, more hits wanted than it keeps, or dead units left too few.

        Articles changed since the build: dead units leave the kept lists and the counts, and
        the delta's units holding a completion join them (they are few)."""
        import numpy as np

        data = self.data
        if len(words) != 1 or not words[0].prefix:
            return None
        entry = data.prefixes.get(words[0].text)
        depth = max(limit, per_kind or 0) + _MARGIN
        if entry is None or depth > _PREFIX_TOP:
            return None
        ids, sims, counts, expansion = entry
        found = self.expand(words[0])
        if data.has_delta and _expansion_key(data, found) != expansion:
            return None
        wanted = set(KINDS if kinds is None else kinds)
        allowed = np.zeros(256, dtype=bool)
        for kind in wanted:
            allowed[KIND_CODE[kind]] = True
        keep = allowed[data.unit_kind[ids]]
        ids, sims = np.asarray(ids[keep]), sims[keep].astype(np.uint16)
        counts = np.array(counts, dtype=np.int64)
        if data.has_delta:
            if data.dead is not None:
                # Dead units leave the lists; a cut list must still reach `depth` per kind.
                gone = data.dead[ids]
                for code in np.unique(data.unit_kind[ids[gone]]).tolist():
                    left = int(np.count_nonzero((data.unit_kind[ids] == code) & ~gone))
                    if counts[code] > _PREFIX_TOP and left < depth:
                        return None
                ids, sims = ids[~gone], sims[~gone]
                counts -= _dead_matches(data, found)
            fresh = [
                (part, sim)
                for vid, sim in sorted(found.items(), key=lambda kv: kv[1])
                for part in data.postings(vid)[1 if vid < data.n_main_vocab else 0 :]
            ]
            if fresh:
                units, unit_sims = _word_units(fresh, data.n_units)
                wanted_units = allowed[data.unit_kind[units]]
                units, unit_sims = units[wanted_units], unit_sims[wanted_units]
                counts += np.bincount(data.unit_kind[units], minlength=len(KINDS))[: len(KINDS)]
                ids = np.concatenate([ids, units])
                sims = np.concatenate([sims, unit_sims.astype(np.uint16)])
        matching = int(sum(int(counts[KIND_CODE[kind]]) for kind in wanted))
        if not matching or not len(ids):
            return None
        return ids.astype(np.int32, copy=False), sims, matching

    def _score(
        self,
        expansions: Sequence[dict[int, int]],
        kinds: Collection[str] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16]] | None:
        """Units holding every word (of the wanted kinds, ascending ids) and their summed best
        similarities (aligned with them); None when there are none.

        The rarest word goes first and gives the candidates; each later word only looks its
        candidates up in its postings, so a query costs about what its words' postings hold, not
        a pass over every unit of the corpus (which is what 100,000 articles make slow).
        """
        import numpy as np

        data = self.data
        candidates: npt.NDArray[np.int32] | None = None
        total: npt.NDArray[np.uint16] | None = None
        for found in sorted(expansions, key=lambda f: sum(data.doc_freq(v) for v in f)):
            # Lowest similarity first: a unit holding several of the word's tokens keeps its best.
            parts = [
                (part, sim)
                for vid, sim in sorted(found.items(), key=lambda kv: kv[1])
                for part in data.postings(vid)
            ]
            if candidates is None or total is None:
                candidates, sims = _word_units(parts, data.n_units)
                total = sims.astype(np.uint16)
            else:
                sims = _word_sims(candidates, parts, data.n_units)
                keep = sims > 0
                candidates, total = candidates[keep], total[keep] + sims[keep]
            if not len(candidates):
                return None
            _check(cancelled)
        assert candidates is not None and total is not None
        if data.dead is not None:
            keep = ~data.dead[candidates]
            candidates, total = candidates[keep], total[keep]
        if kinds is not None:
            allowed = np.zeros(256, dtype=bool)
            for kind in kinds:
                allowed[KIND_CODE[kind]] = True
            keep = allowed[data.unit_kind[candidates]]
            candidates, total = candidates[keep], total[keep]
        if not len(candidates):
            return None
        return candidates, total

    def _order(
        self,
        candidates: npt.NDArray[np.int32],
        total: npt.NDArray[np.uint16],
        n_words: int,
        limit: int,
        per_kind: int | None,
        has_phrase: bool,
    ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int64], bool]:
        """Candidates in rank order (score, then kind, then position), cut to what refining
        can use; the kind ranks used; whether the query looks like a name."""
        import numpy as np

        data = self.data
        scores = np.rint(total / n_words).astype(np.int64)
        unit_kinds = data.unit_kind[candidates]
        is_actor = unit_kinds == KIND_CODE["actor"]
        name_like = bool(is_actor.any()) and int(scores[is_actor].max()) >= int(scores.max()) - 5
        rank_of = _kind_ranks(name_like)
        ranks = rank_of[unit_kinds].astype(np.int64)
        n = data.n_units + 1
        order = data.order_of(candidates)  # articles in corpus order
        keys = (scores * 8 + (7 - ranks)) * n + (n - 1 - order)
        if has_phrase:
            ranked = candidates[np.argsort(-keys, kind="stable")]
        elif per_kind is None:
            ranked = candidates[_top(keys, limit + _MARGIN)]
        else:
            # Grouped lists: the best `per_kind` of each kind, still in rank order.
            picked = []
            for code in np.unique(unit_kinds).tolist():
                members = np.flatnonzero(unit_kinds == code)
                picked.append(members[_top(keys[members], per_kind + _MARGIN)])
            chosen = np.concatenate(picked)
            ranked = candidates[chosen[np.argsort(-keys[chosen], kind="stable")]]
        return ranked, rank_of, name_like

    def _refine(
        self,
        ranked: npt.NDArray[np.int32],
        words: Sequence[QueryWord],
        sims_of: dict[int, tuple[int, ...]],
        limit: int,
        per_kind: int | None,
        has_phrase: bool,
        cancelled: Callable[[], bool] | None,
    ) -> list[Hit]:
        """Read the best candidates' texts in batches and rank each (phrases checked here)."""
        data = self.data
        hits: list[Hit] = []
        per_kind_count: dict[str, int] = {}
        refined = 0
        while refined < len(ranked) and refined < _MAX_REFINED:
            _check(cancelled)
            size = limit + _MARGIN if not refined else _BATCH
            batch = ranked[refined : refined + size].tolist()
            refined += len(batch)
            rows = data.units(batch)
            for uid in batch:
                row = rows.get(uid)
                if row is None:
                    continue
                if per_kind is not None and per_kind_count.get(row.kind, 0) >= per_kind:
                    continue
                hit = _rank_unit(row, words, sims_of, data)
                if hit is None:
                    continue
                per_kind_count[row.kind] = per_kind_count.get(row.kind, 0) + 1
                hits.append(hit)
            if len(hits) >= limit or not has_phrase:
                # Later candidates score no better; more batches only when phrases rejected some.
                break
        return hits

    # -- no hits

    def suggest(self, query: str, *, kinds: Collection[str] | None = None) -> str | None:
        """The nearest query that does match: each word's closest token, else the closest actor."""
        from rapidfuzz import fuzz, process

        words = parse_query(query)
        if not words or not self.data.n_units:
            return None
        if any(w.phrase is not None for w in words):
            loose = " ".join(w.text for w in words)
            if self._run(loose, parse_query(loose + " "), kinds, 1, None, None).hits:
                return loose
        parts = []
        vocabulary = self.data.words()
        for word in words:
            best = process.extractOne(
                word.text, vocabulary, scorer=fuzz.ratio, score_cutoff=_SUGGEST_CUTOFF
            )
            if best is not None:
                parts.append(str(best[0]))
        candidate = " ".join(parts)
        if parts and candidate != " ".join(w.text for w in words):
            if self._run(candidate, parse_query(candidate + " "), kinds, 1, None, None).hits:
                return candidate
        if self._actor_names is None:
            self._actor_names = self.data.actor_names()
        if self._actor_names:
            # WRatio ranks (it forgives a missing first name), but scores a short query high
            # against any name holding a few of its letters ("hsi" -> "Russia"): a name is
            # offered only when one of its words is close to a query word.
            for name, _score, _n in process.extract(
                fold_text(query), self._actor_names, scorer=fuzz.WRatio, processor=fold_text,
                limit=10, score_cutoff=50,
            ):
                if _words_close(query, str(name)):
                    return str(name)
        return None


#: Rough costs (ns per element, measured with numpy on 5.4M units) that choose between scoring a
#: word in one dense array over all units (allocate, scatter the postings, scan or gather) and
#: sorting or binary-searching its postings: dense wins unless the postings are few.
_DENSE_NS_PER_UNIT = 0.03
_SCATTER_NS = 2.0
_SORT_NS = 60.0
_SEARCH_NS = 25.0


def _word_units(
    parts: Sequence[tuple[npt.NDArray[np.int32], int]], n_units: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint8]]:
    """The units in any of `parts` (postings, each with its similarity; ascending similarity),
    ascending, with the best similarity of each."""
    import numpy as np

    size = sum(len(p) for p, _ in parts)
    dense_ns = 2 * _DENSE_NS_PER_UNIT * n_units + _SCATTER_NS * size
    if len(parts) > 1 and size * _SORT_NS > dense_ns:
        best = np.zeros(n_units, dtype=np.uint8)
        for part, sim in parts:
            best[part] = sim
        units = np.flatnonzero(best > 0)  # a bool array: numpy scans it much faster
        return units.astype(np.int32), best[units]
    if len(parts) == 1:
        part, sim = parts[0]
        return np.array(part, dtype=np.int32), np.full(len(part), sim, dtype=np.uint8)
    # unit * 128 + similarity (< 128), sorted: each unit's last entry holds its best.
    packed = np.concatenate([p.astype(np.int64) * 128 + sim for p, sim in parts])
    packed.sort()
    units = packed >> 7
    last = np.ones(len(units), dtype=bool)
    last[:-1] = units[1:] != units[:-1]
    return units[last].astype(np.int32), (packed[last] & 127).astype(np.uint8)


def _word_sims(
    candidates: npt.NDArray[np.int32],
    parts: Sequence[tuple[npt.NDArray[np.int32], int]],
    n_units: int,
) -> npt.NDArray[np.uint8]:
    """Each candidate's best similarity in `parts` (0: in none): looked up by binary search
    (postings are sorted) when the candidates are few, else scattered into a dense array."""
    import numpy as np

    size = sum(len(p) for p, _ in parts)
    lookups = sum(min(len(p), len(candidates)) for p, _ in parts)
    dense_ns = _DENSE_NS_PER_UNIT * n_units + _SCATTER_NS * (size + len(candidates))
    if lookups * _SEARCH_NS > dense_ns:
        best = np.zeros(n_units, dtype=np.uint8)
        for part, sim in parts:
            best[part] = sim
        return best[candidates]
    out = np.zeros(len(candidates), dtype=np.uint8)
    if not len(candidates):
        return out
    last = len(candidates) - 1
    for part, sim in parts:
        if not len(part):
            continue
        if len(part) >= len(candidates):
            at = np.minimum(np.searchsorted(part, candidates), len(part) - 1)
            out[part[at] == candidates] = sim
        else:
            at = np.minimum(np.searchsorted(candidates, part), last)
            hit = candidates[at] == part
            out[at[hit]] = sim
    return out


def _expansion_key(data: IndexData, found: dict[int, int]) -> str:
    """A word's completions as text (ids differ once a delta adds words)."""
    return "\t".join(f"{data.vocab[vid]}\t{sim}" for vid, sim in sorted(found.items()))


def _dead_matches(data: IndexData, found: dict[int, int]) -> npt.NDArray[np.int64]:
    """Dead units holding any of `found`'s words, counted by kind."""
    import numpy as np

    assert data.dead is not None
    dead = np.flatnonzero(data.dead[: data.n_main]).astype(np.int32)
    hit = np.zeros(len(dead), dtype=bool)
    for vid in found:
        if vid < data.n_main_vocab:
            part = data.postings(vid)[0]
            if len(part):
                at = np.minimum(np.searchsorted(part, dead), len(part) - 1)
                hit |= part[at] == dead
    counts: npt.NDArray[np.int64] = np.bincount(
        data.unit_kind[dead[hit]], minlength=len(KINDS)
    )[: len(KINDS)].astype(np.int64)
    return counts


def prefix_table(data: IndexData) -> dict[str, object]:
    """For each one- and two-letter prefix whose completions hold many units: the best
    `_PREFIX_TOP` units of each kind for that prefix typed alone (by score, then corpus order:
    ranking within a kind never looks past them), and how many units of each kind match.
    Made once per build; searching the prefix then ranks a few hundred units instead of
    millions (see `SearchIndex._kept_prefix`)."""
    import numpy as np

    index = SearchIndex(data)
    words = [w for w in data.vocab]
    prefixes = sorted({w[:1] for w in words if w} | {w[:2] for w in words if len(w) >= 2})
    keys: list[str] = []
    expansions: list[str] = []
    off, ids_out, sims_out, counts_out = [0], [], [], []
    n = data.n_units + 1
    for prefix in prefixes:
        found = index._expand(prefix, True)
        if sum(data.doc_freq(v) for v in found) < _PREFIX_TABLE_MIN_UNITS:
            continue
        scored = index._score([found], None, None)
        if scored is None:
            continue
        candidates, total = scored
        unit_kinds = data.unit_kind[candidates]
        order = data.order_of(candidates)
        rank = total.astype(np.int64) * n + (n - 1 - order)
        chosen = []
        counts = np.zeros(len(KINDS), dtype=np.int64)
        for code in range(len(KINDS)):
            members = np.flatnonzero(unit_kinds == code)
            counts[code] = len(members)
            if len(members):
                chosen.append(members[_top(rank[members], _PREFIX_TOP)])
        picked = np.sort(np.concatenate(chosen)) if chosen else np.empty(0, np.int64)
        keys.append(prefix)
        expansions.append(_expansion_key(data, found))
        ids_out.append(candidates[picked].astype(np.int32))
        sims_out.append(total[picked].astype(np.uint8))
        counts_out.append(counts)
        off.append(off[-1] + len(picked))
    return {
        "prefixes": keys,
        "prefix_expansions": expansions,
        "prefix_off": np.array(off, dtype=np.int64),
        "prefix_ids": np.concatenate(ids_out) if ids_out else np.empty(0, np.int32),
        "prefix_sims": np.concatenate(sims_out) if sims_out else np.empty(0, np.uint8),
        "prefix_counts": (
            np.stack(counts_out) if counts_out else np.empty((0, len(KINDS)), np.int64)
        ),
    }


def _top(keys: npt.NDArray[np.int64], k: int) -> npt.NDArray[np.intp]:
    """Indices of the `k` largest keys, largest first (a partition, not a full sort)."""
    import numpy as np

    if len(keys) > k:
        part = np.argpartition(-keys, k - 1)[:k]
        return part[np.argsort(-keys[part], kind="stable")]
    return np.argsort(-keys, kind="stable")


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise SearchCancelled


def _kind_ranks(name_like: bool) -> npt.NDArray[np.int64]:
    """Tie order of kinds at equal score: actors first for names; then corpus order."""
    import numpy as np

    ranks = np.zeros(len(KINDS), dtype=np.int64)
    if name_like:
        for rank, kind in enumerate(("actor", "article", "quote", "sentence")):
            ranks[KIND_CODE[kind]] = rank
    else:
        ranks[KIND_CODE["sentence"]] = 1  # the quote inside a sentence is the closer hit
        ranks[KIND_CODE["actor"]] = 2
    return ranks


def _sims_table(expansions: Sequence[dict[int, int]]) -> dict[int, tuple[int, ...]]:
    """Vocabulary id -> its similarity to each query word, for every token any word matched."""
    wanted: set[int] = set()
    for found in expansions:
        wanted.update(found)
    return {vid: tuple(found.get(vid, 0) for found in expansions) for vid in wanted}


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    part: int
    """0: the unit text, 1: its extra field (speaker, aliases)."""
    seq: int
    """Position among the base (unjoined) tokens of its part; joined pairs take the first."""
    joined: bool
    sims: tuple[int, ...]


def _rank_unit(
    row: UnitRow, words: Sequence[QueryWord], sims_of: dict[int, tuple[int, ...]], data: IndexData
) -> Hit | None:
    """Score one unit in full: which tokens match which word, phrases, spans, context line."""
    tokens: list[_Token] = []
    zero = (0,) * len(words)
    vocab_id = data.vocab_id
    base_count = 0
    for part, source in enumerate((row.text, row.extra)):
        if not source:
            continue
        seq = -1
        last_end = -1
        for start, end, folded in iter_tokens(source):
            joined = start < last_end
            if not joined:
                seq += 1
                last_end = end
                if part == 0:
                    base_count += 1
            vid = vocab_id.get(folded)
            sims = sims_of.get(vid, zero) if vid is not None else zero
            order = seq - 1 if joined else seq
            tokens.append(_Token(start, end, folded, part, order, joined, sims))
    hit_tokens = [t for t in tokens if t.sims is not zero]
    best = [max([t.sims[i] for t in hit_tokens], default=0) for i in range(len(words))]
    if min(best, default=0) <= 0:
        return None
    # Quoted phrases: the words in order on consecutive tokens.
    phrases: dict[int, list[int]] = {}
    for i, word in enumerate(words):
        if word.phrase is not None:
            phrases.setdefault(word.phrase, []).append(i)
    for members in phrases.values():
        if _find_phrase(tokens, members) is None:
            return None
    score = sum(best) / len(words)
    spans: dict[int, list[Span]] = {0: [], 1: []}
    matched_base = 0
    for token in hit_tokens:
        top = max(token.sims)
        if top <= 0:
            continue
        i = token.sims.index(top)
        word = words[i]
        end = token.end
        longer = token.text.startswith(word.text) and token.text != word.text
        if word.prefix and longer and not token.joined:
            end = min(token.end, token.start + len(word.text))
        spans[token.part].append((token.start, end))
        if token.part == 0 and not token.joined:
            matched_base += 1
    matches = _merge(spans[0])
    extra_matches = _merge(spans[1])
    base_count = base_count or 1
    context, context_matches = _context(row, matches, extra_matches)
    return Hit(
        kind=row.kind, article=row.article, start=row.start, end=row.end, text=row.text,
        score=score, actor=row.actor, matches=matches, context=context,
        context_matches=context_matches, in_body=row.in_body,
        speaker=row.extra if row.kind == "quote" else None, order=int(data.order_of([row.id])[0]),
        coverage=matched_base / base_count,
    )


def _find_phrase(tokens: Sequence[_Token], members: Sequence[int]) -> tuple[int, int, int] | None:
    """(part, first seq, last seq) where the phrase words match consecutive tokens, or None."""
    by_seq: dict[tuple[int, int], list[_Token]] = {}
    for token in tokens:
        by_seq.setdefault((token.part, token.seq), []).append(token)

    def width(token: _Token) -> int:
        return 2 if token.joined else 1

    def match_from(part: int, seq: int, k: int) -> int | None:
        if k == len(members):
            return seq
        for token in by_seq.get((part, seq), ()):
            if token.sims[members[k]] > 0:
                end = match_from(part, seq + width(token), k + 1)
                if end is not None:
                    return end
        return None

    for token in tokens:
        if token.joined or token.sims[members[0]] <= 0:
            continue
        end = match_from(token.part, token.seq, 0)
        if end is not None:
            return token.part, token.seq, end
    return None


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, overlapping spans merged (a joined pair overlaps its two tokens)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)



def _context(
    row: UnitRow, matches: tuple[Span, ...], extra: tuple[Span, ...]
) -> tuple[str, tuple[Span, ...]]:
    """A one-line view: a window of the text around the first match, and the speaker or alias."""
    text = row.text
    lo, hi = 0, len(text)
    if len(text) > _CONTEXT:
        anchor = matches[0][0] if matches else 0
        lo = max(0, anchor - _CONTEXT // 3)
        if lo > 0:
            space = text.rfind(" ", 0, lo + 1)
            lo = space + 1 if space >= 0 and lo - space < 20 else lo
        hi = min(len(text), lo + _CONTEXT)
        if hi < len(text):
            space = text.find(" ", hi - 15, hi)
            hi = space if space > 0 else hi
    pieces: list[tuple[str, int | None]] = []  # (string, offset in source or None for literals)
    if lo > 0:
        pieces.append(("…", None))
    pieces.append((text[lo:hi], lo))
    if hi < len(text):
        pieces.append(("…", None))
    extra_piece: tuple[str, int] | None = None
    if row.extra and row.kind == "quote":
        extra_piece = (row.extra, 0)
        pieces.append((" — ", None))
    elif row.extra and row.kind == "actor" and extra and not matches:
        # Show the alias that matched.
        line_start = row.extra.rfind("\n", 0, extra[0][0]) + 1
        line_end = row.extra.find("\n", extra[0][0])
        line_end = len(row.extra) if line_end < 0 else line_end
        extra_piece = (row.extra[line_start:line_end], line_start)
        pieces.append((" (also: ", None))
    out: list[str] = []
    spans: list[Span] = []
    position = 0
    for piece, offset in pieces:
        if offset is not None:
            for s, e in matches:
                s2, e2 = max(s, lo), min(e, hi)
                if s2 < e2:
                    spans.append((position + s2 - lo, position + e2 - lo))
        out.append(piece)
        position += len(piece)
    if extra_piece is not None:
        piece, offset = extra_piece
        for s, e in extra:
            s2, e2 = max(s, offset), min(e, offset + len(piece))
            if s2 < e2:
                spans.append((position + s2 - offset, position + e2 - offset))
        out.append(piece)
        position += len(piece)
        if row.kind == "actor":
            out.append(")")
    line = "".join(out)
    # Newlines and tabs to spaces: same length, so spans stay valid.
    line = line.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return line, tuple(spans)


# ---------------------------------------------------------------- per keystroke


@dataclass(frozen=True, slots=True)
class SearchTicket:
    """One keystroke's query; stale as soon as a newer ticket is issued."""

    generation: int
    query: str
    live: LiveSearch

    def cancelled(self) -> bool:
        return self.live.generation != self.generation


class LiveSearch:
    """Search-as-you-type over one index: the newest query wins, older ones stop early.

    The UI thread calls `begin(query)` on each keystroke (cheap) and hands the ticket to a worker
    thread, which calls `run(ticket)`; `run` returns None when the ticket went stale before or
    while searching, and the UI drops any result whose ticket `is_current` no longer holds.
    """

    def __init__(self, index: SearchIndex, *, limit: int = 50, per_kind: int | None = 10,
                 kinds: Collection[str] | None = None) -> None:
        self.index = index
        self.limit = limit
        self.per_kind = per_kind
        self.kinds = kinds
        self.generation = 0

    def begin(self, query: str) -> SearchTicket:
        self.generation += 1
        return SearchTicket(self.generation, query, self)

    def run(self, ticket: SearchTicket) -> SearchResult | None:
        if ticket.cancelled():
            return None
        try:
            result = self.index.search(
                ticket.query, kinds=self.kinds, limit=self.limit, per_kind=self.per_kind,
                suggest=False, cancelled=ticket.cancelled,
            )
        except SearchCancelled:
            return None
        return None if ticket.cancelled() else result

    def is_current(self, ticket: SearchTicket) -> bool:
        return ticket.generation == self.generation


# ---------------------------------------------------------------- opening


def open_search(
    library: Library,
    settings: Settings | None = None,
    *,
    progress: BuildProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SearchIndex:
    """The search index of `library`, loaded from `settings.cache_dir` or built (and saved) there.

    Building reads every article once (seconds at 10,000 articles): call it off the UI thread.
    With `settings` None the index is built in memory and not saved.
    """
    if settings is None:
        return SearchIndex(build_in_memory(library))
    return SearchIndex(open_index_data(library, settings, progress=progress, cancelled=cancelled))


def search_library(library: Library, query: str, **options: object) -> SearchResult:
    """One-off search (tests, scripts): builds an in-memory index and searches it."""
    return SearchIndex(build_in_memory(library)).search(query, **options)  # type: ignore[arg-type]
