"""The report's aggregate queries: a handful of GROUP BY queries whatever the size of the tables.

Each query covers the report's period *and* the previous one in one pass, grouped by Helsinki day and
channel (or by case age), so the totals, the channels, the trend and the chart are sums of a few
thousand grouped rows. The Helsinki day of a stored UTC time is ``timezone()`` on PostgreSQL; on
SQLite, which has no zones, the offset of each stretch of the period between daylight-saving changes is
spelled out in a CASE (see :func:`local_day`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    SQLColumnExpression,
    and_,
    case,
    cast,
    exists,
    extract,
    false,
    func,
    literal,
    select,
)
from sqlalchemy.orm import QueryableAttribute, Session, aliased
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from agentdesk.queues.working_hours import HELSINKI
from agentdesk.storage.kinds import CaseStatus, Channel, Outcome, WorkItemState
from agentdesk.storage.models import (
    Address,
    CaseEvent,
    FeedbackSurvey,
    Interaction,
    Queue,
    ServiceCase,
    StaffUser,
    WorkItem,
)

_I, _W, _SC, _CE = Interaction, WorkItem, ServiceCase, CaseEvent
ACTIVE = [s for s in CaseStatus if s.is_active]
CASES_SINCE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # the filing day of older cases may be an hour off


@dataclass(frozen=True, slots=True)
class Scope:
    """The filters as the queries use them: ids, lower-cased names; None for "no filter"."""

    start_day: dt.date  # the previous period's first day (addresses valid then count)
    end_day: dt.date
    department_ids: tuple[int, ...] | None
    queue_ids: tuple[int, ...] | None  # from --queue and the --department's queues, intersected
    named_queue_ids: tuple[int, ...] | None  # from --queue alone (contacts that came through them)
    channels: tuple[Channel, ...] | None
    topics: tuple[str, ...] | None
    municipalities: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Window:
    start: dt.datetime  # the previous period's start (UTC)
    split: dt.datetime  # the reported period's start
    end: dt.datetime  # the reported period's end (exclusive)


class Aggregates:
    def __init__(self, s: Session, dialect: str, scope: Scope, window: Window) -> None:
        self._s = s
        self._dialect = dialect
        self._scope = scope
        self._w = window

    # --- contacts and work items by Helsinki day and channel -----------------------------------

    def contacts(self) -> Iterator[tuple[dt.date, Channel, int, int, int, float, int]]:
        """(day, channel, contacts, with outcome, resolved first contact, sum of durations, ended)."""
        day = self.local_day(_I.started_at)
        ended = _I.ended_at.is_not(None)
        rows = self._s.execute(
            select(
                day,
                _I.channel,
                func.count(),
                func.count(_I.outcome),
                func.sum(case((_I.outcome == Outcome.RESOLVED_FIRST_CONTACT, 1), else_=0)),
                func.sum(case((ended, self.seconds(_I.ended_at, _I.started_at)), else_=0)),
                func.count(_I.ended_at),
            )
            .where(_I.started_at >= self._w.start, _I.started_at < self._w.end, *self._contact_filters(_I))
            .group_by(day, _I.channel)
        )
        for d, channel, n, n_outcome, n_fcr, duration, n_ended in rows:
            yield _as_date(d), channel, n, n_outcome, int(n_fcr or 0), float(duration or 0), n_ended

    def work_items(self) -> Iterator[tuple[dt.date, Channel, tuple[int, int, int, int, float]]]:
        """(day, channel, (answered, within target, abandoned, abandoned after target, sum of waits))."""
        day = self.local_day(_W.created_at)
        answered = _W.answered_at.is_not(None)
        abandoned = _W.state == WorkItemState.ABANDONED
        rows = self._s.execute(
            select(
                day,
                _W.channel,
                _count_if(answered),
                _count_if(and_(answered, _W.answered_at <= _W.due_at)),
                _count_if(abandoned),
                _count_if(and_(abandoned, _W.finished_at > _W.due_at)),
                func.sum(case((answered, self.seconds(_W.answered_at, _W.created_at)), else_=0)),
            )
            .where(_W.created_at >= self._w.start, _W.created_at < self._w.end, *self._work_filters())
            .group_by(day, _W.channel)
        )
        for d, channel, n_ans, n_within, n_ab, n_ab_late, waits in rows:
            counts = (int(n_ans or 0), int(n_within or 0), int(n_ab or 0), int(n_ab_late or 0), float(waits or 0))
            yield _as_date(d), channel, counts

    def wait_histogram(self) -> Iterator[tuple[bool, Channel, float, int]]:
        """(in the reported period, channel, wait bucket in seconds, answered items) for the percentiles."""
        bucket = self.wait_bucket()
        current = case((_W.created_at >= self._w.split, 1), else_=0)
        rows = self._s.execute(
            select(current, _W.channel, bucket, func.count())
            .where(
                _W.created_at >= self._w.start,
                _W.created_at < self._w.end,
                _W.answered_at.is_not(None),
                *self._work_filters(),
            )
            .group_by(current, _W.channel, bucket)
        )
        for is_current, channel, seconds, n in rows:
            yield bool(is_current), channel, float(seconds), n

    def wait_bucket(self) -> ColumnElement[Any]:
        """A work item's wait as the percentile counts it: whole seconds, minutes over an hour, hours over a day."""
        wait = self.seconds(_W.answered_at, _W.created_at) + 0.001  # SQLite's julianday() is not exact
        return case(
            (wait < 3600, self._floor(wait)),
            (wait < 86400, self._floor(wait / 60) * 60),
            else_=self._floor(wait / 3600) * 3600,
        )

    # --- feedback --------------------------------------------------------------------------------

    def feedback(self) -> Iterator[tuple[bool, str | None, str | None, int, int, int]]:
        """(in the reported period, queue code, agent username, surveys sent, answers, sum of scores) of
        the surveys after the contacts started in the window. Read from the raw rows always: an answer
        may come days after the contact, later than the day's summary. The queue is the one the contact
        came through (its first work item), None for a contact logged without one."""
        f = FeedbackSurvey
        current = case((_I.started_at >= self._w.split, 1), else_=0)
        # From the surveys to their contacts: on SQLite (no statistics) the contacts' time index would
        # otherwise lead, over millions of contacts for a few surveys.
        started = unindexed(_I.started_at, self._dialect)
        queue = (
            select(Queue.code)
            .join(_W, _W.queue_id == Queue.id)
            .where(_W.interaction_id == _I.id)
            .order_by(_W.id)
            .limit(1)
            .scalar_subquery()
        )
        rows = self._s.execute(
            select(
                current,
                queue,
                StaffUser.username,
                func.count(),
                func.count(f.answered_at),
                func.coalesce(func.sum(f.score), 0),
            )
            .select_from(f)
            .join(_I, _I.id == f.interaction_id)
            .outerjoin(StaffUser, StaffUser.id == _I.agent_id)
            .where(
                f.sent_at.is_not(None),
                started >= self._w.start,
                started < self._w.end,
                *self._contact_filters(_I),
            )
            .group_by(current, queue, StaffUser.username)
        )
        for is_current, queue_code, username, sent, answers, score_sum in rows:
            yield bool(is_current), queue_code, username, int(sent), int(answers), int(score_sum or 0)

    # --- cases -----------------------------------------------------------------------------------

    def backlog(self, at: dt.datetime) -> Iterator[tuple[dt.date, dt.date | None, int]]:
        """(day filed, due date then, cases) of the cases active at ``at``, by their last status before it."""
        last = (
            select(_CE.case_id, func.max(_CE.id).label("last_id")).where(_CE.at < at).group_by(_CE.case_id).subquery()
        )
        ce = aliased(CaseEvent)
        filed = self.local_day(_SC.created_at, since=CASES_SINCE)
        due = func.coalesce(ce.due_date, _SC.due_date)
        rows = self._s.execute(
            select(filed, due, func.count())
            .select_from(last)
            .join(ce, ce.id == last.c.last_id)
            .join(_SC, _SC.id == last.c.case_id)
            .where(ce.to_status.in_(ACTIVE), *self._case_filters())
            .group_by(filed, due)
        )
        for d, due_day, n in rows:
            yield _as_date(d), _as_optional_date(due_day), n

    def resolved_late(self, start: dt.datetime, end: dt.datetime) -> int:
        """The resolutions in [start, end) on a Helsinki day after the case's due date then. Counted in SQL,
        and joined to the cases only for the filters that need them."""
        day = self.local_day(_CE.at)
        query = select(func.count()).where(
            _CE.to_status == CaseStatus.RESOLVED,
            _CE.at >= start,
            _CE.at < end,
            _CE.due_date.is_not(None),
            day > _CE.due_date,
        )
        filters = self._case_filters()
        if filters:
            query = query.join(_SC, _SC.id == _CE.case_id).where(*filters)
        return int(self._s.scalar(query.select_from(_CE)) or 0)

    # --- filters ---------------------------------------------------------------------------------

    def _municipality(self, customer_id: SQLColumnExpression[int | None]) -> ColumnElement[bool]:
        """The customer lives in one of the municipalities: an uncorrelated IN (read once, not per row)."""
        sc = self._scope
        assert sc.municipalities is not None
        living = select(Address.customer_id).where(
            func.lower(Address.municipality).in_(sc.municipalities),
            (Address.valid_from.is_(None)) | (Address.valid_from <= sc.end_day),
            (Address.valid_to.is_(None)) | (Address.valid_to >= sc.start_day),
        )
        return customer_id.in_(living)

    def _contact_filters(self, i: type[Interaction] | Any) -> list[ColumnElement[bool]]:
        sc = self._scope
        out: list[ColumnElement[bool]] = []
        if sc.department_ids is not None:
            out.append(i.department_id.in_(sc.department_ids))
        if sc.channels is not None:
            out.append(i.channel.in_(sc.channels))
        if sc.topics is not None:
            out.append(i.topic.in_(sc.topics))
        if sc.named_queue_ids is not None:  # contacts that came through the queues' work items
            came = select(_W.interaction_id).where(_W.queue_id.in_(sc.named_queue_ids), _W.interaction_id.is_not(None))
            out.append(i.id.in_(came))
        if sc.municipalities is not None:
            out.append(self._municipality(i.customer_id))
        return out

    def _work_filters(self) -> list[ColumnElement[bool]]:
        sc = self._scope
        out: list[ColumnElement[bool]] = []
        if sc.queue_ids is not None:
            out.append(_W.queue_id.in_(sc.queue_ids) if sc.queue_ids else false())
        if sc.channels is not None:
            out.append(_W.channel.in_(sc.channels))
        if sc.topics is not None:
            i = aliased(Interaction)
            out.append(exists().where(i.id == _W.interaction_id, i.topic.in_(sc.topics)))
        if sc.municipalities is not None:
            out.append(self._municipality(_W.customer_id))
        return out

    def _case_filters(self) -> list[ColumnElement[bool]]:
        sc = self._scope
        out: list[ColumnElement[bool]] = []
        if sc.department_ids is not None:
            out.append(_SC.department_id.in_(sc.department_ids))
        if sc.municipalities is not None:
            out.append(self._municipality(_SC.customer_id))
        if sc.channels is not None or sc.topics is not None or sc.named_queue_ids is not None:
            i = aliased(Interaction)
            scope = Scope(sc.start_day, sc.end_day, None, None, sc.named_queue_ids, sc.channels, sc.topics, None)
            inner = Aggregates(self._s, self._dialect, scope, self._w)._contact_filters(i)
            # An uncorrelated IN: read once (a correlated EXISTS per case lets SQLite's planner, misled by
            # statistics where most contacts have no case, scan the contacts once per case).
            out.append(_SC.id.in_(select(i.case_id).where(i.case_id.is_not(None), *inner)))
        return out

    # --- dialect helpers -------------------------------------------------------------------------

    def local_day(self, column: SQLColumnExpression[Any], *, since: dt.datetime | None = None) -> ColumnElement[Any]:
        """The Helsinki calendar day of a stored UTC time, as a date (PostgreSQL) or 'YYYY-MM-DD' text;
        on SQLite exact for the times from ``since`` (default: the previous period's start) on."""
        if self._dialect != "sqlite":
            return func.date(func.timezone(literal(HELSINKI.key), column))
        # Stored as UTC text; the offset is constant between daylight-saving changes. The date arithmetic
        # is on the whole seconds ('YYYY-MM-DD HH:MM:SS'): SQLite rounds a time to the millisecond first,
        # which would put 23:59:59.9996 on the next day while the window's text comparison keeps it in.
        # The newest stretch is tried first: most of what a report reads is recent (a case filed years ago
        # would otherwise be compared with every daylight-saving change since).
        spans = utc_offsets(since or self._w.start, self._w.end)
        seconds = func.substr(column, 1, 19)
        offsets = [literal(f"{offset:+d} seconds") for _until, offset in spans]
        whens = [(column >= spans[i - 1][0], offsets[i]) for i in range(len(spans) - 1, 0, -1)]
        if not whens:  # no daylight-saving change in the window (a CASE needs a WHEN)
            return func.date(seconds, offsets[0])
        return func.date(seconds, case(*whens, else_=offsets[0]))

    def seconds(self, later: SQLColumnExpression[Any], earlier: SQLColumnExpression[Any]) -> ColumnElement[Any]:
        if self._dialect == "sqlite":
            return (func.julianday(later) - func.julianday(earlier)) * 86400.0
        return extract("epoch", later - earlier)

    def _floor(self, value: ColumnElement[Any]) -> ColumnElement[Any]:
        if self._dialect == "sqlite":  # CAST truncates, and waits are not negative
            return cast(value, Integer)
        return func.floor(value)


def unindexed(column: QueryableAttribute[Any], dialect: str) -> ColumnElement[Any]:
    """``column`` as SQLite's unary ``+column``: the same value, but no index is chosen for a comparison
    with it (SQLite's planner has no statistics and would otherwise pick a worse index). Elsewhere the
    column itself."""
    expression = column.expression
    if dialect != "sqlite":
        return expression
    return UnaryExpression(expression, operator=custom_op("+"), type_=expression.type)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((condition, 1), else_=0))


def utc_offsets(start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, int]]:
    """Helsinki's UTC offset in seconds over [start, end): (until, offset) spans, the last one open-ended."""
    spans: list[tuple[dt.datetime, int]] = []
    moment = start.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    offset = _offset(moment)
    step = dt.timedelta(days=1)
    while moment < end:
        following = moment + step
        if _offset(following) != offset:
            hour = moment
            while _offset(hour) == offset:
                hour += dt.timedelta(hours=1)
            spans.append((hour, offset))
            offset = _offset(hour)
            moment = hour
        else:
            moment = following
    spans.append((end, offset))
    return spans


def _offset(moment: dt.datetime) -> int:
    delta = moment.astimezone(HELSINKI).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _as_optional_date(value: object) -> dt.date | None:
    return None if value is None else _as_date(value)
