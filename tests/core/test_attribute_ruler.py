"""newsdesk's attribute ruler gives exactly the stock `AttributeRuler`'s annotations."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsdesk.core.pipeline.attribute_ruler import (
    FastAttributeRuler,
    compile_plan,
    replace_stock_ruler,
)

ATTRS = ["POS", "MORPH", "TAG", "LEMMA", "DEP", "HEAD", "NORM", "ENT_IOB", "ENT_TYPE"]

#: Invented sentences: contractions and multi-token patterns ("gon na", "got ta", "let 's",
#: "c'm on", "y' all", "ai n't", an expletive before a copula), pronouns in every case,
#: auxiliaries, paragraph breaks and doubled spaces.
SENTENCES = [
    "We're gonna win this, y'all, said Mira Tolvane.\n\nThey've gotta leave; c'mon!",
    "Let's go.  There is nothin' he ain't doin' for 'em, and there were others.",
    "I told them it was fine, but she said that I should wait because you'd been told.",
    "He'd said he'd go if the council had agreed. Does anyone know something about it?",
    "Those who'd seen it can't say; ours is better than theirs, and hers is older than mine.",
    "Is there anybody here? Once upon a time, everybody got tired and nobody gets paid.",
    "Ol' Brannick Vey wo n't sha n't ca n't: that's what I'd done myself, 'nuff said.",
]


def _stock_copy(ruler: Any) -> AttributeRuler:
    stock = AttributeRuler(ruler.vocab)
    stock.add_patterns(ruler.patterns)
    return stock


def _fast_copy(ruler: AttributeRuler) -> FastAttributeRuler:
    return FastAttributeRuler(_stock_copy(ruler))


def _annotations(doc: Doc) -> tuple[bytes, list[Any]]:
    rows = [(t.pos_, str(t.morph), t.tag_, t.lemma_, t.dep_, t.head.i) for t in doc]
    return doc.to_array(ATTRS).tobytes(), rows


def _both(stock: AttributeRuler, fast: FastAttributeRuler, doc: Doc) -> tuple[Any, Any]:
    return _annotations(stock(doc.copy())), _annotations(fast(doc.copy()))


def _before_ruler(nlp: Any, text: str) -> Doc:
    """`text` annotated by every component up to the attribute ruler."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = component(doc)
    raise AssertionError("no attribute_ruler in the pipeline")


def test_attribute_ruler_replaces_the_models_in_place(nlp) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler)
    names = nlp.pipe_names
    assert names.index("parser") < names.index("attribute_ruler") < names.index("ner")
    assert type(ruler.ruler) is AttributeRuler  # the model's own, wrapped
    assert compile_plan(ruler.ruler) is not None  # the model's patterns take the fast path


@pytest.mark.parametrize("text", SENTENCES)
def test_attribute_ruler_matches_stock_on_parsed_sentences(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    fast = nlp.get_pipe("attribute_ruler")
    stock, mine = _both(_stock_copy(fast), fast, _before_ruler(nlp, text))
    assert mine == stock


def test_attribute_ruler_matches_stock_for_every_tag_and_dependency(nlp) -> None:  # type: ignore[no-untyped-def]
    """Each of the model's tags (and none) on words its patterns name, under varied labels."""
    fast = nlp.get_pipe("attribute_ruler")
    stock = _stock_copy(fast)
    words = ["the", "a", "that", "it", "I", "you", "her", "his", "is", "'s", "was", "had", "do",
             "did", "have", "not", "n't", "well", "there", "gon", "na", "got", "ta", "let",
             "c'm", "on", "y'", "all", "ai", "something", "while", "'d", "ca", "gets", "\n\n",
             " ", "Velmora", "run", "."]
    deps = ["nsubj", "dobj", "pobj", "aux", "auxpass", "ROOT", "ccomp", "mark", "det", "expl",
            "advmod", "quantmod", "dep", ""]
    tags = [*nlp.get_pipe("tagger").labels, ""]
    for tag in tags:
        for shift in range(len(deps)):
            labels = [deps[(i + shift) % len(deps)] for i in range(len(words))]
            doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words),
                      tags=[tag] * len(words), deps=labels,
                      heads=[i if not d else max(i - 1, 0) for i, d in enumerate(labels)])
            before, after = _both(stock, fast, doc)
            assert after == before, (tag, shift)


def test_attribute_ruler_keeps_the_stock_order_across_pattern_shapes(nlp) -> None:  # type: ignore[no-untyped-def]
    """Later patterns win, whichever path (table, rule, Matcher) each takes."""
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns([
        {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNP"}]],
         "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
        {"patterns": [[{"TAG": {"IN": ["NNP", "NNPS"]}}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": "zarn", "TAG": "NN"}]],
         "attrs": {"POS": "PROPN", "LEMMA": "Zarn"}},
        {"patterns": [[{"LOWER": {"REGEX": "^qu"}}]], "attrs": {"LEMMA": "q-word"}},
        {"patterns": [[{"LOWER": "big"}, {"TAG": {"IN": ["NN", "NNS"]}}]],
         "attrs": {"MORPH": "Degree=Pos"}, "index": -1},
        {"patterns": [[{"LOWER": "old"}, {"OP": "?"}, {"LOWER": "zarn"}]],
         "attrs": {"POS": "X", "LEMMA": "zarn-old"}, "index": 0},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "IS_PUNCT": False}]],
         "attrs": {"DEP": "dep"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "noun"}},
    ])
    fast = _fast_copy(stock)
    plan = compile_plan(fast.ruler)
    assert plan is not None and plan.residual is not None  # the optional token: the Matcher's
    words = ["old", "big", "zarn", "quill", "big", "zarns", "old", "zarn", ",", "Quorra"]
    tags = ["JJ", "JJ", "NN", "NN", "JJ", "NNS", "JJ", "NN", ",", "NNP"]
    doc = Doc(nlp.vocab, words=words, tags=tags)
    before, after = _both(stock, fast, doc)
    assert after == before
    done = fast(doc.copy())
    assert [t.lemma_ for t in done][2:4] == ["noun", "noun"]
    assert (done[-1].pos_, str(done[-1].morph)) == ("PROPN", "Number=Sing")


def test_attribute_ruler_falls_back_when_a_pattern_writes_other_fields(nlp) -> None:  # type: ignore[no-untyped-def]
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns([
        {"patterns": [[{"LOWER": "zorvik"}]], "attrs": {"NORM": "zorvik-norm"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    ])
    fast = _fast_copy(stock)
    assert compile_plan(fast.ruler) is None
    doc = Doc(nlp.vocab, words=["Zorvik", "lamp"], tags=["NNP", "NN"])
    before, after = _both(stock, fast, doc)
    assert after == before


def test_attribute_ruler_is_not_swapped_for_a_custom_one(nlp) -> None:  # type: ignore[no-untyped-def]
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("attribute_ruler").add_patterns(  # type: ignore[attr-defined]
        [{"patterns": [[{"LOWER": "zorvik"}]], "attrs": {"NORM": "zorvik-norm"}}]
    )
    assert not replace_stock_ruler(blank)
    assert type(blank.get_pipe("attribute_ruler")) is AttributeRuler
    blank.get_pipe("attribute_ruler").clear()  # type: ignore[attr-defined]
    blank.get_pipe("attribute_ruler").add_patterns(  # type: ignore[attr-defined]
        [{"patterns": [[{"LOWER": "zorvik"}]], "attrs": {"LEMMA": "zorvik"}}]
    )
    assert replace_stock_ruler(blank)
    assert [t.lemma_ for t in blank("The Zorvik")] == ["", "zorvik"]


def test_attribute_ruler_follows_patterns_added_later(nlp) -> None:  # type: ignore[no-untyped-def]
    fast = FastAttributeRuler(AttributeRuler(nlp.vocab))
    doc = Doc(nlp.vocab, words=["Zorvik", "lamp"], tags=["NNP", "NN"])
    assert [t.pos_ for t in fast(doc.copy())] == ["", ""]
    fast.add_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}])
    assert [t.pos_ for t in fast(doc.copy())] == ["", "NOUN"]
    fast.clear()
    fast.add_patterns([{"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}}])
    assert [t.pos_ for t in fast(doc.copy())] == ["PROPN", ""]


def test_attribute_ruler_survives_pickling(nlp) -> None:  # type: ignore[no-untyped-def]
    import pickle

    fast = nlp.get_pipe("attribute_ruler")
    copy = pickle.loads(pickle.dumps(fast))
    doc = _before_ruler(nlp, SENTENCES[0])
    assert _annotations(copy(doc.copy())) == _annotations(fast(doc.copy()))


def test_attribute_ruler_raises_as_stock_for_an_index_outside_the_match(nlp) -> None:  # type: ignore[no-untyped-def]
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns([{"patterns": [[{"LOWER": "zorvik"}]], "attrs": {"LEMMA": "z"}, "index": 2}])
    fast = _fast_copy(stock)
    doc = Doc(nlp.vocab, words=["a", "zorvik", "b", "c"])
    with pytest.raises(ValueError, match="E1001"):
        stock(doc.copy())
    with pytest.raises(ValueError, match="E1001"):
        fast(doc.copy())
