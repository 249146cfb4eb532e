"""A tree list that asks for a few rows only.

A QTreeWidget's own size hint is about ten rows high; in a dock under the customer overview that
takes the overview's room on a full-HD screen (the inbox dock). The agent can still drag the dock
larger: this is only what the list asks for at first."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTreeWidget, QWidget


class CompactTree(QTreeWidget):
    def __init__(self, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        row = self.fontMetrics().height() + 6
        height = self.header().sizeHint().height() + self._rows * row + 2 * self.frameWidth()
        return QSize(hint.width(), height)
