"""The ``clients`` panel against the reference server: what the agent sees."""

from __future__ import annotations

import pytest

from agentdesk.plugin_api import BackendError, Badge, PanelData, PluginContext
from agentdesk_social.plugin import create
from agentdesk_social.reference_server import start_server
from tests.plugins.social.social_testing import MULTI, NOT_A_CLIENT, SAME_UNIT, SEED, SINGLE, UNKNOWN_AREA, call


def test_multi_service_client_gets_the_badge_listing_its_active_areas(social_plugin):
    data = social_plugin.panel("clients", call(MULTI))
    assert isinstance(data, PanelData) and not data.empty
    assert data.badges == (Badge("Multi-service client: Debt counselling, Income support", "warning"),)
    (section,) = data.sections
    assert section.title == "Client relationships"
    assert section.table.columns == ("Unit", "Service area", "Worker", "Contact", "Status", "Start", "Next meeting")
    assert section.table.rows == (
        (
            "Talous- ja velkaneuvonta",
            "Debt counselling",
            "Kaisa Lindqvist",
            "+358401234567, kaisa.lindqvist@sote.example",
            "Active",
            "16.2.2026",
            "—",
        ),
        (
            "Aikuissosiaalityö, Hervanta",
            "Income support",
            "Kaisa Lindqvist",
            "+358401234567, kaisa.lindqvist@sote.example",
            "Active",
            "1.9.2025",
            "3.12.2026 10:30",
        ),
        ("Asumisneuvonta", "Housing", "—", "—", "Waiting", "20.11.2026", "—"),
        (
            "Lastensuojelu, avohuolto",
            "Child welfare",
            "Kaisa Lindqvist",
            "+358401234567, kaisa.lindqvist@sote.example",
            "Ended 30.6.2020",
            "1.3.2019",
            "—",
        ),
    )


@pytest.mark.parametrize(
    ("language", "badge", "title", "status", "meeting"),
    [
        (
            "fi",
            "Monipalveluasiakas: Talous- ja velkaneuvonta, Toimeentulotuki",
            "Asiakkuudet",
            "Aktiivinen",
            "3.12.2026 klo 10.30",
        ),
        (
            "sv",
            "Klient vid flera enheter: Ekonomi- och skuldrådgivning, Utkomststöd",
            "Klientrelationer",
            "Aktiv",
            "3.12.2026 kl. 10.30",
        ),
    ],
)
def test_the_panel_speaks_the_agents_language(social_plugin, language, badge, title, status, meeting):
    data = social_plugin.panel("clients", call(MULTI, language=language))
    assert data.badges == (Badge(badge, "warning"),)
    assert data.sections[0].title == title
    assert data.sections[0].table.rows[1][4] == status
    assert data.sections[0].table.rows[1][6] == meeting  # 08:30 UTC is 10.30 in Helsinki in December


def test_single_unit_client_has_no_badge(social_plugin):
    data = social_plugin.panel("clients", call(SINGLE, language="fi"))
    assert data.badges == ()
    rows = data.sections[0].table.rows
    assert [r[4] for r in rows] == ["Aktiivinen", "Jonossa", "Päättynyt 31.5.2022"]
    assert rows[0][6] == "1.7.2026 klo 12.00"  # +03:00 in summer is Helsinki time already


def test_two_relationships_at_one_unit_are_not_multi_service(social_plugin):
    assert social_plugin.panel("clients", call(SAME_UNIT)).badges == ()


def test_an_unknown_service_area_is_shown_as_sent(social_plugin):
    data = social_plugin.panel("clients", call(UNKNOWN_AREA))
    assert data.badges == (Badge("Multi-service client: Housing, immigrant_services", "warning"),)


def test_not_a_client_anywhere_is_an_empty_panel(social_plugin, social_server):
    data = social_plugin.panel("clients", call(NOT_A_CLIENT))
    assert data.empty and data.message == "Not a client of social services"
    assert data.sections == () and data.badges == ()
    assert social_server.stats()["total"] == 1
    fi = social_plugin.panel("clients", call(NOT_A_CLIENT, language="fi"))
    assert fi.message == "Ei sosiaalipalvelujen asiakkuuksia"


@pytest.mark.parametrize("hetu", [None, "", "  "])
def test_no_identity_code_asks_nothing(social_plugin, social_server, hetu):
    data = social_plugin.panel("clients", call(hetu))
    assert data.empty and data.message == "No identity code on record"
    assert social_server.stats()["total"] == 0
    assert social_plugin.panel("clients", call(hetu, language="sv")).message == "Ingen personbeteckning registrerad"


def test_the_purpose_of_use_reaches_the_server(social_plugin, social_server):
    social_plugin.panel("clients", call(MULTI, purpose="statutory_task"))
    social_plugin.panel("clients", call(SINGLE, purpose="consent"))
    stats = social_server.stats()
    assert stats["requests"] == {"/clients": 2}
    assert stats["purposes"] == {"statutory_task": 1, "consent": 1}


def test_calls_from_several_threads_at_once(social_plugin, social_server):
    """The host calls panels from a thread pool; each thread gets its own HTTP session."""
    from concurrent.futures import ThreadPoolExecutor

    hetus = [MULTI, SINGLE, SAME_UNIT, UNKNOWN_AREA, NOT_A_CLIENT] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda h: social_plugin.panel("clients", call(h)), hetus))
    assert [bool(r.badges) for r in results[:5]] == [True, False, False, True, False]
    assert [r.empty for r in results] == [h == NOT_A_CLIENT for h in hetus]
    assert social_server.stats()["total"] == len(hetus)


def test_the_panel_names_its_source(social_plugin, social_server):
    data = social_plugin.panel("clients", call(MULTI))
    assert data.source == f"Social services API 1.0, http://127.0.0.1:{social_server.port}"


def test_bearer_token_is_sent_when_configured():
    with start_server(SEED, token="s3cret-token") as server:
        good = create(PluginContext("social", {"base_url": server.base_url}, {"token": "s3cret-token"}))
        without = create(PluginContext("social", {"base_url": server.base_url}, {}))
        wrong = create(PluginContext("social", {"base_url": server.base_url}, {"token": "guess"}))
        try:
            assert good.panel("clients", call(MULTI)).badges[0].level == "warning"
            for plugin in (without, wrong):
                with pytest.raises(
                    BackendError, match=r"refused the desk's credentials \(HTTP 401\).*'token'"
                ) as failure:
                    plugin.panel("clients", call(MULTI))
                assert "s3cret" not in str(failure.value) and "guess" not in str(failure.value)
            assert server.stats()["total"] == 3
        finally:
            for plugin in (good, without, wrong):
                plugin.close()


def test_the_plugin_has_one_panel_and_no_actions(social_plugin):
    with pytest.raises(KeyError):
        social_plugin.panel("summary", call(MULTI))
    with pytest.raises(KeyError):
        social_plugin.action_form("file_request", call(MULTI))
    with pytest.raises(KeyError):
        social_plugin.run_action("file_request", call(MULTI), {})


@pytest.mark.parametrize("settings", [{}, {"base_url": ""}, {"base_url": "sote.example.fi/api"}])
def test_a_missing_or_bad_base_url_is_refused_at_activation(settings):
    with pytest.raises(ValueError, match="base_url"):
        create(PluginContext("social", settings, {}))
