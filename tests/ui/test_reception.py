"""Walk-in reception in the running desk (real SQLite): a ticket for the customer of the current tab,
Call next gives it to the agent's service point, and finishing the visit logs a walk-in contact
that appears in the customer's timeline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from agentdesk.queues import QueueDirectory, QueueSpec, WorkItemState, WorkQueue
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import Channel, Department, Interaction, Outcome


@pytest.fixture
def walk_in_queue(sqlite_db, seeded):
    with sqlite_db.session() as s:
        dept = s.query(Department).filter_by(code="customer_service").one().id
    directory = QueueDirectory(sqlite_db)
    queue = directory.create(
        QueueSpec(
            "palvelupiste", "Palvelupiste", Channel.WALK_IN, target_seconds=900, department_id=dept, ticket_letter="A"
        )
    )
    directory.add_member(queue.id, StaffDirectory(sqlite_db).get("agent.aino").id)
    return queue


@pytest.fixture
def desk(qtbot, sqlite_db, seeded, walk_in_queue):
    """The desk with the customer overview and contact logging, signed in as agent.aino, in English."""
    from agentdesk_desktop.app import build_app

    desk = build_app(sqlite_db, install_hooks=False, language="en")
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        desk.shutdown()
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()


def open_reception(qtbot, desk):
    window = desk.window
    assert window.reception_action.text() == "Walk-in &reception…"
    window.reception_action.trigger()
    reception = desk.reception
    assert reception is not None and reception.isVisible()
    qtbot.waitUntil(lambda: reception.service.count() == 1, timeout=5000)
    return reception


def test_a_ticket_for_the_current_customer_is_called_served_and_logged_in_their_timeline(
    desk, qtbot, sqlite_db, seeded, walk_in_queue
):
    window = desk.window
    overview = window.open_customer(seeded.anna)
    qtbot.waitUntil(lambda: overview.is_painted, timeout=5000)
    contacts_before = overview.timeline_model.rowCount()
    reception = open_reception(qtbot, desk)
    assert reception.for_customer.isEnabled()
    assert reception.for_customer.text() == "For the customer in the current tab: Anna Virtanen"

    reception.for_customer.setChecked(True)
    with qtbot.waitSignal(reception.ticket_issued, timeout=5000) as issued:
        qtbot.mouseClick(reception.issue_button, Qt.MouseButton.LeftButton)
    ticket = issued.args[0]
    assert reception.ticket_number.text() == "A001" == ticket.number
    assert reception.ticket_number.font().pointSizeF() >= 3 * window.font().pointSizeF(), "the number is big"
    assert ticket.customer_id == seeded.anna

    reception.point_name.setText("Desk 4")
    with qtbot.waitSignal(reception.ticket_called, timeout=5000) as called:
        qtbot.mouseClick(reception.call_button, Qt.MouseButton.LeftButton)
    assert reception.called_number.text() == "A001"
    assert reception.called_info.text().startswith("Called to Desk 4")
    item = WorkQueue(sqlite_db).get(called.args[0].work_item_id)
    aino = StaffDirectory(sqlite_db).get("agent.aino")
    assert (item.state, item.claimed_by, item.service_point) == (WorkItemState.IN_PROGRESS, aino.id, "Desk 4")
    assert item.answered_at is not None, "the wait ended when the visitor was called"
    assert window.current_customer_id() == seeded.anna, "the identified visitor's tab is in front"

    reception.topic.setCurrentIndex(reception.topic.findData("general.advice"))
    reception.outcome.setCurrentIndex(reception.outcome.findData(Outcome.RESOLVED_FIRST_CONTACT.value))
    reception.notes.setPlainText("Asked about the opening hours.")
    with qtbot.waitSignal(reception.visit_logged, timeout=5000) as logged:
        qtbot.mouseClick(reception.finish_button, Qt.MouseButton.LeftButton)
    saved = logged.args[0]
    with sqlite_db.session() as s:
        row = s.get(Interaction, saved.id)
        assert (row.channel, row.customer_id, row.external_ref, row.agent_id) == (
            Channel.WALK_IN,
            seeded.anna,
            "A001",
            aino.id,
        )
        assert row.started_at == item.answered_at, "the visit started when the visitor was called"
    done = WorkQueue(sqlite_db).get(item.id)
    assert (done.state, done.interaction_id) == (WorkItemState.DONE, saved.id)
    assert done.finished_at is not None, "the service time is recorded"

    qtbot.waitUntil(lambda: overview.timeline_model.rowCount() == contacts_before + 1, timeout=5000)
    assert overview.timeline_model.index(0, 1).data() == "Walk-in", "the visit is at the top of the timeline"
    assert not reception.finish_button.isEnabled() and reception.called_number.text() == "—"
    reception.close()


def test_call_next_with_nobody_waiting_and_a_visit_without_a_topic(desk, qtbot, sqlite_db, walk_in_queue):
    reception = open_reception(qtbot, desk)
    assert not reception.for_customer.isEnabled(), "no customer tab is open"
    qtbot.mouseClick(reception.call_button, Qt.MouseButton.LeftButton)
    assert reception.busy, "asked off the UI thread"
    qtbot.waitUntil(lambda: not reception.busy, timeout=5000)
    assert reception.called_info.text() == "Nobody is waiting."

    with qtbot.waitSignal(reception.ticket_issued, timeout=5000):
        qtbot.mouseClick(reception.issue_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(reception.ticket_called, timeout=5000):
        qtbot.mouseClick(reception.call_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reception.finish_button, Qt.MouseButton.LeftButton)
    assert reception.point_message.isVisible()
    assert "Choose a topic from the list" in reception.point_message.text()
    assert reception.called is not None, "nothing was logged and the visitor is still being served"
    with sqlite_db.session() as s:
        assert s.query(Interaction).filter_by(channel=Channel.WALK_IN).count() == 0
    reception.close()
