"""Outbound notices to a segment of citizens (:mod:`agentdesk.outreach`): the notice with its texts
in fi/sv/en, and one row per recipient with its send state, so that a send job survives a crash."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.storage.kinds import Channel, Language, NoticeRecipientState
from agentdesk.storage.tables.base import Base, UTCDateTime, enum_column, utcnow


class Notice(Base):
    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))  # the staff's own name for it, and the timeline topic note
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "notice_channel"))  # email or sms
    segment: Mapped[str] = mapped_column(Text, default="{}")  # the segment's filters as JSON (no personal data)
    subject_fi: Mapped[str] = mapped_column(String(200), default="")
    subject_sv: Mapped[str] = mapped_column(String(200), default="")
    subject_en: Mapped[str] = mapped_column(String(200), default="")
    body_fi: Mapped[str] = mapped_column(Text, default="")
    body_sv: Mapped[str] = mapped_column(Text, default="")
    body_en: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class NoticeRecipient(Base):
    """One citizen of a notice. ``destination`` is the e-mail address or E.164 number chosen when the
    job was planned (never a street address); ``idempotency_key`` is sent to the SMS gateway and is the
    local part of the e-mail's Message-ID, fixed before the first attempt."""

    __tablename__ = "notice_recipient"
    __table_args__ = (
        UniqueConstraint("notice_id", "customer_id", name="uq_notice_recipient_customer"),
        Index("ix_notice_recipient_notice_state", "notice_id", "state", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    language: Mapped[Language] = mapped_column(enum_column(Language, "notice_language"))
    destination: Mapped[str] = mapped_column(String(254), default="")
    state: Mapped[NoticeRecipientState] = mapped_column(
        enum_column(NoticeRecipientState, "notice_recipient_state"), default=NoticeRecipientState.PENDING
    )
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str] = mapped_column(String(200), default="")
