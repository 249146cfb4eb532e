"""The citizen register: people and organisations, their identifiers, contact points, addresses,
alerts, roles and relationships; staff and departments; the search vocabulary and the population
generator's duplicate ground truth."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from agentdesk.storage.kinds import (
    AlertKind,
    ContactKind,
    CustomerKind,
    IdentifierScheme,
    Language,
    RelationshipKind,
    StaffRole,
)
from agentdesk.storage.tables.base import Base, UTCDateTime, enum_column, utcnow


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
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole, "staff_role"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    department: Mapped[Department | None] = relationship()


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CustomerKind] = mapped_column(enum_column(CustomerKind, "customer_kind"))
    # Persons: first names and last name. Organisations: the name in last_name, first_names empty.
    first_names: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    preferred_language: Mapped[Language] = mapped_column(enum_column(Language, "language"), default=Language.FI)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # A merged-away customer is kept as a tombstone pointing at the customer it was merged into
    # (agentdesk.merge); no FK, like the audit's subject: the merge record outlives both.
    merged_into: Mapped[int | None] = mapped_column(Integer, index=True)

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
    scheme: Mapped[IdentifierScheme] = mapped_column(enum_column(IdentifierScheme, "identifier_scheme"))
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
    kind: Mapped[ContactKind] = mapped_column(enum_column(ContactKind, "contact_kind"))
    value: Mapped[str] = mapped_column(String(254))  # E.164 phone or lower-cased e-mail
    label: Mapped[str] = mapped_column(String(64), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    customer: Mapped[Customer] = relationship(back_populates="contact_points")


class Address(Base):
    __tablename__ = "address"
    # The segments of outbound notices (agentdesk.outreach.segments, migration 0020): a street's
    # addresses by prefix from the index alone (PostgreSQL: LIKE 'street %' on a pattern index), a postal
    # code, a municipality.
    __table_args__ = (
        Index(
            "ix_address_street",
            "street",
            "customer_id",
            "valid_from",
            "valid_to",
            postgresql_ops={"street": "varchar_pattern_ops"},
        ),
        Index("ix_address_postal_code", "postal_code"),
        Index("ix_address_municipality", "municipality"),
    )

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
    # The protected-address rule looks up every active protected-address alert (migration 0015).
    __table_args__ = (Index("ix_alert_kind_customer", "kind", "customer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AlertKind] = mapped_column(enum_column(AlertKind, "alert_kind"))
    note: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    customer: Mapped[Customer] = relationship(back_populates="alerts")


class CustomerRole(Base):
    """A role or profile the customer has towards the city (daycare guardian, tenant, ...)."""

    __tablename__ = "customer_role"
    __table_args__ = (Index("ix_customer_role_role_code", "role_code"),)  # notice segments (migration 0020)

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
    kind: Mapped[RelationshipKind] = mapped_column(enum_column(RelationshipKind, "relationship_kind"))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class CustomerRestriction(Base):
    """A restricted customer (a staff member, a public figure, ...): visible only to the staff roles in
    ``allowed_roles`` (space-separated, e.g. "supervisor admin"); others may break the glass
    (:mod:`agentdesk.restricted_customers`). On PostgreSQL row-level security applies it (migration 0014)."""

    __tablename__ = "customer_restriction"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(200), default="")  # "staff member", "public figure", ...
    allowed_roles: Mapped[str] = mapped_column(String(200), default="")
    set_by: Mapped[str] = mapped_column(String(64))
    set_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class BreakGlassGrant(Base):
    """Written only by the trigger on an audit entry with action ``break_glass``: the record is open to
    that login (PostgreSQL: ``session_user``; SQLite: the actor) for a few hours from ``granted_at``."""

    __tablename__ = "break_glass_grant"
    __table_args__ = (Index("ix_break_glass_grant_customer_login", "customer_id", "login"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(Integer)
    login: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    granted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class FieldSource(Base):
    """Lineage: which register said a customer's field, and when (``agentdesk register import``).

    One row per customer, field and register, the latest observation. ``value`` is the value as
    that register wrote it; ``flag`` names the identity rule it failed (``"hetu.check_char"``,
    ``"postal_code.not_finnish"``, ...) and is empty when it passed. A flagged value is kept here
    as the source said it: the canonical tables hold only values that passed."""

    __tablename__ = "field_source"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    register: Mapped[str] = mapped_column(String(64), primary_key=True)
    observed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    value: Mapped[str] = mapped_column(Text, default="")
    flag: Mapped[str] = mapped_column(String(64), default="")


class CustomerMerge(Base):
    """One steward's merge (:mod:`agentdesk.merge`): who, when, the per-field choices and the journal
    of every row it changed (JSON), so that it can be undone exactly. Never deleted; an undone merge
    keeps its record with ``undone_at`` set."""

    __tablename__ = "customer_merge"

    id: Mapped[int] = mapped_column(primary_key=True)
    survivor_id: Mapped[int] = mapped_column(Integer, index=True)
    merged_id: Mapped[int] = mapped_column(Integer, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    merged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    choices: Mapped[str] = mapped_column(Text, default="[]")  # per field: which side won and why
    journal: Mapped[str] = mapped_column(Text, default="[]")  # every row changed: table, key, before/after
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[str] = mapped_column(String(64), default="")


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
