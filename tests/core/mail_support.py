"""Support for the e-mail channel tests (tests/core/test_email_*.py): the loopback mail servers,
a mail client playing the customer's side, test messages and the intake loop. The ``servers`` and
``kit`` fixtures built on these are in tests/core/conftest.py."""

from __future__ import annotations

import imaplib
import os
import smtplib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate

import pytest
from sqlalchemy import select

from agentdesk.channels.email_channel import (
    EmailIntake,
    MailboxWatcher,
    MailServer,
    QueueMailbox,
    UidStateFile,
    WatcherStatus,
)
from agentdesk.storage.models import Interaction, ServiceCase

NEUVONTA = "neuvonta@city.example"
TEKNISET = "tekniset@city.example"
CITIZEN = "asiakas@example.fi"  # the test citizen's own mailbox on the test server


def _hostport(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host, int(port)


@dataclass(frozen=True)
class Servers:
    imap: MailServer
    smtp: MailServer
    password: str


def servers_from_env() -> Servers:
    """The loopback mail servers of the environment; skips (or, in a full run, fails) without them."""
    imap, smtp = os.environ.get("AGENTDESK_TEST_IMAP", ""), os.environ.get("AGENTDESK_TEST_SMTP", "")
    password = os.environ.get("AGENTDESK_TEST_MAIL_PASSWORD", "")
    if not (imap and smtp and password):
        if os.environ.get("AGENTDESK_REQUIRE_PG") == "1":
            pytest.fail(
                "a full run (AGENTDESK_REQUIRE_PG=1) needs the mail servers, but AGENTDESK_TEST_IMAP, "
                "AGENTDESK_TEST_SMTP or AGENTDESK_TEST_MAIL_PASSWORD is not set: start them with "
                "scripts/mailservers.sh (scripts/test.sh does)"
            )
        pytest.skip('no mail servers: bash scripts/mailservers.sh start; eval "$(bash scripts/mailservers.sh env)"')
    return Servers(
        MailServer(*_hostport(imap), security="none", timeout=10),
        MailServer(*_hostport(smtp), security="none", timeout=10),
        password,
    )


class MailKit:
    """The other side: a mail client appending, sending and reading with imaplib and smtplib."""

    def __init__(self, servers: Servers, tmp_path) -> None:
        self.servers = servers
        self.state_file = tmp_path / "email_uid_state.json"
        self.watchers: list[MailboxWatcher] = []

    def imap(self, user: str) -> imaplib.IMAP4:
        conn = imaplib.IMAP4(self.servers.imap.host, self.servers.imap.port, timeout=10)
        conn.login(user, self.servers.password)
        return conn

    def empty(self, user: str) -> None:
        with self.imap(user) as conn:
            conn.select("INBOX")
            _, data = conn.uid("SEARCH", None, "ALL")
            if data[0]:
                conn.uid("STORE", b",".join(data[0].split()).decode(), "+FLAGS.SILENT", r"(\Deleted)")
                conn.expunge()
            conn.logout()

    def append(self, user: str, raw: bytes) -> None:
        with self.imap(user) as conn:
            typ, _ = conn.append("INBOX", None, None, raw)
            assert typ == "OK"
            conn.logout()

    def send(self, raw: bytes, to: str, sender: str = CITIZEN) -> None:
        with smtplib.SMTP(self.servers.smtp.host, self.servers.smtp.port, timeout=10) as smtp:
            smtp.sendmail(sender, [to], raw)

    def messages(self, user: str) -> list[tuple[bytes, bytes]]:
        """(flags, raw) of every message in the user's INBOX."""
        with self.imap(user) as conn:
            conn.select("INBOX", readonly=True)
            _, data = conn.uid("FETCH", "1:*", "(FLAGS BODY.PEEK[])")
            conn.logout()
        return [(item[0], item[1]) for item in data if isinstance(item, tuple)]

    def watcher(self, mailbox: QueueMailbox, handler, **kwargs) -> MailboxWatcher:
        kwargs.setdefault("state", UidStateFile(self.state_file))
        w = MailboxWatcher(self.servers.imap, mailbox, handler, **kwargs)
        self.watchers.append(w)
        return w


def mail(
    subject: str = "Jäteastia",
    *,
    frm: str = f"Anna Asiakas <{CITIZEN}>",
    to: str = NEUVONTA,
    body: str = "Hei, jäteastia jäi tyhjentämättä.",
    message_id: str | None = None,
    headers: tuple[str, ...] = (),
) -> tuple[str, bytes]:
    """(Message-ID, raw bytes) of a plain UTF-8 message; ``subject`` goes in as written."""
    mid = message_id or f"<{uuid.uuid4().hex}@example.fi>"
    lines = [
        f"From: {frm}",
        f"To: {to}",
        f"Subject: {subject}",
        f"Message-ID: {mid}",
        f"Date: {formatdate(localtime=True)}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        *headers,
    ]
    return mid, ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


def wait_until(check: Callable[[], object], timeout: float = 5.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)


def interactions(db) -> list[Interaction]:
    with db.session() as s:
        return list(s.scalars(select(Interaction).order_by(Interaction.id)))


def case(db, case_id: int) -> ServiceCase:
    with db.session() as s:
        return s.get(ServiceCase, case_id)


QUEUE = QueueMailbox(NEUVONTA, queue_code="neuvonta", display_name="Kaupungin neuvonta")


def run_intake(kit: MailKit, db, mailbox: QueueMailbox = QUEUE, count: int = 1, **watcher_kwargs):
    """Watch the mailbox until ``count`` messages were taken in; returns the intake results."""
    results = []
    intake = EmailIntake(db, on_new_mail=results.append, own_addresses=[NEUVONTA, TEKNISET])
    w = kit.watcher(mailbox, intake.handler_for(mailbox), **watcher_kwargs)
    w.start()
    wait_until(
        lambda: len(results) >= count and w.state.status in (WatcherStatus.IDLE, WatcherStatus.POLLING),
        what=f"{count} messages taken in",
    )
    w.stop()
    return results
