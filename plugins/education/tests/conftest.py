"""Fixtures for the education plugin's own tests: its reference server on loopback (real HTTP) and the
plugin pointed at it, through the plugin-testing fixtures of ``agentdesk.plugin_api.testing``
(``plugin_context`` is overridden with the server's ``base_url``; ``customer_context`` and
``call_context`` come from there). The test people and their records are in ``seed.json``."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from agentdesk.plugin_api import CallContext, PluginContext, RelatedPerson
from agentdesk.plugin_api.testing import make_customer
from agentdesk_education.plugin import EducationPlugin, create
from agentdesk_education.reference_server import ServerHandle, start_server

SEED_FILE = Path(__file__).with_name("seed.json")
# The people of seed.json (test-range identity codes): the guardian takes an adult-education course,
# the pupil has intensified support, the toddler a place and a pending transfer application.
GUARDIAN = "010594Y9032"
PUPIL = "020516A902J"
TODDLER = "150322A904X"
NO_RECORDS = "050594U903M"


@pytest.fixture
def seed() -> dict[str, Any]:
    return json.loads(SEED_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def education_server(seed: dict[str, Any]) -> Iterator[ServerHandle]:
    handle = start_server(seed)
    yield handle
    handle.stop()


@pytest.fixture
def plugin_context(education_server: ServerHandle) -> PluginContext:
    """The plugin-testing fixture, pointed at the reference server."""
    return PluginContext("education", {"base_url": education_server.base_url}, {})


@pytest.fixture
def education_plugin(plugin_context: PluginContext) -> Iterator[EducationPlugin]:
    plugin = create(plugin_context)
    yield plugin
    plugin.close()


def child(hetu: str | None, first: str, born: str, customer_id: int) -> RelatedPerson:
    return RelatedPerson(customer_id, hetu, first, "Testinen", born)


FAMILY = (child(PUPIL, "Eetu", "2016-05-02", 2), child(TODDLER, "Ella", "2022-03-15", 3))


@pytest.fixture
def people() -> SimpleNamespace:
    """The identity codes of seed.json and ``child(hetu, first, born, customer_id)``, for the test modules."""
    return SimpleNamespace(
        GUARDIAN=GUARDIAN, PUPIL=PUPIL, TODDLER=TODDLER, NO_RECORDS=NO_RECORDS, FAMILY=FAMILY, child=child
    )


@pytest.fixture
def make_call() -> Callable[..., CallContext]:
    """make_call(hetu=GUARDIAN, children=FAMILY, language="en", timeout=3.0, purpose=..., cancel_event=...)."""

    def make(
        hetu: str | None = GUARDIAN,
        children: tuple[RelatedPerson, ...] = FAMILY,
        *,
        language: str = "en",
        timeout: float = 3.0,
        purpose: str = "statutory_task",
        cancel_event: threading.Event | None = None,
    ) -> CallContext:
        customer = make_customer(hetu=hetu, children=children)
        return CallContext(customer, language, timeout, cancel_event or threading.Event(), purpose=purpose)

    return make
