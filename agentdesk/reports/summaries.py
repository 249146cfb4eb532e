"""Keeping the reports' daily summaries: the roll-up of whole Helsinki days into ``report_contact_day``
and ``report_work_day`` (:mod:`agentdesk.storage.tables.reports`), and which days a report may read from
them.

The summaries hold every Helsinki day before ``report_summary_state.summarized_before``; a day is read
from the raw rows instead while it is listed dirty (a contact or work item of it was written after it
was summarized: back-dated contacts, e-mails answered days later; the triggers of migration 0019 mark
them, whatever service wrote). :meth:`ReportSummaries.update` rolls up the days since the last run and
the dirty ones; :meth:`ReportSummaries.rebuild` starts again from nothing. Both are what
``agentdesk report update-summaries`` / ``rebuild-summaries`` run (nightly from cron, or by IT).

Exactness under concurrent writes (PostgreSQL). The roll-up first moves ``mark_before`` to today, so
that every write from then on to an earlier day leaves a mark; then takes ``LOCK TABLE ... IN SHARE
MODE`` on the two tables and lets it go at once, which waits for the writes already in flight (they
might have read the old ``mark_before``); then, in one transaction, deletes the marks (a mark being
written is locked by its writer's ``ON CONFLICT DO UPDATE`` until that commits, so the delete waits and
the roll-up's next statements read the write) and recomputes those days and the new ones from the raw
rows. A mark written after the delete survives, and its day stays raw until the next roll-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import and_, case, delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session, aliased

from agentdesk.queues.working_hours import HELSINKI, local_day_window
from agentdesk.reports.aggregates import Aggregates, Scope, Window, _as_date
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import Outcome, WorkItemState
from agentdesk.storage.models import Interaction, WorkItem
from agentdesk.storage.tables.reports import ReportContactDay, ReportDirtyDay, ReportSummaryState, ReportWorkDay

ONE_DAY = dt.timedelta(days=1)
LOCK_TIMEOUT_S = 30
_NO_FILTER = Scope(dt.date(2000, 1, 1), dt.date(2000, 1, 1), None, None, None, None, None, None)


@dataclass(frozen=True, slots=True)
class SummaryUpdate:
    """What a roll-up did: the days (re)computed and the day the summaries now reach (exclusive)."""

    days: int
    summarized_before: dt.date | None

    def describe(self) -> str:
        if self.summarized_before is None:
            return "no contacts to summarize"
        last = self.summarized_before - ONE_DAY
        return f"report summaries: {self.days} day(s) computed; complete up to {last} (Helsinki)"


class SummaryLockTimeout(RuntimeError):
    """The roll-up waited too long for the writes in flight (a transaction left open somewhere)."""


class ReportSummaries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def update(self, *, today: dt.date | None = None) -> SummaryUpdate:
        """Roll up the days since the last run and the days written to since (the dirty ones)."""
        return self._roll_up(today or _helsinki_today(), from_scratch=False)

    def rebuild(self, *, today: dt.date | None = None) -> SummaryUpdate:
        """Recompute every day from the raw rows (after a restore, or if in doubt)."""
        return self._roll_up(today or _helsinki_today(), from_scratch=True)

    def _roll_up(self, today: dt.date, *, from_scratch: bool) -> SummaryUpdate:
        with self._db.session() as s, s.begin():  # 1. every write from now on to a day before today is marked
            s.execute(
                update(ReportSummaryState)
                .where(
                    ReportSummaryState.id == 1,
                    or_(ReportSummaryState.mark_before.is_(None), ReportSummaryState.mark_before < today),
                )
                .values(mark_before=today)
            )
        if self._db.dialect != "sqlite":  # 2. wait for the writes in flight (they may have missed the mark)
            with self._db.session() as s, s.begin():
                s.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_S}s'"))
                try:
                    s.execute(text("LOCK TABLE interaction, work_item IN SHARE MODE"))
                except Exception as exc:  # a lock timeout: psycopg's LockNotAvailable through SQLAlchemy
                    raise SummaryLockTimeout(
                        f"waited {LOCK_TIMEOUT_S} s for the contacts being written; try again later"
                    ) from exc
        with self._db.session() as s, s.begin():  # 3. the marks, the days, in one transaction
            state = s.execute(
                select(ReportSummaryState.summarized_before).where(ReportSummaryState.id == 1).with_for_update()
            ).scalar_one()
            marked = [_as_date(d) for d in s.scalars(delete(ReportDirtyDay).returning(ReportDirtyDay.utc_day))]
            if from_scratch or state is None:
                s.execute(delete(ReportContactDay))
                s.execute(delete(ReportWorkDay))
                first = _first_day(s)
                days = set(_days(first, today)) if first is not None else set()
            else:
                since = _as_date(state)
                days = {d for u in marked for d in (u, u + ONE_DAY) if d < since} | set(_days(since, today))
            for start, end in runs(days):
                _recompute(s, self._db.dialect, start, end)
            reach = today if state is None or from_scratch else max(_as_date(state), today)
            s.execute(update(ReportSummaryState).where(ReportSummaryState.id == 1).values(summarized_before=reach))
        return SummaryUpdate(len(days), reach)


def summarized_days(s: Session, first: dt.date, last: dt.date) -> set[dt.date]:
    """The days of [first, last] a report may read from the summaries (summarized and not dirty since)."""
    rows = s.execute(
        select(ReportSummaryState.summarized_before, ReportDirtyDay.utc_day)
        .select_from(ReportSummaryState)
        .outerjoin(ReportDirtyDay, ReportDirtyDay.utc_day >= first - ONE_DAY)
        .where(ReportSummaryState.id == 1)
    ).all()
    if not rows or rows[0][0] is None:
        return set()
    before = _as_date(rows[0][0])
    marks: list[object] = [row[1] for row in rows]  # None: no dirty day (the outer join)
    dirty = {d for u in marks if u is not None for d in (_as_date(u), _as_date(u) + ONE_DAY)}
    return {d for d in _days(first, min(last + ONE_DAY, before)) if d not in dirty}


def runs(days: Iterable[dt.date]) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive days as half-open [start, end) runs, in order."""
    start = end = None
    for d in sorted(days):
        if end is not None and d == end:
            end = d + ONE_DAY
            continue
        if start is not None and end is not None:
            yield start, end
        start, end = d, d + ONE_DAY
    if start is not None and end is not None:
        yield start, end


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    d = start
    while d < end:
        yield d
        d += ONE_DAY


def _first_day(s: Session) -> dt.date | None:
    firsts = [s.scalar(select(func.min(Interaction.started_at))), s.scalar(select(func.min(WorkItem.created_at)))]
    times = [t if isinstance(t, dt.datetime) else dt.datetime.fromisoformat(str(t)) for t in firsts if t is not None]
    if not times:
        return None
    return min(t.replace(tzinfo=t.tzinfo or dt.UTC).astimezone(HELSINKI).date() for t in times)


def _recompute(s: Session, dialect: str, start: dt.date, end: dt.date) -> None:
    """Replace the summaries of the Helsinki days [start, end) with the raw rows' sums."""
    s.execute(delete(ReportContactDay).where(ReportContactDay.day >= start, ReportContactDay.day < end))
    s.execute(delete(ReportWorkDay).where(ReportWorkDay.day >= start, ReportWorkDay.day < end))
    utc_start, utc_end = local_day_window(start, HELSINKI)[0], local_day_window(end - ONE_DAY, HELSINKI)[1]
    agg = Aggregates(s, dialect, _NO_FILTER, Window(utc_start, utc_start, utc_end))
    i, w = Interaction, WorkItem

    ended = i.ended_at.is_not(None)
    rows = select(
        agg.local_day(i.started_at).label("day"),
        i.department_id,
        i.channel,
        i.topic,
        case((i.outcome.is_not(None), 1), else_=0).label("with_outcome"),
        case((i.outcome == Outcome.RESOLVED_FIRST_CONTACT, 1), else_=0).label("resolved_first"),
        case((ended, agg.seconds(i.ended_at, i.started_at)), else_=0).label("duration_s"),
        case((ended, 1), else_=0).label("ended"),
    ).where(i.started_at >= utc_start, i.started_at < utc_end)
    c = rows.subquery()
    grouped = select(
        c.c.day,
        c.c.department_id,
        c.c.channel,
        c.c.topic,
        func.count(),
        func.sum(c.c.with_outcome),
        func.sum(c.c.resolved_first),
        func.sum(c.c.duration_s),
        func.sum(c.c.ended),
    ).group_by(c.c.day, c.c.department_id, c.c.channel, c.c.topic)
    columns = ["day", "department_id", "channel", "topic", "contacts", "with_outcome", "resolved_first"]
    s.execute(insert(ReportContactDay).from_select([*columns, "duration_s", "ended"], grouped))

    answered = w.answered_at.is_not(None)
    abandoned = w.state == WorkItemState.ABANDONED
    contact = aliased(Interaction)
    items = (
        select(
            agg.local_day(w.created_at).label("day"),
            w.queue_id,
            w.channel,
            contact.topic,
            case((answered, agg.wait_bucket()), else_=None).label("wait_bucket"),
            case((answered, 1), else_=0).label("answered"),
            case((and_(answered, w.answered_at <= w.due_at), 1), else_=0).label("within_target"),
            case((abandoned, 1), else_=0).label("abandoned"),
            case((and_(abandoned, w.finished_at > w.due_at), 1), else_=0).label("abandoned_late"),
            case((answered, agg.seconds(w.answered_at, w.created_at)), else_=0).label("waits_s"),
        )
        .outerjoin(contact, contact.id == w.interaction_id)
        .where(w.created_at >= utc_start, w.created_at < utc_end)
    ).subquery()
    keys = (items.c.day, items.c.queue_id, items.c.channel, items.c.topic, items.c.wait_bucket)
    summed = ("answered", "within_target", "abandoned", "abandoned_late", "waits_s")
    grouped = select(*keys, *(func.sum(items.c[k]) for k in summed)).group_by(*keys)
    s.execute(insert(ReportWorkDay).from_select([k.name for k in keys] + list(summed), grouped))


def _helsinki_today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(HELSINKI).date()
