"""Array-at-a-time stand-ins for two of the English model's components, with the same output token for token.

spaCy's attribute ruler runs a Matcher whose 179 patterns are tried at every token (the IN, NOT_IN and REGEX
tests in Python) and sets attributes one match at a time; its rule lemmatizer walks the tokens in Python: together
about a tenth of the whole pipeline's time on news. Here the tag patterns become one table lookup over the doc's TAG
array, every other pattern one boolean test over whole columns (numpy), and lemmas are memoised by (word, POS,
morphology) — everything the rule lemmatizer reads — and written back as one array.
`tests/extract/test_annotate.py` checks that a doc annotated both ways is identical; a model whose patterns do not
fit this shape keeps spaCy's own components (`replaceable`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"


def _tag_only(entry: dict) -> bool:
    pattern = entry["patterns"]
    return (len(pattern) == 1 and len(pattern[0]) == 1 and set(pattern[0][0]) == {"TAG"}
            and isinstance(pattern[0][0]["TAG"], str) and set(entry["attrs"]) <= {"POS", "MORPH"})


def _tag_prefix(patterns: list[dict]) -> int:
    """How many patterns at the start of the ruler test TAG alone."""
    prefix = 0
    while prefix < len(patterns) and _tag_only(patterns[prefix]):
        prefix += 1
    return prefix


def replaceable(model: Language) -> bool:
    """Whether the model's attribute ruler starts with one TAG-only pattern a tag (setting POS and MORPH), its
    other patterns test only what `Pattern` reads, and its lemmatizer is a rule lemmatizer that never overwrites:
    the shape the stand-ins reproduce exactly."""
    if RULER not in model.pipe_names or LEMMATIZER not in model.pipe_names:
        return False
    patterns = model.get_pipe(RULER).patterns  # type: ignore[attr-defined]
    prefix = _tag_prefix(patterns)
    tags = [p["patterns"][0][0]["TAG"] for p in patterns[:prefix]]
    try:
        [Pattern(model.vocab, tokens) for entry in patterns[prefix:] for tokens in entry["patterns"]]
    except ValueError:
        return False
    lemmatizer = model.get_pipe(LEMMATIZER)
    return (prefix > 0 and len(set(tags)) == len(tags)
            and getattr(lemmatizer, "mode", None) == "rule" and not getattr(lemmatizer, "overwrite", True))


BOOLEAN = {"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_SENT_START"}
STRINGS = {"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "ENT_TYPE"}  # columns that hold string hashes


class Predicate:
    """One attribute's test of one token of a pattern, evaluated over a whole column of a doc at once."""

    def __init__(self, vocab: Any, attr: str, value: Any):
        self.attr = attr
        self.test: Callable[[np.ndarray, Doc], np.ndarray]
        if attr in BOOLEAN and isinstance(value, bool):
            self.test = lambda column, doc: column == int(value)
            return
        if attr not in STRINGS:
            raise ValueError(f"unsupported attribute {attr}")
        if isinstance(value, str):
            key = _hash(vocab, value)
            self.test = lambda column, doc: column == key
            return
        if not isinstance(value, dict) or len(value) != 1:
            raise ValueError(f"unsupported value {value!r}")
        [(op, arg)] = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            keys = np.asarray(sorted({_hash(vocab, a) for a in arg}), dtype=np.uint64)
            inside = op == "IN"
            self.test = lambda column, doc: np.isin(column, keys) == inside
        elif op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            memo: dict[int, bool] = {}

            def matches(column: np.ndarray, doc: Doc) -> np.ndarray:
                strings = doc.vocab.strings
                out = [memo.get(key) for key in column.tolist()]
                for i, hit in enumerate(out):
                    if hit is None:
                        key = int(column[i])
                        out[i] = memo[key] = bool(search(strings[key]))
                return np.asarray(out, dtype=bool)

            self.test = matches
        else:
            raise ValueError(f"unsupported operator {op}")


def _hash(vocab: Any, value: str) -> int:
    return 0 if value == "" else int(vocab.strings.add(value))  # '' is a missing value: 0 in the arrays


class Pattern:
    """A token sequence of predicates; `starts` gives every position where it matches."""

    def __init__(self, vocab: Any, tokens: list[dict]):
        if not tokens or any("OP" in token for token in tokens):
            raise ValueError("unsupported pattern")
        self.tokens = [[Predicate(vocab, attr, value) for attr, value in token.items()] for token in tokens]
        self.attrs = sorted({p.attr for token in self.tokens for p in token})

    def starts(self, columns: dict[str, np.ndarray], doc: Doc) -> np.ndarray:
        span = len(self.tokens)
        count = len(doc) - span + 1
        if count <= 0:
            return np.zeros(0, dtype=np.int64)
        mask = np.ones(count, dtype=bool)
        for offset, token in enumerate(self.tokens):
            for predicate in token:
                mask &= predicate.test(columns[predicate.attr][offset : offset + count], doc)
        return np.flatnonzero(mask)


class Attributes:
    """The attribute ruler's patterns, applied in its order: the TAG-only prefix as one lookup, then the rest."""

    def __init__(self, ruler: Any):
        vocab = ruler.vocab
        patterns = ruler.patterns
        self.pos: dict[int, int] = {}
        self.morph: dict[int, int] = {}
        prefix = _tag_prefix(patterns)
        for entry in patterns[:prefix]:
            tag = vocab.strings.add(entry["patterns"][0][0]["TAG"])
            if "POS" in entry["attrs"]:
                self.pos[tag] = POS_IDS[entry["attrs"]["POS"]]
            if "MORPH" in entry["attrs"]:
                self.morph[tag] = vocab.morphology.add(entry["attrs"]["MORPH"])
        self.rest: list[tuple[list[Pattern], dict, int]] = []
        for number, entry in enumerate(patterns[prefix:]):
            self.rest.append(([Pattern(vocab, tokens) for tokens in entry["patterns"]], ruler.attrs[prefix + number],
                              entry.get("index", 0)))
        self.columns = sorted({attr for alternatives, _, _ in self.rest for p in alternatives for attr in p.attrs})

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matches(doc)  # before anything is set
        if len(doc):
            array = doc.to_array([TAG, POS, MORPH])
            tags = array[:, 0].tolist()
            array[:, 1] = [self.pos.get(tag, old) for tag, old in zip(tags, array[:, 1].tolist(), strict=True)]
            array[:, 2] = [self.morph.get(tag, old) for tag, old in zip(tags, array[:, 2].tolist(), strict=True)]
            doc.from_array([POS, MORPH], array[:, 1:].astype(np.uint64))  # type: ignore[arg-type]
        for number, start, end in matches:  # later patterns win, as in spaCy
            _, attrs, index = self.rest[number]
            set_token_attrs(Span(doc, start, end)[index], attrs)
        return doc

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match of the word-specific patterns, in the ruler's order."""
        if not len(doc):
            return []
        table = doc.to_array([IDS[attr] for attr in self.columns])
        columns = {attr: table[:, i] for i, attr in enumerate(self.columns)}
        found: set[tuple[int, int, int]] = set()
        for number, (alternatives, _, _) in enumerate(self.rest):
            for pattern in alternatives:
                width = len(pattern.tokens)
                found.update((number, start, start + width) for start in pattern.starts(columns, doc).tolist())
        return sorted(found)


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
