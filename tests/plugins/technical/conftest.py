"""Fixtures for the technical-services plugin: a real reference Open311 server on loopback."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

# The suite runs with --import-mode=importlib, which puts no test folder on sys.path; the helper
# module next to this file (technical_support) is imported by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from technical_support import make_seed, plugin_for  # noqa: E402

from agentdesk_technical.reference_server import start_server  # noqa: E402


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
