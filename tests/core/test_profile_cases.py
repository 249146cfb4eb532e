"""The profile's [cases] table: due days and closed days become the desk's working calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from agentdesk.cases import WorkingCalendar
from agentdesk.deployment.profile import check_profile, parse_profile

HEAD = """\
profile_version = 1
[department]
code = "water"
name = { fi = "Vesihuolto", sv = "Vattenförsörjning", en = "Water" }
"""


def test_a_profile_without_cases_gets_ten_working_days_and_no_closed_days():
    profile = parse_profile(HEAD, "p.toml", installed=None)
    assert profile.cases.due_working_days == 10 and profile.cases.closed_days == ()


def test_closed_days_given_as_toml_dates_or_text_close_the_calendar():
    text = HEAD + '[cases]\ndue_working_days = 5\nclosed_days = [2026-12-29, "2026-12-28"]\n'
    settings = parse_profile(text, "p.toml", installed=None).cases
    assert settings.due_working_days == 5
    assert settings.closed_days == (dt.date(2026, 12, 28), dt.date(2026, 12, 29))
    calendar = WorkingCalendar(settings.closed_days)
    assert calendar.add_working_days(dt.date(2026, 12, 23), 1) == dt.date(2026, 12, 30)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("due_working_days = 0", "p.toml: cases.due_working_days: expected a whole number of working days from 1"),
        ('due_working_days = "ten"', "p.toml: cases.due_working_days: expected a whole number"),
        ('closed_days = ["28.12.2026"]', "p.toml: cases.closed_days[0]: '28.12.2026' is not a date: write 2026-12-28"),
        ("closed_days = 2026-12-28", "p.toml: cases.closed_days: expected a list of dates"),
        ("due_workdays = 3", "p.toml: cases.due_workdays: unknown key; did you mean 'due_working_days'?"),
    ],
)
def test_mistakes_in_cases_name_the_key(table, expected):
    problems = [str(p) for p in check_profile(HEAD + "[cases]\n" + table + "\n", "p.toml", installed=None)]
    assert any(p.startswith(expected) for p in problems), problems
