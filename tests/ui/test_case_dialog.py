"""The case dialog: the history in Helsinki time, the next steps the case allows, a refused step that
keeps the note, a stale change, and the change notice that refreshes the customer's tabs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from agentdesk.cases import FINNISH_CALENDAR, CaseChange, CaseService
from agentdesk.interaction_log import InteractionDraft, InteractionLog
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import CaseStatus, Channel, Outcome, ServiceCase
from agentdesk_desktop.cases.case_dialog import HISTORY_COLUMNS, CaseDialog

S = CaseStatus


@pytest.fixture
def filed(sqlite_db, seeded):
    saved = InteractionLog(sqlite_db).save(
        InteractionDraft(
            channel=Channel.PHONE,
            started_at=dt.datetime(2026, 6, 18, 10, 30, tzinfo=dt.UTC),  # 13:30 in Helsinki (summer time)
            customer_id=seeded.anna,
            topic="general.feedback",
            notes="Street light out",
            outcome=Outcome.CASE_CREATED,
            new_case_title="Street light out on Hämeenkatu",
            new_case_due=FINNISH_CALENDAR.add_working_days(dt.date.today(), 10),
        ),
        agent_id=None,
        actor="agent.aino",
    )
    return saved.case_id


def open_dialog(qtbot, sqlite_db, bg, case_id):
    dialog = CaseDialog(
        case_id, CaseService(sqlite_db), bg, actor="agent.aino", departments=StaffDirectory(sqlite_db).departments
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.snapshot is not None and dialog.department_box.count() > 0)
    return dialog


def history_rows(dialog) -> list[list[str]]:
    table = dialog.history
    return [[table.item(r, c).text() for c in range(HISTORY_COLUMNS)] for r in range(table.rowCount())]


def choose(box, status: CaseStatus) -> None:
    box.setCurrentIndex(box.findData(status.value))


def test_the_dialog_offers_only_the_steps_the_case_allows_and_records_one_with_its_note(
    qtbot, sqlite_db, bg, change_bus, filed, seeded
):
    dialog = open_dialog(qtbot, sqlite_db, bg, filed)
    assert dialog.heading.text() == "Street light out on Hämeenkatu"
    assert "Assigned" in dialog.facts.text() and "working days left" in dialog.facts.text()
    [created] = history_rows(dialog)
    assert created[1] == "agent.aino" and created[2] == "Filed as Assigned"
    offered = [dialog.status_box.itemText(i) for i in range(dialog.status_box.count())]
    assert offered == ["Assigned", "Waiting for the citizen", "Waiting for the back office", "Resolved"]

    published = []
    change_bus.changed.connect(published.append)
    choose(dialog.status_box, S.WAITING_BACKOFFICE)
    dialog.department_box.setCurrentIndex(dialog.department_box.findText("Health services"))
    qtbot.keyClicks(dialog.note, "Field crew ordered")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(history_rows(dialog)) == 2)
    last = history_rows(dialog)[-1]
    assert last[1:] == [
        "agent.aino",
        "Assigned → Waiting for the back office",
        "Health services",  # the register's "Terveyspalvelut" in the desk's language
        "",
        "Field crew ordered",
    ]
    assert dialog.note.toPlainText() == ""  # it went into the history
    assert "Waiting for the back office" in dialog.facts.text() and "Health services" in dialog.facts.text()
    assert [c.cases for c in published] == [frozenset({seeded.anna})]  # the customer's tabs refresh
    with sqlite_db.session() as s:
        assert s.get(ServiceCase, filed).status is S.WAITING_BACKOFFICE


def test_a_step_that_needs_a_note_says_so_and_keeps_what_was_chosen(qtbot, sqlite_db, bg, filed):
    dialog = open_dialog(qtbot, sqlite_db, bg, filed)
    choose(dialog.status_box, S.WAITING)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "")
    assert dialog.message.text() == "Write a note saying why: it stays in the case's history."
    assert dialog.status_box.currentData() == S.WAITING.value  # nothing chosen is lost
    assert len(history_rows(dialog)) == 1
    assert dialog.focusWidget() is dialog.note


def test_a_change_made_elsewhere_first_is_shown_and_the_note_is_kept(qtbot, sqlite_db, bg, filed):
    dialog = open_dialog(qtbot, sqlite_db, bg, filed)
    cases = CaseService(sqlite_db)
    cases.change(CaseChange(filed, S.RESOLVED, dialog.snapshot.version), actor="super.sari")  # another desk
    choose(dialog.status_box, S.WAITING)
    qtbot.keyClicks(dialog.note, "Asked for a photo")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Someone else changed this case" in dialog.message.text())
    qtbot.waitUntil(lambda: dialog.snapshot.status is S.RESOLVED)
    assert dialog.note.toPlainText() == "Asked for a photo"
    assert history_rows(dialog)[-1][1:3] == ["super.sari", "Assigned → Resolved"]
    offered = {dialog.status_box.itemData(i) for i in range(dialog.status_box.count())}
    assert offered == {S.CLOSED.value, S.REOPENED.value}


def test_history_times_are_shown_in_helsinki_time(qtbot, sqlite_db, bg, filed):
    with sqlite_db.session() as s, s.begin():
        from agentdesk.storage.models import CaseEvent

        event = s.query(CaseEvent).filter_by(case_id=filed).one()
        event.at = dt.datetime(2026, 1, 15, 22, 30, tzinfo=dt.UTC)  # 00:30 the next day in Helsinki
    dialog = open_dialog(qtbot, sqlite_db, bg, filed)
    assert history_rows(dialog)[0][0] == "16.1.2026 00:30"


def test_timeline_moments_are_helsinki_time_whatever_the_workstation_zone(monkeypatch):
    import time

    from agentdesk_desktop.widgets.labels import format_moment

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert format_moment(dt.datetime(2026, 7, 1, 21, 5, tzinfo=dt.UTC)) == "2.7.2026 00:05"
    finally:
        monkeypatch.undo()
        time.tzset()
