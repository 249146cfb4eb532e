"""When the FHIR server is slow, dead, failing or talking nonsense, the panel says so quickly and
clearly — BackendUnavailable for no answer, BackendError for a bad one — and honours cancellation.

Most cases use the real server's test modes; bodies no real server produces on request (a JSON
array, a Bundle with garbage entries, a server that ignores the identifier) come from a small
canned-response server on loopback.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from agentdesk.plugin_api import BackendError, BackendUnavailable, Cancelled, PluginContext
from agentdesk_health.demo_data import DEMO_PEOPLE, fhir_seed
from agentdesk_health.plugin import create
from agentdesk_health.server_process import start_fhir_server

HETU = DEMO_PEOPLE[0]["hetu"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the real server, made slow, dead or broken ------------------------------------------------------


def test_slow_server_is_unavailable_within_the_calls_timeout(fhir_server, health_plugin, call_for):
    fhir_server.set_mode("slow", delay_ms=5000)  # it would answer after 5 s: the panel gives up at 1 s
    with pytest.raises(BackendUnavailable, match=r"did not answer within 1 s"):
        health_plugin.panel("summary", call_for(HETU, timeout=1.0))


def test_the_timeout_is_a_budget_for_the_whole_panel(fhir_server, health_plugin, call_for):
    """Four searches of 0.4 s each do not get 1 s each: the panel gives up at about 1 s in all."""
    fhir_server.set_mode("slow", delay_ms=400)
    with pytest.raises(BackendUnavailable):
        health_plugin.panel("summary", call_for(HETU, timeout=1.0))
    assert fhir_server.request_count <= 3, "the panel stopped asking once its 1 s were spent"


def test_nothing_listening_is_unavailable(call_for):
    plugin = create(PluginContext("health", {"base_url": f"http://127.0.0.1:{_free_port()}/fhir/R4/"}, {}))
    with pytest.raises(BackendUnavailable, match=r"cannot reach the FHIR server at 127\.0\.0\.1:.*connection refused"):
        plugin.panel("summary", call_for(HETU, timeout=2.0))
    plugin.close()


def test_a_server_that_stops_is_unavailable(call_for):
    server = start_fhir_server(fhir_seed(DEMO_PEOPLE[:1]))
    plugin = create(PluginContext("health", {"base_url": server.base_url}, {}))
    try:
        assert not plugin.panel("summary", call_for(HETU)).empty
        server.stop()
        assert not server.running
        with pytest.raises(BackendUnavailable, match="connection refused"):
            plugin.panel("summary", call_for(HETU))
    finally:
        plugin.close()
        server.stop()


def test_http_500_is_a_backend_error_with_the_servers_diagnostics(fhir_server, health_plugin, call_for):
    fhir_server.set_mode("error500")
    with pytest.raises(BackendError) as caught:
        health_plugin.panel("summary", call_for(HETU))
    assert not isinstance(caught.value, BackendUnavailable)
    assert str(caught.value) == "HTTP 500 from FHIR server: Simulated failure: database connection lost"


def test_malformed_json_is_a_backend_error(fhir_server, health_plugin, call_for):
    fhir_server.set_mode("malformed")
    with pytest.raises(BackendError, match="the FHIR server returned malformed JSON") as caught:
        health_plugin.panel("summary", call_for(HETU))
    assert not isinstance(caught.value, BackendUnavailable)


def test_an_html_error_page_is_a_backend_error(fhir_server, health_plugin, call_for):
    fhir_server.set_mode("html")
    with pytest.raises(BackendError, match="HTTP 502 from FHIR server: HTML instead of FHIR JSON") as caught:
        health_plugin.panel("summary", call_for(HETU))
    assert not isinstance(caught.value, BackendUnavailable)


def test_the_panel_recovers_when_the_server_does(fhir_server, health_plugin, call_for):
    fhir_server.set_mode("error500")
    with pytest.raises(BackendError):
        health_plugin.panel("summary", call_for(HETU))
    fhir_server.set_mode("normal")
    assert not health_plugin.panel("summary", call_for(HETU)).empty


# -- cancellation ----------------------------------------------------------------------------------


def test_a_call_cancelled_before_it_starts_asks_nothing(fhir_server, health_plugin, call_for):
    call = call_for(HETU)
    call.cancel_event.set()
    with pytest.raises(Cancelled):
        health_plugin.panel("summary", call)
    assert fhir_server.request_count == 0


def test_cancelling_during_the_first_search_stops_before_the_next(fhir_server, health_plugin, call_for):
    fhir_server.set_mode("slow", delay_ms=800)
    call = call_for(HETU, timeout=10.0)
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(health_plugin.panel("summary", call))
        except Exception as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=run)
    started = time.monotonic()
    worker.start()
    while fhir_server.request_count == 0 and time.monotonic() - started < 5:
        time.sleep(0.02)
    call.cancel_event.set()  # the agent moved on while the Patient search is under way
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
    assert fhir_server.stats()["paths"] == {"/fhir/R4/Patient": 1}


# -- bodies no real server sends on request: the canned-response server of conftest.py ------------


@pytest.fixture
def canned_plugin(canned):
    plugin = create(
        PluginContext("health", {"base_url": f"http://127.0.0.1:{canned.server_port}/fhir/R4"}, {"token": "s3cret"})
    )
    yield plugin
    plugin.close()


def _bundle(*resources: object) -> dict:
    return {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in resources]}


PATIENT = {"resourceType": "Patient", "id": "p1", "identifier": [{"system": "urn:oid:1.2.246.21", "value": HETU}]}


@pytest.mark.parametrize(
    ("body", "status", "content_type", "error", "message"),
    [
        (b"[]", 200, "application/fhir+json", BackendError, "the FHIR server returned malformed JSON"),
        (b"", 200, "application/fhir+json", BackendError, "the FHIR server returned malformed JSON"),
        (b"\xff\xfe{", 200, "application/fhir+json", BackendError, "the FHIR server returned malformed JSON"),
        (b"[" * 100000, 200, "application/json", BackendError, "the FHIR server returned malformed JSON"),
        (
            {
                "resourceType": "OperationOutcome",
                "issue": [{"severity": "error", "code": "security", "diagnostics": "purpose of use required"}],
            },
            200,
            "application/fhir+json",
            BackendError,
            r"an OperationOutcome \(purpose of use required\) instead of a search Bundle",
        ),
        ({"resourceType": "Bundle", "entry": "x"}, 200, "application/fhir+json", BackendError, "'entry' is not a list"),
        ({"hello": "world"}, 200, "application/json", BackendError, "a JSON object that is not a FHIR resource"),
        (b"<html><body>Please log in</body></html>", 200, "text/html", BackendError, "^HTML instead of FHIR JSON"),
        (b"", 401, "text/plain", BackendError, "HTTP 401 from FHIR server: not authorised"),
        (b"", 302, "text/plain", BackendError, "HTTP 302 from FHIR server: redirected"),
        (
            {
                "resourceType": "OperationOutcome",
                "issue": [{"severity": "error", "code": "transient", "details": {"text": "maintenance"}}],
            },
            503,
            "application/fhir+json",
            BackendUnavailable,
            "HTTP 503 from FHIR server: maintenance",
        ),
        (
            _bundle({"resourceType": "Patient", "identifier": PATIENT["identifier"]}),
            200,
            "application/fhir+json",
            BackendError,
            "a Patient without a valid id",
        ),
        (
            _bundle({**PATIENT, "identifier": [{"system": "urn:oid:1.2.246.21", "value": "020594X903P"}]}),
            200,
            "application/fhir+json",
            BackendError,
            "patients that do not carry that code",
        ),
    ],
)
def test_unusable_answers_are_backend_errors(
    canned, canned_plugin, call_for, body, status, content_type, error, message
):
    canned.route("Patient", body, status, content_type)
    with pytest.raises(error, match=message) as caught:
        canned_plugin.panel("summary", call_for(HETU))
    if error is BackendError:
        assert not isinstance(caught.value, BackendUnavailable)


def test_wrong_types_in_resources_give_empty_cells_not_crashes(canned, canned_plugin, call_for):
    canned.route(
        "Patient",
        {
            "resourceType": "Bundle",
            "entry": [
                5,
                {"resource": "x"},
                {"resource": {"resourceType": "OperationOutcome"}},
                {"resource": {**PATIENT, "name": 5, "deceasedBoolean": True}},
            ],
        },
    )
    me = {"reference": "Patient/p1"}
    canned.route(
        "Appointment",
        _bundle(
            {
                "resourceType": "Appointment",
                "status": "booked",
                "start": "2999-01-02T10:00:00+02:00",
                "serviceType": [{"coding": [{"display": {"x": 1}}, {"code": "gp"}]}],
                "participant": [
                    {"actor": me},
                    {"actor": {"reference": "Location/1", "display": ["x"]}},
                    {"actor": {"reference": "Patient/someone-else", "display": "Toinen Potilas"}},
                ],
            },
            {
                "resourceType": "Appointment",
                "status": "booked",
                "start": "2999-01-01",  # another patient's
                "participant": [{"actor": {"reference": "Patient/p2"}}],
            },
            {
                "resourceType": "Appointment",
                "status": "cancelled",
                "start": "2999-01-01",
                "participant": [{"actor": me}],
            },
            {"resourceType": "Appointment", "status": "booked", "start": "tomorrow-ish", "participant": "all of us"},
            {"resourceType": "Appointment", "status": "booked", "start": 12, "participant": [{"actor": me}]},
        ),
    )
    canned.route(
        "Encounter",
        _bundle(
            {"resourceType": "Encounter", "subject": me, "period": "last week", "class": "AMB", "type": {"text": 1}},
            {"resourceType": "Encounter", "subject": {"reference": "Patient/p2"}, "period": {"start": "2999-01-01"}},
        ),
    )
    canned.route(
        "EpisodeOfCare",
        _bundle(
            {
                "resourceType": "EpisodeOfCare",
                "status": "active",
                "patient": me,
                "managingOrganization": "Kaleva",
                "team": {"display": "x"},
                "careManager": {"display": "Mervi Koski"},
                "period": {"start": None},
            },
            {"resourceType": "EpisodeOfCare", "status": "active", "patient": "Patient/p1"},
        ),
    )
    data = canned_plugin.panel("summary", call_for(HETU))
    upcoming, recent, care = (s.table.rows for s in data.sections)
    # Another patient's name never shows; unreadable values become "—".
    assert upcoming == (("2999-01-02 10:00", "gp", "—"), ("12", "—", "—"))
    assert recent == (("—", "—", "—"),)
    assert care == (("—", "Mervi Koski", "—"),)
    assert [b.text for b in data.badges] == ["Deceased"]


def test_requests_carry_accept_token_and_purpose(canned, canned_plugin, call_for):
    canned.route("Patient", _bundle())
    canned_plugin.panel("summary", call_for(HETU, purpose="consent"))
    ((path, headers),) = canned.requests
    assert path == "/fhir/R4/Patient?identifier=urn%3Aoid%3A1.2.246.21%7C" + HETU
    assert headers["Accept"] == "application/fhir+json"
    assert headers["Authorization"] == "Bearer s3cret"
    assert headers["X-Purpose-Of-Use"] == "consent"


def test_paging_links_are_not_followed(canned, canned_plugin, call_for):
    canned.route("Patient", {**_bundle(PATIENT), "link": [{"relation": "next", "url": "http://127.0.0.1:9/p2"}]})
    many = [
        {"resourceType": "Encounter", "subject": {"reference": "Patient/p1"}, "period": {"start": f"2999-01-{d:02d}"}}
        for d in range(1, 29)
    ]
    canned.route("Encounter", {**_bundle(*many), "link": [{"relation": "next", "url": "http://127.0.0.1:9/e2"}]})
    canned.route("Appointment", _bundle())
    canned.route("EpisodeOfCare", _bundle())
    data = canned_plugin.panel("summary", call_for(HETU))
    assert len(canned.requests) == 4
    assert len(data.sections[1].table.rows) == 10  # at most ten recent visits, latest first
    assert data.sections[1].table.rows[0][0] == "2999-01-28"


def test_only_the_patient_asked_for_is_shown_whatever_the_references_say(canned, canned_plugin, call_for):
    base = f"http://127.0.0.1:{canned.server_port}/fhir/R4"
    canned.route(
        "Patient",
        _bundle(
            {
                "resourceType": "Patient",
                "id": "p2",
                "name": [{"text": "Toinen Potilas"}],
                "identifier": [{"system": "urn:oid:1.2.246.21", "value": "020594X903P"}],
            },
            PATIENT,
        ),
    )
    canned.route(
        "Appointment",
        _bundle(
            {
                "resourceType": "Appointment",
                "status": "booked",
                "start": "2999-01-02T10:00:00+02:00",
                "participant": [
                    {"actor": {"reference": f"{base}/Patient/p1"}},  # absolute, on this server: mine
                    {"actor": {"reference": "RelatedPerson/r1", "display": "Omainen Olli"}},
                    {"actor": {"display": "Tyypitön Tyyne"}},
                    {"actor": {"reference": "#c1", "display": "Sisäinen Sanna"}},
                    {"actor": {"reference": "Practitioner/9", "display": "Lääkäri Laine"}},
                ],
            },
            {
                "resourceType": "Appointment",
                "status": "booked",
                "start": "2999-01-03",  # another server's p1
                "participant": [{"actor": {"reference": "http://other.example/fhir/Patient/p1", "display": "Vieras"}}],
            },
        ),
    )
    canned.route(
        "Encounter",
        _bundle(
            {
                "resourceType": "Encounter",
                "subject": {"reference": " Patient/p1"},
                "period": {"start": "2999-01-01"},
                "type": [{"text": "Toisen potilaan käynti"}],
            }
        ),
    )
    canned.route(
        "EpisodeOfCare",
        _bundle(
            {
                "resourceType": "EpisodeOfCare",
                "status": "active",
                "patient": {"reference": "Patient/p1"},
                "careManager": {"reference": "RelatedPerson/r1", "display": "Omainen Olli"},
            }
        ),
    )
    data = canned_plugin.panel("summary", call_for(HETU))
    upcoming, recent, care = (s.table.rows for s in data.sections)
    assert upcoming == (("2999-01-02 10:00", "—", "Lääkäri Laine"),)
    assert recent == () and care == (("—", "—", "—"),)


@pytest.mark.parametrize("start", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:30:00Z"])
def test_dates_out_of_range_give_a_row_not_a_crash(canned, canned_plugin, call_for, start):
    canned.route("Patient", _bundle(PATIENT))
    canned.route("Appointment", _bundle())
    canned.route(
        "Encounter",
        _bundle({"resourceType": "Encounter", "subject": {"reference": "Patient/p1"}, "period": {"start": start}}),
    )
    canned.route(
        "EpisodeOfCare",
        _bundle(
            {
                "resourceType": "EpisodeOfCare",
                "status": "active",
                "patient": {"reference": "Patient/p1"},
                "period": {"start": start},
            }
        ),
    )
    data = canned_plugin.panel("summary", call_for(HETU))
    assert data.sections[1].table.rows == ((start, "—", "—"),)  # shown as sent, not interpreted
    assert data.sections[2].table.rows == (("—", "—", f"since {start}"),)
