"""Fuzzed social-services answers: whatever the back end sends (wrong types, missing members, odd
dates, nested garbage, another person, relationships of another person), the clients panel raises
nothing but the plugin API's BackendError/BackendUnavailable and shows only the person asked for.

A canned server on loopback answers ``GET /clients``; the answer parser and the panel builder,
pure functions, are also fuzzed directly. Every text of another person's answer carries the marker
VIERAS; garbage cannot spell it.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.plugin_api import BackendError, PanelData, PluginContext
from agentdesk.plugin_host.address_guard import strings_in
from agentdesk_social.client import parse_client_record
from agentdesk_social.clients_panel import clients_panel
from agentdesk_social.plugin import create
from tests.plugins.social.social_testing import MULTI, call

MARK = "VIERAS"
OTHER = "020594X903P"

_garbage_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö0123456789 -:+.TZ\u00a0\x00", max_size=20)
_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _garbage_text
)
_KEYS = [
    "person",
    "hetu",
    "relationships",
    "id",
    "unit",
    "code",
    "name",
    "service_area",
    "worker",
    "status",
    "start",
    "end",
    "next_meeting",
]
garbage = st.recursive(
    _leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_KEYS) | _garbage_text, inner, max_size=3)
    ),
    max_leaves=6,
)
days = st.sampled_from(["2025-09-01", "0001-01-01", "9999-12-31", "2025-02-30", "2025-9-1", "2025-09-01\n"]) | garbage
moments = (
    st.sampled_from(
        [
            "2026-12-03T08:30:00Z",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "2026-12-03T08:30:00+99:00",
            "2026-12-03T08:30",
            None,
        ]
    )
    | garbage
)


def relationship(text: str, about=None):
    extra = {"person": st.just({"hetu": about})} if about else {}
    return st.fixed_dictionaries(
        {
            "id": st.just(f"ep-{text}") | garbage,
            "unit": st.fixed_dictionaries(
                {
                    "code": st.just("TRE-X") | garbage,
                    "name": st.just(text),
                    "service_area": st.sampled_from(["housing", "other", "x_y"]) | garbage,
                }
            )
            | garbage,
            "worker": st.none() | st.just({"name": text, "phone": None, "email": None}) | garbage,
            "status": st.sampled_from(["active", "waiting", "ended"]) | garbage,
            "start": days,
            "end": st.none() | days,
            "next_meeting": moments,
            **extra,
        }
    )


def answer(hetu: str, text: str, foreign_items: bool):
    item = relationship(text) | garbage
    if foreign_items:
        item = item | relationship(f"{MARK} kohde", about=OTHER)
    return (
        st.fixed_dictionaries(
            {"person": st.just({"hetu": hetu}) | garbage, "relationships": st.lists(item, max_size=4) | garbage}
        )
        | garbage
    )


answers = (
    answer(MULTI, "Asumisneuvonta", True)
    | answer(OTHER, f"{MARK} toinen", False)
    | answer(MULTI.lower(), "Aikuissosiaalityö", False)
)


def _assert_only_the_person_asked_for(data: PanelData) -> None:
    assert isinstance(data, PanelData)
    assert not [s for s in strings_in(data) if MARK in s]


class _Canned(ThreadingHTTPServer):
    daemon_threads = True
    body: bytes = b"{}"

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        raw = self.server.body
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
    plugin = create(PluginContext("social", {"base_url": f"http://127.0.0.1:{canned.server_port}/"}, {}))
    yield plugin
    plugin.close()


def test_a_relationship_of_another_person_refuses_the_whole_answer(canned, canned_plugin):
    mine = {
        "id": "ep-1",
        "unit": {"code": "A", "name": "Asumisneuvonta", "service_area": "housing"},
        "worker": None,
        "status": "active",
        "start": "2025-09-01",
        "end": None,
        "next_meeting": None,
    }
    theirs = {**mine, "id": "ep-9", "person": {"hetu": OTHER}, "unit": {**mine["unit"], "name": f"{MARK} kohde"}}
    canned.body = json.dumps({"person": {"hetu": MULTI}, "relationships": [mine, theirs]}).encode()
    with pytest.raises(BackendError, match="answered about another person than asked; nothing is shown"):
        canned_plugin.panel("clients", call(MULTI))
    canned.body = json.dumps({"person": {"hetu": MULTI}, "relationships": [mine, {**mine, "hetu": MULTI}]}).encode()
    assert len(canned_plugin.panel("clients", call(MULTI)).sections[0].table.rows) == 2


@given(payload=answers, nested=st.integers(0, 3))
def test_fuzz_the_panel_over_any_answer(canned, canned_plugin, payload, nested):
    raw = json.dumps(payload).encode()
    canned.body = b"[" * (nested * 20_000) + raw if nested == 3 else raw  # and one nested past any parser
    try:
        data = canned_plugin.panel("clients", call(MULTI, language="fi"))
    except BackendError:  # BackendUnavailable included
        return
    _assert_only_the_person_asked_for(data)


@given(payload=answers, language=st.sampled_from(["fi", "sv", "en", "xx"]))
def test_fuzz_the_parser_and_the_panel_directly(payload, language):
    try:
        record = parse_client_record(payload, MULTI)
    except BackendError:
        return
    assert record.hetu == MULTI
    _assert_only_the_person_asked_for(clients_panel(record, language, "test"))
