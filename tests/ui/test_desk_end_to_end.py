"""The real ``agentdesk`` command in a subprocess, followed through its structured log events."""

from __future__ import annotations

import importlib.util
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from agentdesk import paths


class DeskProcess:
    def __init__(self, *args: str) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "agentdesk", *args],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, name="desk-stderr", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no {text!r} from the desk; it said:\n" + "\n".join(self.seen))

    def interrupt(self, timeout: float = 20) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            code = self.proc.wait(timeout)
        finally:
            self.close()
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._reader.join(10)
        self.proc.stdout.close()
        self.proc.stderr.close()
        while not self.lines.empty():
            self.seen.append(self.lines.get())


def test_desk_without_a_directory_offers_no_chooser_and_closes_cleanly(sqlite_db, seeded):
    # Outside demo mode the chooser does not exist: without a [directory] in the profile the desk
    # says how IT configures one (the sign-in itself: tests/ui/test_directory_sign_in.py; the
    # window of a real process: the demo below).
    url = sqlite_db.url.render_as_string(hide_password=False)
    desk = DeskProcess("desk", "--db", url, "--user", "agent.aino", "--lang", "sv")
    try:
        desk.wait_for("app.start version=")
        desk.wait_for("schema.ok")
        assert "lang=sv" in " ".join(desk.seen)
        desk.wait_for("signin.no_directory")
        assert desk.interrupt() == 0
    finally:
        desk.close()
    log = "\n".join(desk.seen)
    assert "app.stopped" in log
    assert "Traceback" not in log and "WARNING" not in log and "ERROR" not in log, log
    crashes = paths.user_data_dir() / "crashes"
    assert not list(crashes.glob("session-*")), "a clean exit leaves no session marker"
    assert not list(crashes.glob("*.txt")), "nor any crash file"
    file_log = (paths.user_log_dir() / "agentdesk.log").read_text(encoding="utf-8")
    assert "log started: AgentDesk" in file_log and "app.stopped" in file_log, "the desk keeps its log file"


def test_plain_agentdesk_starts_the_desk_on_the_embedded_database(qapp):
    embedded = paths.user_data_dir() / "agentdesk.sqlite3"
    assert not embedded.exists()
    desk = DeskProcess()
    try:
        desk.wait_for("schema.ok")  # created and upgraded on first start
        assert embedded.exists()
        assert desk.interrupt() == 0
    finally:
        desk.close()
    assert "app.stopped" in "\n".join(desk.seen)


@pytest.mark.skipif(
    importlib.util.find_spec("agentdesk_demo") is None, reason="the synthetic population loader is not installed"
)
def test_demo_seeds_a_throwaway_database_and_opens_the_desk(qapp):
    desk = DeskProcess("demo", "--people", "300", "--seed", "3")
    try:
        desk.wait_for("window.ready user_id=", timeout=60)
        assert desk.interrupt() == 0
    finally:
        desk.close()
    log = "\n".join(desk.seen)
    assert "generating 300 synthetic people in" in log
    folder = next(line for line in desk.seen if "generating 300" in line).rsplit(" in ", 1)[1]
    assert not os.path.exists(folder), "the throwaway database is removed"
