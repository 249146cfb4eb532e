"""Fuzzed Open311 answers: whatever ``requests.json`` answers (wrong types, missing fields, odd
dates, nested garbage, other citizens' requests), the requests panel raises nothing but the plugin
API's BackendError/BackendUnavailable and shows only what was asked for: the request ids the desk
stored for the customer, and requests of the customer's own e-mail or phone.

A canned Open311 server on loopback answers by the question: the id lookup, the contact search and
the probe for an address nobody has (which finds nothing: the server honours the filter). Every
text of someone else's request carries the marker VIERAS; garbage cannot spell it.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.plugin_api import BackendError, PanelData
from agentdesk.plugin_host.address_guard import strings_in
from agentdesk_technical.open311_client import parse_request
from tests.plugins.technical.technical_support import MAIJA_EMAIL, MAIJA_PHONE, call, plugin_for

MARK = "VIERAS"
ASKED = "501"

_garbage_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö0123456789 -:+.TZ\u00a0\x00", max_size=20)
_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _garbage_text
)
_KEYS = [
    "service_request_id",
    "status",
    "status_notes",
    "requested_datetime",
    "updated_datetime",
    "address",
    "service_name",
    "email",
    "phone",
    "extended_attributes",
    "title",
    "detailed_status",
]
garbage = st.recursive(
    _leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_KEYS) | _garbage_text, inner, max_size=3)
    ),
    max_leaves=6,
)
times = (
    st.sampled_from(
        [
            "2025-02-04T07:15:00+02:00",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "9999-12-31T23:59:59",
            "2025-02-30T00:00:00Z",
            "",
            "eilen",
        ]
    )
    | garbage
)


def _request(request_id, text: str, **extra):
    return st.fixed_dictionaries(
        {
            "service_request_id": st.just(request_id),
            "status": st.sampled_from(["open", "closed"]) | garbage,
            "service_name": st.just(text),
            "status_notes": st.just(text),
            "description": st.just(text),
            "address": st.just(text),
            "requested_datetime": times,
            "updated_datetime": times,
            "extended_attributes": st.just({"title": text, "detailed_status": text}) | garbage,
            **{k: st.just(v) for k, v in extra.items()},
        }
    )


mine_by_id = _request(ASKED, "Katuvalo") | _request(int(ASKED), "Katuvalo")
foreign_by_id = st.sampled_from(["503", "5010", " 50", "501x", "", "5 01"]).flatmap(
    lambda rid: _request(rid, f"{MARK} {rid}")
)
mine_by_contact = (
    _request("601", "Aurauskaluste")
    | _request("602", "Roska", email=MAIJA_EMAIL.upper())
    | _request("603", "Vuoto", phone="040 123 4567")
)
foreign_by_contact = _request("701", f"{MARK} toinen", email="someone.else@example.net") | _request(
    "702", f"{MARK} toinen", phone="+358409999999"
)


def answers(mine, foreign):
    items = st.lists(mine | foreign | garbage, max_size=5)
    return items | items.map(lambda i: i[0] if i else {}) | garbage  # a list, a lone object, or junk


class _Canned(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        self.by_id: object = []
        self.by_contact: object = []
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        if "service_request_id" in query:
            body = self.server.by_id
        elif query.get("email") == ["nobody@agentdesk-probe.invalid"]:
            body = []
        else:
            body = self.server.by_contact
        raw = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def canned():
    server = _Canned()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def canned_plugin(canned):
    plugin = plugin_for(f"http://127.0.0.1:{canned.server_port}/", contact_search=True)
    yield plugin
    plugin.close()


def _shown(data: PanelData) -> list[str]:
    assert isinstance(data, PanelData)
    return [s for s in strings_in(data) if MARK in s]


def test_asked_for_one_request_a_server_that_ignores_the_id_filter_shows_only_that_one(canned, canned_plugin):
    canned.by_id = [
        {
            "service_request_id": "503",
            "status": "open",
            "status_notes": f"{MARK} Siivous tilattu",
            "address": "Toisen kuja 5",
        },
        {"service_request_id": ASKED, "status": "closed", "status_notes": "Lamppu vaihdettu."},
    ]
    data = canned_plugin.panel("requests", call(references=[("open311", ASKED)]))
    assert [row[-1] for row in data.sections[0].table.rows] == [ASKED]
    assert _shown(data) == []


def test_a_contact_search_answer_naming_someone_elses_contact_is_left_out(canned, canned_plugin):
    canned.by_contact = [
        {
            "service_request_id": "701",
            "status": "open",
            "email": "someone.else@example.net",
            "status_notes": f"{MARK} toinen",
        },
        {"service_request_id": "602", "status": "open", "email": MAIJA_EMAIL.upper()},
        {"service_request_id": "603", "status": "open", "phone": "040 123 4567"},
    ]
    data = canned_plugin.panel("requests", call())
    assert sorted(row[-1] for row in data.sections[0].table.rows) == ["602", "603"]
    assert MAIJA_PHONE == "+358401234567"  # the customer's phone, as the register stores it


@given(
    by_id=answers(mine_by_id, foreign_by_id),
    by_contact=answers(mine_by_contact, foreign_by_contact),
    language=st.sampled_from(["fi", "sv", "en"]),
)
def test_fuzz_the_panel_over_any_open311_answer(canned, canned_plugin, by_id, by_contact, language):
    canned.by_id, canned.by_contact = by_id, by_contact
    try:
        data = canned_plugin.panel("requests", call(language, references=[("open311", ASKED)]))
    except BackendError:  # BackendUnavailable included
        return
    assert _shown(data) == []


@given(garbage)
def test_fuzz_parse_request_never_raises(raw):
    if isinstance(raw, dict):
        parsed = parse_request(raw)
        assert parsed is None or isinstance(parsed.id, str)
