"""The page a customer tab shows when the customer could not be opened at all (nothing to show from
before): why, and "Try again" unless the customer is gone. Its texts keep the overview's
translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.customer_register import CustomerNotFound

_CONTEXT = "CustomerOverviewView"


class OpenFailurePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewFailure")
        self.text = QLabel(self)
        self.text.setObjectName("overviewFailureText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("overviewRetry")
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.text)
        column.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)

    def retranslate(self) -> None:
        self.retry_button.setText(QCoreApplication.translate(_CONTEXT, "Try again"))

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, CustomerNotFound):
            self.text.setText(QCoreApplication.translate(_CONTEXT, "This customer is no longer in the register."))
            self.retry_button.hide()
        else:
            self.text.setText(
                QCoreApplication.translate(
                    _CONTEXT,
                    "The customer could not be opened. Check the network connection "
                    "and try again; if the problem continues, contact IT support.",
                )
            )
            self.retry_button.show()
