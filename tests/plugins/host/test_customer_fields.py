"""Data minimisation: a plugin gets only the customer fields its manifest asks for, in panels and
actions alike; a manifest that asks for nothing gets the customer id and display name only."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from agentdesk.plugin_api.testing import make_customer
from agentdesk.plugin_host.host import PluginHost, PluginState
from agentdesk.plugin_host.manifest import parse_manifest
from agentdesk.plugin_host.settings import DeploymentPlugins, KeyringSecrets
from agentdesk.staff import StaffMember
from agentdesk.storage.models import StaffRole

FAKES = Path(__file__).with_name("fake_plugins")
GOOD_MANIFEST = (FAKES / "good_plugin" / "agentdesk-plugin.toml").read_text(encoding="utf-8")
AGENT = StaffMember(1, "agent.aino", "Aino", StaffRole.AGENT, 1, "health", "Health")
REFERENCES = (("open311", "4711"), ("fhir", "Encounter/9"))
FULL = make_customer(
    customer_id=42,
    hetu="010594Y9032",
    birth_date="1994-05-01",
    phones=("+358401234567",),
    emails=("aino.testinen@example.fi",),
    street="Testikatu 1",
    postal_code="33100",
    municipality="Tampere",
    preferred_language="sv",
)


@pytest.fixture
def seen(monkeypatch):
    monkeypatch.syspath_prepend(str(FAKES))
    from good_plugin.plugin import SEEN

    SEEN.clear()
    yield SEEN
    SEEN.clear()
    for name in [m for m in sys.modules if m.split(".")[0] == "good_plugin"]:
        del sys.modules[name]


def host_with(fields_line: str) -> PluginHost:
    deployment = DeploymentPlugins.from_mapping({"plugins": {"good": {"base_url": "http://127.0.0.1:9/x"}}})
    host = PluginHost(deployment=deployment, secrets=KeyringSecrets(), audit_sink=lambda **entry: None)
    text = GOOD_MANIFEST.replace('backend = "Test back end"', f'backend = "Test back end"\n{fields_line}')
    host.add_manifest(parse_manifest(text, "good/agentdesk-plugin.toml"))
    assert host.activate("good").state is PluginState.ACTIVE
    return host


def use_everything(host: PluginHost, customer=FULL) -> None:
    done = threading.Event()
    host.request_panel(
        "good.info",
        staff=AGENT,
        customer=customer,
        language="en",
        purpose=None,
        done=lambda outcome: done.set(),
        references=REFERENCES,
    )
    assert done.wait(10)
    assert host.action_form("good", "do", staff=AGENT, customer=customer, language="en").state.value == "data"
    assert (
        host.run_action("good", "do", {"what": "x"}, staff=AGENT, customer=customer, language="en").state.value
        == "data"
    )


def test_a_manifest_without_customer_fields_gets_the_id_and_display_name_only(seen):
    host = host_with("")
    try:
        use_everything(host)
    finally:
        host.shutdown()
    assert len(seen) == 3
    for call in seen:
        c = call.customer
        assert (c.customer_id, c.first_names, c.last_name, c.preferred_language) == (42, "Aino", "Testinen", "sv")
        assert (c.hetu, c.birth_date, c.phones, c.emails) == (None, None, (), ())
        assert (c.street, c.postal_code, c.municipality) == (None, None, None)
        assert call.references == ()


def test_each_field_asked_for_is_given_and_nothing_else(seen):
    host = host_with('customer_fields = ["hetu", "emails", "references"]')
    try:
        use_everything(host)
    finally:
        host.shutdown()
    panel_call, _form_call, _action_call = seen
    for call in seen:
        assert call.customer.hetu == "010594Y9032" and call.customer.emails == ("aino.testinen@example.fi",)
        assert call.customer.phones == () and call.customer.street is None and call.customer.birth_date is None
    assert panel_call.references == REFERENCES


def test_the_address_is_given_when_asked_for_but_never_a_protected_one(seen):
    host = host_with('customer_fields = ["address", "phones", "birth_date"]')
    protected = make_customer(
        customer_id=43, street="Piilotie 9", postal_code="00100", municipality="Helsinki", address_protected=True
    )
    try:
        use_everything(host)
        use_everything(host, protected)
    finally:
        host.shutdown()
    mine, theirs = seen[0].customer, seen[3].customer
    assert (mine.street, mine.postal_code, mine.municipality) == ("Testikatu 1", "33100", "Tampere")
    assert mine.phones == ("+358401234567",) and mine.birth_date == "1994-05-01" and mine.hetu is None
    assert theirs.address_protected and (theirs.street, theirs.postal_code, theirs.municipality) == (None,) * 3
