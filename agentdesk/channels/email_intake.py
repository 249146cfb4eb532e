"""New mail becomes a logged contact in the right case, for the right customer.

:meth:`EmailIntake.receive` takes one raw message from a queue mailbox and, in one transaction:

- skips it when it is already known (an e-mail interaction with its Message-ID exists: fetched
  twice, or delivered to two queue mailboxes) or when it comes from a queue's own address (loops);
- finds the sender's customer with the customer search (the From address; no customer when the
  address is unknown or shared by several customers: the agent decides);
- threads it into a case (:func:`~agentdesk.channels.email_thread_match.resolve_thread`): a case
  holding one of its parent Message-IDs (``interaction.external_ref`` of earlier incoming mail and
  of the desk's replies), else an open case with the same subject from the same sender in the last
  ``subject_window_days``, else a new case titled with the subject. A resolved or waiting case is
  reopened; a follow-up to a closed case opens a new one;
- logs an inbound e-mail interaction: ``external_ref`` = Message-ID, topic from the mailbox, notes =
  a short header block (From, Reply-To, To, Subject, Attachments listed by name, type and size)
  and the text body, shortened at a line break beyond ``max_body_chars``;
- stores the message itself in ``email_message`` (headers, decoded text, the HTML part as text,
  the contact, case and customer) with its attachments (:mod:`~agentdesk.channels.email_store`).
  ``(mailbox, Message-ID)`` is unique: a second intake service that took the same mail in at the
  same moment fails on the index, and its mail counts as already taken in;

- puts a work item in the mailbox's queue (``QueueMailbox.queue_code``; the item's external_ref is
  the Message-ID, its subject the mail's subject, its deadline from the queue's target), in the
  same transaction, so no mail is logged without being queued. Automatic mail (out-of-office
  replies, bounces) is logged but not queued; a queue code that names no active queue is logged
  as a WARNING and the mail is logged without a work item.

Then ``on_new_mail(result)`` is called (on the watcher's thread): the seam for telling the desk.

A message that cannot be taken in raises :class:`~agentdesk.channels.email_watcher.IntakeFailed`
with a reason code (the watcher retries it, then quarantines it); a database that cannot be reached
raises :class:`~agentdesk.channels.email_watcher.RetryLater`. Neither carries the original
exception's text: a database error quotes the statement with the citizen's data.

The header block in the notes keeps the contact readable on the timeline; the desk's thread view
and replies read ``email_message``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.channels.email_config import QueueMailbox
from agentdesk.channels.email_store import already_stored, store_incoming
from agentdesk.channels.email_thread_match import resolve_thread, thread_key
from agentdesk.channels.email_threading import (
    ParsedEmail,
    normalise_subject,
    parse_message,
    storage_ref,
    subject_key,
)
from agentdesk.channels.email_watcher import IntakeFailed, MailboxMessage, MessageHandler, RetryLater
from agentdesk.contact_records import ContactRow, NewCase, move_case, record_contact
from agentdesk.identity import IdentityError, normalise_email
from agentdesk.queues.work_queue import NewWorkItem, add_items
from agentdesk.queues.working_hours import OFFICE_HOURS, WorkingHours
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.search.query_kinds import QueryKind
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    CaseStatus,
    Channel,
    Direction,
    Interaction,
    Queue,
    ServiceCase,
    utcnow,
)

log = logging.getLogger(__name__)

__all__ = [
    "EmailIntake",
    "IntakeResult",
    "NewMailCallback",
    "ReplyTarget",
    "failure_reason",
    "notes_header",
    "read_notes_header",
]

NO_SUBJECT = "(no subject)"
_TITLE_MAX = 200


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """What a reply needs to know about the message it answers."""

    message_id: str
    references: tuple[str, ...]  # the answered message's own References
    subject: str
    to_addr: str  # Reply-To, else From
    to_name: str
    case_id: int | None
    customer_id: int | None
    topic: str = ""


@dataclass(frozen=True, slots=True)
class IntakeResult:
    interaction_id: int
    case_id: int
    customer_id: int | None
    new_case: bool
    threaded_by: str  # "references", "subject" or "new"
    mail: ParsedEmail
    mailbox: QueueMailbox
    work_item_id: int | None = None  # None: automatic mail, or no such queue
    queue_id: int | None = None  # the queue of the work item

    @property
    def reply_target(self) -> ReplyTarget:
        m = self.mail
        return ReplyTarget(
            m.message_id,
            m.references,
            m.subject,
            m.reply_to,
            m.from_name,
            self.case_id,
            self.customer_id,
            self.mailbox.topic,
        )


NewMailCallback = Callable[[IntakeResult], None]


# --------------------------------------------------------------------------------------------
# The header block at the top of an e-mail interaction's notes


def notes_header(fields: Iterable[tuple[str, str]]) -> str:
    return "".join(f"{name}: {value}\n" for name, value in fields if value)


def read_notes_header(notes: str) -> dict[str, str]:
    """The ``Name: value`` lines before the first blank line of the notes."""
    found: dict[str, str] = {}
    for line in notes.split("\n"):
        if not line.strip():
            break
        name, sep, value = line.partition(": ")
        if sep and name and " " not in name:
            found.setdefault(name, value)
    return found


def mailbox_line(name: str, addr: str) -> str:
    """``Name <addr>`` as written in the notes (the address always in angle brackets)."""
    return f"{name} <{addr}>" if name else f"<{addr}>"


def address_in(line: str) -> str:
    start, end = line.rfind("<"), line.rfind(">")
    return line[start + 1 : end] if 0 <= start < end else line.strip()


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    if cut < limit // 2:
        cut = limit
    rest = len(text) - cut
    return text[:cut].rstrip() + f"\n\n[… {rest:,} more characters in the original message]"


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --------------------------------------------------------------------------------------------


class EmailIntake:
    def __init__(
        self,
        db: Database,
        *,
        on_new_mail: NewMailCallback | None = None,
        own_addresses: Iterable[str] = (),
        actor: str = "system:email",
        subject_window_days: int = 30,
        max_body_chars: int = 12_000,
        hours: WorkingHours = OFFICE_HOURS,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._db = db
        self._search = CustomerSearch(db)
        self._on_new_mail = on_new_mail
        self._own = {a.strip().lower() for a in own_addresses}
        self._actor = actor
        self._window = dt.timedelta(days=subject_window_days)
        self._max_body = max_body_chars
        self._hours = hours
        self._clock = clock

    def handler_for(self, mailbox: QueueMailbox) -> MessageHandler:
        """The ``on_message`` of a :class:`MailboxWatcher` for this mailbox."""

        def handle(raw: bytes, _message: MailboxMessage) -> None:
            self.receive(raw, mailbox)

        return handle

    def receive(self, raw: bytes, mailbox: QueueMailbox) -> IntakeResult | None:
        """Take in one message; None when it was skipped (already known, or our own)."""
        try:
            mail = parse_message(raw)
        except Exception as exc:  # noqa: BLE001 - parse_message is built never to raise; the quarantine is the net
            raise IntakeFailed("parse_failed", type(exc).__name__) from None
        if mail.from_addr and (mail.from_addr == mailbox.address.lower() or mail.from_addr in self._own):
            log.info("mail %s from a queue's own address skipped", mailbox.address)
            return None
        try:
            customer_id = self._find_customer(mail.from_addr)
            result = self._store(mail, raw, mailbox, customer_id)
        except sa_exc.IntegrityError:
            if not self._stored_meanwhile(mail, mailbox):
                raise IntakeFailed("database_refused", "IntegrityError") from None
            result = None  # another intake service took it in at the same moment
        except (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DisconnectionError) as exc:
            raise RetryLater(f"database unavailable ({type(exc).__name__})") from None
        except Exception as exc:  # noqa: BLE001 - any failure quarantines the message
            raise IntakeFailed(failure_reason(exc), type(exc).__name__) from None
        if result is None:
            log.info("mail to %s already taken in; skipped", mailbox.address)
            return None
        log.info(
            "mail to %s taken in: interaction=%d case=%d (%s) customer=%s work_item=%s",
            mailbox.address,
            result.interaction_id,
            result.case_id,
            result.threaded_by,
            result.customer_id if result.customer_id is not None else "unknown",
            result.work_item_id,
        )
        if self._on_new_mail is not None:
            try:
                self._on_new_mail(result)
            except Exception as exc:  # noqa: BLE001 - a callback's failure never loses the stored mail
                log.error(
                    "the new-mail callback failed for interaction %d (%s)", result.interaction_id, type(exc).__name__
                )
        return result

    # --- steps -----------------------------------------------------------------------------

    def _stored_meanwhile(self, mail: ParsedEmail, mailbox: QueueMailbox) -> bool:
        try:
            with self._db.session() as s:
                return already_stored(s, mailbox.address, mail.message_id)
        except sa_exc.SQLAlchemyError:
            return False

    def _find_customer(self, address: str) -> int | None:
        if not address:
            return None
        try:
            normalise_email(address)
        except IdentityError:
            return None
        page = self._search.search(address, limit=2)
        if page.query.kind is not QueryKind.EMAIL or not page.hits:
            return None
        if len(page.hits) > 1:
            log.info("the sender's address belongs to several customers; left for the agent")
            return None
        return page.hits[0].customer_id

    def _store(
        self, mail: ParsedEmail, raw: bytes, mailbox: QueueMailbox, customer_id: int | None
    ) -> IntakeResult | None:
        now = self._clock()
        ref = storage_ref(mail.message_id)
        with self._db.session() as s, s.begin():
            known = s.scalar(
                select(Interaction.id)
                .where(Interaction.channel == Channel.EMAIL, Interaction.external_ref == ref)
                .limit(1)
            )
            if known is not None or already_stored(s, mailbox.address, mail.message_id):
                return None
            match = resolve_thread(
                thread_key(mail),
                lambda ids: _cases_by_message_id(s, ids),
                lambda subject, sender: self._case_by_subject(s, subject, sender, customer_id, now),
            )
            case = s.get(ServiceCase, match.thread) if match.thread is not None else None
            how = match.how
            if case is not None and case.status is CaseStatus.CLOSED:
                case, how = None, "new"  # a follow-up to a closed case is a new case
            new_case = None
            if case is None:
                title = normalise_subject(mail.subject)[:_TITLE_MAX] or NO_SUBJECT
                new_case = NewCase(title, status=CaseStatus.NEW)
            else:
                if case.status is CaseStatus.RESOLVED:  # the citizen came back: taken up again
                    move_case(s, case, CaseStatus.REOPENED, actor=self._actor, note="follow-up e-mail")
                elif case.status is CaseStatus.WAITING:  # the answer the case waited for
                    move_case(s, case, CaseStatus.OPEN, actor=self._actor, note="the citizen answered by e-mail")
                if case.customer_id is None and customer_id is not None:
                    case.customer_id = customer_id
            recorded = record_contact(
                s,
                ContactRow(
                    customer_id=customer_id,
                    channel=Channel.EMAIL,
                    direction=Direction.INBOUND,
                    started_at=now,
                    ended_at=now,
                    agent_id=None,
                    department_id=mailbox.department_id,
                    topic=mailbox.topic,
                    notes=self._notes(mail),
                    outcome=None,
                    case_id=None if case is None else case.id,
                    external_ref=ref,
                ),
                actor=self._actor,
                new_case=new_case,
            )
            assert recorded.case_id is not None  # a mail always belongs to a case
            store_incoming(
                s,
                mailbox.address,
                mail,
                raw,
                customer_id=customer_id,
                case_id=recorded.case_id,
                interaction_id=recorded.interaction_id,
                received_at=now,
            )
            queued = None if mail.auto_submitted else self._queue(s, mail, mailbox, customer_id, ref, now)
            work_item_id, queue_id = queued if queued is not None else (None, None)
            return IntakeResult(
                recorded.interaction_id,
                recorded.case_id,
                customer_id,
                new_case is not None,
                how,
                mail,
                mailbox,
                work_item_id,
                queue_id,
            )

    def _queue(
        self, s: Session, mail: ParsedEmail, mailbox: QueueMailbox, customer_id: int | None, ref: str, now: dt.datetime
    ) -> tuple[int, int] | None:
        """The work item for the mail: (its id, its queue's id); None without an active queue."""
        if not mailbox.queue_code:
            return None
        queue_id = s.scalar(select(Queue.id).where(Queue.code == mailbox.queue_code, Queue.active.is_(True)))
        if queue_id is None:
            log.warning(
                "mailbox %s: no active queue %r; mail logged without a work item", mailbox.address, mailbox.queue_code
            )
            return None
        item = NewWorkItem(
            external_ref=ref, subject=mail.subject or NO_SUBJECT, customer_id=customer_id, arrived_at=now
        )
        [view] = add_items(s, queue_id, [item], self._hours, returning=True)
        return view.id, queue_id

    def _notes(self, mail: ParsedEmail) -> str:
        header = notes_header(
            [
                ("From", mailbox_line(mail.from_name, mail.from_addr) if mail.from_addr else "(unknown sender)"),
                ("Reply-To", f"<{mail.reply_to}>" if mail.reply_to and mail.reply_to != mail.from_addr else ""),
                ("To", ", ".join(mail.to)),
                ("Cc", ", ".join(mail.cc)),
                ("Subject", mail.subject or NO_SUBJECT),
                ("Attachments", "; ".join(a.describe() for a in mail.attachments)),
            ]
        )
        body = _shorten(mail.text.strip(), self._max_body) if mail.text.strip() else "(no text)"
        return f"{header}\n{body}"

    def _case_by_subject(
        self, s: Session, subject: str, sender: str, customer_id: int | None, now: dt.datetime
    ) -> int | None:
        q = (
            select(ServiceCase.id, ServiceCase.title)
            .join(Interaction, Interaction.case_id == ServiceCase.id)
            .where(
                Interaction.channel == Channel.EMAIL,
                Interaction.direction == Direction.INBOUND,
                Interaction.started_at >= now - self._window,
                ServiceCase.status != CaseStatus.CLOSED,
            )
        )
        if customer_id is not None:
            q = q.where(Interaction.customer_id == customer_id)
        else:
            q = q.where(
                Interaction.customer_id.is_(None),
                Interaction.notes.like(f"From: %<{_like_escape(sender)}>\n%", escape="\\"),
            )
        q = q.order_by(Interaction.started_at.desc(), Interaction.id.desc()).limit(50)
        # Compared here, not in SQL: SQLite's lower() folds ASCII letters only.
        for case_id, title in s.execute(q):
            if subject_key(title) == subject:
                return case_id
        return None


def failure_reason(exc: BaseException) -> str:
    """The stable reason code for an exception from storing a message."""
    if isinstance(exc, (sa_exc.DataError, UnicodeError, ValueError)):
        return "data_refused"  # text or a value the database does not take
    if isinstance(exc, (sa_exc.IntegrityError, sa_exc.StatementError)):
        return "database_refused"
    return "intake_error"


def _cases_by_message_id(s: Session, ids: Sequence[str]) -> Mapping[str, int]:
    refs = {storage_ref(i): i for i in ids}
    rows = s.execute(
        select(Interaction.external_ref, Interaction.case_id)
        .where(
            Interaction.channel == Channel.EMAIL,
            Interaction.external_ref.in_(list(refs)),
            Interaction.case_id.is_not(None),
        )
        .order_by(Interaction.id)
    )
    return {refs[ref]: case_id for ref, case_id in rows if case_id is not None}
