"""The ``[email]`` table of a department profile: the queue mailboxes this desk watches and answers::

    [email]
    imap = { host = "imap.city.example", port = 993, security = "ssl" }    # ssl (default), starttls
    smtp = { host = "smtp.city.example", port = 587, security = "starttls", login = "agentdesk" }
    domain = "city.example"          # of the Message-IDs of replies
    idle = true                      # IMAP IDLE (default); false: poll every poll_seconds
    poll_seconds = 60

    [[email.mailboxes]]
    address = "neuvonta@city.example"     # the queue's address: From of replies, the IMAP login
    queue = "posti"                       # the work queue its mail goes to
    display_name = "Tampereen kaupunki – Neuvonta"
    topic = "general.advice"
    login = ""                            # when the IMAP login is not the address

No password is ever written here: each mailbox's IMAP password and the SMTP login's password are in
the OS keyring (service ``agentdesk-mail``; ``agentdesk secrets set mail ADDRESS`` and
``agentdesk secrets set mail --smtp``). The desk's composition root starts a watcher per mailbox and
stops them at exit (:mod:`agentdesk_desktop.mail_desk`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from agentdesk.channels.email_config import DEFAULT_TOPIC, MailServer, QueueMailbox, Security
from agentdesk.deployment.profile_nesting import shown

EMAIL_KEYS = ("imap", "smtp", "domain", "idle", "poll_seconds", "mailboxes")
SERVER_KEYS = ("host", "port", "security", "timeout_seconds", "login")
MAILBOX_KEYS = ("address", "queue", "display_name", "topic", "login", "folder")
_SECURITY = ("ssl", "starttls", "none")
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_QUEUE = re.compile(r"[a-z0-9_.-]{1,32}")
MAX_MAILBOXES = 50

Problem = Callable[[str, str], None]


@dataclass(frozen=True)
class EmailSettings:
    imap: MailServer
    smtp: MailServer | None  # None: mail is read but not answered from this desk
    domain: str
    mailboxes: tuple[QueueMailbox, ...]
    smtp_login: str = ""  # "": the SMTP server takes mail without a login (a relay)
    idle: bool = True
    poll_seconds: float = 60.0


def _server(table: object, dotted: str, problem: Problem, default_port: int) -> tuple[MailServer, str] | None:
    if not isinstance(table, dict):
        problem(dotted, f'expected a table like {{ host = "imap.city.example", port = 993 }}, got {shown(table)}')
        return None
    for key in table:
        if key not in SERVER_KEYS:
            problem(f"{dotted}.{key}", f"unknown key; known here: {', '.join(SERVER_KEYS)}")
    host = table.get("host")
    if not isinstance(host, str) or not host or "/" in host or "@" in host:
        problem(f"{dotted}.host", f"expected a host name, got {shown(host)}")
        return None
    port = table.get("port", default_port)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        problem(f"{dotted}.port", f"expected a port number, got {shown(port)}")
        return None
    security = table.get("security", "ssl")
    if security not in _SECURITY:
        problem(f"{dotted}.security", f"expected one of {', '.join(_SECURITY)}, got {shown(security)}")
        return None
    if security == "none" and host not in ("127.0.0.1", "localhost", "::1"):
        problem(f"{dotted}.security", "none (no TLS) is for a loopback test server only")
        return None
    timeout = table.get("timeout_seconds", 30)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or not 1 <= timeout <= 300:
        problem(f"{dotted}.timeout_seconds", f"expected seconds from 1 to 300, got {shown(timeout)}")
        timeout = 30
    login = table.get("login", "")
    if not isinstance(login, str):
        problem(f"{dotted}.login", f"expected a text, got {shown(login)}")
        login = ""
    sec: Security = security
    return MailServer(host, port, security=sec, timeout=float(timeout)), login


def _mailbox(table: object, dotted: str, problem: Problem) -> QueueMailbox | None:
    if not isinstance(table, dict):
        problem(dotted, f"expected a table ([[email.mailboxes]]), got {shown(table)}")
        return None
    for key in table:
        if key not in MAILBOX_KEYS:
            problem(f"{dotted}.{key}", f"unknown key; known here: {', '.join(MAILBOX_KEYS)}")
    address = table.get("address")
    if not isinstance(address, str) or not _ADDRESS.fullmatch(address):
        problem(f"{dotted}.address", f"expected an e-mail address, got {shown(address)}")
        return None
    queue = table.get("queue", "")
    if not isinstance(queue, str) or (queue and not _QUEUE.fullmatch(queue)):
        problem(f"{dotted}.queue", f"expected a queue code like posti, got {shown(queue)}")
        return None
    texts: dict[str, str] = {}
    for key, default in (("display_name", ""), ("topic", DEFAULT_TOPIC), ("login", ""), ("folder", "INBOX")):
        value = table.get(key, default)
        if not isinstance(value, str):
            problem(f"{dotted}.{key}", f"expected a text, got {shown(value)}")
            value = default
        texts[key] = value
    return QueueMailbox(
        address.lower(),
        queue_code=queue,
        display_name=texts["display_name"],
        topic=texts["topic"] or DEFAULT_TOPIC,
        folder=texts["folder"] or "INBOX",
        login=texts["login"],
    )


def check_email(table: Mapping[str, Any] | None, problem: Problem) -> EmailSettings | None:
    """The settings of an ``[email]`` table (None without one); each problem to ``problem(key, message)``."""
    if table is None:
        return None
    for key in table:
        if key not in EMAIL_KEYS:
            problem(f"email.{key}", f"unknown key; the [email] table has {', '.join(EMAIL_KEYS)}")
    imap = _server(table.get("imap"), "email.imap", problem, 993)
    smtp = _server(table["smtp"], "email.smtp", problem, 465) if "smtp" in table else None
    domain = table.get("domain", "")
    if not isinstance(domain, str) or (domain and ("@" in domain or "." not in domain)):
        problem("email.domain", f"expected the city's mail domain like city.example, got {shown(domain)}")
        domain = ""
    raw = table.get("mailboxes", [])
    mailboxes: list[QueueMailbox] = []
    if not isinstance(raw, list) or not raw or len(raw) > MAX_MAILBOXES:
        problem("email.mailboxes", f"expected 1 to {MAX_MAILBOXES} [[email.mailboxes]] tables, got {shown(raw)}")
        raw = []
    for i, entry in enumerate(raw):
        box = _mailbox(entry, f"email.mailboxes[{i}]", problem)
        if box is not None and any(m.address == box.address for m in mailboxes):
            problem(f"email.mailboxes[{i}].address", f"{box.address} is listed twice")
        elif box is not None:
            mailboxes.append(box)
    if not domain and mailboxes:
        domain = mailboxes[0].address.rpartition("@")[2]
    idle = table.get("idle", True)
    if not isinstance(idle, bool):
        problem("email.idle", f"expected true or false, got {shown(idle)}")
        idle = True
    poll = table.get("poll_seconds", 60)
    if not isinstance(poll, int | float) or isinstance(poll, bool) or not 5 <= poll <= 3600:
        problem("email.poll_seconds", f"expected seconds from 5 to 3600, got {shown(poll)}")
        poll = 60
    if imap is None or not mailboxes:
        return None
    return EmailSettings(
        imap[0],
        smtp[0] if smtp is not None else None,
        domain,
        tuple(mailboxes),
        smtp_login=smtp[1] if smtp is not None else "",
        idle=idle,
        poll_seconds=float(poll),
    )
