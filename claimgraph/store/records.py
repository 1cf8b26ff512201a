"""Typed records between the store and its callers: what a row of each table means, checked where rows enter
(`check_batch`) and built where they leave (`from_row`). Callers read attributes, never column strings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, TypeVar

from claimgraph.errors import StoreError
from claimgraph.ontology import ACTIVITIES, ACTOR_TYPES, RELATIONS

R = TypeVar("R")


@cache
def _names(cls: Any) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _pick(cls: type[R], row: dict[str, Any], **extra: Any) -> R:
    names = _names(cls)  # type: ignore[arg-type]
    return cls(**{k: v for k, v in row.items() if k in names}, **extra)


@dataclass(frozen=True, slots=True)
class Entity:
    entity_id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    doc_ids: tuple[str, ...] = ()
    raw_attributes: str | dict[str, Any] | None = field(default=None, compare=False, hash=False, repr=False)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Entity:
        return cls(row["entity_id"], row["name"], row["type"], tuple(row.get("aliases") or ()), row.get("country"),
                   tuple(row.get("doc_ids") or ()), row.get("attributes"))

    @property
    def attributes(self) -> dict[str, Any]:
        """Why the entity joins its names (keys, names per key, merges), read when asked for."""
        raw = self.raw_attributes
        return json.loads(raw) if isinstance(raw, str) and raw else dict(raw or {})

    def summary(self) -> dict[str, Any]:
        return {"entity_id": self.entity_id, "name": self.name, "type": self.type, "country": self.country,
                "aliases": list(self.aliases), "doc_ids": list(self.doc_ids)}


@dataclass(frozen=True, slots=True)
class Tie:
    """Claims grouped by (subject, relation, object): asserting claims and publishers, denials apart."""

    subject_id: str
    relation: str
    object_id: str
    claims: int  # asserting sentences
    sources: int  # distinct asserting publishers
    documents: int
    first_seen: str | None
    last_seen: str | None
    hedged_share: float
    contradicting_claims: int
    contradicting_sources: int
    denied: bool  # only denials name it
    confidence: float
    subject_name: str | None = None
    object_name: str | None = None

    @classmethod
    def from_table(cls, table: Any, names: dict[str, str] | None = None) -> list[Tie]:  # noqa: ANN401
        """Ties from an Arrow table of the `ties` query, column by column (faster than row dicts)."""
        names = names or {}
        c = table.to_pydict()
        return [cls(s, r, o, n, src, docs, first, last, float(h or 0), cc, cs, bool(d), float(conf or 0),
                    names.get(s), names.get(o))
                for s, r, o, n, src, docs, first, last, h, cc, cs, d, conf in zip(
                    c["subject_id"], c["relation"], c["object_id"], c["claims"], c["sources"], c["documents"],
                    c["first_seen"], c["last_seen"], c["hedged_share"], c["contradicting_claims"],
                    c["contradicting_sources"], c["denied"], c["confidence"], strict=True)]

    @property
    def object_label(self) -> str:
        """The object's name, or the activity an ALLEGED tie names."""
        return self.object_name or self.object_id.removeprefix("activity:")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence behind a tie."""

    doc_id: str
    sentence: str
    char_start: int
    char_end: int
    trigger: str | None
    hedged: bool
    negated: bool
    time: str | None
    confidence: float
    attributed_to: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Evidence:
        return _pick(cls, {**row, "hedged": bool(row["hedged"]), "negated": bool(row["negated"])})


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A stored claim with the names of its ends and, where asked for, its document's date and title."""

    claim_id: str
    doc_id: str
    subject_id: str
    relation: str
    object_id: str
    sentence: str
    char_start: int
    char_end: int
    subject_text: str | None = None
    object_text: str | None = None
    role: str | None = None
    trigger: str | None = None
    attributed_to_id: str | None = None
    attributed_to_text: str | None = None
    hedged: bool = False
    negated: bool = False
    time: str | None = None
    confidence: float = 0.0
    extractor: str | None = None
    subject_name: str | None = None
    subject_type: str | None = None
    subject_aliases: tuple[str, ...] = ()
    object_name: str | None = None
    object_type: str | None = None
    object_aliases: tuple[str, ...] = ()
    attributed_name: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StoredClaim:
        return _pick(cls, {**row, "hedged": bool(row.get("hedged")), "negated": bool(row.get("negated")),
                           "confidence": float(row.get("confidence") or 0),
                           "subject_aliases": tuple(row.get("subject_aliases") or ()),
                           "object_aliases": tuple(row.get("object_aliases") or ())})

    @property
    def activity(self) -> str | None:
        return self.object_id.split(":", 1)[1] if self.relation == "ALLEGED" else None

    @property
    def subject_label(self) -> str:
        return self.subject_name or self.subject_text or self.subject_id

    @property
    def object_label(self) -> str:
        return self.activity or self.object_name or self.object_text or self.object_id

    @property
    def source_label(self) -> str | None:
        return self.attributed_name or self.attributed_to_text


@dataclass(frozen=True, slots=True)
class StoredDocument:
    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    words: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StoredDocument:
        return _pick(cls, row)


@dataclass(frozen=True, slots=True)
class StoredMention:
    start: int
    end: int
    text: str
    type: str
    entity_id: str
    name: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StoredMention:
        return _pick(cls, row)


def check_batch(documents: list[dict], mentions: list[dict], claims: list[dict]) -> None:
    """Refuse a batch whose rows break the contract, naming the document, before anything is written."""
    texts = {d["doc_id"]: d.get("text") or "" for d in documents}
    for doc in documents:
        if not doc.get("doc_id") or not isinstance(doc.get("text"), str):
            raise StoreError(f"document {doc.get('doc_id')!r}: needs an id and a text")
    for mention in mentions:
        if mention["doc_id"] not in texts or not 0 <= mention["start"] < mention["end"] <= len(
                texts[mention["doc_id"]]):
            raise StoreError(f"document {mention['doc_id']!r}: mention {mention.get('text')!r} has offsets "
                             f"{mention['start']}-{mention['end']} outside its text")
        if mention.get("type") not in ACTOR_TYPES:
            raise StoreError(f"document {mention['doc_id']!r}: mention type {mention.get('type')!r} is not an "
                             "actor type")
    for claim in claims:
        where = f"document {claim.get('doc_id')!r}: claim {claim.get('claim_id')!r}"
        if claim.get("relation") not in RELATIONS:
            raise StoreError(f"{where}: unknown relation {claim.get('relation')!r}")
        if not claim.get("sentence") or not claim.get("subject_id") or not claim.get("object_id"):
            raise StoreError(f"{where}: a claim needs its sentence, subject and object")
        if claim["relation"] == "ALLEGED" and claim["object_id"].removeprefix("activity:") not in ACTIVITIES:
            raise StoreError(f"{where}: unknown activity {claim['object_id']!r}")
        text = texts.get(claim["doc_id"], "")
        if not 0 <= claim["char_start"] < claim["char_end"] <= len(text):
            raise StoreError(f"{where}: sentence offsets {claim['char_start']}-{claim['char_end']} outside the text")
        if not 0.0 <= float(claim.get("confidence") or 0) <= 1.0:
            raise StoreError(f"{where}: confidence {claim.get('confidence')} is not between 0 and 1")
