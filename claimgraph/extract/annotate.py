"""Array-at-a-time stand-ins for two of the English model's components, with the same output token for token.

spaCy's attribute ruler makes a Span and sets attributes one match at a time (every token matches its tag's
pattern), and its rule lemmatizer walks the tokens in Python: together about a sixth of the whole pipeline's time
on news. Here the tag patterns become one table lookup over the doc's TAG array, the few word-specific patterns
still go through a Matcher, and lemmas are memoised by (word, POS, morphology) — everything the rule lemmatizer
reads — and written back as one array. `tests/extract/test_annotate.py` checks that a doc annotated both ways is
identical; a model whose patterns do not fit this shape keeps spaCy's own components (`replaceable`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"


def _tag_only(entry: dict) -> bool:
    pattern = entry["patterns"]
    return (len(pattern) == 1 and len(pattern[0]) == 1 and set(pattern[0][0]) == {"TAG"}
            and isinstance(pattern[0][0]["TAG"], str) and set(entry["attrs"]) <= {"POS", "MORPH"})


def replaceable(model: Language) -> bool:
    """Whether the model's attribute ruler starts with one TAG-only pattern a tag (setting POS and MORPH) and its
    lemmatizer is a rule lemmatizer that never overwrites: the shape the stand-ins reproduce exactly."""
    if RULER not in model.pipe_names or LEMMATIZER not in model.pipe_names:
        return False
    patterns = model.get_pipe(RULER).patterns  # type: ignore[attr-defined]
    prefix = 0
    while prefix < len(patterns) and _tag_only(patterns[prefix]):
        prefix += 1
    tags = [p["patterns"][0][0]["TAG"] for p in patterns[:prefix]]
    rest_tag_only = any(_tag_only(p) for p in patterns[prefix:])
    lemmatizer = model.get_pipe(LEMMATIZER)
    return (prefix > 0 and len(set(tags)) == len(tags) and not rest_tag_only
            and getattr(lemmatizer, "mode", None) == "rule" and not getattr(lemmatizer, "overwrite", True))


class Attributes:
    """The attribute ruler's patterns, applied in its order: the TAG-only prefix as one lookup, then the rest."""

    def __init__(self, ruler: Any):
        vocab = ruler.vocab
        patterns = ruler.patterns
        self.pos: dict[int, int] = {}
        self.morph: dict[int, int] = {}
        prefix = 0
        while prefix < len(patterns) and _tag_only(patterns[prefix]):
            entry = patterns[prefix]
            tag = vocab.strings.add(entry["patterns"][0][0]["TAG"])
            if "POS" in entry["attrs"]:
                self.pos[tag] = POS_IDS[entry["attrs"]["POS"]]
            if "MORPH" in entry["attrs"]:
                self.morph[tag] = vocab.morphology.add(entry["attrs"]["MORPH"])
            prefix += 1
        self.matcher = Matcher(vocab, validate=False)
        self.rest: list[tuple[dict, int]] = []
        for number, entry in enumerate(patterns[prefix:]):
            self.matcher.add(str(number), entry["patterns"])
            self.rest.append((ruler.attrs[prefix + number], entry.get("index", 0)))

    def __call__(self, doc: Doc) -> Doc:
        matches = sorted((int(doc.vocab.strings[key]), start, end)
                         for key, start, end in self.matcher(doc, allow_missing=True))  # before anything is set
        if len(doc):
            array = doc.to_array([TAG, POS, MORPH])
            tags = array[:, 0].tolist()
            array[:, 1] = [self.pos.get(tag, old) for tag, old in zip(tags, array[:, 1].tolist(), strict=True)]
            array[:, 2] = [self.morph.get(tag, old) for tag, old in zip(tags, array[:, 2].tolist(), strict=True)]
            doc.from_array([POS, MORPH], array[:, 1:].astype(np.uint64))  # type: ignore[arg-type]
        for number, start, end in matches:  # later patterns win, as in spaCy
            attrs, index = self.rest[number]
            set_token_attrs(Span(doc, start, end)[index], attrs)
        return doc


class Lemmas:
    """The rule lemmatizer's lemma of every token without one, memoised by what it reads: the word, its POS and
    its morphology."""

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        memo, strings = self.memo, doc.vocab.strings
        lemmas = array[:, 3].tolist()
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory("claimgraph_attributes")
def make_attributes(nlp: Language, name: str) -> Attributes:
    return Attributes(nlp.get_pipe(RULER))


@Language.factory("claimgraph_lemmas")
def make_lemmas(nlp: Language, name: str) -> Lemmas:
    return Lemmas(nlp.get_pipe(LEMMATIZER))


def install(model: Language) -> None:
    """Put the stand-ins in the place of the model's attribute ruler and lemmatizer (when `replaceable`)."""
    if not replaceable(model):
        return
    model.add_pipe("claimgraph_attributes", before=RULER)
    model.add_pipe("claimgraph_lemmas", before=LEMMATIZER)
    model.remove_pipe(RULER)
    model.remove_pipe(LEMMATIZER)
