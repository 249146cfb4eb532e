"""A loopback Asterisk Manager Interface (AMI) server that simulates queue and direct calls.

No PBX can be installed on the development machines, so the phone channel is tested against this
server, and ``agentdesk demo`` uses it to make calls ring on the desk. It is written to the
published AMI protocol, not to our client, and shares no parsing code with it:

- the banner ``Asterisk Call Manager/<version>\\r\\n`` is the first thing sent on a connection;
- actions and responses are ``Key: Value\\r\\n`` lines, a block ends with an empty line; keys and
  action names are case-insensitive, ``ActionID`` is echoed in the response and in list events;
- ``Login`` (``Username``/``Secret``, optional ``Events``), ``Logoff``, ``Ping``, ``Events``,
  ``QueueStatus`` and ``CoreShowChannels``; anything else before a login gets "Permission denied";
- a refused login is answered ``Response: Error`` / ``Message: Authentication failed`` and the
  connection is closed, as Asterisk's manager.c does (it also sleeps one second first:
  ``auth_failure_delay``);
- events go to logged-in sessions whose event mask includes the event's class (``Privilege``).

The event sequences are those of Asterisk 13+ with app_queue: ``Newchannel`` (state 4, Ring),
``QueueCallerJoin``, ``DialBegin``, ``AgentCalled``; on answer ``DialEnd``, ``QueueCallerLeave``,
``AgentConnect`` (HoldTime, RingTime); at the end ``AgentComplete`` (TalkTime, Reason) and a
``Hangup`` (Cause, Cause-txt) for each leg. A caller who gives up while waiting produces
``QueueCallerAbandon``. Each event carries the caller channel's snapshot fields (Channel,
Uniqueid, Linkedid, CallerIDNum, ...) and, for dial and agent events, the agent leg's as ``Dest*``.

From Python (every method is thread-safe; the server runs its own loop in a thread)::

    with AmiSimulator({"desk": "s3cret"}) as sim:          # 127.0.0.1, ephemeral port
        call = sim.emit_call("040 123 4567", "Virtanen Anna", "neuvonta", interface="PJSIP/agent1")
        call.answer(hold_seconds=12)      # or: emit_call(..., answer_after=2, hang_up_after=30)
        call.hang_up(talk_seconds=95)     # also: abandon(), ring_no_answer(), ring(other_interface)
        sim.drop_connections()            # clients must reconnect and log in again

From the shell (the demo)::

    python -m agentdesk_demo.simulators.ami_simulator --port 5038 --user desk --secret-env AMI_SECRET --every 20
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import itertools
import logging
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Self

from agentdesk_demo.simulators.ami_sim_pbx import DEMO_CALLERS, Fields, SimulatedCall, SimulatedPbx

log = logging.getLogger(__name__)

AMI_VERSION = "9.0.0"  # the AMI version of Asterisk 20
CRLF = "\r\n"

ALL_CLASSES = frozenset(
    {
        "system",
        "call",
        "log",
        "verbose",
        "command",
        "agent",
        "user",
        "config",
        "dtmf",
        "reporting",
        "cdr",
        "dialplan",
        "originate",
        "agi",
        "cc",
        "aoc",
        "test",
        "security",
        "message",
    }
)


@dataclass(eq=False)
class _Session:
    writer: asyncio.StreamWriter
    user: str = ""
    classes: frozenset[str] = frozenset()
    task: asyncio.Task | None = None


# ---------------------------------------------------------------------------------------------


class AmiSimulator:
    """A loopback AMI server with scriptable calls. ``start()`` binds and returns at once."""

    def __init__(
        self,
        users: Mapping[str, str],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        version: str = AMI_VERSION,
        auth_failure_delay: float = 0.0,
    ) -> None:
        self._users = dict(users)
        self._host = host
        self._requested_port = port
        self.version = version
        self.auth_failure_delay = auth_failure_delay
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.base_events.Server | None = None
        self._sessions: set[_Session] = set()
        self._pbx = SimulatedPbx(self._broadcast, self._on_loop)
        self._logins = threading.Condition()
        self._login_count = 0
        self.port = 0
        self.actions: list[tuple[str, str]] = []  # (user, action name) as received, for tests
        self.unresponsive = False  # a hung PBX: actions get no answer (events still flow)
        # A PBX that sends odd figures: {field: value} replaced in every QueueStatus list event
        # (e.g. {"Holdtime": "1e309"}), for tests of the client's defences.
        self.queue_status_overrides: dict[str, str] = {}

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> Self:
        if self._thread is not None:
            raise RuntimeError("the simulator is already running")
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, args=(ready,), name="ami-simulator", daemon=True)
        self._thread.start()
        ready.result(timeout=10)
        return self

    def _run_loop(self, ready: concurrent.futures.Future[None]) -> None:
        loop = self._loop
        assert loop is not None
        asyncio.set_event_loop(loop)
        try:
            self._server = loop.run_until_complete(asyncio.start_server(self._serve, self._host, self._requested_port))
            self.port = self._server.sockets[0].getsockname()[1]
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            ready.set_exception(exc)
            loop.close()
            return
        ready.set_result(None)
        loop.run_forever()
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()

    def stop(self) -> None:
        """Close every connection and the listening socket, and end the server thread."""
        if self._thread is None or self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._thread = None
        self._loop = None

    async def _shutdown(self) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()
        tasks = [s.task for s in self._sessions if s.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _on_loop(self, fn: Callable, *args, **kwargs):
        """Run fn on the server's loop (at once when already there) and return its result."""
        if self._loop is None or self._thread is None:
            raise RuntimeError("the simulator is not running; call start() first")
        if threading.current_thread() is self._thread:
            return fn(*args, **kwargs)
        done: concurrent.futures.Future = concurrent.futures.Future()

        def run() -> None:
            try:
                done.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
                done.set_exception(exc)

        self._loop.call_soon_threadsafe(run)
        return done.result(timeout=10)

    # -- connections -----------------------------------------------------------------------

    def wait_for_logins(self, count: int, timeout: float = 5.0) -> None:
        """Block until *count* successful logins have happened since start (reconnects count)."""
        with self._logins:
            if not self._logins.wait_for(lambda: self._login_count >= count, timeout):
                raise TimeoutError(f"{self._login_count} of {count} AMI logins after {timeout} s")

    @property
    def login_count(self) -> int:
        with self._logins:
            return self._login_count

    def logged_in_sessions(self) -> int:
        return self._on_loop(lambda: sum(1 for s in self._sessions if s.user))

    def drop_connections(self) -> int:
        """Cut every client connection at once (as a PBX restart or a network fault would)."""

        def drop() -> int:
            for s in self._sessions:
                s.writer.transport.abort()
            return len(self._sessions)

        return self._on_loop(drop)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        session = _Session(writer, task=asyncio.current_task())
        self._sessions.add(session)
        try:
            writer.write(f"Asterisk Call Manager/{self.version}{CRLF}".encode())
            while True:
                action = await _read_action(reader)
                if action is None:
                    break
                if not await self._handle(session, action):
                    await writer.drain()
                    break
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._sessions.discard(session)
            writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    # -- actions ---------------------------------------------------------------------------

    async def _handle(self, s: _Session, action: dict[str, str]) -> bool:
        """Answer one action; False closes the connection."""
        name = action.get("action", "")
        self.actions.append((s.user, name))
        if self.unresponsive:
            return True
        aid = [("ActionID", action["actionid"])] if "actionid" in action else []
        kind = name.lower()
        if kind == "login":
            user, secret = action.get("username", ""), action.get("secret", "")
            if user not in self._users or self._users[user] != secret:
                if self.auth_failure_delay:
                    await asyncio.sleep(self.auth_failure_delay)
                s.writer.write(_block([("Response", "Error"), *aid, ("Message", "Authentication failed")]))
                return False
            s.user = user
            s.classes = _event_classes(action.get("events", "on"))
            s.writer.write(_block([("Response", "Success"), *aid, ("Message", "Authentication accepted")]))
            if "system" in s.classes:
                s.writer.write(
                    _block(
                        [
                            ("Event", "FullyBooted"),
                            ("Privilege", "system,all"),
                            ("Uptime", "3600"),
                            ("LastReload", "3600"),
                            ("Status", "Fully Booted"),
                        ]
                    )
                )
            with self._logins:
                self._login_count += 1
                self._logins.notify_all()
            return True
        if kind == "logoff":
            s.writer.write(_block([("Response", "Goodbye"), *aid, ("Message", "Thanks for all the fish.")]))
            return False
        if not s.user:
            s.writer.write(_block([("Response", "Error"), *aid, ("Message", "Permission denied")]))
            return True
        if kind == "ping":
            s.writer.write(
                _block([("Response", "Success"), *aid, ("Ping", "Pong"), ("Timestamp", f"{time.time():.6f}")])
            )
        elif kind == "events":
            s.classes = _event_classes(action.get("eventmask", "on"))
            s.writer.write(_block([("Response", "Success"), *aid, ("Events", "On" if s.classes else "Off")]))
        elif kind == "queuestatus":
            items = self._pbx.queue_status(action.get("queue", ""), action.get("member", ""))
            if self.queue_status_overrides:
                odd = {k.lower(): (k, v) for k, v in self.queue_status_overrides.items()}
                items = [
                    [(k, odd[k.lower()][1]) if k.lower() in odd else (k, v) for k, v in fields] for fields in items
                ]
            self._send_list(s, aid, "Queue status will follow", items, "QueueStatusComplete")
        elif kind == "coreshowchannels":
            self._send_list(s, aid, "Channels will follow", self._pbx.channels(), "CoreShowChannelsComplete")
        else:
            s.writer.write(
                _block(
                    [
                        ("Response", "Error"),
                        *aid,
                        (
                            "Message",
                            f"Invalid/unknown command: {name}. Use Action: ListCommands to show available commands.",
                        ),
                    ]
                )
            )
        return True

    @staticmethod
    def _send_list(s: _Session, aid: Fields, message: str, items: list[Fields], complete: str) -> None:
        s.writer.write(_block([("Response", "Success"), *aid, ("EventList", "start"), ("Message", message)]))
        for fields in items:
            s.writer.write(_block([*fields, *aid]))
        s.writer.write(_block([("Event", complete), *aid, ("EventList", "Complete"), ("ListItems", str(len(items)))]))

    # -- events ----------------------------------------------------------------------------

    def emit_event(self, event: str, fields: Iterable[tuple[str, str]] = (), *, category: str = "call") -> None:
        """Send one raw event to every logged-in session whose mask includes *category*."""
        self._on_loop(self._broadcast, event, list(fields), category)

    def send_raw(self, data: bytes) -> None:
        """Write *data* as it is to every logged-in session (broken frames, odd bytes), for tests."""

        def send() -> None:
            for s in self._sessions:
                if s.user and not s.writer.is_closing():
                    s.writer.write(data)

        self._on_loop(send)

    def _broadcast(self, event: str, fields: list[tuple[str, str]], category: str) -> None:
        data = _block([("Event", event), ("Privilege", f"{category},all"), *fields])
        for s in self._sessions:
            if s.user and category in s.classes and not s.writer.is_closing():
                s.writer.write(data)

    # -- queues and calls ------------------------------------------------------------------

    def add_queue(self, name: str, members: Iterable[tuple[str, str]] = (), *, service_level: int = 60) -> None:
        """A queue with (interface, member name) members, for QueueStatus."""
        self._on_loop(self._pbx.add_queue, name, list(members), service_level=service_level)

    def emit_call(
        self,
        caller_id_num: str,
        caller_id_name: str,
        queue: str,
        interface: str = "PJSIP/agent1",
        member_name: str | None = None,
        uniqueid: str | None = None,
        *,
        answer_after: float | None = None,
        hang_up_after: float | None = None,
    ) -> SimulatedCall:
        """A caller joins *queue* and the queue rings *interface*: Newchannel, QueueCallerJoin,
        DialBegin, AgentCalled. Drive the rest with the returned call's methods, or let the
        simulator answer *answer_after* seconds later (DialEnd, QueueCallerLeave, AgentConnect) and
        hang up *hang_up_after* seconds after the answer (AgentComplete, Hangup per leg)."""
        call = self._on_loop(
            self._pbx.emit_call, caller_id_num, caller_id_name, queue, interface, member_name, uniqueid
        )
        if answer_after is not None:
            self._on_loop(self._later, answer_after, call.answer)
            if hang_up_after is not None:
                self._on_loop(self._later, answer_after + hang_up_after, call.hang_up)
        return call

    def _later(self, delay: float, step: Callable[[], None]) -> None:
        """Run a scripted step of a call later; a call already ended by hand is left alone."""

        def run() -> None:
            with contextlib.suppress(RuntimeError):
                step()

        assert self._loop is not None
        self._loop.call_later(delay, run)

    def emit_direct_call(
        self,
        caller_id_num: str,
        caller_id_name: str,
        interface: str = "PJSIP/agent1",
        uniqueid: str | None = None,
        exten: str = "100",
    ) -> SimulatedCall:
        """A call dialled straight to *interface*, no queue: Newchannel (ChannelState 4), DialBegin."""
        return self._on_loop(self._pbx.emit_direct_call, caller_id_num, caller_id_name, interface, uniqueid, exten)

    # -- demo script -----------------------------------------------------------------------

    def run_script(
        self,
        *,
        every: float,
        queue: str,
        interface: str,
        member_name: str,
        answer_after: float = 3.0,
        talk: tuple[float, float] = (15.0, 45.0),
        callers: tuple[tuple[str, str], ...] | None = None,
        abandon_every: int = 5,
        seed: int | None = None,
    ) -> None:
        """Emit a call every *every* seconds, answer it, hang up later; every *abandon_every*-th
        caller gives up instead. Runs on the server's loop until stop()."""
        rnd = random.Random(seed)
        people = callers or DEMO_CALLERS
        counter = itertools.count(1)

        def next_call() -> None:
            n = next(counter)
            number, name = people[(n - 1) % len(people)]
            if abandon_every and n % abandon_every == 0:
                call = self.emit_call(number, name, queue, interface=interface, member_name=member_name)
                self._later(answer_after, call.abandon)
            else:
                self.emit_call(
                    number,
                    name,
                    queue,
                    interface=interface,
                    member_name=member_name,
                    answer_after=answer_after,
                    hang_up_after=rnd.uniform(*talk),
                )
            self._loop.call_later(every, next_call)

        self._on_loop(lambda: self._loop.call_later(0.5, next_call))


# ---------------------------------------------------------------------------------------------
# Wire format (deliberately separate from the client's parser)


def _block(pairs: Iterable[tuple[str, str]]) -> bytes:
    return ("".join(f"{k}: {v}{CRLF}" for k, v in pairs) + CRLF).encode("utf-8")


async def _read_action(reader: asyncio.StreamReader) -> dict[str, str] | None:
    """One action block as {lower-case key: value}; None at end of stream."""
    fields: dict[str, str] = {}
    while True:
        line = await reader.readline()
        if not line:
            return None
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if not text:
            if fields:
                return fields
            continue
        key, sep, value = text.partition(":")
        if sep:
            fields.setdefault(key.strip().lower(), value.strip())


def _event_classes(mask: str) -> frozenset[str]:
    value = mask.strip().lower()
    if value in ("on", "yes", "true", "1", "all"):
        return ALL_CLASSES
    if value in ("off", "no", "false", "0", ""):
        return frozenset()
    return frozenset(c.strip() for c in value.split(",") if c.strip() in ALL_CLASSES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m agentdesk_demo.simulators.ami_simulator",
        description="A loopback Asterisk Manager Interface that simulates calls.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5038, help="0 picks a free port (printed on start)")
    parser.add_argument("--user", default="desk")
    secret = parser.add_mutually_exclusive_group(required=True)
    secret.add_argument("--secret", help="the AMI secret (visible in the process list: prefer --secret-env)")
    secret.add_argument("--secret-env", metavar="VAR", help="read the AMI secret from this environment variable")
    parser.add_argument("--every", type=float, default=0.0, help="emit a call every N seconds (0: none)")
    parser.add_argument("--queue", default="neuvonta")
    parser.add_argument("--interface", default="PJSIP/agent1")
    parser.add_argument("--member-name", default="Agent 1")
    parser.add_argument("--answer-after", type=float, default=3.0)
    args = parser.parse_args(argv)
    password = args.secret if args.secret is not None else os.environ.get(args.secret_env, "")
    if not password:
        parser.error(f"environment variable {args.secret_env} is empty")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    sim = AmiSimulator({args.user: password}, host=args.host, port=args.port, auth_failure_delay=1.0)
    sim.start()
    sim.add_queue(args.queue, [(args.interface, args.member_name)])
    print(f"AMI simulator listening on {args.host}:{sim.port}", flush=True)
    if args.every > 0:
        sim.run_script(
            every=args.every,
            queue=args.queue,
            interface=args.interface,
            member_name=args.member_name,
            answer_after=args.answer_after,
        )
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
