"""Back-office status changes reach the service cases linked to them.

A case filed in a back end (``service_case.backoffice_system`` / ``backoffice_ref``, stored when a plugin
action filed it) follows what that back end says: the desk asks the plugin that tracks the system
(plugin API 1.2, ``status_systems``) where its references are, and :meth:`BackofficeSync.apply` resolves
each active case whose reference the back end has closed — through :class:`CaseService`, so the change
is checked, has its ``case_event`` history row (actor ``backoffice:<system>``, the back end's note) and
its audit entry, and publishes the customer's changes like an agent's change. A case someone moved
meanwhile (a stale version) is left for the next poll. Qt-free and blocking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from agentdesk.cases.lifecycle import CaseChange, CaseChanged, CaseConflict, CaseService, InvalidTransition
from agentdesk.changes import NO_CHANGES, Changes
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import OPEN_STATUSES, CaseStatus
from agentdesk.storage.models import ServiceCase

MAX_LINKED = 500  # references asked per system and poll (the oldest-updated active cases first)


@dataclass(frozen=True, slots=True)
class LinkedCase:
    case_id: int
    customer_id: int | None
    reference: str
    status: CaseStatus
    version: int


@dataclass(frozen=True, slots=True)
class BackofficeState:
    """What the back end said of one reference."""

    reference: str
    status: str
    closed: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SyncResult:
    changed: tuple[CaseChanged, ...] = ()

    @property
    def changes(self) -> Changes:
        result = NO_CHANGES
        for c in self.changed:
            result = result | c.changes
        return result


def actor_for(system: str) -> str:
    return f"backoffice:{system}"[:64]


class BackofficeSync:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db, self._cases = db, cases

    def linked(self, system: str, *, limit: int = MAX_LINKED) -> list[LinkedCase]:
        """The active cases filed in ``system``, those least recently updated first."""
        q = (
            select(
                ServiceCase.id,
                ServiceCase.customer_id,
                ServiceCase.backoffice_ref,
                ServiceCase.status,
                ServiceCase.version,
            )
            .where(
                ServiceCase.backoffice_system == system,
                ServiceCase.backoffice_ref != "",
                ServiceCase.status.in_(OPEN_STATUSES),
            )
            .order_by(ServiceCase.updated_at, ServiceCase.id)
            .limit(limit)
        )
        with self._db.session() as s:
            return [LinkedCase(r.id, r.customer_id, r.backoffice_ref, r.status, r.version) for r in s.execute(q)]

    def apply(self, system: str, linked: Sequence[LinkedCase], states: Sequence[BackofficeState]) -> SyncResult:
        """Resolve the linked cases whose reference the back end closed (each its own transaction)."""
        by_ref = {s.reference: s for s in states}
        changed: list[CaseChanged] = []
        for case in linked:
            state = by_ref.get(case.reference)
            if state is None or not state.closed:
                continue
            note = f"{system}: {state.status}" + (f" — {state.detail.strip()}" if state.detail.strip() else "")
            change = CaseChange(case.case_id, CaseStatus.RESOLVED, expected_version=case.version, note=note)
            try:
                changed.append(self._cases.change(change, actor=actor_for(system)))
            except (CaseConflict, InvalidTransition):
                continue  # moved meanwhile: the next poll sees it as it is now
        return SyncResult(tuple(changed))
