"""The technical plugin as a distribution: entry point, manifest, import boundary, texts, demo data."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.metadata
import sys
from pathlib import Path

import agentdesk_technical
from agentdesk.plugin_api import API_VERSION
from agentdesk.plugin_host.manifest import read_manifest
from agentdesk_technical.demo_data import open311_seed
from agentdesk_technical.reference_server import start_server
from agentdesk_technical.texts import TEXTS
from tests.plugins.technical.technical_support import call, customer, plugin_for, protected_customer

PACKAGE = Path(agentdesk_technical.__file__).parent
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def demo_people(n: int = 60) -> list[dict]:
    people = []
    for i in range(1, n + 1):
        people.append(
            {
                "customer_id": 1000 + i,
                "first_names": "Aino Maria",
                "last_name": f"Testinen{i}",
                "email": f"aino.testinen{i}@example.com" if i % 4 else None,
                "phone": f"+35840{i:07d}" if i % 3 else None,
                "street": None if i % 10 == 0 else f"Testikatu {i} A {i % 7 + 1}",
                "municipality": "Tampere" if i % 2 else "Helsinki",
            }
        )
    return people


def test_entry_point_names_the_package_with_the_manifest():
    (entry,) = [e for e in importlib.metadata.entry_points(group="agentdesk.plugins") if e.name == "technical"]
    assert entry.value == "agentdesk_technical"


def test_manifest_declares_the_requests_panel_and_the_filing_action():
    manifest = read_manifest(PACKAGE / "agentdesk-plugin.toml")
    assert manifest.id == "technical" and manifest.api.contains(API_VERSION)
    assert manifest.factory == "agentdesk_technical.plugin:create" and manifest.backend == "Open311 GeoReport v2"
    assert manifest.customer_fields == {"name", "address", "emails", "phones", "references"}  # never the hetu
    (panel,) = manifest.panels
    assert (panel.id, panel.sensitive, panel.roles) == ("requests", False, {"agent", "supervisor"})
    assert panel.title == {"en": "Service requests", "fi": "Palvelupyynnöt", "sv": "Serviceförfrågningar"}
    (action,) = manifest.actions
    assert (action.id, action.roles) == ("file_request", {"agent"})
    assert action.title == {"en": "File a service request", "fi": "Tee palvelupyyntö", "sv": "Gör en serviceförfrågan"}
    settings = {s.key: (s.kind, s.required) for s in manifest.settings}
    assert settings == {
        "base_url": ("url", True),
        "jurisdiction_id": ("string", False),
        "contact_search": ("bool", False),
    }
    assert [(s.key, s.required) for s in manifest.secrets] == [("api_key", False)]


def test_plugin_code_imports_only_the_plugin_api_requests_and_the_standard_library():
    allowed = {"agentdesk.plugin_api", "agentdesk_technical", "requests", "__future__"}
    offenders = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            for name in names:
                top = name.split(".")[0]
                public_api = name == "agentdesk.plugin_api" or name.startswith("agentdesk.plugin_api.")
                if public_api or name in allowed or top in allowed - {"agentdesk"} or top in sys.stdlib_module_names:
                    continue
                offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_package_init_is_empty_so_reading_the_manifest_runs_no_code():
    assert (PACKAGE / "__init__.py").read_text() == ""


def test_every_text_exists_in_every_language():
    assert all(len(texts) == 3 and all(t.strip() for t in texts) for texts in TEXTS.values())
    for key, (en, fi, sv) in TEXTS.items():
        placeholders = {p.split("}")[0] for p in en.split("{")[1:]}
        assert all(f"{{{p}}}" in fi and f"{{{p}}}" in sv for p in placeholders), key


def test_demo_seed_is_deterministic_and_consistent_with_the_people():
    people = demo_people()
    seed = open311_seed(people, now=NOW)
    assert seed == open311_seed(list(reversed(people)), now=NOW)
    requests = seed["requests"]
    assert 10 <= len(requests) <= 50
    assert {r["status"] for r in requests} == {"open", "closed"}
    ids = [r["service_request_id"] for r in requests]
    assert len(ids) == len(set(ids))
    by_id = {r["service_request_id"]: r for r in requests}
    people_by_id = {str(p["customer_id"]): p for p in people}
    for cid, refs in seed["customer_references"].items():
        person = people_by_id[cid]
        assert person["email"] or person["phone"]
        for ref in refs:
            r = by_id[ref]
            assert (r["email"], r["phone"]) == (person["email"], person["phone"])
            assert r["requested_datetime"] <= r["updated_datetime"] <= "2026-03-02T11:00:00+02:00"
            if person["street"]:
                assert r["address"].startswith(person["street"].split(" A ")[0]) and " A " not in r["address"]
            else:  # a protected address is never written into a request
                assert r["address"] == "" and r["lat"] and r["long"]
    assert sum(len(v) for v in seed["customer_references"].values()) == len(requests)


def test_demo_seed_serves_the_panel_of_a_demo_person():
    people = demo_people()
    seed = open311_seed(people, now=NOW)
    cid, refs = next(
        (c, r)
        for c, r in seed["customer_references"].items()
        if people[int(c) - 1001]["email"] and people[int(c) - 1001]["street"]
    )
    person = people[int(cid) - 1001]
    handle = start_server(seed)
    plugin = plugin_for(handle.base_url, api_key="demo-key")
    try:
        who = customer(customer_id=int(cid), emails=(person["email"],), phones=())
        panel = plugin.panel("requests", call(who=who))
        assert sorted(row[-1] for row in panel.sections[0].table.rows) == sorted(refs)
        # The same person found through the references the desk stored, without the e-mail search.
        stored = plugin_for(handle.base_url, contact_search=False)
        try:
            again = stored.panel("requests", call(who=protected_customer(), references=[("open311", r) for r in refs]))
            assert sorted(row[-1] for row in again.sections[0].table.rows) == sorted(refs)
        finally:
            stored.close()
        filed = plugin.run_action(
            "file_request", call(who=who), {"service_code": "litter", "address_string": "Hämeenkatu 1, Tampere"}
        )
        assert filed.reference == str(20001 + len(seed["requests"]))
    finally:
        plugin.close()
        handle.stop()
