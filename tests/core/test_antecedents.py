"""The score that ranks whom a pronoun or a role noun means: each feature's effect alone."""

from __future__ import annotations

from dataclasses import replace

from newsdesk.core.models import Mention
from newsdesk.core.pipeline.antecedents import Candidate, best, holder_score, score


def person(name: str, start: int = 0) -> Mention:
    return Mention("t", start, start + len(name), name, "PERSON", name)


#: A plain subject of an earlier sentence, in a subordinate clause, naming "Ana Ruiz".
BASE = Candidate(person("Ana Ruiz"), None, 1, "subject", False, False, False, 0)


def test_antecedents_nearer_sentence_wins() -> None:
    far = replace(BASE, distance=2, spoke=True, main_clause=True)
    assert score(BASE) > score(far)


def test_antecedents_subject_beats_a_mere_mention_even_further_back() -> None:
    mention = replace(BASE, role="mention", distance=0)
    assert score(replace(BASE, distance=3)) > score(mention)


def test_antecedents_the_last_speaker_beats_the_sentences_other_subjects() -> None:
    spoke = replace(BASE, spoke=True, nearness=0)
    topic = replace(BASE, main_clause=True, nearness=1)
    assert best([topic, spoke]) is spoke


def test_antecedents_main_clause_beats_a_subordinate_clause() -> None:
    main = replace(BASE, main_clause=True, nearness=0)
    subordinate = replace(BASE, nearness=1)
    assert best([subordinate, main]) is main


def test_antecedents_what_a_reported_clause_talks_about_comes_last() -> None:
    reported = replace(BASE, role="reported", nearness=3)
    assert score(BASE) > score(reported)
    assert score(replace(BASE, distance=0)) > score(replace(reported, distance=0, nearness=0))


def test_antecedents_a_viewpoint_holder_beats_the_last_speaker() -> None:
    viewpoint = replace(BASE, viewpoint=True)
    assert score(viewpoint) > score(replace(BASE, spoke=True))


def test_antecedents_order_within_a_sentence() -> None:
    # the pronoun's own sentence: the nearest subject; an earlier one: its first (its topic)
    near, far = replace(BASE, distance=0, nearness=0), replace(BASE, distance=0, nearness=1)
    assert score(near) > score(far)
    assert score(replace(BASE, nearness=1)) > score(replace(BASE, nearness=0))


def test_antecedents_role_holder_recent_then_salient_then_latest() -> None:
    recent = replace(BASE, role="mention", distance=1, salience=1, nearness=1)
    salient = replace(BASE, role="mention", distance=4, salience=5, nearness=2)
    latest = replace(BASE, role="mention", distance=3, salience=5, nearness=0)
    assert best([salient, recent], holder_score) is recent
    assert best([latest, replace(salient, salience=2)], holder_score) is latest
    assert best([replace(latest, salience=2), salient], holder_score) is salient
    assert best([salient, latest], holder_score) is latest
