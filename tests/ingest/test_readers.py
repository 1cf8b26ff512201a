import json
from pathlib import Path

from claimgraph.ingest import Skipped, read_paths
from claimgraph.model import Document


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a real text layer, written by hand (offsets computed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _read(folder: Path) -> tuple[list[Document], list[Skipped]]:
    items = list(read_paths([str(folder)]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skipped)]


def test_each_format_becomes_a_document_named_after_its_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia works with Cuba.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Heading\n\nIran **funds** [Hezbollah](http://x.org).\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Page title</title><meta name='date' content='2021-05-04'></head><body>"
        "<nav><a href='/'>Home</a><a href='/about'>About us</a></nav><article><h1>Page title</h1>"
        "<p>The Venezuelan government openly welcomed FARC commanders in Caracas last year, officials said.</p>"
        "<p>Analysts in Bogota described a long record of cooperation between the two sides.</p></article>"
        "<footer>Copyright 2021 Example Media</footer></body></html>", encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(_minimal_pdf("Rosneft financed the project in Caracas."))
    rows = [{"id": "j1", "title": "T", "text": "Cuba supports Venezuela.", "url": "https://example.org/x",
             "source": "Example", "published": "2020-01-02"}]
    (tmp_path / "e.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    docs, skipped = _read(tmp_path)
    by_id = {d.doc_id: d for d in docs}
    assert set(by_id) == {"a", "b", "c", "d", "j1"}
    assert "**" not in by_id["b"].text and "http" not in by_id["b"].text and by_id["b"].title == "Heading"
    assert "welcomed FARC" in by_id["c"].text and "About us" not in by_id["c"].text
    assert by_id["c"].title == "Page title" and by_id["c"].published == "2021-05-04"
    assert "Rosneft financed" in by_id["d"].text
    assert by_id["j1"].source == "Example" and by_id["j1"].url == "https://example.org/x"
    assert [s.reason for s in skipped] == ["line 2: Expecting value: line 1 column 1 (char 0)"]


def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Russia works with Cuba.", encoding="utf-8")
    (tmp_path / "random.pdf").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n")
    docs, skipped = _read(tmp_path)
    assert [d.doc_id for d in docs] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert set(reasons) == {"random.pdf", "empty.txt", "binary.txt", "broken.pdf", "picture.png"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    assert "PDF" in reasons["random.pdf"] and "unsupported" in reasons["picture.png"]


def test_latin1_text_is_repaired_not_rejected(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Nicolás Maduro habló en Caracas con el ministro.".encode("latin-1"))
    docs, skipped = _read(tmp_path)
    assert not skipped and "Nicolás" in docs[0].text


def test_ignore_file_leaves_provenance_notes_out(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Russia works with Cuba.", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("# Sources\n", encoding="utf-8")
    (tmp_path / ".claimgraphignore").write_text("SOURCES.md\n", encoding="utf-8")
    docs, skipped = _read(tmp_path)
    assert [d.doc_id for d in docs] == ["story"] and not skipped
