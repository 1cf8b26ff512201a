"""The learned backend: every pair of actors in a sentence scored by a linear model (scripts/train_scorer.py).

It gives each of the rules' ties a confidence that is a probability (how often a tie scored so was in the gold
sets it was trained on), drops the rules' ties it finds very unlikely, and adds the ties it is sure of that no rule
read, where both actors hang from a word of that kind in the parse. Ties a rule reads outside one sentence's pairs
(pronouns, activities) get their rule's measured precision.

The model ships as scorer.json.gz beside this module, with its training manifest; no network, no pickles.
"""

from __future__ import annotations

import gzip
import json
import math
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Arguments
from claimgraph.extract.backends import features
from claimgraph.extract.found import Found, emit
from claimgraph.extract.phrases import Actor
from claimgraph.lexicon import Lexicon
from claimgraph.model import SYMMETRIC, Mention

MODEL = Path(__file__).with_name("scorer.json.gz")
VERIFIER = "RULE?"  # the last class: is a tie a rule read right (its kind given as the feature kind=...)
SCORER = "CLAIMGRAPH_SCORER"  # another model file (scripts/train_scorer.py --out), e.g. trained on your own gold
MAX_ACTORS = 24  # pairs grow with the square: past this the sentence is a list, scored by the rules alone


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]  # "OPPOSES>" (first actor is the subject), "OPPOSES<", "COOPERATES_WITH" (symmetric),
    # and last VERIFIER
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature -> (class, weight) pairs, the zeros left out
    dense: np.ndarray  # classes x features.DENSE: the weights of the token vectors
    bias: tuple[float, ...]
    patterns: dict[str, float]  # "pattern|KIND" -> measured precision, for rule ties no pair score covers
    calibration: dict[str, list[float]]  # "rule" (the verifier) / "other" (the classes) -> right rate at
    # probability 0, 0.01, ... 1 (Platt scaling, out of fold)
    add: dict[str, float]  # class -> a tie no rule read is added from this (calibrated) probability
    drop: float  # a rule's tie below this (calibrated) probability is left out
    manifest: dict

    def probabilities(self, feats: list[str], dense: np.ndarray) -> list[float]:
        z = [float(v) for v in self.dense @ dense]
        for cls, b in enumerate(self.bias):
            z[cls] += b
        for f in set(feats):
            for cls, w in self.weights.get(f, ()):
                z[cls] += w
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, v)))) for v in z]

    def calibrated(self, p: float, *, ruled: bool) -> float:
        """How often a pair scored p was right out of fold: for pairs a rule read, or for the others."""
        table = self.calibration["rule" if ruled else "other"]
        x = p * (len(table) - 1)
        i = min(int(x), len(table) - 2)
        return table[i] + (table[i + 1] - table[i]) * (x - i)

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "bias": list(self.bias), "add": self.add, "drop": self.drop,
                "patterns": self.patterns, "manifest": self.manifest, "calibration": self.calibration,
                "dense": [[round(float(w), 4) for w in row] for row in self.dense],
                "weights": {f: [[c, w] for c, w in pairs] for f, pairs in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> Model:
        return cls(tuple(data["classes"]), {f: tuple((int(c), float(w)) for c, w in pairs)
                                            for f, pairs in data["weights"].items()},
                   np.array(data["dense"], dtype=np.float32).reshape(len(data["classes"]), features.DENSE),
                   tuple(data["bias"]), dict(data["patterns"]), dict(data["calibration"]),
                   {c: float(v) for c, v in data["add"].items()}, float(data["drop"]),
                   dict(data["manifest"]))


def load() -> Model | None:
    """The model CLAIMGRAPH_SCORER names, else the shipped one; None when there is none (the rules run alone)."""
    return _load(os.environ.get(SCORER) or str(MODEL))


@lru_cache(maxsize=2)
def _load(path: str) -> Model | None:
    file = Path(path)
    if not file.exists():
        return None
    with gzip.open(file, "rt", encoding="utf-8") as f:
        return Model.from_json(json.load(f))


def save(model: Model, path: Path) -> None:
    """Byte for byte the same file for the same model (no time stamp in the gzip header)."""
    raw = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode()
    with path.open("wb") as out, gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as f:
        f.write(raw)


@dataclass
class Candidate:
    """A pair of actors of one sentence (A first), what the model sees of it, and the rules' ties between them."""

    a: Mention
    b: Mention
    feats: list[str]
    dense: np.ndarray
    link: Token  # the token where the two branches meet: the trigger of an added tie


def actors(sent: Span, args: Arguments, items: list[Found]) -> list[Mention]:
    """The sentence's actor mentions, and the ends of the rules' ties that sit in it (resolved pronouns)."""
    seen: dict[tuple[int, int], Mention] = {}
    for m in args.found.starting_in(sent.start, sent.end):
        if m.tok_end <= sent.end:
            seen.setdefault((m.tok_start, m.tok_end), m)
    for item in items:
        for end in (item.subject, item.object):
            if end is not None and sent.start <= end.tok_start < end.tok_end <= sent.end:
                seen.setdefault((end.tok_start, end.tok_end), end)
    return sorted(seen.values(), key=lambda m: (m.tok_start, m.tok_end))


def candidates(sent: Span, args: Arguments, lex: Lexicon, items: list[Found]) -> list[Candidate]:
    found = actors(sent, args, items)
    if len(found) < 2 or len(found) > MAX_ACTORS:
        return []
    marks: dict[tuple[str, str], list[str]] = {}
    for item in items:
        if item.object is not None:
            marks.setdefault((item.subject.key, item.object.key), []).append(f"{item.pattern}|{item.relation}")
    out = []
    doc = sent.doc
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.key == b.key or b.tok_start < a.tok_end:
                continue
            feats, dense, link = features.pair(doc, a, b, lex, len(found))
            for mark in marks.get((a.key, b.key), ()):
                feats += ["rule", f"rule={mark}>", f"rk={mark.split('|')[1]}>"]
            for mark in marks.get((b.key, a.key), ()):
                feats += ["rule", f"rule={mark}<", f"rk={mark.split('|')[1]}<"]
            out.append(Candidate(a, b, feats, dense, link))
    return out


def oriented(cls: str, a: Mention, b: Mention) -> tuple[str, Mention, Mention]:
    """A class name as (kind, subject, object)."""
    if cls.endswith("<"):
        return cls[:-1], b, a
    return cls.rstrip(">"), a, b


def class_of(kind: str, subject: Mention, a: Mention) -> str:
    if kind in SYMMETRIC:
        return kind
    return kind + (">" if subject.key == a.key else "<")


def found(sent: Span, args: Arguments, lex: Lexicon, items: list[Found], *, alone: bool = False) -> list[Found]:
    """The rules' ties rescored (and the unlikely ones left out), plus the model's own. With `alone`, only what the
    model itself would state (its probability at or above `add`), whoever read it first."""
    model = load()
    if model is None:
        return [] if alone else items
    scores: dict[tuple[str, str], tuple[list[float], Candidate]] = {}
    for cand in candidates(sent, args, lex, items):
        probs = model.probabilities(cand.feats, cand.dense)[:-1]
        key = (cand.a.key, cand.b.key)
        if key not in scores or max(probs) > max(scores[key][0]):
            scores[key] = (probs, cand)
    out: list[Found] = []
    said: set[tuple[str, str, str]] = set()
    for item in items:
        scored = _score(model, scores, item)
        if scored is None:
            p, sure = model.patterns.get(f"{item.pattern}|{item.relation}", item.confidence), False
        else:
            cand, cls = scored
            p = model.calibrated(model.probabilities([*cand.feats, f"kind={cls}"], cand.dense)[-1], ruled=True)
            if p < model.drop:
                continue
            sure = p >= model.manifest["add_precision"]  # the model would state it too
        if alone and not sure:
            continue
        out.append(replace(item, confidence=round(p, 3), pattern=item.pattern + ("+learned" if sure else "")))
        if item.object is not None:
            said.add((item.subject.key, item.relation, item.object.key))
            if item.relation in SYMMETRIC:
                said.add((item.object.key, item.relation, item.subject.key))
    for probs, cand in scores.values():
        for cls, raw in zip(model.classes[:-1], probs, strict=True):
            p = model.calibrated(raw, ruled=False)
            if p < model.add[cls]:
                continue
            kind, subj, obj = oriented(cls, cand.a, cand.b)
            if (subj.key, kind, obj.key) in said or not _worded(cand, kind):
                continue
            said.add((subj.key, kind, obj.key))
            out += emit([Actor(subj)], [Actor(obj)], kind, False, cand.link, round(p, 3), "learned")
    return out


def _worded(cand: Candidate, kind: str) -> bool:
    """An added tie needs the word where the two actors' branches of the parse meet to be a trigger of its kind
    (the lexicon's): the model weighs the evidence, but the sentence must say it in a word an analyst can see, and
    the two must both hang from that word."""
    return any(f.startswith(f"topk={kind}") for f in cand.feats)


def _score(model: Model, scores: dict[tuple[str, str], tuple[list[float], Candidate]],
           item: Found) -> tuple[Candidate, str] | None:
    """The pair of the sentence a rule's tie joins, and the tie's class; None when no pair is the tie's."""
    if item.object is None:
        return None
    for key in ((item.subject.key, item.object.key), (item.object.key, item.subject.key)):
        if key in scores:
            cand = scores[key][1]
            return cand, class_of(item.relation, item.subject, cand.a)
    return None
