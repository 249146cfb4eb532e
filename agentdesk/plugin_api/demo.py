"""A plugin's demo back end (plugin API 1.1): what ``agentdesk demo`` runs so that the plugin's panels
have something to show for the demo people. Part of the public plugin API; Qt-free.

A plugin distribution registers a callable in the ``agentdesk.demo_backends`` entry-point group,
named by its plugin id::

    [project.entry-points."agentdesk.demo_backends"]
    health = "agentdesk_health.demo_backend:start"

The demo (distribution ``agentdesk-demo``) seeds its database, then calls every registered
``start(seed: DemoSeed) -> DemoBackend``. The callable reads the demo people it wants from ``seed``,
starts its server (on loopback) and returns the plugin's deployment settings for it and a ``stop``.
It raises :class:`DemoBackendUnavailable` (or anything else) when it cannot start: the demo reports
the reason and leaves that plugin out; the other plugins run.

Nothing here is personal data of real people: the demo people are synthetic (test-range
identity codes). Still, a back end logs counts, never names or identity codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

DEMO_BACKENDS_GROUP = "agentdesk.demo_backends"

__all__ = [
    "DEMO_BACKENDS_GROUP",
    "DemoBackend",
    "DemoBackendFactory",
    "DemoBackendUnavailable",
    "DemoCaseReference",
    "DemoPerson",
    "DemoSeed",
]


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """A person of the demo database. ``street`` is None for a protected address."""

    customer_id: int
    hetu: str
    first_names: str
    last_name: str
    birth_date: dt.date | None
    roles: tuple[str, ...]  # customer role codes, e.g. "social_services_client"
    email: str | None
    phone: str | None  # E.164
    street: str | None
    municipality: str | None
    # API 1.3: the henkilötunnus of each child this person is an active guardian of (the register's
    # guardian relationships), oldest first. Children without one are left out.
    children: tuple[str, ...] = ()

    @property
    def sex(self) -> str:
        """From the henkilötunnus: an odd individual number is a man's."""
        digits = self.hetu[7:10]
        return ("male" if int(digits) % 2 else "female") if digits.isdigit() else "unknown"


@dataclass(frozen=True, slots=True)
class DemoCaseReference:
    """A back-office item that belongs to a demo customer, stored as a service case the way the desk
    stores the references of what it files (``backoffice_system``/``backoffice_ref``), so that
    ``CallContext.references`` hands it back to the panel."""

    customer_id: int
    system: str  # e.g. "open311"
    reference: str  # the back end's id
    title: str
    open: bool = True
    department: str | None = None  # department code, e.g. "technical"
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


class DemoSeed(Protocol):
    """What the demo gives a back end to seed itself from."""

    @property
    def today(self) -> dt.date: ...

    @property
    def now(self) -> dt.datetime: ...  # aware (UTC)

    def people(self, limit: int) -> Sequence[DemoPerson]:
        """Up to ``limit`` demo people (fewer in a small demo or a test), always in the same order:
        the people with a featured customer role first, then those with the most contacts."""
        ...

    def with_role(self, role: str) -> Sequence[DemoPerson]:
        """Every demo person with this customer role, by customer id."""
        ...

    def store_case_references(self, cases: Sequence[DemoCaseReference]) -> int:
        """Store these as service cases of their customers (the ones already stored are kept);
        the number added."""
        ...


@dataclass
class DemoBackend:
    """A running demo back end.

    ``settings`` are the plugin's deployment settings pointing at it (its manifest's ``[settings]``
    keys, e.g. ``{"base_url": ...}``), ``secrets`` the loopback demo values of its manifest's
    ``[secrets]`` (handed to the desk in memory, never stored). ``summary`` is one short line for the
    demo's start-up message ("12 clients"); ``stop`` stops the server and may be called twice."""

    settings: Mapping[str, Any]
    stop: Callable[[], None]
    secrets: Mapping[str, str] = field(default_factory=dict)
    summary: str = ""
    counts: Mapping[str, int] = field(default_factory=dict)
    server: Any = None  # the plugin's own handle (tests)


class DemoBackendUnavailable(Exception):
    """The back end cannot run here (e.g. Node.js missing); the message says why, without personal data."""


DemoBackendFactory = Callable[[DemoSeed], DemoBackend]
