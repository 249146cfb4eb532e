"""E-mail messages stored in their own tables (``email_message``, ``email_attachment``), not in notes.

The intake stores each message it takes in (:func:`store_incoming`) and the replier each reply it
sends (:func:`store_outgoing`), in the transaction that logs the contact. What is stored:

- the headers that thread a conversation (Message-ID, In-Reply-To, References) and ``thread_id``,
  the conversation's root Message-ID (the first of References, else In-Reply-To, else its own);
- the decoded text/plain part (charsets and transfer encodings undone by
  :func:`~agentdesk.channels.email_threading.parse_message`) and, when the message has an HTML part,
  that part reduced to text (:func:`~agentdesk.channels.email_sanitise.html_to_text`: no markup,
  scripts, styles or remote references survive, so nothing is fetched or run when it is shown);
- every attachment's name, type, size and content (up to :data:`MAX_ATTACHMENT_BYTES` each; a
  larger one is listed without content). Content is kept in the database rather than as a path:
  every desk of the city reads the same database, none reads another's disk.

``(mailbox, message_id)`` is unique (an index): two intake services watching one mailbox never store
a mail twice; :func:`already_stored` is the check before the insert, the index the guarantee.
"""

from __future__ import annotations

import datetime as dt
import email.parser
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage as MimeMessage

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.channels.email_sanitise import clean_body, html_to_text
from agentdesk.channels.email_threading import (
    TOO_COMPLEX,
    ParsedEmail,
    message_ids,
    part_payload,
    storage_ref,
)
from agentdesk.channels.email_threading import _body_part as body_part
from agentdesk.channels.email_threading import attachment_parts as threading_attachment_parts
from agentdesk.storage.models import Direction, EmailAttachment, EmailMessage

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "StoredPart",
    "already_stored",
    "attachment_parts",
    "html_text_of",
    "store_incoming",
    "store_outgoing",
    "thread_root",
]

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024  # larger attachments are listed, their content not kept
_SUBJECT_MAX = 300


@dataclass(frozen=True, slots=True)
class StoredPart:
    filename: str
    content_type: str
    size: int
    content: bytes | None  # None: over the limit


def _parse(raw: bytes) -> MimeMessage | None:
    try:
        msg = email.parser.BytesParser(policy=policy.default).parsebytes(raw)
    except Exception:  # noqa: BLE001 - hostile input: the text part is still there, attachments listed by name
        return None
    return msg


def attachment_parts(msg: MimeMessage | None, mail: ParsedEmail) -> list[StoredPart]:
    """The attachments of ``msg`` (``mail`` parsed from it) with their content, as ``mail.attachments`` lists them."""
    if not mail.attachments:
        return []
    if msg is None:
        return [StoredPart(a.filename, a.content_type, a.size, None) for a in mail.attachments]
    return [
        StoredPart(a.filename, a.content_type, a.size, _content(part))
        for part, a in threading_attachment_parts(msg, body_part(msg))
    ]


def _content(part: MimeMessage) -> bytes | None:
    data = part_payload(part)
    return data if data is not None and len(data) <= MAX_ATTACHMENT_BYTES else None


def html_text_of(msg: MimeMessage | None, mail: ParsedEmail) -> str:
    """The HTML part reduced to text ("" without one); the parsed text when the body itself was HTML."""
    if mail.body_was_html:
        return mail.text
    if mail.text == TOO_COMPLEX or msg is None:
        return ""
    try:
        part = msg.get_body(preferencelist=("html",))
        if part is None or part.get_content_subtype() != "html":
            return ""
        content = part.get_content()
    except Exception:  # noqa: BLE001 - hostile input: the text part is still there
        return ""
    return clean_body(html_to_text(content if isinstance(content, str) else "")).strip("\n")


def thread_root(message_id: str, in_reply_to: str | None, references: Sequence[str]) -> str:
    """The conversation's root Message-ID, as stored."""
    root = references[0] if references else in_reply_to or message_id
    return storage_ref(root)


def already_stored(s: Session, mailbox: str, message_id: str) -> bool:
    found = s.scalar(
        select(EmailMessage.id)
        .where(EmailMessage.mailbox == mailbox.lower(), EmailMessage.message_id == storage_ref(message_id))
        .limit(1)
    )
    return found is not None


def store_incoming(
    s: Session,
    mailbox: str,
    mail: ParsedEmail,
    raw: bytes,
    *,
    customer_id: int | None,
    case_id: int | None,
    interaction_id: int | None,
    received_at: dt.datetime,
) -> EmailMessage:
    """Add one message taken in from ``mailbox`` (flushed: a duplicate fails here, on the index)."""
    plain = "" if mail.body_was_html else mail.text
    wants_html = not mail.body_was_html and mail.text != TOO_COMPLEX
    msg = _parse(raw) if wants_html or mail.attachments else None  # parsed once, for both
    row = EmailMessage(
        mailbox=mailbox.lower(),
        message_id=storage_ref(mail.message_id),
        in_reply_to=storage_ref(mail.in_reply_to) if mail.in_reply_to else "",
        refs=" ".join(mail.references),
        thread_id=thread_root(mail.message_id, mail.in_reply_to, mail.references),
        from_addr=mail.from_addr,
        from_name=mail.from_name,
        reply_to=mail.reply_to,
        to_addrs=", ".join(mail.to),
        cc_addrs=", ".join(mail.cc),
        subject=mail.subject[:_SUBJECT_MAX],
        sent_at=mail.date or received_at,
        received_at=received_at,
        text_body=plain,
        html_text=html_text_of(msg, mail),
        direction=Direction.INBOUND,
        customer_id=customer_id,
        case_id=case_id,
        interaction_id=interaction_id,
    )
    s.add(row)
    s.flush()
    for position, part in enumerate(attachment_parts(msg, mail)):
        s.add(
            EmailAttachment(
                message_id=row.id,
                position=position,
                filename=part.filename,
                content_type=part.content_type,
                size=part.size,
                content=part.content,
            )
        )
    s.flush()
    return row


def store_outgoing(
    s: Session,
    mailbox: str,
    *,
    message_id: str,
    in_reply_to: str,
    references: Sequence[str],
    to_addr: str,
    from_name: str,
    subject: str,
    body: str,
    customer_id: int | None,
    case_id: int | None,
    interaction_id: int | None,
    sent_at: dt.datetime,
) -> EmailMessage:
    """Add one reply the desk sent from ``mailbox``, as it went out (the headers it was given)."""
    parent = message_ids(in_reply_to)
    refs = message_ids(" ".join(references))
    row = EmailMessage(
        mailbox=mailbox.lower(),
        message_id=storage_ref(message_id),
        in_reply_to=storage_ref(parent[0]) if parent else "",
        refs=" ".join(refs),
        thread_id=thread_root(message_id, parent[0] if parent else None, refs),
        from_addr=mailbox.lower(),
        from_name=from_name,
        reply_to="",
        to_addrs=to_addr.lower(),
        cc_addrs="",
        subject=subject[:_SUBJECT_MAX],
        sent_at=sent_at,
        received_at=sent_at,
        text_body=clean_body(body).strip("\n"),
        html_text="",
        direction=Direction.OUTBOUND,
        customer_id=customer_id,
        case_id=case_id,
        interaction_id=interaction_id,
    )
    s.add(row)
    s.flush()
    return row
