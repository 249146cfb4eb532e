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
        call.answer()
        call.hang_up()

From the shell (the demo)::

    python -m agentdesk.channels.ami_simulator --port 5038 --user desk --secret-env AMI_SECRET --every 20
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
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

AMI_VERSION = "9.0.0"  # the AMI version of Asterisk 20
CRLF = "\r\n"

# Device states in QueueMember.Status (ast_device_state)
DEVICE_NOT_INUSE, DEVICE_INUSE, DEVICE_RINGING = 1, 2, 6
CAUSE_NORMAL_CLEARING = 16
CAUSE_TEXT = {16: "Normal Clearing", 17: "User busy", 19: "No user responding", 21: "Call Rejected"}
STATE_DESC = {0: "Down", 4: "Ring", 5: "Ringing", 6: "Up"}
ALL_CLASSES = frozenset({"system", "call", "log", "verbose", "command", "agent", "user", "config",
                         "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc",
                         "test", "security", "message"})


# ---------------------------------------------------------------------------------------------
# State


@dataclass
class _Leg:
    channel: str
    uniqueid: str
    linkedid: str
    state: int
    caller_num: str
    caller_name: str
    connected_num: str = ""
    connected_name: str = ""
    context: str = "from-trunk"
    exten: str = ""
    created: float = field(default_factory=time.monotonic)

    def fields(self, prefix: str = "") -> list[tuple[str, str]]:
        pairs = [
            ("Channel", self.channel), ("ChannelState", str(self.state)),
            ("ChannelStateDesc", STATE_DESC.get(self.state, "Unknown")),
            ("CallerIDNum", self.caller_num or "<unknown>"), ("CallerIDName", self.caller_name or "<unknown>"),
            ("ConnectedLineNum", self.connected_num or "<unknown>"),
            ("ConnectedLineName", self.connected_name or "<unknown>"),
            ("Language", "fi"), ("AccountCode", ""), ("Context", self.context), ("Exten", self.exten),
            ("Priority", "1"), ("Uniqueid", self.uniqueid), ("Linkedid", self.linkedid),
        ]
        return [(prefix + k, v) for k, v in pairs]


@dataclass
class _Member:
    interface: str
    name: str
    calls_taken: int = 0
    last_call: int = 0
    in_call: bool = False
    ringing: bool = False
    paused: bool = False

    @property
    def status(self) -> int:
        return DEVICE_INUSE if self.in_call else DEVICE_RINGING if self.ringing else DEVICE_NOT_INUSE


@dataclass
class _Queue:
    name: str
    service_level: int = 60
    strategy: str = "rrmemory"
    members: dict[str, _Member] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)  # caller uniqueids in position order
    completed: int = 0
    abandoned: int = 0
    completed_in_sl: int = 0
    abandoned_in_sl: int = 0
    holdtime: int = 0  # Asterisk's running average: (3 * old + new) / 4
    talktime: int = 0


@dataclass(eq=False)
class _Session:
    writer: asyncio.StreamWriter
    user: str = ""
    classes: frozenset[str] = frozenset()
    task: asyncio.Task | None = None


# ---------------------------------------------------------------------------------------------


class AmiSimulator:
    """A loopback AMI server with scriptable calls. ``start()`` binds and returns at once."""

    def __init__(self, users: Mapping[str, str], *, host: str = "127.0.0.1", port: int = 0,
                 version: str = AMI_VERSION, auth_failure_delay: float = 0.0) -> None:
        self._users = dict(users)
        self._host = host
        self._requested_port = port
        self.version = version
        self.auth_failure_delay = auth_failure_delay
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.base_events.Server | None = None
        self._sessions: set[_Session] = set()
        self._queues: dict[str, _Queue] = {}
        self._legs: dict[str, _Leg] = {}  # live channels by uniqueid
        self._seq = itertools.count(1)
        self._epoch = int(time.time())
        self._logins = threading.Condition()
        self._login_count = 0
        self.port = 0
        self.actions: list[tuple[str, str]] = []  # (user, action name) as received, for tests
        self.unresponsive = False  # a hung PBX: actions get no answer (events still flow)

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> AmiSimulator:
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
            self._server = loop.run_until_complete(
                asyncio.start_server(self._serve, self._host, self._requested_port))
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

    def __enter__(self) -> AmiSimulator:
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
                s.writer.write(_block([("Event", "FullyBooted"), ("Privilege", "system,all"),
                                       ("Uptime", "3600"), ("LastReload", "3600"), ("Status", "Fully Booted")]))
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
            s.writer.write(_block([("Response", "Success"), *aid, ("Ping", "Pong"),
                                   ("Timestamp", f"{time.time():.6f}")]))
        elif kind == "events":
            s.classes = _event_classes(action.get("eventmask", "on"))
            s.writer.write(_block([("Response", "Success"), *aid, ("Events", "On" if s.classes else "Off")]))
        elif kind == "queuestatus":
            self._queue_status(s, aid, action.get("queue", ""), action.get("member", ""))
        elif kind == "coreshowchannels":
            self._core_show_channels(s, aid)
        else:
            s.writer.write(_block([("Response", "Error"), *aid, ("Message", f"Invalid/unknown command: {name}. "
                                                             "Use Action: ListCommands to show available commands.")]))
        return True

    def _queue_status(self, s: _Session, aid: list, only_queue: str, only_member: str) -> None:
        s.writer.write(_block([("Response", "Success"), *aid, ("EventList", "start"),
                               ("Message", "Queue status will follow")]))
        items = 0
        now = time.monotonic()
        for q in self._queues.values():
            if only_queue and q.name != only_queue:
                continue
            perf = 100.0 * q.completed_in_sl / q.completed if q.completed else 0.0
            done = q.completed + q.abandoned
            perf2 = 100.0 * (q.completed_in_sl + q.abandoned_in_sl) / done if done else 0.0
            s.writer.write(_block([
                ("Event", "QueueParams"), ("Queue", q.name), ("Max", "0"), ("Strategy", q.strategy),
                ("Calls", str(len(q.waiting))), ("Holdtime", str(q.holdtime)), ("TalkTime", str(q.talktime)),
                ("Completed", str(q.completed)), ("Abandoned", str(q.abandoned)),
                ("ServiceLevel", str(q.service_level)), ("ServicelevelPerf", f"{perf:.1f}"),
                ("ServicelevelPerf2", f"{perf2:.1f}"), ("Weight", "0"), *aid]))
            items += 1
            for m in q.members.values():
                if only_member and m.interface != only_member:
                    continue
                s.writer.write(_block([
                    ("Event", "QueueMember"), ("Queue", q.name), ("Name", m.name), ("Location", m.interface),
                    ("StateInterface", m.interface), ("Membership", "static"), ("Penalty", "0"),
                    ("CallsTaken", str(m.calls_taken)), ("LastCall", str(m.last_call)), ("LastPause", "0"),
                    ("LoginTime", str(self._epoch)), ("InCall", "1" if m.in_call else "0"),
                    ("Status", str(m.status)), ("Paused", "1" if m.paused else "0"), ("PausedReason", ""),
                    ("Wrapuptime", "0"), *aid]))
                items += 1
            for position, uid in enumerate(q.waiting, start=1):
                leg = self._legs[uid]
                s.writer.write(_block([
                    ("Event", "QueueEntry"), ("Queue", q.name), ("Position", str(position)),
                    ("Channel", leg.channel), ("Uniqueid", uid), ("CallerIDNum", leg.caller_num or "<unknown>"),
                    ("CallerIDName", leg.caller_name or "<unknown>"), ("ConnectedLineNum", "<unknown>"),
                    ("ConnectedLineName", "<unknown>"), ("Wait", str(int(now - leg.created))),
                    ("Priority", "0"), *aid]))
                items += 1
        s.writer.write(_block([("Event", "QueueStatusComplete"), *aid, ("EventList", "Complete"),
                               ("ListItems", str(items))]))

    def _core_show_channels(self, s: _Session, aid: list) -> None:
        s.writer.write(_block([("Response", "Success"), *aid, ("EventList", "start"),
                               ("Message", "Channels will follow")]))
        now = time.monotonic()
        for leg in self._legs.values():
            secs = int(now - leg.created)
            s.writer.write(_block([("Event", "CoreShowChannel"), *aid, *leg.fields(),
                                   ("Application", "Queue"), ("ApplicationData", ""),
                                   ("Duration", f"{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}"),
                                   ("BridgeId", "")]))
        s.writer.write(_block([("Event", "CoreShowChannelsComplete"), *aid, ("EventList", "Complete"),
                               ("ListItems", str(len(self._legs)))]))

    # -- events ----------------------------------------------------------------------------

    def emit_event(self, event: str, fields: Iterable[tuple[str, str]] = (), *, category: str = "call") -> None:
        """Send one raw event to every logged-in session whose mask includes *category*."""
        self._on_loop(self._broadcast, event, list(fields), category)

    def _broadcast(self, event: str, fields: list[tuple[str, str]], category: str) -> None:
        data = _block([("Event", event), ("Privilege", f"{category},all"), *fields])
        for s in self._sessions:
            if s.user and category in s.classes and not s.writer.is_closing():
                s.writer.write(data)

    # -- queues and calls ------------------------------------------------------------------

    def add_queue(self, name: str, members: Iterable[tuple[str, str]] = (), *, service_level: int = 60) -> None:
        """A queue with (interface, member name) members, for QueueStatus."""
        def add() -> None:
            q = self._queues.setdefault(name, _Queue(name, service_level=service_level))
            q.service_level = service_level
            for interface, member_name in members:
                q.members.setdefault(interface, _Member(interface, member_name))
        self._on_loop(add)

    def _new_uniqueid(self, seq: int) -> str:
        return f"{self._epoch}.{seq}"

    def _caller_leg(self, number: str, name: str, uniqueid: str | None, exten: str) -> _Leg:
        seq = next(self._seq)
        uid = uniqueid or self._new_uniqueid(seq)
        if uid in self._legs:
            raise ValueError(f"a channel with uniqueid {uid} already exists")
        leg = _Leg(f"PJSIP/trunk-{seq:08x}", uid, uid, 4, number, name, exten=exten)
        self._legs[uid] = leg
        self._broadcast("Newchannel", leg.fields(), "call")
        return leg

    def _agent_leg(self, caller: _Leg, interface: str, member_name: str) -> _Leg:
        seq = next(self._seq)
        leg = _Leg(f"{interface}-{seq:08x}", self._new_uniqueid(seq), caller.linkedid, 0,
                   interface.split("/", 1)[-1], member_name, caller.caller_num, caller.caller_name,
                   context="agents", exten=caller.exten)
        self._legs[leg.uniqueid] = leg
        self._broadcast("Newchannel", leg.fields(), "call")
        leg.state = 5
        self._broadcast("DialBegin", [*caller.fields(), *leg.fields("Dest"),
                                      ("DialString", interface.split("/", 1)[-1])], "call")
        return leg

    def _hangup(self, leg: _Leg, cause: int) -> None:
        self._legs.pop(leg.uniqueid, None)
        self._broadcast("Hangup", [*leg.fields(), ("Cause", str(cause)),
                                   ("Cause-txt", CAUSE_TEXT.get(cause, "Unknown"))], "call")

    def emit_call(self, caller_id_num: str, caller_id_name: str, queue: str, interface: str = "PJSIP/agent1",
                  member_name: str | None = None, uniqueid: str | None = None) -> SimulatedCall:
        """A caller joins *queue* and the queue rings *interface*: Newchannel, QueueCallerJoin,
        DialBegin, AgentCalled. Drive the rest with the returned call's methods."""
        def emit() -> SimulatedCall:
            q = self._queues.setdefault(queue, _Queue(queue))
            caller = self._caller_leg(caller_id_num, caller_id_name, uniqueid, exten=queue)
            q.waiting.append(caller.uniqueid)
            self._broadcast("QueueCallerJoin", [*caller.fields(), ("Queue", queue),
                                                ("Position", str(len(q.waiting))), ("Count", str(len(q.waiting)))],
                            "agent")
            call = SimulatedCall(self, caller, q)
            call._ring(interface, member_name)
            return call
        return self._on_loop(emit)

    def emit_direct_call(self, caller_id_num: str, caller_id_name: str, interface: str = "PJSIP/agent1",
                         uniqueid: str | None = None, exten: str = "100") -> SimulatedCall:
        """A call dialled straight to *interface*, no queue: Newchannel (ChannelState 4), DialBegin."""
        def emit() -> SimulatedCall:
            caller = self._caller_leg(caller_id_num, caller_id_name, uniqueid, exten=exten)
            call = SimulatedCall(self, caller, None)
            call._ring(interface, interface.split("/", 1)[-1])
            return call
        return self._on_loop(emit)

    # -- demo script -----------------------------------------------------------------------

    def run_script(self, *, every: float, queue: str, interface: str, member_name: str,
                   answer_after: float = 3.0, talk: tuple[float, float] = (15.0, 45.0),
                   callers: tuple[tuple[str, str], ...] | None = None, abandon_every: int = 5,
                   seed: int | None = None) -> None:
        """Emit a call every *every* seconds, answer it, hang up later; every *abandon_every*-th
        caller gives up instead. Runs on the server's loop until stop()."""
        rnd = random.Random(seed)
        people = callers or DEMO_CALLERS
        counter = itertools.count(1)

        def next_call() -> None:
            n = next(counter)
            number, name = people[(n - 1) % len(people)]
            call = self.emit_call(number, name, queue, interface=interface, member_name=member_name)
            if abandon_every and n % abandon_every == 0:
                self._loop.call_later(answer_after, call.abandon)
            else:
                self._loop.call_later(answer_after, call.answer)
                self._loop.call_later(answer_after + rnd.uniform(*talk), call.hang_up)
            self._loop.call_later(every, next_call)

        self._on_loop(lambda: self._loop.call_later(0.5, next_call))


class SimulatedCall:
    """One simulated call; its methods emit the events of what happens next."""

    def __init__(self, sim: AmiSimulator, caller: _Leg, queue: _Queue | None) -> None:
        self._sim = sim
        self.caller = caller
        self._queue = queue
        self.agent: _Leg | None = None
        self.interface = ""
        self.member_name = ""
        self.answered_at: float | None = None
        self.hold_seconds = 0

    @property
    def uniqueid(self) -> str:
        return self.caller.uniqueid

    @property
    def linkedid(self) -> str:
        return self.caller.linkedid

    def _agent_fields(self) -> list[tuple[str, str]]:
        assert self.agent is not None
        return [*self.caller.fields(), *self.agent.fields("Dest")]

    def _queue_fields(self) -> list[tuple[str, str]]:
        assert self._queue is not None
        return [("Queue", self._queue.name), ("Interface", self.interface), ("MemberName", self.member_name)]

    def _ring(self, interface: str, member_name: str | None) -> None:
        self.interface = interface
        self.member_name = member_name or interface
        self.agent = self._sim._agent_leg(self.caller, interface, self.member_name)
        if self._queue is not None:
            member = self._queue.members.setdefault(interface, _Member(interface, self.member_name))
            member.ringing = True
            self._sim._broadcast("AgentCalled", [*self._agent_fields(), *self._queue_fields()], "agent")

    def ring(self, interface: str, member_name: str | None = None) -> None:
        """The queue offers the waiting call to another agent (after a ring-no-answer)."""
        self._sim._on_loop(self._ring, interface, member_name)

    def answer(self, hold_seconds: int | None = None, ring_seconds: int | None = None) -> None:
        """The agent answers: DialEnd (ANSWER), QueueCallerLeave, AgentConnect."""
        self._sim._on_loop(self._answer, hold_seconds, ring_seconds)

    def _answer(self, hold_seconds: int | None, ring_seconds: int | None) -> None:
        if self.agent is None or self.answered_at is not None:
            raise RuntimeError("the call is not ringing an agent")
        sim, now = self._sim, time.monotonic()
        self.answered_at = now
        self.agent.state = self.caller.state = 6
        sim._broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "ANSWER")], "call")
        if self._queue is None:
            return
        q = self._queue
        hold = int(now - self.caller.created) if hold_seconds is None else hold_seconds
        ring = int(now - self.agent.created) if ring_seconds is None else ring_seconds
        self.hold_seconds = hold
        position = q.waiting.index(self.uniqueid) + 1
        q.waiting.remove(self.uniqueid)
        sim._broadcast("QueueCallerLeave", [*self.caller.fields(), ("Queue", q.name), ("Count", str(len(q.waiting))),
                                            ("Position", str(position))], "agent")
        q.holdtime = (3 * q.holdtime + hold) // 4
        member = q.members[self.interface]
        member.ringing, member.in_call = False, True
        sim._broadcast("AgentConnect", [*self._agent_fields(), *self._queue_fields(), ("HoldTime", str(hold)),
                                        ("RingTime", str(ring))], "agent")

    def ring_no_answer(self, ring_seconds: int | None = None) -> None:
        """The ringing agent does not answer: AgentRingNoAnswer and the agent leg hangs up."""
        def run() -> None:
            if self.agent is None or self.answered_at is not None:
                raise RuntimeError("the call is not ringing an agent")
            ring = int(time.monotonic() - self.agent.created) if ring_seconds is None else ring_seconds
            if self._queue is not None:
                self._queue.members[self.interface].ringing = False
                self._sim._broadcast("AgentRingNoAnswer", [*self._agent_fields(), *self._queue_fields(),
                                                           ("RingTime", str(ring))], "agent")
            self._sim._broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "NOANSWER")], "call")
            self._sim._hangup(self.agent, 19)
            self.agent = None
        self._sim._on_loop(run)

    def hang_up(self, by: str = "caller", talk_seconds: int | None = None,
                cause: int = CAUSE_NORMAL_CLEARING) -> None:
        """End an answered call (AgentComplete, then a Hangup per leg); an unanswered queue call
        is abandoned instead, an unanswered direct call cancelled."""
        self._sim._on_loop(self._hang_up, by, talk_seconds, cause)

    def _hang_up(self, by: str, talk_seconds: int | None, cause: int) -> None:
        if self.caller.uniqueid not in self._sim._legs:
            return  # already over
        if self.answered_at is None:
            if self._queue is not None:
                self._abandon(None)
                return
            if self.agent is not None:
                self._sim._broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "CANCEL")], "call")
        elif self._queue is not None and self.agent is not None:
            q, member = self._queue, self._queue.members[self.interface]
            talk = int(time.monotonic() - self.answered_at) if talk_seconds is None else talk_seconds
            q.completed += 1
            q.completed_in_sl += self.hold_seconds <= q.service_level
            q.talktime = (3 * q.talktime + talk) // 4
            member.in_call = False
            member.calls_taken += 1
            member.last_call = int(time.time())
            self._sim._broadcast("AgentComplete", [*self._agent_fields(), *self._queue_fields(),
                                                   ("HoldTime", str(self.hold_seconds)), ("TalkTime", str(talk)),
                                                   ("Reason", "agent" if by == "agent" else "caller")], "agent")
        first, second = (self.agent, self.caller) if by == "agent" else (self.caller, self.agent)
        for leg in (first, second):
            if leg is not None:
                self._sim._hangup(leg, cause)

    def abandon(self, hold_seconds: int | None = None) -> None:
        """The caller gives up while waiting: QueueCallerAbandon, QueueCallerLeave, Hangup."""
        self._sim._on_loop(self._abandon, hold_seconds)

    def _abandon(self, hold_seconds: int | None) -> None:
        q = self._queue
        if q is None or self.uniqueid not in q.waiting:
            raise RuntimeError("the caller is not waiting in a queue")
        sim = self._sim
        hold = int(time.monotonic() - self.caller.created) if hold_seconds is None else hold_seconds
        position = q.waiting.index(self.uniqueid) + 1
        q.abandoned += 1
        q.abandoned_in_sl += hold <= q.service_level
        sim._broadcast("QueueCallerAbandon", [*self.caller.fields(), ("Queue", q.name), ("Position", str(position)),
                                              ("OriginalPosition", str(position)), ("HoldTime", str(hold))], "agent")
        if self.agent is not None:
            q.members[self.interface].ringing = False
            sim._broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "CANCEL")], "call")
            sim._hangup(self.agent, CAUSE_NORMAL_CLEARING)
            self.agent = None
        q.waiting.remove(self.uniqueid)
        sim._broadcast("QueueCallerLeave", [*self.caller.fields(), ("Queue", q.name), ("Count", str(len(q.waiting))),
                                            ("Position", str(position))], "agent")
        sim._hangup(self.caller, CAUSE_NORMAL_CLEARING)


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


# Caller numbers in the formats trunks deliver them, for the demo.
DEMO_CALLERS: tuple[tuple[str, str], ...] = (
    ("0401234567", "Virtanen Anna"),
    ("+358 50 765 4321", "Korhonen Mikko"),
    ("00358-44-1112223", ""),
    ("040/9876543", "Nieminen Liisa"),
    ("09 3101234", "Helsingin kaupunki"),
    ("<unknown>", ""),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m agentdesk.channels.ami_simulator",
                                     description="A loopback Asterisk Manager Interface that simulates calls.")
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
        sim.run_script(every=args.every, queue=args.queue, interface=args.interface,
                       member_name=args.member_name, answer_after=args.answer_after)
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
