"""Who speaks inside quotation marks: '"...," said X.', 'X said: "..."', and a quote that follows one of
X's without a speaker of its own (the same speaker goes on, as news style has it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from claimgraph.extract.arguments import Arguments
from claimgraph.extract.cues import speaker
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention

OPEN_CLOSE = re.compile(r"“[^”]{2,}”|\"[^\"\n]{2,}\"")


@dataclass(frozen=True)
class Quote:
    start: int  # character offsets of the quoted words, marks included
    end: int
    speaker: Mention


def quotes(doc: Doc, args: Arguments, lex: Lexicon) -> list[Quote]:
    found: list[Quote] = []
    previous: Quote | None = None
    text = doc.text  # once: spaCy joins every token again on each `doc.text`
    for match in OPEN_CLOSE.finditer(text):
        start, end = match.start(), match.end()
        speaker = _speaker_after(doc, len(text), end, args, lex) or _speaker_before(doc, start, args, lex)
        if speaker is None and previous is not None and _same_paragraph(text, previous.end, start):
            speaker = previous.speaker
        if speaker is not None:
            previous = Quote(start, end, speaker)
            found.append(previous)
        else:
            previous = None
    return found


def speaker_at(found: list[Quote], start: int, end: int) -> Mention | None:
    """The speaker of the quote a sentence (by its character span) lies in."""
    for quote in found:
        if quote.start <= start + 1 and end - 1 <= quote.end:
            return quote.speaker
    return None


def _speaker_after(doc: Doc, length: int, end: int, args: Arguments, lex: Lexicon) -> Mention | None:
    """'"...," said Attorney General Barr.' / '"...," the minister told reporters.'"""
    span = doc.char_span(end, min(length, end + 120), alignment_mode="expand")
    if span is None:
        return None
    for token in span[:8]:
        if token.i > span.start and (token.text in (".", "“", "\"") or "\n" in token.text or token.is_sent_start):
            break  # the speaker is named in the quote's own sentence
        if token.lemma_.lower() in lex.cues["attribution_verbs"] and token.pos_ in ("VERB", "AUX"):
            return speaker(token, args, lex)
    return None


def _speaker_before(doc: Doc, start: int, args: Arguments, lex: Lexicon) -> Mention | None:
    """'Barr said: "..."' — the quote opens right after a reporting verb and its subject."""
    span = doc.char_span(max(0, start - 120), start, alignment_mode="expand")
    if span is None:
        return None
    tail = [t for t in span if t.idx < start][-4:]
    for token in reversed(tail):
        if token.lemma_.lower() in lex.cues["attribution_verbs"] and token.pos_ in ("VERB", "AUX"):
            return speaker(token, args, lex)
    return None


def _same_paragraph(text: str, a: int, b: int) -> bool:
    between = text[a:b]
    return "\n\n" not in between and len(between) < 400
