"""The agent's presence in the status bar and the one inbox, in the running desk on real SQLite: the
agent changes the presence from its menu; Next takes what the routing picks across channels (and makes
the agent busy); Transfer… hands an item on with a note; Finish closes it with a wrap-up code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from agentdesk.queues import Presence, PresenceState, QueueDirectory, QueueSpec, WorkItemState, WorkQueue
from agentdesk.queues.inbox import Inbox
from agentdesk.storage.models import Channel, StaffUser
from agentdesk_desktop.work.transfer_dialog import TransferDialog


def staff_id(db, username: str) -> int:
    with db.session() as s:
        return next(u.id for u in s.query(StaffUser).filter_by(username=username))


@pytest.fixture
def queues(sqlite_db, seeded):
    directory = QueueDirectory(sqlite_db)
    phone = directory.create(QueueSpec("neuvonta", "Neuvonta", Channel.PHONE, target_seconds=20)).id
    mail = directory.create(QueueSpec.email("posti", "Kirjaamo", hours=8)).id
    web = directory.create(QueueSpec("web", "Verkkoasiointi", Channel.WEB, target_seconds=3600)).id
    aino = staff_id(sqlite_db, "agent.aino")
    directory.add_member(phone, aino, skills=["fi"])
    directory.add_member(mail, aino, skills=["fi"])
    return phone, mail, web


def presence_of(db, username: str) -> PresenceState | None:
    state = Presence(db).get(staff_id(db, username))
    return state.state if state else None


def test_the_presence_is_in_the_status_bar_and_the_agent_changes_it(english_desk, qtbot, sqlite_db):
    desk = english_desk
    button = desk.windows.presence
    assert button.window() is desk.window and button.isVisibleTo(desk.window)
    qtbot.waitUntil(lambda: button.text() == "● Available", timeout=5000)
    assert presence_of(sqlite_db, "agent.aino") is PresenceState.AVAILABLE, "signing in makes the agent available"
    assert [a.text() for a in button.menu_.actions()] == ["Available", "Busy", "Wrap-up", "Break", "Offline"]

    with qtbot.waitSignal(button.state_shown, timeout=5000):
        button.actions_by_state[PresenceState.BREAK].trigger()
    assert button.text() == "● Break" and button.actions_by_state[PresenceState.BREAK].isChecked()
    assert presence_of(sqlite_db, "agent.aino") is PresenceState.BREAK


def test_next_takes_what_the_routing_picks_and_makes_the_agent_busy(english_desk, qtbot, sqlite_db, seeded, queues):
    desk, (phone, mail, web) = english_desk, queues
    work = WorkQueue(sqlite_db)
    work.enqueue(web, external_ref="web-1", priority=0)  # not Aino's queue
    work.enqueue(phone, external_ref="call-sv", skill="sv", priority=1)  # Aino has no Swedish
    mail_item = work.enqueue(mail, external_ref="<m@x>", subject="Kysymys laskusta", customer_id=seeded.anna).id
    work.enqueue(phone, external_ref="call-2", priority=9)
    dock, button = desk.windows.inbox, desk.windows.presence
    qtbot.waitUntil(lambda: button.text() == "● Available", timeout=5000)
    assert dock.isVisible()
    dock.refresh()  # what its 15-second timer does
    qtbot.waitUntil(lambda: dock.items.topLevelItemCount() == 2, timeout=5000)
    assert dock.windowTitle() == "Inbox (2 waiting)"
    assert [dock.items.topLevelItem(i).text(2) for i in range(2)] == ["Kirjaamo", "Neuvonta"]

    with qtbot.waitSignal(dock.claimed, timeout=5000) as claimed:
        qtbot.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
    assert claimed.args[0].id == mail_item
    assert dock.message.text() == "You took: Kysymys laskusta"
    assert desk.window.current_customer_id() == seeded.anna, "the item's customer opens: the agent asked for it"
    qtbot.waitUntil(lambda: button.text() == "● Busy", timeout=5000)
    qtbot.waitUntil(lambda: dock.items.topLevelItem(0).text(0) == "Yours", timeout=5000)
    row = dock.items.topLevelItem(0)
    assert (row.text(1), row.text(3)) == ("E-mail", "Kysymys laskusta")

    dock.items.setCurrentItem(row)
    dock.codes.setCurrentIndex(dock.codes.findText("Callback agreed"))
    with qtbot.waitSignal(dock.finished, timeout=5000):
        qtbot.mouseClick(dock.finish_button, Qt.MouseButton.LeftButton)
    assert dock.message.text() == "Finished: Callback agreed"
    done = work.get(mail_item)
    assert done is not None and (done.state, done.wrap_up_code) == (WorkItemState.DONE, "callback")


def test_transfer_hands_the_item_on_with_a_note_and_a_long_note_is_kept(english_desk, qtbot, sqlite_db, queues):
    desk, (phone, mail, _web) = english_desk, queues
    call = WorkQueue(sqlite_db).enqueue(phone, external_ref="call-1", subject="Pysäköinti").id
    dock = desk.windows.inbox
    with qtbot.waitSignal(dock.claimed, timeout=5000):
        dock.take_next()
    qtbot.waitUntil(lambda: dock.items.topLevelItemCount() == 1 and dock.items.topLevelItem(0).text(0) == "Yours")
    dock.items.setCurrentItem(dock.items.topLevelItem(0))
    assert dock.transfer_button.isEnabled()

    qtbot.mouseClick(dock.transfer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.window.findChild(TransferDialog) is not None, timeout=5000)
    dialog = desk.window.findChild(TransferDialog)
    dialog.queue.setCurrentIndex(dialog.queue.findData(mail))
    long_note = "Soittaja kysyy pysäköintiluvasta. " * 20
    dialog.note.setPlainText(long_note)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.message.text().startswith("The note is 679 characters long; at most 500")
    assert dialog.note.toPlainText() == long_note, "nothing typed is lost"

    dialog.note.setPlainText("Asks about a parking permit; the mail team has the decision")
    with qtbot.waitSignal(dock.transferred, timeout=5000) as transferred:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert transferred.args[0].queue_id == mail and transferred.args[0].state is WorkItemState.WAITING
    assert Inbox(sqlite_db).transfers(call)[0][2:] == (
        mail,
        None,
        "Asks about a parking permit; the mail team has the decision",
    )
    qtbot.waitUntil(lambda: dock.items.topLevelItemCount() == 1 and dock.items.topLevelItem(0).text(0) == "Waiting")
    assert dock.items.topLevelItem(0).text(3) == (
        "Pysäköinti — Asks about a parking permit; the mail team has the decision"
    ), "the note travels with the item"
