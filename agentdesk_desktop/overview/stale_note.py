"""The line above a customer tab that says its data could not be read again: "Shown from 14:32,
database unreachable" (the time, in Europe/Helsinki, when the shown data was read), with a button
that tries again. Hidden while the data is fresh."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from agentdesk.queues.working_hours import HELSINKI
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.widgets.panel_parts import NoticeBanner


class StaleNote(NoticeBanner):
    retry_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "staleNote")
        self.text.setObjectName("staleNoteText")
        self.retry_button = self.add_button("staleNoteRetry", self.retry_requested.emit)
        self.read_at: dt.datetime | None = None  # when the shown data was read (UTC)
        self._retranslate()
        self.hide()

    def fresh(self, at: dt.datetime | None = None) -> None:
        """The data shown was read just now."""
        self.read_at = at or dt.datetime.now(dt.UTC)
        self.hide()

    def stale(self) -> None:
        """Reading it again failed: the data stays, and this says from when it is."""
        self._retranslate()
        self.show()

    @property
    def is_stale(self) -> bool:
        return not self.isHidden()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        at = (self.read_at or dt.datetime.now(dt.UTC)).astimezone(HELSINKI)
        self.text.setText(fill(self.tr("Shown from %1, database unreachable"), at.strftime("%H:%M")))
        self.text.setAccessibleName(self.text.text())
        self.retry_button.setText(self.tr("Try again"))
