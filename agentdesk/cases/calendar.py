"""Working days in Finland: the calendar service-case deadlines are counted in.

A working day is Monday to Friday that is not a Finnish public holiday and not a day the department's
profile closes (``[cases] closed_days``, e.g. the days between Christmas and New Year). Public holidays
come from the ``holidays`` package, which for Finland includes the de facto days off Juhannusaatto
(Midsummer Eve) and Jouluaatto (Christmas Eve) besides the statutory ones.

"Due in 10 working days" counts from the next working day: a case filed on Friday 19 December 2025 and
due in 3 working days is due on Monday 29 December (the 22nd and 23rd count, the 24th to 26th are
holidays, then the 29th).

The same calendar gives the working-hours clock of the queues (:meth:`WorkingCalendar.working_hours`),
so service levels counted in office time skip the same holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import holidays

if TYPE_CHECKING:
    from agentdesk.queues.working_hours import WorkingHours


_MAX_WORKING_DAYS = 3650  # a deadline further away than this is a mistake in the input


@lru_cache(maxsize=64)
def _finnish_holidays(year: int) -> dict[dt.date, str]:
    # Names in the package's default language (no translation files needed in a frozen bundle): only
    # tests and logs show them; the desk shows dates.
    return dict(holidays.country_holidays("FI", years=year).items())


class WorkingCalendar:
    """Finland's working days, with extra closed days. Immutable and cheap to share between threads."""

    __slots__ = ("_closed", "_weekdays")

    def __init__(self, closed_days: Iterable[dt.date] = (), *, weekdays: Iterable[int] = range(5)) -> None:
        self._closed = frozenset(closed_days)
        self._weekdays = frozenset(weekdays)
        if not self._weekdays:
            raise ValueError("a working calendar needs at least one working weekday")

    @property
    def closed_days(self) -> frozenset[dt.date]:
        return self._closed

    def with_closed_days(self, days: Iterable[dt.date]) -> WorkingCalendar:
        return WorkingCalendar(self._closed | frozenset(days), weekdays=self._weekdays)

    def holiday_name(self, day: dt.date) -> str | None:
        """The public holiday's name (the package's default language), or None."""
        return _finnish_holidays(day.year).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() in self._weekdays and day not in self._closed and self.holiday_name(day) is None

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The working day ``days`` working days after ``start`` (``start`` itself never counts).

        0 gives ``start`` if it is a working day, else the next working day."""
        if days < 0:
            raise ValueError("days must not be negative")
        if days > _MAX_WORKING_DAYS:
            raise ValueError(f"a deadline over {_MAX_WORKING_DAYS} working days away")
        day = start
        if days == 0:
            while not self.is_working_day(day):
                day += dt.timedelta(days=1)
            return day
        left = days
        while left:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: how many working days a deadline on ``end`` leaves on ``start``;
        negative when ``end`` is before ``start`` (working days overdue)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def working_hours(
        self, years: Iterable[int], *, opens: dt.time = dt.time(8), closes: dt.time = dt.time(16)
    ) -> WorkingHours:
        """The office-hours clock for the queues' service levels, closed on the same days."""
        # Imported here: agentdesk.queues' dashboard statistics use this calendar for case deadlines.
        from agentdesk.queues.working_hours import HELSINKI, WorkingHours

        closed: set[dt.date] = set(self._closed)
        for year in years:
            closed.update(_finnish_holidays(year))
        return WorkingHours(
            opens=opens, closes=closes, weekdays=self._weekdays, holidays=frozenset(closed), tz=HELSINKI
        )


FINNISH_CALENDAR = WorkingCalendar()
