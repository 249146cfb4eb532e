"""Self-service updates decided at the desk, on real SQLite: Next on the self-service queue opens the
update beside the register; Accept writes it (lineage "self-service") and the inbox lets the item go;
a rejection needs a reason and keeps what was typed; an update nobody in the register matches can only
be rejected; a protected person's address change shows no address to an agent."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from agentdesk.citizen.update_form import SelfServiceForm
from agentdesk.citizen.updates import SelfServiceUpdates
from agentdesk.customer_register import CustomerRegister
from agentdesk.lineage import read_lineage
from agentdesk.queues import QueueDirectory, WorkItemState, WorkQueue
from agentdesk.storage.models import Channel, Customer, SelfServiceState, SelfServiceUpdate, StaffUser
from agentdesk_desktop.work.self_service_dialog import NOW, PROPOSED, SelfServiceDialog
from tests.core.citizen_support import self_service_queue
from tests.ui.conftest import hetu


@pytest.fixture
def web_queue(sqlite_db, seeded):
    queue = self_service_queue(sqlite_db)
    with sqlite_db.session() as s:
        aino = s.query(StaffUser).filter_by(username="agent.aino").one().id
    QueueDirectory(sqlite_db).add_member(queue, aino)
    return queue


def submit(db, **fields) -> int:
    return SelfServiceUpdates(db).submit(SelfServiceForm(**fields)).update_id


def state_of(db, update_id: int) -> tuple[SelfServiceState, str]:
    with db.session() as s:
        row = s.get(SelfServiceUpdate, update_id)
        return row.state, row.reason


def dialog_for(qtbot, db, bg, change_bus, update_id, **kwargs) -> SelfServiceDialog:
    dialog = SelfServiceDialog(SelfServiceUpdates(db), bg, update_id, actor="agent.aino", **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.shown, timeout=5000):
        dialog.show()
    return dialog


def test_next_opens_the_update_and_accept_puts_it_in_the_register(english_desk, qtbot, sqlite_db, seeded, web_queue):
    update_id = submit(sqlite_db, kind="phone", hetu=seeded.anna_hetu, last_name="Virtanen", phone="050 765 4321")
    desk = english_desk
    dock = desk.windows.inbox
    qtbot.waitUntil(lambda: desk.windows.presence.text() == "● Available", timeout=5000)
    dock.refresh()  # what its timer does (a read still running from the start-up makes this one wait)
    qtbot.waitUntil(lambda: dock.refresh() or dock.items.topLevelItemCount() == 1, timeout=5000)
    with qtbot.waitSignal(dock.claimed, timeout=5000):
        qtbot.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: update_id in desk.windows._self_service_dialogs, timeout=5000)
    dialog = desk.windows._self_service_dialogs[update_id]
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=5000)
    assert "Anna Virtanen" in dialog.heading.text() and "new phone number" in dialog.heading.text()
    assert (dialog.table.item(0, 0).text(), dialog.table.item(0, NOW).text()) == ("Phone", "+358401234567")
    assert dialog.table.item(0, PROPOSED).text() == "+358507654321"
    assert dialog.table.item(0, PROPOSED).font().bold(), "what would change stands out"
    assert not dialog.flags.isVisible()

    with qtbot.waitSignal(dialog.decided, timeout=5000) as decided:
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert decided.args == ["accepted"]
    record = CustomerRegister(sqlite_db).get(seeded.anna)
    assert record.phones[0] == "+358507654321"
    with sqlite_db.session() as s:
        lineage = {entry.item: entry for entry in read_lineage(s, seeded.anna)}
    assert lineage["phone"].register == "self-service"
    assert state_of(sqlite_db, update_id)[0] is SelfServiceState.ACCEPTED
    item = WorkQueue(sqlite_db).find(f"self-service:{update_id}", Channel.WEB)
    assert item is not None and item.state is WorkItemState.DONE
    qtbot.waitUntil(lambda: dock.items.topLevelItemCount() == 0, timeout=5000)


def test_a_rejection_needs_a_reason_and_keeps_what_was_typed(qtbot, sqlite_db, seeded, web_queue, bg, change_bus):
    update_id = submit(sqlite_db, kind="email", hetu=seeded.anna_hetu, last_name="Virtanen", email="anna@new.example")
    dialog = dialog_for(qtbot, sqlite_db, bg, change_bus, update_id)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible() and "Say why" in dialog.message.text()
    assert state_of(sqlite_db, update_id)[0] is SelfServiceState.NEW
    dialog.reason.setPlainText("x" * 501)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert "501 characters" in dialog.message.text() and dialog.reason.toPlainText() == "x" * 501

    dialog.reason.setPlainText("The citizen called: the address was a typo")
    published = change_bus.published
    with qtbot.waitSignal(dialog.decided, timeout=5000):
        qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert state_of(sqlite_db, update_id) == (SelfServiceState.REJECTED, "The citizen called: the address was a typo")
    assert change_bus.published == published + 1, "the decision's changes, published once"
    assert CustomerRegister(sqlite_db).get(seeded.anna).emails == ("anna.virtanen@example.fi",)

    again = dialog_for(qtbot, sqlite_db, bg, change_bus, update_id)
    assert not again.accept_button.isEnabled() and not again.reject_button.isEnabled()
    assert again.message.text() == "Rejected by agent.aino."


def test_an_update_nobody_matches_can_only_be_rejected(qtbot, sqlite_db, seeded, web_queue, bg, change_bus):
    update_id = submit(sqlite_db, kind="language", hetu=seeded.anna_hetu, last_name="Väärä", language="sv")
    dialog = dialog_for(qtbot, sqlite_db, bg, change_bus, update_id)
    assert not dialog.accept_button.isEnabled() and dialog.reject_button.isEnabled()
    assert "no customer in the register matched" in dialog.heading.text()
    assert dialog.flags.isVisible() and "only a rejection is possible" in dialog.flags.text()
    assert dialog.table.item(0, PROPOSED).text() == "Swedish"


def test_a_protected_persons_address_is_not_shown_to_an_agent(qtbot, sqlite_db, seeded, web_queue, bg, change_bus):
    with sqlite_db.session() as s:
        assert s.get(Customer, seeded.secret).last_name == "Virtanen"
    update_id = submit(
        sqlite_db,
        kind="address",
        hetu=hetu("040594", "V", 903),  # Sari Virtanen's: a protected address
        last_name="Virtanen",
        street="Uusi katu 1",
        postal_code="33200",
        municipality="Tampere",
        moved_on=dt.date.today().strftime("%d.%m.%Y"),
    )
    dialog = dialog_for(qtbot, sqlite_db, bg, change_bus, update_id)
    shown = [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount()) for c in (NOW, PROPOSED)]
    assert seeded.protected_street not in " ".join(shown) and "Uusi katu" not in " ".join(shown)
    assert "protected address" in dialog.flags.text() and not dialog.accept_button.isEnabled()

    steward = dialog_for(qtbot, sqlite_db, bg, change_bus, update_id, sees_protected=True)
    assert steward.accept_button.isEnabled()
    proposed = [steward.table.item(r, PROPOSED).text() for r in range(steward.table.rowCount())]
    today = dt.date.today()
    assert "Uusi katu 1" in proposed and f"{today.day}.{today.month}.{today.year}" in proposed
