"""The contract: openapi.yaml is a usable OpenAPI 3.1 document, and the reference server, the demo data
and the plugin's client all agree with it."""

from __future__ import annotations

import importlib.resources
from datetime import date
from pathlib import Path

import pytest
import requests

from agentdesk_social.client import parse_client_record
from agentdesk_social.demo_data import social_seed
from agentdesk_social.reference_server import start_server
from tests.plugins.social.social_contract_check import YamlSubsetError, check, errors, load_yaml_subset, resolve
from tests.plugins.social.social_testing import MULTI, NOT_A_CLIENT, SEED

PLUGIN_DIR = Path(__file__).resolve().parents[3] / "plugins" / "social"
HEADERS = {"X-Purpose-Of-Use": "statutory_task", "X-Request-ID": "test-1"}


@pytest.fixture(scope="module")
def spec():
    text = (importlib.resources.files("agentdesk_social") / "openapi.yaml").read_text(encoding="utf-8")
    return load_yaml_subset(text)


def response_schema(spec, status: int):
    responses = spec["paths"]["/clients"]["get"]["responses"]
    return responses[str(status)]["content"]["application/json"]["schema"]


def test_the_spec_is_shipped_as_package_data_and_at_the_plugin_root(spec):
    shipped = (importlib.resources.files("agentdesk_social") / "openapi.yaml").read_text(encoding="utf-8")
    assert (PLUGIN_DIR / "openapi.yaml").read_text(encoding="utf-8") == shipped
    assert spec["openapi"].startswith("3.1.")
    assert spec["info"]["version"] == "1.0.0"


def test_the_spec_documents_the_operation_auth_purpose_and_fhir_mapping(spec):
    get = spec["paths"]["/clients"]["get"]
    params = [resolve(spec, p["$ref"]) if "$ref" in p else p for p in get["parameters"]]
    by_name = {p["name"]: p for p in params}
    assert by_name["hetu"]["in"] == "query" and by_name["hetu"]["required"] is True
    assert by_name["X-Purpose-Of-Use"]["in"] == "header" and by_name["X-Purpose-Of-Use"]["required"] is True
    bearer = spec["components"]["securitySchemes"]["bearer"]
    assert (bearer["type"], bearer["scheme"]) == ("http", "bearer")
    assert spec["security"] == [{"bearer": []}]
    assert {"200", "400", "401", "403", "500", "503"} <= set(get["responses"])
    for status in ("400", "401", "403", "500", "503"):
        assert response_schema(spec, int(status)) == {"$ref": "#/components/schemas/Error"}
    description = spec["info"]["description"]
    for term in (
        "EpisodeOfCare",
        "managingOrganization",
        "careManager",
        "period.start",
        "X-Purpose-Of-Use",
        "Need-to-know",
        "must** record",
    ):
        assert term in description
    assert "200 with" in get["description"] and "empty" in get["description"]
    relationship = spec["components"]["schemas"]["Relationship"]
    assert set(relationship["properties"]) == {
        "id",
        "unit",
        "worker",
        "status",
        "start",
        "end",
        "next_meeting",
        "reason",
    }
    assert spec["components"]["schemas"]["Status"]["enum"] == ["active", "waiting", "ended"]


def test_the_spec_examples_follow_its_schemas_and_the_client_reads_them(spec):
    content = spec["paths"]["/clients"]["get"]["responses"]["200"]["content"]["application/json"]
    assert set(content["examples"]) == {"multi_service", "not_a_client"}
    for example in content["examples"].values():
        value = example["value"]
        check(value, content["schema"], spec, strict=True)
        record = parse_client_record(value, value["person"]["hetu"])
        assert len(record.relationships) == len(value["relationships"])


def test_reference_server_answers_follow_the_contract(spec):
    with start_server(SEED, token="s3cret") as server:
        url = server.base_url + "clients"
        auth = {**HEADERS, "Authorization": "Bearer s3cret"}

        client = requests.get(url, params={"hetu": MULTI}, headers=auth, timeout=5)
        assert client.status_code == 200 and client.headers["Cache-Control"] == "no-store"
        check(client.json(), response_schema(spec, 200), spec, strict=True)
        assert len(client.json()["relationships"]) == 4

        nobody = requests.get(url, params={"hetu": NOT_A_CLIENT}, headers=auth, timeout=5)
        assert nobody.status_code == 200
        check(nobody.json(), response_schema(spec, 200), spec, strict=True)
        assert nobody.json() == {"person": {"hetu": NOT_A_CLIENT}, "relationships": []}

        refusals = {
            400: [
                requests.get(url, params={"hetu": "010594Y9033"}, headers=auth, timeout=5),  # bad check char
                requests.get(url, params={"hetu": MULTI}, headers={"Authorization": "Bearer s3cret"}, timeout=5),
            ],
            401: [
                requests.get(url, params={"hetu": MULTI}, headers=HEADERS, timeout=5),
                requests.get(url, params={"hetu": MULTI}, headers={**HEADERS, "Authorization": "Bearer x"}, timeout=5),
            ],
        }
        server.set_mode("error500")
        refusals[500] = [requests.get(url, params={"hetu": MULTI}, headers=auth, timeout=5)]
        server.set_mode("error503")
        refusals[503] = [requests.get(url, params={"hetu": MULTI}, headers=auth, timeout=5)]
        for status, answers in refusals.items():
            for answer in answers:
                assert answer.status_code == status
                check(answer.json(), response_schema(spec, status), spec, strict=True)
                assert MULTI not in answer.text  # no identity code in error objects
        codes = [a.json()["error"]["code"] for a in refusals[400] + refusals[401]]
        assert codes == ["invalid_hetu", "purpose_required", "unauthorized", "unauthorized"]
        assert refusals[401][0].headers["WWW-Authenticate"].startswith("Bearer")
        assert refusals[400][0].json()["error"]["request_id"] == "test-1"

        server.set_mode("normal")
        unknown = requests.get(server.base_url + "episodes", headers=auth, timeout=5)
        assert unknown.status_code == 404
        check(unknown.json(), spec["components"]["schemas"]["Error"], spec, strict=True)


def test_demo_seed_follows_the_contract(spec):
    people = [
        {"hetu": h, "first_names": "Testi", "last_name": "Henkilö", "roles": ["social_services_client"]}
        for h in ("010594Y9032", "020594X903P", "030594W903B", "040594V9030", "050594U903M", "010516B903X")
    ]
    seed = social_seed(people, today=date(2026, 11, 27))
    relationship = spec["components"]["schemas"]["Relationship"]
    for hetu, relationships in seed["clients"].items():
        check({"person": {"hetu": hetu}, "relationships": relationships}, response_schema(spec, 200), spec, strict=True)
        assert all(not errors(r, relationship, spec, strict=True) for r in relationships)


def test_the_checker_catches_answers_that_break_the_contract(spec):
    """The contract tests above could not fail if the checker passed everything."""
    schema = response_schema(spec, 200)
    with start_server(SEED) as server:
        server.set_mode("wrong_types")
        bad = requests.get(server.base_url + "clients", params={"hetu": MULTI}, headers=HEADERS, timeout=5).json()
    problems = errors(bad, schema, spec)
    assert any("relationships[0].id: expected string" in p for p in problems)
    assert any("relationships[0].status: 'open' is not one of" in p for p in problems)
    assert any("relationships[0].start: '1.9.2025' is not a date" in p for p in problems)
    good = {"person": {"hetu": MULTI}, "relationships": [dict(SEED["clients"][MULTI][0])]}
    assert errors(good, schema, spec, strict=True) == []
    assert errors({**good, "extra": 1}, schema, spec) == []  # clients ignore unknown members ...
    assert errors({**good, "extra": 1}, schema, spec, strict=True) == ["$: undocumented member 'extra'"]
    late = {**good["relationships"][0], "next_meeting": "2026-12-03T10:30:00"}  # no UTC offset
    assert errors({**good, "relationships": [late]}, schema, spec) != []
    with pytest.raises(YamlSubsetError):
        load_yaml_subset("a: {b: 1}\n")
