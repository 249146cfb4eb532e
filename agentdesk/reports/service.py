"""Management reports over any period: :class:`Reports` turns a :class:`ReportQuery` into a :class:`Report`.

One short read-only session runs the aggregate queries (the reported period and the previous one
together): over the daily summaries (:mod:`agentdesk.reports.summary_reads`) for the whole days they
hold, over the raw rows (:mod:`agentdesk.reports.aggregates`) for the rest; what comes back is a few
thousand grouped rows, summed here into the totals, the channels, the trend and the chart.
``use_summaries=False`` reads raw rows only (the summaries' own tests compare the two). Qt-free: the
desk runs :meth:`Reports.run` off its UI thread, the ``agentdesk report`` command in its own process.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from agentdesk.cases.calendar import FINNISH_CALENDAR, WorkingCalendar
from agentdesk.queues.work_queue import aware_utc
from agentdesk.queues.working_hours import local_day_window
from agentdesk.reports.aggregates import Aggregates, Scope, Window
from agentdesk.reports.figures import (
    CaseFigures,
    ContactFigures,
    Feedback,
    FeedbackFigures,
    PeriodFigures,
    Report,
    SeriesPoint,
)
from agentdesk.reports.query import ReportQuery, ReportQueryError
from agentdesk.reports.summaries import runs, summarized_days
from agentdesk.reports.summary_reads import SummaryAggregates, can_summarize
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import Channel
from agentdesk.storage.models import Address, Department, Queue

P90 = 0.9


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the filters can be set to: (code, name) of departments, queues and topics."""

    departments: tuple[tuple[str, str], ...]
    queues: tuple[tuple[str, str], ...]
    topics: tuple[str, ...]


class _Sums:
    """The additive parts of one period's contact figures, for one channel or all."""

    __slots__ = ("ab", "ab_late", "answered", "contacts", "duration", "ended", "fcr", "outcome", "waits", "within")

    def __init__(self) -> None:
        self.contacts = self.outcome = self.fcr = self.ended = 0
        self.answered = self.within = self.ab = self.ab_late = 0
        self.duration = self.waits = 0.0

    def add_contacts(self, n: int, outcome: int, fcr: int, duration: float, ended: int) -> None:
        self.contacts += n
        self.outcome += outcome
        self.fcr += fcr
        self.duration += duration
        self.ended += ended

    def add_work(self, answered: int, within: int, ab: int, ab_late: int, waits: float) -> None:
        self.answered += answered
        self.within += within
        self.ab += ab
        self.ab_late += ab_late
        self.waits += waits


class Reports:
    def __init__(
        self,
        db: Database,
        *,
        cost_per_contact: Mapping[Channel, float] | None = None,
        calendar: WorkingCalendar = FINNISH_CALENDAR,
        topics: Iterable[str] | None = None,
        use_summaries: bool = True,
    ) -> None:
        self._db = db
        self._costs = dict(cost_per_contact or {})
        self._calendar = calendar
        self._topics = frozenset(topics) if topics is not None else None
        self.use_summaries = use_summaries

    def options(self) -> ReportOptions:
        with self._db.session() as s:
            departments = tuple(
                (c, n) for c, n in s.execute(select(Department.code, Department.name).order_by(Department.code))
            )
            queues = tuple((c, n) for c, n in s.execute(select(Queue.code, Queue.name).order_by(Queue.name)))
        return ReportOptions(departments, queues, tuple(sorted(self._topics or ())))

    def run(self, query: ReportQuery, *, now: dt.datetime | None = None) -> Report:
        now = aware_utc(now)
        previous = query.previous()
        window = Window(previous.window()[0], *query.window())
        with self._db.session() as s:
            scope = self._scope(s, query, previous.start)
            agg = Aggregates(s, self._db.dialect, scope, window)
            current_sums: dict[Channel, _Sums] = defaultdict(_Sums)
            previous_sums: dict[Channel, _Sums] = defaultdict(_Sums)
            daily: dict[dt.date, dict[Channel, _Sums]] = defaultdict(lambda: defaultdict(_Sums))
            waits: dict[tuple[bool, Channel], list[tuple[float, int]]] = defaultdict(list)
            for source in self._sources(s, scope, query, previous, window):
                for day, channel, n, outcome, fcr, duration, ended in source.contacts():
                    sums = current_sums if day >= query.start else previous_sums
                    sums[channel].add_contacts(n, outcome, fcr, duration, ended)
                    if day >= query.start:
                        daily[day][channel].add_contacts(n, outcome, fcr, duration, ended)
                for day, channel, work in source.work_items():
                    sums = current_sums if day >= query.start else previous_sums
                    sums[channel].add_work(*work)
                    if day >= query.start:
                        daily[day][channel].add_work(*work)
                for is_current, channel, seconds, n in source.wait_histogram():
                    waits[is_current, channel].append((seconds, n))
            current_cases = self._cases(agg, query, window.split, window.end)
            previous_cases = self._cases(agg, previous, window.start, window.split)
            current_feedback, previous_feedback = _feedback(agg)
        return Report(
            query=query,
            generated_at=now,
            current=self._period(query, current_sums, waits, True, current_cases, current_feedback),
            previous=self._period(previous, previous_sums, waits, False, previous_cases, previous_feedback),
            granularity=query.granularity,
            series=_series(query, daily),
        )

    def _sources(
        self, s: Session, scope: Scope, query: ReportQuery, previous: ReportQuery, window: Window
    ) -> list[Aggregates | SummaryAggregates]:
        """The daily summaries for the whole summarized days, the raw rows for the rest (today, the days
        written to since the last roll-up, every day of a report the summaries cannot filter)."""
        first, last = previous.start, query.end
        summarized = summarized_days(s, first, last) if self.use_summaries and can_summarize(scope) else set()
        every = {first + dt.timedelta(days=n) for n in range((last - first).days + 1)}
        sources: list[Aggregates | SummaryAggregates] = []
        if summarized:
            sources.append(SummaryAggregates(s, scope, list(runs(summarized)), query.start))
        for start, end in runs(every - summarized):
            part = Window(local_day_window(start)[0], window.split, local_day_window(end - dt.timedelta(days=1))[1])
            sources.append(Aggregates(s, self._db.dialect, scope, part))
        return sources

    # --- filters ---------------------------------------------------------------------------------

    def _scope(self, s: Session, query: ReportQuery, first_day: dt.date) -> Scope:
        department_ids = queue_ids = named = None
        if query.departments:
            found = _codes(s, select(Department.code, Department.id).where(Department.code.in_(query.departments)))
            _refuse_unknown("department", query.departments, found)
            department_ids = tuple(found.values())
            queue_ids = tuple(s.scalars(select(Queue.id).where(Queue.department_id.in_(department_ids))))
        if query.queues:
            found = _codes(s, select(Queue.code, Queue.id).where(Queue.code.in_(query.queues)))
            _refuse_unknown("queue", query.queues, found)
            named = tuple(found.values())
            queue_ids = named if queue_ids is None else tuple(q for q in named if q in set(queue_ids))
        if query.topics and self._topics is not None:
            _refuse_unknown("topic", query.topics, self._topics)
        municipalities = None
        if query.municipalities:
            wanted = {m.strip().lower(): m for m in query.municipalities}
            known = set(
                s.scalars(
                    select(func.lower(Address.municipality))
                    .where(func.lower(Address.municipality).in_(wanted))
                    .distinct()
                )
            )
            _refuse_unknown("municipality", [m for k, m in wanted.items() if k not in known], ())
            municipalities = tuple(wanted)
        return Scope(
            start_day=first_day,
            end_day=query.end,
            department_ids=department_ids,
            queue_ids=queue_ids,
            named_queue_ids=named,
            channels=query.channels or None,
            topics=query.topics or None,
            municipalities=municipalities,
        )

    # --- assembling ------------------------------------------------------------------------------

    def _cases(self, agg: Aggregates, query: ReportQuery, start: dt.datetime, end: dt.datetime) -> CaseFigures:
        ageing = [0, 0, 0, 0]
        overdue = backlog = 0
        for filed, due, n in agg.backlog(end):
            backlog += n
            age = self._calendar.working_days_between(filed, query.end)
            ageing[0 if age <= 5 else 1 if age <= 10 else 2 if age <= 20 else 3] += n
            if due is not None and due < query.end:
                overdue += n
        late = agg.resolved_late(start, end)
        return CaseFigures(backlog, (ageing[0], ageing[1], ageing[2], ageing[3]), late, overdue)

    def _period(
        self,
        query: ReportQuery,
        sums: Mapping[Channel, _Sums],
        waits: Mapping[tuple[bool, Channel], list[tuple[float, int]]],
        is_current: bool,
        cases: CaseFigures,
        feedback: FeedbackFigures,
    ) -> PeriodFigures:
        total = _Sums()
        for channel_sums in sums.values():
            total.add_contacts(
                channel_sums.contacts, channel_sums.outcome, channel_sums.fcr, channel_sums.duration, channel_sums.ended
            )
            total.add_work(
                channel_sums.answered, channel_sums.within, channel_sums.ab, channel_sums.ab_late, channel_sums.waits
            )
        all_waits = [w for (current, _), ws in waits.items() if current is is_current for w in ws]
        by_channel = {
            c: self._figures(sums.get(c, _Sums()), total.contacts, waits.get((is_current, c), []), self._costs.get(c))
            for c in Channel
        }
        costs = [by_channel[c].cost for c in Channel if by_channel[c].contacts]
        total_cost = sum(c for c in costs if c is not None) if costs and None not in costs else None
        figures = self._figures(total, total.contacts, all_waits, None)
        figures = _with_cost(figures, total_cost)
        return PeriodFigures(query.start, query.end, figures, by_channel, cases, feedback)

    @staticmethod
    def _figures(
        sums: _Sums, all_contacts: int, waits: Sequence[tuple[float, int]], cost: float | None
    ) -> ContactFigures:
        return ContactFigures(
            contacts=sums.contacts,
            share_of_contacts=_ratio(sums.contacts, all_contacts),
            answered=sums.answered,
            answered_within_target=sums.within,
            abandoned=sums.ab,
            abandoned_after_target=sums.ab_late,
            service_level=_ratio(sums.within, sums.answered + sums.ab_late),
            speed_of_answer_mean=sums.waits / sums.answered if sums.answered else None,
            speed_of_answer_p90=percentile(waits, P90),
            handle_time_mean=sums.duration / sums.ended if sums.ended else None,
            abandonment_rate=_ratio(sums.ab, sums.answered + sums.ab),
            first_contact_resolution=_ratio(sums.fcr, sums.outcome),
            cost_per_contact=cost,
            cost=cost * sums.contacts if cost is not None else None,
        )


def _feedback(agg: Aggregates) -> tuple[FeedbackFigures, FeedbackFigures]:
    """This period's and the previous period's feedback: the whole report, by queue, by agent."""
    total = {True: Feedback(), False: Feedback()}
    queues: dict[bool, dict[str, Feedback]] = {True: {}, False: {}}
    agents: dict[bool, dict[str, Feedback]] = {True: {}, False: {}}
    for is_current, queue, agent, sent, answers, score_sum in agg.feedback():
        total[is_current] = total[is_current].plus(sent, answers, score_sum)
        for groups, name in ((queues[is_current], queue), (agents[is_current], agent)):
            if name is not None:
                groups[name] = groups.get(name, Feedback()).plus(sent, answers, score_sum)
    current, previous = (
        FeedbackFigures(total[c], dict(sorted(queues[c].items())), dict(sorted(agents[c].items())))
        for c in (True, False)
    )
    return current, previous


def _with_cost(figures: ContactFigures, cost: float | None) -> ContactFigures:
    from dataclasses import replace

    per_contact = cost / figures.contacts if cost is not None and figures.contacts else None
    return replace(figures, cost=cost, cost_per_contact=per_contact)


def percentile(histogram: Sequence[tuple[float, int]], share: float) -> float | None:
    """Nearest rank: the smallest value at or under which ``share`` of the counted items fall."""
    n = sum(count for _, count in histogram)
    if not n:
        return None
    rank = math.ceil(share * n)
    seen = 0
    for value, count in sorted(histogram):
        seen += count
        if seen >= rank:
            return value
    return max(histogram)[0]


def _series(query: ReportQuery, daily: Mapping[dt.date, Mapping[Channel, _Sums]]) -> tuple[SeriesPoint, ...]:
    buckets: dict[dt.date, dict[Channel, _Sums]] = {}
    day = query.start
    while day <= query.end:
        key = day if query.granularity == "day" else max(query.start, day - dt.timedelta(days=day.weekday()))
        buckets.setdefault(key, {c: _Sums() for c in Channel})
        for channel, sums in daily.get(day, {}).items():
            b = buckets[key][channel]
            b.add_contacts(sums.contacts, sums.outcome, sums.fcr, sums.duration, sums.ended)
            b.add_work(sums.answered, sums.within, sums.ab, sums.ab_late, sums.waits)
        day += dt.timedelta(days=1)
    points = []
    for start, by_channel in buckets.items():
        within = sum(s.within for s in by_channel.values())
        counted = sum(s.answered + s.ab_late for s in by_channel.values())
        points.append(SeriesPoint(start, {c: s.contacts for c, s in by_channel.items()}, _ratio(within, counted)))
    return tuple(points)


def _codes(s: Session, query: Select[str, int]) -> dict[str, int]:
    return {row[0]: row[1] for row in s.execute(query)}


def _refuse_unknown(field: str, wanted: Iterable[str], known: Iterable[str]) -> None:
    missing = [w for w in wanted if w not in set(known)]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        raise ReportQueryError(field, f"unknown {field}{'s' if len(missing) > 1 else ''}: {names}")


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None
