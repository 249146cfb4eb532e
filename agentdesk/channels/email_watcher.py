"""Watching one queue mailbox over IMAP in a background thread.

:class:`MailboxWatcher` logs in, selects the folder, hands every message it has not handed before
to ``on_message(raw_bytes, MailboxMessage)`` in UID order, and waits for more: with IMAP IDLE
(RFC 2177) when the server advertises it, re-issued every ``idle_timeout`` seconds, otherwise by
polling every ``poll_interval`` seconds. It never changes the mailbox (``BODY.PEEK``, no flags).

Nothing is handed over twice: after each message the watcher records "done up to UID n" for the
mailbox and its UIDVALIDITY in a :class:`~agentdesk.channels.email_config.UidStore`. A new
UIDVALIDITY (the folder was recreated) starts again from the first message; the intake recognises
messages it already has by Message-ID.

Failures: a lost or refused connection is retried with exponential backoff and jitter
(``reconnect_initial`` doubling up to ``reconnect_max``); a refused login is final (status
``login_failed``; no loop that would lock the account). When ``on_message`` raises
:class:`RetryLater` (the database is down) the message is tried again after the backoff, for as
long as it takes; any other exception counts against the message, which is skipped with an ERROR
log after ``max_attempts`` tries, so one malformed message cannot stop the queue. With a
``quarantine`` (:class:`MessageQuarantine`, e.g. :mod:`agentdesk.channels.email_quarantine`) the
skipped message is kept there instead, and at start the watcher lets the quarantine retry what an
older AgentDesk version could not take in.

Logs name a message by mailbox and UID only, and an exception by its class: never its text, which
may quote the message (a database error quotes the statement and its values).

``stop()`` wakes the thread at once (a socket pair interrupts IDLE and the poll wait), logs out and
joins it. ``on_message`` and status changes run on the watcher's thread.

IDLE itself is in :mod:`agentdesk.channels.email_imap` (Python 3.11's imaplib has none).
"""

from __future__ import annotations

import contextlib
import enum
import imaplib
import logging
import random
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from agentdesk.channels.email_config import (
    MailServer,
    PasswordLookup,
    QueueMailbox,
    UidMark,
    UidStateFile,
    UidStore,
    keyring_password,
)
from agentdesk.channels.email_imap import ImapConnection, ImapSSLConnection, quote_mailbox

log = logging.getLogger(__name__)

__all__ = [
    "IntakeFailed",
    "MailboxLoginFailed",
    "MailboxMessage",
    "MailboxWatcher",
    "MessageHandler",
    "MessageQuarantine",
    "RetryLater",
    "WatcherState",
    "WatcherStatus",
]


class RetryLater(Exception):
    """Raised by a message handler for a passing failure (the database is unreachable): the
    message is tried again later and never skipped for it."""


class IntakeFailed(Exception):
    """Raised by a message handler for a message it cannot take in. ``reason`` is a stable code
    ("parse_failed", "data_refused", "database_refused", "intake_error"), ``error_class`` the class
    of the underlying exception; the text is the code only, so it can be logged."""

    def __init__(self, reason: str, error_class: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.error_class = error_class


class MailboxLoginFailed(Exception):
    """The server refused the login, or the keyring has no password for the account."""


class WatcherStatus(str, enum.Enum):
    STOPPED = "stopped"
    CONNECTING = "connecting"
    FETCHING = "fetching"  # taking in new messages
    IDLE = "idle"  # waiting with IMAP IDLE
    POLLING = "polling"  # waiting for the next poll
    RETRYING = "retrying"  # connection lost or handler failed; waiting for the next try
    LOGIN_FAILED = "login_failed"  # final


@dataclass(frozen=True, slots=True)
class WatcherState:
    status: WatcherStatus
    detail: str = ""


@dataclass(frozen=True, slots=True)
class MailboxMessage:
    mailbox_key: str  # "login@host:port/folder"
    uidvalidity: int
    uid: int


MessageHandler = Callable[[bytes, MailboxMessage], object]


class MessageQuarantine(Protocol):
    """Where a message goes that failed ``max_attempts`` times (raises RetryLater when it cannot be
    kept just now), and what to retry when the watcher starts."""

    def hold(self, raw: bytes, message: MailboxMessage, exc: BaseException, attempts: int) -> object: ...

    def retry_held(self, mailbox_key: str) -> object: ...


# --------------------------------------------------------------------------------------------


class MailboxWatcher:
    """One queue mailbox, watched in a background thread. ``start()`` returns at once; ``stop()``
    ends the thread. Not restartable: make a new watcher (it continues from the stored marks)."""

    def __init__(
        self,
        server: MailServer,
        mailbox: QueueMailbox,
        on_message: MessageHandler,
        *,
        state: UidStore | None = None,
        password_lookup: PasswordLookup = keyring_password,
        use_idle: bool = True,
        poll_interval: float = 60.0,
        idle_timeout: float = 540.0,
        reconnect_initial: float = 1.0,
        reconnect_max: float = 60.0,
        max_attempts: int = 3,
        quarantine: MessageQuarantine | None = None,
    ) -> None:
        if poll_interval <= 0 or idle_timeout <= 0:
            raise ValueError("poll_interval and idle_timeout must be positive")
        self.server = server
        self.mailbox = mailbox
        self._on_message = on_message
        self._store = state if state is not None else UidStateFile()
        self._password_lookup = password_lookup
        self.use_idle = use_idle
        self.poll_interval = poll_interval
        self.idle_timeout = idle_timeout  # RFC 2177: re-issue IDLE at least every 29 minutes
        self.reconnect_initial = reconnect_initial
        self.reconnect_max = reconnect_max
        self.max_attempts = max_attempts
        self._quarantine = quarantine
        self.key = f"{mailbox.imap_login}@{server.host}:{server.port}/{mailbox.folder}"
        self.uses_idle: bool | None = None  # known after the first login
        self.processed = 0  # messages handed over by this watcher
        self._failures: dict[tuple[int, int], int] = {}
        self._state = WatcherState(WatcherStatus.STOPPED, "not started")
        self._changed = threading.Condition()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._wake_lock = threading.Lock()
        self._conn: imaplib.IMAP4 | None = None  # the open connection, for stop() to cut

    def __repr__(self) -> str:
        return f"<MailboxWatcher {self.key} {self._state.status.value}>"

    # --- the caller's side ---------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the mailbox watcher was already started")
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._thread = threading.Thread(target=self._run, name=f"mailbox-watcher-{self.key}", daemon=True)
        self._set(WatcherStatus.CONNECTING)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching: wakes the thread, logs out and joins it (idempotent)."""
        thread = self._thread
        if thread is None:
            return
        self._stopping.set()
        with self._wake_lock:
            if self._wake_w is not None:
                with contextlib.suppress(OSError):
                    self._wake_w.send(b"x")
        if threading.current_thread() is not thread:
            thread.join(min(timeout, 0.5))
            conn = self._conn
            if thread.is_alive() and conn is not None:
                # Busy in a command (a slow fetch, a server that stopped answering): cut it short.
                with contextlib.suppress(OSError):
                    conn.socket().shutdown(socket.SHUT_RDWR)
            thread.join(max(0.0, timeout - 0.5))
            if thread.is_alive():
                log.warning("mailbox watcher %s did not end within %s s", self.key, timeout)
                return
        with self._wake_lock:
            for sock in (self._wake_r, self._wake_w):
                if sock is not None:
                    sock.close()
            self._wake_r = self._wake_w = None

    @property
    def state(self) -> WatcherState:
        with self._changed:
            return self._state

    @property
    def is_alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait_for(self, *statuses: WatcherStatus, timeout: float) -> WatcherState:
        """Block until the watcher is in one of ``statuses``; TimeoutError otherwise."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._state.status in statuses, timeout):
                raise TimeoutError(
                    f"{self.key}: still {self._state.status.value} ({self._state.detail}) after {timeout} s"
                )
            return self._state

    # --- the thread ------------------------------------------------------------------------

    def _set(self, status: WatcherStatus, detail: str = "") -> None:
        with self._changed:
            self._state = WatcherState(status, detail)
            self._changed.notify_all()

    def _sleep(self, seconds: float) -> bool:
        """Wait, or less when stopped; True when stopping."""
        return self._stopping.wait(seconds)

    def _run(self) -> None:
        delay = self.reconnect_initial

        def connected() -> None:
            nonlocal delay
            delay = self.reconnect_initial

        self._retry_quarantined()
        try:
            while not self._stopping.is_set():
                try:
                    self._session(on_connected=connected)
                except MailboxLoginFailed as exc:
                    log.error("mailbox %s: %s; not retrying", self.key, exc)
                    self._set(WatcherStatus.LOGIN_FAILED, str(exc))
                    return
                except RetryLater as exc:
                    if self._stopping.is_set():
                        break
                    wait = self._jitter(delay)
                    log.warning(
                        "mailbox %s: the message handler asked to retry (%s); again in %.1f s", self.key, exc, wait
                    )
                    self._set(WatcherStatus.RETRYING, f"handler: {exc}")
                    delay = min(self.reconnect_max, delay * 2)
                    self._sleep(wait)
                except (OSError, imaplib.IMAP4.error, _MessageFailed) as exc:
                    if self._stopping.is_set():
                        break
                    wait = self._jitter(delay)
                    log.warning(
                        "mailbox %s: %s: %s; retrying in %.1f s", self.key, type(exc).__name__, _short(exc), wait
                    )
                    self._set(WatcherStatus.RETRYING, f"{type(exc).__name__}: {_short(exc)}")
                    delay = min(self.reconnect_max, delay * 2)
                    self._sleep(wait)
        except Exception as exc:
            log.error("mailbox watcher %s failed (%s)", self.key, type(exc).__name__)
            raise
        finally:
            if self._state.status is not WatcherStatus.LOGIN_FAILED:
                self._set(WatcherStatus.STOPPED, "stopped")

    def _retry_quarantined(self) -> None:
        if self._quarantine is None:
            return
        try:
            self._quarantine.retry_held(self.key)
        except Exception as exc:  # noqa: BLE001 - the database may be down at start; the next start tries again
            log.warning("mailbox %s: quarantined mail not retried (%s)", self.key, type(exc).__name__)

    @staticmethod
    def _jitter(delay: float) -> float:
        return delay * random.uniform(0.8, 1.2)

    def _connect(self) -> ImapConnection | ImapSSLConnection:
        server = self.server
        if server.security == "ssl":
            conn: ImapConnection | ImapSSLConnection = ImapSSLConnection(
                server.host, server.port, ssl_context=ssl.create_default_context(), timeout=server.timeout
            )
        else:
            conn = ImapConnection(server.host, server.port, timeout=server.timeout)
        try:
            if server.security == "starttls":
                conn.starttls(ssl.create_default_context())
            login = self.mailbox.imap_login
            password = self._password_lookup(server.account("imap", login))
            if password is None:
                raise MailboxLoginFailed(f"no password in the keyring for {server.account('imap', login)}")
            try:
                conn.login(login, password)
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error as exc:
                raise MailboxLoginFailed(f"login refused: {_short(exc)}") from None
            return conn
        except BaseException:
            _close(conn)
            raise

    def _session(self, on_connected: Callable[[], None]) -> None:
        self._set(WatcherStatus.CONNECTING)
        conn = self._connect()
        self._conn = conn
        try:
            typ, data = conn.capability()
            caps = set(data[0].upper().split()) if typ == "OK" and data and data[0] else set()
            idle = self.use_idle and b"IDLE" in caps
            self.uses_idle = idle
            typ, data = conn.select(quote_mailbox(self.mailbox.folder))
            if typ != "OK":
                raise imaplib.IMAP4.error(f"cannot open folder {self.mailbox.folder!r}: {data!r}")
            validity = conn.untagged_responses.get("UIDVALIDITY", [b"0"])[-1]
            if not isinstance(validity, bytes):  # a literal where a number belongs
                raise imaplib.IMAP4.error(f"unreadable UIDVALIDITY for folder {self.mailbox.folder!r}")
            uidvalidity = int(validity)
            on_connected()
            while not self._stopping.is_set():
                self._set(WatcherStatus.FETCHING)
                self._take_in_new(conn, uidvalidity)
                if self._stopping.is_set():
                    break
                if idle:
                    self._set(WatcherStatus.IDLE)
                    conn.idle_wait(self.idle_timeout, self._wake_r)
                    self._drain_wake()
                else:
                    self._set(WatcherStatus.POLLING)
                    if self._sleep(self.poll_interval):
                        break
                    conn.noop()
        finally:
            self._conn = None
            _logout(conn)

    def _drain_wake(self) -> None:
        try:
            while self._wake_r is not None and self._wake_r.recv(64):
                pass
        except (BlockingIOError, OSError):
            pass

    def _take_in_new(self, conn: imaplib.IMAP4, uidvalidity: int) -> None:
        mark = self._store.get(self.key)
        last = mark.last_uid if mark is not None and mark.uidvalidity == uidvalidity else 0
        if mark is not None and mark.uidvalidity != uidvalidity:
            log.info(
                "mailbox %s: UIDVALIDITY changed (%d -> %d); reading the folder again",
                self.key,
                mark.uidvalidity,
                uidvalidity,
            )
        typ, data = conn.uid("SEARCH", f"UID {last + 1}:*")  # no CHARSET: the criteria are ASCII
        if typ != "OK":
            raise imaplib.IMAP4.error(f"UID SEARCH failed: {data!r}")
        # "n:*" always matches the last message, even when its UID is below n.
        uids = sorted(u for u in (int(x) for x in (data[0] or b"").split()) if u > last)
        for uid in uids:
            if self._stopping.is_set():
                return
            raw = self._fetch(conn, uid)
            if raw is not None:
                self._hand_over(raw, MailboxMessage(self.key, uidvalidity, uid))
            self._store.set(self.key, UidMark(uidvalidity, uid))

    @staticmethod
    def _fetch(conn: imaplib.IMAP4, uid: int) -> bytes | None:
        typ, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")
        if typ != "OK":
            raise imaplib.IMAP4.error(f"UID FETCH {uid} failed: {data!r}")
        for item in data:
            if isinstance(item, tuple) and b"BODY[]" in item[0].upper():
                return bytes(item[1])
        return None  # expunged meanwhile

    def _hand_over(self, raw: bytes, message: MailboxMessage) -> None:
        key = (message.uidvalidity, message.uid)
        try:
            self._on_message(raw, message)
        except RetryLater:
            raise
        except Exception as exc:
            tries = self._failures.get(key, 0) + 1
            self._failures[key] = tries
            if tries >= self.max_attempts:
                self._give_up(raw, message, exc, tries)
                self._failures.pop(key, None)
                return
            raise _MessageFailed(f"message UID {message.uid} failed ({type(exc).__name__}), try {tries}") from exc
        self._failures.pop(key, None)
        self.processed += 1

    def _give_up(self, raw: bytes, message: MailboxMessage, exc: Exception, tries: int) -> None:
        reason = getattr(exc, "reason", "intake_error")
        error_class = getattr(exc, "error_class", "") or type(exc).__name__
        if self._quarantine is None:
            log.error(
                "mailbox %s: message UID %d failed %d times (%s, %s); skipped (it stays in the mailbox)",
                self.key,
                message.uid,
                tries,
                reason,
                error_class,
            )
            return
        try:
            self._quarantine.hold(raw, message, exc, tries)
        except RetryLater:
            raise  # kept for the next try: a message is never skipped because the database is down
        except Exception as held:  # noqa: BLE001 - a failed quarantine skips the message, never the watcher
            log.error(
                "mailbox %s: message UID %d failed %d times (%s, %s) and could not be quarantined (%s); "
                "skipped (it stays in the mailbox)",
                self.key,
                message.uid,
                tries,
                reason,
                error_class,
                type(held).__name__,
            )


class _MessageFailed(Exception):
    pass


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def _logout(conn: imaplib.IMAP4) -> None:
    try:
        conn.logout()  # also closes the socket
    except (OSError, imaplib.IMAP4.error):
        _close(conn)


def _close(conn: imaplib.IMAP4) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown()
