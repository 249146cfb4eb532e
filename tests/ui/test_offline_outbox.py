"""Never stuck when the shared database drops: a contact saved while PostgreSQL is down waits in the
staff user's encrypted outbox, the status bar says so, and it is stored once, in order, when the
server is back. Against a PostgreSQL server of the test's own (tests.pg_server_support), stopped and
started mid-test; the shared test server is never touched. No timed assertions: every wait is
qtbot.waitUntil with a generous timeout."""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar
from sqlalchemy import select

from agentdesk import paths
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.drafts import DraftStore, new_key
from agentdesk.interaction_log import InteractionLog
from agentdesk.outbox import Outbox
from agentdesk.staff import StaffDirectory
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import Department, Interaction, Outcome, StaffUser
from agentdesk.topics import load_topics
from agentdesk_desktop.logging.contact_drafts import DRAFT_KIND
from agentdesk_desktop.logging.contact_outbox import ContactOutbox
from agentdesk_desktop.logging.outbox_status import OutboxStatus
from agentdesk_desktop.overview.customer_overview_view import CustomerOverviewView
from tests.pg_server_support import own_postgres, running_postgres  # noqa: F401 - fixtures

LONG = 60_000  # ms: a loaded machine restarting a server is slow; nothing here is a timing claim
RETRIES = (100, 200, 400, 800, 1_000)  # ms between tries, short for the test


class Desk:
    """What a customer tab of the desk has for the outbox: the staff user's drafts and outbox, the
    sender, the status bar's word and one customer's overview."""

    def __init__(self, qtbot, db, bg, change_bus, folder: Path, username: str, key: bytes, customer_id: int, log=None):
        self.drafts = DraftStore.opened(folder / "drafts", username, key)
        self.store = Outbox.opened(folder / "outbox", username, key)
        topics = load_topics()
        self.log = log or InteractionLog(db, known_topics={t.code for t in topics})
        self.outbox = ContactOutbox(self.store, self.log, self.drafts, bg, retry_delays_ms=RETRIES)
        self.bar = QStatusBar()
        qtbot.addWidget(self.bar)
        self.status = OutboxStatus(self.outbox, self.bar)
        self.bar.show()
        staff = StaffDirectory(db).get(username)
        self.view = CustomerOverviewView(
            customer_id,
            overview_service=CustomerOverviewService(db),
            interactions=self.log,
            drafts=self.drafts,
            background=bg,
            staff=staff,
            topics=topics,
            outbox=self.outbox,
        )
        change_bus.changed.connect(self.view.apply_changes)
        qtbot.addWidget(self.view)
        self.view.resize(1200, 900)
        self.view.show()
        qtbot.waitUntil(lambda: self.view.is_painted, timeout=LONG)
        self.outbox.start()

    def log_contact(self, qtbot, notes: str) -> None:
        panel = self.view.panel
        panel.start_contact()
        field = panel.form.topic.lineEdit()
        field.selectAll()
        qtbot.keyClicks(field, "General advice")
        panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
        panel.form.notes.setPlainText(notes)
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    def settled(self) -> bool:
        panel = self.view.panel
        return not panel.in_progress and not panel._saving and not self.outbox.busy and not panel.drafts_pending


def _seed(db) -> int:
    with db.session() as s, s.begin():
        department = Department(code="customer_service", name="Asiakaspalvelu")
        s.add(department)
        s.flush()
        for username, name in (("agent.aino", "Aino Asiakaspalvelija"), ("agent.bea", "Bea Bäckström")):
            s.add(StaffUser(username=username, display_name=name, role=StaffRole.AGENT, department_id=department.id))
    customer = CustomerDraft(first_names="Anna", last_name="Virtanen", street="Hämeenkatu 12", municipality="Tampere")
    return CustomerRegister(db).create(customer, actor="test").id


def _waiting(text: str) -> int | None:
    """N of "Offline — N contacts waiting" (English plural forms come with the merged translations:
    until then the source text's "contact(s)")."""
    match = re.fullmatch(r"Offline — (\d+) contact(?:s|\(s\))? waiting", text)
    return int(match.group(1)) if match else None


def _notes(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Interaction.notes).order_by(Interaction.id)))


@pytest.fixture
def server_db(running_postgres):  # noqa: F811
    db = running_postgres.database()
    customer_id = _seed(db)
    yield running_postgres, db, customer_id
    running_postgres.start()  # for the next test, whatever this one left
    db.dispose()


def test_contacts_saved_while_the_database_is_down_wait_and_are_stored_once_when_it_is_back(
    qtbot, server_db, bg, change_bus, tmp_path
):
    server, db, anna = server_db
    desk = Desk(qtbot, db, bg, change_bus, tmp_path, "agent.aino", new_key(), anna)
    assert desk.status.isHidden(), "nothing waits: the status bar says nothing"
    name_shown = desk.view.header.name.text()

    server.stop()
    desk.log_contact(qtbot, "Ensimmäinen puhelu: ovikoodi 4711")
    qtbot.waitUntil(desk.settled, timeout=LONG)
    panel = desk.view.panel
    assert panel.pages.currentIndex() == 0 and panel.form.notes.toPlainText() == "", "the form is cleared"
    assert "cannot be reached" in panel.idle.text() and "automatically" in panel.idle.text()
    assert desk.status.isVisible() and _waiting(desk.status.text()) == 1

    desk.log_contact(qtbot, "Toinen puhelu")  # while one waits, the next one queues behind it
    qtbot.waitUntil(desk.settled, timeout=LONG)
    assert _waiting(desk.status.text()) == 2
    files = list((tmp_path / "outbox").rglob("*.draft"))
    assert len(files) == 2 and all(b"ovikoodi" not in p.read_bytes() for p in files), "encrypted at rest"
    assert desk.drafts.load_all(DRAFT_KIND) == [], "the waiting contacts are no longer unsaved drafts"

    # The open customer's refresh fails: what it shows stays, with the time it was read.
    desk.view.refresh()
    qtbot.waitUntil(lambda: desk.view.stale_note.is_stale, timeout=LONG)
    assert desk.view.stale_note.text.text().startswith("Shown from ")
    assert desk.view.stale_note.text.text().endswith(", database unreachable")
    assert desk.view.header.name.text() == name_shown and desk.view._stack.currentWidget() is desk.view._content

    server.start()
    qtbot.waitUntil(lambda: desk.outbox.waiting == 0 and desk.settled(), timeout=LONG)
    assert _notes(db) == ["Ensimmäinen puhelu: ovikoodi 4711", "Toinen puhelu"], "in order, each once"
    assert desk.status.isHidden(), "the status bar is back to normal"
    assert desk.bar.currentMessage().startswith("Database reachable again: 2 waiting contact")
    assert list((tmp_path / "outbox").rglob("*.draft")) == []
    qtbot.mouseClick(desk.view.stale_note.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not desk.view.stale_note.is_stale, timeout=LONG)
    # The timeline shows them once the database is back.
    qtbot.waitUntil(lambda: desk.view.timeline_model.rowCount() == 2, timeout=LONG)


def test_a_server_stopped_and_started_in_the_middle_of_saves_loses_or_doubles_nothing(
    qtbot, server_db, bg, change_bus, tmp_path
):
    server, db, anna = server_db
    desk = Desk(qtbot, db, bg, change_bus, tmp_path, "agent.aino", new_key(), anna)
    expected = []
    for n in range(4):
        notes = f"Kesken tallennuksen {n}"
        expected.append(notes)
        desk.log_contact(qtbot, notes)  # the save is on its way on the writer...
        server.stop()  # ...and the server goes (before, during or after its commit)
        server.start()
        qtbot.waitUntil(lambda: desk.outbox.waiting == 0 and desk.settled(), timeout=LONG)
    assert _notes(db) == expected, "every contact stored exactly once, in order"
    assert desk.status.isHidden()


def test_a_restarted_desk_sends_what_waits_and_another_staff_user_neither_sees_nor_sends_it(
    qtbot, server_db, bg, change_bus, tmp_path
):
    server, db, anna = server_db
    aino_key, bea_key = new_key(), new_key()
    first = Desk(qtbot, db, bg, change_bus, tmp_path, "agent.aino", aino_key, anna)
    server.stop()
    first.log_contact(qtbot, "Ainon odottava yhteydenotto")
    qtbot.waitUntil(first.settled, timeout=LONG)
    assert first.outbox.waiting == 1
    # The desk ends (a crash or Ctrl+Q) with the contact waiting.
    first.outbox.deleteLater()
    first.view.close()
    bg.wait_idle(30)
    server.start()

    bea = Desk(qtbot, db, bg, change_bus, tmp_path, "agent.bea", bea_key, anna)  # same workstation
    assert bg.wait_idle(30)
    assert bea.outbox.waiting == 0 and bea.status.isHidden(), "Bea is not shown Aino's contact"
    assert bea.store.pending() == []
    assert _notes(db) == [], "nor does her desk send it"
    assert len(list((tmp_path / "outbox").rglob("*.draft"))) == 1

    again = Desk(qtbot, db, bg, change_bus, tmp_path, "agent.aino", aino_key, anna)  # Aino signs in again
    qtbot.waitUntil(lambda: _notes(db) == ["Ainon odottava yhteydenotto"], timeout=LONG)
    qtbot.waitUntil(lambda: again.outbox.waiting == 0 and again.settled(), timeout=LONG)
    assert again.store.pending() == [] and again.status.isHidden()
    with db.session() as s:
        row = s.scalars(select(Interaction)).one()
        assert row.agent_id is not None and row.client_uuid


class HeldLog(InteractionLog):
    """The interaction log of a database that does not answer the first save until released."""

    def __init__(self, db) -> None:
        super().__init__(db)
        self.release, self.calls = threading.Event(), 0

    def save(self, *args, **kwargs):
        self.calls += 1
        if self.calls == 1:
            assert self.release.wait(120), "the test never released the save"
        return super().save(*args, **kwargs)


def test_a_save_without_an_answer_goes_to_the_outbox_and_its_late_answer_stores_nothing_twice(
    qtbot, sqlite_db, bg, change_bus, tmp_path
):
    anna = _seed(sqlite_db)
    held = HeldLog(sqlite_db)
    desk = Desk(qtbot, sqlite_db, bg, change_bus, tmp_path, "agent.aino", new_key(), anna, log=held)
    desk.view.panel.slow_save_ms = 50  # instead of seconds: the save below never answers by itself
    try:
        desk.log_contact(qtbot, "Tietokanta ei vastaa")
        qtbot.waitUntil(lambda: not desk.view.panel.in_progress and not desk.view.panel._saving, timeout=LONG)
        assert "cannot be reached" in desk.view.panel.idle.text(), "Save does not stay greyed out"
        assert _waiting(desk.status.text()) == 1
    finally:
        held.release.set()  # the database answers after all: the first save commits
    qtbot.waitUntil(lambda: desk.outbox.waiting == 0 and desk.settled(), timeout=LONG)
    assert _notes(sqlite_db) == ["Tietokanta ei vastaa"], "the outbox found it stored by its key"
    assert held.calls == 2 and desk.status.isHidden()


UNHANDLED: list[BaseException] = []  # what reached the desk's error path (other views' reads while down)


@contextmanager
def signed_in(qtbot, db, username):
    from agentdesk_desktop.app import build_app

    desk = build_app(db, install_hooks=False, language="en", error_handler=UNHANDLED.append)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=LONG):
            desk.start(username=username)
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        desk.shutdown()  # as a crash would, for the outbox: what waits stays on the disk
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()


def test_in_the_desk_the_status_bar_counts_what_waits_and_only_its_staff_user_sends_it(qtbot, server_db):
    server, db, anna = server_db
    with signed_in(qtbot, db, "agent.aino") as aino:
        status = aino.window.statusBar().findChild(QLabel, "outboxStatus")
        assert status is not None and status.isHidden()
        view = aino.window.open_customer(anna)
        qtbot.waitUntil(lambda: view.is_painted, timeout=LONG)
        server.stop()
        panel = view.panel
        panel.start_contact()
        panel.form.topic.lineEdit().selectAll()
        qtbot.keyClicks(panel.form.topic.lineEdit(), "General advice")
        panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
        panel.form.notes.setPlainText("Ainon puhelu katkoksen aikana")
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _waiting(status.text()) == 1 and status.isVisible(), timeout=LONG)
        qtbot.waitUntil(lambda: not panel.in_progress, timeout=LONG)
        folder = aino.services.outbox.folder
        assert folder is not None and str(folder).startswith(str(paths.user_data_dir() / "outbox"))
        qtbot.waitUntil(lambda: len(list(folder.glob("*.draft"))) == 1, timeout=LONG)
    server.start()

    with signed_in(qtbot, db, "agent.bea") as bea:  # another staff user on this workstation
        assert bea.background.wait_idle(30)
        assert bea.window.statusBar().findChild(QLabel, "outboxStatus").isHidden()
        assert bea.services.outbox.pending() == [] and _notes(db) == []
    assert len(list(folder.glob("*.draft"))) == 1, "Aino's contact still waits for Aino"

    with signed_in(qtbot, db, "agent.aino") as aino:  # Aino's next sign-in sends it
        qtbot.waitUntil(lambda: _notes(db) == ["Ainon puhelu katkoksen aikana"], timeout=LONG)
        status = aino.window.statusBar().findChild(QLabel, "outboxStatus")
        qtbot.waitUntil(status.isHidden, timeout=LONG)
        qtbot.waitUntil(lambda: list(folder.glob("*.draft")) == [], timeout=LONG)
    assert UNHANDLED == [], "nothing reached the error dialog"


def test_ctrl_q_then_save_with_the_database_down_keeps_the_contact_in_the_outbox_and_closes(qtbot, server_db):
    server, db, anna = server_db
    with signed_in(qtbot, db, "agent.aino") as aino:
        window = aino.window
        view = window.open_customer(anna)
        qtbot.waitUntil(lambda: view.is_painted, timeout=LONG)
        panel = view.panel
        panel.start_contact()
        panel.form.topic.lineEdit().selectAll()
        qtbot.keyClicks(panel.form.topic.lineEdit(), "General advice")
        panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
        panel.form.notes.setPlainText("Tallennettu lopettaessa")
        folder = aino.services.outbox.folder
        server.stop()
        qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "unsavedContactsOnQuit") is not None, timeout=LONG)
        box = window.findChild(QMessageBox, "unsavedContactsOnQuit")
        qtbot.waitExposed(box)
        box.button(QMessageBox.StandardButton.Save).click()
        # Closed: hidden, or already deleted by the quit (the desk deletes its window on close).
        qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible(), timeout=LONG)
        assert len(list(folder.glob("*.draft"))) == 1, "the contact waits in Aino's outbox"
    server.start()
    with signed_in(qtbot, db, "agent.aino"):
        qtbot.waitUntil(lambda: _notes(db) == ["Tallennettu lopettaessa"], timeout=LONG)
    assert UNHANDLED == []
