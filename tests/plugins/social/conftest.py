"""Fixtures for the social-services plugin: a real reference server on loopback and a plugin pointed at it."""

from __future__ import annotations

import pytest

from agentdesk.plugin_api import PluginContext
from agentdesk_social.plugin import create
from agentdesk_social.reference_server import start_server
from tests.plugins.social.social_testing import SEED


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
