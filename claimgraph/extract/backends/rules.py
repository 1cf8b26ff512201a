"""The rules backend: every pattern family of patterns.py, then datelines."""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.extract.arguments import Arguments
from claimgraph.extract.datelines import datelines
from claimgraph.extract.found import Found
from claimgraph.extract.patterns import PATTERNS
from claimgraph.lexicon import Lexicon


def found(sent: Span, args: Arguments, lex: Lexicon) -> list[Found]:
    return [*(item for pattern in PATTERNS for item in pattern(sent, args, lex)), *datelines(sent, args)]
