"""Transfer a held item: to another queue or to another agent, with a note for whoever takes it next.

The dialog only asks: the inbox dock writes the transfer (off the UI thread). A note over the limit is
refused next to the field, with everything typed kept; a transfer the database refuses reopens the
dialog with the same choices and note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.queues import QueueInfo
from agentdesk.queues.inbox import MAX_NOTE
from agentdesk.staff import StaffMember
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.widgets.labels import channel_label


@dataclass(frozen=True, slots=True)
class TransferChoice:
    to_queue_id: int | None
    to_staff_id: int | None
    note: str


class TransferDialog(QDialog):
    def __init__(
        self,
        queues: Sequence[QueueInfo],
        agents: Sequence[StaffMember],
        *,
        current_queue: int,
        me: int,
        earlier: TransferChoice | None = None,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.choice: TransferChoice | None = None
        self.queue = QComboBox(self)
        self.queue.setObjectName("transferQueue")
        self.queue.addItem("", None)  # keep the queue
        for q in queues:
            if q.id != current_queue:
                self.queue.addItem(f"{q.name} · {channel_label(q.channel)}", q.id)
        self.agent = QComboBox(self)
        self.agent.setObjectName("transferAgent")
        self.agent.addItem("", None)  # nobody in particular
        for a in agents:
            if a.id != me:
                self.agent.addItem(a.display_name, a.id)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("transferNote")
        self.note.setTabChangesFocus(True)
        self.message = QLabel(self)
        self.message.setObjectName("transferProblem")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel#transferProblem { color: #b3261e; }")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.queue_label, self.agent_label, self.note_label = QLabel(self), QLabel(self), QLabel(self)
        self.form.addRow(self.queue_label, self.queue)
        self.form.addRow(self.agent_label, self.agent)
        self.form.addRow(self.note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if earlier is not None:
            self.queue.setCurrentIndex(max(0, self.queue.findData(earlier.to_queue_id)))
            self.agent.setCurrentIndex(max(0, self.agent.findData(earlier.to_staff_id)))
            self.note.setPlainText(earlier.note)
        self._retranslate()
        self.message.setText(problem)
        self.message.setVisible(bool(problem))

    @Slot()
    def _ok(self) -> None:
        queue, agent, note = self.queue.currentData(), self.agent.currentData(), self.note.toPlainText().strip()
        if queue is None and agent is None:
            self._refuse(self.tr("Choose a queue or an agent to transfer to."))
            self.queue.setFocus()
            return
        if len(note) > MAX_NOTE:
            self._refuse(fill(self.tr("The note is %1 characters long; at most %2 fit."), len(note), MAX_NOTE))
            self.note.setFocus()
            return
        self.choice = TransferChoice(queue, agent, note)
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transfer"))
        self.queue_label.setText(self.tr("To &queue:"))
        self.queue_label.setBuddy(self.queue)
        self.agent_label.setText(self.tr("To &agent:"))
        self.agent_label.setBuddy(self.agent)
        self.note_label.setText(self.tr("&Note:"))
        self.note_label.setBuddy(self.note)
        self.queue.setItemText(0, self.tr("(this queue)"))
        self.agent.setItemText(0, self.tr("(anyone in the queue)"))
        self.note.setPlaceholderText(self.tr("What the next agent should know"))
