"""Contacts with customers: interactions on every channel, the service cases they belong to, and
the append-only audit log of who saw or changed what."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.storage.kinds import CaseStatus, Channel, Direction, Outcome
from agentdesk.storage.tables.base import Base, UTCDateTime, enum_column, utcnow


class ServiceCase(Base):
    __tablename__ = "service_case"
    __table_args__ = (
        Index("ix_service_case_customer_status", "customer_id", "status"),
        Index("ix_service_case_due_status", "due_date", "status"),  # the dashboard's deadlines
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus, "case_status"), default=CaseStatus.NEW)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    backoffice_system: Mapped[str] = mapped_column(String(64), default="")
    backoffice_ref: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __mapper_args__ = {"version_id_col": version}


class CaseEvent(Base):
    """One step of a case's history: created, assigned, waiting, resolved, closed, reopened."""

    __tablename__ = "case_event"
    __table_args__ = (
        Index("ix_case_event_case_at", "case_id", "at"),
        Index("ix_case_event_status_at", "to_status", "at", "due_date", "case_id"),  # the reports' resolutions
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("service_case.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))  # the staff user's username, as in the audit log
    from_status: Mapped[CaseStatus | None] = mapped_column(enum_column(CaseStatus, "case_event_from"))
    to_status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus, "case_event_to"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_customer_started", "customer_id", "started_at"),
        # Today's dashboard figures read only these columns: an index-only range scan.
        Index("ix_interaction_started_cover", "started_at", "channel", "department_id", "outcome"),
        # Management reports over a period (agentdesk.reports): every column they read.
        Index("ix_interaction_report_cover", "started_at", "channel", "department_id", "topic", "outcome", "ended_at"),
        # A report's case figures filtered by channel, topic or department: the cases of such contacts
        # (migration 0022; only the contacts with a case are in it).
        Index(
            "ix_interaction_case_cover",
            "case_id",
            "channel",
            "topic",
            "department_id",
            sqlite_where=text("case_id IS NOT NULL"),
            postgresql_where=text("case_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    direction: Mapped[Direction] = mapped_column(enum_column(Direction, "direction"), default=Direction.INBOUND)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    topic: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome, "outcome"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("service_case.id", ondelete="SET NULL"), index=True)
    external_ref: Mapped[str] = mapped_column(String(128), default="")  # call unique id, Message-ID, ...
    # The desk's idempotency key for the contact (agentdesk.outbox): a save sent again after its answer
    # was lost finds its row instead of writing a second one. None for rows written without one.
    client_uuid: Mapped[str | None] = mapped_column(String(36), unique=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    """Append-only: the migrations install triggers that refuse UPDATE and DELETE. Each entry is a link
    of a hash chain (:mod:`agentdesk.audit_chain`): ``seq`` is its place, ``entry_hash`` the SHA-256 of
    ``prev_hash`` and its canonical content."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_subject_at", "subject_customer_id", "at"),
        Index("ix_audit_entry_actor_at", "actor", "at"),
        Index("ix_audit_entry_seq", "seq", unique=True),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))  # staff username, or "system:<job>"
    subject_customer_id: Mapped[int | None] = mapped_column(Integer)  # no FK: the log outlives records
    action: Mapped[str] = mapped_column(String(64))  # "customer.view", "hetu.reveal", ...
    purpose: Mapped[str] = mapped_column(String(200), default="")  # why (statutory task, consent, ...)
    detail: Mapped[str] = mapped_column(Text, default="")  # never personal data beyond ids
    # The machine the entry was written from (its host name); None for entries older than migration 0015.
    workstation: Mapped[str | None] = mapped_column(String(64))
    seq: Mapped[int | None] = mapped_column(BigInteger)  # the place in the chain, 1, 2, 3, ...
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str | None] = mapped_column(String(64))


class AuditChainHead(Base):
    """The last link of the audit chain. Writers lock this row (``SELECT ... FOR UPDATE``) in the
    transaction that appends an entry, so concurrent writers chain one after another."""

    __tablename__ = "audit_chain_head"

    chain: Mapped[str] = mapped_column(String(16), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
