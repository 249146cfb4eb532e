"""E-mail messages of the e-mail channel (:mod:`agentdesk.channels.email_store`): every message taken
in from a queue mailbox and every reply sent from the desk, with its attachments.

``(mailbox, message_id)`` is unique: two intake services watching the same mailbox (two desks, a
desk and a server) never store one mail twice — the second insert fails and is taken as "already
taken in". Attachment content is stored in the database (``content``, at most
:data:`agentdesk.channels.email_store.MAX_ATTACHMENT_BYTES` each; a larger one is listed with its
name, type and size and ``content`` NULL): a path on one workstation's disk would not open on another.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.storage.kinds import Direction
from agentdesk.storage.tables.base import Base, UTCDateTime, enum_column, utcnow

_ID = BigInteger().with_variant(Integer, "sqlite")


class EmailMessage(Base):
    __tablename__ = "email_message"
    __table_args__ = (
        Index("ux_email_message_mailbox_message_id", "mailbox", "message_id", unique=True),
        Index("ix_email_message_case", "case_id", "sent_at"),
        Index("ix_email_message_thread", "thread_id"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(254))  # the queue mailbox's address, lower-cased
    message_id: Mapped[str] = mapped_column(String(128))  # storage_ref() of the Message-ID
    in_reply_to: Mapped[str] = mapped_column(String(128), default="")
    refs: Mapped[str] = mapped_column(Text, default="")  # space-separated Message-IDs, oldest first
    thread_id: Mapped[str] = mapped_column(String(128))  # the root Message-ID of the conversation
    from_addr: Mapped[str] = mapped_column(String(254), default="")
    from_name: Mapped[str] = mapped_column(String(200), default="")
    reply_to: Mapped[str] = mapped_column(String(254), default="")
    to_addrs: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    cc_addrs: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)  # the Date header, else when taken in
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    text_body: Mapped[str] = mapped_column(Text, default="")  # the decoded text/plain part
    html_text: Mapped[str] = mapped_column(Text, default="")  # the HTML part reduced to text (no markup)
    direction: Mapped[Direction] = mapped_column(enum_column(Direction, "direction"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("service_case.id", ondelete="SET NULL"))
    # the contact on the timeline
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interaction.id", ondelete="SET NULL"), index=True)


class EmailAttachment(Base):
    __tablename__ = "email_attachment"

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("email_message.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # the order in the message
    filename: Mapped[str] = mapped_column(String(255), default="")
    content_type: Mapped[str] = mapped_column(String(255), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger, default=0)  # bytes after transfer decoding
    content: Mapped[bytes | None] = mapped_column(LargeBinary)  # None: larger than the limit, not kept
