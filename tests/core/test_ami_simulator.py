"""The AMI simulator speaks the documented protocol (checked with a plain socket, not our client),
and its command line runs the demo's calls."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading

import pytest
from agentdesk_demo.simulators.ami_simulator import AmiSimulator

from agentdesk.channels.ami import AmiClient, AmiSettings
from agentdesk.channels.ami_events import IncomingCall


class Wire:
    """A bare TCP AMI session: send lines, read blocks."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.buffer = b""

    def close(self) -> None:
        self.sock.close()

    def line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._fill()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def block(self) -> dict[str, str]:
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        raw, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        return dict(line.split(": ", 1) for line in raw.decode().split("\r\n"))

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise EOFError("closed")
        self.buffer += data

    def send(self, *lines: str) -> None:
        self.sock.sendall(("".join(f"{line}\r\n" for line in lines) + "\r\n").encode())

    def closed_by_server(self) -> bool:
        try:
            self._fill()
        except EOFError:
            return True
        return False


@pytest.fixture
def sim():
    with AmiSimulator({"desk": "pw"}) as server:
        yield server


@pytest.fixture
def wire(sim):
    w = Wire(sim.port)
    yield w
    w.close()


def test_actions_before_login_are_refused_and_action_ids_echoed(wire):
    assert wire.line() == b"Asterisk Call Manager/9.0.0"
    wire.send("Action: Ping", "ActionID: p1")
    assert wire.block() == {"Response": "Error", "ActionID": "p1", "Message": "Permission denied"}

    wire.send("action: login", "username: desk", "secret: pw", "ActionID: l1")  # keys in any case
    assert wire.block() == {"Response": "Success", "ActionID": "l1", "Message": "Authentication accepted"}
    assert wire.block()["Event"] == "FullyBooted"

    wire.send("Action: Ping", "ActionID: p2")
    pong = wire.block()
    assert (pong["Response"], pong["ActionID"], pong["Ping"]) == ("Success", "p2", "Pong")
    wire.send("Action: Originate", "ActionID: o1")
    assert wire.block()["Message"].startswith("Invalid/unknown command: Originate.")

    wire.send("Action: Logoff", "ActionID: x")
    assert wire.block() == {"Response": "Goodbye", "ActionID": "x", "Message": "Thanks for all the fish."}
    assert wire.closed_by_server()


def test_a_bad_login_gets_an_error_and_the_connection_is_closed(wire):
    wire.line()
    wire.send("Action: Login", "Username: desk", "Secret: nope")
    assert wire.block() == {"Response": "Error", "Message": "Authentication failed"}
    assert wire.closed_by_server()


def test_events_follow_the_sessions_event_mask(sim, wire):
    wire.line()
    wire.send("Action: Login", "Username: desk", "Secret: pw", "Events: agent")
    wire.block()
    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")

    joined = wire.block()  # Newchannel and DialBegin are class "call": filtered out
    assert (joined["Event"], joined["Privilege"], joined["Uniqueid"]) == ("QueueCallerJoin", "agent,all", call.uniqueid)
    called = wire.block()
    assert called["Event"] == "AgentCalled"
    assert (called["CallerIDNum"], called["Interface"], called["Linkedid"]) == (
        "0401234567",
        "PJSIP/agent1",
        call.uniqueid,
    )
    assert called["DestChannel"].startswith("PJSIP/agent1-")


def test_the_command_line_simulates_calls_for_the_demo():
    env = {**os.environ, "DEMO_AMI_SECRET": "demo-pw"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agentdesk_demo.simulators.ami_simulator",
            "--port",
            "0",
            "--user",
            "desk",
            "--secret-env",
            "DEMO_AMI_SECRET",
            "--every",
            "0.2",
            "--answer-after",
            "0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        first = proc.stdout.readline()
        assert first.startswith("AMI simulator listening on 127.0.0.1:")
        port = int(first.rsplit(":", 1)[1])
        popped = threading.Event()
        client = AmiClient(
            AmiSettings(port=port, interface="PJSIP/agent1"),
            "demo-pw",
            on_event=lambda e: isinstance(e, IncomingCall) and popped.set(),
        )
        client.start()
        try:
            client.wait_connected(5)
            assert popped.wait(5)
        finally:
            client.stop()
    finally:
        proc.terminate()
        assert proc.wait(10) == 0
        proc.stdout.close()
