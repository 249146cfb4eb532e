"""The mailbox watchers of the department profile, started by the composition root when the window is
complete and stopped at exit, with their state in the status bar.

The watchers run on threads of their own (:class:`agentdesk.channels.email_channel.EmailChannel`):
their passwords come from the OS keyring there, and a dead or slow IMAP server only makes them retry
with a growing pause — the desk never waits for one. New mail reaches the UI thread through a
:class:`~agentdesk_desktop.background.Channel` and is published on the change bus, so the inbox
re-reads. The status bar says "E-mail: connected", "E-mail: reconnecting…" or "E-mail: login refused"
(read from the watchers' states every few seconds: an in-memory read).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from agentdesk.changes import Changes
from agentdesk.channels.email_channel import EmailChannel, IntakeResult, WatcherState, WatcherStatus
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.services import DeskServices

log = logging.getLogger(__name__)

STATUS_MS = 2000
STOP_SECONDS = 2.0  # at exit, for all watchers together

_WORKING = {WatcherStatus.IDLE, WatcherStatus.POLLING, WatcherStatus.FETCHING}


class MailStatus(QLabel):
    """The watchers' state in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailStatus")
        self.states: dict[str, WatcherState] = {}

    def show_states(self, states: dict[str, WatcherState]) -> None:
        self.states = dict(states)
        statuses = [s.status for s in states.values()]
        if not statuses:
            text = ""
        elif any(s is WatcherStatus.LOGIN_FAILED for s in statuses):
            text = self.tr("E-mail: login refused")
        elif all(s in _WORKING for s in statuses):
            text = self.tr("E-mail: connected")
        elif any(s is WatcherStatus.RETRYING for s in statuses):
            text = self.tr("E-mail: reconnecting…")
        elif all(s is WatcherStatus.STOPPED for s in statuses):
            text = self.tr("E-mail: stopped")
        else:
            text = self.tr("E-mail: connecting…")
        self.setText(text)
        lines = [fill(self.tr("%1: %2"), box, _status_name(state.status)) for box, state in sorted(states.items())]
        self.setToolTip("\n".join(lines))
        self.setAccessibleName(text)


def _status_name(status: WatcherStatus) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        WatcherStatus.STOPPED: QCoreApplication.translate("MailStatus", "stopped"),
        WatcherStatus.CONNECTING: QCoreApplication.translate("MailStatus", "connecting"),
        WatcherStatus.FETCHING: QCoreApplication.translate("MailStatus", "taking in mail"),
        WatcherStatus.IDLE: QCoreApplication.translate("MailStatus", "waiting for mail"),
        WatcherStatus.POLLING: QCoreApplication.translate("MailStatus", "waiting for mail"),
        WatcherStatus.RETRYING: QCoreApplication.translate("MailStatus", "the server cannot be reached; retrying"),
        WatcherStatus.LOGIN_FAILED: QCoreApplication.translate("MailStatus", "the server refused the login"),
    }[status]


class MailWatchers(QObject):
    """The profile's mailbox watchers for one desk: ``start()`` returns at once, ``stop()`` within
    :data:`STOP_SECONDS` however the servers behave."""

    mail_arrived = Signal(object)  # IntakeResult, on the UI thread

    def __init__(self, services: DeskServices, status: MailStatus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services, self.status = services, status
        self._events = services.background.channel(self._arrived, owner=self)
        self.channel: EmailChannel | None = services.email_channel(self._taken_in)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_MS)
        self._timer.timeout.connect(self._show_status)

    def start(self) -> None:
        if self.channel is None:
            return
        self.channel.start()
        self._timer.start()
        self._show_status()

    def _taken_in(self, result: IntakeResult) -> None:
        """On a watcher's thread: tell the desk."""
        self._events.send(result)

    def _arrived(self, result: IntakeResult) -> None:
        self._services.changes.publish(
            Changes.of(timelines=[result.customer_id], cases=[result.customer_id], queues=[result.queue_id])
        )
        self.mail_arrived.emit(result)

    @Slot()
    def _show_status(self) -> None:
        if self.channel is not None:
            self.status.show_states(self.channel.states())

    def stop(self) -> None:
        self._timer.stop()
        self._events.close()
        channel, self.channel = self.channel, None
        if channel is None:
            return
        stoppers = [
            threading.Thread(target=w.stop, args=(STOP_SECONDS,), name="mailbox-watcher-stop", daemon=True)
            for w in channel.watchers
        ]
        for t in stoppers:
            t.start()
        for t in stoppers:
            t.join(STOP_SECONDS + 0.5)
