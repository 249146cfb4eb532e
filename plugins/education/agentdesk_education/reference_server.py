"""A reference server for the education-services contract (``openapi.yaml``), for tests and demos.

It answers ``GET /learners?hetu=...&view=summary|full`` from a seed ``{"learners": {"<hetu>": [record, ...]}}``
exactly as the contract says: bearer token (when configured), ``X-Purpose-Of-Use`` required, 200
with an empty list for a person with no records, the ``support`` of each record only in the
``full`` view, error objects for everything else.

Test switches (never deploy this server):

- ``POST /__test__/mode`` ``{"mode": "normal"|"slow"|"error500"|"error503"|"malformed"|"html"|
  "wrong_types"|"wrong_person", "delay": 5.0}`` — how the next requests are answered (``delay``:
  seconds, slow only);
- ``GET /__test__/stats`` — ``{"total": n, "requests": {path: n}, "purposes": {purpose: n},
  "views": {view: n}}`` for every request outside ``/__test__/`` (paths without query strings:
  no identity code is kept);
- ``DELETE /__test__/stats`` — start counting again.

In process: :func:`start_server` returns a :class:`ServerHandle`. From a shell::

    python -m agentdesk_education.reference_server --port 0 --seed seed.json [--token-env VAR]

prints ``LISTENING <port>`` once it accepts connections and serves until interrupted.
"""

from __future__ import annotations

import argparse
import hmac
import json
import logging
import os
import re
import signal
import sys
import threading
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

MODES = ("normal", "slow", "error500", "error503", "malformed", "html", "wrong_types", "wrong_person")
_HETU = re.compile(r"^(\d{6})([-+A-FU-Y])(\d{3})([0-9A-FHJ-NPR-Y])$")
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
VIEWS = ("summary", "full")
_PURPOSE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def hetu_is_valid(hetu: str) -> bool:
    """Format and check character of a henkilötunnus (the temporary 900–999 range included)."""
    m = _HETU.match(hetu)
    return m is not None and _HETU_CHECK[int(m.group(1) + m.group(3)) % 31] == m.group(4)


def load_seed(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A seed file: ``{"learners": {"<hetu>": [record, ...]}}`` (see :mod:`agentdesk_education.demo_data`)."""
    seed = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(seed, dict) or not isinstance(seed.get("learners", {}), dict):
        shape = '{"learners": {hetu: [record, ...]}}'
        raise ValueError(f"{path}: a seed is an object {shape}")  # noqa: TRY004 - a bad file, not a caller's type

    return seed


@dataclass
class _State:
    learners: Mapping[str, list[dict[str, Any]]]
    token: str | None
    mode: str = "normal"
    delay: float = 5.0
    requests: Counter[str] = field(default_factory=Counter)
    purposes: Counter[str] = field(default_factory=Counter)
    views: Counter[str] = field(default_factory=Counter)
    leak_support: bool = False  # tests only: a misconfigured adapter that sends support in the summary view
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return {
                "total": sum(self.requests.values()),
                "requests": dict(self.requests),
                "purposes": dict(self.purposes),
                "views": dict(self.views),
            }

    def reset_stats(self) -> None:
        with self.lock:
            self.requests.clear()
            self.purposes.clear()
            self.views.clear()

    def set_mode(self, mode: str, delay: float | None = None) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        with self.lock:
            self.mode = mode
            if delay is not None:
                self.delay = float(delay)


class _Handler(BaseHTTPRequestHandler):
    server_version = "AgentDeskEducationReference/1.0"
    protocol_version = "HTTP/1.0"  # one request per connection: stop() never waits on an idle keep-alive
    timeout = 10  # a client that connects and sends nothing does not hold a thread for ever
    state: _State  # set on the subclass made by start_server

    def log_message(self, format: str, *args: Any) -> None:
        """Silence http.server's request log on stderr (it would print identity codes)."""

    # -- plumbing --

    def _send(self, status: int, body: bytes, content_type: str, extra: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: Any, extra: Mapping[str, str] | None = None) -> None:
        self._send(
            status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8", extra
        )

    def _error(self, status: int, code: str, message: str, extra: Mapping[str, str] | None = None) -> None:
        self._json(status, {"error": {"code": code, "message": message, "request_id": self._request_id()}}, extra)

    def _request_id(self) -> str:
        return (self.headers.get("X-Request-ID") or "")[:128] or f"ref-{uuid.uuid4()}"

    # -- test switches --

    def _test_switch(self, method: str, path: str) -> None:
        if path == "/__test__/stats" and method == "GET":
            self._json(200, self.state.stats())
        elif path == "/__test__/stats" and method == "DELETE":
            self.state.reset_stats()
            self._json(200, self.state.stats())
        elif path == "/__test__/mode" and method == "POST":
            try:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                self.state.set_mode(body["mode"], body.get("delay"))
            except (ValueError, KeyError, TypeError) as exc:
                self._error(400, "invalid_request", f'POST {{"mode": one of {", ".join(MODES)}}}: {exc}')
                return
            self._json(200, {"mode": self.state.mode, "delay": self.state.delay})
        else:
            self._error(404, "not_found", f"no test switch {method} {path}")

    # -- the contract --

    def _handle(self, method: str) -> None:
        url = urlsplit(self.path)
        if url.path.startswith("/__test__/"):
            self._test_switch(method, url.path)
            return
        state = self.state
        purpose = self.headers.get("X-Purpose-Of-Use", "")
        with state.lock:
            state.requests[url.path] += 1
            state.purposes[purpose or "(none)"] += 1
            mode, delay = state.mode, state.delay
        if mode == "slow" and state.stopping.wait(delay):
            return  # stopping: drop the connection
        if mode == "error500":
            self._error(500, "internal", "the education system failed (reference server in error500 mode)")
            return
        if mode == "error503":
            self._error(
                503,
                "unavailable",
                "the education system does not answer (reference server in error503 mode)",
                {"Retry-After": "30"},
            )
            return
        if mode == "html":
            self._send(
                200,
                b"<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Please sign in</h1></body></html>",
                "text/html; charset=utf-8",
            )
            return
        if mode == "malformed":
            self._send(
                200, b'{"person": {"hetu": "010594Y9032"}, "records": [{"id": "vk-1", "unit"', "application/json"
            )
            return

        if url.path.rstrip("/") != "/learners":
            self._error(404, "not_found", f"no such resource: {url.path}")
            return
        if method != "GET":
            self._error(405, "method_not_allowed", f"{method} is not allowed here; use GET", {"Allow": "GET"})
            return
        if state.token is not None:
            given = self.headers.get("Authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {state.token}".encode()):
                self._error(
                    401,
                    "unauthorized",
                    "a valid bearer token is required",
                    {"WWW-Authenticate": 'Bearer realm="education-services"'},
                )
                return
        if not _PURPOSE.match(purpose):
            self._error(400, "purpose_required", "the X-Purpose-Of-Use header is required (e.g. statutory_task)")
            return
        values = parse_qs(url.query).get("hetu", [])
        hetu = values[0].strip().upper() if len(values) == 1 else ""
        if not hetu_is_valid(hetu):
            self._error(400, "invalid_hetu", "the hetu parameter must be one valid henkilötunnus")
            return
        log.debug("education records read: purpose=%s request_id=%s", purpose, self._request_id())

        views = parse_qs(url.query).get("view", ["summary"])
        view = views[0] if len(views) == 1 else ""
        if view not in VIEWS:
            self._error(400, "invalid_view", "the view parameter must be summary or full")
            return
        with state.lock:
            state.views[view] += 1
        records = [dict(r) for r in state.learners.get(hetu, ())]
        if (
            view == "summary" and not state.leak_support
        ):  # need-to-know: support is special-needs data, only in the full view
            for r in records:
                r.pop("support", None)
        if mode == "wrong_types":
            self._json(
                200,
                {
                    "person": {"hetu": hetu},
                    "records": [
                        {
                            "id": 17,
                            "kind": "daycare",
                            "unit": "Päiväkoti Satakieli",
                            "status": "open",
                            "start": "1.9.2025",
                            "end": None,
                        }
                    ],
                },
            )
        elif mode == "wrong_person":
            self._json(
                200,
                {
                    "person": {"hetu": "020594X903P" if hetu != "020594X903P" else "010594Y9032"},
                    "records": records,
                },
            )
        else:
            self._json(200, {"person": {"hetu": hetu}, "records": records})

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_PUT(self) -> None:
        self._handle("PUT")


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() waits for the request threads: nothing leaks
    block_on_close = True
    request_queue_size = 128  # the default 5 makes a burst of parallel panel calls wait a second for SYN retries

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            log.debug("client went away: %s", exc)  # e.g. the desk gave up on a slow answer
            return
        log.error("reference server failed on a request", exc_info=exc)


@dataclass
class ServerHandle:
    """A running reference server. ``base_url`` ends in ``/``; use it as the plugin's ``base_url``."""

    base_url: str
    port: int
    _server: _Server
    _thread: threading.Thread
    _state: _State

    def set_mode(self, mode: str, delay: float | None = None) -> None:
        """``normal``, ``slow`` (waits ``delay`` seconds, 5 by default), ``error500``, ``error503``,
        ``malformed``, ``html``, ``wrong_types`` (valid JSON that breaks the schema), ``wrong_person``
        (an answer about someone else)."""
        self._state.set_mode(mode, delay)

    def stats(self) -> dict[str, Any]:
        """``{"total": n, "requests": {path: n}, "purposes": {X-Purpose-Of-Use: n}}`` since the start or reset."""
        return self._state.stats()

    def reset_stats(self) -> None:
        self._state.reset_stats()

    def stop(self) -> None:
        """Stop serving; slow requests still waiting are dropped. Returns when every thread has ended."""
        self._state.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_server(
    seed: Mapping[str, Any],
    port: int = 0,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    leak_support: bool = False,
) -> ServerHandle:
    """Serve ``seed`` on ``host:port`` (0: a free port) in a background thread.

    ``token``: when given, every contract request must carry ``Authorization: Bearer <token>``.
    ``leak_support``: tests only — break the contract by sending ``support`` in the summary view too.
    """
    learners = seed.get("learners", {})
    state = _State(
        learners={str(k).upper(): list(v) for k, v in learners.items()}, token=token, leak_support=leak_support
    )
    handler = type("Handler", (_Handler,), {"state": state})
    server = _Server((host, port), handler)
    bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.1},
        name=f"education-reference-server:{bound_port}",
        daemon=True,
    )
    thread.start()
    url_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    return ServerHandle(f"http://{url_host}:{bound_port}/", bound_port, server, thread, state)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m agentdesk_education.reference_server",
        description="Reference server for the AgentDesk education-services contract.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    parser.add_argument("--seed", help='seed JSON file: {"learners": {hetu: [record, ...]}}')
    parser.add_argument("--token-env", metavar="VAR", help="require the bearer token held in this environment variable")
    args = parser.parse_args(argv)
    seed = load_seed(args.seed) if args.seed else {"learners": {}}
    token = None
    if args.token_env:
        token = os.environ.get(args.token_env)
        if not token:
            parser.error(f"environment variable {args.token_env} is empty or not set")
    handle = start_server(seed, args.port, host=args.host, token=token)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"LISTENING {handle.port}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
