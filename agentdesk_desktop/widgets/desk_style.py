"""The desk's style: Fusion, with flat scroll bars.

Fusion paints a scroll bar's groove and handle with gradients, which Qt's raster engine fills pixel by
pixel: 0.7 ms for one 1000-pixel bar, and the overview has several in view (search results, the
timeline, the boxes, the panels, the inbox), painted again whenever a tab opens or fills — a fifth of
the UI thread's painting in ``benchmarks/desk.py`` (py-spy, native frames). :class:`DeskStyle` paints
the groove and the handle in plain palette colours (0.04 ms) and leaves the arrows, and everything
else, to Fusion.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOptionComplex, QStyleOptionSlider, QWidget

_SC = QStyle.SubControl
_ARROWS = _SC.SC_ScrollBarAddLine | _SC.SC_ScrollBarSubLine


class DeskStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("deskStyle")

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(option, QStyleOptionSlider):
            super().drawComplexControl(control, option, painter, widget)
            return
        palette = option.palette
        painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Window).darker(106))
        if option.subControls & _SC.SC_ScrollBarSlider:
            handle = self.subControlRect(control, option, _SC.SC_ScrollBarSlider, widget)  # type: ignore[arg-type]
            if handle.isValid():
                colour = palette.color(QPalette.ColorRole.Mid)
                if option.activeSubControls & _SC.SC_ScrollBarSlider:
                    colour = colour.darker(120)  # hovered or dragged
                painter.fillRect(handle.adjusted(2, 2, -2, -2), colour)
        arrows = QStyleOptionSlider(option)
        arrows.subControls = option.subControls & _ARROWS
        if arrows.subControls:
            super().drawComplexControl(control, arrows, painter, widget)
