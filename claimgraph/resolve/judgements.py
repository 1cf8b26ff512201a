"""A user's judgements (merge, split, rename), kept in the store and re-applied on every rebuild.

Judgements name entity keys (the in-document keys an entity is made of), which survive rebuilds, not
entity ids, which change when an entity gains or loses a key.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from claimgraph.errors import InputError
from claimgraph.ids import content_id

KINDS = ("merge", "split", "rename")


@dataclass(frozen=True)
class Judgement:
    kind: str
    keys: tuple[str, ...]
    other: tuple[str, ...] = ()
    name: str | None = None
    note: str | None = None
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def judgement_id(self) -> str:
        return content_id("judgement", self.kind, "|".join(self.keys), "|".join(self.other), self.name, self.at)

    def row(self) -> dict:
        return {"judgement_id": self.judgement_id, "kind": self.kind, "keys": list(self.keys),
                "other": list(self.other), "name": self.name, "note": self.note, "made_at": self.at}

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


def from_row(row: dict) -> Judgement:
    return Judgement(kind=row["kind"], keys=tuple(row["keys"] or ()), other=tuple(row["other"] or ()),
                     name=row.get("name"), note=row.get("note"), at=row["made_at"])


def parse_lines(text: str, source: str) -> list[Judgement]:
    """Judgements from a JSON Lines file written by `claimgraph judgements --export`."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            judgement = Judgement(kind=data["kind"], keys=tuple(data["keys"]), other=tuple(data.get("other", ())),
                                  name=data.get("name"), note=data.get("note"), at=data["at"])
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{source} line {number}: not a judgement ({err})") from err
        if judgement.kind not in KINDS or not judgement.keys:
            raise InputError(f"{source} line {number}: unknown judgement kind {judgement.kind!r}")
        out.append(judgement)
    return out
