"""Relations: who targets whom in positions, with the verb and its polarity."""

from __future__ import annotations

import pytest

from newsdesk.core.analysis.relations import find_relations, polarity, relation_json
from newsdesk.core.store.library import MemoryLibrary


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("praised", "support"),
        ("backs", "support"),
        ("welcomed", "support"),
        ("accused", "oppose"),
        ("criticised", "oppose"),
        ("criticizing", "oppose"),
        ("slammed", "oppose"),
        ("condemns", "oppose"),
        ("urged", "neutral"),
        ("called on", "neutral"),
        ("said", "neutral"),
        (None, "neutral"),
        ("did not welcome", "oppose"),  # negated stances carry their negation in the cue
        ("didn't back", "oppose"),
        ("never criticised", "neutral"),
        ("refused to condemn", "neutral"),
        ("refused to endorse", "oppose"),
    ],
)
def test_relations_polarity_from_the_cue_verb(cue: str | None, expected: str) -> None:
    assert polarity(cue) == expected


def test_relations_found_in_stances_and_quotes(summit_library: MemoryLibrary) -> None:
    found = {(r.source_name, r.target_name, r.polarity) for r in find_relations(summit_library)}
    assert ("Maria Lopez", "Angela Novak", "support") in found
    assert ("Angela Novak", "Victor Hale", "oppose") in found
    assert ("Victor Hale", "Angela Novak", "oppose") in found
    assert all(source != target for source, target, _ in found)


def test_relations_of_one_actor_have_it_at_one_end(summit_library: MemoryLibrary) -> None:
    hale = next(a for a in summit_library.actors() if a.name == "Victor Hale")
    mine = find_relations(summit_library, hale.id)
    assert mine and all(hale.id in (r.source, r.target) for r in mine)
    assert {r.source for r in mine} > {hale.id}  # targeted by others too
    everything = find_relations(summit_library)
    assert sorted(map(relation_json, mine), key=str) == sorted(
        (relation_json(r) for r in everything if hale.id in (r.source, r.target)), key=str
    )


def test_relations_json_shape(summit_library: MemoryLibrary) -> None:
    row = relation_json(find_relations(summit_library)[0])
    assert set(row) == {
        "source",
        "source_id",
        "target",
        "target_id",
        "verb",
        "polarity",
        "evidence",
        "article",
        "date",
    }
    assert row["polarity"] in ("support", "oppose", "neutral")
    quote_ids = {q.id for q in summit_library.corpus.quotes}
    assert row["evidence"] in quote_ids


def test_relations_skip_settings_and_modifiers(analyze_text) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.pipeline.indexing import build_corpus

    analysis = analyze_text(
        "Anna Berg criticised American troops in Berlin. Berg said the Paris agreement failed.",
    )
    library = MemoryLibrary(build_corpus([analysis]))
    targets = {r.target_name for r in find_relations(library)}
    assert "American" not in targets  # a nationality modifying "troops" names no one
    assert "Paris" not in targets
    assert "Berlin" not in targets  # a setting, not someone criticised


def test_relations_characterisation_targets_what_it_characterises(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """The quote of `called X a "..."` is the quoted words; X, between the cue and them, is
    still what the position is about."""
    from newsdesk.core.pipeline.indexing import build_corpus

    analysis = analyze_text(
        "Invented test article\n\n"
        "Senator Anna Berg spoke in Denver on Monday. Berg called Victor Hale's budget a "
        '"betrayal of every family in the state".',
    )
    library = MemoryLibrary(build_corpus([analysis]))
    quote = next(q for q in library.corpus.quotes if "betrayal" in q.text)
    assert quote.text == "betrayal of every family in the state"
    found = {(r.source_name, r.target_name) for r in find_relations(library)}
    assert ("Anna Berg", "Victor Hale") in found


# -- quality on the blind-annotated Wikinews articles -------------------------------------

#: Floors a little below what the rules reach (bench/relations_quality.py prints the figures):
#: above the goal of issue 16 for precision, and no slide in recall or polarity. The first set
#: gives 91.8% / 46.2% / 77.8%; the second (annotated after the first was tuned) 100% (7/7) /
#: 27.8% / 71.4%, where one false pair more is 87.5%.
RELATION_FLOORS = {
    "relations": {"precision": 0.88, "recall": 0.44, "polarity": 0.72},
    "relations_blind2": {"precision": 0.85, "recall": 0.25, "polarity": 0.6},
}


@pytest.mark.parametrize("folder", sorted(RELATION_FLOORS))
def test_relations_quality_on_annotated_articles(nlp, folder: str) -> None:  # type: ignore[no-untyped-def]
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    bench = root / "bench"
    sys.path.insert(0, str(bench))  # relations_quality indexes with bench/quality.py
    try:
        from bench_scripts import load_bench

        module = load_bench("relations_quality")
        score = module.evaluate(nlp, root / "tests" / "data" / folder)
    finally:
        sys.path.remove(str(bench))
    figures = {
        "precision": score.ratio(score.precision),
        "recall": score.ratio(score.recall),
        "polarity": score.ratio(score.polarity),
    }
    floors = RELATION_FLOORS[folder]
    low = {k: round(v, 3) for k, v in figures.items() if v < floors[k]}
    assert not low, f"relation quality fell below the floor: {low}\n" + "\n".join(score.notes)


def test_relations_position_ends_where_a_second_source_begins() -> None:
    from newsdesk.core.analysis.relations import position_end
    from newsdesk.core.models import Quote

    text = "Moreau said the deal was bad while Kessler wrote he had asked the Guard."
    second = text.index("Kessler")
    reported = Quote("q", "a", text[12:], 12, len(text), "mixed", "said", 7, 11, "Moreau", 0, 6)
    speakers = [(0, 6), (second, second + len("Kessler"))]
    assert position_end(reported, speakers) == second
    quoted = Quote("q", "a", text[12:], 12, len(text), "direct", "said", 7, 11, "Moreau", 0, 6)
    assert position_end(quoted, speakers) == len(text)  # the source's own words go on


def test_relations_direct_quote_ends_at_a_speaker_past_its_marks() -> None:
    from newsdesk.core.analysis.relations import position_end
    from newsdesk.core.models import Quote

    text = 'Hale wrote, "A sad loss." Kessler also reacted, "Sad news about Ivo."'
    second = text.index("Kessler")
    quote = Quote("q", "a", text[12:], 12, len(text) - 1, "direct", "wrote", 5, 10, "Hale", 0, 4)
    assert position_end(quote, [(0, 4), (second, second + 7)], text) == second


def test_relations_skip_words_a_nearer_person_may_have_said() -> None:
    from dataclasses import replace

    from newsdesk.core.analysis.relations import someone_between
    from newsdesk.core.models import Mention, Quote

    text = 'said Hale in a statement. Kessler also reacted, "Sad news about Ivo."'
    start = text.index("Sad")
    quote = Quote("q", "a", "", start, len(text) - 2, "direct", "said", 0, 4, "Hale", 5, 9)
    kessler = Mention(
        "a", text.index("Kessler"), text.index("Kessler") + 7, "Kessler", "PERSON", "Kessler"
    )
    hale = Mention("a", 5, 9, "Hale", "PERSON", "Hale")
    actor_of = {"Kessler": "kessler", "Hale": "hale"}
    quote = replace(quote, actor="hale")
    assert someone_between(quote, [hale, kessler], text, lambda m: actor_of[m.text])
    same_sentence = 'said Hale, Kessler beside him, "Sad news about Ivo."'
    start = same_sentence.index("Sad")
    near = Quote(
        "q",
        "a",
        "",
        start,
        len(same_sentence) - 2,
        "direct",
        "said",
        0,
        4,
        "Hale",
        5,
        9,
        actor="hale",
    )
    kessler = Mention("a", 11, 18, "Kessler", "PERSON", "Kessler")
    assert not someone_between(near, [hale, kessler], same_sentence, lambda m: actor_of[m.text])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to Hale's critics, this is a ploy.", True),
        ("According to Hale's many opponents, this is a ploy.", True),
        ("According to Hale's office, this is a plan.", False),
        ("According to Hale, this is a plan.", False),
    ],
)
def test_relations_skip_words_of_the_speakers_adversaries(text: str, expected: bool) -> None:
    from newsdesk.core.analysis.relations import speaks_against_itself
    from newsdesk.core.models import Quote

    start = text.index(",") + 2
    quote = Quote(
        "q", "a", text[start:], start, len(text), "indirect", "According to", 0, 12, "Hale", 13, 17
    )
    assert speaks_against_itself(quote, text) is expected
