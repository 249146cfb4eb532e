"""Run the loopback FHIR server (``plugins/health/fhir-server/server.js``) for tests and the demo.

    with start_fhir_server(fhir_seed(DEMO_PEOPLE) + official_examples()) as server:
        server.base_url            # http://127.0.0.1:<port>/fhir/R4/
        server.set_mode("slow")    # normal, slow, error500, malformed, html (see README)
        server.reset_stats()
        ...
        server.request_count       # FHIR requests since the last reset
        server.stats()             # {"total": n, "paths": {"/fhir/R4/Patient": n, ...}}

By hand: ``python -m agentdesk_health.server_process --port 8080`` serves the demo people and
the official HL7 examples until Ctrl-C.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Self

import requests

SERVER_DIR = Path(os.environ.get("AGENTDESK_FHIR_SERVER_DIR") or Path(__file__).resolve().parents[1] / "fhir-server")
MODES = ("normal", "slow", "error500", "malformed", "html")
DEFAULT_EXAMPLES = (
    "Patient-example.json",
    "Patient-f001.json",
    "Encounter-f001.json",
    "Encounter-f002.json",
    "Appointment-example.json",
    "EpisodeOfCare-example.json",
    "Organization-f001.json",
)
MIN_NODE = (20, 19)  # @medplum 4.5.2: node "^20.19.0 || >=22.12.0"
_SETUP_HINT = "run scripts/setup.sh (it calls plugins/health/fhir-server/install.sh)"


class FhirServerError(RuntimeError):
    """The FHIR server cannot be started (no node, no node_modules, a bad seed, no LISTENING)."""


def _check_installed() -> str:
    node = shutil.which("node")
    if node is None:
        raise FhirServerError(f"Node.js ('node') is not installed, so the FHIR test server cannot run: {_SETUP_HINT}")
    version = subprocess.run(
        [node, "--version"], capture_output=True, text=True, timeout=30, check=False
    ).stdout.strip()
    parts = tuple(int(p) for p in version.lstrip("v").split(".")[:2] if p.isdigit())
    if parts < MIN_NODE:
        raise FhirServerError(
            f"Node.js {version or '?'} is too old for the FHIR test server (@medplum 4.5.2 needs "
            f">= {MIN_NODE[0]}.{MIN_NODE[1]}): {_SETUP_HINT}"
        )
    if not (SERVER_DIR / "server.js").is_file():
        raise FhirServerError(
            f"no FHIR server at {SERVER_DIR} (set AGENTDESK_FHIR_SERVER_DIR to plugins/health/fhir-server)"
        )
    if not (SERVER_DIR / "node_modules" / "@medplum" / "fhir-router").is_dir():
        raise FhirServerError(
            f"the FHIR server's npm packages are missing in {SERVER_DIR / 'node_modules'}: {_SETUP_HINT}"
        )
    return node


def _tied_to_this_process() -> dict[str, Any]:
    """Popen options that make the server die with this process, however it ends (``kill -9`` too).

    First line, every platform: the server's stdin is a pipe from us that we never write to; when
    this process is gone the operating system closes our end and server.js (``--parent-pipe``) sees
    end of file and exits. Second line, Linux: ``PR_SET_PDEATHSIG`` has the kernel send the server
    SIGKILL when its parent dies. The kernel ties that to the *thread* that started the child, so
    it is set only from the main thread (a worker thread ending must not take the server along).
    """
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return {}
    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here: the child only calls it
    parent = os.getpid()

    def die_with_parent() -> None:  # runs in the child between fork and exec
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before the line above: nobody will send it
            os._exit(1)

    return {"preexec_fn": die_with_parent}


def official_examples(names: tuple[str, ...] | list[str] = DEFAULT_EXAMPLES) -> list[dict[str, Any]]:
    """Official HL7 R4 example resources (npm package hl7.fhir.r4.examples, CC0) by file name."""
    folder = SERVER_DIR / "node_modules" / "hl7.fhir.r4.examples"
    if not folder.is_dir():
        raise FhirServerError(f"the official FHIR examples are missing in {folder}: {_SETUP_HINT}")
    return [json.loads((folder / name).read_text(encoding="utf-8")) for name in names]


class FhirServer:
    """A running server.js process; stop it with :meth:`stop` or by leaving the ``with`` block."""

    def __init__(self, process: subprocess.Popen, port: int, workdir: tempfile.TemporaryDirectory) -> None:
        self._process, self.port, self._workdir = process, port, workdir
        self.origin = f"http://127.0.0.1:{port}"
        self.base_url = f"{self.origin}/fhir/R4/"
        self._admin = requests.Session()
        self._admin.trust_env = False

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process.poll() is None

    def set_mode(self, mode: str, delay_ms: int | None = None) -> None:
        """Make every FHIR request slow (``delay_ms``, default 5000), fail with HTTP 500 and an
        OperationOutcome, answer malformed JSON or an HTML error page; ``normal`` undoes it."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        body: dict[str, Any] = {"mode": mode}
        if delay_ms is not None:
            body["delay_ms"] = delay_ms
        self._admin.post(f"{self.origin}/__test__/mode", json=body, timeout=5).raise_for_status()

    def stats(self) -> dict[str, Any]:
        """FHIR requests since the start or the last reset: ``{"total": n, "paths": {path: n}}``."""
        response = self._admin.get(f"{self.origin}/__test__/stats", timeout=5)
        response.raise_for_status()
        return response.json()

    @property
    def request_count(self) -> int:
        return int(self.stats()["total"])

    def reset_stats(self) -> None:
        self._admin.delete(f"{self.origin}/__test__/stats", timeout=5).raise_for_status()

    def stop(self) -> None:
        """Stop the process (nothing listens on the port afterwards) and remove the seed file."""
        if self._process.stdin:
            self._process.stdin.close()  # the server exits by itself on end of file
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
        for stream in (self._process.stdout, self._process.stderr):
            if stream:
                stream.close()
        self._admin.close()
        self._workdir.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_fhir_server(
    seed_resources: list[dict[str, Any]],
    port: int = 0,
    *,
    mode: str = "normal",
    delay_ms: int = 5000,
    startup_timeout: float = 30.0,
) -> FhirServer:
    """Start server.js on 127.0.0.1 (``port`` 0: any free port) seeded with ``seed_resources``,
    and return once it prints ``LISTENING <port>``. Raises :class:`FhirServerError` with the
    server's own message when it cannot start (e.g. a seed resource that is not valid FHIR)."""
    node = _check_installed()
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    workdir = tempfile.TemporaryDirectory(prefix="agentdesk-fhir-")
    seed = Path(workdir.name) / "seed.json"
    seed.write_text(json.dumps(list(seed_resources)), encoding="utf-8")
    errors = (Path(workdir.name) / "stderr.txt").open("w+", encoding="utf-8")
    process = subprocess.Popen(
        [
            node,
            "server.js",
            "--port",
            str(port),
            "--seed",
            str(seed),
            "--mode",
            mode,
            "--delay-ms",
            str(delay_ms),
            "--parent-pipe",
        ],
        cwd=SERVER_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        **_tied_to_this_process(),
    )
    stdout, stdin = process.stdout, process.stdin
    assert stdout is not None and stdin is not None  # both are pipes (Popen's **options hide that from mypy)
    lines: queue.Queue[str] = queue.Queue()

    def wait_for_listening() -> None:  # ends at LISTENING or when the process's stdout closes
        for line in stdout:
            if line.startswith("LISTENING "):
                lines.put(line)
                return
        lines.put("")

    reader = threading.Thread(target=wait_for_listening, name="fhir-server-start", daemon=True)
    reader.start()
    try:
        line = lines.get(timeout=startup_timeout)
    except queue.Empty:
        line = None
    if not line:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=5)
        reader.join(timeout=5)
        errors.seek(0)
        message = errors.read().strip()[-2000:] or f"exit status {process.returncode}"
        errors.close()
        stdout.close()
        stdin.close()
        workdir.cleanup()
        if line is None:
            message = f"no LISTENING line within {startup_timeout:g} s; {message}"
        raise FhirServerError(f"the FHIR server did not start: {message}")
    reader.join(timeout=5)
    errors.close()
    return FhirServer(process, int(line.split()[1]), workdir)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import time

    from agentdesk_health.demo_data import DEMO_PEOPLE, fhir_seed

    parser = argparse.ArgumentParser(description="Serve the demo people and official HL7 examples over FHIR R4.")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    with start_fhir_server(fhir_seed(DEMO_PEOPLE) + official_examples(), port=args.port) as server:
        print(f"FHIR R4 server at {server.base_url} (Ctrl-C stops it)", flush=True)
        try:
            while server.running:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
