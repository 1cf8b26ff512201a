"""Every reader on arbitrary bytes: a Document or a clear InputError, never another exception, never a hang.
`make test` runs a small seeded sample; `make fuzz` runs FUZZ_EXAMPLES (2,000) inputs per reader."""

import os
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.ingest.readers import READERS, ReadNote
from claimgraph.model import Document

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
SEEDED = "FUZZ_EXAMPLES" not in os.environ  # make test: the same inputs every run

SHAPES = {  # bytes that look like each format, so the fuzzer gets past the first check
    ".txt": st.binary(max_size=4000),
    ".md": st.text(max_size=2000).map(lambda t: ("# " + t).encode("utf-8", "surrogatepass")),
    ".html": st.text(max_size=2000).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode(
        "utf-8", "surrogatepass")),
    ".pdf": st.binary(max_size=3000).map(lambda b: b"%PDF-1.4\n" + b),
    ".jsonl": st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                               st.sampled_from(["id", "text", "title", "url", "published", "source", "x"]), inner,
                               max_size=6), max_leaves=20).map(
        lambda v: (__import__("json").dumps(v) + "\n").encode("utf-8", "surrogatepass")),
}


def _read(reader: Callable[..., Iterator[Document | InputError]], data: bytes) -> None:
    try:
        for item in reader(data, "fuzz", None):
            assert isinstance(item, Document | InputError | ReadNote)
            if isinstance(item, Document):
                item.sha256  # noqa: B018 - hashing must work on whatever text came out
    except InputError:
        pass


@pytest.mark.parametrize("suffix", sorted(SHAPES))
def test_a_reader_never_raises_anything_but_a_clear_error(suffix: str) -> None:
    reader = READERS[suffix]

    @settings(max_examples=EXAMPLES, deadline=5000, derandomize=SEEDED, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=SHAPES[suffix] | st.binary(max_size=500))
    def run(data: bytes) -> None:
        _read(reader, data)

    run()
