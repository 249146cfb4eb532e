"""Agent presence: available, busy, wrap-up, break, offline.

``agent_presence`` holds each agent's current state and since when; ``presence_change`` keeps one
interval per state entered (``ended_at`` NULL for the current one), for time in state over a day
and for the supervisor's view of who did what when.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Select, or_, select, update
from sqlalchemy.orm import Session

from agentdesk.queues.work_queue import aware_utc
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.models import AgentPresence, Department, PresenceChange, PresenceState, StaffUser


@dataclass(frozen=True, slots=True)
class AgentState:
    staff: StaffMember
    state: PresenceState
    since: dt.datetime
    seconds_in_state: float


@dataclass(frozen=True, slots=True)
class StateCount:
    state: PresenceState
    agents: int


class Presence:
    def __init__(self, db: Database) -> None:
        self._db = db

    def set_state(self, staff_id: int, state: PresenceState, *, now: dt.datetime | None = None) -> AgentState:
        """Move the agent to ``state``. Setting the state the agent is already in changes nothing
        (the time in state keeps counting)."""
        state = PresenceState(state)
        now = aware_utc(now)
        with self._db.session() as s, s.begin():
            _lock_for_write(s)
            if s.get(StaffUser, staff_id) is None:
                raise LookupError(f"no staff user {staff_id}")
            row = s.get(AgentPresence, staff_id, with_for_update=True)
            if row is not None and row.state is state:
                return self._written_state(s, staff_id, now)
            if row is not None and now < row.since:
                raise ValueError("a presence change cannot be earlier than the current state's start")
            s.execute(
                update(PresenceChange)
                .where(PresenceChange.staff_id == staff_id, PresenceChange.ended_at.is_(None))
                .values(ended_at=now)
                .execution_options(synchronize_session=False)
            )
            s.add(PresenceChange(staff_id=staff_id, state=state, started_at=now))
            if row is None:
                s.add(AgentPresence(staff_id=staff_id, state=state, since=now))
            else:
                row.state, row.since = state, now
            s.flush()
            return self._written_state(s, staff_id, now)

    def get(self, staff_id: int, *, now: dt.datetime | None = None) -> AgentState | None:
        with self._db.session() as s:
            return self._state(s, staff_id, aware_utc(now))

    def current(self, *, now: dt.datetime | None = None, include_offline: bool = True) -> list[AgentState]:
        """Every active staff user who has a presence, by state and then longest in state first."""
        now = aware_utc(now)
        with self._db.session() as s:
            rows = s.execute(_current_query(include_offline=include_offline)).all()
        order = {st: i for i, st in enumerate(PresenceState)}
        states = [_agent_state(u, d, p, now) for u, d, p in rows]
        return sorted(states, key=lambda a: (order[a.state], a.since, a.staff.display_name))

    def time_in_state(
        self, staff_id: int, start: dt.datetime, end: dt.datetime, *, now: dt.datetime | None = None
    ) -> dict[PresenceState, float]:
        """Seconds the agent spent in each state within [start, end) (the open state counts until now)."""
        start, end, now = aware_utc(start), aware_utc(end), aware_utc(now)
        with self._db.session() as s:
            rows = s.execute(
                select(PresenceChange.state, PresenceChange.started_at, PresenceChange.ended_at).where(
                    PresenceChange.staff_id == staff_id,
                    PresenceChange.started_at < end,
                    or_(PresenceChange.ended_at.is_(None), PresenceChange.ended_at > start),
                )
            ).all()
        totals = dict.fromkeys(PresenceState, 0.0)
        for state, started, ended in rows:  # one agent's intervals in the window: a few dozen a day
            lo, hi = max(started, start), min(ended or now, end)
            if hi > lo:
                totals[state] += (hi - lo).total_seconds()
        return totals

    @staticmethod
    def _state(s: Session, staff_id: int, now: dt.datetime) -> AgentState | None:
        row = s.execute(_current_query(include_offline=True, active_only=False).where(StaffUser.id == staff_id)).first()
        return _agent_state(*row, now) if row else None

    @classmethod
    def _written_state(cls, s: Session, staff_id: int, now: dt.datetime) -> AgentState:
        """The state set_state has just checked or written in this transaction."""
        state = cls._state(s, staff_id, now)
        if state is None:  # the staff user and the presence row were read or written just before
            raise LookupError(f"no presence for staff user {staff_id}")
        return state


def count_by_state(agents: list[AgentState]) -> tuple[StateCount, ...]:
    counts = Counter(a.state for a in agents)
    return tuple(StateCount(st, counts.get(st, 0)) for st in PresenceState)


def _lock_for_write(s: Session) -> None:
    """SQLite: take the write lock before the first read, so the read-then-write below cannot fail
    with SQLITE_BUSY when another connection writes in between (PostgreSQL locks the row instead)."""
    if s.get_bind().dialect.name == "sqlite":
        s.connection().exec_driver_sql("BEGIN IMMEDIATE")


def _current_query(*, include_offline: bool, active_only: bool = True) -> Select[StaffUser, Department, AgentPresence]:
    query = (
        select(StaffUser, Department, AgentPresence)
        .join(AgentPresence, AgentPresence.staff_id == StaffUser.id)
        .outerjoin(Department, Department.id == StaffUser.department_id)
    )
    if active_only:
        query = query.where(StaffUser.active.is_(True))
    if not include_offline:
        query = query.where(AgentPresence.state != PresenceState.OFFLINE)
    return query


def _agent_state(u: StaffUser, d: Department | None, p: AgentPresence, now: dt.datetime) -> AgentState:
    member = StaffMember(
        u.id, u.username, u.display_name, u.role, u.department_id, d.code if d else None, d.name if d else None
    )
    return AgentState(member, p.state, p.since, max(0.0, (now - p.since).total_seconds()))
