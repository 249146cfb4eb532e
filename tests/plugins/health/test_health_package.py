"""The health plugin as a distribution: entry point, manifest, import boundary, demo data, texts."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.metadata
import sys
from pathlib import Path

import agentdesk_health
from agentdesk.plugin_api import API_VERSION
from agentdesk.plugin_host.manifest import read_manifest
from agentdesk_health.demo_data import DEMO_PEOPLE, fhir_seed, resource_id
from agentdesk_health.summary_panel import TEXTS

PACKAGE = Path(agentdesk_health.__file__).parent


def test_entry_point_names_the_package_with_the_manifest():
    (entry,) = [e for e in importlib.metadata.entry_points(group="agentdesk.plugins") if e.name == "health"]
    assert entry.value == "agentdesk_health"


def test_manifest_declares_one_sensitive_summary_panel():
    manifest = read_manifest(PACKAGE / "agentdesk-plugin.toml")
    assert manifest.id == "health" and manifest.api.contains(API_VERSION)
    assert manifest.factory == "agentdesk_health.plugin:create" and manifest.backend == "HL7 FHIR R4"
    assert manifest.customer_fields == {"hetu"}  # the Patient is found by it; nothing else is sent
    (panel,) = manifest.panels
    assert (panel.id, panel.sensitive, panel.idempotent) == ("summary", True, True)
    assert panel.roles == {"agent", "supervisor"} and panel.departments == {"health", "customer_service"}
    assert set(panel.title) == {"en", "fi", "sv"} and set(manifest.name) == {"en", "fi", "sv"}
    (setting,) = manifest.settings
    assert (setting.key, setting.kind, setting.required) == ("base_url", "url", True)
    (secret,) = manifest.secrets
    assert (secret.key, secret.required) == ("token", False)
    assert manifest.actions == ()


def test_plugin_code_imports_only_the_plugin_api_requests_and_the_standard_library():
    allowed = {"agentdesk.plugin_api", "agentdesk_health", "requests", "__future__"}
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


def test_demo_data_is_deterministic_and_complete():
    today = dt.date(2026, 3, 2)
    first, again = fhir_seed(DEMO_PEOPLE, today=today), fhir_seed(DEMO_PEOPLE, today=today)
    assert first == again
    ids = [(r["resourceType"], r["id"]) for r in first]
    assert len(ids) == len(set(ids))
    patients = [r for r in first if r["resourceType"] == "Patient"]
    assert [p["identifier"][0]["value"] for p in patients] == [p["hetu"] for p in DEMO_PEOPLE]
    assert all(p["identifier"][0]["system"] == "urn:oid:1.2.246.21" for p in patients)
    assert {p["gender"] for p in patients} == {"male", "female"}
    for person in DEMO_PEOPLE:
        ref = f"Patient/{resource_id('Patient', person['hetu'])}"
        upcoming = [
            r
            for r in first
            if r["resourceType"] == "Appointment"
            and r["status"] == "booked"
            and r["start"][:10] >= today.isoformat()
            and r["participant"][0]["actor"]["reference"] == ref
        ]
        visits = [r for r in first if r["resourceType"] == "Encounter" and r["subject"]["reference"] == ref]
        care = [
            r
            for r in first
            if r["resourceType"] == "EpisodeOfCare" and r["patient"]["reference"] == ref and r["status"] == "active"
        ]
        assert upcoming and len(visits) >= 3 and len(care) == 1, person["hetu"]
        assert care[0]["managingOrganization"]["display"].endswith("terveysasema")
    # Another day moves the dates, not the people.
    later = fhir_seed(DEMO_PEOPLE, today=today + dt.timedelta(days=1))
    assert [r["id"] for r in later] == [r["id"] for r in first] and later != first


def test_every_language_has_every_text():
    assert set(TEXTS) == {"en", "fi", "sv"}
    assert set(TEXTS["fi"]) == set(TEXTS["en"]) == set(TEXTS["sv"])
    assert all(v.strip() for lang in TEXTS.values() for v in lang.values())
