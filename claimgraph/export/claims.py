"""Claims as ONTOLOGY.md section 5 records (JSON Lines or CSV), field for field.

This is the claim list, not the graph: a denied claim is written as the claim it is (`"negated": true`), so
the filters' tie default (no denials) does not apply here; `--kind`, dates, documents, hedging and confidence
do.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from claimgraph.export import Written, spreadsheet_safe, text_out
from claimgraph.filters import Filters
from claimgraph.store import Store

FIELDS = ["doc_id", "subject", "subject_aliases", "subject_type", "relation", "object", "object_aliases",
          "object_type", "trigger", "sentence", "char_start", "char_end", "attributed_to", "hedged", "negated",
          "time", "confidence"]
EXTRA = ["claim_id", "role", "extractor"]


def claim_records(store: Store, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    for claim in store.claims(filters):
        alleged = claim.activity is not None
        yield {
            "doc_id": claim.doc_id,
            "subject": claim.subject_name or claim.subject_text,
            "subject_aliases": list(claim.subject_aliases),
            "subject_type": claim.subject_type,
            "relation": claim.relation,
            "object": claim.object_label if alleged else (claim.object_name or claim.object_text),
            "object_aliases": [claim.activity] if alleged else list(claim.object_aliases),
            "object_type": "Activity" if alleged else claim.object_type,
            "trigger": claim.trigger,
            "sentence": claim.sentence,
            "char_start": claim.char_start,
            "char_end": claim.char_end,
            "attributed_to": claim.source_label,
            "hedged": claim.hedged,
            "negated": claim.negated,
            "time": claim.time,
            "confidence": round(claim.confidence, 3),
            "claim_id": claim.claim_id,
            "role": claim.role,
            "extractor": claim.extractor,
        }


def jsonl(records: Iterator[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_jsonl(store: Store, filters: Filters, out: str) -> Written:
    with text_out(out) as stream:
        n = jsonl(claim_records(store, filters), stream)
    return Written(f"{n:,} claims", (out,))


def write_csv(store: Store, filters: Filters, out: str) -> Written:
    with text_out(out) as stream:
        writer = csv.DictWriter(stream, fieldnames=FIELDS + EXTRA)
        writer.writeheader()
        n = 0
        for record in claim_records(store, filters):
            row = dict(record)
            for key in ("subject_aliases", "object_aliases"):
                row[key] = "|".join(row[key])
            writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
            n += 1
    return Written(f"{n:,} claims", (out,))
