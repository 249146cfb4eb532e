"""A small bar chart painted with QPainter (QtCharts is not part of PySide6-Essentials).

::

    chart = BarChart(parent)
    chart.set_bars([Bar("8", 12), Bar("9", 30, "#1565c0")])    # label, value, optional colour

Vertical bars with their labels underneath, the value above each bar that has room for it, and
faint grid lines at round steps. ``set_bars`` with the same values does not repaint; the widget
keeps no child widgets, so refreshing it for a whole day allocates nothing that stays.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

DEFAULT_COLOUR = "#1565c0"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    colour: str = DEFAULT_COLOUR


def nice_step(top: int, lines: int = 4) -> int:
    """A round grid step (1, 2, 5, 10, 20, 50, ...) giving about ``lines`` lines up to ``top``."""
    if top <= lines:
        return 1
    raw = top / lines
    magnitude: int = 10 ** math.floor(math.log10(raw))  # raw > 1: a whole power of ten
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, orientation: Qt.Orientation = Qt.Orientation.Vertical) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self.orientation = orientation  # Horizontal: one bar per row, its label on the left
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(140)

    @property
    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def set_bars(self, bars: Sequence[Bar]) -> None:
        bars = tuple(bars)
        if bars != self._bars:
            self._bars = bars
            self.update()
            self.setAccessibleDescription(", ".join(f"{b.label}: {b.value}" for b in bars))

    def sizeHint(self) -> QSize:
        return QSize(max(240, 28 * len(self._bars)), 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        if self.orientation == Qt.Orientation.Horizontal:
            self._paint_rows(painter)
            return
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(metrics.horizontalAdvance("0000") + 6, line + 2, -4, -(line + 6))
        if not self._bars or area.width() <= 0 or area.height() <= 0:
            return
        top = max(1, max(b.value for b in self._bars))
        step = nice_step(top)
        top = step * math.ceil(top / step)
        scale = area.height() / top

        painter.setPen(grid)
        value = 0
        while value <= top:
            y = area.bottom() - value * scale
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, area.left() - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
            painter.setPen(grid)
            value += step

        slot = area.width() / len(self._bars)
        width = max(2.0, slot * 0.7)
        show_every = max(1, math.ceil(metrics.horizontalAdvance("00") * 1.6 / slot))
        for i, bar in enumerate(self._bars):
            x = area.left() + i * slot + (slot - width) / 2
            height = bar.value * scale
            if height > 0:
                painter.fillRect(QRectF(x, area.bottom() - height, width, height), QColor(bar.colour))
            painter.setPen(text)
            if bar.value and metrics.horizontalAdvance(str(bar.value)) <= slot + 2:
                painter.drawText(
                    QRectF(x - 4, area.bottom() - height - line, width + 8, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(bar.value),
                )
            if i % show_every == 0 or len(self._bars) <= 8:
                painter.drawText(
                    QRectF(area.left() + i * slot - 20, area.bottom() + 3, slot + 40, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    bar.label,
                )

    def _paint_rows(self, painter: QPainter) -> None:
        """One bar per row, growing to the right: for a few categories with long names (channels)."""
        if not self._bars:
            return
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        label_width = max(metrics.horizontalAdvance(b.label) for b in self._bars) + 10
        value_width = metrics.horizontalAdvance(str(max(b.value for b in self._bars))) + 8
        area = QRectF(self.rect()).adjusted(label_width, 4, -value_width, -4)
        if area.width() <= 0 or area.height() <= 0:
            return
        top = max(1, max(b.value for b in self._bars))
        slot = min(area.height() / len(self._bars), 3.0 * metrics.height())
        height = max(4.0, slot * 0.6)
        painter.setPen(text)
        for i, bar in enumerate(self._bars):
            y = area.top() + i * slot
            painter.drawText(
                QRectF(0, y, label_width - 8, slot),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                bar.label,
            )
            width = area.width() * bar.value / top
            if width > 0:
                painter.fillRect(QRectF(area.left(), y + (slot - height) / 2, width, height), QColor(bar.colour))
            painter.drawText(
                QRectF(area.left() + width + 4, y, value_width + 4, slot),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(bar.value),
            )
