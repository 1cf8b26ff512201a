"""A user's judgements, kept in the store and re-applied on every rebuild (nomenklatura's model).

Pairwise edges between entity keys (the in-document keys an entity is made of, which survive rebuilds, not
entity ids, which change when an entity gains or loses a key):
- `merge`: positive, KEYS and OTHER are one actor;
- `split`: negative, KEYS are not OTHER (no rule may join them again); with no OTHER, no two of KEYS are one;
- `unsure`: recorded, changes nothing;
and entity-level fixes: `rename` (NAME becomes the canonical name) and `retype` (VALUE becomes the type).
Each carries who made it and when; the same record is the table row and the exported JSON line.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations, product

from claimgraph.errors import InputError
from claimgraph.ids import content_id
from claimgraph.model import ACTOR_TYPES

KINDS = ("merge", "split", "unsure", "rename", "retype")


def current_user() -> str:
    try:
        return os.environ.get("CLAIMGRAPH_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class Judgement:
    kind: str
    keys: tuple[str, ...]
    other: tuple[str, ...] = ()
    name: str | None = None  # rename
    value: str | None = None  # retype: the actor type
    note: str | None = None
    user: str = field(default_factory=current_user)
    made_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InputError(f"unknown judgement kind {self.kind!r}: use one of {', '.join(KINDS)}")
        if not self.keys:
            raise InputError(f"a {self.kind} judgement names no entity keys")
        if self.kind == "rename" and not (self.name or "").strip():
            raise InputError("a rename needs a non-empty name")
        if self.kind == "retype" and self.value not in ACTOR_TYPES:
            raise InputError(f"unknown actor type {self.value!r}: use one of {', '.join(ACTOR_TYPES)}")

    @property
    def judgement_id(self) -> str:
        return content_id("judgement", self.kind, "|".join(self.keys), "|".join(self.other), self.name,
                          self.value, self.made_at)

    def pairs(self) -> list[tuple[str, str]]:
        """The key pairs a merge, split or unsure judges."""
        if self.other:
            return [(a, b) for a, b in product(self.keys, self.other) if a != b]
        return list(combinations(self.keys, 2))

    def row(self) -> dict:
        return {"judgement_id": self.judgement_id, "kind": self.kind, "keys": list(self.keys),
                "other": list(self.other), "name": self.name, "value": self.value, "note": self.note,
                "user": self.user, "made_at": self.made_at}

    def to_json(self) -> str:
        return json.dumps(self.row(), ensure_ascii=False, sort_keys=True)


def from_row(row: dict) -> Judgement:
    """A judgement from a table row or an exported line (older files wrote `at` for `made_at`)."""
    return Judgement(kind=row["kind"], keys=tuple(row["keys"] or ()), other=tuple(row.get("other") or ()),
                     name=row.get("name"), value=row.get("value"), note=row.get("note"),
                     user=row.get("user") or "unknown", made_at=row.get("made_at") or row["at"])


def parse_lines(text: str, source: str) -> list[Judgement]:
    """Judgements from a JSON Lines file written by `claimgraph judgements --export`."""
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append(from_row(json.loads(line)))
        except InputError as err:
            raise InputError(f"{source} line {number}: {err}") from err
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise InputError(f"{source} line {number}: not a judgement ({err})") from err
    return out
