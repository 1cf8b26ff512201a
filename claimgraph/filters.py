"""The one set of filters every command, API route and exporter applies, with one set of defaults.

A filter selects claims; ties are built from the claims it keeps. Defaults: every kind, one source, hedged
claims kept, denials left out of ties (a denial is never support), every date, every document, any
confidence. Denied claims are still counted on the ties they contradict (`contradicting_claims`,
`contradicting_sources`); `negated=True` also keeps ties that only denials name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from claimgraph.errors import InputError
from claimgraph.model import RELATIONS

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# A claim's date: its document's publication date, else a year its own time expression names ("in 2019", "since
# 2008"), else none (an undated claim passes no date filter).
CLAIM_DATE = "coalesce(d.published, nullif(regexp_extract(c.time, '(19|20)[0-9]{2}', 0), ''))"


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    min_sources: int = 1
    hedged: bool = True  # keep hedged claims
    negated: bool = False  # keep ties that only denials name (denials are always counted as contradictions)
    since: str | None = None  # claim dated on or after (YYYY, YYYY-MM or YYYY-MM-DD): see CLAIM_DATE
    until: str | None = None
    doc_ids: tuple[str, ...] = ()
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        kinds = tuple(dict.fromkeys(k.strip().upper() for k in self.kinds if k.strip()))
        unknown = [k for k in kinds if k not in RELATIONS]
        if unknown:
            raise InputError(f"unknown relation kind {', '.join(unknown)}: use one of {', '.join(RELATIONS)}")
        object.__setattr__(self, "kinds", kinds)
        if self.min_sources < 1:
            raise InputError(f"min sources must be 1 or more, not {self.min_sources}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise InputError(f"min confidence must be between 0 and 1, not {self.min_confidence}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not DATE.match(value):
                raise InputError(f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        object.__setattr__(self, "doc_ids", tuple(self.doc_ids))

    @property
    def is_default(self) -> bool:
        return self == Filters()

    def with_negated(self) -> Filters:
        return replace(self, negated=True)

    def claim_where(self, *, keep_denials: bool) -> tuple[str, list[Any]]:
        """A WHERE clause over claims `c` joined to documents `d`. Denials pass the hedging filter (a hedged
        denial still contradicts) and are kept or left out as `keep_denials` says."""
        where = ["TRUE"]
        params: list[Any] = []
        if self.kinds:
            where.append(f"c.relation IN ({', '.join('?' for _ in self.kinds)})")
            params += list(self.kinds)
        if not self.hedged:
            where.append("(coalesce(c.negated, FALSE) OR NOT coalesce(c.hedged, FALSE))")
        if not keep_denials:
            where.append("NOT coalesce(c.negated, FALSE)")
        if self.since:
            where.append(f"{CLAIM_DATE} >= ?")
            params.append(self.since)
        if self.until:  # "2024" or "2024-05" keeps the whole year or month
            where.append(f"{CLAIM_DATE} < ?")
            params.append(self.until + "\uffff")
        if self.doc_ids:
            where.append(f"c.doc_id IN ({', '.join('?' for _ in self.doc_ids)})")
            params += list(self.doc_ids)
        if self.min_confidence:
            where.append("c.confidence >= ?")
            params.append(self.min_confidence)
        return " AND ".join(where), params

    def describe(self) -> str:
        """The filters in words, for summaries and page headers."""
        parts = []
        if self.kinds:
            parts.append("kinds " + ", ".join(self.kinds))
        if self.min_sources > 1:
            parts.append(f"at least {self.min_sources} sources")
        if not self.hedged:
            parts.append("no hedged claims")
        if self.negated:
            parts.append("denied ties kept")
        if self.since or self.until:
            parts.append(f"dated {self.since or '…'} to {self.until or '…'}")
        if self.doc_ids:
            parts.append(f"{len(self.doc_ids)} document(s)")
        if self.min_confidence:
            parts.append(f"confidence ≥ {self.min_confidence:g}")
        return "; ".join(parts) or "no filters"
