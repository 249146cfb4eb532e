"""The technical plugin run by the real plugin host against the reference Open311 server."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import agentdesk_technical
from agentdesk.plugin_host.host import PluginHost, PluginState
from agentdesk.plugin_host.manifest import read_manifest
from agentdesk.plugin_host.runner import PanelState
from agentdesk.plugin_host.settings import DeploymentPlugins, KeyringSecrets
from agentdesk.staff import StaffMember
from agentdesk.storage.models import StaffRole
from tests.plugins.technical.technical_support import API_KEY, customer, protected_customer

MANIFEST = Path(agentdesk_technical.__file__).with_name("agentdesk-plugin.toml")
AGENT = StaffMember(1, "agent.aino", "Aino", StaffRole.AGENT, 1, "customer_service", "Customer service")


@pytest.fixture
def host(open311):
    KeyringSecrets().set("technical", "api_key", API_KEY)
    deployment = DeploymentPlugins.from_mapping(
        {"plugins": {"technical": {"base_url": open311.base_url, "contact_search": True}}})
    host = PluginHost(deployment=deployment, secrets=KeyringSecrets(), audit_sink=lambda **e: None,
                      call_timeout=2.0)
    host.add_manifest(read_manifest(MANIFEST))
    assert host.activate("technical").state is PluginState.ACTIVE
    yield host
    host.shutdown()


def _panel(host, who, **kw):
    done, box = threading.Event(), {}

    def got(outcome):
        box["outcome"] = outcome
        done.set()

    host.request_panel("technical.requests", staff=AGENT, customer=who, language="en", purpose=None, done=got, **kw)
    assert done.wait(10), "the panel call never finished"
    return box["outcome"]


def test_panel_and_filing_through_the_host(host, open311):
    outcome = _panel(host, customer())
    assert outcome.state is PanelState.DATA
    assert [row[-1] for row in outcome.value.sections[0].table.rows] == ["502", "501"]

    form = host.action_form("technical", "file_request:water_leak", staff=AGENT, customer=customer(), language="en")
    assert form.state is PanelState.DATA and form.value.fields[0].key == "attribute[SEVERITY]"
    filed = host.run_action("technical", "file_request:water_leak",
                            {"attribute[SEVERITY]": "flowing", "address_string": "Fleminginkatu 12, Helsinki"},
                            staff=AGENT, customer=customer(), language="en")
    assert filed.state is PanelState.DATA and filed.value.reference_system == "open311"
    refused = host.run_action("technical", "file_request:water_leak", {"address_string": "Torikatu 1"},
                              staff=AGENT, customer=customer(), language="en")
    assert refused.error_kind == "input" and set(refused.value) == {"attribute[SEVERITY]"}


def test_protected_customer_panel_passes_the_hosts_address_guard(host):
    # The customer's protected street is in the requests the e-mail search finds, yet nothing leaks.
    who = protected_customer()
    outcome = _panel(host, who, protected_text=("Fleminginkatu 12",))
    assert outcome.state is PanelState.DATA
    assert [row[-1] for row in outcome.value.sections[0].table.rows] == ["502", "501"]


def test_dead_back_end_is_an_unavailable_panel(host, open311):
    open311.stop()
    outcome = _panel(host, customer())
    assert outcome.state is PanelState.ERROR and outcome.error_kind == "unavailable"
