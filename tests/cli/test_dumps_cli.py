"""`newsdesk index` on dumps and pages: metadata in --json, --fields, bad rows on stderr."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from newsdesk.tui.cli import main

PAGES = Path(__file__).parent.parent / "data" / "pages"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(PAGES / "pennsylvania-party.html", folder)
    rows = [
        {
            "uuid": "k1",
            "hed": "Port strike ends",
            "story": "Dock workers returned on Monday.",
            "byline": "Sam Park",
            "outlet": "Harbour Post",
            "link": "https://harbour.example/k1",
            "pubdate": "2021-05-02",
        },
        {"uuid": "k2", "hed": "No story here"},
    ]
    (folder / "wire.ndjson").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    past = time.time() - 120
    for path in folder.iterdir():
        os.utime(path, (past, past))
    return folder


def test_dumps_cli_json_has_author_source_url_and_row_ids(archive, cli_pipeline, capsys):
    assert main(["index", str(archive), "--json", "--fields", "title=hed"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    by_id = {a["id"]: a for a in data["articles"]}
    row = by_id["wire#k1"]
    assert (row["title"], row["author"], row["source"], row["url"], row["date"]) == (
        "Port strike ends",
        "Sam Park",
        "Harbour Post",
        "https://harbour.example/k1",
        "2021-05-02",
    )
    page = by_id["pennsylvania-party"]
    assert (page["source"], page["author"]) == ("Wikinews", None)
    assert "skipped" in out.err and "row 2: no article text" in out.err
    assert "1 of 2 rows skipped, 1 read" in out.err


def test_dumps_cli_bad_fields_is_one_line_and_exit_2(archive, capsys):
    assert main(["index", str(archive), "--fields", "colour=red"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown role 'colour'" in err
