"""Department panels in the customer overview, against the plugins' real back ends on loopback:
what an agent sees in each state (purpose asked, data, empty, error with Retry, slow, dead), who
sees which panel, the audit of sensitive access, and the protected address."""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from agentdesk_desktop.plugins.panel_content import PanelTableModel
from agentdesk_social.reference_server import start_server as start_social
from agentdesk_technical.reference_server import start_server as start_open311
from tests.ui.plugin_panels_support import (
    ANNA_EMAIL,
    Heartbeat,
    choose_purposes,
    deployment,
    open311_request,
    open311_seed,
    open_area,
    request_counts,
    sensitive_audit,
    wait_states,
)

KEYS = ("health.summary", "social.clients", "technical.requests")


def test_sensitive_panels_ask_a_purpose_first_then_show_the_back_ends_data_with_one_audit_entry_each(
    qtbot, qtmodeltester, plugin_desk, fhir, social, open311, seeded, sqlite_db
):
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311))
    area = open_area(qtbot, desk, seeded.anna)
    assert list(area.panels) == list(KEYS)
    assert [area.tabs.tabText(i) for i in range(area.tabs.count())] == [
        "Health care",
        "Social services",
        "Service requests",
    ]
    health, clients, requests = (area.panels[k] for k in KEYS)
    qtbot.waitUntil(lambda: requests.state == "data", timeout=5000)  # not sensitive: asked at once
    assert health.state == clients.state == "purpose"
    assert health.purpose_buttons["consent"].text() == "Customer is on the line and consents"
    assert [b.text() for b in clients.purpose_buttons.values()] == [
        "Customer is on the line and consents",
        "Statutory task",
        "Emergency",
    ]
    time.sleep(0.3)
    assert fhir.request_count == 0 and social.stats()["total"] == 0, "nothing is asked before a purpose"
    assert sensitive_audit(sqlite_db, seeded.anna) == []

    health.purpose_buttons["statutory_task"].click()
    clients.purpose_buttons["consent"].click()
    wait_states(qtbot, area, ("data",))
    assert social.stats()["purposes"] == {"consent": 1}
    assert sorted(sensitive_audit(sqlite_db, seeded.anna)) == [
        ("plugin.panel.view", "consent", "panel=social.clients"),
        ("plugin.panel.view", "statutory_task", "panel=health.summary"),
    ]

    texts = health.visible_texts()
    assert {"Upcoming appointments", "Recent visits", "Active care"} <= set(texts)
    assert "Client relationships" in clients.visible_texts()
    assert "7001" in requests.visible_texts()
    assert "HL7 FHIR R4" in health.footer.text() and "purpose: statutory task" in health.footer.text()
    assert "Open311 GeoReport v2" in requests.footer.text() and " at " in requests.footer.text()
    models = []  # kept until the model tester's teardown (the desk's own go with the desk)
    for panel in (health, clients, requests):
        for table in panel.content.tables:
            assert isinstance(table.model(), PanelTableModel)
            assert not table.horizontalScrollBar().isVisible(), "columns share the width, no sideways scrolling"
        for section in panel.content.data.sections:
            if section.table is not None:
                models.append(PanelTableModel(section.table))
                qtmodeltester.check(models[-1], force_py=True)
    assert len(models) == 5

    # The purpose is kept for this customer tab: asking again needs no new choice (but is audited).
    health.retry()
    qtbot.waitUntil(lambda: health.state == "data", timeout=5000)
    assert len(sensitive_audit(sqlite_db, seeded.anna)) == 3


def test_a_customer_the_back_ends_do_not_know_gets_each_panels_empty_message(
    qtbot, plugin_desk, fhir, social, open311, seeded
):
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311))
    area = open_area(qtbot, desk, seeded.matti)
    choose_purposes(area, "consent")
    wait_states(qtbot, area, ("empty",))
    messages = {k: p.content.findChild(type(p.footer), "panelEmptyMessage").text() for k, p in area.panels.items()}
    assert messages["health.summary"].startswith("No patient record")
    assert messages["technical.requests"].startswith("No service requests found")
    assert messages["social.clients"]
    assert not any(p.retry_button.isVisibleTo(p) for p in area.panels.values())


def test_back_end_errors_show_retry_which_works_once_the_back_end_is_back(
    qtbot, plugin_desk, fhir, social, open311, seeded
):
    fhir.set_mode("error500")
    social.set_mode("error500")
    open311.set_mode("error500")
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311))
    area = open_area(qtbot, desk, seeded.anna)
    choose_purposes(area, "emergency")
    wait_states(qtbot, area, ("error",))
    for panel in area.panels.values():
        assert panel.error_text.text() == "The back end answered with an error.", panel.key
        assert panel.retry_button.isVisibleTo(panel)
        assert area.tabs.tabIcon(area.tabs.indexOf(panel)).isNull() is False, "the tab says it failed"
    fhir.set_mode("normal")
    social.set_mode("normal")
    open311.set_mode("normal")
    for panel in area.panels.values():
        area.tabs.setCurrentWidget(panel)
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    wait_states(qtbot, area, ("data",))
    assert all(p.purpose == "emergency" for p in area.panels.values() if p.spec.sensitive)


def test_slow_back_ends_show_loading_then_an_error_while_the_ui_keeps_running(qtbot, plugin_desk, fhir, seeded):
    slow_social = start_social({"clients": {}})
    slow_open311 = start_open311(open311_seed([open311_request("7001", email=ANNA_EMAIL)]))
    try:
        fhir.set_mode("slow", delay_ms=5000)
        slow_social.set_mode("slow", 5.0)
        slow_open311.set_mode("slow", delay=5.0)
        desk = plugin_desk("agent.aino", deployment(fhir, slow_social, slow_open311))
        area = open_area(qtbot, desk, seeded.anna)
        choose_purposes(area, "consent")
        qtbot.waitUntil(lambda: all(p.state == "loading" for p in area.panels.values()), timeout=2000)
        assert all(p.loading_text.text() == "Loading…" for p in area.panels.values())
        beat = Heartbeat(10)  # a 10 ms timer on the UI thread: it fires only while the event loop runs
        wait_states(qtbot, area, ("error",), timeout=12_000)
        beat.stop()
        asked = request_counts(fhir, slow_social, slow_open311)
        assert all(n >= 1 for n in asked.values()), f"each back end was asked before its panel gave up: {asked}"
        assert len(beat.ticks) >= 10, "the desk kept handling events while the panels loaded"
        # How long the UI thread may stall meanwhile is measured by benchmarks/panels.py, not asserted here.
        for panel in area.panels.values():
            assert panel.error_text.text() in (
                "The back end does not answer.",
                "The back end did not answer in time.",
            ), panel.key
        # The rest of the overview works meanwhile and afterwards.
        assert area.parentWidget() is not None and desk.window.search_panel.isEnabled()
    finally:
        slow_social.stop()
        slow_open311.stop()
        fhir.set_mode("normal")


def test_dead_back_ends_show_that_they_do_not_answer(qtbot, plugin_desk, seeded):
    desk = plugin_desk("agent.aino", deployment(None, None, None))
    area = open_area(qtbot, desk, seeded.anna)
    choose_purposes(area, "consent")
    wait_states(qtbot, area, ("error",))
    for panel in area.panels.values():
        assert panel.error_text.text() == "The back end does not answer.", panel.key
        assert panel.retry_button.isVisibleTo(panel)
    assert desk.window.isVisible()


def test_roles_without_access_never_get_the_panel_nor_cause_a_request(
    qtbot, plugin_desk, fhir, social, open311, seeded
):
    desk = plugin_desk("tech.teemu", deployment(fhir, social, open311))
    area = open_area(qtbot, desk, seeded.anna)
    assert list(area.panels) == ["technical.requests"], "health and social are need-to-know"
    wait_states(qtbot, area, ("data",))
    assert request_counts(fhir, social, open311)["health"] == 0
    assert social.stats()["total"] == 0
    desk.shutdown()

    open311.reset_stats()
    steward = plugin_desk("steward.paavo", deployment(fhir, social, open311))
    area = open_area(qtbot, steward, seeded.anna)
    assert area.panels == {} and area.tabs.count() == 0
    assert area.note.isVisibleTo(area)
    assert area.note.text() == "No department panels for your role on this workstation."
    time.sleep(0.3)
    assert request_counts(fhir, social, open311) == {"health": 0, "social": 0, "technical": 0}


def test_a_protected_address_is_never_rendered(qtbot, plugin_desk, fhir, social, seeded, sqlite_db):
    leaky = start_open311(
        open311_seed(
            [
                open311_request(
                    "7002", email="nobody@example.fi", notes=f"Korjattu osoitteessa {seeded.protected_street}"
                )
            ]
        )
    )
    try:
        from agentdesk.storage.models import ServiceCase

        with sqlite_db.session() as s, s.begin():
            s.add(
                ServiceCase(
                    customer_id=seeded.secret, title="Katuvalo", backoffice_system="open311", backoffice_ref="7002"
                )
            )
        desk = plugin_desk("agent.aino", deployment(fhir, social, leaky))
        area = open_area(qtbot, desk, seeded.secret)
        panel = area.panels["technical.requests"]
        qtbot.waitUntil(lambda: panel.state == "error", timeout=5000)
        assert panel.error_text.text() == "This panel is hidden: it tried to show a protected address."
        view = area.window().tabs.currentWidget()
        assert seeded.protected_street not in " ".join(_all_texts(view))
    finally:
        leaky.stop()


def test_closing_the_customer_tab_cancels_its_requests(qtbot, plugin_desk, fhir, social, seeded):
    slow = start_open311(open311_seed([]))
    slow.set_mode("slow", delay=3.0)
    try:
        desk = plugin_desk("agent.aino", deployment(fhir, social, slow))
        area = open_area(qtbot, desk, seeded.anna)
        panel = area.panels["technical.requests"]
        qtbot.waitUntil(
            lambda: panel.state == "loading" and panel._request is not None and panel._request.handle is not None,
            timeout=3000,
        )
        request, handle = panel._request, panel._request.handle
        desk.window.close_tab(0)
        qtbot.waitUntil(lambda: handle.cancel_event.is_set(), timeout=2000)
        assert request.cancelled
        assert desk.plugins.requests.pending == 0, "no answer will be delivered to the closed tab"
    finally:
        slow.stop()


def test_the_panels_wait_for_the_overviews_first_paint_and_it_still_fits_a_maximized_desk(
    qtbot, plugin_desk, fhir, social, open311, seeded
):
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311))
    view = desk.window.open_customer(seeded.anna)
    area = view.plugin_panel_area
    assert area.panels == {} and open311.stats()["total"] == 0, "nothing competes with the overview's paint"
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    qtbot.waitUntil(lambda: len(area.panels) == 3 and area.customer is not None, timeout=5000)
    choose_purposes(area)
    wait_states(qtbot, area, ("data",))
    view = desk.window.tabs.currentWidget()
    hint = view.minimumSizeHint()
    assert hint.width() <= 1040 and hint.height() <= 940, hint
    assert not view.findChildren(QScrollArea), "no part of the overview is a scrolled page"
    region = view.plugin_panels
    for widget in (region, area.tabs):
        bottom_right = widget.mapTo(view, widget.rect().bottomRight())
        assert view.rect().contains(bottom_right), widget.objectName()


def _all_texts(root) -> list[str]:
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    out = []
    for w in [root, *root.findChildren(QWidget)]:
        for getter in ("text", "toPlainText", "title", "toolTip"):
            value = getattr(w, getter, None)
            if callable(value):
                with contextlib.suppress(TypeError):  # a getter that needs arguments
                    out.append(str(value()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            out += [str(m.index(r, c).data() or "") for r in range(m.rowCount()) for c in range(m.columnCount())]
    return out


def test_a_language_switch_translates_the_panels_and_asks_the_back_ends_again(
    qtbot, plugin_desk, fhir, social, open311, seeded
):
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311))
    area = open_area(qtbot, desk, seeded.anna)
    requests = area.panels["technical.requests"]
    qtbot.waitUntil(lambda: requests.state == "data", timeout=5000)
    asked = open311.stats()["total"]
    desk.set_language("sv")
    assert [area.tabs.tabText(i) for i in range(area.tabs.count())] == [
        "Hälso- och sjukvård",
        "Socialtjänster",
        "Serviceförfrågningar",
    ]
    health = area.panels["health.summary"]
    assert health.purpose_buttons["statutory_task"].text() == "Lagstadgad uppgift"
    assert requests.action_buttons["file_request"].text() == "Gör en serviceförfrågan…"
    qtbot.waitUntil(lambda: requests.state == "data" and open311.stats()["total"] > asked, timeout=5000)
