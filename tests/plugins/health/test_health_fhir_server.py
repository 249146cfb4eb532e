"""The loopback FHIR server itself (plugins/health/fhir-server/server.js): the REST behaviour the
plugin relies on, the test switches, the request counters and its start-up errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
import requests

from agentdesk_health import server_process
from agentdesk_health.server_process import FhirServerError, start_fhir_server

FHIR = {"Accept": "application/fhir+json", "Content-Type": "application/fhir+json"}


def _issue_text(body: dict) -> str:
    assert body["resourceType"] == "OperationOutcome"
    issue = body["issue"][0]
    return issue.get("diagnostics") or issue["details"]["text"]


def test_create_read_and_search(fhir_server):
    base = fhir_server.base_url
    created = requests.post(
        base + "Patient",
        headers=FHIR,
        timeout=5,
        json={
            "resourceType": "Patient",
            "identifier": [{"system": "urn:oid:1.2.246.21", "value": "070745-991R"}],
            "name": [{"family": "Kokeilu", "given": ["Kaisa"]}],
        },
    )
    assert created.status_code == 201
    patient = created.json()
    assert created.headers["Location"] == f"/fhir/R4/Patient/{patient['id']}"
    assert created.headers["Content-Type"].startswith("application/fhir+json")

    read = requests.get(f"{base}Patient/{patient['id']}", headers=FHIR, timeout=5)
    assert read.status_code == 200 and read.json()["name"][0]["family"] == "Kokeilu"

    found = requests.get(
        base + "Patient", params={"identifier": "urn:oid:1.2.246.21|070745-991R"}, headers=FHIR, timeout=5
    ).json()
    assert found["resourceType"] == "Bundle" and found["type"] == "searchset"
    assert [e["resource"]["id"] for e in found["entry"]] == [patient["id"]]


def test_errors_are_operation_outcomes_with_4xx(fhir_server):
    base = fhir_server.base_url
    unknown = requests.get(base + "Patient/no-such-id", timeout=5)
    assert unknown.status_code == 404 and _issue_text(unknown.json()) == "Not found"

    bad_date = requests.get(base + "Encounter", params={"date": "ge2024-13-45"}, timeout=5)
    assert bad_date.status_code == 400 and "2024-13-45" in _issue_text(bad_date.json())

    wrong_type = requests.post(base + "Patient", json={"resourceType": "Patient", "gender": 5}, timeout=5)
    assert wrong_type.status_code == 400 and "expected string" in _issue_text(wrong_type.json())

    not_json = requests.post(base + "Patient", data=b"{oops", headers=FHIR, timeout=5)
    assert not_json.status_code == 400 and _issue_text(not_json.json()) == "Request body is not valid JSON"

    no_such_type = requests.get(base + "Spaceship", timeout=5)
    assert no_such_type.status_code == 404 and "Spaceship" in _issue_text(no_such_type.json())


def test_stats_count_fhir_requests_per_path_and_reset(fhir_server):
    assert fhir_server.request_count == 0
    requests.get(fhir_server.base_url + "Patient", timeout=5)
    requests.get(fhir_server.base_url + "Patient", params={"_count": "1"}, timeout=5)
    requests.get(fhir_server.base_url + "Encounter/x", timeout=5)
    fhir_server.set_mode("normal")  # admin requests are not counted
    assert fhir_server.stats() == {"total": 3, "paths": {"/fhir/R4/Patient": 2, "/fhir/R4/Encounter/x": 1}}
    fhir_server.reset_stats()
    assert fhir_server.request_count == 0


@pytest.mark.parametrize(
    ("mode", "status", "content_type"),
    [
        ("error500", 500, "application/fhir+json"),
        ("malformed", 200, "application/fhir+json"),
        ("html", 502, "text/html"),
    ],
)
def test_test_modes(fhir_server, mode, status, content_type):
    fhir_server.set_mode(mode)
    response = requests.get(fhir_server.base_url + "Patient", timeout=5)
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith(content_type)
    if mode == "error500":
        assert _issue_text(response.json()) == "Simulated failure: database connection lost"
    if mode == "malformed":
        with pytest.raises(requests.JSONDecodeError):
            response.json()
    fhir_server.set_mode("normal")
    assert requests.get(fhir_server.base_url + "Patient", timeout=5).status_code == 200


def test_slow_mode_delays_fhir_requests_but_not_the_admin_endpoints(fhir_server):
    fhir_server.set_mode("slow", delay_ms=300)
    response = requests.get(fhir_server.base_url + "Patient", params={"_count": "1"}, timeout=5)
    assert response.status_code == 200 and response.elapsed.total_seconds() >= 0.3
    with pytest.raises(requests.Timeout):
        requests.get(fhir_server.base_url + "Patient", timeout=0.1)
    assert fhir_server.request_count == 2  # answered at once although FHIR requests are slow


def test_unknown_mode_is_refused(fhir_server):
    response = requests.post(f"{fhir_server.origin}/__test__/mode", json={"mode": "sulky"}, timeout=5)
    assert response.status_code == 400 and "normal, slow, error500, malformed, html" in response.text
    with pytest.raises(ValueError, match="mode must be one of normal, slow"):
        fhir_server.set_mode("sulky")


def test_an_invalid_seed_resource_stops_the_start_with_the_servers_reason():
    appointment = {
        "resourceType": "Appointment",
        "status": "booked",
        "start": "2030-01-01T10:00:00Z",
        "participant": [{"actor": {"reference": "Patient/x"}, "status": "accepted"}],
    }  # no end
    with pytest.raises(FhirServerError, match="Either start and end are specified, or neither"):
        start_fhir_server([appointment])


def test_missing_node_modules_is_an_error_naming_the_fix(monkeypatch, tmp_path):
    (tmp_path / "server.js").write_text("")
    monkeypatch.setattr(server_process, "SERVER_DIR", tmp_path)
    with pytest.raises(FhirServerError, match=r"npm packages are missing .* run scripts/setup.sh"):
        start_fhir_server([])


def test_missing_node_is_an_error_naming_the_fix(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(FhirServerError, match=r"Node.js \('node'\) is not installed.*run scripts/setup.sh"):
        start_fhir_server([])


# -- the server dies with the process that started it ------------------------------------------------

_PARENT = """
import sys, threading, time
from agentdesk_health.server_process import start_fhir_server

servers = []  # kept: the server's stdin pipe closes with its FhirServer


def start():
    servers.append(start_fhir_server([]))
    print(servers[0].pid, servers[0].port, flush=True)


if sys.argv[1] == "thread":  # started from a thread that then ends, as a background job would
    worker = threading.Thread(target=start)
    worker.start()
    worker.join()
else:
    start()
print("ready", flush=True)
time.sleep(600)
"""


def _gone(pid: int) -> bool:
    """The process no longer exists, or is a zombie waiting to be reaped (it runs no code)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def _wait_until(condition, timeout: float) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; the stdin pipe works everywhere")
@pytest.mark.parametrize("started_from", ["main", "thread"])
def test_a_desk_killed_with_sigkill_takes_the_fhir_server_with_it(started_from):
    """``main``: the stdin pipe and PR_SET_PDEATHSIG; ``thread``: the stdin pipe alone (the death signal
    is not used off the main thread), and the server outlives the thread that started it."""
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, started_from], stdout=subprocess.PIPE, text=True)
    pid = None
    try:
        first = parent.stdout.readline().split()
        assert len(first) == 2, f"the parent did not start the server (exit {parent.poll()})"
        pid, port = int(first[0]), int(first[1])
        assert parent.stdout.readline().strip() == "ready"
        http = requests.Session()
        http.trust_env = False  # loopback, never a proxy
        answer = http.get(f"http://127.0.0.1:{port}/__test__/stats", timeout=10)
        assert answer.status_code == 200, "the server is up and survived its starting thread"
        assert not _gone(pid)

        parent.kill()  # SIGKILL: no atexit, no finally, no signal handler in the parent
        parent.wait(timeout=10)
        assert _wait_until(lambda: _gone(pid), timeout=30), "node still runs after its parent was killed"
        with pytest.raises(requests.ConnectionError):
            http.get(f"http://127.0.0.1:{port}/__test__/stats", timeout=5)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(timeout=10)
        parent.stdout.close()
        if pid is not None and not _gone(pid):
            os.kill(pid, signal.SIGKILL)
