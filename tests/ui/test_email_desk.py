"""E-mail in the running desk against the real mail servers on loopback (Dovecot IMAP with IDLE, the
SMTP server delivering into it): the profile's mailbox watcher started by the desk, a mail delivered
over SMTP stored once and waiting in the inbox, opened with Next beside the sender's overview, its
thread shown as text with the attachment openable, the reply sent threaded into the citizen's own
mailbox and logged on the timeline; an unknown sender linked to a customer; a dead IMAP server shown
in the status bar without holding the desk."""

from __future__ import annotations

import logging
import socket
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from agentdesk.channels.email_channel import MailServer, QueueMailbox, set_keyring_password
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.deployment.profile_email import EmailSettings
from agentdesk.queues import QueueDirectory, QueueSpec
from agentdesk.storage.models import Direction, EmailMessage, Interaction, StaffUser
from agentdesk_desktop.mail.link_sender_dialog import LinkSenderDialog
from agentdesk_desktop.overview.customer_overview_view import CustomerOverviewView
from agentdesk_desktop.overview.timeline_model import CHANNEL, NOTES
from tests.core.email_store_support import CITIZEN, NEUVONTA, PDF, rich_mail, stored_messages
from tests.core.mail_support import TEKNISET, MailKit, servers_from_env, wait_until

BOX = QueueMailbox(NEUVONTA, queue_code="posti", display_name="Kaupungin neuvonta")


def close_desk(desk) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    desk.shutdown()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture(scope="module")
def servers():
    return servers_from_env()


@pytest.fixture
def kit(servers, tmp_path):
    kit = MailKit(servers, tmp_path)
    for user in (NEUVONTA, TEKNISET, CITIZEN):
        kit.empty(user)
        set_keyring_password(servers.imap.account("imap", user), servers.password)
    return kit


@pytest.fixture
def posti(sqlite_db, seeded) -> int:
    directory = QueueDirectory(sqlite_db)
    queue = directory.create(QueueSpec.email("posti", "Kirjaamo", hours=8)).id
    with sqlite_db.session() as s:
        aino = next(u.id for u in s.scalars(select(StaffUser).where(StaffUser.username == "agent.aino")))
    directory.add_member(queue, aino, skills=["fi"])
    return queue


@pytest.fixture
def citizen(sqlite_db, seeded) -> int:
    draft = CustomerDraft(first_names="Anna", last_name="Asiakas", emails=(CITIZEN,))
    return CustomerRegister(sqlite_db).create(draft, actor="t").id


def mail_desk(qtbot, db, imap: MailServer, smtp: MailServer):
    from agentdesk_desktop.app import build_app

    settings = EmailSettings(imap, smtp, "city.example", (BOX,), idle=True)
    desk = build_app(db, install_hooks=False, language="en", email=settings)
    with qtbot.waitSignal(desk.window_ready, timeout=10_000):
        desk.start(username="agent.aino")
    qtbot.waitExposed(desk.window)
    return desk


@pytest.fixture
def desk(qtbot, sqlite_db, kit, posti):
    desk = mail_desk(qtbot, sqlite_db, kit.servers.imap, kit.servers.smtp)
    try:
        yield desk
    finally:
        close_desk(desk)


class FileOpener(QObject):
    """Stands in for the system's viewer: QDesktopServices hands it the file:// URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(Path(url.toLocalFile()))


@pytest.fixture
def file_opener():
    opener = FileOpener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    yield opener
    QDesktopServices.unsetUrlHandler("file")


def inbox_rows(dock) -> list[tuple[str, ...]]:
    items = dock.items
    return [tuple(items.topLevelItem(i).text(c) for c in range(6)) for i in range(items.topLevelItemCount())]


def timeline_rows(view: CustomerOverviewView) -> list[tuple[str, str]]:
    model = view.timeline_model
    return [(model.index(r, CHANNEL).data(), model.index(r, NOTES).data()) for r in range(model.rowCount())]


def test_a_mail_is_answered_from_the_inbox_and_the_reply_arrives_threaded(
    desk, qtbot, sqlite_db, kit, citizen, file_opener
):
    windows = desk.windows
    status, inbox, dock = windows.mail.status, windows.inbox, windows.email
    assert status.window() is desk.window
    qtbot.waitUntil(lambda: status.text() == "E-mail: connected", timeout=10_000)

    mid, raw = rich_mail()
    kit.send(raw, NEUVONTA)  # over SMTP, delivered into the queue's Dovecot mailbox
    qtbot.waitUntil(lambda: any(r[3] == "Katuvalo Hämeenkadulla" for r in inbox_rows(inbox)), timeout=15_000)
    assert [(r[1], r[2]) for r in inbox_rows(inbox)] == [("E-mail", "Kirjaamo")]
    [stored] = stored_messages(sqlite_db)
    assert (stored.message_id, stored.customer_id) == (mid, citizen), "stored once, for the sender's customer"

    with qtbot.waitSignal(dock.thread_shown, timeout=10_000):
        qtbot.mouseClick(inbox.next_button, Qt.MouseButton.LeftButton)
    assert dock.isVisible()
    assert desk.window.current_customer_id() == citizen, "the sender's overview opens beside the thread"
    assert dock.header.text() == "Katuvalo Hämeenkadulla\nAnna Asiakas"
    assert not dock.link_button.isVisible()
    assert dock.messages.count() == 1
    shown = dock.body_view.toPlainText()
    assert shown == "Hyvää päivää,\nkatuvalo on pimeänä jo viikon. Äiti.", "the Latin-1 quoted-printable text, decoded"
    assert dock.body_view.isReadOnly() and dock.safety_note.isVisible()
    assert [dock.attachments.item(i).text() for i in range(dock.attachments.count())] == [
        "kuva ja lasku ä.pdf (application/pdf, 1 kB)"
    ]

    with qtbot.waitSignal(dock.attachment_opened, timeout=5000) as opened:
        qtbot.mouseClick(dock.open_button, Qt.MouseButton.LeftButton)
    saved = opened.args[0]
    assert file_opener.opened == [saved.path] and saved.path.name == "kuva ja lasku ä.pdf"
    assert saved.path.read_bytes() == PDF
    assert dock.message.text() == "Opened kuva ja lasku ä.pdf."

    editor = dock.reply_editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Hei Anna, katuvalo korjataan torstaina.")
    with qtbot.waitSignal(dock.reply_sent, timeout=15_000) as sent:
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Return sends
    assert dock.message.text() == "Reply sent: Re: Katuvalo Hämeenkadulla"
    assert editor.toPlainText() == ""
    qtbot.waitUntil(lambda: dock.messages.count() == 2, timeout=5000)
    assert dock.messages.item(1).text().startswith("→ ")

    [(_, delivered)] = wait_until(lambda: kit.messages(CITIZEN), timeout=15, what="the reply in the citizen's mailbox")
    reply = message_from_bytes(delivered, policy=policy.default)
    assert reply["In-Reply-To"] == mid and reply["References"].split() == [mid]
    assert reply["Subject"] == "Re: Katuvalo Hämeenkadulla"
    assert reply["From"].addresses[0].addr_spec == NEUVONTA
    assert reply.get_content().strip() == "Hei Anna, katuvalo korjataan torstaina."
    out = stored_messages(sqlite_db)[-1]
    assert (out.direction, out.message_id, out.customer_id) == (Direction.OUTBOUND, reply["Message-ID"], citizen)
    assert out.id == sent.args[0].email_id

    # On the customer's timeline as an outgoing e-mail, on the mail's case.
    view = desk.window.tabs.currentWidget()
    assert isinstance(view, CustomerOverviewView)
    qtbot.waitUntil(lambda: any(ch == "E-mail, outgoing" for ch, _ in timeline_rows(view)), timeout=10_000)
    [(_, notes)] = [row for row in timeline_rows(view) if row[0] == "E-mail, outgoing"]
    assert "Re: Katuvalo Hämeenkadulla" in notes and "katuvalo korjataan torstaina" in notes
    with sqlite_db.session() as s:
        contact = s.get(Interaction, out.interaction_id)
        incoming = s.scalar(select(EmailMessage).where(EmailMessage.message_id == mid))
    assert contact.case_id == incoming.case_id is not None


def test_an_unknown_senders_html_mail_is_shown_as_text_and_linked_to_a_customer(desk, qtbot, sqlite_db, kit, citizen):
    windows = desk.windows
    inbox, dock = windows.inbox, windows.email
    _, raw = rich_mail("Puisto", sender="Tuntematon <tuntematon@example.net>", text=None, attachment=None)
    kit.send(raw, NEUVONTA, sender="tuntematon@example.net")
    qtbot.waitUntil(lambda: any(r[3] == "Puisto" for r in inbox_rows(inbox)), timeout=15_000)

    # A double-click opens it (no customer yet: no tab).
    row = inbox.items.topLevelItem(0)
    with qtbot.waitSignal(dock.thread_shown, timeout=10_000):
        inbox.items.itemDoubleClicked.emit(row, 3)
    assert desk.window.current_customer_id() is None
    assert dock.header.text() == "Puisto\nUnknown sender: Tuntematon <tuntematon@example.net>"
    body = dock.body_view.toPlainText()
    assert "Hei, katuvalo on pimeänä." in body and "Klikkaa tästä" in body
    for unsafe in ("alert", "<script", "evil.example", "tracker.example", "phish.example"):
        assert unsafe not in body, unsafe
    assert dock.safety_note.isVisible()
    assert dock.link_button.isVisible()

    qtbot.mouseClick(dock.link_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LinkSenderDialog) and w.isVisible())
    qtbot.waitUntil(lambda: dialog.message.text() == "No customer found; try a name or a henkilötunnus.", timeout=5000)
    dialog.query.clear()
    qtbot.keyClicks(dialog.query, "Asiakas")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=5000)
    assert dialog.results.item(0).text().startswith("Asiakas, Anna")
    with qtbot.waitSignal(dock.linked, timeout=5000) as linked:
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    assert linked.args == [citizen]
    assert desk.window.current_customer_id() == citizen, "the customer's tab opens"
    qtbot.waitUntil(lambda: dock.header.text() == "Puisto\nAnna Asiakas", timeout=5000)
    assert not dock.link_button.isVisible()
    [stored] = stored_messages(sqlite_db)
    assert stored.customer_id == citizen
    with sqlite_db.session() as s:
        assert s.get(Interaction, stored.interaction_id).customer_id == citizen
    qtbot.waitUntil(lambda: inbox.items.topLevelItemCount() == 1, timeout=5000)


@pytest.mark.expect_log_warnings  # the watcher's "connection refused; retrying in n s"
def test_a_dead_imap_server_is_shown_and_the_desk_goes_on(qtbot, sqlite_db, kit, posti, caplog):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    dead = MailServer("127.0.0.1", dead_port, security="none", timeout=2)
    desk = mail_desk(qtbot, sqlite_db, dead, kit.servers.smtp)
    try:
        status = desk.windows.mail.status
        qtbot.waitUntil(lambda: status.text() == "E-mail: reconnecting…", timeout=10_000)
        assert "the server cannot be reached; retrying" in status.toolTip()
        search = desk.window.search_panel
        qtbot.keyClicks(search.field, "Virtanen")  # the desk keeps answering while the watcher retries
        assert search.field.text() == "Virtanen"
    finally:
        close_desk(desk)
    assert desk.windows.mail is None, "the watcher was stopped with the desk"
    refused = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert refused and all("Connection refused" in r.getMessage() for r in refused)


@pytest.fixture
def desk_with_quick_texts(qtbot, sqlite_db, kit, posti):
    from agentdesk_demo.demo_knowledge import seed_demo_knowledge

    seed_demo_knowledge(sqlite_db)  # ;greet, ;case, ;bye before the desk loads its quick texts
    desk = mail_desk(qtbot, sqlite_db, kit.servers.imap, kit.servers.smtp)
    try:
        yield desk
    finally:
        close_desk(desk)


def test_a_quick_text_goes_into_the_reply_with_the_senders_name(desk_with_quick_texts, qtbot, kit, citizen):
    windows = desk_with_quick_texts.windows
    inbox, dock = windows.inbox, windows.email
    qtbot.waitUntil(lambda: windows.mail.status.text() == "E-mail: connected", timeout=10_000)
    _, raw = rich_mail("Roskat", attachment=None)
    kit.send(raw, NEUVONTA)
    qtbot.waitUntil(lambda: any(r[3] == "Roskat" for r in inbox_rows(inbox)), timeout=15_000)
    with qtbot.waitSignal(dock.thread_shown, timeout=10_000):
        qtbot.mouseClick(inbox.next_button, Qt.MouseButton.LeftButton)

    editor = dock.reply_editor
    editor.setFocus()
    qtbot.keyClicks(editor, ";greet")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    text = editor.toPlainText()
    assert text.startswith("Hello Anna Asiakas, thank you for contacting us."), text
    assert ";greet" not in text and editor.hasFocus(), "the shortcut became the text; Tab did not move on"
