"""What one user action changed: the change notice every write service returns (like Anki's OpChanges).

A write service performs one user action in one transaction and returns a :class:`Changes` (or a
result that carries one as ``.changes``). The desk publishes it once, on the UI thread, and every
view decides from it whether what it shows is stale::

    saved = interactions.save(draft, agent_id=7, actor="agent.aino")
    saved.changes          # Changes(timelines=frozenset({42}), cases=frozenset({42}))

    if view.customer_id in changes.timelines: view.reload_timeline()

Only ids, never personal data: a notice may be logged. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


def _ids(values: object) -> frozenset[int]:
    return frozenset(v for v in values if v is not None)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids of what changed, by what a view shows of it."""

    customers: frozenset[int] = field(default_factory=frozenset)  # the register record (names, contact points)
    timelines: frozenset[int] = field(default_factory=frozenset)  # customer ids whose contact timeline changed
    cases: frozenset[int] = field(default_factory=frozenset)  # customer ids whose service cases changed
    queues: frozenset[int] = field(default_factory=frozenset)  # queue ids whose items changed
    knowledge: bool = False  # quick texts, articles or call scripts were edited

    @classmethod
    def of(
        cls,
        *,
        customers: object = (),
        timelines: object = (),
        cases: object = (),
        queues: object = (),
        knowledge: bool = False,
    ) -> Changes:
        """Ids may be given as any iterable; ``None`` entries (an unidentified contact) are left out."""
        return cls(_ids(customers), _ids(timelines), _ids(cases), _ids(queues), knowledge)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.customers | other.customers,
            self.timelines | other.timelines,
            self.cases | other.cases,
            self.queues | other.queues,
            self.knowledge or other.knowledge,
        )

    def __bool__(self) -> bool:
        return bool(self.customers or self.timelines or self.cases or self.queues or self.knowledge)

    def touches_customer(self, customer_id: int) -> bool:
        return customer_id in self.customers or customer_id in self.timelines or customer_id in self.cases


NO_CHANGES = Changes()


@runtime_checkable
class ReportsChanges(Protocol):
    """A write's result that says what it changed."""

    @property
    def changes(self) -> Changes: ...


def changes_of(result: object) -> Changes | None:
    """The change notice of a write's result: the result itself or its ``changes``; None if it has none."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, ReportsChanges):
        return result.changes
    return None
