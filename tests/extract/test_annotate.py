"""The stand-ins for the attribute ruler and lemmatizer give the stock model's annotations, token for token."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from claimgraph.extract import annotate, nlp

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
WRITTEN = [
    "The rebels were said to have been smuggling weapons across the border, but nobody has been charged.",
    "Something is wrong: she'd rather be anywhere else than here, and they're gonna find out whether it works.",
    "That group, whose leaders fled in 2019, says it will never negotiate; those that stayed are being tried.",
    "Hmm... U.S. officials met   the ministers\n\nof both countries on Tuesday, the better to hear them out.",
    "",
]


def test_the_stand_ins_take_the_place_of_the_stock_components() -> None:
    names = nlp.load().pipe_names
    assert "claimgraph_attributes" in names and "claimgraph_lemmas" in names
    assert annotate.RULER not in names and annotate.LEMMATIZER not in names


def test_every_token_is_annotated_as_the_stock_model_does() -> None:
    stock = spacy.load(nlp.MODEL)
    fast = spacy.load(nlp.MODEL)
    assert annotate.replaceable(fast)
    annotate.install(fast)
    texts = WRITTEN + [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    tokens = 0
    for want, got in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert [t.text for t in got] == [t.text for t in want]
        if len(want):
            assert np.array_equal(got.to_array(ATTRS), want.to_array(ATTRS)), want.text[:80]
        assert [(t.lemma_, t.pos_, str(t.morph)) for t in got] == [(t.lemma_, t.pos_, str(t.morph)) for t in want]
        tokens += len(want)
    assert tokens > 4_000


def test_a_model_of_another_shape_keeps_its_own_components() -> None:
    model = spacy.blank("en")
    assert not annotate.replaceable(model)
    annotate.install(model)
    assert model.pipe_names == []
