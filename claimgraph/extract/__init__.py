"""From a Document to its mentions and claims: spaCy parse, mentions, dependency patterns, cues."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from claimgraph.extract import backends, cues, nlp, titles
from claimgraph.extract.arguments import Arguments
from claimgraph.extract.backends import learned, rules
from claimgraph.extract.mentions import find_mentions
from claimgraph.extract.quotes import Quote, quotes, speaker_at
from claimgraph.lexicon import Lexicon, alias_key, load
from claimgraph.model import Claim, Document, Mention

# Bylines, captions and credits carry no claims ("Image: Drawing by ...", "Photo: Reuters").
CREDIT = re.compile(r"^\W*(image|photo|picture|credit|credits|caption|drawing|illustration|graphic|source|"
                    r"sources|by|written by|reporting by|editing by|copyright|©|video|file photo)\b[^.]{0,120}",
                    re.I)


@dataclass
class Extraction:
    """What one document yields."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    error: str | None = None  # why extraction failed on this document (the rest of the batch goes on)
    notes: list[str] = field(default_factory=list)  # what was left out of a document that was read


TIME_BUDGET = 300.0  # seconds of rules one document may take (2,000,000 characters of news take about 60)
MAX_MENTIONS = 60  # actors in one sentence: more is a list or a table, whose pairs no pattern reads well


class OverBudget(Exception):
    pass


def extract_batch(documents: list[Document], *, batch_size: int = 8) -> list[Extraction]:
    """Parse and extract a batch of documents in this process (the unit the engines distribute). Each document
    has its own error boundary: if the batched parse fails, the documents are parsed one by one and only the one
    that fails is reported."""
    model = nlp.load()
    lex = load()
    texts = [titles.sentence_case(d.text, lambda name: alias_key(name) in lex.aliases)[0] for d in documents]
    try:
        docs = nlp.parse(model, texts, batch_size=batch_size)
    except Exception:  # noqa: BLE001 - find the one text that fails, keep the others
        return [_one_by_one(model, document, text, lex) for document, text in zip(documents, texts, strict=True)]
    return [_extract_or_report(document, doc, lex) for document, doc in zip(documents, docs, strict=True)]


def _one_by_one(model: Any, document: Document, text: str, lex: Lexicon) -> Extraction:
    try:
        [doc] = nlp.parse(model, [text])
    except Exception as exc:  # noqa: BLE001
        return Extraction(document, error=f"the parser failed on it ({type(exc).__name__}: {str(exc)[:200]})")
    return _extract_or_report(document, doc, lex)


def _extract_or_report(document: Document, doc: Doc, lex: Lexicon) -> Extraction:
    """One document whose text trips a rule is reported and left out, never the whole build."""
    try:
        return extract_doc(document, doc, lex)
    except OverBudget as exc:
        return Extraction(document, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - any rule failure on one text must not stop the others
        return Extraction(document, error=f"extraction failed ({type(exc).__name__}: {str(exc)[:200]})")


def extract_doc(document: Document, doc: Doc, lex: Lexicon, *, budget: float | None = None) -> Extraction:
    """Mentions and claims of one parsed document. Past BUDGET seconds it stops with OverBudget; a sentence that
    names more than MAX_MENTIONS actors is left out (and said so in `notes`)."""
    deadline = time.monotonic() + (TIME_BUDGET if budget is None else budget)
    found = find_mentions(doc, lex)
    chosen = backends.selected()
    args = Arguments(found, lex, lex.relation_nouns)
    spoken = quotes(doc, args, lex)
    args.speakers = [(q.start, q.end, q.speaker.key) for q in spoken]
    claims: list[Claim] = []
    crowded = 0
    dates = [ent for ent in doc.ents if ent.label_ == "DATE"]  # once: Span.ents walks every entity of the doc
    for number, sent in enumerate(doc.sents, start=1):
        if time.monotonic() > deadline:
            raise OverBudget(f"over the {TIME_BUDGET if budget is None else budget:.0f} s time budget of one "
                             f"document (stopped at sentence {number})")
        if not any(found.at(t) or t.lower_ in ("he", "she", "it", "they") or ("-" in t.text and t.text[:1].isupper())
                   for t in sent):
            continue  # no actor named, referred to, or fused in a hyphenated word ('U.S.-Japanese drills')
        if len(found.starting_in(sent.start, sent.end)) > MAX_MENTIONS:
            crowded += 1
            continue
        text = sent.text.strip()
        if not text or CREDIT.match(text):
            continue
        claims.extend(_claims(document, sent, args, lex, spoken, dates, chosen))
    used = {c.subject.key for c in claims} | {c.object.key for c in claims if c.object is not None}
    used |= {c.attributed_to.key for c in claims if c.attributed_to is not None}
    mentions = [m for m in found.items if m.label != "collective" or m.key in used]
    seen = {(m.key, m.start) for m in mentions}
    for reference in (m for m in args.references if m.key in used):  # a pronoun two patterns resolved: once
        if (reference.key, reference.start) not in seen:
            seen.add((reference.key, reference.start))
            mentions.append(reference)
    for claim in claims:  # ends made on the way ("born in Washington": the city) are names seen, too
        for end in (claim.subject, claim.object):
            if end is not None and (end.key, end.start) not in seen and document.text[end.start : end.end] == end.text:
                mentions.append(end)
                seen.add((end.key, end.start))
    mentions, claims = titles.restore(document.text, titles.headline(document.text), mentions, _dedupe(claims))
    notes = [f"{crowded} sentence(s) naming more than {MAX_MENTIONS} actors left out (lists, not statements)"
             ] if crowded else []
    return Extraction(document, sorted(mentions, key=lambda m: m.start), claims, notes=notes)


def _claims(document: Document, sent: Span, args: Arguments, lex: Lexicon, spoken: list[Quote],
            doc_dates: list[Span], chosen: tuple[str, ...]) -> Iterator[Claim]:
    start, end = _stripped(document.text, sent)
    sentence = document.text[start:end]
    quoted = speaker_at(spoken, start, end)
    items = rules.found(sent, args, lex)
    if chosen != ("rules",):
        items = learned.found(sent, args, lex, items, alone="rules" not in chosen)
    dates = [ent for ent in doc_dates if sent.start <= ent.start < sent.end] if items else []
    for item in items:
        trigger = item.trigger
        yield Claim(
            doc_id=document.doc_id, subject=item.subject, relation=item.relation, object=item.object,
            trigger=trigger.text, sentence=sentence, char_start=start, char_end=end, activity=item.activity,
            role=item.role, attributed_to=cues.attribution(trigger, sent, args, lex) or quoted,
            hedged=cues.hedged(trigger, lex, item.relation), negated=cues.negated(trigger, lex),
            time=cues.time_of(trigger, dates, lex), confidence=item.confidence,
            extractor="learned" if item.pattern == "learned" else f"patterns:{item.pattern}",
        )


def _stripped(stored: str, sent: Span) -> tuple[int, int]:
    """The sentence's offsets in the stored text, without surrounding white space."""
    text = stored[sent.start_char : sent.end_char]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return sent.start_char + lead, sent.end_char - trail


def _dedupe(claims: list[Claim]) -> list[Claim]:
    best: dict[tuple, Claim] = {}
    for claim in claims:
        obj = claim.object.key if claim.object is not None else claim.activity
        if claim.attributed_to is not None and claim.attributed_to.key in (claim.subject.key, obj):
            claim.attributed_to = None
        key = (claim.subject.key, claim.relation, obj, claim.char_start)
        if key not in best or claim.confidence > best[key].confidence:
            best[key] = claim
    return sorted(best.values(), key=lambda c: (c.char_start, c.subject.start, c.relation))
