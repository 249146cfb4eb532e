"""How the dashboard looks, without a style sheet.

A style sheet on the window would make Qt draw every widget of it with its style-sheet style, and
re-polish a widget whenever a property it keys on changes: a full repaint of the dashboard took
about twice as long. Fonts and colours are set once on the widgets that need them (palettes),
and the few shapes (a tile's rounded frame, the coloured state counts) are painted directly.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

ALARM_TEXT = QColor("#c62828")
ALARM_BACKGROUND = QColor("#fdecea")
FRAME = QColor("#c4c7cc")
FOCUS = QColor("#1565c0")
MUTED_TEXT = QColor("#555555")


def emphasise(widget: QWidget, *, point_size: float | None = None, bold: bool = True) -> None:
    font = widget.font()
    font.setBold(bold)
    if point_size is not None:
        font.setPointSizeF(point_size)
    widget.setFont(font)


def text_colour(widget: QWidget, colour: QColor | None) -> None:
    """The widget's text in ``colour`` (None: the application's)."""
    if colour is None:
        widget.setPalette(QPalette())  # inherit again
        return
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)


def paint_frame(widget: QWidget, *, alarm: bool, focused: bool, radius: float = 6.0) -> None:
    """A rounded frame: the base colour with a thin grey border; red and thicker in alarm."""
    painter = QPainter(widget)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        width = 2.0 if alarm or focused else 1.0
        colour = FOCUS if focused else ALARM_TEXT if alarm else FRAME
        rect = QRectF(widget.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.setPen(QPen(colour, width))
        painter.setBrush(ALARM_BACKGROUND if alarm else widget.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, radius, radius)
    finally:
        painter.end()


class StateBadge(QLabel):
    """A count of agents in one state: white bold text on the state's colour, rounded."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(colour)
        self.setContentsMargins(8, 2, 8, 2)
        emphasise(self)
        text_colour(self, QColor("white"))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour)
            painter.drawRoundedRect(QRectF(self.rect()), 4, 4)
        finally:
            painter.end()
        super().paintEvent(event)
