"""The reference Open311 server answers as GeoReport v2 says, and deviates as real servers do."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
import time

import requests

from tests.plugins.technical.technical_support import API_KEY, MAIJA_EMAIL, make_seed

TIMEOUT = 5


def get(handle, path, **params):
    return requests.get(handle.base_url + path, params=params, timeout=TIMEOUT)


def post(handle, fields):
    return requests.post(handle.base_url + "requests.json", data=fields, timeout=TIMEOUT)


def test_services_list_has_the_finnish_services(open311):
    answer = get(open311, "services.json")
    assert answer.status_code == 200
    services = {s["service_code"]: s for s in answer.json()}
    assert services["streetlight"]["service_name"] == "Katuvalo rikki"
    assert services["waste_pickup"]["service_name"] == "Jäteastia tyhjentämättä"
    assert services["water_leak"]["metadata"] is True
    assert services["snow_ploughing"]["metadata"] is False
    assert services["litter"]["service_name"] == "Roskaantuminen"
    assert "attributes" not in services["water_leak"]


def test_service_definition_lists_attributes_in_order(open311):
    definition = get(open311, "services/waste_pickup.json").json()
    assert definition["service_code"] == "waste_pickup"
    codes = [(a["code"], a["datatype"], a["required"]) for a in definition["attributes"]]
    assert codes == [("CONTAINER_TYPE", "singlevaluelist", True), ("PICKUP_DATE", "datetime", True)]
    assert {"key": "bio", "name": "Biojäte"} in definition["attributes"][0]["values"]
    missing = get(open311, "services/nosuch.json")
    assert missing.status_code == 404
    assert missing.json()[0]["code"] == 404


def test_post_refuses_bad_input_with_spec_errors(open311):
    answer = post(
        open311,
        {"api_key": API_KEY, "service_code": "water_leak", "email": "not-an-address", "attribute[SEVERITY]": "tsunami"},
    )
    assert answer.status_code == 400
    descriptions = [e["description"] for e in answer.json()]
    assert all(e["code"] == 400 for e in answer.json())
    assert any("address_string" in d for d in descriptions)  # no location at all
    assert any(d.startswith("email") for d in descriptions)
    assert any("attribute[SEVERITY]" in d for d in descriptions)
    refused = post(open311, {"api_key": "wrong", "service_code": "litter", "address_string": "Torikatu 1"})
    assert refused.status_code == 403 and refused.json()[0]["code"] == 403
    too_long = post(
        open311,
        {"api_key": API_KEY, "service_code": "litter", "address_string": "Torikatu 1", "description": "x" * 4001},
    )
    assert too_long.status_code == 400 and "4000" in too_long.json()[0]["description"]


def test_filed_request_can_be_read_back_without_contact_details(open311):
    answer = post(
        open311,
        [
            ("api_key", API_KEY),
            ("service_code", "streetlight"),
            ("address_string", "Torikatu 1"),
            ("attribute[FAULT][]", "dark"),
            ("attribute[FAULT][]", "blinking"),
            ("email", MAIJA_EMAIL),
            ("description", "Pimeää"),
        ],
    )
    assert answer.status_code == 200
    request_id = answer.json()[0]["service_request_id"]
    record = get(open311, f"requests/{request_id}.json").json()[0]
    assert record["status"] == "open" and record["service_name"] == "Katuvalo rikki"
    assert record["address"] == "Torikatu 1"
    assert "email" not in record
    assert open311.store.get(request_id)["attributes"] == {"FAULT": ["dark", "blinking"]}


def test_requests_filters(open311):
    by_id = get(open311, "requests.json", service_request_id="504,501", status="open")
    assert [r["service_request_id"] for r in by_id.json()] == ["504", "501"]  # other filters ignored
    # Without dates the last 90 days are searched: the seeded requests are all older.
    assert get(open311, "requests.json").json() == []
    ranged = get(
        open311,
        "requests.json",
        start_date="2025-01-01T00:00:00+02:00",
        end_date="2025-03-01T00:00:00+02:00",
        status="open",
    )
    assert sorted(r["service_request_id"] for r in ranged.json()) == ["502", "503"]
    litter = get(
        open311,
        "requests.json",
        start_date="2025-01-01T00:00:00+02:00",
        end_date="2025-03-01T00:00:00+02:00",
        service_code="litter",
    )
    assert [r["service_request_id"] for r in litter.json()] == ["503"]
    too_wide = get(open311, "requests.json", start_date="2024-01-01T00:00:00Z", end_date="2024-06-01T00:00:00Z")
    assert too_wide.status_code == 400 and "90 days" in too_wide.json()[0]["description"]


def test_contact_filter_extension_searches_a_citizens_whole_history(open311):
    found = get(open311, "requests.json", email=MAIJA_EMAIL.upper(), phone="+358 40 1234567").json()
    assert sorted(r["service_request_id"] for r in found) == ["501", "502"]
    assert "extended_attributes" not in found[0]
    extended = get(open311, "requests.json", phone="+358401234567", extensions="true").json()
    assert extended[0]["extended_attributes"]["detailed_status"] == "PUBLIC_WORKS_NEW"


def test_token_mode_gives_the_id_later(open311):
    open311.set_mode("token", token_delay=0.3)
    answer = post(open311, {"api_key": API_KEY, "service_code": "litter", "address_string": "Torikatu 1"})
    assert answer.status_code == 200
    token = answer.json()[0]["token"]
    assert "service_request_id" not in answer.json()[0]
    assert "service_request_id" not in get(open311, f"tokens/{token}.json").json()[0]
    time.sleep(0.35)
    request_id = get(open311, f"tokens/{token}.json").json()[0]["service_request_id"]
    assert get(open311, f"requests/{request_id}.json").json()[0]["service_code"] == "litter"


def test_six_aika_mode_deviates_like_the_real_server(open311):
    open311.set_mode("six_aika")
    created = post(open311, {"api_key": API_KEY, "service_code": "litter", "address_string": "Torikatu 1"})
    assert created.status_code == 201 and created.json()[0]["service_request_id"]
    missing = post(open311, {"api_key": API_KEY, "address_string": "Torikatu 1"})
    assert missing.status_code == 400
    assert missing.json() == {"code": 400, "detail": {"service_code": ["This field is required."]}}
    bad_key = post(open311, {"api_key": "wrong", "service_code": "litter"})
    assert bad_key.json() == {"code": 400, "detail": ["Invalid API key"]}
    page = get(open311, "services/streetlight.json")
    assert page.status_code == 404 and page.headers["Content-Type"].startswith("text/html")
    assert get(open311, "requests/501.json").json()[0]["address"] == ""
    crash = post(open311, {"api_key": API_KEY, "service_code": "litter", "lat": "north", "long": "24.9"})
    assert crash.status_code == 500 and "<html>" in crash.text


def test_command_line_server_with_test_endpoints(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(make_seed()), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "agentdesk_technical.reference_server", "--port", "0", "--seed", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("LISTENING ")
        root = f"http://127.0.0.1:{int(line.split()[1])}"
        assert len(requests.get(root + "/services.json", timeout=TIMEOUT).json()) == 5
        requests.get(root + "/requests/501.json", timeout=TIMEOUT)
        mode = requests.post(root + "/__test__/mode", json={"mode": "error500"}, timeout=TIMEOUT)
        assert mode.json() == {"mode": "error500"}
        assert requests.get(root + "/services.json", timeout=TIMEOUT).status_code == 500
        stats = requests.get(root + "/__test__/stats", timeout=TIMEOUT).json()
        assert stats["by_path"] == {"services.json": 2, "requests/501.json": 1}
        assert stats["by_method_path"]["GET services.json"] == 2
        bad = requests.post(root + "/__test__/mode", json={"mode": "sideways"}, timeout=TIMEOUT)
        assert bad.status_code == 400
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_stop_does_not_wait_for_slow_answers(open311):
    open311.set_mode("slow", delay=30)
    with contextlib.suppress(requests.Timeout):
        requests.get(open311.base_url + "services.json", timeout=0.3)
    stopper = threading.Thread(target=open311.stop)
    stopper.start()
    stopper.join(timeout=10)
    assert not stopper.is_alive(), "stop() does not wait out the sleeping 30 s answer"
