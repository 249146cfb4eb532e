"""The report's contact and work-item figures read from the daily summaries, for whole summarized days.

The same rows as :class:`agentdesk.reports.aggregates.Aggregates` yields (by Helsinki day and channel),
summed from ``report_contact_day`` / ``report_work_day`` with the same filters: department, channel and
topic for contacts; queue (the named ones and the department's), channel and the contact's topic for
work items. Reports filtered by municipality (the customer's address valid in the period) or by named
queue for contacts (the queues their work items came through) read raw rows only
(:func:`can_summarize`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from agentdesk.reports.aggregates import Scope, _as_date, unindexed
from agentdesk.storage.kinds import Channel
from agentdesk.storage.tables.reports import ReportContactDay, ReportWorkDay

_C, _D = ReportContactDay, ReportWorkDay


def can_summarize(scope: Scope) -> bool:
    return scope.municipalities is None and scope.named_queue_ids is None


class SummaryAggregates:
    def __init__(self, s: Session, scope: Scope, runs: Sequence[tuple[dt.date, dt.date]], first_current: dt.date):
        self._s = s
        self._scope = scope
        self._runs = runs  # half-open [start, end) Helsinki days
        self._first_current = first_current

    def contacts(self) -> Iterator[tuple[dt.date, Channel, int, int, int, float, int]]:
        if not self._runs:
            return
        sc = self._scope
        where = [self._days(_C.day)]
        if sc.department_ids is not None:
            where.append(_C.department_id.in_(sc.department_ids))
        if sc.channels is not None:
            where.append(_C.channel.in_(sc.channels))
        if sc.topics is not None:
            where.append(_C.topic.in_(sc.topics))
        rows = self._s.execute(
            select(
                _C.day,
                _C.channel,
                func.sum(_C.contacts),
                func.sum(_C.with_outcome),
                func.sum(_C.resolved_first),
                func.sum(_C.duration_s),
                func.sum(_C.ended),
            )
            .where(*where)
            .group_by(_C.day, _C.channel)
        )
        for d, channel, n, n_outcome, n_fcr, duration, n_ended in rows:
            yield _as_date(d), channel, int(n), int(n_outcome), int(n_fcr), float(duration or 0), int(n_ended)

    def work_items(self) -> Iterator[tuple[dt.date, Channel, tuple[int, int, int, int, float]]]:
        if not self._runs:
            return
        rows = self._s.execute(
            select(
                _D.day,
                _D.channel,
                func.sum(_D.answered),
                func.sum(_D.within_target),
                func.sum(_D.abandoned),
                func.sum(_D.abandoned_late),
                func.sum(_D.waits_s),
            )
            .where(*self._work_filters())
            .group_by(_D.day, _D.channel)
        )
        for d, channel, n_ans, n_within, n_ab, n_ab_late, waits in rows:
            yield _as_date(d), channel, (int(n_ans), int(n_within), int(n_ab), int(n_ab_late), float(waits or 0))

    def wait_histogram(self) -> Iterator[tuple[bool, Channel, float, int]]:
        if not self._runs:
            return
        # Grouped in the order of ix_report_work_day_waits (channel, bucket), the two periods side by side:
        # one pass over the index, no sort. On SQLite (no statistics) the days are compared as +day, so
        # that the planner does not take the day index and sort a year's buckets instead.
        day = unindexed(_D.day, self._s.get_bind().dialect.name)
        split = day >= self._first_current
        rows = self._s.execute(
            select(
                _D.channel,
                _D.wait_bucket,
                func.sum(case((split, _D.answered), else_=0)),
                func.sum(case((split, 0), else_=_D.answered)),
            )
            .where(_D.wait_bucket.is_not(None), *self._work_filters(day))
            .group_by(_D.channel, _D.wait_bucket)
        )
        for channel, seconds, now, before in rows:
            if now:
                yield True, channel, float(seconds), int(now)
            if before:
                yield False, channel, float(seconds), int(before)

    def _work_filters(self, day: Any = _D.day) -> list[ColumnElement[bool]]:
        sc = self._scope
        out = [self._days(day)]
        if sc.queue_ids is not None:
            out.append(_D.queue_id.in_(sc.queue_ids) if sc.queue_ids else false())
        if sc.channels is not None:
            out.append(_D.channel.in_(sc.channels))
        if sc.topics is not None:
            out.append(_D.topic.in_(sc.topics))
        return out

    def _days(self, day: InstrumentedAttribute[dt.date] | Any) -> ColumnElement[bool]:
        return or_(*(and_(day >= start, day < end) for start, end in self._runs))
