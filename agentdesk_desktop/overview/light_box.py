"""A group box whose frame is one thin rounded line.

The Fusion style draws a group box's frame as a nine-part pixmap whose centre is stretched over
the whole box: for the overview's large boxes (the contact timeline, contact logging) that was a
fifth of painting a customer tab. :class:`LightBox` lets the style draw the title (and a check
box, if any) and strokes the frame itself; its inside is the window's own background.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGroupBox, QStyle, QStyleOptionGroupBox, QStylePainter


class LightBox(QGroupBox):
    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionGroupBox()
        self.initStyleOption(option)
        style = self.style()
        frame = style.subControlRect(
            QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxFrame, self
        )
        if self.title() or self.isCheckable():
            label = style.subControlRect(
                QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, self
            )
            frame.setTop(max(frame.top(), label.bottom() + 2))
        painter = QStylePainter(self)
        option.subControls &= ~QStyle.SubControl.SC_GroupBoxFrame
        painter.drawComplexControl(QStyle.ComplexControl.CC_GroupBox, option)
        border = QColor(self.palette().color(QPalette.ColorRole.Window).darker(140))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(border, 1.0))
        painter.drawRoundedRect(QRectF(frame).adjusted(0.5, 0.5, -0.5, -0.5), 3.0, 3.0)
        painter.end()
