"""The contract: openapi.yaml is a usable OpenAPI 3.1 document, and the reference server, the demo data
and the plugin's client agree with it (checked with the house's small OpenAPI reader and JSON Schema
checker, tests/plugins/social/social_contract_check.py: no YAML or jsonschema package is installed)."""

from __future__ import annotations

import importlib.resources
from datetime import date
from pathlib import Path

import pytest
import requests

from agentdesk_education.client import parse_learner
from agentdesk_education.demo_data import education_seed
from agentdesk_education.reference_server import start_server
from tests.plugins.social.social_contract_check import check, errors, load_yaml_subset, resolve

PLUGIN_DIR = Path(__file__).resolve().parents[1]
HEADERS = {"X-Purpose-Of-Use": "statutory_task", "X-Request-ID": "test-1"}


@pytest.fixture(scope="module")
def spec():
    text = (importlib.resources.files("agentdesk_education") / "openapi.yaml").read_text(encoding="utf-8")
    return load_yaml_subset(text)


def response_schema(spec, status: int):
    return spec["paths"]["/learners"]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]


def test_the_spec_is_shipped_as_package_data_and_at_the_plugin_root(spec):
    shipped = (importlib.resources.files("agentdesk_education") / "openapi.yaml").read_text(encoding="utf-8")
    assert (PLUGIN_DIR / "openapi.yaml").read_text(encoding="utf-8") == shipped
    assert spec["openapi"].startswith("3.1.") and spec["info"]["version"] == "1.0.0"


def test_the_spec_documents_the_operation_the_views_and_need_to_know(spec):
    get = spec["paths"]["/learners"]["get"]
    params = {p["name"]: p for p in (resolve(spec, p["$ref"]) if "$ref" in p else p for p in get["parameters"])}
    assert params["hetu"]["required"] is True and params["X-Purpose-Of-Use"]["required"] is True
    assert params["view"]["schema"]["enum"] == ["summary", "full"]
    assert {"200", "400", "401", "403", "500", "503"} <= set(get["responses"])
    for status in (400, 401, 403, 500, 503):
        assert response_schema(spec, status) == {"$ref": "#/components/schemas/Error"}
    assert "**must** leave every record's `support` out" in spec["info"]["description"]
    record = spec["components"]["schemas"]["Record"]
    assert set(record["properties"]) == {"id", "kind", "unit", "status", "title", "start", "end", "support"}


def test_the_spec_examples_follow_its_schemas_and_the_client_reads_them(spec):
    content = spec["paths"]["/learners"]["get"]["responses"]["200"]["content"]["application/json"]
    assert set(content["examples"]) == {"pupil", "no_records"}
    for example in content["examples"].values():
        value = example["value"]
        check(value, content["schema"], spec, strict=True)
        learner = parse_learner(value, value["person"]["hetu"], "full")
        assert len(learner.records) == len(value["records"])


def test_reference_server_answers_follow_the_contract(spec, seed, people):
    with start_server(seed, token="s3cret") as server:
        url = server.base_url + "learners"
        auth = {**HEADERS, "Authorization": "Bearer s3cret"}
        for view in ("summary", "full"):
            answer = requests.get(url, params={"hetu": people.PUPIL, "view": view}, headers=auth, timeout=5)
            assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
            check(answer.json(), response_schema(spec, 200), spec, strict=True)
            supports = [r.get("support") for r in answer.json()["records"]]
            assert any(supports) if view == "full" else "support" not in answer.text, view
        nobody = requests.get(url, params={"hetu": people.NO_RECORDS}, headers=auth, timeout=5)
        assert nobody.json() == {"person": {"hetu": people.NO_RECORDS}, "records": []}
        refusals = {
            400: [
                requests.get(url, params={"hetu": "010594Y9033"}, headers=auth, timeout=5),
                requests.get(url, params={"hetu": people.PUPIL, "view": "all"}, headers=auth, timeout=5),
                requests.get(url, params={"hetu": people.PUPIL}, headers={"Authorization": "Bearer s3cret"}, timeout=5),
            ],
            401: [requests.get(url, params={"hetu": people.PUPIL}, headers=HEADERS, timeout=5)],
        }
        server.set_mode("error500")
        refusals[500] = [requests.get(url, params={"hetu": people.PUPIL}, headers=auth, timeout=5)]
        server.set_mode("error503")
        refusals[503] = [requests.get(url, params={"hetu": people.PUPIL}, headers=auth, timeout=5)]
        for status, answers in refusals.items():
            for answer in answers:
                assert answer.status_code == status
                check(answer.json(), response_schema(spec, status), spec, strict=True)
                assert people.PUPIL not in answer.text
        codes = [a.json()["error"]["code"] for a in refusals[400] + refusals[401]]
        assert codes == ["invalid_hetu", "invalid_view", "purpose_required", "unauthorized"]


def test_demo_seed_follows_the_contract(spec, people):
    seed = education_seed(
        [{"hetu": people.GUARDIAN, "birth_date": "1994-05-01", "children": [people.PUPIL, people.TODDLER]}],
        today=date(2026, 12, 4),
    )
    assert set(seed["learners"]) >= {people.PUPIL, people.TODDLER}
    for hetu, records in seed["learners"].items():
        check({"person": {"hetu": hetu}, "records": records}, response_schema(spec, 200), spec, strict=True)


def test_the_checker_catches_answers_that_break_the_contract(spec, seed, people):
    """The contract tests above could not fail if the checker passed everything."""
    with start_server(seed) as server:
        server.set_mode("wrong_types")
        bad = requests.get(
            server.base_url + "learners", params={"hetu": people.PUPIL}, headers=HEADERS, timeout=5
        ).json()
    problems = errors(bad, response_schema(spec, 200), spec)
    assert any("records[0].id: expected string" in p for p in problems)
    assert any("records[0].status: 'open' is not one of" in p for p in problems)
