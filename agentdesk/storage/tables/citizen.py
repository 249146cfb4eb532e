"""What citizens send the city themselves (:mod:`agentdesk.citizen`): the feedback survey after a
contact (one per contact, its signed link's expiry, the answer), who opted out of surveys, and the
self-service updates waiting for an agent's or a steward's decision."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.storage.kinds import Channel, Language, SelfServiceState, SurveyState
from agentdesk.storage.tables.base import Base, UTCDateTime, enum_column, utcnow


class FeedbackSurvey(Base):
    """One survey per closed contact. ``destination`` is the e-mail address or E.164 number it went
    to; ``idempotency_key`` is the SMS gateway's key and the e-mail's Message-ID, fixed before the
    first attempt (so a crashed send is settled as notices are). The link carries the survey's id and
    ``expires_at`` under an HMAC; ``answered_at`` makes it single use."""

    __tablename__ = "feedback_survey"
    __table_args__ = (Index("ix_feedback_survey_state", "state", "id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "survey_channel"))  # email or sms
    language: Mapped[Language] = mapped_column(enum_column(Language, "survey_language"))
    destination: Mapped[str] = mapped_column(String(254))
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[SurveyState] = mapped_column(enum_column(SurveyState, "survey_state"), default=SurveyState.PENDING)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str] = mapped_column(String(200), default="")
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    score: Mapped[int | None] = mapped_column(Integer)  # 1..5
    comment: Mapped[str] = mapped_column(Text, default="")


class FeedbackOptOut(Base):
    """A citizen who asked for no more surveys (through a survey's link, or an agent at their word)."""

    __tablename__ = "feedback_opt_out"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    via: Mapped[str] = mapped_column(String(16))  # "link" | "desk"


class SelfServiceUpdate(Base):
    """A citizen's own update as it arrived. ``proposed`` (JSON) holds each field as the citizen typed
    it, canonical where it passed its identity rule; ``problems`` (JSON) field → rule code of what did
    not pass. ``customer_id`` is the register's match of the given identity code and last name (None:
    none matched; the citizen is told the same either way). Decided once: accepted into the register
    (lineage ``self-service``) or rejected with ``reason``."""

    __tablename__ = "self_service_update"
    __table_args__ = (Index("ix_self_service_update_state", "state", "id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    via: Mapped[str] = mapped_column(String(8))  # "web" | "api"
    kind: Mapped[str] = mapped_column(String(16))  # "phone" | "email" | "language" | "address"
    hetu: Mapped[str] = mapped_column(String(16))  # canonical when valid, else as typed
    last_name: Mapped[str] = mapped_column(String(200))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"), index=True)
    proposed: Mapped[str] = mapped_column(Text, default="{}")
    problems: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[SelfServiceState] = mapped_column(
        enum_column(SelfServiceState, "self_service_state"), default=SelfServiceState.NEW
    )
    work_item_id: Mapped[int | None] = mapped_column(ForeignKey("work_item.id", ondelete="SET NULL"))
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
