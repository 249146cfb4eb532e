"""The cases that are overdue or due soon, in the agent's inbox dock: the agent's own and those of the
departments of the queues they work (:meth:`agentdesk.cases.CaseService.agent_deadlines`), with a badge
("2 overdue · 3 due soon") and the working days left. Double-click or Enter opens the case (its history
and next step) over the customer's tab. Read on the background helper with the inbox.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from agentdesk.cases import CaseDeadline
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.services import DeskServices
from agentdesk_desktop.widgets.compact_tree import CompactTree
from agentdesk_desktop.widgets.labels import case_status_label

log = logging.getLogger(__name__)

DUE_SOON_WORKING_DAYS = 2
OVERDUE = QColor("#b00020")
_CASE = Qt.ItemDataRole.UserRole


def agent_deadlines(services: DeskServices, staff_id: int) -> list[CaseDeadline]:
    """The background read: the departments of the agent's queues, then their deadlines."""
    departments = frozenset(q.department_id for q in services.queues.queues_of(staff_id) if q.department_id)
    return services.cases.agent_deadlines(staff_id, departments, within_working_days=DUE_SOON_WORKING_DAYS)


class DueCases(QWidget):
    case_requested = Signal(int, int)  # case id, customer id (0: none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueCases")
        self.deadlines: list[CaseDeadline] = []
        self.badge = QLabel(self)
        self.badge.setObjectName("dueCasesBadge")
        self.list = CompactTree(3, self)
        self.list.setObjectName("dueCasesList")
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(3)
        self.list.setMaximumHeight(120)
        self.list.itemActivated.connect(lambda row, _col: self._open(row))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.list)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.list.setHeaderLabels([self.tr("Case"), self.tr("Status"), self.tr("Due")])
        self.list.setAccessibleName(self.tr("Cases overdue or due soon"))
        self.show_deadlines(self.deadlines)

    def show_deadlines(self, deadlines: list[CaseDeadline]) -> None:
        self.deadlines = deadlines
        overdue = sum(1 for d in deadlines if d.overdue)
        soon = len(deadlines) - overdue
        if not deadlines:
            self.badge.setText(self.tr("No cases overdue or due soon."))
        else:
            self.badge.setText(fill(self.tr("Cases: %1 overdue · %2 due soon"), overdue, soon))
        self.badge.setStyleSheet("font-weight: bold; color: #b00020;" if overdue else "")
        self.list.clear()
        self.list.setVisible(bool(deadlines))
        for d in deadlines:
            if d.overdue:
                late = -d.working_days_left
                due = self.tr("1 working day overdue") if late == 1 else fill(self.tr("%1 working days overdue"), late)
            elif d.working_days_left == 0:
                due = self.tr("due today")
            else:
                left = d.working_days_left
                due = self.tr("due in 1 working day") if left == 1 else fill(self.tr("due in %1 working days"), left)
            row = QTreeWidgetItem([f"#{d.case_id} {d.title}", case_status_label(d.status), due])
            row.setData(0, _CASE, d)
            if d.overdue:
                for column in range(3):
                    row.setForeground(column, QBrush(OVERDUE))
            self.list.addTopLevelItem(row)

    def _open(self, row: QTreeWidgetItem) -> None:
        deadline = row.data(0, _CASE)
        if isinstance(deadline, CaseDeadline):
            self.case_requested.emit(deadline.case_id, deadline.customer_id or 0)
