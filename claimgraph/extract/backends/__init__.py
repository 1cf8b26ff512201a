"""Extractor backends: each reads a parsed sentence and returns what it finds as `Found` relations.

- `rules`: the dependency patterns of patterns.py (and datelines): a tie where a written construction says so.
- `learned`: a linear model over every pair of actors in the sentence (features.py); it scores the rules' ties
  (their confidence becomes its probability) and adds the ties it is sure of that no rule read.

Which run is chosen per build (`claimgraph build --extractors rules|learned|rules,learned`; the default is the rules
alone, because on the held-out gold-voa half the learned confidences were not better calibrated than the rules'
own: see docs/benchmarks.md); the choice travels to the worker processes in the environment variable
CLAIMGRAPH_EXTRACTORS.
"""

from __future__ import annotations

import os

from claimgraph.errors import InputError

EXTRACTORS = "CLAIMGRAPH_EXTRACTORS"
KNOWN = ("rules", "learned")
DEFAULT = ("rules",)


def selected() -> tuple[str, ...]:
    """The backends this process runs: CLAIMGRAPH_EXTRACTORS (comma separated), by default the rules."""
    raw = os.environ.get(EXTRACTORS, "")
    names = tuple(n.strip() for n in raw.split(",") if n.strip()) or DEFAULT
    return tuple(n for n in KNOWN if n in names)


def parse(names: str) -> tuple[str, ...]:
    """'rules,learned' -> ('rules', 'learned'); an unknown name is an input error."""
    chosen = tuple(dict.fromkeys(n.strip().lower() for n in names.split(",") if n.strip()))
    unknown = [n for n in chosen if n not in KNOWN]
    if unknown or not chosen:
        raise InputError(f"unknown extractor {', '.join(unknown) or repr(names)}: use rules, learned or rules,learned")
    return chosen
