"""Walk-in reception: the ticket machine and the agent's service point in one window.

**Ticket machine** (left): choose the service (a walk-in queue), optionally tick "for the customer
in the current tab", press *Issue ticket*; the number (A042) is shown big. The visitor waits in
the queue from now (:meth:`agentdesk.queues.WalkIn.issue_ticket`).

**Service point** (right): *Call next* gives the next visitor of the walk-in queues the agent is a
member of (all walk-in queues when none) to this service point
(:meth:`agentdesk.queues.WalkIn.call_next`); the wait ends there. A ticket with an identified
customer opens their tab. *Finish visit* logs the visit as a walk-in interaction (the ticket number
as external reference, started when the visitor was called) and closes the ticket, both on the
background writer in one transaction: :func:`agentdesk.queues.interaction_draft`,
:meth:`WalkIn.finish_visit`. The core records the wait and service times.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.interaction_log import InteractionDraft, InteractionInvalid, check
from agentdesk.queues import HELSINKI, QueueInfo, Ticket, interaction_draft
from agentdesk.queues.walk_in import FinishedVisit
from agentdesk.staff import StaffMember
from agentdesk.storage.models import Outcome
from agentdesk.topics import Topic
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.logging.field_messages import interaction_error_text
from agentdesk_desktop.reception.reception_services import ReceptionServices, finish_visit_job, walk_in_queues
from agentdesk_desktop.widgets.labels import outcome_label, ui_language
from agentdesk_desktop.widgets.panel_parts import big_label

log = logging.getLogger(__name__)

OUTCOMES = (Outcome.RESOLVED_FIRST_CONTACT, Outcome.FORWARDED, Outcome.UNRESOLVED)
CurrentCustomer = Callable[[], "tuple[int, str] | None"]  # the customer of the main window's current tab


class ReceptionWindow(QMainWindow):
    ticket_issued = Signal(object)  # Ticket
    ticket_called = Signal(object)  # Ticket
    visit_logged = Signal(object)  # SavedInteraction
    open_customer_requested = Signal(int)

    def __init__(
        self,
        services: ReceptionServices,
        background: Background,
        staff: StaffMember,
        topics: Sequence[Topic],
        *,
        current_customer: CurrentCustomer = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receptionWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self._services, self._bg, self._staff, self._topics = services, background, staff, list(topics)
        self._current_customer = current_customer
        self.queues: list[QueueInfo] = []
        self.my_queue_ids: list[int] = []
        self.issued: Ticket | None = None
        self.called: Ticket | None = None
        self.busy = False  # a write is on its way
        self._departments: list[tuple[int, str, str]] = []

        central = QWidget(self)
        self.setCentralWidget(central)
        self._build_machine(central)
        self._build_service_point(central)
        columns = QHBoxLayout(central)
        columns.setContentsMargins(12, 12, 12, 12)
        columns.setSpacing(12)
        columns.addWidget(self.machine_box, 2)
        columns.addWidget(self.point_box, 3)
        self._retranslate()
        self.resize(980, 600)
        self.load()

    # -- building --------------------------------------------------------------------------------

    def _build_machine(self, parent: QWidget) -> None:
        box = self.machine_box = QGroupBox(parent)
        box.setObjectName("ticketMachine")
        self.service = QComboBox(box)
        self.service.setObjectName("ticketService")
        self.service_label = QLabel(box)
        self.service_label.setBuddy(self.service)
        self.for_customer = QCheckBox(box)
        self.for_customer.setObjectName("ticketForCustomer")
        self.issue_button = QPushButton(box)
        self.issue_button.setObjectName("issueTicket")
        self.issue_button.clicked.connect(self.issue_ticket)
        self.ticket_caption = QLabel(box)
        self.ticket_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_number = big_label(box, "issuedTicket")
        self.ticket_info = QLabel(box)
        self.ticket_info.setObjectName("issuedTicketInfo")
        self.ticket_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_info.setWordWrap(True)
        self.machine_message = QLabel(box)
        self.machine_message.setObjectName("machineMessage")
        self.machine_message.setWordWrap(True)
        self.machine_message.setStyleSheet("color: #b3261e;")
        self.machine_message.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(self.service_label)
        layout.addWidget(self.service)
        layout.addWidget(self.for_customer)
        layout.addWidget(self.issue_button)
        layout.addSpacing(16)
        layout.addWidget(self.ticket_caption)
        layout.addWidget(self.ticket_number)
        layout.addWidget(self.ticket_info)
        layout.addWidget(self.machine_message)
        layout.addStretch(1)

    def _build_service_point(self, parent: QWidget) -> None:
        box = self.point_box = QGroupBox(parent)
        box.setObjectName("servicePoint")
        self.point_name = QLineEdit(box)
        self.point_name.setObjectName("servicePointName")
        self.point_name.setMaxLength(64)
        self.point_label = QLabel(box)
        self.point_label.setBuddy(self.point_name)
        self.call_button = QPushButton(box)
        self.call_button.setObjectName("callNext")
        self.call_button.clicked.connect(self.call_next)
        top = QHBoxLayout()
        top.addWidget(self.point_label)
        top.addWidget(self.point_name, 1)
        top.addWidget(self.call_button)

        self.called_number = big_label(box, "calledTicket")
        self.called_info = QLabel(box)
        self.called_info.setObjectName("calledTicketInfo")
        self.called_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.called_info.setWordWrap(True)
        self.open_button = QPushButton(box)
        self.open_button.setObjectName("openVisitor")
        self.open_button.clicked.connect(self._open_visitor)
        self.open_button.hide()

        self.topic = QComboBox(box)
        self.topic.setObjectName("visitTopic")
        self.outcome = QComboBox(box)
        self.outcome.setObjectName("visitOutcome")
        self.department = QComboBox(box)
        self.department.setObjectName("visitDepartment")
        self.notes = QPlainTextEdit(box)
        self.notes.setObjectName("visitNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.form = QFormLayout()
        self.topic_label, self.outcome_label, self.department_label, self.notes_label = (QLabel(box) for _ in range(4))
        for label, field in (
            (self.topic_label, self.topic),
            (self.outcome_label, self.outcome),
            (self.department_label, self.department),
            (self.notes_label, self.notes),
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.finish_button = QPushButton(box)
        self.finish_button.setObjectName("finishVisit")
        self.finish_button.clicked.connect(self.finish_visit)
        self.point_message = QLabel(box)
        self.point_message.setObjectName("servicePointMessage")
        self.point_message.setWordWrap(True)
        self.point_message.setStyleSheet("color: #b3261e;")
        self.point_message.hide()

        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(self.called_number)
        layout.addWidget(self.called_info)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.point_message)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self._set_visit_enabled(False)

    # -- loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        self._bg.read(walk_in_queues, self._services.queues, self._staff.id, owner=self).on_success(
            self._queues_loaded
        ).on_failure(self._load_failed)
        self._bg.read(self._services.departments, owner=self).on_success(self._departments_loaded).on_failure(
            lambda exc: log.info("departments unavailable: %s", type(exc).__name__)
        )

    def _queues_loaded(self, result: tuple[list[QueueInfo], list[QueueInfo]]) -> None:
        every, mine = result
        self.queues, self.my_queue_ids = every, [q.id for q in mine]
        self.service.clear()
        for q in every:
            self.service.addItem(q.name, q.id)
        self.issue_button.setEnabled(bool(every))
        self.call_button.setEnabled(bool(every))
        if not every:
            self._machine_says(self.tr("No walk-in services are set up. Ask the administrator for a walk-in queue."))
        events.emit("reception.loaded", queues=len(every))

    def _load_failed(self, exc: BaseException) -> None:
        log.error("walk-in queues could not be read: %s", type(exc).__name__)
        self._machine_says(self.tr("The services could not be read. Close the window and open it again."))

    def _departments_loaded(self, departments: list[tuple[int, str, str]]) -> None:
        self._departments = departments
        self._fill_departments()

    # -- the ticket machine ----------------------------------------------------------------------

    def refresh_current_customer(self) -> None:
        current = self._current_customer()
        self.for_customer.setEnabled(current is not None)
        if current is None:
            self.for_customer.setChecked(False)
            self.for_customer.setText(self.tr("For the customer in the current tab (none open)"))
        else:
            self.for_customer.setText(fill(self.tr("For the customer in the current tab: %1"), current[1]))

    @Slot()
    def issue_ticket(self) -> None:
        queue_id = self.service.currentData()
        if queue_id is None or self.busy:
            return
        current = self._current_customer() if self.for_customer.isChecked() else None
        self.busy = True
        self.issue_button.setEnabled(False)
        self.machine_message.hide()
        self._bg.write(
            self._services.walk_in.issue_ticket, queue_id, current[0] if current else None, owner=self
        ).on_success(self._issued).on_failure(self._issue_failed)

    def _issued(self, ticket: Ticket) -> None:
        self.busy = False
        self.issue_button.setEnabled(True)
        self.issued = ticket
        self.ticket_number.setText(ticket.number)
        queue = next((q.name for q in self.queues if q.id == ticket.queue_id), "")
        when = ticket.created_at.astimezone(HELSINKI).strftime("%H:%M")
        self.ticket_info.setText(fill(self.tr("%1 · issued at %2"), queue, when))
        events.emit("reception.ticket_issued", ticket=ticket.number)
        self.ticket_issued.emit(ticket)

    def _issue_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.issue_button.setEnabled(True)
        log.error("issuing a ticket failed: %s", type(exc).__name__)
        self._machine_says(self.tr("The ticket could not be issued; try again in a moment."))

    def _machine_says(self, text: str) -> None:
        self.machine_message.setText(text)
        self.machine_message.show()

    # -- the service point -----------------------------------------------------------------------

    @Slot()
    def call_next(self) -> None:
        if self.busy:
            return
        if self.called is not None:
            self._point_says(self.tr("Finish the current visit before calling the next visitor."))
            return
        queue_ids = self.my_queue_ids or [q.id for q in self.queues]
        point = self.point_name.text().strip() or self.point_name.placeholderText()
        self.busy = True
        self.call_button.setEnabled(False)
        self.point_message.hide()
        self._bg.write(self._services.walk_in.call_next, self._staff.id, queue_ids, point, owner=self).on_success(
            self._called
        ).on_failure(self._call_failed)

    def _called(self, ticket: Ticket | None) -> None:
        self.busy = False
        self.call_button.setEnabled(True)
        if ticket is None:
            self.called_number.setText("—")
            self.called_info.setText(self.tr("Nobody is waiting."))
            events.emit("reception.nobody_waiting")
            return
        self.called = ticket
        self.called_number.setText(ticket.number)
        waited = (ticket.called_at or ticket.created_at) - ticket.created_at
        minutes = int(waited.total_seconds() // 60)
        self.called_info.setText(fill(self.tr("Called to %1 · waited %2 min"), ticket.service_point, minutes))
        self.open_button.setVisible(ticket.customer_id is not None)
        self._set_visit_enabled(True)
        self._reset_form()
        self.topic.setFocus()
        events.emit("reception.ticket_called", ticket=ticket.number)
        self.ticket_called.emit(ticket)
        if ticket.customer_id is not None:
            self.open_customer_requested.emit(ticket.customer_id)

    def _call_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.call_button.setEnabled(True)
        log.error("calling the next visitor failed: %s", type(exc).__name__)
        self._point_says(self.tr("The next visitor could not be called; try again in a moment."))

    @Slot()
    def _open_visitor(self) -> None:
        if self.called is not None and self.called.customer_id is not None:
            self.open_customer_requested.emit(self.called.customer_id)

    def visit_draft(self) -> InteractionDraft:
        ticket = self.called
        assert ticket is not None
        outcome = self.outcome.currentData()
        department = self.department.currentData()
        queue = next((q for q in self.queues if q.id == ticket.queue_id), None)
        if department is None and queue is not None:
            department = queue.department_id
        return interaction_draft(
            ticket,
            topic=self.topic.currentData() or "",
            outcome=Outcome(outcome) if outcome else None,
            department_id=department,
            notes=self.notes.toPlainText(),
        )

    @Slot()
    def finish_visit(self) -> None:
        if self.called is None or self.busy:
            return
        draft = self.visit_draft()
        errors = check(draft, known_topics={t.code for t in self._topics})
        if errors:
            self._show_errors(errors)
            return
        self.busy = True
        self.finish_button.setEnabled(False)
        self.point_message.hide()
        self._bg.write(finish_visit_job, self._services, self.called, draft, self._staff, owner=self).on_success(
            self._finished
        ).on_failure(self._finish_failed)

    def _finished(self, finished: FinishedVisit) -> None:
        saved = finished.saved
        self.busy = False
        ticket, self.called = self.called, None
        self._set_visit_enabled(False)
        self.called_number.setText("—")
        self.called_info.setText(fill(self.tr("Visit %1 logged."), ticket.number if ticket else ""))
        self.open_button.hide()
        self._reset_form()
        events.emit("reception.visit_logged", id=saved.id)
        self.visit_logged.emit(saved)
        self.call_button.setFocus()

    def _finish_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.finish_button.setEnabled(True)
        if isinstance(exc, InteractionInvalid):
            self._show_errors(exc.errors)
            return
        log.error("finishing the visit failed: %s", type(exc).__name__)
        self._point_says(self.tr("The visit could not be logged. Nothing you typed is lost; try again in a moment."))

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._point_says("\n".join(interaction_error_text(field, message) for field, message in errors.items()))
        events.emit("reception.invalid", fields=",".join(sorted(errors)))

    def _point_says(self, text: str) -> None:
        self.point_message.setText(text)
        self.point_message.show()

    def _set_visit_enabled(self, enabled: bool) -> None:
        for widget in (self.topic, self.outcome, self.department, self.notes, self.finish_button):
            widget.setEnabled(enabled)

    def _reset_form(self) -> None:
        self.topic.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.department.setCurrentIndex(0)
        self.notes.clear()
        self.point_message.hide()

    # -- texts -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_current_customer()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh_current_customer()
        super().changeEvent(event)

    def _fill_topics(self) -> None:
        current = self.topic.currentData()
        self.topic.clear()
        self.topic.addItem(self.tr("Choose a topic"), None)
        language = ui_language()
        for t in sorted(self._topics, key=lambda t: t.label(language)):
            self.topic.addItem(t.label(language), t.code)
        self.topic.setCurrentIndex(max(0, self.topic.findData(current)) if current else 0)

    def _fill_outcomes(self) -> None:
        current = self.outcome.currentData()
        self.outcome.clear()
        self.outcome.addItem(self.tr("Choose how the visit ended"), None)
        for o in OUTCOMES:
            self.outcome.addItem(outcome_label(o), o.value)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(current)) if current else 0)

    def _fill_departments(self) -> None:
        current = self.department.currentData()
        self.department.clear()
        self.department.addItem(self.tr("The service's own department"), None)
        for dept_id, _code, name in self._departments:
            self.department.addItem(name, dept_id)
        self.department.setCurrentIndex(max(0, self.department.findData(current)) if current else 0)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Walk-in reception – AgentDesk"))
        self.machine_box.setTitle(self.tr("Ticket machine"))
        self.point_box.setTitle(self.tr("My service point"))
        self.service_label.setText(self.tr("&Service"))
        self.issue_button.setText(self.tr("&Issue ticket"))
        self.ticket_caption.setText(self.tr("Ticket number"))
        self.point_label.setText(self.tr("Service &point"))
        self.point_name.setPlaceholderText(self.tr("Desk 1"))
        self.call_button.setText(self.tr("&Call next"))
        self.open_button.setText(self.tr("&Open the customer"))
        self.topic_label.setText(self.tr("&Topic"))
        self.outcome_label.setText(self.tr("O&utcome"))
        self.department_label.setText(self.tr("&Department"))
        self.notes_label.setText(self.tr("&Notes"))
        self.finish_button.setText(self.tr("&Finish visit"))
        self._fill_topics()
        self._fill_outcomes()
        self._fill_departments()
        self.refresh_current_customer()
        if self.called is None and self.called_info.text() == "":
            self.called_info.setText(self.tr("Press Call next when you are free."))
