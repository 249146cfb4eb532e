"""A real FHIR R4 server (plugins/health/fhir-server, medplum's FhirRouter on Node) on loopback,
started once per session with the demo people and official HL7 examples; each test that asks for
``fhir_server`` gets it back in ``normal`` mode with its request counters at zero.

No Node.js or no node_modules is a test *error* with the fix in the message, never a skip.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from agentdesk.plugin_api import CallContext, PluginContext
from agentdesk.plugin_api.testing import make_customer
from agentdesk_health.demo_data import DEMO_PEOPLE, fhir_seed
from agentdesk_health.plugin import create, helsinki_today
from agentdesk_health.server_process import FhirServerError, official_examples, start_fhir_server


@pytest.fixture(scope="session")
def today() -> dt.date:
    """The plugin's idea of today (Helsinki), fixed for the session: the seed is relative to it."""
    return helsinki_today()


@pytest.fixture(scope="session")
def seed_resources(today) -> list[dict]:
    try:
        return fhir_seed(DEMO_PEOPLE, today=today) + official_examples()
    except FhirServerError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def fhir_server_session(seed_resources):
    try:
        server = start_fhir_server(seed_resources)
    except FhirServerError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def fhir_server(fhir_server_session):
    fhir_server_session.set_mode("normal")
    fhir_server_session.reset_stats()
    yield fhir_server_session
    fhir_server_session.set_mode("normal")


@pytest.fixture
def plugin_context(fhir_server) -> PluginContext:
    return PluginContext("health", {"base_url": fhir_server.base_url}, {})


@pytest.fixture
def health_plugin(plugin_context):
    plugin = create(plugin_context)
    yield plugin
    plugin.close()


@pytest.fixture
def call_for():
    """A CallContext for a customer with ``hetu`` (None: no identity code on record)."""

    def make(hetu: str | None, language: str = "en", timeout: float = 5.0, **kw) -> CallContext:
        return CallContext(make_customer(hetu=hetu), language=language, timeout=timeout, **kw)

    return make


# -- bodies no real server sends on request: a canned-response server --------------------------------


class _Canned(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        super().__init__(("127.0.0.1", 0), _CannedHandler)

    def route(
        self, resource_type: str, body: object, status: int = 200, content_type: str = "application/fhir+json"
    ) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.routes[f"/fhir/R4/{resource_type}"] = (status, content_type, raw)


class _CannedHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.requests.append((self.path, dict(self.headers)))
        status, content_type, raw = self.server.routes.get(path, (404, "application/fhir+json", b""))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def canned():
    server = _Canned()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="canned-fhir")
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
