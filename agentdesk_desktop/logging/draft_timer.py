"""When to write a draft: shortly after typing pauses, and never later than a fixed time after the
first unsaved change.

An idle timer alone (restarted on every key) never fires while an agent types steadily, so a desk
killed after a minute of dictation would offer nothing back. :class:`DraftTimer` runs two single-shot
timers: the idle one restarts on every change, the deadline one starts at the first change after a
write and is not restarted, so a draft is due at most ``max_wait_ms`` after the first unsaved key.
Its surface is the part of ``QTimer`` the panel uses (``start``, ``stop``, ``isActive``, ``timeout``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot


class DraftTimer(QObject):
    timeout = Signal()  # a draft is due: write it now

    def __init__(self, idle_ms: int, max_wait_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle = self._single_shot(idle_ms)
        self._deadline = self._single_shot(max_wait_ms)

    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self._due)
        return timer

    def start(self) -> None:
        """Something changed: due after the idle time, or at the deadline set by the first change."""
        self._idle.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def stop(self) -> None:
        self._idle.stop()
        self._deadline.stop()

    def isActive(self) -> bool:
        return self._idle.isActive() or self._deadline.isActive()

    @Slot()
    def _due(self) -> None:
        self.stop()
        self.timeout.emit()
