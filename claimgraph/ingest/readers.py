"""One reader per file format: bytes in, Documents out. No NLP, no storage."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest.text import decode, markdown_to_text, normalise, printable, with_title
from claimgraph.model import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl")
MAX_BYTES = 50_000_000  # one document (a file, or one JSONL line); a JSONL file itself is read line by line


def read_txt(data: bytes, doc_id: str, path: str | None) -> Iterator[Document]:
    yield Document(doc_id=doc_id, text=decode(data), path=path)


def read_md(data: bytes, doc_id: str, path: str | None) -> Iterator[Document]:
    text, title = markdown_to_text(decode(data))
    yield Document(doc_id=doc_id, text=with_title(title, normalise(text)), title=title, path=path)


def read_html(data: bytes, doc_id: str, path: str | None) -> Iterator[Document]:
    import trafilatura

    html = decode(data)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    result = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) else extracted
    if not isinstance(result, dict) or not (result.get("text") or "").strip():
        flat = FlatText.of(html)  # lxml drops what lies deeper than 255 elements: read such a page flat
        if flat.deepest <= MAX_TREE_DEPTH or not flat.text.strip():
            raise InputError("unparsable HTML: no main text found")
        result = {"text": flat.text, "title": flat.title}
    title = result.get("title") or None
    yield Document(
        doc_id=doc_id, text=with_title(title, normalise(result["text"])), title=title,
        published=result.get("date") or None, url=result.get("url") or None, path=path,
    )


MAX_TREE_DEPTH = 255  # lxml's limit: the main-text extractor sees nothing below it


class FlatText(HTMLParser):
    """Every text of a page in order, blocks on lines of their own, whatever its nesting (no tree is built)."""

    SKIP = {"script", "style", "noscript", "template", "svg"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.depth = self.deepest = self.skipping = 0
        self.in_title = False

    @classmethod
    def of(cls, html: str) -> FlatText:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser

    @property
    def text(self) -> str:
        return "\n".join(" ".join(line.split()) for line in "".join(self.parts).split("\n") if line.strip())

    @property
    def title(self) -> str | None:
        return " ".join("".join(self.title_parts).split()) or None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:  # a void element has no end tag: it nests nothing
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
        self.in_title = tag == "title"
        if tag in self.SKIP:
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self.depth = max(0, self.depth - 1)
        self.in_title = False
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            self.parts.append(data)


@dataclass(frozen=True)
class ReadNote:
    """Something the build should tell about a document it did read (a damaged file read in part)."""

    text: str


def read_pdf(data: bytes, doc_id: str, path: str | None) -> Iterator[Document | ReadNote]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("unparsable PDF: no PDF header")
    note = None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as err:
        pages, title = _damaged_pdf_pages(data), None  # truncated or damaged: keep the pages that still read
        if not any(p.strip() for p in pages):
            raise InputError(f"unparsable PDF: {err}") from err
        note = ReadNote(f"damaged PDF ({err}): {len(pages)} readable page(s) kept, in the order of their objects")
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise InputError("PDF has no text layer (scanned image?)")
    if note is not None:
        yield note
    yield Document(doc_id=doc_id, text=normalise(text), title=title, path=path)


def _damaged_pdf_pages(data: bytes) -> list[str]:
    """The text of every page object that still parses in a PDF whose cross-reference table or catalogue is lost
    (a truncated download): the objects are found by scanning the file, as a repairing viewer does."""
    from pypdf import PageObject, PdfReader
    from pypdf.generic import DictionaryObject, IndirectObject

    try:
        reader = PdfReader(io.BytesIO(data + b"\nstartxref\n0\n%%EOF\n"), strict=False)  # a bad pointer: rescan
        refs = {(i, g) for g, ids in reader.xref.items() for i in ids} | {(i, 0) for i in reader.xref_objStm}
    except Exception:  # noqa: BLE001 - a file pypdf cannot even scan has no readable page
        return []
    pages = []
    for number, generation in sorted(refs):
        ref = IndirectObject(number, generation, reader)
        try:
            obj = reader.get_object(ref)
            if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Page":
                page = PageObject(reader, ref)
                page.update(obj)
                text = page.extract_text()
                if text and text.strip():
                    pages.append(text)
        except Exception:  # noqa: BLE001,S112 - a damaged object: the next may read
            continue
    return pages


def read_jsonl(data: bytes, doc_id: str, path: str | None) -> Iterator[Document | InputError]:
    """One document a line; a bad line is reported (as an InputError value) and the rest read."""
    for number, line in enumerate(decode(data).split("\n"), start=1):  # U+2028 or U+0085 inside a record
        if not line.strip():                                              # is text, not a line break
            continue
        try:
            try:
                row = json.loads(line)
            except RecursionError:
                raise ValueError("nested too deep to be a document") from None
            if not isinstance(row, dict):
                raise ValueError("not an object")
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ValueError("no text")
            line_id = printable(str(row.get("id") or f"{doc_id}-{number}"))
            title = _opt(row.get("title"))
            yield Document(
                doc_id=line_id, text=with_title(title, normalise(text)), title=title,
                url=_opt(row.get("url")), source=_opt(row.get("source")),
                published=_opt(row.get("published")), path=f"{path}:{number}" if path else None,
            )
        except (ValueError, InputError) as err:
            yield InputError(f"line {number}: {err}")


def _opt(value: object) -> str | None:
    return None if value in (None, "") else printable(str(value))


READERS = {
    ".txt": read_txt, ".md": read_md, ".markdown": read_md, ".html": read_html, ".htm": read_html,
    ".pdf": read_pdf, ".jsonl": read_jsonl,
}


def read_file(path: Path, doc_id: str | None = None) -> Iterator[Document | ReadNote | InputError]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"unsupported file type {path.suffix or '(none)'}")
    doc_id = doc_id or path.stem
    try:
        if reader is read_jsonl:
            yield from _jsonl_lines(path, doc_id)
            return
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"larger than the {MAX_BYTES // 1_000_000} MB limit of one document")
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}") from err
    yield from reader(data, doc_id, str(path))


def _jsonl_lines(path: Path, doc_id: str) -> Iterator[Document | InputError]:
    """A JSON Lines file read a record at a time (archives are large); each record within the size limit."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if len(line) > MAX_BYTES:
                yield InputError(f"line {number}: larger than the {MAX_BYTES // 1_000_000} MB limit of one document")
                continue
            if not line.strip():
                continue
            try:
                for item in read_jsonl(line, doc_id, str(path)):
                    yield _renumbered(item, number, doc_id, str(path))
            except InputError as err:
                yield InputError(f"line {number}: {err}")


def _renumbered(item: Document | InputError, number: int, doc_id: str, path: str) -> Document | InputError:
    """A record read alone thinks it is line 1; give it its line in the file."""
    if isinstance(item, InputError):
        return InputError(str(item).replace("line 1:", f"line {number}:", 1))
    line_id = f"{doc_id}-{number}" if item.doc_id == f"{doc_id}-1" else item.doc_id
    return replace(item, doc_id=line_id, path=f"{path}:{number}")
