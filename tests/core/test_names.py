"""Name folding: spelling and transliteration variants compare equal, different names don't."""

from __future__ import annotations

import pytest

from newsdesk.core.pipeline.names import (
    acronym_matches,
    fold_name,
    is_acronym,
    looks_like_person_name,
    slug_name,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yanukovich", "Yanukovych"),
        ("Navalny", "Navalnyi"),
        ("Navalny", "Navalnyy"),
        ("Zelensky", "Zelenskiy"),
        ("Alexei", "Aleksey"),
        ("Khodorkovsky", "Hodorkovsky"),
        ("Tchaikovsky", "Chaikovsky"),
        ("Dmitriy", "Dmitry"),
        ("Erdoğan", "Erdogan"),
        ("Rosselló", "Rossello"),
        ("Дмитрий Кошелев", "Dmitry Koshelev"),
        ("The Kremlin", "Kremlin"),
        ("Russia’s", "Russia"),
        ("Russia's", "RUSSIA"),
        ("U.S.", "US"),
        ("O'Rourke", "ORourke"),
        ("World Weather Organisation", "World Weather Organization"),
        ("Ocean Warning Centre", "Ocean Warning Center"),
    ],
)
def test_names_fold_merges_variants(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("Donald Trump", "Donald Trump Jr."),
        ("Kim Jong-un", "Kim Jong-il"),
        ("Austria", "Australia"),
        ("Iran", "Iraq"),
        ("Sudan", "South Sudan"),
        ("Labour Party", "Labor Party"),  # the British and the Australian party
    ],
)
def test_names_fold_keeps_different_names_apart(a: str, b: str) -> None:
    assert fold_name(a) != fold_name(b)


def test_names_fold_is_pure_and_idempotent() -> None:
    for name in ("Yanukovych", "Дмитрий", "The Hague", "São Paulo", "", "  "):
        assert fold_name(fold_name(name)) == fold_name(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SCO", True),
        ("U.S.", True),
        ("PG&E", True),
        ("NATO", True),
        ("Kremlin", False),
        ("I", False),
        ("Guo Shengkun", False),
    ],
)
def test_names_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("SCO", "Shanghai Cooperation Organization", True),
        ("USA", "United States of America", True),
        ("US", "United States", True),
        ("DRC", "Democratic Republic of the Congo", True),
        ("FBI", "Federal Security Service", False),
        ("U.S.", "U.S. Forest Service", False),
        ("US", "US Senate", False),
        # an acronym word in a name gives all its letters, not its first
        ("UN", "UK Navy", False),
        ("UKN", "UK Navy", True),
        ("EUFC", "EU Fisheries Council", True),
    ],
)
def test_names_acronym_matches(acronym: str, name: str, expected: bool) -> None:
    assert acronym_matches(acronym, name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ricardo Rosselló Nevares", True),
        ("Bill de Blasio", True),
        ("Safe Internet League", False),
        ("House of Representatives", False),
        ("Putin", False),
    ],
)
def test_names_looks_like_person_name(name: str, expected: bool) -> None:
    assert looks_like_person_name(name) is expected


def test_names_slug_is_readable_ascii() -> None:
    assert slug_name("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slug_name("The Kremlin") == "kremlin"
    assert slug_name("Дмитрий Кошелев") == "dmitrii-koshelev"
