"""Fuzzy search: folding, query parsing, a relevance table per matching rule, the saved index."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from newsdesk.core.models import Actor, Article, Corpus, Mention, Quote
from newsdesk.core.search.fold import fold_token, iter_tokens, skeleton
from newsdesk.core.search.query import (
    BuildCancelled,
    LiveSearch,
    SearchCancelled,
    SearchIndex,
    open_search,
    parse_query,
)
from newsdesk.core.settings import Settings
from newsdesk.core.store.library import MemoryLibrary

DATA = Path(__file__).parent.parent / "data" / "search"

# ---------------------------------------------------------------- a hand-made corpus

#: (title, body, [(actor id, name, type, aliases)], [(quote text, speaker, actor id)])
HAND_ARTICLES = [
    (
        "Kyiv talks stall again",
        "Former president Viktor Yanukovych fled Kyiv in February. Officials said the Safe "
        "Internet League met in Moscow last month. Critics call the filter the Great Firewall "
        "of China.",
        [("viktor", "Viktor Yanukovych", "person", ("Yanukovych",)),
         ("league", "Safe Internet League", "organization", ())],
        [],
    ),
    (
        "Opposition leader sentenced",
        "Alexei Navalnyi was sentenced on Tuesday. Chess champion Garry Kasparow criticised the "
        "verdict against Navalnyi. La sécurité nationale était en jeu, said one paper.",
        [("alexei", "Alexei Navalnyi", "person", ("Navalnyi",)),
         ("garry", "Garry Kasparow", "person", ())],
        [],
    ),
    (
        "Beijing minister warns of revolutions",
        "Minister Guo Sheng-kun said \u201cexternal forces are using contradictions\u201d to "
        "provoke unrest. Guo spoke on Thursday. The guard changed at noon.",
        [("guo", "Guo Sheng-kun", "person", ("Guo",))],
        [("external forces are using contradictions", "Guo Sheng-kun", "guo")],
    ),
    (
        "Markup in the news",
        "The site printed [bold]not bold[/bold] and [@click=app.quit] as plain text. A guarded "
        "statement followed from the Guardian newspaper.",
        [("guardian", "Guardian", "organization", ())],
        [],
    ),
]


def _sentences(body: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans: up to a stop followed by a space or the end."""
    return tuple((m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", body))


def hand_corpus(articles=HAND_ARTICLES) -> Corpus:  # type: ignore[no-untyped-def]
    built: list[Article] = []
    sentences = {}
    mentions: dict[str, list[Mention]] = {}
    info: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    quotes: list[Quote] = []
    for number, (title, body, actors, said) in enumerate(articles):
        article_id = f"hand{number}"
        built.append(Article(article_id, f"{article_id}.txt", title, None, None, None, body,
                             ((0, len(body)),), f"h{hash(body)}"))
        sentences[article_id] = _sentences(body)
        for actor_id, name, kind, aliases in actors:
            info[actor_id] = (name, kind, aliases)
            for form in (name, *aliases):
                for match in re.finditer(re.escape(form), body):
                    mentions.setdefault(actor_id, []).append(
                        Mention(article_id, match.start(), match.end(), form, "PERSON", name))
        for n, (text, speaker, actor_id) in enumerate(said):
            start = body.index(text)
            quotes.append(Quote(f"{article_id}-q{n}", article_id, text, start, start + len(text),
                                "direct", "said", None, None, speaker, speaker_key=speaker,
                                actor=actor_id))
    actors_out = tuple(
        Actor(actor_id, name, kind, aliases, None,  # type: ignore[arg-type]
              tuple(sorted(mentions.get(actor_id, []), key=lambda m: (m.article, m.start))))
        for actor_id, (name, kind, aliases) in info.items()
    )
    return Corpus(tuple(built), actors_out, tuple(quotes), sentences)


@pytest.fixture(scope="module")
def hand_index() -> SearchIndex:
    return open_search(MemoryLibrary(hand_corpus()))


# ---------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yanukovich", "Yanukovych"),
        ("Navalny", "Navalnyi"),
        ("Navalniy", "Navalny"),
        ("Kasparov", "Kasparow"),
        ("Zelenskiy", "Zelenskyy"),
        ("Yevgeny", "Evgeny"),
        ("Sergeyev", "Sergeev"),
        ("Dostoyevsky", "Dostoevsky"),
        ("Khodorkovsky", "Hodorkovskii"),
        ("Aleksandr", "Alexandr"),
        ("Tchaikovsky", "Chaikovskiy"),
        ("Навальный", "Navalny"),
        ("Hsi", "Xi"),
    ],
)
def test_fold_skeleton_merges_romanisation_variants(a: str, b: str) -> None:
    assert skeleton(fold_token(a)) == skeleton(fold_token(b))


@pytest.mark.parametrize(("a", "b"), [("Kasparov", "Karpov"), ("Guo", "Gao"), ("Putin", "Puting")])
def test_fold_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(fold_token(a)) != skeleton(fold_token(b))


@pytest.mark.parametrize(("raw", "folded"), [("Sécurité", "securite"), ("STRASSE", "strasse"),
                                             ("Straße", "strasse"), ("Øresund", "oresund"),
                                             ("Łódź", "lodz")])
def test_fold_token_case_and_accents(raw: str, folded: str) -> None:
    assert fold_token(raw) == folded


def test_fold_iter_tokens_adds_joined_pairs_with_offsets() -> None:
    text = "Guo Sheng-kun\u2019s remarks"
    tokens = list(iter_tokens(text))
    assert (4, 13, "shengkun") in tokens
    assert all(
        fold_token(text[s:e].replace("-", "")) == t
        for s, e, t in tokens
        if "\u2019" not in text[s:e]
    )


# ---------------------------------------------------------------- query parsing


def test_search_parse_query_phrases_joins_and_prefix() -> None:
    words = parse_query("guo \u201cexternal Forces\u201d Sheng-kun")
    assert [(w.text, w.phrase, w.prefix) for w in words] == [
        ("guo", None, False),
        ("external", 0, False),
        ("forces", 0, False),
        ("shengkun", None, True),
    ]
    assert parse_query("kasparov ")[-1].prefix is False
    assert parse_query('"solo"')[0].phrase is None  # a one-word phrase is a word
    assert parse_query("  ,;  ") == []


# ---------------------------------------------------------------- relevance table (hand corpus)

RELEVANCE = [
    # rule, query, expected top hit kind, expected top hit text (substring)
    ("missing letter", "guo shengkn", "actor", "Guo Sheng-kun"),
    ("word order", "shengkun guo", "actor", "Guo Sheng-kun"),
    ("typos", "safe internt leage", "actor", "Safe Internet League"),
    ("typo, last letter missing", "great firewal", "sentence", "Great Firewall of China"),
    ("swapped letters", "kaspraow", "actor", "Garry Kasparow"),
    ("translit ych/ich", "Yanukovich", "actor", "Viktor Yanukovych"),
    ("translit y/yi", "navalny", "actor", "Alexei Navalnyi"),
    ("translit iy", "Navalniy", "actor", "Alexei Navalnyi"),
    ("translit w/v", "kasparov", "actor", "Garry Kasparow"),
    ("cyrillic", "Навальный", "actor", "Alexei Navalnyi"),
    ("hyphenated name", "Shengkun", "actor", "Guo Sheng-kun"),
    ("hyphenated query", "sheng-kun", "actor", "Guo Sheng-kun"),
    ("split query", "sheng kun", "actor", "Guo Sheng-kun"),
    ("accents folded", "securite nationale", "sentence", "sécurité nationale"),
    ("case folded", "SÉCURITÉ", "sentence", "sécurité"),
    ("curly phrase", "\u201cexternal forces\u201d", "quote", "external forces are using"),
    ("straight phrase", '"external forces"', "quote", "external forces are using"),
    ("every word somewhere", "navalnyi kasparow", "sentence", "Garry Kasparow criticised"),
    ("title", "opposition leadr sentenced", "article", "Opposition leader sentenced"),
    ("quote by speaker", "guo contradictions", "quote", "external forces are using"),
    ("prefix being typed", "kaspa", "actor", "Garry Kasparow"),
    ("markup is data", "[@click=app.quit]", "sentence", "[@click=app.quit]"),
]


@pytest.mark.parametrize(
    ("rule", "query", "kind", "text"), RELEVANCE, ids=[r[0] for r in RELEVANCE]
)
def test_search_relevance_hand_corpus(
    hand_index: SearchIndex, rule: str, query: str, kind: str, text: str
) -> None:
    result = hand_index.search(query)
    assert result.hits, f"{rule}: no hits for {query!r} (suggestion {result.suggestion!r})"
    top = result.hits[0]
    assert (top.kind, text in top.text) == (kind, True), [
        (h.kind, h.text, h.score) for h in result.hits
    ]


def test_search_every_word_must_match(hand_index: SearchIndex) -> None:
    assert hand_index.search("navalnyi kasparow").total == 1
    assert not hand_index.search("navalnyi firewall").hits


def test_search_phrase_must_be_in_order(hand_index: SearchIndex) -> None:
    assert hand_index.search('"great firewall"').hits
    assert hand_index.search('"great firewal"').hits  # fuzzily
    result = hand_index.search('"firewall great"')
    assert not result.hits
    assert result.suggestion == "firewall great"  # the words match, just not as a phrase


def test_search_exact_whole_word_before_fuzzy(hand_index: SearchIndex) -> None:
    # "guard" is a whole word in one article and only near ("guarded", "Guardian") elsewhere.
    hits = hand_index.search("guard ").hits
    assert hits[0].text.startswith("The guard changed") and hits[0].score == 100
    assert all(h.score < 100 for h in hits[1:])


def test_search_actors_first_for_names_then_article_order(hand_index: SearchIndex) -> None:
    result = hand_index.search("guo")
    assert result.name_like
    kinds = [h.kind for h in result.hits]
    assert kinds[0] == "actor"
    sentence_orders = [h.order for h in result.hits if h.kind == "sentence"]
    assert sentence_orders == sorted(sentence_orders)


def test_search_hit_spans_point_at_the_match(hand_index: SearchIndex) -> None:
    hit = hand_index.search("yanukovich kyiv").hits[0]
    assert hit.kind == "sentence"
    assert [hit.text[s:e] for s, e in hit.matches] == ["Yanukovych", "Kyiv"]
    body = hand_corpus().articles[0].text
    assert [body[s:e] for s, e in hit.body_matches] == ["Yanukovych", "Kyiv"]
    assert [hit.context[s:e] for s, e in hit.context_matches] == ["Yanukovych", "Kyiv"]
    actor = hand_index.search("guo shengkun").hits[0]
    assert actor.kind == "actor" and actor.actor == "guo"
    assert body != actor.text and actor.article == "hand2"


def test_search_quote_hits_carry_speaker_and_actor(hand_index: SearchIndex) -> None:
    hit = hand_index.search("external forces", kinds=["quote"]).hits[0]
    assert (hit.kind, hit.actor, hit.speaker) == ("quote", "guo", "Guo Sheng-kun")
    assert "Guo Sheng-kun" in hit.context


def test_search_kinds_and_per_kind(hand_index: SearchIndex) -> None:
    only = hand_index.search("guo", kinds=["sentence"])
    assert only.hits and {h.kind for h in only.hits} == {"sentence"}
    grouped = hand_index.search("guo", per_kind=1)
    assert sorted(h.kind for h in grouped.hits) == sorted(set(h.kind for h in grouped.hits))
    assert set(grouped.by_kind()) >= {"actor", "sentence"}


def test_search_no_hits_gives_nearest_suggestion(hand_index: SearchIndex) -> None:
    result = hand_index.search("kasparow firewal")
    assert not result.hits
    assert result.suggestion  # something close that does match
    assert hand_index.search(result.suggestion).hits
    assert hand_index.search("").hits == ()


@pytest.mark.parametrize(
    ("query", "expected"),
    [("yanukovych", None), ("hsi", None), ("rusia talkz", "russia"),
     ("pelosi officials", "Nancy Pelosi")],
)
def test_search_nearest_shares_a_word_with_the_query(query: str, expected: str | None) -> None:
    body = "Syrian officials met in Russia. Nancy Pelosi spoke after."
    library = MemoryLibrary(
        hand_corpus([
            ("Meeting", body, [("syrian", "Syrian", "group", ()), ("russia", "Russia", "place", ()),
                               ("pelosi", "Nancy Pelosi", "person", ())], []),
        ])
    )
    index = open_search(library)
    result = index.search(query)
    assert not result.hits
    if expected is None:  # nothing near: no name sharing only a few letters ("Syrian")
        assert result.suggestion is None
    else:
        assert result.suggestion is not None
        assert result.suggestion == expected
        assert index.search(result.suggestion).hits


def test_search_numbers_match_exactly(hand_index: SearchIndex) -> None:
    library = MemoryLibrary(
        hand_corpus([("Budget", "The budget for 2018 was cut. In 2019 it grew.", [], [])])
    )
    index = open_search(library)
    hits = index.search("2019 ").hits
    assert [h.text for h in hits] == ["In 2019 it grew."]


@hypothesis_settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(max_size=40) | st.sampled_from(['"', "“”", "-'", "Sheng-", "\x1b]52;", "[b]", "  a  "])
)
def test_search_any_query_gives_valid_spans(hand_index: SearchIndex, query: str) -> None:
    result = hand_index.search(query, suggest=False)
    for hit in result.hits:
        assert 0 <= hit.score <= 100
        for start, end in hit.matches:
            assert 0 <= start < end <= len(hit.text)
        for start, end in hit.context_matches:
            assert 0 <= start < end <= len(hit.context)
        assert "\n" not in hit.context


def test_search_cancelled_raises(hand_index: SearchIndex) -> None:
    with pytest.raises(SearchCancelled):
        hand_index.search("navalny", cancelled=lambda: True)


def test_search_live_newest_query_wins(hand_index: SearchIndex) -> None:
    live = LiveSearch(hand_index, per_kind=3)
    old = live.begin("kasp")
    new = live.begin("kasparow")
    assert live.run(old) is None and not live.is_current(old)
    result = live.run(new)
    assert result is not None and live.is_current(new)
    assert result.hits[0].text == "Garry Kasparow"
    # A ticket that goes stale while searching stops at the next stage.
    calls = []

    def stale_after_first() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(SearchCancelled):
        hand_index.search("navalny kasparow", cancelled=stale_after_first)


# ---------------------------------------------------------------- the saved index


def test_search_index_saved_by_revision_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data")
    library = MemoryLibrary(hand_corpus())
    first = open_search(library, settings)
    files = list((tmp_path / "cache" / "search").glob("search-*.sqlite"))
    assert len(files) == 1 and first.data.path == files[0]
    with sqlite3.connect(files[0]) as conn:
        assert (
            conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
            == library.revision
        )

    import newsdesk.core.search.index as search_index

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("rebuilt although the revision did not change")

    monkeypatch.setattr(search_index, "build_index", no_build)
    again = open_search(library, settings)
    assert again.search("navalny").hits[0].text == "Alexei Navalnyi"
    monkeypatch.undo()

    changed = list(HAND_ARTICLES)
    changed[0] = ("Kyiv talks resume", "Viktor Yanukovych returned.", changed[0][2][:1], [])
    other = MemoryLibrary(hand_corpus(changed))
    assert other.revision != library.revision
    rebuilt = open_search(other, settings)
    assert rebuilt.search("returned").hits
    assert len(list((tmp_path / "cache" / "search").glob("search-*.sqlite"))) == 2


def test_search_index_arrays_are_mapped_from_one_segment_folder(tmp_path: Path) -> None:
    import mmap

    import numpy as np

    settings = Settings(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data")
    library = MemoryLibrary(hand_corpus())
    index = open_search(library, settings)
    base = index.data.post_ids
    while isinstance(base, np.ndarray):
        base = base.base
    assert isinstance(base, memoryview) and isinstance(base.obj, mmap.mmap)  # mapped, not read
    folder = tmp_path / "cache" / "search"
    assert len(list(folder.glob("*.seg"))) == 1
    path = index.data.path
    assert path is not None
    path.unlink()  # rebuilt: the new build's segment replaces the old one
    again = open_search(library, settings)
    assert len(list(folder.glob("*.seg"))) == 1
    assert again.search("navalny").hits[0].text == "Alexei Navalnyi"
    assert index.search("navalny").hits[0].text == "Alexei Navalnyi"  # the old map still reads


def test_search_index_missing_segment_is_rebuilt(tmp_path: Path) -> None:
    import shutil

    settings = Settings(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data")
    library = MemoryLibrary(hand_corpus())
    open_search(library, settings).close()
    for folder in (tmp_path / "cache" / "search").glob("*.seg"):
        shutil.rmtree(folder)
    assert open_search(library, settings).search("kasparov").hits


@given(
    st.lists(st.lists(st.integers(0, 400), max_size=120), min_size=1, max_size=6),
    st.lists(st.integers(0, 400), max_size=200),
    st.sampled_from([0.0, 25.0, 1e9]),
)
@hypothesis_settings(max_examples=150, deadline=None)
def test_search_sparse_scoring_equals_a_dense_scatter(
    postings: list[list[int]], candidates: list[int], cost: float
) -> None:
    import numpy as np

    import newsdesk.core.search.query as query

    n_units = 401
    parts = [
        (np.array(sorted(set(p)), dtype=np.int32), 50 + 7 * i) for i, p in enumerate(postings)
    ]
    dense = np.zeros(n_units, dtype=np.uint8)
    for part, sim in parts:
        dense[part] = sim
    cands = np.array(sorted(set(candidates)), dtype=np.int32)
    costs = (query._SORT_NS, query._SEARCH_NS)
    query._SORT_NS = query._SEARCH_NS = cost  # 0: always sparse, 1e9: always dense
    try:
        units, sims = query._word_units(parts, n_units)
        looked_up = query._word_sims(cands, parts, n_units)
    finally:
        query._SORT_NS, query._SEARCH_NS = costs
    assert units.tolist() == np.flatnonzero(dense).tolist()
    assert sims.tolist() == dense[units].tolist()
    assert looked_up.tolist() == dense[cands].tolist()


def test_search_index_build_cancelled_leaves_no_file(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data")
    with pytest.raises(BuildCancelled):
        open_search(MemoryLibrary(hand_corpus()), settings, cancelled=lambda: True)
    assert list((tmp_path / "cache" / "search").iterdir()) == []


def test_search_index_damaged_file_is_rebuilt(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data")
    library = MemoryLibrary(hand_corpus())
    path = open_search(library, settings).data.path
    assert path is not None
    path.write_bytes(b"not a database at all" * 100)
    assert open_search(library, settings).search("kasparov").hits


# ------------------------------------------------------- relevance table (Wikinews, real spaCy)

WIKINEWS = [
    ("translit Ye/E", "evgeny zinichev", "actor", "Yevgeny Zinichev"),
    ("order and typo", "zinichv yevgeny", "actor", "Yevgeny Zinichev"),
    ("accent", "rossello", "actor", "Rosselló"),
    ("translit iy", "zelenskiy", "actor", "Zelensky"),
    ("translit yy", "zelenskyy", "actor", "Zelensky"),
    ("typo in a name", "greta thunburg", "actor", "Greta Thunberg"),
    ("phrase", '"apartment building"', "article", "apartment building collapses"),
    ("place typo", "magnitogrsk", "actor", "Magnitogorsk"),
    ("short word swapped", "person of the yaer", "article", "Time Person of the Year"),
    ("words across a sentence", "pompeo subpena", "sentence", "subpoena"),
]


@pytest.fixture(scope="module")
def wikinews_library(nlp, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from newsdesk.core.store.index_store import open_library

    base = tmp_path_factory.mktemp("search-wikinews")
    settings = Settings(cache_dir=base / "cache", data_dir=base / "data")
    return open_library([DATA], settings, nlp=nlp).library, settings


@pytest.fixture(scope="module")
def wikinews_index(wikinews_library) -> SearchIndex:  # type: ignore[no-untyped-def]
    library, settings = wikinews_library
    return open_search(library, settings)


@pytest.mark.parametrize(("rule", "query", "kind", "text"), WIKINEWS, ids=[r[0] for r in WIKINEWS])
def test_search_relevance_wikinews(
    wikinews_index: SearchIndex, rule: str, query: str, kind: str, text: str
) -> None:
    result = wikinews_index.search(query)
    assert result.hits, f"{rule}: no hits for {query!r} (suggestion {result.suggestion!r})"
    top = result.hits[0]
    assert (top.kind, text in top.text) == (kind, True), [
        (h.kind, h.text, h.score) for h in result.hits
    ]


def test_search_short_prefix_table_gives_the_same_hits_as_scoring_everything(
    wikinews_library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The build keeps each short prefix's best units per kind; with the table cut to 4 units a
    kind (and every prefix in it) searching a one- or two-letter prefix still equals scoring
    every unit, for every kind filter and both list shapes, totals included."""
    import newsdesk.core.search.query as query
    from newsdesk.core.search.index import build_in_memory

    monkeypatch.setattr(query, "_PREFIX_TABLE_MIN_UNITS", 0)
    monkeypatch.setattr(query, "_PREFIX_TOP", 4)
    monkeypatch.setattr(query, "_MARGIN", 1)
    library, _settings = wikinews_library
    with_table = SearchIndex(build_in_memory(library))
    without = SearchIndex(build_in_memory(library))
    without.data.prefixes = {}
    prefixes = sorted(with_table.data.prefixes)
    assert len(prefixes) > 30 and "t" in prefixes
    used = 0
    for prefix in prefixes:
        for options in (
            {"limit": 2}, {"limit": 3, "per_kind": 1}, {"limit": 2, "kinds": ["sentence"]},
            {"limit": 2, "kinds": ["actor", "quote"]}, {"limit": 20},
        ):
            kept = with_table._kept_prefix(
                parse_query(prefix), options.get("kinds"), options["limit"],  # type: ignore[arg-type]
                options.get("per_kind"),  # type: ignore[arg-type]
            )
            used += kept is not None
            a = with_table.search(prefix, **options)  # type: ignore[arg-type]
            b = without.search(prefix, **options)  # type: ignore[arg-type]
            same = (a.hits, a.total, a.name_like) == (b.hits, b.total, b.name_like)
            assert same, (prefix, options)
    assert used > 100  # the table answered (the limit-20 searches fall back)

