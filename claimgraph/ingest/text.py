"""Bytes to clean text: decoding with repair, binary detection, light normalisation."""

from __future__ import annotations

import re
import unicodedata

from claimgraph.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SYMBOL_RUN = re.compile(r"([^\w\s])\1{3,}")


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, falling back to a detected encoding; refuse binary data."""
    if not data.strip():
        raise InputError("empty file")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_guess(data)
    return normalise(text)


def _decode_guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable: not UTF-8 and no text encoding fits")
    text = str(best)
    if len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise InputError(f"undecodable: decodes as {best.encoding} only to control characters")
    return text


def printable(text: str) -> str:
    """Text any output can carry: lone surrogates (from JSON escapes or undecodable file names) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def normalise(text: str) -> str:
    """NFC, Unix newlines, no control characters, no lone surrogates."""
    text = unicodedata.normalize("NFC", printable(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    if not text.strip():
        raise InputError("empty file")
    return text


def short_symbol_runs(text: str) -> str:
    """A document's text with runs of one symbol shortened to three ('=====' rules, '-----' lines: they state
    nothing and cost the tokenizer time); the stored text, so offsets are taken on it."""
    return _SYMBOL_RUN.sub(r"\1\1\1", text)


def with_title(title: str | None, text: str) -> str:
    """A headline states claims too: the stored text opens with the title unless the body already does,
    so every claim read in it has offsets into the stored text."""
    title = " ".join((title or "").split())
    if not title or " ".join(text.lstrip()[: len(title) + 40].split()).startswith(title):
        return text
    return f"{title}\n\n{text}"


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEAD = re.compile(r"^\s{0,3}#{1,6}\s*", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_FENCE = re.compile(r"^```.*?^```\s*$", re.M | re.S)
_MD_HTML = re.compile(r"<[^>\n]+>")


def markdown_to_text(text: str) -> tuple[str, str | None]:
    """Strip Markdown markup; return the text and the first heading as title."""
    title = None
    match = re.search(r"^\s{0,3}#\s+(.+)$", text, re.M)
    if match:
        title = match.group(1).strip()
    text = _MD_FENCE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEAD.sub("", text)
    text = _MD_EMPH.sub(r"\2", text)
    text = _MD_HTML.sub("", text)
    return text, title
