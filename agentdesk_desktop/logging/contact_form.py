"""The fields of one contact: customer, channel, topic, department, notes, outcome and case.

:class:`ContactForm` turns what is typed into an :class:`InteractionDraft` and back, and shows
each validation message in red under the field it belongs to. It does no I/O; the
:class:`~agentdesk_desktop.logging.interaction_panel.InteractionPanel` around it saves drafts and contacts.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from agentdesk.customer_overview import CaseView
from agentdesk.interaction_log import InteractionDraft
from agentdesk.storage.models import Channel, Outcome
from agentdesk.topics import Topic
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.logging.field_messages import interaction_error_text
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.department_label import department_label
from agentdesk_desktop.widgets.field_rows import FieldRows
from agentdesk_desktop.widgets.labels import channel_label, outcome_label, ui_language

OUTCOMES = (Outcome.RESOLVED_FIRST_CONTACT, Outcome.FORWARDED, Outcome.CASE_CREATED)
CHANNELS = (Channel.PHONE, Channel.EMAIL, Channel.WALK_IN, Channel.WEB)
NO_CASE, NEW_CASE = -1, -2


@dataclass(frozen=True, slots=True)
class Department:
    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class FormExtras:
    """What a draft needs besides the InteractionDraft to come back exactly as typed."""

    unidentified: bool
    topic_text: str  # a topic typed but not (yet) matching one in the list
    case_title: str  # kept even while "Open a new case" is not chosen


def _ten_working_days(today: dt.date) -> dt.date:
    from agentdesk.cases.calendar import FINNISH_CALENDAR

    return FINNISH_CALENDAR.add_working_days(today, 10)


class ContactForm(QWidget):
    changed = Signal()  # the agent changed something (not sent while the form is filled in code)

    def __init__(self, topics: Sequence[Topic], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A new case's default due date from today: the desk sets the profile's (DeskServices.new_case_due).
        self.new_case_due: Callable[[dt.date], dt.date] = _ten_working_days
        self.setObjectName("contactForm")
        self._topics = {t.code: t for t in topics}
        self._topic_order = list(topics)
        self._departments: list[Department] = []
        self._cases: list[CaseView] = []
        self.customer_id: int | None = None
        self.customer_name = ""
        self._filling = False
        self._build()
        self._connect()
        self._retranslate()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(5)
        self.rows = FieldRows(form, self)

        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("contactCustomer")
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unidentified = QCheckBox(self)
        self.unidentified.setObjectName("unidentifiedCaller")
        customer_box = QWidget(self)
        column = QVBoxLayout(customer_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.customer_label)
        column.addWidget(self.unidentified)
        self.rows.add("customer", customer_box, buddy=self.unidentified)

        self.channel = QComboBox(self)
        self.channel.setObjectName("contactChannel")
        for channel in CHANNELS:
            self.channel.addItem("", channel.value)
        self.rows.add("channel", self.channel)

        self.topic = QComboBox(self)
        self.topic.setObjectName("contactTopic")
        self.topic.setEditable(True)
        self.topic.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.topic.setMaxVisibleItems(15)
        completer = QCompleter(self.topic.model(), self.topic)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.topic.setCompleter(completer)
        self.rows.add("topic", self.topic)

        self.department = QComboBox(self)
        self.department.setObjectName("contactDepartment")
        self.rows.add("department", self.department)

        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("contactNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.rows.add("notes", self.notes, grow=True)

        outcome_box = QWidget(self)
        column = QVBoxLayout(outcome_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[Outcome, QRadioButton] = {}
        for i, outcome in enumerate(OUTCOMES):
            button = QRadioButton(outcome_box)
            button.setObjectName(f"outcome_{outcome.value}")
            self.outcome_group.addButton(button, i)
            self.outcome_buttons[outcome] = button
            column.addWidget(button)
        self.rows.add("outcome", outcome_box, buddy=self.outcome_buttons[OUTCOMES[0]])

        case_box = QWidget(self)
        column = QVBoxLayout(case_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.case = QComboBox(case_box)
        self.case.setObjectName("contactCase")
        self.case_title = QLineEdit(case_box)
        self.case_title.setObjectName("newCaseTitle")
        self.case_due = QDateEdit(case_box)
        self.case_due.setObjectName("newCaseDue")
        self.case_due.setCalendarPopup(True)
        self.case_due.setDisplayFormat("d.M.yyyy")
        self.case_due_label = QLabel(case_box)
        self.case_due_label.setBuddy(self.case_due)
        due_row = QHBoxLayout()
        due_row.addWidget(self.case_due_label)
        due_row.addWidget(self.case_due, 1)
        column.addWidget(self.case)
        column.addWidget(self.case_title)
        column.addLayout(due_row)
        self.rows.add("case", case_box, error_keys=("case", "new_case_due"), buddy=self.case)
        self.rows.set_focus_widget("new_case_due", self.case_due)

        chain = (
            self.unidentified,
            self.channel,
            self.topic,
            self.department,
            self.notes,
            *self.outcome_buttons.values(),
            self.case,
            self.case_title,
            self.case_due,
        )
        for a, b in itertools.pairwise(chain):
            self.setTabOrder(a, b)
        self._update_case_fields()

    def _connect(self) -> None:
        self.channel.currentIndexChanged.connect(self._emit_changed)
        self.topic.currentTextChanged.connect(self._topic_changed)
        self.department.currentIndexChanged.connect(self._emit_changed)
        self.notes.textChanged.connect(self._emit_changed)
        self.outcome_group.idToggled.connect(lambda _id, on: on and self._emit_changed())
        self.case.currentIndexChanged.connect(self._case_changed)
        self.case_title.textChanged.connect(self._emit_changed)
        self.case_due.dateChanged.connect(self._emit_changed)
        self.unidentified.toggled.connect(self._unidentified_toggled)

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # Topic labels follow the locale, which agentdesk_desktop.i18n sets just after installing the translator.
            QTimer.singleShot(0, self, self._fill_topics)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        titles = {
            "customer": self.tr("Customer"),
            "channel": self.tr("Cha&nnel"),
            "topic": self.tr("&Topic"),
            "department": self.tr("&Department"),
            "notes": self.tr("N&otes"),
            "outcome": self.tr("O&utcome"),
            "case": self.tr("C&ase"),
        }
        for key, label in self.rows.titles.items():
            label.setText(titles[key])
        self.unidentified.setText(self.tr("Caller not identified"))
        for i, channel in enumerate(CHANNELS):
            self.channel.setItemText(i, channel_label(channel))
        for outcome, button in self.outcome_buttons.items():
            button.setText(outcome_label(outcome))
        topic_edit = self.topic.lineEdit()  # the topic box is editable: it has one
        if topic_edit is not None:
            topic_edit.setPlaceholderText(self.tr("Type to find a topic…"))
        self.case_title.setPlaceholderText(self.tr("Title of the new case"))
        self.case_due_label.setText(self.tr("Due"))
        self._fill_topics()
        self._fill_departments()
        self._fill_cases()
        self._update_customer_label()

    def _update_customer_label(self) -> None:
        if self.customer_id is None or self.unidentified.isChecked():
            self.customer_label.setText(self.tr("Unidentified caller"))
        else:
            self.customer_label.setText(self.customer_name or fill(self.tr("Customer %1"), self.customer_id))
        self.unidentified.setVisible(self.customer_id is not None)

    # -- the lists -----------------------------------------------------------------------------

    def set_customer(self, customer_id: int | None, name: str) -> None:
        self.customer_id, self.customer_name = customer_id, name
        self._update_customer_label()

    def set_departments(self, departments: Sequence[tuple[int, str, str]]) -> None:
        """(id, code, name) as :meth:`InteractionLog.departments` gives them."""
        self._departments = [Department(*d) for d in departments]
        self._fill_departments()

    def set_open_cases(self, cases: Sequence[CaseView]) -> None:
        self._cases = list(cases)
        self._fill_cases()

    def link_new_case(self, case: CaseView) -> None:
        """A case filed for this contact meanwhile (a department plugin's action during the call): it is
        listed and chosen, and the outcome becomes "case created" unless another was chosen."""
        if all(c.id != case.id for c in self._cases):
            self._cases.append(case)
        self._fill_cases()
        self.case.setCurrentIndex(max(self.case.findData(case.id), 0))
        if self.outcome_group.checkedId() < 0:
            self.outcome_buttons[Outcome.CASE_CREATED].setChecked(True)
        self._emit_changed()

    def _quietly(self, combo: QComboBox, fill_items: Callable[[], None]) -> None:
        was = self._filling
        self._filling = True
        combo.blockSignals(True)
        try:
            fill_items()
        finally:
            combo.blockSignals(False)
            self._filling = was

    def _fill_topics(self) -> None:
        code, text = self.topic_code(), self.topic.currentText()
        lang = ui_language()

        def items() -> None:
            self.topic.clear()
            for t in sorted(self._topic_order, key=lambda t: t.label(lang).casefold()):
                self.topic.addItem(t.label(lang), t.code)
            self._set_topic(code, text)

        self._quietly(self.topic, items)

    def _set_topic(self, code: str, text: str = "") -> None:
        index = self.topic.findData(code) if code else -1
        self.topic.setCurrentIndex(index)
        self.topic.setEditText(self.topic.itemText(index) if index >= 0 else text)

    def topic_code(self) -> str:
        """The code of the topic whose label is typed; '' when the text matches none."""
        text = self.topic.currentText().strip()
        if not text:
            return ""
        index = self.topic.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.topic.itemData(index))  # the items' data are topic codes
        return text if text in self._topics else ""

    def _fill_departments(self) -> None:
        current = self.department.currentData()

        def items() -> None:
            self.department.clear()
            self.department.addItem(self.tr("— none —"), None)
            for d in self._departments:
                self.department.addItem(department_label(d.code, d.name), d.id)
            index = self.department.findData(current) if current is not None else 0
            self.department.setCurrentIndex(max(index, 0))

        self._quietly(self.department, items)

    def _fill_cases(self) -> None:
        current = self.case.currentData()

        def items() -> None:
            self.case.clear()
            self.case.addItem(self.tr("No case"), NO_CASE)
            self.case.addItem(self.tr("Open a new case…"), NEW_CASE)
            for c in self._cases:
                text = fill(self.tr("Link to case #%1: %2"), c.id, c.title)
                if c.due_date:
                    text += " " + fill(self.tr("(due %1)"), format_day(c.due_date))
                self.case.addItem(text, c.id)
            index = self.case.findData(current) if current is not None else 0
            self.case.setCurrentIndex(max(index, 0))

        self._quietly(self.case, items)
        self._update_case_fields()

    # -- reacting to the agent -----------------------------------------------------------------

    @Slot()
    def _emit_changed(self) -> None:
        if not self._filling:
            self.changed.emit()

    @Slot(str)
    def _topic_changed(self, _text: str) -> None:
        if self._filling:
            return
        topic = self._topics.get(self.topic_code())
        if topic is not None and self.department.currentData() is None:
            # The topic's own department is the likely one; the agent can change it.
            match = next((d for d in self._departments if d.code == topic.department_code), None)
            if match is not None:
                self.department.setCurrentIndex(self.department.findData(match.id))
        self._emit_changed()

    @Slot(int)
    def _case_changed(self, _index: int) -> None:
        self._update_case_fields()
        self._emit_changed()

    @Slot(bool)
    def _unidentified_toggled(self, _on: bool) -> None:
        self._update_customer_label()
        self._emit_changed()

    def _update_case_fields(self) -> None:
        new = self.case.currentData() == NEW_CASE
        for widget in (self.case_title, self.case_due, self.case_due_label):
            widget.setVisible(new)
        self.rows.set_focus_widget("case", self.case_title if new else self.case)

    # -- the form <-> a draft ------------------------------------------------------------------

    def draft(self, started_at: dt.datetime) -> InteractionDraft:
        case_data = self.case.currentData()
        checked = self.outcome_group.checkedId()
        new_case = case_data == NEW_CASE
        return InteractionDraft(
            channel=Channel(self.channel.currentData() or Channel.PHONE),
            started_at=started_at,
            customer_id=None if self.unidentified.isChecked() else self.customer_id,
            topic=self.topic_code(),
            department_id=self.department.currentData(),
            notes=self.notes.toPlainText(),
            outcome=OUTCOMES[checked] if checked >= 0 else None,
            case_id=case_data if isinstance(case_data, int) and case_data > 0 else None,
            new_case_title=self.case_title.text() if new_case else "",
            new_case_due=_day(self.case_due.date()) if new_case else None,
        )

    def extras(self) -> FormExtras:
        return FormExtras(
            self.unidentified.isChecked() or self.customer_id is None, self.topic.currentText(), self.case_title.text()
        )

    def fill(self, draft: InteractionDraft, extras: FormExtras | None = None) -> None:
        """Show the draft in the fields (without sending :attr:`changed`)."""
        extras = extras or FormExtras(draft.customer_id is None, "", "")
        self._filling = True
        try:
            self.clear_errors()
            self.unidentified.setChecked(extras.unidentified and self.customer_id is not None)
            self.channel.setCurrentIndex(max(self.channel.findData(draft.channel.value), 0))
            self._set_topic(draft.topic, extras.topic_text)
            index = self.department.findData(draft.department_id) if draft.department_id is not None else 0
            self.department.setCurrentIndex(max(index, 0))
            self.notes.setPlainText(draft.notes)
            self.outcome_group.setExclusive(False)
            for outcome, button in self.outcome_buttons.items():
                button.setChecked(outcome is draft.outcome)
            self.outcome_group.setExclusive(True)
            today = QDate.currentDate()
            self.case_due.setMinimumDate(today)
            if draft.case_id is not None and self.case.findData(draft.case_id) >= 0:
                self.case.setCurrentIndex(self.case.findData(draft.case_id))
            elif draft.new_case_title or draft.new_case_due:
                self.case.setCurrentIndex(self.case.findData(NEW_CASE))
            else:
                self.case.setCurrentIndex(0)
            self.case_title.setText(draft.new_case_title or extras.case_title)
            due = draft.new_case_due
            if due is None:  # the department's deadline in working days (holidays and closed days skipped)
                due = self.new_case_due(_day(today))
            self.case_due.setDate(QDate(due.year, due.month, due.day))
            self._update_case_fields()
            self._update_customer_label()
        finally:
            self._filling = False

    # -- messages at the fields ---------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each message under its field and move the focus to the first one; returns the
        messages that belong to no field."""
        return self.rows.show(errors, interaction_error_text)

    def clear_errors(self) -> None:
        self.rows.clear()

    def field_errors(self) -> dict[str, str]:
        """The messages now shown at the fields (tests, accessibility)."""
        return self.rows.shown()


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())
