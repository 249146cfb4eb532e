"""One queue on the dashboard: its seven figures in a tile that turns red past the queue's thresholds.

The figures are those of :class:`agentdesk.queues.QueueStats`; which thresholds are passed is the
core's decision (``QueueStats.alarms``: waiting, longest_wait, service_level). A figure past its
threshold is red, and so is the tile's frame. Clicking the tile (or Enter/Space on it) asks for the
items behind it: :attr:`QueueTile.drill_requested` with the queue id and "waiting".

A tile is built once per queue and updated in place every refresh: ``set_stats`` changes texts
and colours only when they differ, so a day of refreshes creates no widgets. The tile paints its
own rounded frame (:mod:`agentdesk_desktop.dashboard.looks`: no style sheet, nothing to re-polish).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from agentdesk.queues import QueueInfo, QueueStats
from agentdesk_desktop.dashboard.figures import duration_text, share_text
from agentdesk_desktop.dashboard.looks import ALARM_TEXT, MUTED_TEXT, emphasise, paint_frame, text_colour
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.widgets.labels import channel_label

# Figure keys in the order they are shown; the alarm a figure turns red with (if any).
FIGURES = (
    "waiting",
    "longest_wait",
    "service_level",
    "speed_of_answer",
    "handle_time",
    "abandonment",
    "first_contact_resolution",
)
ALARM_OF = {"waiting": "waiting", "longest_wait": "longest_wait", "service_level": "service_level"}


def figure_values(stats: QueueStats) -> dict[str, str]:
    return {
        "waiting": str(stats.waiting),
        "longest_wait": duration_text(stats.longest_wait_seconds) if stats.waiting else duration_text(0),
        "service_level": share_text(stats.service_level),
        "speed_of_answer": duration_text(stats.average_speed_of_answer),
        "handle_time": duration_text(stats.average_handle_time),
        "abandonment": share_text(stats.abandonment_rate),
        "first_contact_resolution": share_text(stats.first_contact_resolution),
    }


def _set_alarm(widget: QWidget, value: bool) -> bool:
    """The ``alarm`` property (what tests and accessibility read); True when it changed."""
    if bool(widget.property("alarm")) == value:
        return False
    widget.setProperty("alarm", value)
    return True


class QueueTile(QFrame):
    drill_requested = Signal(int, str)  # queue id, drill-down kind

    def __init__(self, queue: QueueInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueTile")
        self.setFrameShape(QFrame.Shape.NoFrame)  # painted by paintEvent
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.queue = queue
        self.stats: QueueStats | None = None

        self.title = QLabel(self)
        self.title.setObjectName("queueTileTitle")
        emphasise(self.title, point_size=12)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("queueTileTarget")
        text_colour(self.subtitle, MUTED_TEXT)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for row, key in enumerate(FIGURES):
            name, value = QLabel(self), QLabel("–", self)
            name.setObjectName("figureName")
            value.setObjectName("figureValue")
            value.setProperty("figure", key)
            emphasise(value, point_size=11)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.names[key], self.values[key] = name, value
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(grid)
        self._retranslate()

    # -- figures ---------------------------------------------------------------------------------

    def set_stats(self, stats: QueueStats) -> None:
        self.stats = stats
        if stats.queue != self.queue:
            self.queue = stats.queue
            self._retranslate()
        for key, text in figure_values(stats).items():
            label = self.values[key]
            if label.text() != text:
                label.setText(text)
            alarm = ALARM_OF.get(key) in stats.alarms
            if _set_alarm(label, alarm):
                text_colour(label, ALARM_TEXT if alarm else None)
        if _set_alarm(self, bool(stats.alarms)):
            self.update()
        tip = self._alarm_text(stats)
        if self.toolTip() != tip:
            self.setToolTip(tip)

    @property
    def in_alarm(self) -> bool:
        return bool(self.property("alarm"))

    def value_text(self, key: str) -> str:
        return self.values[key].text()

    def _alarm_text(self, stats: QueueStats) -> str:
        parts = []
        q = stats.queue
        if "waiting" in stats.alarms:
            parts.append(fill(self.tr("%1 waiting (alarm at %2)"), stats.waiting, q.alarm_waiting))
        if "longest_wait" in stats.alarms:
            parts.append(
                fill(
                    self.tr("The longest wait is %1 (alarm at %2)"),
                    duration_text(stats.longest_wait_seconds),
                    duration_text(q.alarm_longest_wait_seconds),
                )
            )
        if "service_level" in stats.alarms:
            parts.append(
                fill(
                    self.tr("Service level %1 is below the target %2"),
                    share_text(stats.service_level),
                    share_text(q.target_share),
                )
            )
        parts.append(self.tr("Click for the items behind the figures."))
        return "\n".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_frame(self, alarm=self.in_alarm, focused=self.hasFocus())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- drill-down ------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.drill_requested.emit(self.queue.id, "waiting")
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.drill_requested.emit(self.queue.id, "waiting")
            return
        super().keyPressEvent(event)

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        q = self.queue
        self.title.setText(q.name)
        target = duration_text(q.target_seconds)
        if q.working_hours:
            hours = q.target_seconds / 3600
            target = fill(self.tr("%1 working hours"), f"{hours:g}")
        self.subtitle.setText(
            fill(self.tr("%1 · target %2 within %3"), channel_label(q.channel), share_text(q.target_share), target)
        )
        names = {
            "waiting": self.tr("Waiting now"),
            "longest_wait": self.tr("Longest wait"),
            "service_level": self.tr("Service level today"),
            "speed_of_answer": self.tr("Average speed of answer"),
            "handle_time": self.tr("Average handle time"),
            "abandonment": self.tr("Abandonment rate"),
            "first_contact_resolution": self.tr("First-contact resolution"),
        }
        for key, label in self.names.items():
            label.setText(names[key])
        self.setAccessibleName(q.name)
        if self.stats is not None:
            self.setToolTip(self._alarm_text(self.stats))
