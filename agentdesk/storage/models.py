"""The citizen register's tables, in SQLAlchemy 2.0 typed style.

Every table here is created by an Alembic migration (``agentdesk/storage/migrations``);
``Base.metadata`` is the reference the migrations are checked against in the tests.

Conventions:
- times are stored in UTC (:class:`UTCDateTime`), dates are plain calendar dates;
- phone numbers are stored in E.164, e-mail addresses lower-cased;
- editable records (customers, interactions, cases) carry a ``version`` column used for
  optimistic concurrency: a stale save raises ``sqlalchemy.orm.exc.StaleDataError``, which the
  services turn into :class:`agentdesk.customers.EditConflict`.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from agentdesk.storage import kinds

# The stored kinds are defined in agentdesk.storage.kinds (no SQLAlchemy there, for the start-up path);
# they are this module's names too, as they always were.
AlertKind = kinds.AlertKind
CaseStatus = kinds.CaseStatus
Channel = kinds.Channel
ContactKind = kinds.ContactKind
CustomerKind = kinds.CustomerKind
Direction = kinds.Direction
IdentifierScheme = kinds.IdentifierScheme
Language = kinds.Language
Outcome = kinds.Outcome
PresenceState = kinds.PresenceState
RelationshipKind = kinds.RelationshipKind
StaffRole = kinds.StaffRole
WorkItemState = kinds.WorkItemState

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; AgentDesk stores aware UTC times")
        value = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as VARCHAR + CHECK, so adding a member is a plain migration on both backends.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Department(Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class StaffUser(Base):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[StaffRole] = mapped_column(_enum(StaffRole, "staff_role"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    department: Mapped[Department | None] = relationship()


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CustomerKind] = mapped_column(_enum(CustomerKind, "customer_kind"))
    # Persons: first names and last name. Organisations: the name in last_name, first_names empty.
    first_names: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    preferred_language: Mapped[Language] = mapped_column(_enum(Language, "language"), default=Language.FI)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    identifiers: Mapped[list[CustomerIdentifier]] = relationship(
        back_populates="customer", cascade="all, delete-orphan"
    )
    contact_points: Mapped[list[ContactPoint]] = relationship(back_populates="customer", cascade="all, delete-orphan")
    addresses: Mapped[list[Address]] = relationship(back_populates="customer", cascade="all, delete-orphan")
    alerts: Mapped[list[Alert]] = relationship(back_populates="customer", cascade="all, delete-orphan")
    roles: Mapped[list[CustomerRole]] = relationship(back_populates="customer", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class CustomerIdentifier(Base):
    __tablename__ = "customer_identifier"
    __table_args__ = (
        UniqueConstraint("scheme", "register", "value", name="uq_customer_identifier_value"),
        Index("ix_customer_identifier_value", "value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    scheme: Mapped[IdentifierScheme] = mapped_column(_enum(IdentifierScheme, "identifier_scheme"))
    # The register that issued the id: "dvv" (population register) for a henkilötunnus,
    # "prh" for a Y-tunnus, e.g. "water-utility" or "daycare" for other registers.
    register: Mapped[str] = mapped_column(String(64))
    # Canonical form: upper-case, no spaces (a henkilötunnus as 010594Y9032).
    value: Mapped[str] = mapped_column(String(64))

    customer: Mapped[Customer] = relationship(back_populates="identifiers")


class ContactPoint(Base):
    __tablename__ = "contact_point"
    __table_args__ = (Index("ix_contact_point_kind_value", "kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ContactKind] = mapped_column(_enum(ContactKind, "contact_kind"))
    value: Mapped[str] = mapped_column(String(254))  # E.164 phone or lower-cased e-mail
    label: Mapped[str] = mapped_column(String(64), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    customer: Mapped[Customer] = relationship(back_populates="contact_points")


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    street: Mapped[str] = mapped_column(String(200))  # street name, number, staircase/flat: "Hämeenkatu 12 B 5"
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    municipality: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="FI")
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    customer: Mapped[Customer] = relationship(back_populates="addresses")


class Alert(Base):
    __tablename__ = "alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AlertKind] = mapped_column(_enum(AlertKind, "alert_kind"))
    note: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    customer: Mapped[Customer] = relationship(back_populates="alerts")


class CustomerRole(Base):
    """A role or profile the customer has towards the city (daycare guardian, tenant, ...)."""

    __tablename__ = "customer_role"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    role_code: Mapped[str] = mapped_column(String(64))  # e.g. "daycare_guardian", "water_customer"
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    description: Mapped[str] = mapped_column(String(200), default="")
    external_ref: Mapped[str] = mapped_column(String(64), default="")
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    customer: Mapped[Customer] = relationship(back_populates="roles")


class CustomerRelationship(Base):
    __tablename__ = "customer_relationship"
    __table_args__ = (CheckConstraint("from_customer_id <> to_customer_id", name="not_self"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    to_customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[RelationshipKind] = mapped_column(_enum(RelationshipKind, "relationship_kind"))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class ServiceCase(Base):
    __tablename__ = "service_case"
    __table_args__ = (Index("ix_service_case_customer_status", "customer_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus, "case_status"), default=CaseStatus.NEW)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    backoffice_system: Mapped[str] = mapped_column(String(64), default="")
    backoffice_ref: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_customer_started", "customer_id", "started_at"),
        # Today's dashboard figures read only these columns: an index-only range scan.
        Index("ix_interaction_started_cover", "started_at", "channel", "department_id", "outcome"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "channel"))
    direction: Mapped[Direction] = mapped_column(_enum(Direction, "direction"), default=Direction.INBOUND)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    topic: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[Outcome | None] = mapped_column(_enum(Outcome, "outcome"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("service_case.id", ondelete="SET NULL"), index=True)
    external_ref: Mapped[str] = mapped_column(String(128), default="")  # call unique id, Message-ID, ...
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    """Append-only: the migrations install triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_subject_at", "subject_customer_id", "at"),
        Index("ix_audit_entry_actor_at", "actor", "at"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))  # staff username, or "system:<job>"
    subject_customer_id: Mapped[int | None] = mapped_column(Integer)  # no FK: the log outlives records
    action: Mapped[str] = mapped_column(String(64))  # "customer.view", "hetu.reveal", ...
    purpose: Mapped[str] = mapped_column(String(200), default="")  # why (statutory task, consent, ...)
    detail: Mapped[str] = mapped_column(Text, default="")  # never personal data beyond ids


class SyntheticDuplicate(Base):
    """Ground truth from the population generator: this record duplicates that one."""

    __tablename__ = "synthetic_duplicate"

    duplicate_customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    original_customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    source_register: Mapped[str] = mapped_column(String(64))


class SearchTerm(Base):
    """Vocabulary of the name/address index, with document frequency (typo correction, planning)."""

    __tablename__ = "search_term"

    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    df: Mapped[int] = mapped_column(Integer, default=0)


class SearchTermVariant(Base):
    """Deletion neighbourhood of each vocabulary term (the term itself and every one-letter deletion).

    A query word within one edit of a term shares at least one variant with it (SymSpell)."""

    __tablename__ = "search_term_variant"

    variant: Mapped[str] = mapped_column(String(100), primary_key=True)
    term: Mapped[str] = mapped_column(String(100), primary_key=True)


# The full-text document per customer is backend-specific (an FTS5 virtual table on SQLite,
# a table with a generated tsvector column and a GIN index on PostgreSQL); it is created by
# the migrations and used only through agentdesk.search.text_index.


# --- Queues, agent presence and work items (agentdesk.queues) -----------------------------------


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
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "channel"))
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


class AgentPresence(Base):
    """The current presence state of each staff user (one row per user)."""

    __tablename__ = "agent_presence"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[PresenceState] = mapped_column(_enum(PresenceState, "presence_state"))
    since: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PresenceChange(Base):
    """History of presence: one interval per state entered; ``ended_at`` is NULL for the current one."""

    __tablename__ = "presence_change"
    __table_args__ = (Index("ix_presence_change_staff_started", "staff_id", "started_at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    state: Mapped[PresenceState] = mapped_column(_enum(PresenceState, "presence_state"))
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
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"))
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "channel"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    external_ref: Mapped[str] = mapped_column(String(128), default="")  # call id, Message-ID, ticket number
    subject: Mapped[str] = mapped_column(String(200), default="")  # only what the channel itself gives
    priority: Mapped[int] = mapped_column(Integer, default=5)
    state: Mapped[WorkItemState] = mapped_column(_enum(WorkItemState, "work_item_state"), default=WorkItemState.WAITING)
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
