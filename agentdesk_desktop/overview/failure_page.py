"""The page a customer tab shows when its customer could not be opened: a line saying why, and Try again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def failure_page(parent: QWidget, retry: Callable[[], None]) -> tuple[QWidget, QLabel, QPushButton]:
    """The page, its text and its retry button (the view sets the texts: they depend on what failed)."""
    page = QWidget(parent)
    page.setObjectName("overviewFailure")
    text = QLabel(page)
    text.setObjectName("overviewFailureText")
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    button = QPushButton(page)
    button.setObjectName("overviewRetry")
    button.clicked.connect(retry)
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addWidget(text)
    column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
    column.addStretch(1)
    return page, text, button
