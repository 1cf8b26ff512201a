"""The packages read as the flow: no module imports a package that comes after it."""

import ast

from tests.conftest import ROOT

ORDER = ["errors", "ids", "ontology", "model", "filters", "lexicon", "ingest", "extract", "engines", "store",
         "resolve", "analyse", "pipeline", "curate", "export", "serve", "cli"]  # pipeline, curate: orchestrators


def _package(path: str) -> str:
    return path.split("/")[0].removesuffix(".py")


def test_no_import_runs_back_up_the_flow() -> None:
    upward = []
    for path in (ROOT / "claimgraph").rglob("*.py"):
        here = _package(str(path.relative_to(ROOT / "claimgraph")))
        if here not in ORDER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claimgraph."):
                there = node.module.split(".")[1]  # type: ignore[union-attr]
                if there in ORDER and ORDER.index(there) > ORDER.index(here):
                    upward.append(f"{path.relative_to(ROOT)} imports {node.module}")
    assert upward == []
