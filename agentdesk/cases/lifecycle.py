"""A service case's lifecycle: who may move it where, with its history.

Every change is one transaction: the case row (status, department, assignee, due date, version), one
``case_event`` history row and one ``case.status`` audit entry, and it returns the
:class:`agentdesk.changes.Changes` the desk publishes so every open tab of that customer refreshes.

The states (:class:`agentdesk.storage.kinds.CaseStatus`) and their allowed next states::

    new ────────► open ◄──────► waiting (for the citizen)
     │  ╲           ▲ ╲            ▲
     │   ╲          │  ╲           ▼
     │    ╲         │   ► waiting_backoffice
     │     ╲        │          │
     ▼      ►  resolved ◄──────┘
    closed ◄──────┘ │
       │            ▼
       └──────► reopened ──► open / waiting / waiting_backoffice / resolved

A note is required where someone will later ask why: closing a case that was never resolved,
reopening, and sending it to wait for the citizen or the back office. A stale change (someone else
moved the case since it was shown) is refused with :class:`CaseConflict`, never applied over theirs.
Qt-free and blocking: the desk runs these on its background writer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.cases.calendar import FINNISH_CALENDAR, WorkingCalendar
from agentdesk.changes import Changes
from agentdesk.contact_records import move_case
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import CaseStatus
from agentdesk.storage.models import CaseEvent, Department, ServiceCase, StaffUser

S = CaseStatus
_NEXT: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.NEW: frozenset({S.OPEN, S.WAITING, S.WAITING_BACKOFFICE, S.RESOLVED, S.CLOSED}),
    S.OPEN: frozenset({S.OPEN, S.WAITING, S.WAITING_BACKOFFICE, S.RESOLVED}),
    S.WAITING: frozenset({S.OPEN, S.WAITING_BACKOFFICE, S.RESOLVED}),
    S.WAITING_BACKOFFICE: frozenset({S.OPEN, S.WAITING, S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.REOPENED}),
    S.CLOSED: frozenset({S.REOPENED}),
    S.REOPENED: frozenset({S.OPEN, S.WAITING, S.WAITING_BACKOFFICE, S.RESOLVED}),
}


def allowed_next(status: CaseStatus) -> frozenset[CaseStatus]:
    """The states a case in ``status`` may be moved to (``open`` → ``open`` is a reassignment)."""
    return _NEXT[status]


def note_required(current: CaseStatus, target: CaseStatus) -> bool:
    return (
        target in (S.REOPENED, S.WAITING, S.WAITING_BACKOFFICE) or (target is S.CLOSED and current is not S.RESOLVED)
    ) and not (target is current)


class CaseNotFound(LookupError):
    pass


class InvalidTransition(ValueError):
    """The change is not allowed from the case's state, or lacks what it needs (a note, a department)."""

    def __init__(self, message: str, *, field: str = "status") -> None:
        super().__init__(message)
        self.field = field


class CaseConflict(RuntimeError):
    """The case was changed elsewhere after it was shown; nothing was written."""

    def __init__(self, case_id: int, theirs: int, mine: int) -> None:
        super().__init__(f"case {case_id} was changed elsewhere (version {theirs}, change began at {mine})")
        self.case_id, self.theirs, self.mine = case_id, theirs, mine


@dataclass(frozen=True, slots=True)
class CaseChange:
    """What the agent asked for. ``expected_version`` is the case's version when it was shown."""

    case_id: int
    to_status: CaseStatus
    expected_version: int
    note: str = ""
    department_id: int | None = None  # assign to this department (None: keep)
    assignee_id: int | None = None  # assign to this person (None: keep; see unassign)
    unassign: bool = False
    due_date: dt.date | None = None  # a new deadline (None: keep)


@dataclass(frozen=True, slots=True)
class CaseEventRecord:
    id: int
    case_id: int
    at: dt.datetime
    actor: str
    from_status: CaseStatus | None
    to_status: CaseStatus
    department_id: int | None
    department_name: str | None
    assignee_id: int | None
    assignee_name: str | None
    due_date: dt.date | None
    note: str


@dataclass(frozen=True, slots=True)
class CaseChanged:
    case_id: int
    customer_id: int | None
    status: CaseStatus
    version: int
    event: CaseEventRecord

    @property
    def changes(self) -> Changes:
        return Changes.of(cases=[self.customer_id], timelines=[self.customer_id])


@dataclass(frozen=True, slots=True)
class CaseSnapshot:
    """A case as the desk shows it: its fields, what it may become next, and its history."""

    id: int
    customer_id: int | None
    title: str
    status: CaseStatus
    version: int
    department_id: int | None
    department_name: str | None
    assignee_id: int | None
    assignee_name: str | None
    due_date: dt.date | None
    working_days_left: int | None  # None without a due date; negative: overdue
    backoffice_system: str
    backoffice_ref: str
    history: tuple[CaseEventRecord, ...]

    @property
    def next_states(self) -> frozenset[CaseStatus]:
        return allowed_next(self.status)


@dataclass(frozen=True, slots=True)
class CaseDeadline:
    case_id: int
    customer_id: int | None
    title: str
    status: CaseStatus
    department_id: int | None
    due_date: dt.date
    working_days_left: int  # negative: working days overdue

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0


class CaseService:
    def __init__(self, db: Database, calendar: WorkingCalendar = FINNISH_CALENDAR) -> None:
        self._db = db
        self.calendar = calendar

    def due_date(self, working_days: int, *, start: dt.date | None = None) -> dt.date:
        """The deadline ``working_days`` working days from ``start`` (today in Helsinki)."""
        return self.calendar.add_working_days(start or _helsinki_today(), working_days)

    def change(self, change: CaseChange, *, actor: str) -> CaseChanged:
        with self._db.session() as s, s.begin():
            case = s.get(ServiceCase, change.case_id, with_for_update=True)
            if case is None:
                raise CaseNotFound(f"case {change.case_id} does not exist")
            if case.version != change.expected_version:
                raise CaseConflict(case.id, case.version, change.expected_version)
            current = case.status
            target = change.to_status
            if target not in _NEXT[current]:
                raise InvalidTransition(f"a case that is {current.value} cannot be moved to {target.value}")
            note = change.note.strip()
            if note_required(current, target) and not note:
                raise InvalidTransition(f"moving a case to {target.value} needs a note saying why", field="note")
            if change.department_id is not None and s.get(Department, change.department_id) is None:
                raise InvalidTransition(f"department {change.department_id} does not exist", field="department")
            if change.assignee_id is not None and s.get(StaffUser, change.assignee_id) is None:
                raise InvalidTransition(f"staff user {change.assignee_id} does not exist", field="assignee")
            if target is S.OPEN and current is S.OPEN and change.department_id is None and change.assignee_id is None:
                raise InvalidTransition("a reassignment names a department or a person", field="department")
            if change.due_date is not None and change.due_date < case.created_at.date():
                raise InvalidTransition("the due date is before the case was filed", field="due_date")
            if change.department_id is not None:
                case.department_id = change.department_id
            if change.unassign:
                case.assignee_id = None
            elif change.assignee_id is not None:
                case.assignee_id = change.assignee_id
            if change.due_date is not None:
                case.due_date = change.due_date
            event = move_case(s, case, target, actor=actor, note=note)
            s.flush()
            audit.record(
                s,
                actor=actor,
                action="case.status",
                subject_customer_id=case.customer_id,
                detail=f"case={case.id} from={current.value} to={target.value}",
            )
            record = _event_records(s, [event])[0]
            return CaseChanged(case.id, case.customer_id, target, case.version, record)

    def snapshot(self, case_id: int, *, today: dt.date | None = None) -> CaseSnapshot:
        """The case with its history, in one read (raises :class:`CaseNotFound`)."""
        with self._db.session() as s:
            case = s.get(ServiceCase, case_id)
            if case is None:
                raise CaseNotFound(f"case {case_id} does not exist")
            events = s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.at, CaseEvent.id)
            )
            history = _event_records(s, list(events))
            department = s.get(Department, case.department_id) if case.department_id is not None else None
            assignee = s.get(StaffUser, case.assignee_id) if case.assignee_id is not None else None
            left = None
            if case.due_date is not None and case.status.is_active:
                left = self.calendar.working_days_between(today or _helsinki_today(), case.due_date)
            return CaseSnapshot(
                case.id,
                case.customer_id,
                case.title,
                case.status,
                case.version,
                case.department_id,
                department.name if department is not None else None,
                case.assignee_id,
                assignee.display_name if assignee is not None else None,
                case.due_date,
                left,
                case.backoffice_system,
                case.backoffice_ref,
                tuple(history),
            )

    def history(self, case_id: int) -> list[CaseEventRecord]:
        """The case's history, oldest first."""
        with self._db.session() as s:
            events = s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.at, CaseEvent.id)
            )
            return _event_records(s, list(events))

    def deadlines(
        self,
        *,
        department_ids: frozenset[int] | None = None,
        assignee_id: int | None = None,
        within_working_days: int = 2,
        today: dt.date | None = None,
        limit: int = 200,
    ) -> list[CaseDeadline]:
        """Active cases overdue or due within ``within_working_days`` working days, most urgent first
        (for the agent's inbox and the supervisor's dashboard)."""
        whose: list[ColumnElement[bool]] = []
        if department_ids is not None:
            whose.append(ServiceCase.department_id.in_(department_ids))
        if assignee_id is not None:
            whose.append(ServiceCase.assignee_id == assignee_id)
        return self._due(whose, within_working_days=within_working_days, today=today, limit=limit)

    def agent_deadlines(
        self,
        staff_id: int,
        department_ids: frozenset[int],
        *,
        within_working_days: int = 2,
        today: dt.date | None = None,
        limit: int = 100,
    ) -> list[CaseDeadline]:
        """The agent's own cases and their queues' departments' cases that are overdue or due soon, most
        urgent first (the agent's inbox), each once."""
        mine: ColumnElement[bool] = ServiceCase.assignee_id == staff_id
        if department_ids:
            mine = or_(mine, ServiceCase.department_id.in_(department_ids))
        return self._due([mine], within_working_days=within_working_days, today=today, limit=limit)

    def _due(
        self, whose: list[ColumnElement[bool]], *, within_working_days: int, today: dt.date | None, limit: int
    ) -> list[CaseDeadline]:
        """The active cases matching all of ``whose`` that are overdue or due soon, most urgent first."""
        today = today or _helsinki_today()
        horizon = self.calendar.add_working_days(today, within_working_days)
        q = (
            select(
                ServiceCase.id,
                ServiceCase.customer_id,
                ServiceCase.title,
                ServiceCase.status,
                ServiceCase.department_id,
                ServiceCase.due_date,
            )
            .where(
                ServiceCase.status.not_in((S.RESOLVED, S.CLOSED)),
                ServiceCase.due_date.is_not(None),
                ServiceCase.due_date <= horizon,
                *whose,
            )
            .order_by(ServiceCase.due_date, ServiceCase.id)
            .limit(limit)
        )
        with self._db.session() as s:
            rows = s.execute(q).all()
        return [
            CaseDeadline(
                r.id,
                r.customer_id,
                r.title,
                r.status,
                r.department_id,
                r.due_date,
                self.calendar.working_days_between(today, r.due_date),
            )
            for r in rows
        ]


def _event_records(s: Session, events: list[CaseEvent]) -> list[CaseEventRecord]:
    dept_ids = {e.department_id for e in events if e.department_id is not None}
    staff_ids = {e.assignee_id for e in events if e.assignee_id is not None}
    depts: dict[int, str] = {}
    if dept_ids:
        depts = dict(s.execute(select(Department.id, Department.name).where(Department.id.in_(dept_ids))).all())
    staff: dict[int, str] = {}
    if staff_ids:
        rows = s.execute(select(StaffUser.id, StaffUser.display_name).where(StaffUser.id.in_(staff_ids)))
        staff = dict(rows.all())
    return [
        CaseEventRecord(
            e.id,
            e.case_id,
            e.at,
            e.actor,
            e.from_status,
            e.to_status,
            e.department_id,
            depts.get(e.department_id) if e.department_id is not None else None,
            e.assignee_id,
            staff.get(e.assignee_id) if e.assignee_id is not None else None,
            e.due_date,
            e.note,
        )
        for e in events
    ]


def _helsinki_today() -> dt.date:
    from agentdesk.queues.working_hours import HELSINKI

    return dt.datetime.now(HELSINKI).date()
