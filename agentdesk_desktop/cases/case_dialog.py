"""One service case: where it stands, its whole history, and the agent's next step.

A non-modal dialog opened from a customer's open cases. The case is read, and a change is written,
off the UI thread (:class:`agentdesk_desktop.background.Background`); the change's notice goes out on
the desk's change bus, so the customer's open tabs refresh their cases. A refused change (not
allowed from the case's state, a missing note, a stale change made elsewhere first) says exactly what
to do and keeps what the agent wrote::

    CaseDialog(case_id, services.cases, background, actor=staff.username,
               departments=services.staff.departments, parent=window).show()
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.cases import CaseChange, CaseConflict, CaseService, CaseSnapshot, InvalidTransition
from agentdesk.queues import HELSINKI
from agentdesk.staff import DepartmentInfo
from agentdesk.storage.kinds import CaseStatus
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.department_label import department_label
from agentdesk_desktop.widgets.labels import case_status_label

log = logging.getLogger(__name__)

WHEN, WHO, CHANGE, DEPARTMENT, ASSIGNEE, NOTE = range(6)
HISTORY_COLUMNS = 6
_KEEP = -1  # the department combo's "keep" entry


def _when(value: dt.datetime) -> str:
    local = value.astimezone(HELSINKI)  # every time in the desk is Helsinki time
    return f"{local.day}.{local.month}.{local.year} {local:%H:%M}"


class CaseDialog(QDialog):
    def __init__(
        self,
        case_id: int,
        cases: CaseService,
        background: Background,
        *,
        actor: str,
        departments: Callable[[], Sequence[DepartmentInfo]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        self.case_id = case_id
        self._cases, self._bg, self._actor, self._departments_fn = cases, background, actor, departments
        self._latest = LatestOnly()
        self.snapshot: CaseSnapshot | None = None
        self._department_names: dict[str, str] = {}  # stored name → name in the desk's language
        self.saving = False

        self.heading = QLabel(self)
        self.heading.setObjectName("caseHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.facts = QLabel(self)
        self.facts.setObjectName("caseFacts")
        self.facts.setWordWrap(True)
        self.history = QTableWidget(0, HISTORY_COLUMNS, self)
        self.history.setObjectName("caseHistory")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)

        self.status_box = QComboBox(self)
        self.status_box.setObjectName("caseNextStatus")
        self.department_box = QComboBox(self)
        self.department_box.setObjectName("caseDepartment")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("caseNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.message = QLabel(self)
        self.message.setObjectName("caseMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.form = QFormLayout()
        self.status_label, self.department_label, self.note_label = QLabel(self), QLabel(self), QLabel(self)
        for label, field in (
            (self.status_label, self.status_box),
            (self.department_label, self.department_box),
            (self.note_label, self.note),
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("caseApply")
        self.apply_button.setDefault(False)
        self.apply_button.setAutoDefault(False)
        self.apply_button.clicked.connect(self.apply)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.apply)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.history, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self.status_box.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self._retranslate()
        self._update_buttons()
        self.load()
        self._bg.read(self._departments_fn, owner=self).on_success(self._departments_loaded).on_failure(
            lambda exc: log.warning("the departments could not be read (%s)", type(exc).__name__)
        )

    # -- reading -----------------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        self.facts.setText(self.tr("Loading…"))
        self._bg.read(self._cases.snapshot, self.case_id, token=self._latest.next(), owner=self).on_success(
            self._loaded
        ).on_failure(self._load_failed)

    def _loaded(self, snapshot: CaseSnapshot) -> None:
        self.snapshot = snapshot
        self.heading.setText(snapshot.title)
        self.facts.setText(self._facts(snapshot))
        self.history.setRowCount(len(snapshot.history))
        for row, e in enumerate(snapshot.history):
            change = (
                fill(self.tr("%1 → %2"), case_status_label(e.from_status), case_status_label(e.to_status))
                if e.from_status is not None
                else fill(self.tr("Filed as %1"), case_status_label(e.to_status))
            )
            department = self._department_text(e.department_name)
            cells = (_when(e.at), e.actor, change, department, e.assignee_name or "", e.note)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(row, column, item)
        self.history.scrollToBottom()
        chosen = self.status_box.currentData()
        self.status_box.clear()
        for status in CaseStatus:  # in lifecycle order, only those allowed now
            if status in snapshot.next_states:
                self.status_box.addItem(case_status_label(status), status.value)  # Qt keeps a str enum as str
        if chosen is not None and (index := self.status_box.findData(chosen)) >= 0:
            self.status_box.setCurrentIndex(index)
        self._update_buttons()

    def _facts(self, c: CaseSnapshot) -> str:
        parts = [case_status_label(c.status)]
        if c.department_name:
            parts.append(self._department_text(c.department_name))
        if c.assignee_name:
            parts.append(fill(self.tr("assigned to %1"), c.assignee_name))
        if c.due_date is not None:
            if c.working_days_left is None:
                parts.append(fill(self.tr("was due %1"), format_day(c.due_date)))
            elif c.working_days_left < 0:
                parts.append(
                    fill(self.tr("due %1, %2 working days overdue"), format_day(c.due_date), -c.working_days_left)
                )
            else:
                parts.append(fill(self.tr("due %1, %2 working days left"), format_day(c.due_date), c.working_days_left))
        if c.backoffice_ref:
            parts.append(fill(self.tr("back office %1 %2"), c.backoffice_system, c.backoffice_ref))
        return " · ".join(parts)

    def _load_failed(self, exc: BaseException) -> None:
        log.error("a case could not be read (%s)", type(exc).__name__)
        self.facts.setText(self.tr("The case could not be read; close this and open it again."))
        self._update_buttons()

    def _departments_loaded(self, departments: Sequence[DepartmentInfo]) -> None:
        self.department_box.clear()
        self.department_box.addItem(self.tr("(keep)"), _KEEP)
        for d in departments:
            self.department_box.addItem(department_label(d.code, d.name), d.id)
        self._department_names = {d.name: department_label(d.code, d.name) for d in departments}
        if self.snapshot is not None:  # read first: its department names in the desk's language now
            self.facts.setText(self._facts(self.snapshot))
            for row, e in enumerate(self.snapshot.history):
                item = self.history.item(row, 3)
                if item is not None:
                    item.setText(self._department_text(e.department_name))
                    item.setToolTip(item.text())

    def _department_text(self, name: str | None) -> str:
        return self._department_names.get(name, name) if name else ""

    # -- changing ----------------------------------------------------------------------------

    @Slot()
    def apply(self) -> None:
        if self.saving or self.snapshot is None or self.status_box.currentData() is None:
            return
        department = self.department_box.currentData()
        change = CaseChange(
            self.case_id,
            CaseStatus(self.status_box.currentData()),
            self.snapshot.version,
            note=self.note.toPlainText(),
            department_id=None if department in (None, _KEEP) else int(department),
        )
        self.saving = True
        self.message.clear()
        self._update_buttons()
        self._bg.write(lambda: self._cases.change(change, actor=self._actor), owner=self).on_success(
            self._applied
        ).on_failure(self._apply_failed)

    def _applied(self, _result: object) -> None:
        self.saving = False
        self.note.clear()  # written into the history; nothing else typed is lost
        self.department_box.setCurrentIndex(0)
        self.load()

    def _apply_failed(self, exc: BaseException) -> None:
        self.saving = False
        if isinstance(exc, CaseConflict):
            self.message.setText(
                self.tr("Someone else changed this case meanwhile. It is shown as it is now; your note is kept.")
            )
            self.load()
        elif isinstance(exc, InvalidTransition):
            self.message.setText(self._refusal(exc.field))
            (self.note if exc.field == "note" else self.status_box).setFocus()
        else:
            log.error("a case change was not saved (%s)", type(exc).__name__)
            self.message.setText(self.tr("The change was not saved (the database could not be reached); try again."))
        self._update_buttons()

    def _refusal(self, field: str) -> str:
        return {
            "note": self.tr("Write a note saying why: it stays in the case's history."),
            "department": self.tr("Choose the department to assign the case to."),
            "assignee": self.tr("That person is no longer on the staff list; choose another."),
            "due_date": self.tr("The due date cannot be before the case was filed."),
        }.get(field, self.tr("That step is not possible from the case's current state; choose another."))

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(
            not self.saving and self.snapshot is not None and self.status_box.currentData() is not None
        )

    # -- Qt ----------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._latest.cancel()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.snapshot is not None:
                self._loaded(self.snapshot)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Service case"))
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Change"),
                self.tr("Department"),
                self.tr("Assigned to"),
                self.tr("Note"),
            ]
        )
        self.status_label.setText(self.tr("&Next step"))
        self.department_label.setText(self.tr("&Department"))
        self.note_label.setText(self.tr("N&ote"))
        self.apply_button.setText(self.tr("&Apply"))
        self.apply_button.setToolTip(self.tr("Apply the next step (Ctrl+Enter)"))
        self.history.setAccessibleName(self.tr("Case history"))
        if self.department_box.count():
            self.department_box.setItemText(0, self.tr("(keep)"))
