"""The dashboard's case deadlines: how many active cases are overdue and how many fall due within two
working days (Finland's public holidays and the profile's closed days skipped); red while any is overdue."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from agentdesk.queues.statistics import DUE_SOON_WORKING_DAYS, DashboardSnapshot
from agentdesk_desktop.dashboard.looks import ALARM_TEXT, emphasise, text_colour
from agentdesk_desktop.i18n import fill

translate = QCoreApplication.translate


class CaseDeadlines(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDeadlines")
        self.overdue = -1  # nothing shown yet

    def show_snapshot(self, snapshot: DashboardSnapshot) -> None:
        text = fill(
            translate("CaseDeadlines", "Cases: %1 overdue, %2 due within %3 working days"),
            snapshot.cases_overdue,
            snapshot.cases_due_soon,
            DUE_SOON_WORKING_DAYS,
        )
        if text != self.text():
            self.setText(text)
        if (snapshot.cases_overdue > 0) != (self.overdue > 0):
            emphasise(self, bold=snapshot.cases_overdue > 0)
            text_colour(self, ALARM_TEXT if snapshot.cases_overdue > 0 else None)
        self.overdue = snapshot.cases_overdue
