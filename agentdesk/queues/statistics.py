"""Figures for the supervisor dashboard: per queue, per agent state and per channel and hour.

"Today" is the current calendar day in Europe/Helsinki, as a half-open UTC interval, so every
query over today's rows is an index range (``work_item.created_at``, ``interaction.started_at``).
A snapshot runs six aggregate queries whatever the size of the tables: queue definitions, live
queue state, today's work items per queue, today's interactions per department, today's
interactions per channel and UTC hour, and the agents' presence.

Formulas, per queue, over the work items that *arrived today* (``created_at`` in today's window):

- waiting now: items in state ``waiting`` (whenever they arrived);
  longest wait now: ``now - min(created_at)`` of those, in office time for working-hours queues;
  waiting over target: waiting items whose deadline ``due_at`` has passed.
- service level = answered within target / (answered + abandoned after target), where "answered"
  is ``answered_at`` set, "within target" is ``answered_at <= due_at`` and "abandoned after target"
  is state ``abandoned`` with ``finished_at > due_at``. Customers who gave up before the target
  count neither way; items still waiting count once they are answered or abandoned.
  ``due_at`` is fixed on arrival (``created_at + target_seconds``, or that many working seconds
  later for working-hours queues), so the comparison is a column comparison in SQL.
- average speed of answer = mean of ``answered_at - created_at`` over answered items (wall clock).
- average handle time = mean of ``finished_at - answered_at`` over done items (wall clock).
- abandonment rate = abandoned / (answered + abandoned).
- first-contact resolution = interactions started today for the queue's department with outcome
  ``resolved_first_contact`` / interactions started today for that department with any outcome.

Contacts by channel and by hour count the interactions started today (every logged contact, from
every channel), hours 0–23 in Helsinki time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, extract, func, literal_column, select
from sqlalchemy.orm import Session

from agentdesk.cases.calendar import FINNISH_CALENDAR, WorkingCalendar
from agentdesk.queues.presence import AgentState, Presence, StateCount, count_by_state
from agentdesk.queues.queue_directory import QueueInfo, UnknownQueue, to_info
from agentdesk.queues.work_queue import VIEW_COLUMNS, WorkItemView, aware_utc, view_of
from agentdesk.queues.working_hours import HELSINKI, OFFICE_HOURS, WorkingHours, local_day_window
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    CaseStatus,
    Channel,
    Interaction,
    Outcome,
    Queue,
    ServiceCase,
    WorkItem,
    WorkItemState,
)

DrillDown = Literal["waiting", "abandoned", "over_target"]

_W = WorkItem
# (queue, state) -> (count, oldest arrival, count past deadline) of the items not finished
_Live = dict[tuple[int, WorkItemState], tuple[int, dt.datetime | None, int]]
# queue -> today's aggregates as the database returns them (counts, sums and averages; None for none)
_Today = dict[int, tuple[Any, ...]]
_I = Interaction


@dataclass(frozen=True, slots=True)
class QueueStats:
    queue: QueueInfo
    waiting: int
    longest_wait_seconds: float  # 0 when nobody waits
    waiting_over_target: int
    in_service: int  # offered or in progress now
    arrived_today: int
    answered_today: int
    answered_within_target: int
    abandoned_today: int
    abandoned_after_target: int
    service_level: float | None  # None until something is answered or abandoned after target
    average_speed_of_answer: float | None  # seconds
    average_handle_time: float | None  # seconds
    abandonment_rate: float | None
    first_contact_resolution: float | None
    alarms: tuple[str, ...]  # "waiting", "longest_wait", "service_level"

    @property
    def service_level_met(self) -> bool | None:
        return None if self.service_level is None else self.service_level >= self.queue.target_share


@dataclass(frozen=True, slots=True)
class ChannelCount:
    channel: Channel
    contacts: int


@dataclass(frozen=True, slots=True)
class DashboardSnapshot:
    at: dt.datetime
    day: dt.date  # the Helsinki calendar day "today" refers to
    queues: tuple[QueueStats, ...]
    agents: tuple[AgentState, ...]
    agents_by_state: tuple[StateCount, ...]
    contacts_by_channel: tuple[ChannelCount, ...]
    contacts_by_hour: tuple[int, ...]  # 24 counts, Helsinki hours 0–23
    contacts_today: int
    cases_overdue: int = 0  # active cases past their due date
    cases_due_soon: int = 0  # active cases due today or within DUE_SOON_WORKING_DAYS working days

    def queue(self, code: str) -> QueueStats | None:
        return next((q for q in self.queues if q.queue.code == code), None)


DUE_SOON_WORKING_DAYS = 2


class Statistics:
    def __init__(
        self,
        db: Database,
        *,
        hours: WorkingHours = OFFICE_HOURS,
        tz: ZoneInfo = HELSINKI,
        calendar: WorkingCalendar = FINNISH_CALENDAR,
    ) -> None:
        self._db = db
        self._hours = hours
        self._tz = tz
        self._calendar = calendar

    def today(self, now: dt.datetime | None = None) -> tuple[dt.date, dt.datetime, dt.datetime]:
        """Today's Helsinki date and its UTC window [start, end)."""
        now = aware_utc(now)
        day = now.astimezone(self._tz).date()
        return (day, *local_day_window(day, self._tz))

    def snapshot(self, now: dt.datetime | None = None) -> DashboardSnapshot:
        now = aware_utc(now)
        day, start, end = self.today(now)
        with self._db.session() as s:
            queues = [
                to_info(q)
                for q in s.scalars(select(Queue).where(Queue.active.is_(True)).order_by(Queue.name, Queue.id))
            ]
            live = self._live(s, [q.id for q in queues], now)
            today = self._today(s, start, end)
            fcr, by_channel, by_hour = self._interactions_today(s, start, end)
            overdue, due_soon = self._deadlines(s, day)
        stats = tuple(self._queue_stats(q, live, today, fcr, now) for q in queues)
        agents = tuple(Presence(self._db).current(now=now))
        return DashboardSnapshot(
            at=now,
            day=day,
            queues=stats,
            agents=agents,
            agents_by_state=count_by_state(list(agents)),
            contacts_by_channel=tuple(ChannelCount(c, by_channel.get(c, 0)) for c in Channel),
            contacts_by_hour=tuple(by_hour),
            contacts_today=sum(by_channel.values()),
            cases_overdue=overdue,
            cases_due_soon=due_soon,
        )

    def _deadlines(self, s: Session, day: dt.date) -> tuple[int, int]:
        """Active cases overdue and due soon (in working days), in one pass over the due-date index."""
        horizon = self._calendar.add_working_days(day, DUE_SOON_WORKING_DAYS)
        c = ServiceCase
        overdue, soon = s.execute(
            select(
                func.count(case((c.due_date < day, 1))),
                func.count(case((c.due_date >= day, 1))),
            ).where(c.due_date <= horizon, c.status.not_in((CaseStatus.RESOLVED, CaseStatus.CLOSED)))
        ).one()
        return int(overdue), int(soon)

    def items(
        self, queue_id: int, kind: DrillDown = "waiting", limit: int = 100, *, now: dt.datetime | None = None
    ) -> list[WorkItemView]:
        """Drill-down from a queue tile: the items behind a figure.

        waiting: in the order they will be served; over_target: waiting past their deadline, oldest
        first; abandoned: abandoned among today's arrivals, most recent first.
        """
        now = aware_utc(now)
        query = select(*VIEW_COLUMNS).where(_W.queue_id == queue_id)
        if kind == "waiting":
            query = query.where(_W.state == WorkItemState.WAITING).order_by(_W.priority, _W.created_at, _W.id)
        elif kind == "over_target":
            query = query.where(_W.state == WorkItemState.WAITING, _W.due_at < now).order_by(_W.created_at, _W.id)
        elif kind == "abandoned":
            _, start, end = self.today(now)
            query = query.where(
                _W.state == WorkItemState.ABANDONED, _W.created_at >= start, _W.created_at < end
            ).order_by(_W.finished_at.desc(), _W.id.desc())
        else:
            raise ValueError(f"unknown drill-down {kind!r}: use waiting, abandoned or over_target")
        with self._db.session() as s:
            if s.get(Queue, queue_id) is None:
                raise UnknownQueue(queue_id)
            return [view_of(r) for r in s.execute(query.limit(limit))]

    # --- the aggregate queries ---------------------------------------------------------------

    def _live(self, s: Session, queue_ids: list[int], now: dt.datetime) -> _Live:
        """(queue, state) → (count, oldest arrival, count past deadline) for items not finished.

        Naming the queues as well as the states makes this a search of (queue, state) ranges of
        ix_work_item_queue_state_created; with the states alone SQLite's statistics (where nearly
        every row is done) lead it to scan the whole index.
        """
        if not queue_ids:
            return {}
        rows = s.execute(
            select(
                _W.queue_id,
                _W.state,
                func.count(),
                func.min(_W.created_at),
                func.sum(case((_W.due_at < now, 1), else_=0)),
            )
            .where(
                _W.queue_id.in_(queue_ids),
                _W.state.in_([WorkItemState.WAITING, WorkItemState.OFFERED, WorkItemState.IN_PROGRESS]),
            )
            .group_by(_W.queue_id, _W.state)
        )
        return {(q, st): (n, oldest, int(late or 0)) for q, st, n, oldest, late in rows}

    def _today(self, s: Session, start: dt.datetime, end: dt.datetime) -> _Today:
        answered = _W.answered_at.is_not(None)
        abandoned = _W.state == WorkItemState.ABANDONED
        done = and_(_W.state == WorkItemState.DONE, answered, _W.finished_at.is_not(None))

        def count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
            return func.sum(case((condition, 1), else_=0))

        rows = s.execute(
            select(
                _W.queue_id,
                func.count(),
                count_if(answered),
                count_if(and_(answered, _W.answered_at <= _W.due_at)),
                count_if(abandoned),
                count_if(and_(abandoned, _W.finished_at > _W.due_at)),
                func.avg(case((answered, self._seconds(_W.answered_at, _W.created_at)))),
                func.avg(case((done, self._seconds(_W.finished_at, _W.answered_at)))),
            )
            .where(_W.created_at >= start, _W.created_at < end)
            .group_by(_W.queue_id)
        )
        return {r[0]: tuple(r[1:]) for r in rows}

    def _interactions_today(
        self, s: Session, start: dt.datetime, end: dt.datetime
    ) -> tuple[dict[int, float], dict[Channel, int], list[int]]:
        """First-contact resolution per department, and contacts by channel and Helsinki hour, from
        one pass over today's interactions (an index-only scan of ix_interaction_started_cover)."""
        if self._db.dialect == "sqlite":  # stored as UTC text: 'YYYY-MM-DD HH:MM:SS.ffffff'
            hour = func.strftime(literal_column("'%Y-%m-%d %H'"), _I.started_at)
        else:
            hour = func.date_trunc(literal_column("'hour'"), func.timezone(literal_column("'UTC'"), _I.started_at))
        rows = s.execute(
            select(
                _I.channel,
                hour,
                _I.department_id,
                func.count(),
                func.count(_I.outcome),
                func.sum(case((_I.outcome == Outcome.RESOLVED_FIRST_CONTACT, 1), else_=0)),
            )
            .where(_I.started_at >= start, _I.started_at < end)
            .group_by(_I.channel, hour, _I.department_id)
        )
        by_channel: dict[Channel, int] = {}
        by_hour = [0] * 24
        with_outcome: dict[int, int] = {}
        resolved: dict[int, int] = {}
        for channel, utc_hour, dept, n, n_outcome, n_resolved in rows:  # channels x hours x departments
            if isinstance(utc_hour, str):
                utc_hour = dt.datetime.strptime(utc_hour, "%Y-%m-%d %H")
            local = utc_hour.replace(tzinfo=dt.UTC).astimezone(self._tz)
            by_channel[channel] = by_channel.get(channel, 0) + n
            by_hour[local.hour] += n
            if dept is not None:
                with_outcome[dept] = with_outcome.get(dept, 0) + n_outcome
                resolved[dept] = resolved.get(dept, 0) + int(n_resolved or 0)
        fcr = {dept: resolved[dept] / n for dept, n in with_outcome.items() if n}
        return fcr, by_channel, by_hour

    def _seconds(self, later: SQLColumnExpression[Any], earlier: SQLColumnExpression[Any]) -> ColumnElement[Any]:
        if self._db.dialect == "sqlite":
            return (func.julianday(later) - func.julianday(earlier)) * 86400.0
        return extract("epoch", later - earlier)

    # --- assembling --------------------------------------------------------------------------

    def _queue_stats(
        self, q: QueueInfo, live: _Live, today: _Today, fcr: dict[int, float], now: dt.datetime
    ) -> QueueStats:
        waiting, oldest, late = live.get((q.id, WorkItemState.WAITING), (0, None, 0))
        in_service = sum(live.get((q.id, st), (0,))[0] for st in (WorkItemState.OFFERED, WorkItemState.IN_PROGRESS))
        longest = q.waited_seconds(oldest, now, self._hours) if oldest is not None else 0.0
        arrived, answered, within, abandoned, abandoned_late, asa, aht = today.get(q.id, (0, 0, 0, 0, 0, None, None))
        answered, within, abandoned, abandoned_late = (
            int(v or 0) for v in (answered, within, abandoned, abandoned_late)
        )
        sl = _ratio(within, answered + abandoned_late)
        alarms = []
        if q.alarm_waiting is not None and waiting >= q.alarm_waiting:
            alarms.append("waiting")
        if q.alarm_longest_wait_seconds is not None and waiting and longest >= q.alarm_longest_wait_seconds:
            alarms.append("longest_wait")
        if sl is not None and sl < q.target_share:
            alarms.append("service_level")
        return QueueStats(
            queue=q,
            waiting=waiting,
            longest_wait_seconds=longest,
            waiting_over_target=late,
            in_service=in_service,
            arrived_today=arrived,
            answered_today=answered,
            answered_within_target=within,
            abandoned_today=abandoned,
            abandoned_after_target=abandoned_late,
            service_level=sl,
            average_speed_of_answer=float(asa) if asa is not None else None,
            average_handle_time=float(aht) if aht is not None else None,
            abandonment_rate=_ratio(abandoned, answered + abandoned),
            first_contact_resolution=fcr.get(q.department_id) if q.department_id is not None else None,
            alarms=tuple(alarms),
        )


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None
