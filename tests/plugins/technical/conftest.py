"""Fixtures for the technical-services plugin: a real reference Open311 server on loopback."""

from __future__ import annotations

import socket

import pytest

from agentdesk_technical.reference_server import start_server
from tests.plugins.technical.technical_support import make_seed, plugin_for


@pytest.fixture
def open311():
    handle = start_server(make_seed())
    yield handle
    handle.stop()


@pytest.fixture
def plugin(open311):
    p = plugin_for(open311.base_url)
    yield p
    p.close()


@pytest.fixture
def dead_url() -> str:
    """A loopback port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
