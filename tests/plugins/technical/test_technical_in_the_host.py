"""The technical plugin run by the real plugin host against the reference Open311 server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
import requests

import agentdesk_technical
from agentdesk.plugin_host.host import PluginHost, PluginState
from agentdesk.plugin_host.manifest import read_manifest
from agentdesk.plugin_host.runner import PanelState
from agentdesk.plugin_host.settings import DeploymentPlugins, KeyringSecrets
from agentdesk.staff import StaffMember
from agentdesk.storage.models import StaffRole
from agentdesk_technical.plugin import TechnicalPlugin
from tests.plugins.technical.technical_support import API_KEY, customer, protected_customer

MANIFEST = Path(agentdesk_technical.__file__).with_name("agentdesk-plugin.toml")
AGENT = StaffMember(1, "agent.aino", "Aino", StaffRole.AGENT, 1, "customer_service", "Customer service")


@pytest.fixture
def host(open311):
    KeyringSecrets().set("technical", "api_key", API_KEY)
    deployment = DeploymentPlugins.from_mapping(
        {"plugins": {"technical": {"base_url": open311.base_url, "contact_search": True}}}
    )
    host = PluginHost(deployment=deployment, secrets=KeyringSecrets(), audit_sink=lambda **e: None, call_timeout=2.0)
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
    filed = host.run_action(
        "technical",
        "file_request:water_leak",
        {"attribute[SEVERITY]": "flowing", "address_string": "Fleminginkatu 12, Helsinki"},
        staff=AGENT,
        customer=customer(),
        language="en",
    )
    assert filed.state is PanelState.DATA and filed.value.reference_system == "open311"
    refused = host.run_action(
        "technical",
        "file_request:water_leak",
        {"address_string": "Torikatu 1"},
        staff=AGENT,
        customer=customer(),
        language="en",
    )
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


class _Recorder(ThreadingHTTPServer):
    """A loopback hop in front of the Open311 server that keeps every request line, header and body."""

    def __init__(self, target: str) -> None:
        self.target, self.seen = target.rstrip("/"), []
        super().__init__(("127.0.0.1", 0), _Forward)


class _Forward(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def _forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append(
            f"{self.command} {unquote_plus(self.path)} {self.headers} {unquote_plus(body.decode('utf-8', 'replace'))}"
        )
        answer = requests.request(
            self.command,
            self.server.target + self.path,
            data=body or None,
            headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
            timeout=5,
        )
        self.send_response(answer.status_code)
        self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    do_GET = do_POST = _forward


def test_the_technical_plugin_never_receives_the_identity_code(open311, monkeypatch):
    """The manifest asks for the address, contact points and stored ids, not the hetu: the plugin
    is never given it, so it can never send it to the Open311 server."""
    hetu = "010594Y9032"
    given = []
    for method in ("panel", "action_form", "run_action"):
        original = getattr(TechnicalPlugin, method)
        monkeypatch.setattr(
            TechnicalPlugin,
            method,
            lambda self, action, call, *rest, _o=original: given.append(call) or _o(self, action, call, *rest),
        )
    recorder = _Recorder(open311.base_url)
    threading.Thread(target=recorder.serve_forever, daemon=True).start()
    KeyringSecrets().set("technical", "api_key", API_KEY)
    deployment = DeploymentPlugins.from_mapping(
        {"plugins": {"technical": {"base_url": f"http://127.0.0.1:{recorder.server_port}/", "contact_search": True}}}
    )
    host = PluginHost(deployment=deployment, secrets=KeyringSecrets(), audit_sink=lambda **e: None, call_timeout=2.0)
    host.add_manifest(read_manifest(MANIFEST))
    assert host.activate("technical").state is PluginState.ACTIVE
    who = customer(hetu=hetu, birth_date="1994-05-01")
    try:
        assert _panel(host, who, references=(("open311", "503"),)).state is PanelState.DATA
        assert (
            host.action_form("technical", "file_request:water_leak", staff=AGENT, customer=who, language="fi").state
            is PanelState.DATA
        )
        filed = host.run_action(
            "technical",
            "file_request:water_leak",
            {
                "attribute[SEVERITY]": "flowing",
                "address_string": "Fleminginkatu 12, Helsinki",
                "description": "Vesi valuu",
            },
            staff=AGENT,
            customer=who,
            language="fi",
        )
        assert filed.state is PanelState.DATA
    finally:
        host.shutdown()
        recorder.shutdown()
        recorder.server_close()
    assert len(given) == 3 and all(c.customer.hetu is None and c.customer.birth_date is None for c in given)
    assert given[0].customer.street == "Fleminginkatu 12 A 3" and given[0].references == (("open311", "503"),)
    wire = "\n".join(recorder.seen)
    assert "POST /requests.json" in wire and "email=maija.meikalainen@example.com" in wire  # it did talk
    for form in (hetu, hetu.lower(), "010594", "1994-05-01"):
        assert form not in wire
