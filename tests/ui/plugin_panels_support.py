"""Shared parts of the department-panel tests (no tests here): the three plugins' real back ends on
loopback, seeded for the customers of tests/ui/conftest.py, and a desk signed in with them.

- the FHIR server (Node.js, medplum) is started once per session: Anna Virtanen is a patient;
- the Open311 and social-services reference servers run in this process, one per test (a test may
  stop one, or leave it sleeping in slow mode);
- ``plugin_desk(username, ...)`` builds the real desk (build_app, sign-in, overview in customer tabs)
  with a PluginSetup pointing at them and short call deadlines, and closes it afterwards.

The fixtures (fhir_session, fhir, social, open311, more_staff, plugin_desk) live in tests/ui/conftest.py;
the helpers and constants here are imported as ``tests.ui.plugin_panels_support``.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
from pathlib import Path

from agentdesk.customer_register import CustomerRegister
from agentdesk.plugin_host.settings import DeploymentPlugins
from agentdesk_technical.reference_server import default_seed

FAKE_PLUGINS = Path(__file__).resolve().parents[1] / "plugins" / "host" / "fake_plugins"
ANNA_HETU = "150385-912"  # + check character: conftest's hetu("150385", "-", 912)
ANNA = {
    "first_names": "Anna",
    "last_name": "Virtanen",
    "birth_date": "1985-03-15",
    "sex": "female",
    "roles": ["social_services_client"],
}
ANNA_EMAIL = "anna.virtanen@example.fi"
CALL_TIMEOUT = 2.0  # seconds per plugin call in these tests (the desk's default is 4)
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def anna_hetu() -> str:
    from agentdesk.identity import hetu_check_char

    return ANNA_HETU + hetu_check_char("150385912")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def open311_request(
    request_id: str,
    *,
    email: str,
    status: str = "open",
    notes: str = "Välitetty urakoitsijalle.",
    days_ago: int = 2,
    address: str = "Hämeenkatu 12, Tampere",
) -> dict:
    at = (NOW - dt.timedelta(days=days_ago)).isoformat()
    return {
        "service_request_id": request_id,
        "service_code": "streetlight",
        "service_name": "Katuvalo rikki",
        "status": status,
        "status_notes": notes,
        "agency_responsible": "Katuvalaistus",
        "service_notice": "",
        "requested_datetime": at,
        "updated_datetime": at,
        "expected_datetime": None,
        "description": "Katuvalo ei pala.",
        "address": address,
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
        "email": email,
        "phone": None,
        "first_name": None,
        "last_name": None,
    }


def open311_seed(requests: list[dict]) -> dict:
    seed = default_seed()
    seed["requests"] = requests
    return seed


# -- servers ---------------------------------------------------------------------------------------


def deployment(fhir, social, open311, *, contact_search: bool = True, extra: dict | None = None) -> DeploymentPlugins:
    plugins = {
        "health": {"base_url": fhir.base_url if fhir else f"http://127.0.0.1:{closed_port()}/fhir/R4/"},
        "social": {"base_url": social.base_url if social else f"http://127.0.0.1:{closed_port()}/"},
        "technical": {
            "base_url": open311.base_url if open311 else f"http://127.0.0.1:{closed_port()}/",
            "contact_search": contact_search,
        },
    }
    plugins.update(extra or {})
    return DeploymentPlugins.from_mapping({"plugins": plugins, "plugins_default_enabled": False}, "test")


def request_counts(fhir, social, open311) -> dict[str, int]:
    return {"health": fhir.request_count, "social": social.stats()["total"], "technical": open311.stats()["total"]}


# -- the desk --------------------------------------------------------------------------------------


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
        return [
            (e.action, e.purpose, e.detail.split()[0])
            for e in audit.entries_for(s, customer_id)
            if e.action == "plugin.panel.view"
        ]


def hetu_of(db, customer_id: int) -> str:
    return CustomerRegister(db).get(customer_id).hetu


class Heartbeat:
    """A QTimer at ``interval`` ms on the UI thread: its ticks arrive only while the event loop runs."""

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
