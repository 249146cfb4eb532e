"""The demo's calls on the desk (``agentdesk demo``): :class:`DemoCalls` asks the demo's call source
(``agentdesk_demo.demo_calls.DemoCaller``, handed in by the demo) to ring the desk every minute and
from Demo ▸ Simulate incoming call, each call off the UI thread.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Slot

from agentdesk_desktop.background import Background

DEMO_INTERVAL_S = 60


class DemoCallSource(Protocol):
    def call(self) -> str:
        """Ring the desk (blocking network work: run off the UI thread); the call's unique id."""
        ...


class DemoCalls(QObject):
    """The demo's calls on the desk: one every ``DEMO_INTERVAL_S`` and one on ``call_now()``
    (Demo ▸ Simulate incoming call), each emitted off the UI thread."""

    def __init__(
        self,
        caller: DemoCallSource,
        background: Background,
        *,
        interval_s: float = DEMO_INTERVAL_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.caller, self._bg = caller, background
        self.timer = QTimer(self)
        self.timer.setObjectName("demoCalls")
        self.timer.setInterval(int(interval_s * 1000))
        self.timer.timeout.connect(self.call_now)
        self._stopped = False

    def start(self) -> None:
        self.timer.start()

    @Slot()
    def call_now(self) -> None:
        if not self._stopped:
            self._bg.read(self.caller.call)

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
