"""The records that flow between stages: Document -> Mention/Claim -> store."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.ids import sha256_text

# The vocabulary lives in ontology.yaml (claimgraph/ontology.py); these names are kept for the records below.
from claimgraph.ontology import ACTIVITIES, ACTOR_TYPES, RELATIONS, SYMMETRIC  # noqa: E402

__all__ = ["ACTIVITIES", "ACTOR_TYPES", "RELATIONS", "SYMMETRIC", "Claim", "Document", "Mention"]


@dataclass(frozen=True)
class Document:
    """One input document, keyed by the hash of its text."""

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    path: str | None = None
    named_by_file: bool = False  # its id is its file's name, so a clash gives it a longer one (ingest/walk.py)

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Mention:
    """A span of a document that names an actor (or, resolved, a pronoun that points to one)."""

    start: int
    end: int
    text: str
    type: str
    name: str  # canonical name within the document
    key: str  # entity key: what resolve/ joins on
    country: str | None = None
    label: str = ""  # where it came from: NER label, "gazetteer", "demonym", "pronoun", ...
    tok_start: int = -1  # token span in the spaCy doc (extraction only; not stored)
    tok_end: int = -1


@dataclass
class Claim:
    """One assertion read in one sentence."""

    doc_id: str
    subject: Mention
    relation: str
    object: Mention | None  # None for ALLEGED (the activity is in `activity`)
    trigger: str
    sentence: str
    char_start: int
    char_end: int
    activity: str | None = None
    role: str | None = None
    attributed_to: Mention | None = None
    hedged: bool = False
    negated: bool = False
    time: str | None = None
    confidence: float = 0.5
    extractor: str = "patterns"
