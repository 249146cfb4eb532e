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
  ``[reports] cost_per_contact``; the total's cost per contact is the contacts' weighted mean;
- feedback: of the contacts started in the period, the surveys sent (:mod:`agentdesk.citizen.feedback`),
  the answers, response rate = answers / surveys sent, and the mean score (1-5) of the answers; for
  the whole report, by queue (the queue the contact came through) and by agent.

Case figures are for the report as a whole, not per channel (a case may have contacts on several).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

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
FEEDBACK_FIGURES: dict[str, str] = {
    "surveys_sent": "Feedback surveys sent",
    "feedback_answers": "Feedback answers",
    "feedback_response_rate": "Feedback response rate",
    "feedback_score_mean": "Feedback score, mean (1-5)",
}
SHARES = frozenset(
    {"share_of_contacts", "service_level", "abandonment_rate", "first_contact_resolution", "feedback_response_rate"}
)


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
class Feedback:
    """The citizens' answers to the surveys after the contacts of a period (one group of them)."""

    surveys_sent: int = 0
    feedback_answers: int = 0
    score_sum: int = 0

    @property
    def feedback_response_rate(self) -> float | None:
        return self.feedback_answers / self.surveys_sent if self.surveys_sent else None

    @property
    def feedback_score_mean(self) -> float | None:
        return self.score_sum / self.feedback_answers if self.feedback_answers else None

    def plus(self, sent: int, answers: int, score_sum: int) -> Feedback:
        return Feedback(self.surveys_sent + sent, self.feedback_answers + answers, self.score_sum + score_sum)

    def value(self, code: str) -> float | int | None:
        value: float | int | None = getattr(self, code)
        return value


@dataclass(frozen=True, slots=True)
class FeedbackFigures:
    total: Feedback = Feedback()
    by_queue: Mapping[str, Feedback] = field(default_factory=dict)  # queue code → figures, sorted
    by_agent: Mapping[str, Feedback] = field(default_factory=dict)  # username → figures, sorted


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    start: dt.date
    end: dt.date
    total: ContactFigures
    by_channel: Mapping[Channel, ContactFigures]  # every channel, in Channel order
    cases: CaseFigures
    feedback: FeedbackFigures = FeedbackFigures()


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
        if code in FEEDBACK_FIGURES:
            return self.feedback_trend(code)
        if code in CASE_FIGURES:
            return _trend(self.current.cases.value(code), self.previous.cases.value(code))
        return _trend(_contact(self.current, channel).value(code), _contact(self.previous, channel).value(code))

    def feedback_trend(self, code: str, group: str = "total") -> Trend:
        """A feedback figure of the whole report (``total``), a queue (``queue:<code>``) or an agent
        (``agent:<username>``): this period, the previous and the change."""
        return _trend(_feedback(self.current, group).value(code), _feedback(self.previous, group).value(code))

    def feedback_group_names(self) -> list[str]:
        """``total`` then the queues and the agents with surveys in either period, sorted."""
        queues = sorted({*self.current.feedback.by_queue, *self.previous.feedback.by_queue})
        agents = sorted({*self.current.feedback.by_agent, *self.previous.feedback.by_agent})
        return ["total", *(f"queue:{q}" for q in queues), *(f"agent:{a}" for a in agents)]


def _trend(now: float | None, before: float | None) -> Trend:
    return Trend(now, before, now - before if now is not None and before is not None else None)


def _feedback(period: PeriodFigures, group: str) -> Feedback:
    kind, _, name = group.partition(":")
    if kind == "queue":
        return period.feedback.by_queue.get(name, Feedback())
    if kind == "agent":
        return period.feedback.by_agent.get(name, Feedback())
    return period.feedback.total


def _contact(period: PeriodFigures, channel: Channel | None) -> ContactFigures:
    return period.total if channel is None else period.by_channel[channel]
