"""The ordered stages of a build: ingest -> extract -> store -> resolve.

    documents = ingest.read_paths(paths)          # files, folders, stdin -> Document | Skipped
    batches   = engine.map(batches)               # spaCy parse + patterns -> mentions, claims (local or ray)
    store.replace_documents(...)                  # one transaction per batch
    resolve_store(store)                          # cross-document entities + the user's judgements
    store.replace_layout(layout.compute(store))   # positions and communities for the web view
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from claimgraph import engines
from claimgraph.analyse import layout
from claimgraph.errors import InputError, StoreError
from claimgraph.extract import Extraction
from claimgraph.ids import content_id
from claimgraph.ingest import Notice, Skipped, read_paths
from claimgraph.ingest.walk import check_paths, longer_id
from claimgraph.model import Claim, Document, Mention
from claimgraph.resolve import Resolution, entity_id, protos_from, resolve
from claimgraph.resolve.judgements import from_row
from claimgraph.store import Store
from claimgraph.store.records import check_batch

BATCH_WORDS = 20_000


@dataclass
class BuildSummary:
    read: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    words: int = 0
    mentions: int = 0
    claims: int = 0
    entities: int = 0  # the store's, after resolution
    store_documents: int = 0  # the store's totals after this run
    store_claims: int = 0
    seconds: float = 0.0
    other_shards: int = 0  # documents left to the other shards (build --shard N/M)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def build(paths: list[str], *, db: str | None = None, workers: int = 1, stdin_id: str | None = None,
          follow_links: bool = False, engine: str = "local", address: str | None = None,
          shard: tuple[int, int] | None = None,
          on_document: Callable[[Document | Skipped | Notice], None] | None = None) -> BuildSummary:
    """Read the paths, extract claims, and store them; returns what was done."""
    check_paths(paths)
    chosen = engines.get_engine(engine, workers=workers, address=address)  # a bad choice fails before any work
    started = time.perf_counter()
    summary = BuildSummary()
    with Store.open(db, create=True) as store:
        finished_before = store.incomplete() is None
        store.mark_build("running")
        known = store.document_hashes()
        finished_before = finished_before and bool(known)
        stored_at = store.document_paths()

        def fresh() -> Iterator[Document]:
            for item in read_paths(paths, stdin_id=stdin_id, follow_links=follow_links):
                if on_document is not None:
                    on_document(item)
                if isinstance(item, Notice):
                    summary.notices.append(item)
                    continue
                if isinstance(item, Skipped):
                    summary.skipped.append(item)
                    continue
                if not in_shard(item.doc_id, shard):
                    summary.other_shards += 1
                    continue
                item = _not_replacing(item, stored_at, summary)
                if known.get(item.doc_id) == item.sha256:
                    summary.unchanged += 1
                else:
                    summary.read += 1
                    summary.words += item.words
                    yield item

        for results in chosen.map(_batches(fresh())):
            failed = [r for r in results if r.error is not None]
            for result in failed:  # not stored, so the next build tries it again
                summary.read -= 1
                summary.words -= result.document.words
                summary.skipped.append(Skipped(result.document.path or result.document.doc_id, result.error or ""))
            for result in results:
                summary.notices += [Notice(result.document.path or result.document.doc_id, note)
                                    for note in result.notes if result.error is None]
            rows = [r for r in (_storable(result, summary) for result in results if result.error is None) if r]
            documents, mentions, claims = ([row for r in rows for row in r[part]] for part in range(3))
            store.replace_documents(documents, mentions, claims)
            failpoint("stored")
            summary.mentions += len(mentions)
            summary.claims += len(claims)
        if summary.read or not finished_before:
            resolve_store(store)  # else nothing is new and the last build finished: its entities and layout stand
        _finish(store, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def merge_stores(shards: list[str], *, db: str | None = None) -> BuildSummary:
    """Merge stores built apart (`build --shard N/M` on several machines) into one, then resolve entities and lay
    out the graph once, over everything."""
    started = time.perf_counter()
    summary = BuildSummary()
    for shard in shards:
        if not os.path.isfile(shard):
            raise InputError(f"no such store: {shard}")
    with Store.open(db, create=True) as store:
        store.mark_build("running")
        for shard in shards:
            documents, replaced = store.merge_from(shard)
            summary.read += documents
            summary.unchanged += replaced
        resolve_store(store)
        _finish(store, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _finish(store: Store, summary: BuildSummary) -> None:
    """Mark the build complete and copy the store's totals into the summary."""
    store.mark_build("complete")
    totals = store.stats()
    summary.entities, summary.store_documents, summary.store_claims = (
        totals["entities"], totals["documents"], totals["claims"])


def in_shard(doc_id: str, shard: tuple[int, int] | None) -> bool:
    """Whether a document belongs to shard N of M (by a hash of its id: the same split on every machine)."""
    if shard is None:
        return True
    number, count = shard
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:15], 16) % count == number - 1


def _not_replacing(document: Document, stored_at: dict[str, str | None], summary: BuildSummary) -> Document:
    """A file whose id another file already holds in the store takes its relative path as id: a build never
    replaces one file's document with another's because their names match."""
    held_by = stored_at.get(document.doc_id)
    if not held_by or not document.path or not document.named_by_file or held_by == document.path:
        return document
    longer = longer_id(document.path, set(stored_at))
    summary.notices.append(Notice(document.path, f"read as doc_id {longer!r}: {document.doc_id!r} in the store is "
                                                 f"{held_by}"))
    return replace(document, doc_id=longer)


def _storable(result: Extraction, summary: BuildSummary) -> tuple[list[dict], list[dict], list[dict]] | None:
    """A document's rows, or None (reported) when they break the store's contract: its batch is stored."""
    rows = _rows([result])
    try:
        check_batch(*rows)
    except StoreError as err:
        summary.read -= 1
        summary.words -= result.document.words
        summary.skipped.append(Skipped(result.document.path or result.document.doc_id, f"not stored: {err}"))
        return None
    return rows


def _batches(documents: Iterator[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    words = 0
    for document in documents:
        batch.append(document)
        words += document.words
        if words >= BATCH_WORDS or len(batch) >= 64:
            yield batch
            batch, words = [], 0
    if batch:
        yield batch


def resolve_store(store: Store) -> Resolution:
    """Resolve entities over everything stored (no NLP), re-applying the user's judgements."""
    protos = protos_from(store.mention_rows(), store.claim_keys())
    resolution = resolve(protos, [from_row(r) for r in store.judgements()])
    store.replace_entities(resolution.entities, resolution.key_to_id)
    failpoint("resolved")
    store.replace_layout(layout.compute(store))
    failpoint("laid-out")
    return resolution


def failpoint(name: str) -> None:
    """Crash tests stop a build here: with CLAIMGRAPH_FAILPOINT=NAME the build says so on stderr and waits to be
    killed (tests/test_crash.py kills it at each of these points). Without the variable it does nothing."""
    if os.environ.get("CLAIMGRAPH_FAILPOINT") == name:
        print(f"failpoint {name} reached", file=sys.stderr, flush=True)
        time.sleep(600)


def _rows(results: list[Extraction]) -> tuple[list[dict], list[dict], list[dict]]:
    documents: list[dict] = []
    mentions: list[dict] = []
    claims: list[dict] = []
    for result in results:
        doc = result.document
        documents.append({"doc_id": doc.doc_id, "sha256": doc.sha256, "title": doc.title, "source": doc.source,
                          "url": doc.url, "published": doc.published, "path": doc.path, "text": doc.text,
                          "words": doc.words})
        mentions.extend(_mention_row(doc.doc_id, m) for m in result.mentions)
        claims.extend(_claim_row(c) for c in result.claims)
    return documents, mentions, claims


def _mention_row(doc_id: str, m: Mention) -> dict:
    return {"doc_id": doc_id, "start": m.start, "end": m.end, "text": m.text, "label": m.label, "type": m.type,
            "name": m.name, "country": m.country, "entity_key": m.key, "entity_id": entity_id(m.key)}


def _claim_row(c: Claim) -> dict:
    object_key = c.object.key if c.object is not None else f"activity:{c.activity}"
    subject_id = entity_id(c.subject.key)
    object_id = entity_id(c.object.key) if c.object is not None else object_key
    attributed = c.attributed_to
    return {
        "claim_id": content_id("claim", c.doc_id, c.subject.key, c.relation, object_key, c.char_start, c.trigger,
                               c.role),
        "subject_key": c.subject.key, "object_key": object_key,
        "attributed_to_key": attributed.key if attributed else None,
        "doc_id": c.doc_id, "subject_id": subject_id, "subject_text": c.subject.text, "relation": c.relation,
        "object_id": object_id, "object_text": c.object.text if c.object is not None else c.activity,
        "role": c.role, "trigger": c.trigger, "sentence": c.sentence, "char_start": c.char_start,
        "char_end": c.char_end, "attributed_to_id": entity_id(attributed.key) if attributed else None,
        "attributed_to_text": attributed.text if attributed else None, "hedged": c.hedged, "negated": c.negated,
        "time": c.time, "confidence": c.confidence, "extractor": c.extractor,
    }
