"""Shown instead of a restricted customer's overview to someone the restriction does not name: what the
record is (restricted, and why), and *Break the glass*: with a purpose typed in, the access is audited
as ``break_glass`` (the data protection officer's view lists those) and the record opens for a few
hours to this staff member only (:mod:`agentdesk.restricted_customers`). Nothing of the customer is
read before that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from agentdesk.need_to_know import Viewer
from agentdesk.restricted_customers import RestrictedCustomers
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill

log = logging.getLogger(__name__)


class BreakGlassPage(QWidget):
    opened = Signal(int)  # the glass is broken (customer id): open the overview again

    def __init__(
        self,
        background: Background,
        viewer: Viewer,
        restricted: RestrictedCustomers | None,
        customer_id: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("breakGlassPage")
        self._bg, self._viewer, self._restricted, self._customer_id = background, viewer, restricted, customer_id
        self.reason = ""
        self.text = QLabel(self)
        self.text.setObjectName("breakGlassText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("breakGlassPurpose")
        self.purpose.setMaxLength(200)
        self.purpose.textChanged.connect(self._update)
        self.purpose.returnPressed.connect(self.break_glass)
        self.error = QLabel(self)
        self.error.setObjectName("breakGlassError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(self)
        self.button.setObjectName("breakGlassButton")
        self.button.clicked.connect(self.break_glass)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for w in (self.text, self.purpose, self.error):
            column.addWidget(w)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self._busy = False
        self._retranslate()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.text.setText(
            fill(
                self.tr(
                    "This is a restricted record (%1). Only named roles may open it. If you must open it, "
                    "write why: the access is logged and reported to the data protection officer."
                ),
                self.reason or self.tr("no reason given"),
            )
        )
        self.purpose.setPlaceholderText(self.tr("Why you need to open this record"))
        self.button.setText(self.tr("Break the glass"))

    def show_restricted(self, reason: str) -> None:
        self.reason = reason
        self.error.hide()
        self._retranslate()

    def _update(self) -> None:
        self.button.setEnabled(bool(self.purpose.text().strip()) and not self._busy and self._restricted is not None)

    @Slot()
    def break_glass(self) -> None:
        purpose = self.purpose.text().strip()
        if not purpose or self._busy or self._restricted is None:
            return
        self._busy = True
        self._update()
        job = partial(self._restricted.break_glass, self._customer_id(), viewer=self._viewer, purpose=purpose)
        self._bg.write(job, owner=self).on_success(self._broken).on_failure(self._failed)

    def _broken(self, _none: None) -> None:
        self._busy = False
        self.purpose.clear()  # the purpose is in the audit log; the next restricted record asks again
        self._update()
        events.emit("restricted.break_glass", id=self._customer_id())
        self.opened.emit(self._customer_id())

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.error("breaking the glass failed: %s", type(exc).__name__)
        self.error.setText(self.tr("The record could not be opened. Try again; the purpose you wrote is kept."))
        self.error.show()
        self._update()
