"""Fixtures for the social-services plugin: a real reference server on loopback and a plugin pointed at it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The suite runs with --import-mode=importlib, which puts no test folder on sys.path; the helper
# modules next to this file (social_testing, social_contract_check) are imported by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from social_testing import SEED  # noqa: E402

from agentdesk.plugin_api import PluginContext  # noqa: E402
from agentdesk_social.plugin import create  # noqa: E402
from agentdesk_social.reference_server import start_server  # noqa: E402


@pytest.fixture
def social_server():
    handle = start_server(SEED)
    yield handle
    handle.stop()


@pytest.fixture
def social_plugin(social_server):
    plugin = create(PluginContext("social", {"base_url": social_server.base_url}, {}))
    yield plugin
    plugin.close()
