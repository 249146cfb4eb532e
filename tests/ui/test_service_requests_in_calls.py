"""A service request filed from the technical panel during a call belongs to that call's contact, and
the back office closing it in Open311 resolves the case in the desk (the real desk, the reference
Open311 server on loopback)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from agentdesk.cases import CaseService
from agentdesk.storage.models import CaseStatus, Channel, Interaction, Outcome, ServiceCase
from tests.ui.plugin_panels_support import deployment, open_area


def _file_snow_ploughing(qtbot, area, panel):
    qtbot.mouseClick(panel.action_buttons["file_request"], Qt.MouseButton.LeftButton)
    dialog = area.action_dialog
    qtbot.waitUntil(lambda: dialog.chooser is not None and dialog.form_view is not None, timeout=5000)
    chooser = dialog.chooser.editor
    chooser.setCurrentIndex(chooser.findData("snow_ploughing"))
    qtbot.waitUntil(
        lambda: dialog.form_action_id == "file_request:snow_ploughing" and dialog.file_button.isEnabled(), timeout=5000
    )
    editors = dialog.form_view.editors
    editors["description"].editor.setPlainText("Jalkakäytävä auraamatta.")
    with qtbot.waitSignal(dialog.filed, timeout=8000):
        qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    return dialog


def test_filed_during_a_call_the_request_is_that_calls_and_the_back_office_closing_it_resolves_the_case(
    qtbot, plugin_desk, fhir, social, open311, seeded, sqlite_db
):
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311, contact_search=False))
    area = open_area(qtbot, desk, seeded.anna)
    view = desk.window.tabs.currentWidget()
    panel = area.panels["technical.requests"]
    area.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.state == "empty", timeout=5000)

    view.panel.start_contact(Channel.PHONE)  # the call in progress
    view.panel.form.notes.setPlainText("Soitti: jalkakäytävä auraamatta.")
    dialog = _file_snow_ploughing(qtbot, area, panel)
    stored = dialog.stored
    assert stored is not None and stored.interaction_id == 0, "no web contact of its own"
    qtbot.waitUntil(lambda: view.panel.form.case.currentData() == stored.case_id, timeout=5000)
    assert view.panel.form.outcome_buttons[Outcome.CASE_CREATED].isChecked()
    with sqlite_db.session() as s:
        assert s.query(Interaction).filter_by(customer_id=seeded.anna, channel=Channel.WEB).count() == 0
        reference = s.get(ServiceCase, stored.case_id).backoffice_ref

    field = view.panel.form.topic.lineEdit()
    field.setFocus()
    qtbot.keyClicks(field, "Street maintenance")
    with qtbot.waitSignal(view.panel.saved, timeout=5000) as saved:
        view.panel.save()
    with sqlite_db.session() as s:
        call = s.get(Interaction, saved.args[0].id)
        assert (call.channel, call.case_id) == (Channel.PHONE, stored.case_id), "the call carries the request's case"
        assert s.query(Interaction).filter_by(customer_id=seeded.anna).count() == 1

    # The back office closes the request in Open311; the desk's next poll resolves the case.
    qtbot.waitUntil(lambda: view.cases.title() == "Open cases (1)", timeout=5000)
    open311.store.set_status(reference, "closed", "Aurattu.")
    poller = desk.plugins.status_poller
    with qtbot.waitSignal(poller.polled, timeout=8000) as polled:
        poller.poll_now()
    assert polled.args == [1]
    snapshot = CaseService(sqlite_db).snapshot(stored.case_id)
    assert snapshot.status is CaseStatus.RESOLVED
    assert (snapshot.history[-1].actor, snapshot.history[-1].note) == (
        "backoffice:open311",
        "open311: closed — Aurattu.",
    )
    qtbot.waitUntil(lambda: view.cases.title() == "Open cases", timeout=5000)  # the open tab shows it resolved


def test_filed_with_no_contact_in_progress_the_request_gets_its_own_web_contact(
    qtbot, plugin_desk, fhir, social, open311, seeded, sqlite_db
):
    desk = plugin_desk("agent.aino", deployment(fhir, social, open311, contact_search=False))
    area = open_area(qtbot, desk, seeded.anna)
    panel = area.panels["technical.requests"]
    area.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.state == "empty", timeout=5000)
    dialog = _file_snow_ploughing(qtbot, area, panel)
    assert dialog.stored is not None and dialog.stored.interaction_id > 0
    with sqlite_db.session() as s:
        web = s.query(Interaction).filter_by(customer_id=seeded.anna).one()
        assert (web.channel, web.case_id) == (Channel.WEB, dialog.stored.case_id)
