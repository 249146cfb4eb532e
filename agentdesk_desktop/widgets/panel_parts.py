"""Plain pieces of the desk's panels: the reception's big ticket numbers, a bold heading, a monospace
handle-time clock and its text, and a notice banner with buttons (the contact panel's "restore the
unsaved contact?" strip)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

BANNER_STYLE = (
    "QFrame#{name} {{ background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }}"
    " QFrame#{name} QLabel {{ color: #4d3800; }}"
)


def clock_text(seconds: float) -> str:
    """Handle time as mm:ss (minutes keep counting past 59)."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def big_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel("—", parent)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 4.5)
    font.setBold(True)
    label.setFont(font)
    label.setMinimumHeight(label.fontMetrics().height() + 12)
    return label


def heading_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def clock_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel("00:00", parent)
    label.setObjectName(name)
    font = label.font()
    font.setFamily("monospace")
    font.setStyleHint(font.StyleHint.Monospace)
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class NoticeBanner(QFrame):
    """A yellow strip: a wrapped text and, on its right, the buttons added with :meth:`add_button`."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(BANNER_STYLE.format(name=name))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.addWidget(self.text, 1)

    def add_button(self, name: str, clicked: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(clicked)
        self._layout.addWidget(button)
        return button
