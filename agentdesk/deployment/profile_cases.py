"""The ``[cases]`` table of a department profile: how long a new case has, and the days the
department is closed besides Finland's public holidays::

    [cases]
    due_working_days = 10                        # a new case is due in 10 working days
    closed_days = [2026-12-28, 2026-12-29, "2026-12-30"]   # TOML dates or ISO text

Checked like the rest of the profile (file, dotted key, message); read by the desk's composition root
into :class:`agentdesk.cases.WorkingCalendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from agentdesk.deployment.profile_nesting import shown

CASE_KEYS = ("due_working_days", "closed_days")
MAX_DUE_WORKING_DAYS = 250  # about a year of working days
MAX_CLOSED_DAYS = 400


@dataclass(frozen=True)
class CaseSettings:
    due_working_days: int = 10
    closed_days: tuple[dt.date, ...] = ()


def check_cases(table: Mapping[str, Any] | None, problem: Callable[[str, str], None]) -> CaseSettings:
    """The settings of a ``[cases]`` table (defaults without one); each problem goes to ``problem(key, message)``."""
    if table is None:
        return CaseSettings()
    due = table.get("due_working_days", CaseSettings.due_working_days)
    if not isinstance(due, int) or isinstance(due, bool) or not 1 <= due <= MAX_DUE_WORKING_DAYS:
        problem(
            "cases.due_working_days",
            f"expected a whole number of working days from 1 to {MAX_DUE_WORKING_DAYS}, got {shown(due)}",
        )
        due = CaseSettings.due_working_days
    raw_days = table.get("closed_days", [])
    days: list[dt.date] = []
    if not isinstance(raw_days, list):
        problem("cases.closed_days", f"expected a list of dates like [2026-12-28], got {shown(raw_days)}")
        raw_days = []
    if len(raw_days) > MAX_CLOSED_DAYS:
        problem("cases.closed_days", f"{len(raw_days)} closed days; at most {MAX_CLOSED_DAYS}")
        raw_days = []
    for i, value in enumerate(raw_days):
        day = _date(value)
        if day is None:
            problem(f"cases.closed_days[{i}]", f"{shown(value)} is not a date: write 2026-12-28 (year-month-day)")
        else:
            days.append(day)
    return CaseSettings(due, tuple(sorted(set(days))))


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None  # a time of day makes no sense for a closed day
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
