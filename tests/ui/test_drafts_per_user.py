"""In the desk: unsaved contacts belong to the staff user who typed them, and closing asks first
(issue #11, item 7)."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox

from agentdesk import credentials
from agentdesk.drafts import DraftMode
from agentdesk.storage.models import Outcome
from agentdesk_desktop.logging.contact_drafts import DRAFT_KIND
from tests.ui.test_logging import choose_topic, interactions

CTRL = Qt.KeyboardModifier.ControlModifier
NOTE = "Asiakas soittaa huomenna laskusta"


@contextmanager
def signed_in(qtbot, db, username):
    from agentdesk_desktop.app import build_app

    desk = build_app(db, install_hooks=False, language="en")
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username=username)
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        desk.shutdown()  # as a crash would, for the drafts: a contact in progress stays a draft
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()


def open_anna(qtbot, desk, seeded):
    view = desk.window.open_customer(seeded.anna)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    return view


def type_contact(qtbot, panel, *, complete: bool = False) -> None:
    panel.start_contact()
    if complete:
        choose_topic(qtbot, panel, "General advice")
        panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    with qtbot.waitSignal(panel.drafts.written, timeout=5000):
        panel.form.notes.setPlainText(NOTE)


def quit_box(qtbot, window) -> QMessageBox:
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "unsavedContactsOnQuit") is not None, timeout=3000)
    box = window.findChild(QMessageBox, "unsavedContactsOnQuit")
    qtbot.waitExposed(box)
    return box


def test_an_unsaved_contact_is_never_offered_to_another_staff_user(qtbot, sqlite_db, seeded):
    with signed_in(qtbot, sqlite_db, "agent.aino") as aino:
        assert aino.services.drafts.mode is DraftMode.ENCRYPTED
        type_contact(qtbot, open_anna(qtbot, aino, seeded).panel)
        folder = aino.services.drafts.folder
    # The desk ended without saving: Aino's contact is a draft, encrypted in Aino's folder.
    assert NOTE.encode() not in b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())

    with signed_in(qtbot, sqlite_db, "nurse.helmi") as helmi:
        assert helmi.services.drafts.load_all(DRAFT_KIND) == [], "Helmi's drafts are not Aino's"
        view = open_anna(qtbot, helmi, seeded)
        with qtbot.waitSignal(view.panel.drafts.found, timeout=5000):
            view.panel.drafts.look_for(seeded.anna)
        assert not view.panel.restore_banner.isVisible(), "nothing offered on Anna's tab"
        assert helmi.window.findChild(QMessageBox, "unsavedContacts") is None, "no offer at start"

    with signed_in(qtbot, sqlite_db, "agent.aino") as aino:
        qtbot.waitUntil(lambda: aino.window.findChild(QMessageBox, "unsavedContacts") is not None, timeout=5000)
        offer = aino.window.findChild(QMessageBox, "unsavedContacts")
        assert "Anna Virtanen" in offer.informativeText()
        view = open_anna(qtbot, aino, seeded)
        qtbot.waitUntil(lambda: view.panel.restore_banner.isVisible(), timeout=5000)
        view.panel.restore_offered()
        assert view.panel.form.notes.toPlainText() == NOTE
        view.panel.cancel_contact()
        qtbot.waitUntil(lambda: not view.panel.drafts_pending, timeout=5000)


def test_without_a_secure_keyring_the_agent_is_told_once_that_contacts_live_in_memory(
    qtbot, sqlite_db, seeded, monkeypatch
):
    monkeypatch.delenv(credentials.ALLOW_PLAINTEXT_ENV)  # the tests' plaintext keyring is refused now
    with signed_in(qtbot, sqlite_db, "agent.aino") as desk:
        assert desk.services.drafts.mode is DraftMode.MEMORY
        assert "will not survive a crash" in desk.window.statusBar().currentMessage()
        panel = open_anna(qtbot, desk, seeded).panel
        type_contact(qtbot, panel)
        assert [d.data["contact"]["notes"] for d in desk.services.drafts.load_all(DRAFT_KIND)] == [NOTE]
        root = desk.services.drafts.root
        assert not any(p.is_file() for p in root.rglob("*")), "nothing written to disk"
        panel.cancel_contact()
        qtbot.waitUntil(lambda: not panel.drafts_pending, timeout=5000)


def test_ctrl_q_with_an_unsaved_contact_asks_and_cancel_keeps_everything(qtbot, sqlite_db, seeded):
    with signed_in(qtbot, sqlite_db, "agent.aino") as desk:
        window = desk.window
        panel = open_anna(qtbot, desk, seeded).panel
        type_contact(qtbot, panel)
        box = quit_box(qtbot, window)
        assert box.text() == "A contact is not saved yet."
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "unsavedContactsOnQuit") is None)
        assert desk.window is window and window.isVisible(), "the desk stays open"
        assert panel.in_progress and panel.form.notes.toPlainText() == NOTE, "nothing typed is lost"
        assert [d.data["contact"]["notes"] for d in desk.services.drafts.load_all(DRAFT_KIND)] == [NOTE]
        assert interactions(sqlite_db) == []
        panel.cancel_contact()
        qtbot.waitUntil(lambda: not panel.drafts_pending, timeout=5000)


def test_ctrl_q_then_save_saves_the_contact_and_closes(qtbot, sqlite_db, seeded):
    with signed_in(qtbot, sqlite_db, "agent.aino") as desk:
        panel = open_anna(qtbot, desk, seeded).panel
        type_contact(qtbot, panel, complete=True)
        drafts = desk.services.drafts
        with qtbot.waitSignal(desk.window.destroyed, timeout=10_000):
            quit_box(qtbot, desk.window).button(QMessageBox.StandardButton.Save).click()
        assert [i.notes for i in interactions(sqlite_db)] == [NOTE]
        assert drafts.load_all(DRAFT_KIND) == [], "the saved contact leaves no draft to offer"


def test_ctrl_q_then_save_with_a_missing_topic_stays_open_at_the_contact(qtbot, sqlite_db, seeded):
    with signed_in(qtbot, sqlite_db, "agent.aino") as desk:
        window = desk.window
        panel = open_anna(qtbot, desk, seeded).panel
        type_contact(qtbot, panel)  # no topic, no outcome
        quit_box(qtbot, window).button(QMessageBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: bool(panel.field_errors()), timeout=5000)
        assert desk.window is window and window.isVisible()
        assert panel.in_progress and panel.form.notes.toPlainText() == NOTE
        assert interactions(sqlite_db) == []
        panel.cancel_contact()
        qtbot.waitUntil(lambda: not panel.drafts_pending, timeout=5000)


def test_ctrl_q_then_discard_drops_the_contact_and_closes(qtbot, sqlite_db, seeded):
    with signed_in(qtbot, sqlite_db, "agent.aino") as desk:
        panel = open_anna(qtbot, desk, seeded).panel
        type_contact(qtbot, panel)
        drafts = desk.services.drafts
        with qtbot.waitSignal(desk.window.destroyed, timeout=10_000):
            quit_box(qtbot, desk.window).button(QMessageBox.StandardButton.Discard).click()
        assert interactions(sqlite_db) == []
        assert drafts.load_all(DRAFT_KIND) == []


def test_closing_without_an_unsaved_contact_does_not_ask(qtbot, sqlite_db, seeded):
    with signed_in(qtbot, sqlite_db, "agent.aino") as desk:
        open_anna(qtbot, desk, seeded)
        with qtbot.waitSignal(desk.window.destroyed, timeout=10_000):
            desk.window.close()


def test_a_crash_is_offered_to_the_staff_user_whose_session_it_was(qtbot, sqlite_db, seeded):
    from agentdesk.drafts import keyring_key
    from agentdesk_desktop.crash_files import CrashStore

    earlier = CrashStore()
    earlier.session = "20260101-120000-9"
    earlier.begin_session(fatal_dump=False)
    earlier.open_for("agent.aino", keyring_key("agent.aino"))  # Aino signed in, then the process died

    with signed_in(qtbot, sqlite_db, "nurse.helmi") as helmi:
        assert helmi.errors.store.collect_unclean() is None, "Helmi is not offered Aino's crash"
    with signed_in(qtbot, sqlite_db, "agent.aino") as aino:
        qtbot.waitUntil(lambda: aino.window.findChild(QMessageBox, "previousCrash") is not None, timeout=5000)
        box = aino.window.findChild(QMessageBox, "previousCrash")
        assert "ended without closing normally" in box.detailedText()
        box.close()
