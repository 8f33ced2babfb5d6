"""Readers: saved pages, JSONL/CSV/TSV/JSON-array dumps, gzip, field conventions, bad rows."""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.core.models import Article, SkippedFile
from newsdesk.core.pipeline.readers import FieldMap, FieldsError, read_articles_in, read_single
from newsdesk.core.pipeline.readers.records import metadata_date
from newsdesk.core.pipeline.scan import scan

PAGES = Path(__file__).parent.parent / "data" / "pages"
PAGE_NAMES = sorted(p.stem for p in PAGES.glob("*.html"))


def _read(
    path: Path, fields: str = "", max_bytes: int = 2_000_000
) -> tuple[list[Article], list[str]]:
    articles: list[Article] = []
    skipped: list[str] = []
    file_id = scan([path])[0][0].id
    for item in read_articles_in(
        str(path), file_id=file_id, fields=FieldMap.parse(fields), max_bytes=max_bytes
    ):
        if isinstance(item, SkippedFile):
            skipped.append(item.reason)
        else:
            articles.append(item)
    return articles, skipped


# ---------------------------------------------------------------------------------------------
# Saved pages


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_readers_html_page_gives_main_text_and_metadata(name: str) -> None:
    expected = json.loads((PAGES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    article = read_single(str(PAGES / f"{name}.html"), article_id=name, max_bytes=None)
    # Exactly the article's paragraphs: no menu, sidebar, comments, "Read more" or footer.
    assert [article.text[s:e] for s, e in article.paragraphs] == expected["paragraphs"]
    for chrome in (
        "Random article",
        "Share this article",
        "Read more",
        "reader42",
        "Have an opinion",
        "Privacy policy",
        "Creative Commons",
    ):
        assert chrome not in article.text
    assert article.title == expected["title"]
    assert article.date == expected["date"]
    assert article.url == expected["url"]
    assert article.source == "Wikinews"


def test_readers_html_page_author_from_meta_tag() -> None:
    article = read_single(str(PAGES / "mindanao-cathedral.html"), article_id="m", max_bytes=None)
    assert article.author == "Wikinews contributors"


def test_readers_html_gzipped_page_reads_the_same(tmp_path: Path) -> None:
    source = PAGES / "alexei-leonov.html"
    packed = tmp_path / "alexei-leonov.html.gz"
    packed.write_bytes(gzip.compress(source.read_bytes()))
    plain = read_single(str(source), article_id="a", max_bytes=None)
    unpacked = read_single(str(packed), article_id="a", max_bytes=None)
    assert (unpacked.text, unpacked.title, unpacked.date) == (plain.text, plain.title, plain.date)


def test_readers_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(
        "<html><head><title>Login</title></head><body><script>go()</script></body></html>",
        encoding="utf-8",
    )
    articles, skipped = _read(page)
    assert articles == [] and skipped == ["no article text found in the page"]


# ---------------------------------------------------------------------------------------------
# Dumps: formats and conventions

ROWS = [
    {
        "id": "a1",
        "headline": "Minister resigns over budget",
        "body": 'The minister resigned on Monday.\nShe said "I am done", officials said.',
        "published_at": "2019-03-04T10:00:00Z",
        "source": {"id": "ex", "name": "Example News"},
        "url": "https://example.com/2019/03/04/minister",
        "authors": ["Jane Roe", "John Doe"],
    },
    {
        "id": "a2",
        "title": "Bridge to reopen",
        "content": "The mayor said the bridge would reopen on Friday.",
        "pubDate": "Fri, 08 Mar 2019 10:00:00 GMT",
        "outlet": "City Paper",
        "byline": "Ann Lee",
    },
    {
        "title": "No id here",
        "text": "A row with neither id nor url keeps a hash key.",
        "date": "January 5, 2019",
        "media_name": "Wire",
    },
]


def _write(path: Path, rows: list[dict[str, object]], kind: str) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as out:  # type: ignore[operator]
        if kind == "jsonl":
            for row in rows:
                out.write(json.dumps(row) + "\n")
        elif kind == "json":
            json.dump(rows, out)
        else:
            names = list(dict.fromkeys(k for row in rows for k in row))
            writer = csv.writer(out, delimiter="\t" if kind == "tsv" else ",")
            writer.writerow(names)
            for row in rows:
                writer.writerow([_cell(row.get(n)) for n in names])
    return path


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value)  # what a scraper's CSV export does with nested values
    return str(value)


@pytest.mark.parametrize(
    "name,kind",
    [
        ("news.jsonl", "jsonl"),
        ("news.ndjson", "jsonl"),
        ("news.json", "json"),
        ("news.jsonl.gz", "jsonl"),
        ("news.json.gz", "json"),
    ],
)
def test_readers_json_dumps_one_article_per_row_with_metadata(tmp_path, name, kind) -> None:
    articles, skipped = _read(_write(tmp_path / name, ROWS, kind))
    assert skipped == []
    first, second, third = articles
    assert [a.id for a in articles[:2]] == ["news#a1", "news#a2"]
    assert third.id.startswith("news#") and len(third.id) == len("news#") + 12
    assert first.title == "Minister resigns over budget"
    assert first.text == 'The minister resigned on Monday.\n\nShe said "I am done", officials said.'
    assert first.paragraphs == ((0, 32), (34, 71))
    assert (first.date, first.source, first.author) == (
        "2019-03-04",
        "Example News",
        "Jane Roe, John Doe",
    )
    assert first.url == "https://example.com/2019/03/04/minister"
    assert (second.date, second.source, second.author) == ("2019-03-08", "City Paper", "Ann Lee")
    assert (third.date, third.source, third.url) == ("2019-01-05", "Wire", None)
    assert len({a.content_hash for a in articles}) == 3


@pytest.mark.parametrize(
    "name,kind", [("news.csv", "csv"), ("news.tsv", "tsv"), ("news.csv.gz", "csv")]
)
def test_readers_delimited_dumps_match_the_jsonl(tmp_path, name, kind) -> None:
    flat = [{k: v for k, v in row.items() if not isinstance(v, (dict, list))} for row in ROWS]
    articles, skipped = _read(_write(tmp_path / name, flat, kind))
    reference, _ = _read(_write(tmp_path / "ref.jsonl", flat, "jsonl"))
    assert skipped == []
    assert [
        (a.id.split("#")[1], a.title, a.text, a.date, a.source, a.author) for a in articles
    ] == [(a.id.split("#")[1], a.title, a.text, a.date, a.source, a.author) for a in reference]


def test_readers_csv_field_longer_than_the_csv_module_default(tmp_path) -> None:
    body = "The council said the plan would work. " * 20_000  # 760 kB, past csv's 128 KiB
    path = _write(tmp_path / "long.csv", [{"title": "Long", "text": body}], "csv")
    articles, skipped = _read(path)
    assert skipped == [] and articles[0].text == body.strip()


def test_readers_size_limit_applies_per_row_not_per_file(tmp_path) -> None:
    rows = [{"id": str(n), "text": f"Row {n} says the budget passed. " * 30} for n in range(200)]
    rows.insert(5, {"id": "big", "text": "x " * 20_000})
    path = _write(tmp_path / "many.jsonl", rows, "jsonl")
    assert path.stat().st_size > 100_000
    articles, skipped = _read(path, max_bytes=20_000)
    assert len(articles) == 200
    assert skipped[0].startswith("row 6: over the size limit")


def test_readers_fields_override_picks_the_named_fields(tmp_path) -> None:
    rows = [
        {
            "hed": "Chosen title",
            "title": "Section name",
            "copy": "Body from copy.",
            "text": "Teaser text.",
            "when": "2020-02-02",
        }
    ]
    path = _write(tmp_path / "odd.jsonl", rows, "jsonl")
    default, _ = _read(path)
    assert (default[0].title, default[0].text) == ("Section name", "Teaser text.")
    chosen, _ = _read(path, fields="title=hed,text=copy,date=when")
    assert (chosen[0].title, chosen[0].text, chosen[0].date) == (
        "Chosen title",
        "Body from copy.",
        "2020-02-02",
    )


@pytest.mark.parametrize("spec", ["title", "title=", "colour=red", "=body"])
def test_readers_fields_bad_spec_is_one_clear_error(spec: str) -> None:
    with pytest.raises(FieldsError, match="--fields"):
        FieldMap.parse(spec)


def test_readers_fields_fingerprint_ignores_order() -> None:
    assert (
        FieldMap.parse("text=body,title=hed").fingerprint()
        == FieldMap.parse(" title=hed , text=body").fingerprint()
    )
    assert FieldMap.parse("").fingerprint() == ""


def test_readers_html_in_a_text_field_goes_through_the_extractor(tmp_path) -> None:
    para = (
        "The minister said on <b>Monday</b> that the plan, which was <a href='/x'>announced "
        "last year</a>, would go ahead despite protests in the capital and elsewhere."
    )
    html = f"<div><p>{para}</p><p>{para.replace('minister', 'mayor')}</p></div>"
    articles, _ = _read(_write(tmp_path / "h.jsonl", [{"title": "T", "html": html}], "jsonl"))
    text = articles[0].text
    assert "<" not in text and "Monday" in text and "announced last year" in text
    assert len(articles[0].paragraphs) == 2


def test_readers_row_ids_use_id_then_url_then_hash_and_number_repeats(tmp_path) -> None:
    rows = [
        {"id": 7, "text": "One."},
        {"id": 7, "text": "Two."},
        {"id": 7, "text": "Three."},
        {"url": "https://www.example.com/news/a?b=1", "text": "Four."},
        {"text": "Five."},
        {"text": "Five."},
    ]
    articles, _ = _read(_write(tmp_path / "ids.jsonl", rows, "jsonl"))
    ids = [a.id for a in articles]
    assert ids[:4] == ["ids#7", "ids#7-2", "ids#7-3", "ids#example.com-news-a-b-1"]
    assert ids[4] != ids[5] and ids[5] == ids[4] + "-2"


def test_readers_rows_keep_ids_and_hashes_when_rows_move(tmp_path) -> None:
    """Marks key on (id, content hash): adding, removing and reordering rows must keep both."""
    rows = [{"title": f"T{n}", "text": f"Story number {n} said the mayor."} for n in range(6)]
    before, _ = _read(_write(tmp_path / "d.jsonl", rows, "jsonl"))
    moved = [rows[3], {"title": "New", "text": "A new row."}, rows[0], rows[5], rows[1]]
    after, _ = _read(_write(tmp_path / "d.jsonl", moved, "jsonl"))
    old = {(a.title, a.id, a.content_hash) for a in before}
    assert {(a.title, a.id, a.content_hash) for a in after if a.title != "New"} <= old


def test_readers_metadata_date_wins_over_the_date_in_the_text(tmp_path) -> None:
    rows = [{"title": "T", "date": "2021-06-01", "text": "May 3, 2019\n\nThe body says little."}]
    articles, _ = _read(_write(tmp_path / "d.jsonl", rows, "jsonl"))
    assert articles[0].date == "2021-06-01" and articles[0].text == "The body says little."


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2019-01-04", "2019-01-04"),
        ("2019-01-04T23:10:00+02:00", "2019-01-04"),
        ("Fri, 04 Jan 2019 10:00:00 GMT", "2019-01-04"),
        ("January 4, 2019", "2019-01-04"),
        ("4 January 2019", "2019-01-04"),
        ("20190104", "2019-01-04"),
        ("1546560000", "2019-01-04"),
        ("1546560000000", "2019-01-04"),
        ("2019-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_readers_metadata_date_formats(value: str, expected: str | None) -> None:
    assert metadata_date(value) == expected


# ---------------------------------------------------------------------------------------------
# Bad rows


def test_readers_bad_rows_are_skipped_one_line_each_with_a_summary(tmp_path) -> None:
    jsonl = tmp_path / "bad.jsonl"
    lead = b"".join(
        b'{"title": "Lead", "text": "Caf\xc3\xa9 owners said so. %s"}\n' % (b"x" * 500)
        for _ in range(20)
    )  # a UTF-8 file: its start decodes, so a stray byte further on is one bad row
    jsonl.write_bytes(
        lead + b'{"title": "Good", "text": "Good row one."}\n'
        b'{"title": "Broken", "text": "no closing\n'
        b'{"title": "Empty", "text": "  "}\n'
        b'["a", "list"]\n'
        b'{"title": "Bad byte", "text": "caf\xe9 \xff"}\n'
        b"\n"
        b'{"title": "Good", "text": "Good row two."}\n'
    )
    articles, skipped = _read(jsonl)
    assert [a.text for a in articles[20:]] == ["Good row one.", "Good row two."]
    assert articles[0].text.startswith("Café owners")
    assert [s.split(":")[0] for s in skipped[:4]] == ["row 22", "row 23", "row 24", "row 25"]
    assert "malformed JSON" in skipped[0] and "no article text" in skipped[1]
    assert "not an object" in skipped[2] and "not UTF-8 text" in skipped[3]
    assert skipped[4] == "4 of 26 rows skipped, 22 read"


def test_readers_windows_1252_dump_is_decoded_as_such(tmp_path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes(
        "title,text\nCaf\u00e9,\u201cSmart\u201d quotes \u2014 dashes.\n".encode("cp1252")
    )
    articles, skipped = _read(path)
    assert skipped == [] and articles[0].title == "Caf\u00e9"
    assert articles[0].text == "\u201cSmart\u201d quotes \u2014 dashes."


def test_readers_broken_csv_quote_skips_that_row_only(tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        'title,text\nOne,First row.\n"Two" oops,Second row.\nThree,"Third, quoted."\n'
        "Four,Fourth row.,extra\nFive,Fifth row.\n",
        encoding="utf-8",
    )
    articles, skipped = _read(path)
    assert [a.title for a in articles] == ["One", "Three", "Five"]
    assert skipped[0].startswith("row 2: broken quoting") and skipped[1].startswith(
        "row 4: 3 fields"
    )


def test_readers_short_csv_row_is_not_blamed_on_a_quote(tmp_path) -> None:
    path = tmp_path / "short.csv"
    path.write_text(
        'title,text,author\n"Broken row","only two"\nOne,"Runs on, as a stray ""quote\n'
        'opens a field",x,y\n',
        encoding="utf-8",
    )
    _articles, skipped = _read(path)
    assert skipped[0] == "row 1: 2 fields where the header has 3"
    assert skipped[1] == "row 2: 4 fields where the header has 3 (lines 3-4: a broken quote?)"


def test_readers_empty_text_field_is_not_sent_to_fields(tmp_path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        '{"title": "Empty", "text": ""}\n{"title": "None", "body2": "x"}\n', encoding="utf-8"
    )
    _articles, skipped = _read(path)
    assert skipped[0] == "row 1: no article text (its field 'text' is empty)"
    assert skipped[1] == "row 2: no article text (no text field; name it with --fields text=FIELD)"


def test_readers_damaged_gzip_keeps_the_rows_before_the_damage(tmp_path) -> None:
    rows = [{"id": str(n), "text": f"Row {n} of the dump. " * 50} for n in range(300)]
    packed = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    articles, skipped = _read(path)
    assert 0 < len(articles) < 300 and "cut short" in skipped[-2]
    assert skipped[-1] == f"1 of {len(articles) + 1} rows skipped, {len(articles)} read"


def test_readers_json_array_malformed_item_keeps_the_items_before(tmp_path) -> None:
    path = tmp_path / "arr.json"
    path.write_text('[{"text": "One."}, {"text": "Two."}, {"text": oops}, {"text": "Four."}]')
    articles, skipped = _read(path)
    assert [a.text for a in articles] == ["One.", "Two."]
    assert skipped == [
        "row 3: malformed JSON (Expecting value); rest of file skipped",
        "1 of 3 rows skipped, 2 read",
    ]


def test_readers_json_object_without_articles_is_skipped(tmp_path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"quotes": []}')
    articles, skipped = _read(path)
    assert articles == [] and skipped == [
        "a JSON object without a list of articles "
        '(newsdesk reads [{...}, {...}] or {"articles": [...]})'
    ]


def test_readers_json_api_response_wrapping_its_articles(tmp_path) -> None:
    path = tmp_path / "response.json"
    path.write_text(json.dumps({"status": "ok", "totalResults": 2, "articles": ROWS[:2]}))
    articles, skipped = _read(path)
    assert skipped == [] and [a.id for a in articles] == ["response#a1", "response#a2"]
    nested = tmp_path / "nested.json"
    nested.write_text(json.dumps({"response": {"docs": ROWS[2:]}}))
    assert [a.title for a in _read(nested)[0]] == ["No id here"]


def test_readers_scan_finds_every_format_with_stem_ids(tmp_path) -> None:
    for name in (
        "a.jsonl",
        "b.ndjson.gz",
        "c.csv",
        "d.TSV",
        "e.json",
        "f.html",
        "g.htm.gz",
        "h.txt.gz",
        "i.xlsx",
    ):
        (tmp_path / name).write_bytes(b"x")
    files, skipped = scan([tmp_path])
    assert [f.id for f in files] == ["a", "b", "c", "d", "e", "f", "g", "h"]
    assert [f.dump for f in files] == [True] * 5 + [False] * 3
    assert scan([tmp_path / "b.ndjson.gz"])[0][0].dump
    assert [Path(s.path).name for s in skipped] == ["i.xlsx"]


# ---------------------------------------------------------------------------------------------
# Hostile rows

_HOSTILE = st.sampled_from(
    [
        "\x1b[31m",
        "\x1b]52;c;ZXZpbA==\x07",
        "\x1b]8;;https://evil.example\x1b\\",
        "\u202e",
        "\u2066",
        "\u200b",
        "\x00",
        "\x07",
        "\x9b1m",
        "\r",
        "[@click=app.quit]",
        "$accent",
        "\ufeff",
    ]
)
_PIECE = st.one_of(
    _HOSTILE,
    st.text(st.characters(codec="utf-8"), max_size=8),
    st.sampled_from(["Minister ", "said ", "the ", "plan. ", "\n", "\n\n"]),
)
_VALUE = st.lists(_PIECE, min_size=1, max_size=12).map("".join)
_BAD = set(chr(c) for c in range(0x20) if c not in (0x0A,)) | set(chr(c) for c in range(0x7F, 0xA0))
_BAD |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\ufeff")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                "title": _VALUE,
                "text": _VALUE,
                "author": _VALUE,
                "source": _VALUE,
                "date": _VALUE,
                "url": _VALUE.map(lambda v: "https://example.com/" + v),
            }
        ),
        min_size=1,
        max_size=4,
    ),
    kind=st.sampled_from(["jsonl", "csv", "json"]),
)
def test_readers_hostile_rows_are_cleaned_in_every_field(tmp_path, rows, kind) -> None:
    folder = tmp_path / f"h{abs(hash((kind, json.dumps(rows))))}"
    folder.mkdir()
    path = _write(folder / f"dump.{kind}", rows, kind)
    articles, skipped = _read(path)
    assert len(articles) + sum(1 for s in skipped if s.startswith("row ")) == len(rows)
    for article in articles:
        for value in (
            article.title,
            article.text,
            article.author,
            article.source,
            article.url,
            article.date,
        ):
            assert value is None or not (set(value) & _BAD), repr(value)
        for field in (article.title, article.author, article.source, article.url):
            assert field is None or "\n" not in field
        for start, end in article.paragraphs:
            assert article.text[start:end].strip() == article.text[start:end]
    shutil.rmtree(folder)
