"""Service cases: their lifecycle (status changes with history) and deadlines in working days.

- :mod:`agentdesk.cases.calendar` — Finland's public holidays (the ``holidays`` package, with
  Juhannusaatto and Jouluaatto) plus the closed days a department profile adds; due dates in working days.
- :mod:`agentdesk.cases.lifecycle` — the allowed status changes, each one transaction with its
  history row and audit entry, returning the :class:`agentdesk.changes.Changes` the desk publishes.

Qt-free.
"""

from agentdesk.cases.calendar import FINNISH_CALENDAR, WorkingCalendar
from agentdesk.cases.lifecycle import (
    CaseChange,
    CaseChanged,
    CaseConflict,
    CaseDeadline,
    CaseEventRecord,
    CaseNotFound,
    CaseService,
    CaseSnapshot,
    InvalidTransition,
    allowed_next,
)

__all__ = [
    "FINNISH_CALENDAR",
    "CaseChange",
    "CaseChanged",
    "CaseConflict",
    "CaseDeadline",
    "CaseEventRecord",
    "CaseNotFound",
    "CaseService",
    "CaseSnapshot",
    "InvalidTransition",
    "WorkingCalendar",
    "allowed_next",
]
