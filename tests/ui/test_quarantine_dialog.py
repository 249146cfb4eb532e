"""The supervisor's list of quarantined e-mail (real SQLite): when, mailbox, reason and the sender's
domain, nothing more; Retry takes a message in; the list is read off the UI thread; the dashboard
opens it."""

from __future__ import annotations

import threading
import uuid

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from agentdesk.channels.email_channel import IntakeFailed, MailboxMessage, MailQuarantine, QueueMailbox
from agentdesk.queues import QueueDirectory, QueueSpec, Statistics
from agentdesk.storage.models import WorkItem
from agentdesk_desktop.dashboard.dashboard_window import DashboardWindow
from agentdesk_desktop.dashboard.quarantine_dialog import MAILBOX, REASON, SENDER, QuarantineDialog

QUEUE = QueueMailbox("neuvonta@city.example", queue_code="neuvonta")


def message(subject: str, sender: str) -> bytes:
    return (
        f"From: Maija Mallikas <{sender}>\r\nTo: neuvonta@city.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <{uuid.uuid4().hex}@example.fi>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Henkilötunnukseni on 010594Y9032.\r\n"
    ).encode()


@pytest.fixture
def quarantine(sqlite_db):
    QueueDirectory(sqlite_db).create(QueueSpec.email("neuvonta", "Neuvonta", hours=8))
    q = MailQuarantine(sqlite_db, version="0.0.9")
    for uid, (subject, sender) in enumerate([("Vesimaksu", "maija@example.fi"), ("Katuvalo", "pekka@posti.fi")], 1):
        q.hold(
            message(subject, sender),
            QUEUE,
            MailboxMessage("neuvonta@imap/INBOX", 1, uid),
            IntakeFailed("data_refused", "DataError"),
            attempts=3,
        )
    return q


def cells(model) -> list[str]:
    out = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                out.append(str(model.data(model.index(row, column), role)))
    return out


@pytest.mark.expect_log_warnings  # holding mail logs a WARNING
def test_the_list_shows_when_mailbox_reason_and_domain_only_and_retry_takes_one_in(qtbot, bg, sqlite_db, quarantine):
    threads = []

    def listing():
        threads.append(threading.current_thread())
        return quarantine.list()

    dialog = QuarantineDialog(listing, quarantine.retry, bg)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading and dialog.model.rowCount() == 2)
    assert threads and threading.main_thread() not in threads  # never read on the UI thread
    model = dialog.model
    assert [model.data(model.index(r, SENDER)) for r in range(2)] == ["posti.fi", "example.fi"]  # newest first
    assert {model.data(model.index(r, MAILBOX)) for r in range(2)} == {"neuvonta@city.example"}
    assert model.data(model.index(0, REASON)) == "The database refused its text"
    shown = " ".join(cells(model)) + dialog.status.text()
    for private in ("Mallikas", "maija@", "pekka@", "Vesimaksu", "Katuvalo", "010594Y9032"):
        assert private not in shown
    assert "2 messages could not be taken in" in dialog.status.text()

    assert not dialog.retry_button.isEnabled()  # nothing chosen yet
    dialog.table.selectRow(1)
    assert dialog.retry_button.isEnabled()
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.retrying and not dialog.loading and dialog.model.rowCount() == 1)
    assert dialog.status.text().startswith("The message was taken in.")
    assert model.data(model.index(0, SENDER)) == "posti.fi"
    with sqlite_db.session() as s:
        [item] = s.scalars(select(WorkItem)).all()
    assert item.subject == "Vesimaksu"


@pytest.mark.expect_log_warnings
def test_the_dashboard_opens_the_quarantine(qtbot, bg, sqlite_db, quarantine):
    statistics = Statistics(sqlite_db)
    window = DashboardWindow(statistics.snapshot, statistics.items, bg, interval_ms=60_000, quarantine=quarantine)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.show()
    assert window.quarantine_button.isVisible() and window.quarantine_button.text() == "Quarantined e-mail…"
    qtbot.mouseClick(window.quarantine_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QuarantineDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount(QModelIndex()) == 2)
    dialog.close()
    without = DashboardWindow(statistics.snapshot, statistics.items, bg, interval_ms=60_000)
    qtbot.addWidget(without)
    assert without.quarantine_button.isHidden()  # no quarantine given, no button
