"""A loopback Open311 GeoReport v2 server, written to the spec, with the deviations of real servers.

Endpoints (under ``prefix``, default ``/``; JSON only)::

    GET  services.json                  the service list
    GET  services/{code}.json           attribute definitions (services with metadata true)
    POST requests.json                  file a request (form-encoded); 200 [{"service_request_id": ...}]
    GET  requests.json                  search (service_request_id, service_code, status,
                                        start_date/end_date <= 90 days; extension: email, phone)
    GET  requests/{id}.json             one request
    GET  tokens/{token}.json            the id behind a token

Add ``extensions=true`` to the GET requests to get Helsinki's ``extended_attributes`` (title,
detailed_status, ...) for requests that have them. Errors follow the spec:
``[{"code": 400, "description": "service_code was not provided"}]``; 403 for a bad ``api_key``.

Test endpoints (always at the root, never counted)::

    POST /__test__/mode   {"mode": "normal" | "six_aika" | "token" | "slow" | "error500" | "malformed",
                           "delay": 5.0, "method": "POST", "token_delay": 0.3}
    GET  /__test__/mode   the current mode
    GET  /__test__/stats  {"total": n, "by_path": {"services.json": n}, "by_method_path": {"GET services.json": n}}

Modes emulate what real servers do (docs: /work/shared/docs/protocols.md):

- ``six_aika``: the Finnish cities' 6aika issue-reporting server. POST answers 201; errors look like
  ``{"code": 400, "detail": {"service_code": ["This field is required."]}}`` and a bad key
  ``{"code": 400, "detail": ["Invalid API key"]}`` (HTTP 400); ``services/{code}.json`` is an HTML
  404 page; a non-numeric lat/long gives an HTML 500 page; requests echo ``address: ""``; the
  non-standard ``email``/``phone`` filter is ignored (like any server that does not know it).
- ``token``: POST answers ``[{"token": "..."}]``; ``tokens/{token}.json`` shows the id after
  ``token_delay`` seconds (before that, the token without an id).
- ``slow``: every answer waits ``delay`` seconds (default 5); with ``method`` only the answers to
  that method (e.g. ``POST``: the server is slow to file). ``error500``: an HTML 500 page for
  everything. ``malformed``: 200 with a broken JSON body for everything.

Run it: ``python -m agentdesk_technical.reference_server --port 0 --seed FILE`` prints
``LISTENING <port>``. In-process (tests, the demo): ``start_server(seed) -> ServerHandle``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

from .reference_store import GeoReportStore, NotFound, Refused

log = logging.getLogger(__name__)
MODES = ("normal", "six_aika", "token", "slow", "error500", "malformed")
ADMIN = "/__test__/"


def default_seed() -> dict[str, Any]:
    """The packaged seed: five Finnish services and a few requests."""
    text = resources.files(__package__).joinpath("reference_seed.json").read_text(encoding="utf-8")
    return json.loads(text)


def load_seed(source: Mapping[str, Any] | str | Path | None) -> dict[str, Any]:
    if source is None:
        return default_seed()
    if isinstance(source, Mapping):
        return dict(source)
    return json.loads(Path(source).read_text(encoding="utf-8"))


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.mode = "normal"
        self.delay = 5.0
        self.slow_method = ""
        self.token_delay = 0.3
        self.by_method_path: Counter[str] = Counter()

    def set_mode(
        self, mode: str, *, delay: float | None = None, token_delay: float | None = None, method: str | None = None
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        with self.lock:
            self.mode = mode
            self.slow_method = (method or "").upper()
            if delay is not None:
                self.delay = float(delay)
            if token_delay is not None:
                self.token_delay = float(token_delay)

    def count(self, method: str, path: str) -> None:
        with self.lock:
            self.by_method_path[f"{method} {path}"] += 1

    def stats(self) -> dict[str, Any]:
        with self.lock:
            by_path: Counter[str] = Counter()
            for key, n in self.by_method_path.items():
                by_path[key.split(" ", 1)[1]] += n
            return {
                "total": sum(by_path.values()),
                "by_path": dict(by_path),
                "by_method_path": dict(self.by_method_path),
                "mode": self.mode,
            }

    def reset_stats(self) -> None:
        with self.lock:
            self.by_method_path.clear()


class GeoReportServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], store: GeoReportStore, prefix: str = "/") -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.state = _State()
        self.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.stopping = threading.Event()

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return  # the client gave up (e.g. timed out in slow mode)
        log.debug("reference server: error serving %s", client_address, exc_info=exc)


_HTML_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>"
    "<body><h1>{reason}</h1><p>{text}</p></body></html>\n"
)


class _Handler(BaseHTTPRequestHandler):
    server: GeoReportServer
    server_version = "GeoReportReference/2"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("reference server: " + format, *args)  # noqa: G003 - http.server's own format, args passed lazily

    # -- plumbing ----------------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _html(self, status: int, reason: str, text: str) -> None:
        page = _HTML_PAGE.format(status=status, reason=reason, text=text)
        self._send(status, page.encode(), "text/html; charset=utf-8")

    def _spec_error(self, status: int, descriptions: list[str]) -> None:
        self._json(status, [{"code": status, "description": d} for d in descriptions])

    def _refused(self, exc: Refused) -> None:
        if self.server.state.mode != "six_aika":
            self._spec_error(exc.status, [p.description for p in exc.problems])
        elif exc.status == 403:
            self._json(400, {"code": 400, "detail": [p.detail for p in exc.problems]})
        else:
            detail: dict[str, list[str]] = {}
            for p in exc.problems:
                detail.setdefault(p.param, []).append(p.detail)
            self._json(400, {"code": 400, "detail": detail})

    def _split(self) -> tuple[str | None, dict[str, str]]:
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        path = unquote(parts.path)
        prefix = self.server.prefix
        if not path.startswith(prefix):
            return None, query
        return path[len(prefix) :], query

    # -- dispatch ----------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        body = b""
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            body = self.rfile.read(length)
        if urlsplit(self.path).path.startswith(ADMIN):
            return self._admin(method, urlsplit(self.path).path[len(ADMIN) :], body)
        path, query = self._split()
        state = self.server.state
        state.count(method, path if path is not None else urlsplit(self.path).path)
        mode = state.mode
        if mode == "slow":
            if state.slow_method in ("", method):
                self.server.stopping.wait(state.delay)
        elif mode == "error500":
            return self._html(500, "Internal Server Error", "The server encountered an internal error.")
        elif mode == "malformed":
            return self._send(200, b'[{"service_code": "broken", "service_name": "Katu', "application/json")
        if path is None:
            return self._html(404, "Not Found", "No such page.")
        try:
            self.server.store.check_jurisdiction(query.get("jurisdiction_id"))
            self._route(method, path, query, body)
        except NotFound as exc:
            self._spec_error(404, [str(exc)])
        except Refused as exc:
            self._refused(exc)

    def _route(self, method: str, path: str, query: dict[str, str], body: bytes) -> None:
        store = self.server.store
        mode = self.server.state.mode
        extensions = query.get("extensions", "").lower() == "true"
        if method == "GET" and path == "services.json":
            return self._json(200, store.services)
        if method == "GET" and path.startswith("services/") and path.endswith(".json"):
            if mode == "six_aika":
                return self._html(404, "Not Found", "The requested resource was not found on this server.")
            return self._json(200, store.service_definition(path[len("services/") : -len(".json")]))
        if path == "requests.json" and method == "GET":
            found = store.search(query, contact_filter=mode != "six_aika")
            return self._json(200, [self._echo(r, extensions) for r in found])
        if path == "requests.json" and method == "POST":
            return self._post(body)
        if method == "GET" and path.startswith("requests/") and path.endswith(".json"):
            record = store.get(path[len("requests/") : -len(".json")])
            return self._json(200, [self._echo(record, extensions)])
        if method == "GET" and path.startswith("tokens/") and path.endswith(".json"):
            token = path[len("tokens/") : -len(".json")]
            filed = store.tokens.get(token)
            if filed is None:
                raise NotFound(f"token {token} was not found")
            answer: dict[str, Any] = {"token": token}
            if time.monotonic() >= filed.id_visible_at:
                answer["service_request_id"] = filed.service_request_id
            return self._json(200, [answer])
        if mode == "six_aika":
            return self._html(404, "Not Found", "The requested resource was not found on this server.")
        raise NotFound(f"{method} {path} is not a GeoReport v2 resource")

    def _echo(self, record: Mapping[str, Any], extensions: bool) -> dict[str, Any]:
        out = GeoReportStore.public(record, extensions)
        if self.server.state.mode == "six_aika":
            out["address"] = ""
            out.setdefault("extended_attributes", None)  # an extra field a client must tolerate
        return out

    def _post(self, body: bytes) -> None:
        form = parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        state = self.server.state
        if state.mode == "six_aika":
            for key, value in form:
                if key in ("lat", "long") and value.strip():
                    try:
                        float(value)
                    except ValueError:
                        return self._html(500, "Server Error (500)", "Server Error (500)")
        values, attributes = self.server.store.validate(form)
        filed = self.server.store.file(values, attributes, token_delay=state.token_delay, clock=time.monotonic())
        if state.mode == "token":
            return self._json(200, [{"token": filed.token}])
        answer = {"service_request_id": filed.service_request_id, "service_notice": "", "account_id": None}
        if state.mode == "six_aika":
            answer.update(
                {
                    "status": "open",
                    "address": "",
                    "service_code": values["service_code"],
                    "requested_datetime": filed.record["requested_datetime"],
                }
            )
            return self._json(201, [answer])
        return self._json(200, [answer])

    def _admin(self, method: str, what: str, body: bytes) -> None:
        state = self.server.state
        if method == "POST" and what == "mode":
            try:
                payload = json.loads(body or b"{}")
                state.set_mode(
                    str(payload.get("mode", "normal")),
                    delay=payload.get("delay"),
                    token_delay=payload.get("token_delay"),
                    method=payload.get("method"),
                )
            except (ValueError, AttributeError, TypeError) as exc:
                return self._json(400, {"error": str(exc)})
            return self._json(200, {"mode": state.mode})
        if method == "GET" and what == "mode":
            return self._json(
                200,
                {
                    "mode": state.mode,
                    "delay": state.delay,
                    "method": state.slow_method,
                    "token_delay": state.token_delay,
                },
            )
        if method == "GET" and what == "stats":
            return self._json(200, state.stats())
        if method == "POST" and what == "reset-stats":
            state.reset_stats()
            return self._json(200, {})
        return self._json(404, {"error": f"no test endpoint {method} {what}"})


# -- running it --------------------------------------------------------------------------------------


@dataclass
class ServerHandle:
    """A reference server running in a daemon thread. ``base_url`` ends with ``/``."""

    server: GeoReportServer
    thread: threading.Thread
    base_url: str

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def store(self) -> GeoReportStore:
        return self.server.store

    def set_mode(
        self, mode: str, *, delay: float | None = None, token_delay: float | None = None, method: str | None = None
    ) -> None:
        """See the module docstring; ``delay`` and ``token_delay`` keep their values until set again."""
        self.server.state.set_mode(mode, delay=delay, token_delay=token_delay, method=method)

    def stats(self) -> dict[str, Any]:
        return self.server.state.stats()

    def reset_stats(self) -> None:
        self.server.state.reset_stats()

    def stop(self) -> None:
        if self.server.stopping.is_set():
            return
        self.server.stopping.set()  # wakes handlers sleeping in slow mode
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_server(
    seed: Mapping[str, Any] | str | Path | None = None, port: int = 0, *, host: str = "127.0.0.1", prefix: str = "/"
) -> ServerHandle:
    """Start a server on ``host:port`` (0 = any free port) in a daemon thread."""
    server = GeoReportServer((host, port), GeoReportStore(load_seed(seed)), prefix)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.1},
        name=f"open311-reference-{server.server_address[1]}",
        daemon=True,
    )
    thread.start()
    return ServerHandle(server, thread, f"http://{host}:{server.server_address[1]}{server.prefix}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m agentdesk_technical.reference_server",
        description="A loopback Open311 GeoReport v2 server for tests and demos.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (printed as LISTENING <port>)")
    parser.add_argument("--seed", help="seed JSON file (default: the packaged Finnish sample)")
    parser.add_argument("--prefix", default="/", help="path the API is served under, e.g. /georeport/v2/")
    parser.add_argument("--mode", default="normal", choices=MODES)
    args = parser.parse_args(argv)
    server = GeoReportServer((args.host, args.port), GeoReportStore(load_seed(args.seed)), args.prefix)
    server.state.set_mode(args.mode)
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.stopping.set()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
