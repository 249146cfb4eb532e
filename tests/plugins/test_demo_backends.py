"""The demo's department back ends (agentdesk.demo_backends), without Qt: the three loopback servers
start seeded from a small demo database, agree with it, are what the deployment points the plugins at,
and stop cleanly; a missing Node.js leaves the health back end unavailable and the others running."""

from __future__ import annotations

import datetime as dt
import socket
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import select

from agentdesk.demo_backends import (
    OPEN311_SYSTEM,
    SOCIAL_ROLE,
    TECHNICAL_API_KEY,
    choose_people,
    start_demo_backends,
    store_open311_references,
)
from agentdesk.population import seed_population
from agentdesk.storage.models import CustomerIdentifier, CustomerRole, IdentifierScheme, ServiceCase

HETU_SYSTEM = "urn:oid:1.2.246.21"
TODAY = dt.date.today()
NOW = dt.datetime.now(dt.timezone.utc).replace(minute=0, second=0, microsecond=0)


@pytest.fixture
def demo_db(sqlite_db):
    seed_population(sqlite_db, 600, seed=7, histories=0.3)
    return sqlite_db


def _http() -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    return session


def _listening(url: str) -> bool:
    parts = urlsplit(url)
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((parts.hostname, parts.port)) == 0


def _social_clients(db) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(CustomerIdentifier.value)
                             .join(CustomerRole, CustomerRole.customer_id == CustomerIdentifier.customer_id)
                             .where(CustomerRole.role_code == SOCIAL_ROLE,
                                    CustomerIdentifier.scheme == IdentifierScheme.HETU)))


def test_the_three_back_ends_start_seeded_from_the_demo_people_and_stop(demo_db):
    backends = start_demo_backends(demo_db, fhir_people=40, open311_people=200, today=TODAY, now=NOW)
    http = _http()
    try:
        assert backends.unavailable == {}
        urls = backends.urls
        plugins = backends.deployment
        for pid in ("health", "social", "technical"):
            assert plugins.plugin(pid).enabled and plugins.plugin(pid).values["base_url"] == urls[pid]
        assert plugins.plugin("technical").values["contact_search"] is True
        assert not plugins.plugin("other").enabled, "only the three plugins are configured"
        assert backends.secrets.get("technical", "api_key") == TECHNICAL_API_KEY

        # Social services: exactly the people with the client role are clients.
        clients = _social_clients(demo_db)
        assert clients, "the demo population has social-services clients"
        population = backends.population
        for person in population.fhir[:5] + population.social[:5]:
            answer = http.get(urls["social"] + "clients", params={"hetu": person.hetu},
                              headers={"X-Purpose-Of-Use": "statutory_task"}, timeout=5).json()
            assert bool(answer["relationships"]) == (person.hetu in clients), person.hetu
        assert backends.counts["social_clients"] == len(clients)

        # Health: the chosen people (social clients first) are FHIR patients by their hetu.
        assert len(population.fhir) == 40 and backends.counts["fhir_patients"] == 40
        assert {p.hetu for p in population.social[:40]} <= {p.hetu for p in population.fhir}
        for person in (population.fhir[0], population.fhir[-1]):
            bundle = http.get(urls["health"] + "Patient", params={"identifier": f"{HETU_SYSTEM}|{person.hetu}"},
                              timeout=5).json()
            assert [e["resource"]["name"][0]["family"] for e in bundle.get("entry", [])] == [person.last_name]
        outsider = next(p for p in population.open311 if p.hetu not in {f.hetu for f in population.fhir})
        bundle = http.get(urls["health"] + "Patient", params={"identifier": f"{HETU_SYSTEM}|{outsider.hetu}"},
                          timeout=5).json()
        assert not bundle.get("entry")

        # Technical: every seeded request is a service case of its customer and is served.
        with demo_db.session() as s:
            cases = s.execute(select(ServiceCase.customer_id, ServiceCase.backoffice_ref)
                              .where(ServiceCase.backoffice_system == OPEN311_SYSTEM)).all()
        assert len(cases) == backends.counts["open311_requests"] > 0
        chosen = {p.customer_id for p in population.open311}
        assert {cid for cid, _ref in cases} <= chosen
        for _cid, ref in cases[:5]:
            [record] = http.get(f"{urls['technical']}requests/{ref}.json", timeout=5).json()
            assert record["service_request_id"] == ref
    finally:
        http.close()
        backends.stop()
    for url in backends.urls.values():
        assert not _listening(url), f"{url} still listens after stop()"
    backends.stop()  # twice is harmless


@pytest.mark.expect_log_warnings  # the demo logs that the health back end is unavailable
def test_without_node_the_health_back_end_is_unavailable_and_the_others_run(demo_db, monkeypatch):
    import agentdesk_health.server_process as server_process

    monkeypatch.setattr(server_process.shutil, "which", lambda _name: None)
    with start_demo_backends(demo_db, fhir_people=10, open311_people=50, today=TODAY, now=NOW) as backends:
        assert "Node.js" in backends.unavailable["health"]
        assert "health back end unavailable" in backends.describe()
        assert not _listening(backends.urls["health"]), "the health plugin points where nothing listens"
        assert backends.deployment.plugin("health").values["base_url"] == backends.urls["health"]
        assert _listening(backends.urls["social"]) and _listening(backends.urls["technical"])


def test_open311_references_are_stored_once(db):
    seed_population(db, 200, seed=11)
    people = choose_people(db, fhir_people=10, open311_people=150)
    from agentdesk_technical.demo_data import open311_seed

    seed = open311_seed([p.open311() for p in people.open311], now=NOW)
    added = store_open311_references(db, seed)
    assert added == len(seed["requests"]) > 0
    assert store_open311_references(db, seed) == 0, "a second run adds nothing"
    with db.session() as s:
        statuses = {ref: status.value for ref, status in s.execute(
            select(ServiceCase.backoffice_ref, ServiceCase.status).where(ServiceCase.backoffice_system == "open311"))}
    for request in seed["requests"]:
        assert statuses[request["service_request_id"]] == ("open" if request["status"] == "open" else "closed")
