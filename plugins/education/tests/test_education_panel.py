"""What the agent sees: the customer's and each child's records, and need-to-know between the panels."""

from __future__ import annotations

import pytest

from agentdesk.plugin_api import PanelData
from agentdesk_education.plugin import create


def _cells(data: PanelData) -> list[str]:
    return [cell for s in data.sections if s.table for row in s.table.rows for cell in row]


def _all_text(data: PanelData) -> str:
    parts = [data.message, *(b.text for b in data.badges)]
    for s in data.sections:
        parts.append(s.title)
        if s.table:
            parts += [*s.table.columns, s.table.empty_text, *_cells(PanelData(sections=(s,)))]
    return " | ".join(parts)


def test_the_services_panel_shows_the_customer_and_each_child(education_plugin, make_call):
    data = education_plugin.panel("services", make_call())
    titles = [s.title for s in data.sections]
    assert titles == [
        "Customer: Aino Testinen (born 1.5.1994)",
        "Child: Eetu Testinen (born 2.5.2016)",
        "Child: Ella Testinen (born 15.3.2022)",
    ]
    pupil = data.sections[1].table
    assert pupil is not None
    assert pupil.rows[0] == ("Basic education", "Hervannan koulu", "4B", "Active", "8.8.2023", "—")
    assert pupil.rows[1][0:4] == ("Daycare place", "Päiväkoti Satakieli, Hervanta", "Esiopetus Tähdet", "Ended")
    toddler = data.sections[2].table
    assert toddler is not None
    assert toddler.rows[0][0:4] == ("Daycare application", "Päiväkoti Satakieli, Hervanta", "—", "Pending")
    assert [b.text for b in data.badges] == ["Application pending: Ella Testinen"]
    assert data.source.startswith("Education services API 1.0, http://127.0.0.1:")


def test_the_services_panel_never_shows_support_even_when_the_server_sends_it(education_plugin, make_call):
    data = education_plugin.panel("services", make_call())
    shown = _all_text(data)
    for secret in ("Tukiopetus", "Koulunkäyntiavustaja", "Puheterapeutin", "ntensified", "support"):
        assert secret not in shown


def test_the_services_panel_asks_the_summary_view(education_plugin, education_server, make_call, seed):
    education_plugin.panel("services", make_call())
    stats = education_server.stats()
    assert stats["requests"] == {"/learners": 3}  # the customer and two children, one request each
    assert stats["purposes"] == {"statutory_task": 3}
    assert stats["views"] == {"summary": 3}


def test_a_summary_answer_that_carries_support_is_still_shown_without_it(make_call, seed):
    from agentdesk.plugin_api import PluginContext
    from agentdesk_education.reference_server import start_server

    with start_server(seed, leak_support=True) as server:  # a misconfigured adapter sends support anyway
        plugin = create(PluginContext("education", {"base_url": server.base_url}, {}))
        try:
            shown = _all_text(plugin.panel("services", make_call()))
        finally:
            plugin.close()
    assert "Hervannan koulu" in shown and "Tukiopetus" not in shown and "Puheterapeutin" not in shown


def test_the_support_panel_lists_current_support_for_the_education_department(education_plugin, make_call):
    data = education_plugin.panel("support", make_call(language="fi"))
    assert [s.title for s in data.sections] == [
        "Lapsi: Eetu Testinen (s. 2.5.2016)",
        "Lapsi: Ella Testinen (s. 15.3.2022)",
    ]
    assert data.sections[0].table is not None and data.sections[1].table is not None
    assert data.sections[0].table.rows == (
        ("Perusopetus", "Hervannan koulu", "Tehostettu tuki", "Tukiopetus matematiikassa; Koulunkäyntiavustaja"),
    )
    assert data.sections[1].table.rows == (
        ("Varhaiskasvatuspaikka", "Päiväkoti Kanervisto, Kaleva", "Yleinen tuki", "Puheterapeutin ohjaus ryhmässä"),
    )


def test_the_support_panel_asks_the_full_view(education_plugin, education_server, make_call):
    education_plugin.panel("support", make_call())
    assert education_server.stats()["views"] == {"full": 3}


def test_a_customer_without_children_or_records_gets_a_plain_message(education_plugin, make_call, people):
    data = education_plugin.panel("services", make_call(people.NO_RECORDS, ()))
    assert data.empty and data.message == (
        "Neither the customer nor their children have daycare, school or adult-education records"
    )
    support = education_plugin.panel("support", make_call(language="sv"))
    assert not support.empty  # the children have support
    nobody = education_plugin.panel("support", make_call(people.GUARDIAN, ()))
    assert nobody.empty and nobody.message == "No recorded support for the customer or their children"


def test_a_child_without_an_identity_code_is_named_and_not_asked_about(
    education_plugin, education_server, make_call, people
):
    data = education_plugin.panel("services", make_call(children=(people.child(None, "Onni", "2020-01-01", 9),)))
    assert data.sections[1].title == "Child: Onni Testinen (born 1.1.2020)"
    assert data.sections[1].table is not None and data.sections[1].table.empty_text == "No identity code on record"
    assert education_server.stats()["total"] == 1


def test_no_identity_code_at_all_makes_no_request(education_plugin, education_server, make_call):
    data = education_plugin.panel("services", make_call(None, ()))
    assert data.empty and data.message == "No identity code on record"
    assert education_server.stats()["total"] == 0


@pytest.mark.parametrize(
    ("language", "title", "service"),
    [("fi", "Asiakas", "Aikuiskoulutus"), ("sv", "Kund", "Vuxenutbildning"), ("de", "Customer", "Adult education")],
)
def test_the_panel_speaks_the_agents_language(education_plugin, make_call, people, language, title, service):
    data = education_plugin.panel("services", make_call(people.GUARDIAN, (), language=language))
    assert data.sections[0].title.startswith(title)
    assert data.sections[0].table is not None and data.sections[0].table.rows[0][0] == service


def test_the_plugin_testing_fixtures_work_for_this_plugin(education_plugin, call_context, people):
    # call_context: the plugin-testing customer (GUARDIAN's identity code), no children.
    data = education_plugin.panel("services", call_context)
    assert [s.title for s in data.sections] == ["Customer: Aino Testinen (born 1.5.1994)"]
    assert people.PUPIL not in _all_text(data) and people.TODDLER not in _all_text(data)


def test_an_unknown_panel_is_a_key_error(education_plugin, make_call):
    with pytest.raises(KeyError):
        education_plugin.panel("grades", make_call())
