"""The search index follows the corpus article by article: an update equals a full rebuild."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from newsdesk.core.search.index import build_in_memory
from newsdesk.core.search.query import SearchIndex, open_search
from newsdesk.core.settings import Settings
from newsdesk.core.store.index_store import open_library

DATA = Path(__file__).parent.parent / "data" / "quotes"


def _age(path: Path) -> None:
    past = time.time() - 120
    os.utime(path, (past, past))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for source in sorted(DATA.glob("*.txt"))[:10]:
        shutil.copy(source, folder / source.name)
        _age(folder / source.name)
    return folder


def _queries(index: SearchIndex) -> list[str]:
    """Actor names, title words, prefixes and a typo, taken from the index itself."""
    names = index.data.actor_names()[:15]
    words = [w for w in index.data.vocab if len(w) > 5][::97][:15]
    queries = names + words + [w[:2] for w in words[:5]] + [w[:1] for w in words[:3]]
    queries += [w[:3] + w[4:] + " " for w in words[:5]]
    return queries


def _hits(index: SearchIndex, query: str) -> list[object]:
    result = index.search(query, limit=30)
    return [replace(hit, order=0) for hit in result.hits]  # type: ignore[type-var]


def _same_as_full_build(library, index: SearchIndex) -> None:  # type: ignore[no-untyped-def]
    full = SearchIndex(build_in_memory(library))
    queries = _queries(full)
    assert len(queries) > 20
    for query in queries:
        assert _hits(index, query) == _hits(full, query), query


def test_search_update_one_changed_article_equals_a_full_rebuild(
    corpus, tmp_path, nlp, caplog
) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(cache_dir=tmp_path / "cache")
    first = open_library([corpus], settings, nlp=nlp)
    open_search(first.library, settings).close()
    victim = sorted(corpus.glob("*.txt"))[3]
    text = victim.read_text(encoding="utf-8").replace(" said", " told reporters", 2)
    last = text.rindex("\n\n")
    victim.write_text(
        text[:last] + "\n\nMayor Ondine Varga-Whitlock said the bridge would reopen." + text[last:],
        encoding="utf-8",
    )
    _age(victim)
    (sorted(corpus.glob("*.txt"))[7]).unlink()
    added = corpus / "0-added.txt"
    shutil.copy(sorted(DATA.glob("*.txt"))[-1], added)
    _age(added)
    second = open_library([corpus], settings, nlp=nlp)
    assert second.indexed == 2 and second.removed == 1
    caplog.set_level("INFO", logger="newsdesk.core.search.index")
    index = open_search(second.library, settings)
    assert any("updated" in r.getMessage() for r in caplog.records)
    assert index.revision == second.library.revision
    full = SearchIndex(build_in_memory(second.library))
    assert full.search("Varga-Whitlock").hits
    assert index.search("Varga-Whitlock").hits
    _same_as_full_build(second.library, index)
    index.close()
    # The updated file, loaded again in a new index, is just as good.
    again = open_search(second.library, settings)
    _same_as_full_build(second.library, again)
    again.close()


def test_search_update_with_no_new_word_keeps_the_vocabulary(corpus, tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(cache_dir=tmp_path / "cache")
    first = open_library([corpus], settings, nlp=nlp)
    before = open_search(first.library, settings)
    vocab = list(before.data.vocab)
    before.close()
    victim = sorted(corpus.glob("*.txt"))[2]
    text = victim.read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    blocks.insert(4, blocks[3])  # a paragraph said twice: no word comes or goes
    victim.write_text("\n\n".join(blocks), encoding="utf-8")
    _age(victim)
    second = open_library([corpus], settings, nlp=nlp)
    assert second.indexed == 1
    index = open_search(second.library, settings)
    assert index.data.vocab == vocab
    _same_as_full_build(second.library, index)
    index.close()
    again = open_search(second.library, settings)
    _same_as_full_build(second.library, again)
    again.close()


def test_search_update_gives_way_to_a_rebuild_when_much_changed(
    corpus, tmp_path, nlp, caplog
) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(cache_dir=tmp_path / "cache")
    open_search(open_library([corpus], settings, nlp=nlp).library, settings).close()
    for path in sorted(corpus.glob("*.txt"))[:6]:
        path.unlink()
    library = open_library([corpus], settings, nlp=nlp).library
    caplog.set_level("INFO", logger="newsdesk.core.search.index")
    index = open_search(library, settings)
    assert any("rebuilt whole" in r.getMessage() for r in caplog.records)
    _same_as_full_build(library, index)
    assert index.data.path is not None
    with sqlite3.connect(index.data.path) as conn:
        assert (
            conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            == len(library.articles())
            == 4
        )
    index.close()


def test_search_update_twice_on_top_of_the_delta_equals_a_full_rebuild(
    corpus, tmp_path, nlp, caplog
) -> None:  # type: ignore[no-untyped-def]
    """A second update drops delta units (the same article changed again, an added one removed)
    and marks more main units dead; the main segment is never rewritten."""
    settings = Settings(cache_dir=tmp_path / "cache")
    open_search(open_library([corpus], settings, nlp=nlp).library, settings).close()
    segments = sorted(p.name for p in (tmp_path / "cache" / "search").glob("*.seg"))
    victim = sorted(corpus.glob("*.txt"))[4]
    added = corpus / "0-added.txt"
    shutil.copy(sorted(DATA.glob("*.txt"))[-1], added)
    _age(added)
    caplog.set_level("INFO", logger="newsdesk.core.search.index")
    for round_, sentence in enumerate(
        ("Mayor Ondine Varga-Whitlock said the bridge would reopen.",
         "Councillor Tamsin Okonkwo-Reyes said the ferry would run.")
    ):
        text = victim.read_text(encoding="utf-8")
        last = text.rindex("\n\n")
        victim.write_text(text[:last] + "\n\n" + sentence + text[last:], encoding="utf-8")
        _age(victim)
        if round_ == 1:
            added.unlink()
            (sorted(corpus.glob("*.txt"))[1]).unlink()
        library = open_library([corpus], settings, nlp=nlp).library
        caplog.clear()
        index = open_search(library, settings)
        assert any("updated" in r.getMessage() for r in caplog.records)
        assert index.data.n_main > 0 and index.data.dead is not None
        _same_as_full_build(library, index)
        assert index.search("Varga-Whitlock").hits
        index.close()
    again = open_search(library, settings)
    assert again.search("Okonkwo-Reyes").hits
    _same_as_full_build(library, again)
    assert sorted(p.name for p in (tmp_path / "cache" / "search").glob("*.seg")) == segments
    again.close()


def test_search_update_short_prefixes_from_the_table_equal_a_full_rebuild(
    corpus, tmp_path, nlp, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """With a delta, the build's short-prefix table drops dead units and takes in the delta's:
    the table cut to 4 units a kind, every one- and two-letter prefix equals a full rebuild."""
    import newsdesk.core.search.query as query

    monkeypatch.setattr(query, "_PREFIX_TABLE_MIN_UNITS", 0)
    monkeypatch.setattr(query, "_PREFIX_TOP", 4)
    monkeypatch.setattr(query, "_MARGIN", 1)
    settings = Settings(cache_dir=tmp_path / "cache")
    open_search(open_library([corpus], settings, nlp=nlp).library, settings).close()
    victim = sorted(corpus.glob("*.txt"))[3]
    text = victim.read_text(encoding="utf-8").replace(" said", " told reporters", 2)
    victim.write_text(text + "\n\nMayor Ondine Varga-Whitlock said the talks went on.", "utf-8")
    _age(victim)
    (sorted(corpus.glob("*.txt"))[6]).unlink()
    library = open_library([corpus], settings, nlp=nlp).library
    index = open_search(library, settings)
    assert index.data.has_delta and index.data.prefixes
    full = SearchIndex(build_in_memory(library))
    used = 0
    for prefix in sorted(full.data.prefixes):
        for options in (
            {"limit": 2}, {"limit": 3, "per_kind": 1}, {"limit": 2, "kinds": ["quote"]},
        ):
            words = query.parse_query(prefix)
            kept = index._kept_prefix(words, options.get("kinds"), options["limit"],  # type: ignore[arg-type]
                                      options.get("per_kind"))  # type: ignore[arg-type]
            used += kept is not None
            a, b = index.search(prefix, **options), full.search(prefix, **options)  # type: ignore[arg-type]
            assert [replace(h, order=0) for h in a.hits] == [replace(h, order=0) for h in b.hits]
            assert (a.total, a.name_like) == (b.total, b.name_like), (prefix, options)
    assert used > 20
    index.close()
