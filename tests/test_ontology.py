"""One vocabulary: ontology.yaml is the only place the kinds, types and activities are listed."""

import re
from pathlib import Path

from fastapi.testclient import TestClient

from claimgraph import ontology
from claimgraph.serve import create_app
from tests.conftest import ROOT


def test_the_vocabulary_matches_the_contract() -> None:
    assert ontology.RELATIONS == ("COOPERATES_WITH", "SUPPORTS", "FUNDS", "ARMS", "TRADES_WITH", "TRAFFICS_WITH",
                                  "CONTROLS", "MEMBER_OF", "ASSOCIATED_WITH", "FAMILY", "OPPOSES", "OPERATES_IN",
                                  "ALLEGED")
    assert {"COOPERATES_WITH", "ASSOCIATED_WITH", "FAMILY", "TRAFFICS_WITH"} == ontology.SYMMETRIC
    assert ontology.relation("TRAFFICS_WITH").verb == "runs illicit trade with"
    assert ontology.actor_type("State").ftm == "PublicBody" and ontology.family("Agency") == "org"
    assert ontology.activity("drug_trafficking").ftm_topic == "crime.traffick.drug"


def test_no_module_writes_the_kind_list_out_again() -> None:
    kinds = set(ontology.RELATIONS)
    offenders = {}
    for path in [*(ROOT / "claimgraph").rglob("*.py"), *(ROOT / "claimgraph" / "serve" / "static").glob("*.js")]:
        named = kinds & set(re.findall(r"[A-Z][A-Z_]+[A-Z]", path.read_text(encoding="utf-8")))
        if len(named) >= 6:
            offenders[str(path.relative_to(ROOT))] = sorted(named)
    assert offenders == {}


def test_the_view_gets_the_vocabulary_from_the_api(examples_db: Path) -> None:
    client = TestClient(create_app(str(examples_db)), base_url="http://127.0.0.1")
    served = client.get("/api/ontology").json()
    assert [k["name"] for k in served["relations"]] == list(ontology.RELATIONS)
    assert {t["name"]: t["colour"] for t in served["actor_types"]}["State"] == "#4e79a7"
