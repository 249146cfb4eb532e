"""Shared parts of the department-panel tests (no tests here): the three plugins' real back ends on
loopback, seeded for the customers of tests/ui/conftest.py, and a desk signed in with them.

- the FHIR server (Node.js, medplum) is started once per session: Anna Virtanen is a patient;
- the Open311 and social-services reference servers run in this process, one per test (a test may
  stop one, or leave it sleeping in slow mode);
- ``plugin_desk(username, ...)`` builds the real desk (build_app, sign-in, overview in customer tabs)
  with a PluginSetup pointing at them and short call deadlines, and closes it afterwards.

The test modules import this one by name (the suite runs with --import-mode=importlib).
"""

from __future__ import annotations

import datetime as dt
import socket
import time
from pathlib import Path

import pytest

from agentdesk.customer_register import CustomerRegister
from agentdesk.plugin_host.settings import DeploymentPlugins
from agentdesk.storage.models import Department, StaffRole, StaffUser
from agentdesk_demo.backends import MappingSecrets
from agentdesk_health.demo_data import fhir_seed
from agentdesk_health.plugin import helsinki_today
from agentdesk_health.server_process import FhirServerError, start_fhir_server
from agentdesk_social.demo_data import social_seed
from agentdesk_social.reference_server import start_server as start_social
from agentdesk_technical.demo_backend import API_KEY as TECHNICAL_API_KEY
from agentdesk_technical.reference_server import default_seed
from agentdesk_technical.reference_server import start_server as start_open311

FAKE_PLUGINS = Path(__file__).resolve().parents[1] / "plugins" / "host" / "fake_plugins"
ANNA_HETU = "150385-912"  # + check character: conftest's hetu("150385", "-", 912)
ANNA = {"first_names": "Anna", "last_name": "Virtanen", "birth_date": "1985-03-15", "sex": "female",
        "roles": ["social_services_client"]}
ANNA_EMAIL = "anna.virtanen@example.fi"
CALL_TIMEOUT = 2.0  # seconds per plugin call in these tests (the desk's default is 4)
NOW = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def anna_hetu() -> str:
    from agentdesk.identity import hetu_check_char

    return ANNA_HETU + hetu_check_char("150385912")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def open311_request(request_id: str, *, email: str, status: str = "open", notes: str = "Välitetty urakoitsijalle.",
                    days_ago: int = 2, address: str = "Hämeenkatu 12, Tampere") -> dict:
    at = (NOW - dt.timedelta(days=days_ago)).isoformat()
    return {"service_request_id": request_id, "service_code": "streetlight", "service_name": "Katuvalo rikki",
            "status": status, "status_notes": notes, "agency_responsible": "Katuvalaistus", "service_notice": "",
            "requested_datetime": at, "updated_datetime": at, "expected_datetime": None,
            "description": "Katuvalo ei pala.", "address": address, "address_id": None, "zipcode": None,
            "lat": None, "long": None, "media_url": None, "email": email, "phone": None,
            "first_name": None, "last_name": None}


def open311_seed(requests: list[dict]) -> dict:
    seed = default_seed()
    seed["requests"] = requests
    return seed


# -- servers ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fhir_session():
    people = [dict(ANNA, hetu=anna_hetu())]
    try:
        server = start_fhir_server(fhir_seed(people, today=helsinki_today()))
    except FhirServerError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def fhir(fhir_session):
    fhir_session.set_mode("normal")
    fhir_session.reset_stats()
    yield fhir_session
    fhir_session.set_mode("normal")


@pytest.fixture
def social():
    server = start_social(social_seed([dict(ANNA, hetu=anna_hetu())], today=dt.date.today()))
    yield server
    server.stop()


@pytest.fixture
def open311():
    server = start_open311(open311_seed([open311_request("7001", email=ANNA_EMAIL)]))
    yield server
    server.stop()


def deployment(fhir, social, open311, *, contact_search: bool = True, extra: dict | None = None) -> DeploymentPlugins:
    plugins = {
        "health": {"base_url": fhir.base_url if fhir else f"http://127.0.0.1:{closed_port()}/fhir/R4/"},
        "social": {"base_url": social.base_url if social else f"http://127.0.0.1:{closed_port()}/"},
        "technical": {"base_url": open311.base_url if open311 else f"http://127.0.0.1:{closed_port()}/",
                      "contact_search": contact_search},
    }
    plugins.update(extra or {})
    return DeploymentPlugins.from_mapping({"plugins": plugins, "plugins_default_enabled": False}, "test")


def request_counts(fhir, social, open311) -> dict[str, int]:
    return {"health": fhir.request_count, "social": social.stats()["total"], "technical": open311.stats()["total"]}


# -- the desk --------------------------------------------------------------------------------------


@pytest.fixture
def more_staff(sqlite_db, seeded):
    """A technical-services agent and a data steward besides conftest's staff."""
    with sqlite_db.session() as s, s.begin():
        technical = Department(code="technical", name="Tekniset palvelut")
        s.add(technical)
        s.flush()
        service = s.query(Department).filter_by(code="customer_service").one()
        s.add_all([StaffUser(username="tech.teemu", display_name="Teemu Tekninen", role=StaffRole.AGENT,
                             department_id=technical.id, active=True),
                   StaffUser(username="steward.paavo", display_name="Paavo Tietosuoja", role=StaffRole.STEWARD,
                             department_id=service.id, active=True)])
    return seeded


@pytest.fixture
def plugin_desk(qtbot, sqlite_db, more_staff):
    """plugin_desk(username, deployment, extra_packages=()) -> the running desk (closed afterwards)."""
    from ui.app import build_app
    from ui.plugins.desk_plugins import PluginSetup

    desks = []

    def make(username: str, plugins: DeploymentPlugins, *, extra_packages=(), timeout: float = CALL_TIMEOUT):
        setup = PluginSetup(deployment=plugins, secrets=MappingSecrets({("technical", "api_key"): TECHNICAL_API_KEY}),
                            extra_packages=tuple(extra_packages), call_timeout=timeout)
        desk = build_app(sqlite_db, install_hooks=False, language="en", plugins=setup)
        desks.append(desk)
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username=username)
        qtbot.waitUntil(lambda: desk.plugins.is_ready, timeout=10_000)
        desk.window.resize(1920, 1080)
        return desk

    yield make
    for desk in desks:
        desk.shutdown()
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def open_area(qtbot, desk, customer_id: int):
    """Open the customer's tab; the department panel area once the customer is read."""
    view = desk.window.open_customer(customer_id)
    area = view.plugin_panel_area
    assert area is not None, "the overview has no department panels"
    qtbot.waitUntil(lambda: area.customer is not None, timeout=5000)
    return area


def wait_states(qtbot, area, states=("data", "empty", "error"), timeout: int = 8000) -> None:
    qtbot.waitUntil(lambda: all(p.state in states for p in area.panels.values()), timeout=timeout)


def choose_purposes(area, purpose: str = "consent") -> None:
    for panel in area.panels.values():
        if panel.spec.sensitive:
            panel.purpose_buttons[purpose].click()


def sensitive_audit(db, customer_id: int) -> list[tuple[str, str, str]]:
    from agentdesk import audit

    with db.session() as s:
        return [(e.action, e.purpose, e.detail.split()[0]) for e in audit.entries_for(s, customer_id)
                if e.action == "plugin.panel.view"]


def hetu_of(db, customer_id: int) -> str:
    return CustomerRegister(db).get(customer_id).hetu


class Heartbeat:
    """A QTimer at ``interval`` ms; the longest gap between its ticks says how long the UI thread stalled."""

    def __init__(self, interval: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.interval = interval
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(interval)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def longest_gap_ms(self) -> float:
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:])]
        return max(gaps, default=0.0) * 1000
