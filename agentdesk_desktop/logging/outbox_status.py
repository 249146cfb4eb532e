"""The status bar's word on the offline outbox: "Offline — 2 contacts waiting" while contacts wait
for the database (:class:`~agentdesk_desktop.logging.contact_outbox.ContactOutbox`), nothing once they are
stored; a short message when they were sent, or when the database refused one (it is an unsaved
contact again)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from agentdesk_desktop.logging.contact_outbox import ContactOutbox

MESSAGE_MS = 10_000


class OutboxStatus(QLabel):
    def __init__(self, outbox: ContactOutbox, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.setObjectName("outboxStatus")
        self._outbox, self._bar = outbox, bar
        self.setStyleSheet("QLabel#outboxStatus { color: #8a4b00; font-weight: bold; }")
        outbox.count_changed.connect(self._count)
        outbox.sent.connect(self._sent)
        outbox.rejected.connect(self._rejected)
        bar.addPermanentWidget(self)
        self._count(outbox.waiting)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._count(self._outbox.waiting)
        super().changeEvent(event)

    @Slot(int)
    def _count(self, waiting: int) -> None:
        self.setText(self.tr("Offline — %n contact(s) waiting", "", waiting) if waiting else "")
        self.setToolTip(
            self.tr(
                "The database cannot be reached. Saved contacts wait encrypted on this computer and "
                "are sent automatically when it answers again."
            )
            if waiting
            else ""
        )
        self.setAccessibleName(self.text())
        self.setVisible(waiting > 0)

    @Slot(int)
    def _sent(self, count: int) -> None:
        if not self._outbox.waiting:
            self._bar.showMessage(
                self.tr("Database reachable again: %n waiting contact(s) saved.", "", count), MESSAGE_MS
            )

    @Slot(int)
    def _rejected(self, count: int) -> None:
        self._bar.showMessage(
            self.tr(
                "%n waiting contact(s) could not be saved: open the customer to check it and save it again.",
                "",
                count,
            )
        )
