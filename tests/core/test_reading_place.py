"""The reading place: one row per corpus in the data dir, read back, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.marks.places import PLACES_FILE, ReadingPlace, load_place, save_place
from newsdesk.core.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data")


def test_reading_place_round_trips_per_corpus(settings: Settings, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    assert load_place(settings, [one]) is None
    assert save_place(settings, [one], ReadingPlace("a1", 120, "person:x"))
    assert save_place(settings, [two], ReadingPlace("b7", 0))
    assert load_place(settings, [one]) == ReadingPlace("a1", 120, "person:x")
    assert load_place(settings, [tmp_path / "one" / ".." / "one"]) == ReadingPlace(
        "a1", 120, "person:x"
    )
    assert load_place(settings, [two]) == ReadingPlace("b7", 0, None)
    assert save_place(settings, [one], ReadingPlace("a2", 5))  # replaced, not added
    assert load_place(settings, [one]) == ReadingPlace("a2", 5, None)
    assert (settings.data_dir / PLACES_FILE).is_file()


def test_reading_place_damaged_file_is_skipped_not_raised(
    settings: Settings, tmp_path: Path
) -> None:
    settings.data_dir.mkdir(parents=True)
    (settings.data_dir / PLACES_FILE).write_bytes(b"not a database at all" * 100)
    assert load_place(settings, [tmp_path]) is None
    assert save_place(settings, [tmp_path], ReadingPlace("a1", 1)) is False


def test_reading_place_unwritable_data_dir_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings = Settings.from_env(cache_dir=tmp_path / "cache", data_dir=blocker / "data")
    assert save_place(settings, [tmp_path], ReadingPlace("a1", 1)) is False
    assert load_place(settings, [tmp_path]) is None
