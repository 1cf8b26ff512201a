"""The mentions of one document (`Mentions`) and how a span becomes a `Mention`: its type, canonical name and
the in-document key that resolution joins on. Shared by every mention finder."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from claimgraph.lexicon import Lexicon, alias_key
from claimgraph.model import Mention

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


QUOTES = str.maketrans({"’": "'", "‘": "'"})


ORG_TYPES = [  # keyword in an unknown organisation's name -> actor type; first match wins
    (r"\bcartel\b|\bmafia\b|\bgang\b|\bclan\b|\bsyndicate\b", "CriminalGroup"),
    (r"\barmy of\b|\bliberation\b|\bbrigades?\b|\bbattalions?\b|\bregiments?\b|\bfront\b|\bmilitia\b|"
     r"\bjihad\b|\bguerrill|\brebels?\b|\barmed forces of\b|\bhigh command of\b", "ArmedGroup"),
    (r"\bparty\b", "Party"),
    (r"\bministry\b|\bdepartment\b|\bagency\b|\bservices?\b|\bpolice\b|\bcommand\b|\bcommittee\b|"
     r"\bsenate\b|\bcongress\b|\bparliament\b|\bassembly\b|\bcourt\b|\boffice\b|\bbureau\b|\bembassy\b|"
     r"\bnavy\b|\barmy\b|\bguard\b|\bcorps\b|\bcouncil\b|\badministration\b|\bcommission\b|\bintelligence\b|"
     r"\bdistrict\b|\bdirectorate\b|\bgovernment\b|\bhouse\b", "Agency"),
    (r"\bnews\b|\btimes\b|\bpost\b|\bpress\b|\btv\b|\bradio\b|\bjournal\b|\btelevision\b|\bherald\b|\bgazette\b",
     "Media"),
    (r"\bunion\b|\balliance\b|\borganization of\b|\bnations\b|\bbloc\b|\bcommunity\b|\bforum\b", "Bloc"),
    (r"\binc\b|\bcorp\b|\bltd\b|\bllc\b|\bco\b|\bcompany\b|\bbank\b|\bgroup\b|\bholdings?\b|\bairlines?\b|"
     r"\bpetroleum\b|\boil\b|\bgas\b|\benergy\b|\bmotors\b|\bplc\b|\bs\.a\b|\bindustries\b", "Company"),
]


@dataclass
class Mentions:
    """The mentions of one doc, and which mention each token belongs to."""

    items: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    _index: tuple[int, list[int], list[Mention]] | None = field(default=None, repr=False, compare=False)

    def add(self, mention: Mention) -> None:
        self.items.append(mention)
        for i in range(mention.tok_start, mention.tok_end):
            self.by_token[i] = mention

    def remove(self, mention: Mention) -> None:
        self.items.remove(mention)
        for i in range(mention.tok_start, mention.tok_end):
            self.by_token.pop(i, None)

    def free(self, start: int, end: int) -> bool:
        return all(i not in self.by_token for i in range(start, end))

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """The mentions whose first token lies in [start, end), in document order (a sentence's mentions without
        walking every mention of the document)."""
        if self._index is None or self._index[0] != len(self.items):
            ordered = sorted(self.items, key=lambda m: m.tok_start)
            self._index = (len(self.items), [m.tok_start for m in ordered], ordered)
        _, starts, ordered = self._index
        return ordered[bisect_left(starts, start) : bisect_left(starts, end)]


def make_mention(span: Span, mtype: str, name: str, key: str, country: str | None, label: str) -> Mention:
    return Mention(start=span.start_char, end=span.end_char, text=span.text, type=mtype, name=name, key=key,
                   country=country, label=label, tok_start=span.start, tok_end=span.end)


def org_type(name: str, default: str = "Group") -> str:
    low = name.lower()
    for pattern, mtype in ORG_TYPES:
        if re.search(pattern, low):
            return mtype
    return default


def entity_key(mtype: str, name: str) -> str:
    family = {"Person": "person", "Place": "place", "State": "state"}.get(mtype, "org")
    return f"{family}:{alias_key(name)}"


ABBREVIATION = re.compile(r"^([A-Z][a-z]{0,4}\.|[A-Z]\.[A-Z]\.)$")


def after_title(mention: Mention, doc: Doc, titles: frozenset[str]) -> bool:
    """A name right after a title word ('..., and Administrator Y'): it holds that title, not one before it."""
    before = mention.tok_start - 1
    return before >= 0 and doc[before].lower_.rstrip(".") in titles


def capital_state(mention: Mention, lex: Lexicon) -> Mention:
    """A capital (capitals.tsv) as the state it is the seat of; any other mention as it is."""
    state_key = lex.capitals.get(alias_key(mention.text)) if mention.type == "Place" else None
    if state_key is None:
        return mention
    state = lex.actors[state_key]
    return replace(mention, type="State", name=state.name, key=state.key, country=state.country)
