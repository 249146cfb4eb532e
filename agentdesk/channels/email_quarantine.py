"""E-mail that could not be taken in: kept, listed for a supervisor, retried after an upgrade.

When a message has failed the watcher's ``max_attempts`` tries, :meth:`MailQuarantine.hold` keeps
it in ``quarantined_mail``: its raw bytes, the queue mailbox (and the mailbox's settings, so a retry
needs no configuration), UID, Message-ID, a reason code, the exception's class and the AgentDesk
version that failed. The mailbox goes on with the next message.

- :meth:`MailQuarantine.list` is what a supervisor sees: when, mailbox, reason, the sender's domain
  (no name, address, subject or body).
- :meth:`MailQuarantine.retry` takes a message in again through the intake; taken in (or found to
  be known already), it leaves the quarantine; failing again, it stays with the new reason.
- A watcher retries, once at its start, every message of its mailbox that an AgentDesk version
  other than the running one quarantined (:meth:`MailQuarantine.retry_after_upgrade`): an upgrade
  that fixes the cause takes the mail in without anyone asking.

Logs name a message by mailbox, UID and a digest of its Message-ID, never by its content.
"""

from __future__ import annotations

import builtins
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy import exc as sa_exc

from agentdesk import __version__
from agentdesk.channels.email_config import DEFAULT_TOPIC, QueueMailbox
from agentdesk.channels.email_intake import EmailIntake
from agentdesk.channels.email_sanitise import clean_field
from agentdesk.channels.email_threading import message_digest, parse_message, storage_ref
from agentdesk.channels.email_watcher import MailboxMessage, RetryLater
from agentdesk.storage.database import Database
from agentdesk.storage.models import QuarantinedMail, utcnow

log = logging.getLogger(__name__)

__all__ = ["MailQuarantine", "MailboxQuarantine", "QuarantinedMailView", "RetryOutcome", "message_digest"]

_DB_DOWN = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DisconnectionError)
_FROM_DOMAIN_RE = re.compile(rb"^from:[^\r\n]*@([A-Za-z0-9.-]+)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class QuarantinedMailView:
    id: int
    quarantined_at: dt.datetime
    mailbox: str  # the queue mailbox's address
    uid: int
    reason: str  # "parse_failed", "data_refused", "database_refused", "intake_error"
    error_class: str
    sender_domain: str  # "example.fi"; "" when unreadable
    message: str  # message_digest() of the Message-ID
    app_version: str  # the version that last failed on it
    attempts: int
    last_tried_at: dt.datetime


@dataclass(frozen=True, slots=True)
class RetryOutcome:
    id: int
    taken_in: bool  # left the quarantine (taken in, or already known)
    reason: str  # "taken_in", "already_known", "not_found", or the reason it failed again


class MailQuarantine:
    """The quarantine of one database. ``intake`` takes retried messages in (default: a plain
    :class:`EmailIntake` on the same database, for the CLI and the dashboard)."""

    def __init__(
        self,
        db: Database,
        intake: EmailIntake | None = None,
        *,
        version: str = __version__,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._db = db
        self._intake = intake
        self.version = version
        self._clock = clock

    def for_mailbox(self, mailbox: QueueMailbox) -> MailboxQuarantine:
        """The ``quarantine`` of a :class:`~agentdesk.channels.email_watcher.MailboxWatcher`."""
        return MailboxQuarantine(self, mailbox)

    # --- keeping ----------------------------------------------------------------------------

    def hold(
        self, raw: bytes, mailbox: QueueMailbox, message: MailboxMessage, exc: BaseException, attempts: int = 1
    ) -> int:
        """Keep a message that could not be taken in; the row's id. RetryLater when the database
        cannot be reached (the watcher keeps the message for later)."""
        reason = getattr(exc, "reason", "intake_error")
        error_class = (getattr(exc, "error_class", "") or type(exc).__name__)[:64]
        message_id, domain = _identify(raw)
        now = self._clock()
        try:
            with self._db.session() as s, s.begin():
                row = s.scalar(
                    select(QuarantinedMail).where(
                        QuarantinedMail.mailbox_key == message.mailbox_key[:400],
                        QuarantinedMail.uidvalidity == message.uidvalidity,
                        QuarantinedMail.uid == message.uid,
                    )
                )
                if row is None:
                    row = QuarantinedMail(
                        quarantined_at=now,
                        mailbox=mailbox.address[:254],
                        mailbox_key=message.mailbox_key[:400],
                        uidvalidity=message.uidvalidity,
                        uid=message.uid,
                        queue_code=mailbox.queue_code[:32],
                        topic=mailbox.topic[:100],
                        department_id=mailbox.department_id,
                        message_id=message_id,
                        sender_domain=domain,
                        reason=reason[:32],
                        error_class=error_class,
                        app_version=self.version[:32],
                        attempts=attempts,
                        last_tried_at=now,
                        raw=raw,
                    )
                    s.add(row)
                else:
                    _failed_again(row, reason, error_class, self.version, now, attempts)
                s.flush()
                row_id = row.id
        except _DB_DOWN as db_exc:
            raise RetryLater(f"quarantine unavailable ({type(db_exc).__name__})") from None
        log.warning(
            "mailbox %s: message UID %d (message %s) quarantined as #%d: %s (%s)",
            mailbox.address,
            message.uid,
            message_digest(message_id),
            row_id,
            reason,
            error_class,
        )
        return row_id

    # --- the supervisor's list --------------------------------------------------------------

    def list(self) -> list[QuarantinedMailView]:
        """Every quarantined message, newest first."""
        with self._db.session() as s:
            rows = s.execute(
                select(
                    QuarantinedMail.id,
                    QuarantinedMail.quarantined_at,
                    QuarantinedMail.mailbox,
                    QuarantinedMail.uid,
                    QuarantinedMail.reason,
                    QuarantinedMail.error_class,
                    QuarantinedMail.sender_domain,
                    QuarantinedMail.message_id,
                    QuarantinedMail.app_version,
                    QuarantinedMail.attempts,
                    QuarantinedMail.last_tried_at,
                ).order_by(QuarantinedMail.quarantined_at.desc(), QuarantinedMail.id.desc())
            ).all()
        return [
            QuarantinedMailView(
                r.id,
                r.quarantined_at,
                r.mailbox,
                r.uid,
                r.reason,
                r.error_class,
                r.sender_domain,
                message_digest(r.message_id),
                r.app_version,
                r.attempts,
                r.last_tried_at,
            )
            for r in rows
        ]

    # --- retrying ---------------------------------------------------------------------------

    def retry(self, quarantine_id: int) -> RetryOutcome:
        """Take one quarantined message in again. RetryLater when the database cannot be reached."""
        with self._db.session() as s:
            row = s.get(QuarantinedMail, quarantine_id)
            if row is None:
                return RetryOutcome(quarantine_id, False, "not_found")
            s.expunge(row)
        mailbox = QueueMailbox(
            row.mailbox, queue_code=row.queue_code, topic=row.topic or DEFAULT_TOPIC, department_id=row.department_id
        )
        try:
            result = self._intake_for().receive(row.raw, mailbox)
        except RetryLater:
            raise
        except Exception as exc:  # noqa: BLE001 - any intake failure keeps the message quarantined
            reason = getattr(exc, "reason", "intake_error")
            error_class = (getattr(exc, "error_class", "") or type(exc).__name__)[:64]
            with self._db.session() as s, s.begin():
                again = s.get(QuarantinedMail, quarantine_id)
                if again is not None:
                    _failed_again(again, reason, error_class, self.version, self._clock(), again.attempts + 1)
            log.warning(
                "quarantined mail #%d (mailbox %s UID %d, message %s) failed again: %s (%s)",
                quarantine_id,
                row.mailbox,
                row.uid,
                message_digest(row.message_id),
                reason,
                error_class,
            )
            return RetryOutcome(quarantine_id, False, reason)
        with self._db.session() as s, s.begin():
            s.execute(delete(QuarantinedMail).where(QuarantinedMail.id == quarantine_id))
        outcome = "taken_in" if result is not None else "already_known"
        log.info(
            "quarantined mail #%d (mailbox %s UID %d, message %s): %s",
            quarantine_id,
            row.mailbox,
            row.uid,
            message_digest(row.message_id),
            outcome,
        )
        return RetryOutcome(quarantine_id, True, outcome)

    def retry_all(self) -> builtins.list[RetryOutcome]:
        with self._db.session() as s:
            ids = list(s.scalars(select(QuarantinedMail.id).order_by(QuarantinedMail.id)))
        return [self.retry(i) for i in ids]

    def retry_after_upgrade(self, mailbox_key: str) -> builtins.list[RetryOutcome]:
        """Retry, once per AgentDesk version, the messages of a mailbox another version quarantined."""
        with self._db.session() as s:
            ids = list(
                s.scalars(
                    select(QuarantinedMail.id)
                    .where(
                        QuarantinedMail.mailbox_key == mailbox_key[:400],
                        QuarantinedMail.app_version != self.version[:32],
                    )
                    .order_by(QuarantinedMail.id)
                )
            )
        if ids:
            log.info(
                "mailbox %s: retrying %d quarantined message(s) after an upgrade to %s",
                mailbox_key,
                len(ids),
                self.version,
            )
        return [self.retry(i) for i in ids]

    def _intake_for(self) -> EmailIntake:
        if self._intake is None:
            with self._db.session() as s:
                own = list(s.scalars(select(QuarantinedMail.mailbox).distinct()))
            return EmailIntake(self._db, own_addresses=own)
        return self._intake


class MailboxQuarantine:
    """The quarantine as one mailbox's watcher uses it
    (:class:`~agentdesk.channels.email_watcher.MessageQuarantine`)."""

    def __init__(self, quarantine: MailQuarantine, mailbox: QueueMailbox) -> None:
        self.quarantine, self.mailbox = quarantine, mailbox

    def hold(self, raw: bytes, message: MailboxMessage, exc: BaseException, attempts: int) -> int:
        return self.quarantine.hold(raw, self.mailbox, message, exc, attempts)

    def retry_held(self, mailbox_key: str) -> builtins.list[RetryOutcome]:
        return self.quarantine.retry_after_upgrade(mailbox_key)


def _failed_again(
    row: QuarantinedMail, reason: str, error_class: str, version: str, now: dt.datetime, attempts: int
) -> None:
    row.reason, row.error_class, row.app_version = reason[:32], error_class, version[:32]
    row.attempts, row.last_tried_at = attempts, now


def _identify(raw: bytes) -> tuple[str, str]:
    """(storage_ref of the Message-ID, the sender's domain) as far as the message can be read."""
    try:
        mail = parse_message(raw)
    except Exception:  # noqa: BLE001 - parse_message never raises; this is the net
        found = _FROM_DOMAIN_RE.search(raw[:65536])
        return "", found.group(1).decode("ascii").lower()[:254] if found else ""
    domain = mail.from_addr.rpartition("@")[2] if "@" in mail.from_addr else ""
    message_id = "" if mail.message_id_missing else storage_ref(mail.message_id)
    return message_id, clean_field(domain, 254)
