"""Working-hours arithmetic for service-level targets counted in office time (e-mail: "first reply
within 8 working hours"), in the city's own time zone.

The default calendar is Monday to Friday, 8–16 Europe/Helsinki. Public holidays can be passed in;
none are built in. All inputs and outputs are aware datetimes; daylight-saving changes are handled
by computing each day's opening and closing time in local time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")

_MAX_DAYS = 3660  # a search for a deadline gives up after ten years of closed days


def local_day_window(day: dt.date, tz: ZoneInfo = HELSINKI) -> tuple[dt.datetime, dt.datetime]:
    """The calendar day in ``tz`` as a half-open UTC interval [start, end) (23, 24 or 25 hours)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=tz).astimezone(dt.UTC)
    return start, end


@dataclass(frozen=True)
class WorkingHours:
    opens: dt.time = dt.time(8)
    closes: dt.time = dt.time(16)
    weekdays: frozenset[int] = frozenset(range(5))  # Monday = 0
    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    tz: ZoneInfo = HELSINKI

    def __post_init__(self) -> None:
        if self.closes <= self.opens:
            raise ValueError("working hours must close after they open")

    def window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """Opening and closing time of a local calendar day in UTC, or None if it is not a working day."""
        if day.weekday() not in self.weekdays or day in self.holidays:
            return None
        opens = dt.datetime.combine(day, self.opens, tzinfo=self.tz).astimezone(dt.UTC)
        closes = dt.datetime.combine(day, self.closes, tzinfo=self.tz).astimezone(dt.UTC)
        return opens, closes

    def seconds_between(self, start: dt.datetime, end: dt.datetime) -> float:
        """Working seconds in [start, end); 0 when end is not after start."""
        _check_aware(start, end)
        if end <= start:
            return 0.0
        total = 0.0
        day = start.astimezone(self.tz).date()
        last = end.astimezone(self.tz).date()
        while day <= last:
            w = self.window(day)
            if w is not None:
                lo, hi = max(start, w[0]), min(end, w[1])
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += dt.timedelta(days=1)
        return total

    def add(self, start: dt.datetime, seconds: float) -> dt.datetime:
        """The moment at which ``seconds`` working seconds have passed since ``start``.

        An e-mail arriving on Friday at 15:00 with a 4-hour target is due on Monday at 11:00.
        """
        _check_aware(start)
        if seconds < 0:
            raise ValueError("seconds must not be negative")
        if seconds == 0:
            return start.astimezone(dt.UTC)
        remaining = dt.timedelta(seconds=seconds)
        day = start.astimezone(self.tz).date()
        for _ in range(_MAX_DAYS):
            w = self.window(day)
            if w is not None:
                lo = max(start, w[0])
                if lo < w[1]:
                    available = w[1] - lo
                    if remaining <= available:
                        return (lo + remaining).astimezone(dt.UTC)
                    remaining -= available
            day += dt.timedelta(days=1)
        raise ValueError("the working-hours calendar has no working days")


OFFICE_HOURS = WorkingHours()


def _check_aware(*values: dt.datetime) -> None:
    for v in values:
        if v.tzinfo is None:
            raise ValueError("naive datetime given; working-hours arithmetic needs aware times")
