"""The demo's department back ends: every installed plugin that registers a demo back end in the
``agentdesk.demo_backends`` entry-point group (:mod:`agentdesk.plugin_api.demo`) is started, seeded
from the demo database, so that its panels have something to show for the demo people.

    backends = start_demo_backends(db)        # after the population is seeded
    build the desk with backends.deployment and backends.secrets
    ...
    backends.stop()

The first-party plugins register theirs: social services (client relationships of the
social-services clients), health (FHIR patients on the plugin's Node.js server) and technical
services (earlier Open311 requests, stored as service cases of their customers). A back end that
cannot start (health without Node.js) is reported in ``unavailable`` and its plugin left out of
the demo deployment; the others run. Qt-free.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Self

from agentdesk.plugin_api.demo import DEMO_BACKENDS_GROUP, DemoBackend, DemoBackendUnavailable
from agentdesk.plugin_host.settings import DeploymentPlugins
from agentdesk.storage.database import Database
from agentdesk_demo.demo_seed import DatabaseDemoSeed

log = logging.getLogger(__name__)


class MappingSecrets:
    """Plugin secrets from memory (the demo's loopback servers); ``SecretSource`` for the plugin host."""

    def __init__(self, values: Mapping[tuple[str, str], str]) -> None:
        self._values = dict(values)

    def get(self, plugin_id: str, key: str) -> str | None:
        return self._values.get((plugin_id, key))


@dataclass
class DemoBackends:
    """The running demo back ends; ``deployment`` points the plugins at them."""

    deployment: DeploymentPlugins
    secrets: MappingSecrets
    urls: dict[str, str]  # plugin id -> base_url
    unavailable: dict[str, str] = field(default_factory=dict)  # plugin id -> why it is not running
    counts: dict[str, int] = field(default_factory=dict)  # e.g. fhir_patients, open311_requests
    seed: DatabaseDemoSeed | None = None  # the demo people the back ends were seeded from
    running: dict[str, DemoBackend] = field(default_factory=dict)  # plugin id -> its back end
    _stoppers: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @property
    def servers(self) -> dict[str, Any]:
        """plugin id -> the plugin's own server handle."""
        return {pid: b.server for pid, b in self.running.items()}

    def describe(self) -> str:
        parts = [b.summary or f"{pid}: running" for pid, b in self.running.items()]
        text = "demo back ends on loopback (" + "; ".join(parts) + ")"
        for pid, reason in sorted(self.unavailable.items()):
            text += f"; {pid} back end unavailable: {reason}"
        return text

    def stop(self) -> None:
        """Stop every server; safe to call twice."""
        while self._stoppers:
            stop = self._stoppers.pop()
            try:
                stop()
            except Exception:
                log.exception("stopping a demo back end failed")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def demo_backend_entry_points() -> list[EntryPoint]:
    """The registered demo back ends, by plugin id (an id registered twice: the first one)."""
    found: dict[str, EntryPoint] = {}
    for ep in sorted(entry_points(group=DEMO_BACKENDS_GROUP), key=lambda e: e.name):
        found.setdefault(ep.name, ep)
    return list(found.values())


def start_demo_backends(
    db: Database,
    *,
    people_limit: int | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    only: set[str] | None = None,
) -> DemoBackends:
    """Start every registered demo back end (``only``: just these plugin ids), seeded from ``db``.

    A back end that cannot start is listed in ``unavailable`` and its plugin left out; the others
    run. ``people_limit`` caps the people each back end gets; ``today``/``now`` fix the seeds' dates."""
    seed = DatabaseDemoSeed(db, people_limit=people_limit, today=today, now=now)
    backends = DemoBackends(DeploymentPlugins(), MappingSecrets({}), {}, seed=seed)
    settings: dict[str, dict[str, Any]] = {}
    secrets: dict[tuple[str, str], str] = {}
    try:
        for ep in demo_backend_entry_points():
            if only is not None and ep.name not in only:
                continue
            backend = _start_one(ep, seed, backends)
            if backend is None:
                continue
            backends.running[ep.name] = backend
            settings[ep.name] = dict(backend.settings)
            secrets.update({(ep.name, key): value for key, value in backend.secrets.items()})
            if "base_url" in backend.settings:
                backends.urls[ep.name] = str(backend.settings["base_url"])
            backends.counts.update(backend.counts)
    except BaseException:
        backends.stop()
        raise
    backends.secrets = MappingSecrets(secrets)
    backends.deployment = DeploymentPlugins.from_mapping(
        {"plugins": settings, "plugins_default_enabled": False}, "agentdesk demo"
    )
    return backends


def _start_one(ep: EntryPoint, seed: DatabaseDemoSeed, backends: DemoBackends) -> DemoBackend | None:
    try:
        start = ep.load()
        backend = start(seed)
        if not isinstance(backend, DemoBackend):
            raise TypeError(f"returned {type(backend).__name__}, not a DemoBackend")
    except DemoBackendUnavailable as exc:
        log.warning("demo %s back end unavailable: %s", ep.name, exc)
        backends.unavailable[ep.name] = str(exc)
        return None
    except ImportError as exc:
        log.warning("demo %s back end unavailable: cannot import %s (%s)", ep.name, ep.value, exc.name)
        backends.unavailable[ep.name] = f"the plugin's demo back end cannot be imported ({exc.name})"
        return None
    except Exception as exc:  # noqa: BLE001 - a failing plugin is named and left out, the demo carries on
        log.warning("demo %s back end failed to start (%s)", ep.name, type(exc).__name__)
        backends.unavailable[ep.name] = f"failed to start ({type(exc).__name__}: {exc})"
        return None
    backends._stoppers.append(backend.stop)
    return backend
