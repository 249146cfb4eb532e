"""Demo seed: deterministic, only for social-services clients, realistic and partly multi-service."""

from __future__ import annotations

from datetime import date

from agentdesk.plugin_api import PluginContext
from agentdesk_social.demo_data import UNITS, social_seed
from agentdesk_social.plugin import create
from agentdesk_social.reference_server import start_server
from tests.plugins.social.social_testing import call

TODAY = date(2026, 11, 27)
CLIENTS = (
    "010594Y9032",
    "020594X903P",
    "030594W903B",
    "040594V9030",
    "050594U903M",
    "010516B903X",
    "020516C903K",
    "030516D9037",
    "010501E9032",
    "020504A902E",
)


def person(hetu: str, *roles: str) -> dict:
    return {"hetu": hetu, "first_names": "Testi", "last_name": "Henkilö", "roles": list(roles)}


def active_units(relationships) -> set[str]:
    return {r["unit"]["code"] for r in relationships if r["status"] == "active"}


def test_only_social_services_clients_get_relationships():
    people = [
        person(CLIENTS[0], "social_services_client"),
        person(CLIENTS[1], "home_care_client"),
        person(CLIENTS[2]),
        {"hetu": None, "first_names": "Ei", "last_name": "Hetua", "roles": ["social_services_client"]},
    ]
    assert set(social_seed(people, TODAY)["clients"]) == {CLIENTS[0]}


def test_the_seed_is_deterministic_and_per_person():
    people = [person(h, "social_services_client") for h in CLIENTS]
    seed = social_seed(people, TODAY)
    assert social_seed(people, TODAY) == seed
    assert social_seed(list(reversed(people)), TODAY)["clients"] == seed["clients"]
    natural = [h for h in CLIENTS[1:] if len(active_units(seed["clients"][h])) >= 2]
    assert natural  # so nobody in the full seed was made multi-service on purpose
    pair = social_seed(
        [person(natural[0], "social_services_client"), person(CLIENTS[0], "social_services_client")], TODAY
    )["clients"]
    assert pair == {h: seed["clients"][h] for h in (natural[0], CLIENTS[0])}
    assert social_seed(people, date(2026, 12, 1)) != seed  # dates follow today


def test_relationships_are_realistic():
    clients = social_seed([person(h, "social_services_client") for h in CLIENTS], TODAY)["clients"]
    names = {name for units in UNITS.values() for _, name in units}
    assert {
        "Aikuissosiaalityö, Hervanta",
        "Talous- ja velkaneuvonta",
        "Asumisneuvonta",
        "Lastensuojelu, avohuolto",
    } <= names
    areas = set()
    for relationships in clients.values():
        assert 1 <= len(relationships) <= 4
        assert len({r["id"] for r in relationships}) == len(relationships)
        for r in relationships:
            areas.add(r["unit"]["service_area"])
            assert r["unit"]["name"] in names
            assert (r["end"] is None) == (r["status"] != "ended")
            if r["status"] == "active" and r["worker"]:
                assert r["worker"]["email"] is None or r["worker"]["email"].endswith("@sote.example")
            if r["next_meeting"]:
                assert r["next_meeting"] > TODAY.isoformat() and r["status"] != "ended"
    assert areas == {"housing", "debt_counselling", "income_support", "child_welfare"}
    multi = [h for h, r in clients.items() if len(active_units(r)) >= 2]
    assert 0 < len(multi) < len(clients)


def test_a_lone_client_is_made_multi_service():
    for hetu in CLIENTS:
        (relationships,) = social_seed([person(hetu, "social_services_client")], TODAY)["clients"].values()
        assert len(active_units(relationships)) >= 2


def test_the_demo_seed_shows_badges_in_the_panel():
    seed = social_seed([person(h, "social_services_client") for h in CLIENTS], TODAY)
    with start_server(seed) as server:
        plugin = create(PluginContext("social", {"base_url": server.base_url}, {}))
        try:
            for hetu, relationships in seed["clients"].items():
                data = plugin.panel("clients", call(hetu, language="fi"))
                assert len(data.sections[0].table.rows) == len(relationships)
                assert bool(data.badges) == (len(active_units(relationships)) >= 2)
        finally:
            plugin.close()
