"""Office-time arithmetic for e-mail service levels: Mon–Fri 8–16 in Helsinki."""

from __future__ import annotations

import datetime as dt

import pytest

from agentdesk.queues import HELSINKI, OFFICE_HOURS, WorkingHours
from agentdesk.queues.working_hours import local_day_window


def hki(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=HELSINKI)


@pytest.mark.parametrize(
    ("arrived", "hours", "due"),
    [
        (hki(2026, 3, 4, 9, 0), 4, hki(2026, 3, 4, 13, 0)),  # within one day
        (hki(2026, 3, 4, 15, 0), 4, hki(2026, 3, 5, 11, 0)),  # overnight
        (hki(2026, 3, 6, 15, 0), 4, hki(2026, 3, 9, 11, 0)),  # over the weekend
        (hki(2026, 3, 7, 10, 0), 8, hki(2026, 3, 9, 16, 0)),  # arrives on Saturday
        (hki(2026, 3, 4, 6, 30), 1, hki(2026, 3, 4, 9, 0)),  # before opening
        (hki(2026, 3, 4, 16, 0), 8, hki(2026, 3, 5, 16, 0)),  # at closing time
        (hki(2026, 3, 4, 12, 0), 4, hki(2026, 3, 4, 16, 0)),  # due exactly at closing
        (hki(2026, 10, 23, 14, 0), 8, hki(2026, 10, 26, 14, 0)),  # over the return to winter time
    ],
)
def test_deadline_in_office_hours(arrived, hours, due):
    assert OFFICE_HOURS.add(arrived, hours * 3600) == due
    assert OFFICE_HOURS.seconds_between(arrived, due) == hours * 3600


def test_office_seconds_between_two_times():
    assert OFFICE_HOURS.seconds_between(hki(2026, 3, 6, 12, 0), hki(2026, 3, 9, 9, 30)) == 5.5 * 3600
    assert OFFICE_HOURS.seconds_between(hki(2026, 3, 7, 9, 0), hki(2026, 3, 8, 15, 0)) == 0  # weekend
    assert OFFICE_HOURS.seconds_between(hki(2026, 3, 9, 9, 0), hki(2026, 3, 9, 8, 0)) == 0  # backwards
    # The same instant written in UTC gives the same answer.
    utc = hki(2026, 3, 6, 12, 0).astimezone(dt.UTC)
    assert OFFICE_HOURS.seconds_between(utc, hki(2026, 3, 9, 9, 30)) == 5.5 * 3600


def test_holidays_and_a_custom_calendar():
    christmas = WorkingHours(holidays=frozenset({dt.date(2026, 12, 24), dt.date(2026, 12, 25)}))
    assert christmas.add(hki(2026, 12, 23, 15, 0), 2 * 3600) == hki(2026, 12, 28, 9, 0)
    evening = WorkingHours(opens=dt.time(12), closes=dt.time(20), weekdays=frozenset(range(6)))
    assert evening.add(hki(2026, 3, 7, 19, 0), 2 * 3600) == hki(2026, 3, 9, 13, 0)  # Saturday open, Sunday not
    with pytest.raises(ValueError, match="close after"):
        WorkingHours(opens=dt.time(16), closes=dt.time(8))
    with pytest.raises(ValueError, match="no working days"):
        WorkingHours(weekdays=frozenset()).add(hki(2026, 3, 4, 9), 60)
    with pytest.raises(ValueError, match="naive"):
        OFFICE_HOURS.add(dt.datetime(2026, 3, 4, 9), 60)


def test_a_helsinki_day_is_23_24_or_25_hours():
    def length(day):
        start, end = local_day_window(day)
        return (end - start).total_seconds() / 3600

    assert local_day_window(dt.date(2026, 3, 4))[0] == dt.datetime(2026, 3, 3, 22, 0, tzinfo=dt.UTC)
    assert [length(dt.date(2026, 3, 29)), length(dt.date(2026, 3, 30)), length(dt.date(2026, 10, 25))] == [23, 24, 25]
