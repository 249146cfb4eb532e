"""Reading the audit log for the data protection officer: who handled one citizen's data, when, why,
from which workstation, and the "break the glass" openings to review.

What counts as an access to a person: every audit entry about them (under their id or an id merged
into theirs), and every search whose result list showed them among others (``search.results`` keeps
the ids it showed). Reading the log for a person is itself an access and is audited
(:data:`REVIEW_ACTION`) in the transaction that reads it; the document for the citizen
(:mod:`agentdesk.access_log_document`) is audited as :data:`DOCUMENT_ACTION`.

Periods are whole days in Europe/Helsinki, both ends included.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import Select, or_, select

from agentdesk import audit
from agentdesk.customer_lookup import CustomerNotFound as LookupNotFound
from agentdesk.customer_lookup import find_customer
from agentdesk.merge.tombstones import absorbed_ids
from agentdesk.need_to_know import BREAK_GLASS_ACTION
from agentdesk.storage.models import AuditEntry, Customer, CustomerIdentifier, IdentifierScheme, Language, StaffUser

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from agentdesk.storage.database import Database

HELSINKI = ZoneInfo("Europe/Helsinki")
REVIEW_ACTION = "dpo.access_log"  # the data protection view opened on a person
DOCUMENT_ACTION = "access_log.document"  # the citizen's access-log document produced
MAX_ROWS = 10_000  # one person's accesses in one period; more says so (narrow the period)


class CustomerNotFound(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class AccessFilter:
    start: dt.date | None = None  # first day (Helsinki), included
    end: dt.date | None = None  # last day (Helsinki), included
    actor: str = ""  # staff username, exactly
    action: str = ""  # audit action, exactly ("customer.view")
    purpose: str = ""  # words the purpose contains (case-insensitive)

    def problem(self) -> str | None:
        if self.start and self.end and self.start > self.end:
            return "the period ends before it starts"
        return None


@dataclass(frozen=True, slots=True)
class Access:
    id: int
    at: dt.datetime  # UTC
    actor: str  # staff username, or "cli:<account>", "system:<job>"
    staff_name: str  # the staff member's name ("" when the actor is no staff user)
    department: str  # the staff member's department ("" when none)
    action: str
    purpose: str
    workstation: str  # "" for entries written before the desk recorded it
    subject_customer_id: int | None
    shown_with_others: int = 0  # a search that listed this many people: the person was one of them
    subject_name: str = ""  # the person's name (the break-the-glass list)

    @property
    def local_time(self) -> dt.datetime:
        return self.at.astimezone(HELSINKI)


@dataclass(frozen=True, slots=True)
class Citizen:
    customer_id: int
    name: str
    hetu: str  # "" when none
    language: Language


@dataclass(frozen=True, slots=True)
class AccessReport:
    citizen: Citizen
    filters: AccessFilter
    accesses: tuple[Access, ...]
    truncated: bool = False  # more than MAX_ROWS in the period
    actors: tuple[str, ...] = field(default=())  # who appears (for the filter lists)
    actions: tuple[str, ...] = field(default=())


def utc_bounds(start: dt.date | None, end: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The UTC instants of a Helsinki period: [start 00:00, the day after end 00:00)."""
    lo = dt.datetime.combine(start, dt.time(), HELSINKI).astimezone(dt.UTC) if start else None
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), HELSINKI).astimezone(dt.UTC) if end else None
    return lo, hi


def find_citizen(session: Session, customer: str | int) -> Citizen:
    """A customer id (number) or a henkilötunnus."""
    try:
        customer_id = customer if isinstance(customer, int) else find_customer(session, customer)
    except LookupNotFound as exc:
        raise CustomerNotFound(str(exc)) from None
    c = session.get(Customer, customer_id)
    if c is None:
        raise CustomerNotFound(f"no customer with id {customer_id}")
    hetu = session.scalar(
        select(CustomerIdentifier.value).where(
            CustomerIdentifier.customer_id == customer_id, CustomerIdentifier.scheme == IdentifierScheme.HETU
        )
    )
    return Citizen(c.id, f"{c.first_names} {c.last_name}".strip(), hetu or "", c.preferred_language)


def entries_about(
    session: Session,
    customer_id: int,
    filters: AccessFilter = AccessFilter(),
    *,
    subjects: Sequence[int] | None = None,
) -> Select[AuditEntry]:
    """The audit entries about the person: their own (and merged-in ids'), and searches that may
    have listed them (refine with :func:`listed`), oldest first. ``subjects``: the person's
    :func:`~agentdesk.merge.tombstones.absorbed_ids` when the caller has them already."""
    if subjects is None:
        subjects = absorbed_ids(session, customer_id)
    listed_in = [(AuditEntry.action == audit.SEARCH_ACTION) & AuditEntry.detail.contains(str(i)) for i in subjects]
    stmt = select(AuditEntry).where(or_(AuditEntry.subject_customer_id.in_(subjects), *listed_in))
    lo, hi = utc_bounds(filters.start, filters.end)
    if lo is not None:
        stmt = stmt.where(AuditEntry.at >= lo)
    if hi is not None:
        stmt = stmt.where(AuditEntry.at < hi)
    if filters.actor:
        stmt = stmt.where(AuditEntry.actor == filters.actor)
    if filters.action:
        stmt = stmt.where(AuditEntry.action == filters.action)
    if filters.purpose:
        stmt = stmt.where(AuditEntry.purpose.icontains(filters.purpose, autoescape=True))
    return stmt.order_by(AuditEntry.at, AuditEntry.id)


def listed(entry: AuditEntry, subjects: Sequence[int]) -> int | None:
    """How many people the entry showed when it concerns one of ``subjects``; None when it does not
    (a search whose detail merely contains the digits)."""
    if entry.subject_customer_id in subjects:
        return 0
    try:
        ids = json.loads(entry.detail).get("ids", [])
    except (ValueError, AttributeError):
        return None
    return len(ids) if set(subjects) & set(ids) else None


class AccessLog:
    """Read-only over the audit log, except that each read of a person's accesses is audited."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def review(
        self,
        customer: str | int,
        filters: AccessFilter = AccessFilter(),
        *,
        actor: str,
        purpose: str = "data protection review",
        action: str = REVIEW_ACTION,
    ) -> AccessReport:
        """The person's accesses in the period, audited as ``action`` about the person."""
        with self._db.session() as s, s.begin():
            citizen = find_citizen(s, customer)
            report = self._read(s, citizen, filters)
            detail = {"from": _iso(filters.start), "to": _iso(filters.end), "shown": len(report.accesses)}
            audit.record(
                s,
                actor=actor,
                action=action,
                subject_customer_id=citizen.customer_id,
                purpose=purpose,
                detail=json.dumps(detail),
            )
        return report

    def _read(self, s: Session, citizen: Citizen, filters: AccessFilter) -> AccessReport:
        subjects = absorbed_ids(s, citizen.customer_id)
        staff: dict[str, tuple[str, int | None]] = {
            u: (name, dept)
            for u, name, dept in s.execute(select(StaffUser.username, StaffUser.display_name, StaffUser.department_id))
        }
        names = _department_names(s)
        out: list[Access] = []
        truncated = False
        for e in s.scalars(entries_about(s, citizen.customer_id, filters, subjects=subjects).limit(MAX_ROWS * 2)):
            others = listed(e, subjects)
            if others is None:
                continue
            if len(out) >= MAX_ROWS:
                truncated = True
                break
            name, dept_id = staff.get(e.actor, ("", None))
            out.append(
                Access(
                    e.id,
                    e.at,
                    e.actor,
                    name,
                    names.get(dept_id, "") if dept_id is not None else "",
                    e.action,
                    e.purpose,
                    e.workstation or "",
                    e.subject_customer_id,
                    others,
                )
            )
        return AccessReport(
            citizen,
            filters,
            tuple(out),
            truncated,
            tuple(sorted({a.actor for a in out})),
            tuple(sorted({a.action for a in out})),
        )

    def break_glass(self, *, since: dt.date | None = None, limit: int = 200) -> tuple[Access, ...]:
        """The "break the glass" openings to review, newest first (every customer)."""
        stmt = select(AuditEntry).where(AuditEntry.action == BREAK_GLASS_ACTION)
        lo, _ = utc_bounds(since, None)
        if lo is not None:
            stmt = stmt.where(AuditEntry.at >= lo)
        with self._db.session() as s:
            staff = dict(s.execute(select(StaffUser.username, StaffUser.display_name)).all())
            rows = s.scalars(stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)).all()
            ids = {e.subject_customer_id for e in rows if e.subject_customer_id is not None}
            people = {
                c.id: f"{c.first_names} {c.last_name}".strip()
                for c in s.scalars(select(Customer).where(Customer.id.in_(sorted(ids))))
            }
            return tuple(
                Access(
                    e.id,
                    e.at,
                    e.actor,
                    staff.get(e.actor, ""),
                    "",
                    e.action,
                    e.purpose,
                    e.workstation or "",
                    e.subject_customer_id,
                    subject_name=people.get(e.subject_customer_id or 0, ""),
                )
                for e in rows
            )


def _department_names(s: Session) -> dict[int, str]:
    from agentdesk.storage.models import Department

    return dict(s.execute(select(Department.id, Department.name)).all())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def narrow(accesses: Sequence[Access], *, actor: str = "", action: str = "", purpose: str = "") -> tuple[Access, ...]:
    """The accesses of one staff user / one action / whose purpose contains the words (case-insensitive),
    as :class:`AccessFilter` selects them in the database (the view narrows what it has read)."""
    words = purpose.casefold()
    return tuple(
        a
        for a in accesses
        if (not actor or a.actor == actor)
        and (not action or a.action == action)
        and (not words or words in a.purpose.casefold())
    )
