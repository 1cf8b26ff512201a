"""What the learned backend sees of a pair of actors in one sentence: sparse string features.

For actors A (first in the sentence) and B: the dependency path between their heads (labels, and the lemma where
the two branches meet), the lemmas on the path and between the two, the lexicon's relation kind of any trigger word
on the path or between, the words just outside the pair, both actor types and how each was found, hedge and
negation cues, the distance, and which rule (if any) already read a tie between them. Cheap to compute: one walk
up the parse from each head.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Token

from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention

POS = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj", "PROPN": "noun", "AUX": "verb"}
MAX_BETWEEN = 12


def head(doc: Doc, mention: Mention) -> Token:
    return doc[mention.tok_start : mention.tok_end].root


def up(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 30:
        path.append(path[-1].head)
    return path


def meeting(ha: Token, hb: Token) -> tuple[list[Token], Token, list[Token]]:
    """The path from A's head up to where it meets B's branch (exclusive), that token, and B's branch down."""
    pa, pb = up(ha), up(hb)
    where = {t.i: n for n, t in enumerate(pa)}
    for m, t in enumerate(pb):
        if t.i in where:
            return pa[: where[t.i]], t, pb[:m]
    return pa, pa[-1], pb  # different sentences' roots (should not happen within one sentence)


def _kinds(token: Token, lex: Lexicon) -> list[str]:
    pos = POS.get(token.pos_)
    if pos is None:
        return []
    return sorted({t.kind + ("<" if t.reverse else "") for t in lex.triggers.get((token.lemma_.lower(), pos), ())})


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7-12" if n < 13 else "13+"


DENSE = 4 * 96  # the parser's token vectors (doc.tensor) of A's head, B's head, the linking token, the words between


def vectors(doc: Doc, a: Mention, b: Mention, ha: Token, hb: Token, top: Token) -> np.ndarray:
    """Dense features: the model's own context vectors, which carry what a word means beyond its lemma."""
    tensor = doc.tensor
    if tensor is None or len(tensor) != len(doc) or tensor.shape[1] * 4 != DENSE:
        return np.zeros(DENSE, dtype=np.float32)
    between = tensor[a.tok_end : b.tok_start]
    mid = between.mean(axis=0) if len(between) else np.zeros(tensor.shape[1], dtype=tensor.dtype)
    return np.concatenate([tensor[ha.i], tensor[hb.i], tensor[top.i], mid]).astype(np.float32)


def pair(doc: Doc, a: Mention, b: Mention, lex: Lexicon, crowd: int) -> tuple[list[str], np.ndarray, Token]:
    """Features of the pair (A before B): sparse names, dense vector, and the token that links them (where their
    branches meet)."""
    ha, hb = head(doc, a), head(doc, b)
    left, top, right = meeting(ha, hb)
    feats = [f"ta={a.type}", f"tb={b.type}", f"tab={a.type}|{b.type}", f"la={a.label}", f"lb={b.label}",
             f"da={ha.dep_}", f"db={hb.dep_}", f"dab={ha.dep_}|{hb.dep_}", f"crowd={_bucket(crowd)}"]
    top_lemma = top.lemma_.lower()
    updeps = "/".join(t.dep_ for t in left)
    downdeps = "/".join(t.dep_ for t in right)
    feats += [f"path={updeps}^{downdeps}", f"lpath={updeps}^{top_lemma}^{downdeps}", f"top={top_lemma}",
              f"toppos={top.pos_}", f"len={_bucket(len(left) + len(right))}"]
    if top.i in (ha.i, hb.i):
        feats.append("top=end")
    for kind in _kinds(top, lex):
        feats += [f"topk={kind}", f"topk={kind}|{updeps}^{downdeps}"]
    inner = [t for t in (*left[1:], *right[1:]) if t.i != top.i]
    for t in inner:
        feats.append(f"on={t.lemma_.lower()}")
        feats += [f"onk={k}" for k in _kinds(t, lex)]
    between = doc[a.tok_end : b.tok_start]
    feats.append(f"gap={_bucket(len(between))}")
    for t in list(between)[:MAX_BETWEEN]:
        if not t.is_punct:
            feats.append(f"bw={t.lemma_.lower()}")
            feats += [f"bk={k}" for k in _kinds(t, lex)]
        elif t.text in (",", ";", ":", "(", ")"):
            feats.append(f"bp={t.text}")
    if len(between) <= 3:
        feats.append("bws=" + "_".join(t.lower_ for t in between))
    if a.tok_start > 0:
        feats.append(f"before={doc[a.tok_start - 1].lower_}")
    if b.tok_end < len(doc):
        feats.append(f"after={doc[b.tok_end].lower_}")
    hedges, negations = lex.cues["hedges"], lex.cues["negations"]
    for t in (top, *inner):
        for child in t.children:
            if child.dep_ == "neg" or child.lower_ in negations:
                feats.append("neg")
            if child.lower_ in hedges or child.lemma_.lower() in hedges:
                feats.append("hedge")
    return feats, vectors(doc, a, b, ha, hb, top), top
