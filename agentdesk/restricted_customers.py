"""Restricted customers: a record visible only to named staff roles, and breaking the glass.

A supervisor or an administrator marks a customer restricted (a staff member of the city, a public
figure, ...) and names the staff roles that may still open it. Anyone else finds in search only that a
restricted record exists; to open it they *break the glass*: they give a purpose, an audit entry with
action ``break_glass`` is written (:data:`agentdesk.need_to_know.BREAK_GLASS_ACTION` — the data
protection officer's view lists those as alerts), and its trigger opens the record to them for
:data:`agentdesk.need_to_know.BREAK_GLASS_HOURS` hours. On PostgreSQL the trigger writes the grant for
the connection's own login and row-level security lets only that login in; on SQLite the services
check the same grant by the staff member's username.

Marking a customer restricted takes the address and birth year out of the search index, so that a
search shows of the record no more than its name matched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.need_to_know import (
    BREAK_GLASS_ACTION,
    BREAK_GLASS_HOURS,
    RESTRICT_ACTION,
    Viewer,
    parse_allowed_roles,
)
from agentdesk.search import index_writer
from agentdesk.storage.database import Database
from agentdesk.storage.models import BreakGlassGrant, Customer, CustomerRestriction, utcnow


class RestrictionError(PermissionError):
    """The staff member may not do this (restrict, lift); the message says why."""


class CustomerRestricted(PermissionError):
    """The customer is restricted and this staff member may not open it without breaking the glass."""

    def __init__(self, customer_id: int, reason: str) -> None:
        super().__init__(f"customer {customer_id} is restricted")
        self.customer_id, self.reason = customer_id, reason


@dataclass(frozen=True, slots=True)
class Restriction:
    customer_id: int
    reason: str
    allowed_roles: tuple[str, ...]
    set_by: str
    set_at: dt.datetime


def restriction_of(s: Session, customer_id: int) -> Restriction | None:
    r = s.get(CustomerRestriction, customer_id)
    if r is None:
        return None
    return Restriction(r.customer_id, r.reason, tuple(r.allowed_roles.split()), r.set_by, r.set_at)


def restricted_among(s: Session, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return set(s.scalars(select(CustomerRestriction.customer_id).where(CustomerRestriction.customer_id.in_(ids))))


def glass_broken(s: Session, customer_id: int, username: str) -> bool:
    """Whether ``username`` broke the glass of this customer within the last hours."""
    since = utcnow() - dt.timedelta(hours=BREAK_GLASS_HOURS)
    return bool(
        s.scalar(
            select(BreakGlassGrant.id)
            .where(
                BreakGlassGrant.customer_id == customer_id,
                BreakGlassGrant.actor == username,
                BreakGlassGrant.granted_at > since,
            )
            .limit(1)
        )
    )


def may_open(s: Session, viewer: Viewer, customer_id: int) -> Restriction | None:
    """None when the viewer may open the customer; else the restriction that keeps them out."""
    r = restriction_of(s, customer_id)
    if r is None or viewer.named_in(r.allowed_roles) or glass_broken(s, customer_id, viewer.username):
        return None
    return r


def closed_to(s: Session, viewer: Viewer, ids: list[int]) -> set[int]:
    """Those of ``ids`` that are restricted and closed to this viewer (search shows them as such): one query."""
    if not ids:
        return set()
    since = utcnow() - dt.timedelta(hours=BREAK_GLASS_HOURS)
    broken = (
        exists()
        .where(
            BreakGlassGrant.customer_id == CustomerRestriction.customer_id,
            BreakGlassGrant.actor == viewer.username,
            BreakGlassGrant.granted_at > since,
        )
        .correlate(CustomerRestriction)
    )
    rows = s.execute(
        select(CustomerRestriction.customer_id, CustomerRestriction.allowed_roles, broken).where(
            CustomerRestriction.customer_id.in_(ids)
        )
    )
    return {cid for cid, roles, opened in rows if not opened and not viewer.named_in(roles.split())}


class RestrictedCustomers:
    def __init__(self, db: Database) -> None:
        self._db = db

    def restriction(self, customer_id: int) -> Restriction | None:
        with self._db.session() as s:
            return restriction_of(s, customer_id)

    def restrict(self, customer_id: int, *, viewer: Viewer, reason: str, allowed_roles: str) -> Changes:
        if not viewer.may_restrict:
            raise RestrictionError("only a supervisor or an administrator may restrict a customer")
        roles = parse_allowed_roles(allowed_roles)
        if viewer.role.value not in roles:
            roles = (*roles, viewer.role.value)  # the one who restricts keeps access
        with self._db.session() as s, s.begin():
            c = s.get(Customer, customer_id)
            if c is None:
                raise LookupError(f"customer {customer_id} not found")
            row = s.get(CustomerRestriction, customer_id)
            if row is None:
                row = CustomerRestriction(customer_id=customer_id, set_by=viewer.username)
                s.add(row)
            row.reason, row.allowed_roles, row.set_by, row.set_at = (
                reason.strip(),
                " ".join(roles),
                viewer.username,
                utcnow(),
            )
            index_writer.reindex(s, [customer_id], dt.date.today())  # the search shows it by its name only
            audit.record(
                s,
                actor=viewer.username,
                action=RESTRICT_ACTION,
                subject_customer_id=customer_id,
                detail=f"roles={' '.join(roles)}",
            )
        return Changes(customers=frozenset({customer_id}))

    def lift(self, customer_id: int, *, viewer: Viewer) -> Changes:
        if not viewer.may_restrict:
            raise RestrictionError("only a supervisor or an administrator may lift a restriction")
        with self._db.session() as s, s.begin():
            row = s.get(CustomerRestriction, customer_id)
            if row is not None:
                s.delete(row)
                index_writer.reindex(s, [customer_id], dt.date.today())  # its address and birth year back
            audit.record(s, actor=viewer.username, action=RESTRICT_ACTION + ".lift", subject_customer_id=customer_id)
        return Changes(customers=frozenset({customer_id}))

    def break_glass(self, customer_id: int, *, viewer: Viewer, purpose: str) -> None:
        """Open a restricted customer to this viewer for a few hours: audited as ``break_glass``."""
        purpose = purpose.strip()
        if not purpose:
            raise ValueError("breaking the glass needs a purpose")
        with self._db.session() as s, s.begin():
            r = restriction_of(s, customer_id)
            audit.record(
                s,
                actor=viewer.username,
                action=BREAK_GLASS_ACTION,
                subject_customer_id=customer_id,
                purpose=purpose,
                detail=f"role={viewer.role.value} restriction={r.reason if r else ''}",
            )
