"""Reading articles: metadata, trailers, paragraphs, cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.pipeline.text import (
    build_article,
    clean_text,
    date_from_url,
    parse_date_line,
    source_from_url,
)


def make(text: str):  # type: ignore[no-untyped-def]
    return build_article(text, article_id="a", path="a.txt", content_hash="h")


def test_text_metadata_from_date_line_and_trailer() -> None:
    article = make(
        "Ferry sinks off Lombok\n\nMarch 3, 2021\n\nA ferry sank on Tuesday, officials said.\n\n"
        "Read more:\n\n[Other story](https://example.org/x)\n\nOriginal url:\n\n"
        "<https://www.theguardian.com/world/2021/03/02/ferry>"
    )
    assert article.title == "Ferry sinks off Lombok"
    assert article.date == "2021-03-03"
    assert article.source == "The Guardian"
    assert article.url == "https://www.theguardian.com/world/2021/03/02/ferry"
    assert article.text == "A ferry sank on Tuesday, officials said."
    assert article.paragraphs == ((0, len(article.text)),)


def test_text_dateline_after_a_header_notice_is_not_body() -> None:
    article = make(
        "Ferry sinks off Lombok\n\nMarch 3, 2021\n\nThis article needs a review by an editor "
        "before it is published.\n\nWednesday, March 3, 2021\n\nA ferry sank on Tuesday.\n\n"
        "March 4, 2021\n\nDivers found the wreck."
    )
    assert article.date == "2021-03-03"
    assert "Wednesday" not in article.text
    assert article.text.endswith(
        "A ferry sank on Tuesday.\n\nMarch 4, 2021\n\nDivers found the wreck."
    )


def test_text_caption_credit_glued_to_a_name_is_set_apart() -> None:
    article = make(
        "Title\n\nThe party met on Monday to choose its nominee for the election.\n\n"
        "Ana RuizImage: Ruiz for Senate.\n\nThe vote was close, officials said."
    )
    assert "Ana Ruiz Image: Ruiz for Senate." in article.text
    assert "The party met on Monday" in article.text


def test_text_credit_line_gives_source_and_is_not_body() -> None:
    article = make(
        "Title\n\nFirst paragraph.\n\nFull article: Title (Radio Example)\n\nComments are closed."
    )
    assert article.source == "Radio Example"
    assert article.text == "First paragraph."


@pytest.mark.parametrize(
    "line", ["READ MORE: Floods close the coast road", "Original url: https://example.org/a"]
)
def test_text_trailer_line_mid_article_drops_only_that_line(line: str) -> None:
    article = make(
        "Title\n\nThe council met on Monday to discuss the budget for the coming year.\n\n"
        f"{line}\n\nShe said it was a fair plan.\n\nThe vote is next week, officials said.\n\n"
        "Read more:\n\n[Other story](https://example.org/x)"
    )
    assert article.text.endswith(
        "She said it was a fair plan.\n\nThe vote is next week, officials said."
    )
    assert line not in article.text and "Other story" not in article.text


def test_text_date_from_url_when_no_date_line() -> None:
    article = make(
        "Title\n\nBody text here.\n\nOriginal url:\n\n<https://news.example.com/2014/04/18/x-y>"
    )
    assert article.date == "2014-04-18"
    assert article.source == "Example"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("January 4, 2019", "2019-01-04"),
        ("Friday, January 4, 2019", "2019-01-04"),
        ("4 January 2019", "2019-01-04"),
        ("2019-01-04", "2019-01-04"),
        ("Sept. 9, 2020", "2020-09-09"),
        ("January 44, 2019", None),
        ("He said on January 4, 2019 that", None),
    ],
)
def test_text_parse_date_line(line: str, iso: str | None) -> None:
    assert parse_date_line(line) == iso


def test_text_date_and_source_from_url() -> None:
    assert date_from_url("https://x.com/2014/04/18/story") == "2014-04-18"
    assert source_from_url("https://www.bbc.co.uk/news/1") == "BBC"
    assert source_from_url("https://www.dailyplanet.co.uk/a") == "Dailyplanet"


def test_text_paragraph_offsets_slice_text() -> None:
    article = make("T\n\nOne line\nwrapped here.\n\nTwo.\r\n\r\nThree.")
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        "One line wrapped here.",
        "Two.",
        "Three.",
    ]


def test_text_clean_strips_escapes_and_invisibles() -> None:
    raw = "a\x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07b\u202ec\u200bd\r\ne\x07"
    assert clean_text(raw) == "ared bcd\ne"


def test_text_markup_is_kept_as_text() -> None:
    assert clean_text("[@click=app.quit]x[/]") == "[@click=app.quit]x[/]"


def test_text_read_article_decodings(tmp_path: Path) -> None:
    from newsdesk.core.pipeline.text import read_article

    cases = {
        "utf8bom.txt": "\ufeffT\n\nCafé said.".encode("utf-8"),
        "cp1252.txt": "T\n\nCaf\u00e9 \u201csaid\u201d.".encode("cp1252"),
        "utf16.txt": "T\n\nCafé said.".encode("utf-16"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert "Café" in read_article(tmp_path / name).text, name
