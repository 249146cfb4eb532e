"""What a management report is asked for: a period of Helsinki calendar days and filters.

A period is whole days, ``start`` to ``end`` inclusive, in Europe/Helsinki; the report compares it with
the period of equal length just before it (:meth:`ReportQuery.previous`). Filters narrow every figure;
an empty filter means "all". Municipalities are matched without regard to case against the
municipality of the customer's address valid during the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from agentdesk.queues.working_hours import HELSINKI, local_day_window
from agentdesk.storage.kinds import Channel

MAX_DAYS = 3 * 366  # a longer report is a typing mistake (and a slow one)
Granularity = Literal["day", "week"]
DAILY_UP_TO_DAYS = 62  # longer periods are charted by ISO week


class ReportQueryError(ValueError):
    """A period or filter that cannot be reported on; ``field`` names the input (``from``, ``queue``, ...)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class ReportQuery:
    start: dt.date
    end: dt.date  # inclusive
    departments: tuple[str, ...] = ()  # department codes
    queues: tuple[str, ...] = ()  # queue codes
    channels: tuple[Channel, ...] = ()
    topics: tuple[str, ...] = ()  # topic codes
    municipalities: tuple[str, ...] = ()  # names, any case

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportQueryError("to", f"the period ends ({self.end}) before it starts ({self.start})")
        if self.days > MAX_DAYS:
            raise ReportQueryError("to", f"a report covers at most {MAX_DAYS} days; this period has {self.days}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def granularity(self) -> Granularity:
        return "day" if self.days <= DAILY_UP_TO_DAYS else "week"

    def window(self) -> tuple[dt.datetime, dt.datetime]:
        """The period as a half-open UTC interval [start, end)."""
        return local_day_window(self.start, HELSINKI)[0], local_day_window(self.end, HELSINKI)[1]

    def previous(self) -> ReportQuery:
        """The same filters over the period of equal length that ends the day before this one starts."""
        end = self.start - dt.timedelta(days=1)
        return replace(self, start=end - dt.timedelta(days=self.days - 1), end=end)

    @property
    def filtered(self) -> bool:
        return bool(self.departments or self.queues or self.channels or self.topics or self.municipalities)


def parse_day(text: str, field: str) -> dt.date:
    """A date typed as YYYY-MM-DD, or a :class:`ReportQueryError` that says what was wrong."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ReportQueryError(field, f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31") from None


def parse_channels(values: Iterable[str]) -> tuple[Channel, ...]:
    known = {c.value: c for c in Channel}
    out = []
    for v in values:
        if v not in known:
            raise ReportQueryError("channel", f"unknown channel {v!r}: use one of {', '.join(known)}")
        out.append(known[v])
    return tuple(dict.fromkeys(out))


def this_month(today: dt.date) -> tuple[dt.date, dt.date]:
    return today.replace(day=1), today


def last_month(today: dt.date) -> tuple[dt.date, dt.date]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def this_year(today: dt.date) -> tuple[dt.date, dt.date]:
    return today.replace(month=1, day=1), today


def helsinki_today(now: dt.datetime | None = None) -> dt.date:
    return (now or dt.datetime.now(dt.UTC)).astimezone(HELSINKI).date()
