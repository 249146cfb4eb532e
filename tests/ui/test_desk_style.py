"""The desk's style paints scroll bars flat (plain palette colours, the handle where the value is) and
leaves their arrows and every other control to Fusion."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyle, QTableWidget

from agentdesk_desktop.widgets.desk_style import DeskStyle


def test_a_scroll_bar_is_painted_flat_with_its_handle_and_arrows(qtbot):
    style = DeskStyle()
    table = QTableWidget(500, 3)
    table.setStyle(style)
    qtbot.addWidget(table)
    table.resize(400, 600)
    table.show()
    qtbot.waitExposed(table)
    bar = table.verticalScrollBar()
    bar.setStyle(style)
    bar.setValue(bar.maximum())  # the handle at the bottom
    image = bar.grab().toImage()
    groove = bar.palette().color(QPalette.ColorRole.Window).darker(106)
    handle = bar.palette().color(QPalette.ColorRole.Mid)
    middle_x = image.width() // 2
    column = [image.pixelColor(middle_x, y) for y in range(image.height())]
    upper_half = column[image.height() // 5 : image.height() // 2]
    assert {c.rgb() for c in upper_half} == {groove.rgb()}, "one plain colour: no gradient in the groove"
    assert handle.rgb() in {c.rgb() for c in column[-60:]}, "the handle where the value is"
    assert len({c.rgb() for c in column[:12]}) > 1, "the arrow at the top is still drawn"


def test_other_controls_are_fusions():
    style = DeskStyle()
    assert style.baseStyle().name().lower() == "fusion"
    assert style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) == style.baseStyle().pixelMetric(
        QStyle.PixelMetric.PM_ScrollBarExtent
    )
