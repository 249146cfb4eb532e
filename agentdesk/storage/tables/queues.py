"""Queues, agent presence and work items (:mod:`agentdesk.queues`), walk-in ticket numbers, and
the e-mail the intake could not take in (:mod:`agentdesk.channels.email_quarantine`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.storage.kinds import Channel, PresenceState, WorkItemState
from agentdesk.storage.tables.base import Base, UTCDateTime, enum_column, utcnow


class Queue(Base):
    """A queue of one channel for a department or service, with its service-level target.

    Target: ``target_share`` of the items are answered within ``target_seconds`` of arrival; with
    ``working_hours`` the seconds count only Mon–Fri 8–16 Europe/Helsinki (e-mail: N h = N*3600).
    """

    __tablename__ = "queue"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    target_seconds: Mapped[int] = mapped_column(Integer)
    target_share: Mapped[float] = mapped_column(Float)
    working_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    alarm_waiting: Mapped[int | None] = mapped_column(Integer)  # alarm when this many or more wait
    alarm_longest_wait_seconds: Mapped[int | None] = mapped_column(Integer)  # ... or one waits this long
    ticket_letter: Mapped[str] = mapped_column(String(2), default="")  # walk-in tickets: "A" -> A042
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class QueueMember(Base):
    __tablename__ = "queue_member"

    queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), primary_key=True, index=True)


class QueueMemberSkill(Base):
    """A skill an agent brings to one queue membership ("sv", "benefits"): an item that needs a skill
    (``work_item.skill``) goes only to members with it (:mod:`agentdesk.queues.inbox`)."""

    __tablename__ = "queue_member_skill"
    __table_args__ = (
        ForeignKeyConstraint(
            ["queue_id", "staff_id"], ["queue_member.queue_id", "queue_member.staff_id"], ondelete="CASCADE"
        ),
    )

    queue_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skill: Mapped[str] = mapped_column(String(32), primary_key=True)


class WorkItemTransfer(Base):
    """An item handed on by an agent: to another queue or to another agent, with the agent's note."""

    __tablename__ = "work_item_transfer"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    item_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("work_item.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    from_staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    from_queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"))
    to_queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"))
    to_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    note: Mapped[str] = mapped_column(String(500), default="")


class AgentPresence(Base):
    """The current presence state of each staff user (one row per user)."""

    __tablename__ = "agent_presence"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[PresenceState] = mapped_column(enum_column(PresenceState, "presence_state"))
    since: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PresenceChange(Base):
    """History of presence: one interval per state entered; ``ended_at`` is NULL for the current one."""

    __tablename__ = "presence_change"
    __table_args__ = (Index("ix_presence_change_staff_started", "staff_id", "started_at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    state: Mapped[PresenceState] = mapped_column(enum_column(PresenceState, "presence_state"))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class WorkItem(Base):
    """A contact from any channel waiting for, or being served by, an agent.

    ``lease_until`` is set exactly while the item is offered or in progress; an expired lease
    (a crashed workstation) returns the item to the queue. ``due_at`` is the service-level
    deadline fixed at arrival (working hours already applied). Smaller ``priority`` is served first.
    """

    __tablename__ = "work_item"
    __table_args__ = (
        Index("ix_work_item_queue_state_created", "queue_id", "state", "created_at"),
        Index("ix_work_item_claim_order", "state", "priority", "created_at", "id"),
        Index("ix_work_item_created", "created_at"),
        Index("ix_work_item_lease_until", "lease_until"),
        Index("ix_work_item_external_ref", "external_ref"),
        Index("ix_work_item_claimed_by", "claimed_by"),
        # Management reports (agentdesk.reports): every column they read, and a contact's work item.
        Index(
            "ix_work_item_report_cover",
            "created_at",
            "channel",
            "queue_id",
            "state",
            "answered_at",
            "due_at",
            "finished_at",
        ),
        Index("ix_work_item_interaction_id", "interaction_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    external_ref: Mapped[str] = mapped_column(String(128), default="")  # call id, Message-ID, ticket number
    subject: Mapped[str] = mapped_column(String(200), default="")  # only what the channel itself gives
    priority: Mapped[int] = mapped_column(Integer, default=5)
    state: Mapped[WorkItemState] = mapped_column(
        enum_column(WorkItemState, "work_item_state"), default=WorkItemState.WAITING
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)  # arrived
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    claimed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # times claimed
    service_point: Mapped[str] = mapped_column(String(64), default="")  # walk-in: "Desk 3"
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interaction.id", ondelete="SET NULL"))
    skill: Mapped[str] = mapped_column(String(32), default="")  # "": any member; else members with the skill
    wrap_up_code: Mapped[str] = mapped_column(String(32), default="")  # how the agent closed it


class TicketCounter(Base):
    """The last walk-in ticket number issued per ticket letter and (Helsinki) day."""

    __tablename__ = "ticket_counter"

    letter: Mapped[str] = mapped_column(String(2), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


# --- E-mail that could not be taken in (agentdesk.channels.email_quarantine) --------------------


class QuarantinedMail(Base):
    """A message the intake could not take in, kept (raw) for a supervisor and retried after an upgrade.

    ``app_version`` is the AgentDesk version that last failed on it; a watcher of another version
    retries it once at start. The mailbox's settings are kept so that a retry needs no configuration.
    """

    __tablename__ = "quarantined_mail"
    __table_args__ = (Index("ix_quarantined_mail_mailbox_uid", "mailbox_key", "uidvalidity", "uid", unique=True),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    quarantined_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    mailbox: Mapped[str] = mapped_column(String(254))  # the queue mailbox's address
    mailbox_key: Mapped[str] = mapped_column(String(400))  # "login@host:port/folder"
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    queue_code: Mapped[str] = mapped_column(String(32), default="")
    topic: Mapped[str] = mapped_column(String(100), default="")
    department_id: Mapped[int | None] = mapped_column(Integer)  # no FK: kept as the mailbox was set up
    message_id: Mapped[str] = mapped_column(String(128), default="")  # storage_ref(); "" when unreadable
    sender_domain: Mapped[str] = mapped_column(String(254), default="")
    reason: Mapped[str] = mapped_column(String(32))  # a stable code, e.g. "database_refused"
    error_class: Mapped[str] = mapped_column(String(64), default="")  # the exception's class, never its text
    app_version: Mapped[str] = mapped_column(String(32))
    attempts: Mapped[int] = mapped_column(Integer, default=1)  # failed intakes, retries included
    last_tried_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    raw: Mapped[bytes] = mapped_column(LargeBinary)


class DashboardSnapshotRow(Base):
    """The supervisor dashboard's figures, computed once per interval for every open dashboard
    (:mod:`agentdesk.queues.dashboard_feed`). One row per scope; scope 1 is the whole contact centre."""

    __tablename__ = "dashboard_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # someone is computing until then
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    payload: Mapped[str] = mapped_column(Text, default="")
