"""The call in the status bar: who is calling and the call's clock, and the phone connection.

:class:`CallBar` follows one call through a :class:`~agentdesk.channels.phone.CallClock`: ringing
(time since it rang), on the line (handle time since the answer, from ``CallAnswered``), ended
(the talk time in total, from ``CallEnded``), or the caller gave up. A one-second timer runs only
while the call is ringing or talking.

:class:`PhoneStatusLabel` says "Phone: connected", "Phone: login refused", "Phone: reconnecting…".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from agentdesk.channels.ami_events import AmiEvent
from agentdesk.channels.phone import CallClock, CallPhase
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.phone.phone_connector import PhoneStatus
from agentdesk_desktop.widgets.panel_parts import clock_text


class CallBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBar")
        self.clock: CallClock | None = None
        self.caller = ""  # the number (and name) as shown
        self.label = QLabel(self)
        self.label.setObjectName("callState")
        self.time = QLabel(self)
        self.time.setObjectName("callClock")
        font = self.time.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        font.setBold(True)
        self.time.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.time)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "QWidget#callBar { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 4px; }"
            "QWidget#callBar QLabel { padding: 1px 4px; }"
        )
        self.hide()

    def follow(self, clock: CallClock, caller: str) -> None:
        self.clock, self.caller = clock, caller
        self.show()
        self._timer.start()
        self._tick()

    def set_caller(self, caller: str) -> None:
        self.caller = caller
        self._tick()

    def apply(self, event: AmiEvent) -> bool:
        """Move the call's clock on with one of its events; True when it changed."""
        if self.clock is None or not self.clock.apply(event):
            return False
        if self.clock.phase is CallPhase.ENDED:
            self._timer.stop()
        self._tick()
        return True

    @property
    def phase(self) -> CallPhase | None:
        return self.clock.phase if self.clock is not None else None

    @Slot()
    def _tick(self) -> None:
        c = self.clock
        if c is None:
            return
        now = dt.datetime.now(dt.UTC)
        if c.phase is CallPhase.RINGING:
            text, seconds = fill(self.tr("☎ %1 · ringing"), self.caller), c.ring_seconds(now)
        elif c.phase is CallPhase.TALKING:
            text, seconds = fill(self.tr("☎ %1 · on the line"), self.caller), c.handle_seconds(now)
        elif c.abandoned:
            text = fill(self.tr("☎ %1 · the caller hung up before the answer"), self.caller)
            seconds = c.ring_seconds()
        else:
            text, seconds = fill(self.tr("☎ %1 · call ended, talk time"), self.caller), c.handle_seconds()
        self.label.setText(text)
        self.time.setText(clock_text(seconds + (0.1 if c.phase is not CallPhase.ENDED else 0)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._tick()
        super().changeEvent(event)


class PhoneStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneStatus")
        self.status = PhoneStatus.OFF
        self._retranslate()

    def set_status(self, status: PhoneStatus, detail: str = "") -> None:
        self.status = status
        self.setToolTip(detail)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = {
            PhoneStatus.OFF: self.tr("Phone: off"),
            PhoneStatus.CONNECTING: self.tr("Phone: connecting…"),
            PhoneStatus.CONNECTED: self.tr("Phone: connected"),
            PhoneStatus.RECONNECTING: self.tr("Phone: reconnecting…"),
            PhoneStatus.LOGIN_REFUSED: self.tr("Phone: login refused"),
            PhoneStatus.NO_SECRET: self.tr("Phone: no password on this workstation"),
        }
        self.setText(texts[self.status])
        bad = self.status in (PhoneStatus.LOGIN_REFUSED, PhoneStatus.NO_SECRET, PhoneStatus.RECONNECTING)
        self.setStyleSheet("QLabel#phoneStatus { color: #b3261e; }" if bad else "")
