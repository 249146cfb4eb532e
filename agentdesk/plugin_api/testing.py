"""pytest fixtures for plugin authors, registered through the ``pytest11`` entry point.

def test_my_panel(call_context, plugin_context):
    plugin = create(plugin_context)
    data = plugin.panel("summary", call_context)
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from agentdesk.plugin_api import CallContext, CustomerContext, PluginContext

_TEST_CUSTOMER = CustomerContext(
    customer_id=1,
    hetu="010594Y9032",
    first_names="Aino",
    last_name="Testinen",
    birth_date="1994-05-01",
    phones=("+358401234567",),
    emails=("aino.testinen@example.fi",),
    street="Testikatu 1",
    postal_code="33100",
    municipality="Tampere",
    address_protected=False,
    preferred_language="fi",
)


def make_customer(**overrides: Any) -> CustomerContext:
    """The fictional test customer with some fields replaced, e.g. ``make_customer(hetu=None)``."""
    return dataclasses.replace(_TEST_CUSTOMER, **overrides)


@pytest.fixture
def customer_context() -> CustomerContext:
    """A fictional customer with a test-range identity code."""
    return make_customer()


@pytest.fixture
def call_context(customer_context: CustomerContext) -> CallContext:
    return CallContext(customer_context, language="en", timeout=2.0)


@pytest.fixture
def plugin_context() -> PluginContext:
    """Override in your conftest with your back end's settings: PluginContext(id, {"base_url": ...}, {})."""
    return PluginContext("test", {}, {})
