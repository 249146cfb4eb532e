"""The report's chart, painted with QPainter (QtCharts is not part of PySide6-Essentials): contacts per
day or week as stacked bars by channel, and the service level as a line on a 0–100 % scale at the right.

::

    chart = SeriesChart(parent)
    chart.set_points([ChartPoint("1.3.", {"#1565c0": 12, "#6a1b9a": 3}, 0.82), ...])
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

LINE_COLOUR = "#c62828"


@dataclass(frozen=True, slots=True)
class ChartPoint:
    label: str
    stacks: Mapping[str, int]  # colour -> contacts, bottom first
    service_level: float | None

    @property
    def total(self) -> int:
        return sum(self.stacks.values())


def round_top(value: int) -> int:
    """A round top for the contacts axis (1, 2, 5 × a power of ten) at or above ``value``."""
    if value <= 5:
        return 5
    magnitude: int = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= value:
            return factor * magnitude
    return 10 * magnitude


class SeriesChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[ChartPoint, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    @property
    def points(self) -> tuple[ChartPoint, ...]:
        return self._points

    def set_points(self, points: Sequence[ChartPoint]) -> None:
        self._points = tuple(points)
        self.setAccessibleDescription(", ".join(f"{p.label}: {p.total}" for p in self._points))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(
            metrics.horizontalAdvance("00000") + 6, line, -(metrics.horizontalAdvance("100 %") + 8), -(line + 6)
        )
        if not self._points or area.width() <= 0 or area.height() <= 0:
            return
        top = round_top(max(p.total for p in self._points))
        scale = area.height() / top
        for i in range(5):
            y = area.bottom() - area.height() * i / 4
            painter.setPen(grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            left = QRectF(0, y - line / 2, area.left() - 6, line)
            painter.drawText(left, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(top * i // 4))
            right = QRectF(area.right() + 4, y - line / 2, area.width(), line)
            painter.drawText(right, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{25 * i} %")
        slot = area.width() / len(self._points)
        width = max(1.0, slot * 0.7)
        every = max(1, math.ceil(metrics.horizontalAdvance("00.00.") * 1.3 / slot))
        line_points: list[QPointF] = []
        for i, point in enumerate(self._points):
            x = area.left() + i * slot + (slot - width) / 2
            bottom = area.bottom()
            for colour, value in point.stacks.items():
                height = value * scale
                if height > 0:
                    painter.fillRect(QRectF(x, bottom - height, width, height), QColor(colour))
                    bottom -= height
            if point.service_level is not None:
                line_points.append(QPointF(x + width / 2, area.bottom() - area.height() * point.service_level))
            if i % every == 0:
                painter.setPen(text)
                label = QRectF(area.left() + i * slot - 30, area.bottom() + 3, slot + 60, line)
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, point.label)
        if line_points:
            pen = QPen(QColor(LINE_COLOUR))
            pen.setWidthF(2.0)
            painter.setPen(pen)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for a, b in pairwise(line_points):
                painter.drawLine(a, b)
            for p in line_points:
                painter.drawEllipse(p, 2.5, 2.5)
