"""The desk's side of the e-mail channel: a conversation read from ``email_message``, answered, and
an unknown sender linked to a customer.

::

    threads = EmailThreads(db, replier=EmailReplier(...), mailboxes=[QueueMailbox("neuvonta@...")])
    thread = threads.for_message("<abc@example.fi>", actor="agent.aino")   # a work item's external_ref
    threads.reply(thread.answer.id, "Hei, ...", agent_id=7, actor="agent.aino")
    threads.link_sender(thread.answer.id, customer_id=42, actor="agent.aino")

A conversation is the messages of one case (the intake threads mail into cases by References and
subject), oldest first; a message without a case is a conversation of its own thread id. Every
reading is audited (``email.view``), as is every link (``email.link``); the values returned are plain
frozen dataclasses. Message text is returned as text only: the HTML part was reduced to text when the
mail was taken in, so a view that shows it as plain text fetches and runs nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.channels.email_config import QueueMailbox
from agentdesk.channels.email_intake import ReplyTarget
from agentdesk.channels.email_reply import EmailReplier, ReplyNotSent, SentReply
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Customer,
    Direction,
    EmailAttachment,
    EmailMessage,
    Interaction,
    ServiceCase,
    WorkItem,
)

__all__ = [
    "AttachmentFile",
    "AttachmentView",
    "EmailThread",
    "EmailThreads",
    "EmailView",
    "ReplySent",
]

MAX_THREAD_MESSAGES = 200
MAX_REPLY_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class AttachmentView:
    id: int
    filename: str
    content_type: str
    size: int
    available: bool  # False: larger than the intake keeps; only listed


@dataclass(frozen=True, slots=True)
class AttachmentFile:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True, slots=True)
class EmailView:
    id: int
    mailbox: str
    message_id: str
    direction: Direction
    from_addr: str
    from_name: str
    to_addrs: str
    subject: str
    sent_at: dt.datetime
    text: str  # the text part; else the HTML part as text
    html_text: str  # the HTML part as text ("" without one)
    attachments: tuple[AttachmentView, ...]

    @property
    def sender(self) -> str:
        return f"{self.from_name} <{self.from_addr}>" if self.from_name else self.from_addr


@dataclass(frozen=True, slots=True)
class EmailThread:
    case_id: int | None
    customer_id: int | None  # None: the sender is not linked to a customer
    customer_name: str
    subject: str
    messages: tuple[EmailView, ...]  # oldest first

    @property
    def answer(self) -> EmailView | None:
        """The message a reply answers: the newest incoming one (else the newest)."""
        inbound = [m for m in self.messages if m.direction is Direction.INBOUND]
        chosen = inbound or list(self.messages)
        return chosen[-1] if chosen else None


@dataclass(frozen=True, slots=True)
class ReplySent:
    sent: SentReply
    customer_id: int | None

    @property
    def email_id(self) -> int:
        """The stored outgoing message."""
        return self.sent.email_id

    @property
    def changes(self) -> Changes:
        return Changes.of(timelines=[self.customer_id], cases=[self.customer_id] if self.sent.case_id else [])


class EmailThreads:
    def __init__(
        self, db: Database, *, replier: EmailReplier | None = None, mailboxes: Sequence[QueueMailbox] = ()
    ) -> None:
        self._db = db
        self._replier = replier
        self._mailboxes = {m.address.lower(): m for m in mailboxes}

    @property
    def can_reply(self) -> bool:
        return self._replier is not None

    # --- reading ---------------------------------------------------------------------------------

    def for_message(self, message_ref: str, *, actor: str) -> EmailThread:
        """The conversation of the stored message with this Message-ID (a work item's external_ref)."""
        with self._db.session() as s, s.begin():
            row = s.scalars(
                select(EmailMessage).where(EmailMessage.message_id == message_ref).order_by(EmailMessage.id).limit(1)
            ).first()
            if row is None:
                raise LookupError("no stored e-mail with that Message-ID")
            return self._thread(s, row, actor)

    def thread(self, email_id: int, *, actor: str) -> EmailThread:
        """The conversation of one stored message."""
        with self._db.session() as s, s.begin():
            row = s.get(EmailMessage, email_id)
            if row is None:
                raise LookupError(email_id)
            return self._thread(s, row, actor)

    def _thread(self, s: Session, row: EmailMessage, actor: str) -> EmailThread:
        q = select(EmailMessage)
        if row.case_id is not None:
            q = q.where(EmailMessage.case_id == row.case_id)
        else:
            q = q.where(EmailMessage.thread_id == row.thread_id, EmailMessage.case_id.is_(None))
        rows = list(
            s.scalars(q.order_by(EmailMessage.sent_at.desc(), EmailMessage.id.desc()).limit(MAX_THREAD_MESSAGES))
        )
        rows.reverse()
        ids = [r.id for r in rows]
        attachments: dict[int, list[AttachmentView]] = {}
        for a_id, msg_id, name, ctype, size, kept in s.execute(
            select(
                EmailAttachment.id,
                EmailAttachment.message_id,
                EmailAttachment.filename,
                EmailAttachment.content_type,
                EmailAttachment.size,
                EmailAttachment.content.is_not(None),
            )
            .where(EmailAttachment.message_id.in_(ids))
            .order_by(EmailAttachment.message_id, EmailAttachment.position)
        ):
            attachments.setdefault(msg_id, []).append(AttachmentView(a_id, name, ctype, size, bool(kept)))
        case = _case_of(s, row)
        customer_id = _customer_of(row, case)
        name = ""
        if customer_id is not None:
            customer = s.get(Customer, customer_id)
            name = f"{customer.first_names} {customer.last_name}".strip() if customer is not None else ""
        audit.record(
            s,
            actor=actor,
            action="email.view",
            subject_customer_id=customer_id,
            detail=f"case={row.case_id}" if row.case_id is not None else f"email={row.id}",
        )
        return EmailThread(
            row.case_id,
            customer_id,
            name,
            (case.title if case is not None else "") or row.subject,
            tuple(_view(r, attachments.get(r.id, [])) for r in rows),
        )

    def attachment(self, attachment_id: int, *, actor: str) -> AttachmentFile:
        """One attachment's content (LookupError when it is unknown or was not kept)."""
        with self._db.session() as s, s.begin():
            found = s.execute(
                select(EmailAttachment, EmailMessage.customer_id)
                .join(EmailMessage, EmailMessage.id == EmailAttachment.message_id)
                .where(EmailAttachment.id == attachment_id)
            ).first()
            if found is None or found[0].content is None:
                raise LookupError(attachment_id)
            part, customer_id = found
            audit.record(
                s,
                actor=actor,
                action="email.attachment",
                subject_customer_id=customer_id,
                detail=f"attachment={part.id}",
            )
            return AttachmentFile(part.filename, part.content_type, part.content or b"")

    # --- answering -------------------------------------------------------------------------------

    def reply(self, email_id: int, body: str, *, agent_id: int | None, actor: str) -> ReplySent:
        """Send ``body`` as the reply to the stored message ``email_id`` from the mailbox it came to,
        threaded (In-Reply-To, References); logged on the timeline and the case, stored as an outgoing
        message. Raises :class:`ReplyNotSent` (nothing logged), ValueError for an empty body."""
        if not body.strip():
            raise ValueError("the reply is empty")
        if len(body) > MAX_REPLY_CHARS:
            raise ValueError("the reply is too long")
        if self._replier is None:
            raise ReplyNotSent("no mail server for replies is configured")
        with self._db.session() as s:
            row = s.get(EmailMessage, email_id)
            if row is None:
                raise LookupError(email_id)
            customer_id = _customer_of(row, _case_of(s, row))
            mailbox = self._mailboxes.get(row.mailbox)
            if mailbox is None:
                raise ReplyNotSent("the mailbox this mail came to is not configured on this desk")
            inbound = row.direction is Direction.INBOUND
            target = ReplyTarget(
                row.message_id,
                tuple(row.refs.split()),
                row.subject,
                (row.reply_to or row.from_addr) if inbound else row.to_addrs.split(",")[0].strip(),
                row.from_name if inbound else "",
                row.case_id,
                customer_id,
                mailbox.topic,
            )
        sent = self._replier.reply(target, body, mailbox=mailbox, agent_id=agent_id, actor=actor)
        return ReplySent(sent, customer_id)

    def link_sender(self, email_id: int, customer_id: int, *, actor: str) -> Changes:
        """Link the conversation of ``email_id`` to the customer: its messages, their contacts, its case
        and its waiting work items (one transaction). A conversation already linked to another customer
        is refused (ValueError)."""
        with self._db.session() as s, s.begin():
            row = s.get(EmailMessage, email_id)
            if row is None or s.get(Customer, customer_id) is None:
                raise LookupError(email_id if row is None else customer_id)
            q = select(EmailMessage)
            if row.case_id is not None:
                q = q.where(EmailMessage.case_id == row.case_id)
            else:
                q = q.where(EmailMessage.thread_id == row.thread_id, EmailMessage.case_id.is_(None))
            rows = list(s.scalars(q))
            if any(r.customer_id not in (None, customer_id) for r in rows):
                raise ValueError("the conversation is already linked to another customer")
            for r in rows:
                r.customer_id = customer_id
            contacts = [r.interaction_id for r in rows if r.interaction_id is not None]
            if contacts:
                s.execute(
                    update(Interaction)
                    .where(Interaction.id.in_(contacts), Interaction.customer_id.is_(None))
                    .values(customer_id=customer_id)
                )
            case = _case_of(s, row)
            if case is not None and case.customer_id is None:
                case.customer_id = customer_id
            refs = [r.message_id for r in rows]
            queues = list(
                s.scalars(
                    update(WorkItem)
                    .where(WorkItem.external_ref.in_(refs), WorkItem.customer_id.is_(None))
                    .values(customer_id=customer_id)
                    .returning(WorkItem.queue_id)
                )
            )
            audit.record(
                s, actor=actor, action="email.link", subject_customer_id=customer_id, detail=f"email={email_id}"
            )
            return Changes.of(
                customers=[customer_id],
                timelines=[customer_id],
                cases=[customer_id] if row.case_id else [],
                queues=queues,
            )


def _case_of(s: Session, row: EmailMessage) -> ServiceCase | None:
    return s.get(ServiceCase, row.case_id) if row.case_id is not None else None


def _customer_of(row: EmailMessage, case: ServiceCase | None) -> int | None:
    """The customer of a message: its own, else its case's."""
    return row.customer_id if row.customer_id is not None else case.customer_id if case is not None else None


def _view(row: EmailMessage, attachments: Sequence[AttachmentView]) -> EmailView:
    return EmailView(
        row.id,
        row.mailbox,
        row.message_id,
        row.direction,
        row.from_addr,
        row.from_name,
        row.to_addrs,
        row.subject,
        row.sent_at,
        row.text_body or row.html_text,
        row.html_text,
        tuple(attachments),
    )
