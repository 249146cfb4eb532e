"""Settings of the e-mail channel: mail servers, queue mailboxes, their passwords and the
per-mailbox "processed up to UID n" marks.

Passwords live only in the OS keyring (service ``agentdesk-mail``, user
``imap://LOGIN@HOST:PORT`` or ``smtp://LOGIN@HOST:PORT``), never in a setting, a file or a log.

The marks are kept in a small JSON file under :func:`agentdesk.paths.user_data_dir` until the
database has a table for them; anything with the :class:`UidStore` methods can take its place.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from agentdesk import paths

if TYPE_CHECKING:
    import smtplib

log = logging.getLogger(__name__)

MAIL_SERVICE = "agentdesk-mail"  # keyring service name
DEFAULT_TOPIC = "general.advice"

Security = Literal["ssl", "starttls", "none"]
PasswordLookup = Callable[[str], "str | None"]  # keyring account -> password


@dataclass(frozen=True, slots=True)
class MailServer:
    """An IMAP or SMTP server. ``security="none"`` is for loopback test servers only."""

    host: str
    port: int
    security: Security = "ssl"
    timeout: float = 30.0  # seconds, for connecting and for every command

    def account(self, scheme: str, login: str) -> str:
        """The keyring user name for ``login`` on this server."""
        return f"{scheme}://{login}@{self.host}:{self.port}"


class SmtpPasswordMissing(LookupError):
    """The SMTP login has no password in the keyring; ``account`` is its keyring user name."""

    def __init__(self, account: str) -> None:
        super().__init__(f"no password in the keyring for {account}")
        self.account = account


def connect_smtp(server: MailServer, login: str | None, password_lookup: PasswordLookup) -> smtplib.SMTP:
    """An SMTP connection to ``server``, secured as it says and logged in as ``login`` with its password
    from the keyring (raises :class:`SmtpPasswordMissing` without one; ``OSError`` and
    ``smtplib.SMTPException`` as they come). The caller closes it (``with``)."""
    import smtplib
    import ssl

    smtp: smtplib.SMTP
    if server.security == "ssl":
        smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    try:
        if server.security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if login:
            account = server.account("smtp", login)
            password = password_lookup(account)
            if not password:
                raise SmtpPasswordMissing(account)
            smtp.login(login, password)
    except BaseException:
        smtp.close()
        raise
    return smtp


@dataclass(frozen=True, slots=True)
class QueueMailbox:
    """A shared mailbox that feeds one queue (neuvonta@..., tekniset@...)."""

    address: str  # the queue's own address: From of replies; the IMAP login unless ``login`` is set
    queue_code: str = ""  # the work queue new mail goes to
    display_name: str = ""  # "Tampereen kaupunki – Neuvonta", shown in From of replies
    topic: str = DEFAULT_TOPIC  # topic of the interactions logged for incoming mail
    department_id: int | None = None  # department of the cases opened for new conversations
    folder: str = "INBOX"
    login: str = ""

    @property
    def imap_login(self) -> str:
        return self.login or self.address


def keyring_password(account: str) -> str | None:
    """The password for a mail account from the OS keyring (None when there is none)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(MAIL_SERVICE, account)
    except KeyringError:
        return None


def set_keyring_password(account: str, password: str) -> None:
    import keyring

    keyring.set_password(MAIL_SERVICE, account, password)


# --------------------------------------------------------------------------------------------
# Processed-UID marks


@dataclass(frozen=True, slots=True)
class UidMark:
    uidvalidity: int
    last_uid: int  # every message with a UID up to this one has been taken in


class UidStore(Protocol):
    def get(self, mailbox_key: str) -> UidMark | None: ...

    def set(self, mailbox_key: str, mark: UidMark) -> None: ...


class UidStateFile:
    """Marks in a JSON file, written atomically (temporary file + rename); safe for the watcher
    threads of one process. Default file: ``<user data dir>/email_uid_state.json``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.user_data_dir() / "email_uid_state.json"
        self._lock = threading.Lock()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            # Losing the marks costs a re-read of the mailbox; the intake skips what it already has.
            log.warning("e-mail UID state %s is unreadable (%s); starting afresh", self.path, type(exc).__name__)
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, mailbox_key: str) -> UidMark | None:
        with self._lock:
            entry = self._read().get(mailbox_key)
        try:
            return UidMark(int(entry["uidvalidity"]), int(entry["last_uid"])) if entry else None
        except (KeyError, TypeError, ValueError):
            return None

    def set(self, mailbox_key: str, mark: UidMark) -> None:
        with self._lock:
            data = self._read()
            data[mailbox_key] = {"uidvalidity": mark.uidvalidity, "last_uid": mark.last_uid}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".email_uid_state.", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, indent=1, sort_keys=True)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
