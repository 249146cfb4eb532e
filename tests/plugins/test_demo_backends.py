"""The demo's department back ends (agentdesk_demo.backends), without Qt: every plugin's demo back end
is found through the ``agentdesk.demo_backends`` entry point; the three first-party loopback servers
start seeded from a small demo database, agree with it, are what the deployment points the plugins
at, and stop cleanly; a back end that cannot start (health without Node.js, a broken third-party
one) is reported and left out while the others run; a third-party plugin's back end joins the same way."""

from __future__ import annotations

import datetime as dt
import socket
import sys
from urllib.parse import urlsplit

import pytest
import requests
from agentdesk_demo.backends import demo_backend_entry_points, start_demo_backends
from agentdesk_demo.demo_seed import DatabaseDemoSeed, store_case_references
from agentdesk_demo.population import seed_population
from sqlalchemy import select

from agentdesk.plugin_api.demo import DemoCaseReference
from agentdesk.storage.models import CustomerIdentifier, CustomerRole, IdentifierScheme, ServiceCase
from agentdesk_technical.demo_backend import API_KEY, OPEN311_SYSTEM, case_references

HETU_SYSTEM = "urn:oid:1.2.246.21"
SOCIAL_ROLE = "social_services_client"
TODAY = dt.date.today()
NOW = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)


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
        return set(
            s.scalars(
                select(CustomerIdentifier.value)
                .join(CustomerRole, CustomerRole.customer_id == CustomerIdentifier.customer_id)
                .where(CustomerRole.role_code == SOCIAL_ROLE, CustomerIdentifier.scheme == IdentifierScheme.HETU)
            )
        )


def test_the_first_party_plugins_register_their_demo_back_ends():
    assert {(ep.name, ep.value) for ep in demo_backend_entry_points()} >= {
        ("health", "agentdesk_health.demo_backend:start"),
        ("social", "agentdesk_social.demo_backend:start"),
        ("technical", "agentdesk_technical.demo_backend:start"),
    }


def test_the_three_back_ends_start_seeded_from_the_demo_people_and_stop(demo_db):
    backends = start_demo_backends(
        demo_db, people_limit=60, today=TODAY, now=NOW, only={"health", "social", "technical"}
    )
    http = _http()
    try:
        assert backends.unavailable == {}
        urls = backends.urls
        plugins = backends.deployment
        for pid in ("health", "social", "technical"):
            assert plugins.plugin(pid).enabled and plugins.plugin(pid).values["base_url"] == urls[pid]
        assert plugins.plugin("technical").values["contact_search"] is True
        assert not plugins.plugin("other").enabled, "only the plugins with a demo back end are configured"
        assert backends.secrets.get("technical", "api_key") == API_KEY

        # Social services: exactly the people with the client role are clients.
        clients = _social_clients(demo_db)
        assert clients, "the demo population has social-services clients"
        seed = backends.seed
        fhir, social = seed.people(60), seed.with_role(SOCIAL_ROLE)
        for person in (*fhir[:5], *social[:5]):
            answer = http.get(
                urls["social"] + "clients",
                params={"hetu": person.hetu},
                headers={"X-Purpose-Of-Use": "statutory_task"},
                timeout=5,
            ).json()
            assert bool(answer["relationships"]) == (person.hetu in clients), person.hetu
        assert backends.counts["social_clients"] == len(clients) == len(social)

        # Health: the chosen people (social clients first) are FHIR patients by their hetu.
        assert len(fhir) == 60 and backends.counts["fhir_patients"] == 60
        assert {p.hetu for p in social[:60]} <= {p.hetu for p in fhir}
        for person in (fhir[0], fhir[-1]):
            bundle = http.get(
                urls["health"] + "Patient", params={"identifier": f"{HETU_SYSTEM}|{person.hetu}"}, timeout=5
            ).json()
            assert [e["resource"]["name"][0]["family"] for e in bundle.get("entry", [])] == [person.last_name]
        outsider = next(p for p in DatabaseDemoSeed(demo_db).people(200) if p.hetu not in {f.hetu for f in fhir})
        bundle = http.get(
            urls["health"] + "Patient", params={"identifier": f"{HETU_SYSTEM}|{outsider.hetu}"}, timeout=5
        ).json()
        assert not bundle.get("entry")

        # Technical: every seeded request is a service case of its customer and is served.
        with demo_db.session() as s:
            cases = s.execute(
                select(ServiceCase.customer_id, ServiceCase.backoffice_ref).where(
                    ServiceCase.backoffice_system == OPEN311_SYSTEM
                )
            ).all()
        assert len(cases) == backends.counts["open311_requests"] > 0
        assert {cid for cid, _ref in cases} <= {p.customer_id for p in fhir}
        for _cid, ref in cases[:5]:
            [record] = http.get(f"{urls['technical']}requests/{ref}.json", timeout=5).json()
            assert record["service_request_id"] == ref
        assert "health: 60 FHIR patients" in backends.describe()
    finally:
        http.close()
        backends.stop()
    for url in backends.urls.values():
        assert not _listening(url), f"{url} still listens after stop()"
    backends.stop()  # twice is harmless


@pytest.mark.expect_log_warnings  # the demo logs that the health back end is unavailable
def test_without_node_the_health_back_end_is_unavailable_and_left_out(demo_db, monkeypatch):
    from agentdesk_health import server_process

    monkeypatch.setattr(server_process.shutil, "which", lambda _name: None)
    with start_demo_backends(
        demo_db, people_limit=10, today=TODAY, now=NOW, only={"health", "social", "technical"}
    ) as backends:
        assert "Node.js" in backends.unavailable["health"]
        assert "health back end unavailable" in backends.describe()
        assert not backends.deployment.plugin("health").enabled, "the desk leaves the health plugin out"
        assert "health" not in backends.urls
        assert _listening(backends.urls["social"]) and _listening(backends.urls["technical"])
        assert backends.deployment.plugin("social").enabled and backends.deployment.plugin("technical").enabled


THIRD_PARTY = """
from agentdesk.plugin_api.demo import DemoBackend

stopped = []


def start(seed):
    people = seed.people(5)
    return DemoBackend(settings={"base_url": "http://127.0.0.1:9/", "people": len(people)},
                       stop=lambda: stopped.append(True), secrets={"token": "loopback"},
                       summary=f"lanterns: {len(people)} lanterns")


def broken(seed):
    raise RuntimeError("the lantern server needs a wick")
"""


@pytest.fixture
def third_party(tmp_path, monkeypatch):
    """An installed third-party distribution with two demo back ends, one of which fails."""
    (tmp_path / "lantern_demo.py").write_text(THIRD_PARTY, encoding="utf-8")
    info = tmp_path / "agentdesk_plugin_lantern-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: agentdesk-plugin-lantern\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[agentdesk.demo_backends]\nlantern = lantern_demo:start\nwick = lantern_demo:broken\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    sys.modules.pop("lantern_demo", None)


@pytest.mark.expect_log_warnings  # the failing back end is logged
def test_a_third_party_plugin_contributes_its_demo_back_end_and_a_failing_one_is_left_out(demo_db, third_party):
    with start_demo_backends(demo_db, today=TODAY, now=NOW, only={"lantern", "wick"}) as backends:
        lantern = backends.deployment.plugin("lantern")
        assert lantern.enabled and lantern.values == {"base_url": "http://127.0.0.1:9/", "people": 5}
        assert backends.secrets.get("lantern", "token") == "loopback"
        assert "lanterns: 5 lanterns" in backends.describe()
        assert "RuntimeError" in backends.unavailable["wick"]
        assert not backends.deployment.plugin("wick").enabled
    import lantern_demo

    assert lantern_demo.stopped == [True], "stop() stops the third-party back end"


def test_case_references_are_stored_once(db):
    seed_population(db, 200, seed=11)
    from agentdesk_technical.demo_backend import seed_person
    from agentdesk_technical.demo_data import open311_seed

    people = DatabaseDemoSeed(db).people(150)
    data = open311_seed([seed_person(p) for p in people], now=NOW)
    cases = case_references(data)
    added = store_case_references(db, cases)
    assert added == len(data["requests"]) > 0
    assert store_case_references(db, cases) == 0, "a second run adds nothing"
    assert (
        store_case_references(
            db, [DemoCaseReference(people[0].customer_id, "other", cases[0].reference, "Another system's item")]
        )
        == 1
    )
    with db.session() as s:
        statuses = {
            ref: status.value
            for ref, status in s.execute(
                select(ServiceCase.backoffice_ref, ServiceCase.status).where(ServiceCase.backoffice_system == "open311")
            )
        }
    for request in data["requests"]:
        assert statuses[request["service_request_id"]] == ("open" if request["status"] == "open" else "closed")
