"""The health plugin run by the real plugin host against the real FHIR server: need-to-know
access (nothing reaches the server unless the agent may look and gave a purpose), audit, and
backend failures turned into panel states."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import agentdesk_health
from agentdesk.plugin_api.testing import make_customer
from agentdesk.plugin_host.host import AccessDenied, PluginHost, PluginState, PurposeRequired
from agentdesk.plugin_host.manifest import read_manifest
from agentdesk.plugin_host.runner import PanelState
from agentdesk.plugin_host.settings import DeploymentPlugins, KeyringSecrets
from agentdesk.staff import StaffMember
from agentdesk.storage.models import StaffRole
from agentdesk_health.demo_data import DEMO_PEOPLE

MANIFEST = Path(agentdesk_health.__file__).with_name("agentdesk-plugin.toml")
NURSE_LINE = StaffMember(1, "agent.aino", "Aino", StaffRole.AGENT, 1, "health", "Health")
WATER = StaffMember(2, "agent.ville", "Ville", StaffRole.AGENT, 3, "water", "Water utility")
STEWARD = StaffMember(3, "steward.paavo", "Paavo", StaffRole.STEWARD, 2, "customer_service", "Customer service")
CUSTOMER = make_customer(hetu=DEMO_PEOPLE[0]["hetu"])


@pytest.fixture
def host(fhir_server):
    audit: list[dict] = []
    deployment = DeploymentPlugins.from_mapping({"plugins": {"health": {"base_url": fhir_server.base_url}}})
    host = PluginHost(deployment=deployment, secrets=KeyringSecrets(), audit_sink=lambda **e: audit.append(e))
    host.add_manifest(read_manifest(MANIFEST))
    assert host.activate("health").state is PluginState.ACTIVE
    host.audit = audit
    yield host
    host.shutdown()


def _panel(host, staff=NURSE_LINE, purpose="consent", **kw):
    done = threading.Event()
    box = {}

    def got(outcome):
        box["outcome"] = outcome
        done.set()

    host.request_panel("health.summary", staff=staff, customer=CUSTOMER, language="fi", purpose=purpose, done=got, **kw)
    assert done.wait(10), "the panel call never finished"
    return box["outcome"]


def test_who_may_not_look_causes_no_fhir_request_and_no_audit(host, fhir_server):
    assert [p.key for p in host.panels_for(NURSE_LINE)] == ["health.summary"]
    assert host.panels_for(WATER) == [] and host.panels_for(STEWARD) == []
    for staff in (WATER, STEWARD):
        with pytest.raises(AccessDenied):
            _panel(host, staff=staff)
    with pytest.raises(PurposeRequired):
        _panel(host, purpose=None)
    assert fhir_server.request_count == 0
    assert host.audit == []


def test_a_permitted_look_is_audited_and_shows_the_record(host, fhir_server):
    outcome = _panel(host, purpose="statutory_task")
    assert outcome.state is PanelState.DATA
    assert next(s.title for s in outcome.value.sections) == "Tulevat ajanvaraukset"
    assert fhir_server.request_count == 4
    (entry,) = host.audit
    assert entry["action"] == "plugin.panel.view" and entry["purpose"] == "statutory_task"
    assert entry["subject_customer_id"] == CUSTOMER.customer_id


def test_a_failing_server_puts_the_panel_in_error_with_the_reason(host, fhir_server):
    fhir_server.set_mode("error500")
    outcome = _panel(host)
    assert outcome.state is PanelState.ERROR
    assert "HTTP 500 from FHIR server: Simulated failure: database connection lost" in outcome.error
