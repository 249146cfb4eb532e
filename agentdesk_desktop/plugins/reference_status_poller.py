"""Following what the back ends do with the requests the desk filed there (plugin API 1.2).

Every :data:`POLL_MS` (and on :meth:`ReferenceStatusPoller.poll_now`) the poller asks, on the read pool,
each active plugin that tracks a reference system (its manifest's ``status_systems``) where its back end
is with the references of the active cases filed there (:meth:`BackofficeSync.linked`), and applies what
it says on the single writer (:meth:`BackofficeSync.apply`): e.g. an Open311 request the back office
closed resolves its case, with a history row from ``backoffice:open311``. The change bus publishes the
customers' changes, so an open tab shows the resolved case. A back end that is down or slow costs one
skipped poll (the plugin host's timeout and circuit breaker); a poll never overlaps the previous one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from agentdesk.cases import CaseChanged
from agentdesk.cases.backoffice_status import BackofficeState, BackofficeSync, LinkedCase, SyncResult
from agentdesk.plugin_api import ReferenceStatuses
from agentdesk.plugin_host.host import PluginHost
from agentdesk.plugin_host.runner import PanelState
from agentdesk_desktop.background import Background

log = logging.getLogger(__name__)

POLL_MS = 120_000


@dataclass(frozen=True, slots=True)
class _Answer:
    system: str
    linked: tuple[LinkedCase, ...]
    states: tuple[BackofficeState, ...]


class ReferenceStatusPoller(QObject):
    polled = Signal(int)  # the number of cases the last poll changed

    def __init__(
        self,
        background: Background,
        sync: BackofficeSync,
        host: Callable[[], PluginHost | None],
        *,
        interval_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bg, self._sync, self._host = background, sync, host
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll_now)

    def start(self) -> None:
        self.timer.start()
        self.poll_now()

    def stop(self) -> None:
        self.timer.stop()

    def poll_now(self) -> None:
        if self._busy or self._bg.closed:
            return
        host = self._host()
        if host is None or not host.status_systems():
            return
        self._busy = True
        self._bg.read(self._ask, host, owner=self).on_success(self._answered).on_failure(self._failed)

    def _ask(self, host: PluginHost) -> list[_Answer]:  # the read pool
        answers = []
        for system, plugin_id in host.status_systems().items():
            linked = tuple(self._sync.linked(system))
            if not linked:
                continue
            outcome = host.reference_statuses(plugin_id, system, tuple(c.reference for c in linked))
            if outcome.state is not PanelState.DATA or not isinstance(outcome.value, ReferenceStatuses):
                log.info("reference statuses of %s not available (%s)", system, outcome.error_kind or outcome.state)
                continue
            states = tuple(BackofficeState(s.reference, s.status, s.closed, s.detail) for s in outcome.value.items)
            answers.append(_Answer(system, linked, states))
        return answers

    def _answered(self, answers: list[_Answer]) -> None:
        if not answers:
            self._busy = False
            self.polled.emit(0)
            return
        self._bg.write(self._apply, answers, owner=self).on_success(self._applied).on_failure(self._failed)

    def _apply(self, answers: list[_Answer]) -> SyncResult:  # the writer
        changed: list[CaseChanged] = []
        for a in answers:
            changed.extend(self._sync.apply(a.system, a.linked, a.states).changed)
        return SyncResult(tuple(changed))

    def _applied(self, result: SyncResult) -> None:
        self._busy = False
        self.polled.emit(len(result.changed))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("back-office statuses could not be applied: %s", type(exc).__name__)
