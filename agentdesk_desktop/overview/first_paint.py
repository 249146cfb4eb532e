"""The first full paint of a customer overview (:mod:`agentdesk_desktop.overview.customer_overview_view`).

The view is filled from two reads that answer separately: the audited open (header and boxes,
:meth:`FirstPaint.sections_filled`) and the first page of the contact timeline
(:meth:`FirstPaint.timeline_page`). Once both are in, the next paint of the view is its first full
paint: the structured log event ``overview.painted id=<customer id>`` is written (benchmarks wait for
it) and :attr:`FirstPaint.painted` is emitted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from agentdesk_desktop import events

log = logging.getLogger(__name__)


class FirstPaint(QObject):
    painted = Signal(int)  # after the first full paint (customer id)

    def __init__(self, view: QWidget, customer_id: Callable[[], int]) -> None:
        super().__init__(view)
        self._view, self._customer_id = view, customer_id
        self._opened_at = time.monotonic()
        self._sections_ready = False
        self._timeline_ready = False
        self._paint_pending = False
        self.done = False

    def restart_clock(self) -> None:
        """The customer is asked for now (a spare view bound to it)."""
        self._opened_at = time.monotonic()

    def sections_filled(self) -> None:
        self._sections_ready = True
        self._maybe_painted()

    @Slot(int, bool)
    def timeline_page(self, _rows: int, first: bool) -> None:
        if first:
            self._timeline_ready = True
            self._maybe_painted()

    def _maybe_painted(self) -> None:
        if self.done or not (self._sections_ready and self._timeline_ready):
            return
        self._paint_pending = True
        # One pixel is enough to learn when the next paint has happened (it joins whatever the fill
        # made dirty); updating the whole view would repaint every part of the tab once more.
        self._view.update(0, 0, 1, 1)

    def view_painted(self) -> None:
        """Called from the view's paintEvent."""
        if self._paint_pending:
            self._paint_pending = False
            QTimer.singleShot(0, self, self._painted_now)

    @Slot()
    def _painted_now(self) -> None:
        if self.done:
            return
        self.done = True
        customer_id = self._customer_id()
        events.emit("overview.painted", id=customer_id)  # exactly this line; benchmarks time it themselves
        log.debug(
            "overview %s painted %.0f ms after it was asked for",
            customer_id,
            (time.monotonic() - self._opened_at) * 1000,
        )
        self.painted.emit(customer_id)
