"""A loopback SMS gateway that speaks openapi.yaml, for tests, demos and benchmarks: it accepts a
message once per idempotency key, answers a repeated key ``duplicate`` and counts what it delivered.

    agentdesk-sms-reference-gateway [--port 0]      # prints the URL, serves until interrupted
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
MAX_BATCH = 500


class GatewayState:
    """What the gateway delivered: the messages per idempotency key and how often a key came back."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.delivered: dict[str, dict[str, str]] = {}  # key -> {"to", "text"}
        self.repeats: dict[str, int] = {}
        self.requests = 0
        self.fail_next = 0  # answer the next n batches with HTTP 503 (tests of retries)
        self.connections: set[socket.socket] = set()  # the kept-alive connections, closed by close()

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "delivered": len(self.delivered),
                "duplicate_requests": sum(self.repeats.values()),
                "requests": self.requests,
            }


def _handler(state: GatewayState, token: str | None) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive

        def setup(self) -> None:
            super().setup()
            with state.lock:
                state.connections.add(self.connection)

        def finish(self) -> None:
            with state.lock:
                state.connections.discard(self.connection)
            super().finish()

        def log_message(self, format: str, *args: Any) -> None:  # no request lines on stderr
            return

        def _answer(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            return token is None or self.headers.get("Authorization") == f"Bearer {token}"

        def do_GET(self) -> None:
            if not self._authorised():
                self._answer(401, {"error": "unauthorised"})
            elif self.path == "/v1/stats":
                self._answer(200, state.snapshot())
            elif self.path.startswith("/v1/messages/"):
                key = self.path[len("/v1/messages/") :]
                with state.lock:
                    found = state.delivered.get(key)
                if found is None:
                    self._answer(404, {"error": "unknown idempotency key"})
                else:
                    self._answer(200, {"idempotency_key": key, "status": "accepted", **found})
            else:
                self._answer(404, {"error": "not found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if not self._authorised():
                self._answer(401, {"error": "unauthorised"})
                return
            if self.path != "/v1/messages/batch":
                self._answer(404, {"error": "not found"})
                return
            with state.lock:
                state.requests += 1
                if state.fail_next > 0:
                    state.fail_next -= 1
                    fail = True
                else:
                    fail = False
            if fail:
                self._answer(503, {"error": "try again"})
                return
            try:
                messages = json.loads(raw)["messages"]
                if not isinstance(messages, list) or len(messages) > MAX_BATCH:
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                self._answer(400, {"error": "a JSON body with at most 500 messages is expected"})
                return
            results = []
            with state.lock:
                for m in messages:
                    key = str(m.get("idempotency_key", "")) if isinstance(m, dict) else ""
                    to = str(m.get("to", "")) if isinstance(m, dict) else ""
                    text = str(m.get("text", "")) if isinstance(m, dict) else ""
                    if not key or len(key) > 64:
                        results.append({"idempotency_key": key, "status": "rejected", "error": "bad key"})
                    elif key in state.delivered:
                        state.repeats[key] = state.repeats.get(key, 0) + 1
                        results.append({"idempotency_key": key, "status": "duplicate"})
                    elif not E164.match(to) or not text.strip():
                        results.append({"idempotency_key": key, "status": "rejected", "error": "bad number or text"})
                    else:
                        state.delivered[key] = {"to": to, "text": text}
                        results.append({"idempotency_key": key, "status": "accepted"})
            self._answer(200, {"results": results})

    return Handler


class ReferenceGateway:
    """The gateway on 127.0.0.1 in a thread: ``url``, ``state``; ``close()`` stops it."""

    def __init__(self, port: int = 0, token: str | None = None) -> None:
        self.state = GatewayState()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self.state, token))
        self._server.daemon_threads = False  # server_close() joins the connection threads
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="sms-reference-gateway", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        with self.state.lock:
            open_connections = list(self.state.connections)
        for conn in open_connections:  # a kept-alive client would hold its thread forever
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        self._thread.join(timeout=5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    gateway = ReferenceGateway(args.port)
    print(gateway.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        gateway.close()


if __name__ == "__main__":
    main()
