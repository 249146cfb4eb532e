"""What a management report holds: frozen values, ready for the desk, the exports and the CLI.

Definitions (the dashboard's, :mod:`agentdesk.queues.statistics`, over a period instead of a day):

- contacts: interactions started in the period (every logged contact, every channel);
- service level = work items answered within their target / (answered + abandoned after target),
  over the work items that arrived in the period (``answered_at <= due_at``; ``due_at`` is fixed on
  arrival from the queue's target);
- speed of answer: mean and 90th percentile (nearest rank) of ``answered_at - created_at`` of the
  answered work items; the percentile is counted in whole seconds under an hour, whole minutes under
  a day and whole hours beyond;
- handle time: mean of ``ended_at - started_at`` of the contacts that have ended;
- abandonment rate = abandoned / (answered + abandoned) work items;
- first-contact resolution = contacts with outcome ``resolved_first_contact`` / contacts with an outcome;
- backlog: cases active (not resolved or closed) at the end of the period, by their status then
  (the case history); ageing: their age at the period's end in working days since the day they were
  filed (0–5, 6–10, 11–20, over 20);
- deadline breaches: cases resolved in the period after their due date, plus backlog cases whose due
  date had passed at the period's end;
- channel strategy: each channel's share of the contacts and its cost per contact from the profile's
  ``[reports] cost_per_contact``; the total's cost per contact is the contacts' weighted mean.

Case figures are for the report as a whole, not per channel (a case may have contacts on several).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from agentdesk.reports.query import Granularity, ReportQuery
from agentdesk.storage.kinds import Channel

AGEING_BUCKETS = ("0-5", "6-10", "11-20", ">20")  # working days

# Figure codes in report order, with the English label the CLI and exports use by default.
CONTACT_FIGURES: dict[str, str] = {
    "contacts": "Contacts",
    "share_of_contacts": "Share of contacts",
    "service_level": "Service level",
    "speed_of_answer_mean": "Speed of answer, mean (s)",
    "speed_of_answer_p90": "Speed of answer, 90th percentile (s)",
    "handle_time_mean": "Handle time, mean (s)",
    "abandonment_rate": "Abandonment rate",
    "first_contact_resolution": "First-contact resolution",
    "cost_per_contact": "Cost per contact (EUR)",
    "cost": "Cost (EUR)",
}
CASE_FIGURES: dict[str, str] = {
    "backlog": "Backlog (active cases at period end)",
    "ageing_0_5": "Backlog aged 0-5 working days",
    "ageing_6_10": "Backlog aged 6-10 working days",
    "ageing_11_20": "Backlog aged 11-20 working days",
    "ageing_over_20": "Backlog aged over 20 working days",
    "resolved_late": "Cases resolved after their due date",
    "open_overdue": "Active cases past their due date",
    "deadline_breaches": "Deadline breaches",
}
SHARES = frozenset({"share_of_contacts", "service_level", "abandonment_rate", "first_contact_resolution"})


@dataclass(frozen=True, slots=True)
class ContactFigures:
    contacts: int
    share_of_contacts: float | None
    answered: int
    answered_within_target: int
    abandoned: int
    abandoned_after_target: int
    service_level: float | None
    speed_of_answer_mean: float | None  # seconds
    speed_of_answer_p90: float | None  # seconds
    handle_time_mean: float | None  # seconds
    abandonment_rate: float | None
    first_contact_resolution: float | None
    cost_per_contact: float | None  # EUR; None when the profile sets no cost for the channel
    cost: float | None

    def value(self, code: str) -> float | int | None:
        value: float | int | None = getattr(self, code)
        return value


@dataclass(frozen=True, slots=True)
class CaseFigures:
    backlog: int
    ageing: tuple[int, int, int, int]  # AGEING_BUCKETS
    resolved_late: int
    open_overdue: int

    @property
    def deadline_breaches(self) -> int:
        return self.resolved_late + self.open_overdue

    def value(self, code: str) -> int:
        if code.startswith("ageing_"):
            return self.ageing[("ageing_0_5", "ageing_6_10", "ageing_11_20", "ageing_over_20").index(code)]
        value: int = getattr(self, code)
        return value


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    start: dt.date
    end: dt.date
    total: ContactFigures
    by_channel: Mapping[Channel, ContactFigures]  # every channel, in Channel order
    cases: CaseFigures


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    start: dt.date  # the day, or the Monday of the ISO week (clipped to the period)
    contacts: Mapping[Channel, int]
    service_level: float | None

    @property
    def total(self) -> int:
        return sum(self.contacts.values())


@dataclass(frozen=True, slots=True)
class Trend:
    value: float | int | None
    previous: float | int | None
    change: float | int | None  # value - previous (percentage points for shares, as a fraction)


@dataclass(frozen=True, slots=True)
class Report:
    query: ReportQuery
    generated_at: dt.datetime
    current: PeriodFigures
    previous: PeriodFigures
    granularity: Granularity
    series: tuple[SeriesPoint, ...]

    def trend(self, code: str, channel: Channel | None = None) -> Trend:
        """A figure this period, the previous period and the change; ``channel`` None for the total."""
        if code in CASE_FIGURES:
            now: float | int | None = self.current.cases.value(code)
            before: float | int | None = self.previous.cases.value(code)
        else:
            now = _contact(self.current, channel).value(code)
            before = _contact(self.previous, channel).value(code)
        change = now - before if now is not None and before is not None else None
        return Trend(now, before, change)


def _contact(period: PeriodFigures, channel: Channel | None) -> ContactFigures:
    return period.total if channel is None else period.by_channel[channel]
