"""Content-hash ids: the same content always gets the same id, so rebuilds are idempotent."""

import hashlib


def content_id(*parts: object, size: int = 16) -> str:
    """Hash the parts (joined by a separator no part contains) into a short hex id."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:size]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
