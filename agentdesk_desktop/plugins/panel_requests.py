"""Panel requests on their way to a plugin and back.

A request crosses two threads: the plugin call's own (the host's runner writes a sensitive panel's
audit entry there before the request leaves, then calls the plugin) and the UI thread, where the
outcome arrives through the background helper's one bridge (a :class:`~agentdesk_desktop.background.Channel`).
The host's ``request_panel`` itself does no I/O, so it is called right here on the UI thread. A
request can be cancelled from the UI thread at any moment — before it was sent (it is then never
sent), while it runs (the host's call handle is cancelled) or after (its answer is dropped).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject

from agentdesk.plugin_host.host import AccessDenied, PluginHost, PurposeRequired
from agentdesk.plugin_host.manifest import PanelSpec
from agentdesk.plugin_host.runner import CallHandle, CallOutcome, PanelState
from agentdesk.staff import StaffMember
from agentdesk_desktop.background import Background
from agentdesk_desktop.plugins.panel_customer import PanelCustomer

log = logging.getLogger(__name__)


class PanelRequest:
    """One panel request: cancel it from the UI thread at any moment; the host's call handle attaches
    once it is sent."""

    def __init__(self, rid: int) -> None:
        self.id = rid
        self._lock = threading.Lock()
        self._cancelled = False
        self._handle: CallHandle | None = None

    def attach(self, handle: CallHandle) -> None:
        with self._lock:
            if not self._cancelled:
                self._handle = handle
                return
        handle.cancel()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            handle, self._handle = self._handle, None
        if handle is not None:
            handle.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def handle(self) -> CallHandle | None:
        return self._handle


@dataclass
class _Receiver:
    request: PanelRequest
    plugin_id: str
    callback: Callable[[CallOutcome], None]
    owner: QObject | None


class PanelRequests(QObject):
    def __init__(self, background: Background, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self._ids = itertools.count(1)
        self._receivers: dict[int, _Receiver] = {}
        self._closed = False
        # plugin worker threads -> the UI thread, through the background helper's one bridge
        self._arrived = background.channel(self._arrived_on_ui_thread, owner=self)

    @property
    def pending(self) -> int:
        """Requests whose answer is still to be delivered."""
        return len(self._receivers)

    def submit(
        self,
        host: PluginHost,
        panel: PanelSpec,
        *,
        staff: StaffMember,
        customer: PanelCustomer,
        language: str,
        purpose: str | None,
        refresh: bool,
        callback: Callable[[CallOutcome], None],
        owner: QObject | None = None,
    ) -> PanelRequest:
        """Ask for a panel; ``callback(outcome)`` runs on the UI thread unless the request was cancelled
        or ``owner`` was deleted meanwhile."""
        request = PanelRequest(next(self._ids))
        if self._closed or self.background.closed:  # the desk is closing
            request.cancel()
            return request
        self._receivers[request.id] = _Receiver(request, panel.plugin_id, callback, owner)
        arrived, rid = self._arrived, request.id

        def done(outcome: CallOutcome) -> None:  # the plugin call's thread
            if not request.cancelled:
                arrived.send((rid, outcome))

        try:
            handle = host.request_panel(
                panel.key,
                staff=staff,
                customer=customer.context,
                language=language,
                purpose=purpose,
                done=done,
                protected_text=customer.protected_text,
                refresh=refresh,
                references=customer.references,
            )
        except Exception as exc:  # noqa: BLE001 - refused (or broken) before it was sent: an answer like any
            arrived.send((rid, _refused(exc)))
            return request
        request.attach(handle)
        return request

    def cancel(self, request: PanelRequest | None) -> None:
        if request is None:
            return
        request.cancel()
        self._receivers.pop(request.id, None)

    def cancel_plugin(self, plugin_id: str) -> None:
        for receiver in [r for r in self._receivers.values() if r.plugin_id == plugin_id]:
            self.cancel(receiver.request)

    def close(self) -> None:
        """Cancel everything; nothing is delivered any more."""
        self._closed = True
        self._arrived.close()
        for receiver in list(self._receivers.values()):
            receiver.request.cancel()
        self._receivers.clear()

    def _arrived_on_ui_thread(self, answer: tuple[int, CallOutcome]) -> None:
        self._deliver(*answer)

    def _deliver(self, rid: int, outcome: CallOutcome) -> None:
        receiver = self._receivers.pop(rid, None)
        if receiver is None or receiver.request.cancelled or self._closed:
            return
        if receiver.owner is not None and not shiboken6.isValid(receiver.owner):
            return
        receiver.callback(outcome)


def _refused(exc: BaseException) -> CallOutcome:
    if isinstance(exc, (AccessDenied, PurposeRequired)):
        kind = "purpose" if isinstance(exc, PurposeRequired) else "denied"
        return CallOutcome(PanelState.ERROR, error=str(exc), error_kind=kind)
    log.error("panel request failed before it was sent: %s", type(exc).__name__)
    return CallOutcome(PanelState.ERROR, error=type(exc).__name__, error_kind="plugin")
