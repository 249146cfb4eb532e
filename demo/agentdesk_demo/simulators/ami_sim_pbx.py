"""The calls and queues behind the AMI simulator: channels, queue members and figures, and the
event sequences of Asterisk 13+ with app_queue (see :mod:`agentdesk_demo.simulators.ami_simulator`).

Single-threaded: the model lives on the simulator's loop. ``SimulatedPbx.run`` is how the public
methods of :class:`SimulatedCall` get there from a test's or the demo's thread.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Fields = list[tuple[str, str]]

# Device states in QueueMember.Status (ast_device_state)
DEVICE_NOT_INUSE, DEVICE_INUSE, DEVICE_RINGING = 1, 2, 6
CAUSE_NORMAL_CLEARING = 16
CAUSE_TEXT = {16: "Normal Clearing", 17: "User busy", 19: "No user responding", 21: "Call Rejected"}
STATE_DESC = {0: "Down", 4: "Ring", 5: "Ringing", 6: "Up"}


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
            ("Channel", self.channel),
            ("ChannelState", str(self.state)),
            ("ChannelStateDesc", STATE_DESC.get(self.state, "Unknown")),
            ("CallerIDNum", self.caller_num or "<unknown>"),
            ("CallerIDName", self.caller_name or "<unknown>"),
            ("ConnectedLineNum", self.connected_num or "<unknown>"),
            ("ConnectedLineName", self.connected_name or "<unknown>"),
            ("Language", "fi"),
            ("AccountCode", ""),
            ("Context", self.context),
            ("Exten", self.exten),
            ("Priority", "1"),
            ("Uniqueid", self.uniqueid),
            ("Linkedid", self.linkedid),
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


class SimulatedPbx:
    """Channels and queues. *broadcast(event, fields, class)* sends an event to the sessions;
    *run(fn, *args)* runs fn on the model's thread and returns its result."""

    def __init__(self, broadcast: Callable[[str, Fields, str], None], run: Callable) -> None:
        self.broadcast = broadcast
        self.run = run
        self.queues: dict[str, _Queue] = {}
        self.legs: dict[str, _Leg] = {}  # live channels by uniqueid
        self.epoch = int(time.time())
        self._seq = itertools.count(1)

    def add_queue(self, name: str, members: Iterable[tuple[str, str]] = (), *, service_level: int = 60) -> None:
        q = self.queues.setdefault(name, _Queue(name, service_level=service_level))
        q.service_level = service_level
        for interface, member_name in members:
            q.members.setdefault(interface, _Member(interface, member_name))

    def emit_call(
        self,
        caller_id_num: str,
        caller_id_name: str,
        queue: str,
        interface: str,
        member_name: str | None,
        uniqueid: str | None,
    ) -> SimulatedCall:
        q = self.queues.setdefault(queue, _Queue(queue))
        caller = self._caller_leg(caller_id_num, caller_id_name, uniqueid, exten=queue)
        q.waiting.append(caller.uniqueid)
        self.broadcast(
            "QueueCallerJoin",
            [*caller.fields(), ("Queue", queue), ("Position", str(len(q.waiting))), ("Count", str(len(q.waiting)))],
            "agent",
        )
        call = SimulatedCall(self, caller, q)
        call._ring(interface, member_name)
        return call

    def emit_direct_call(
        self, caller_id_num: str, caller_id_name: str, interface: str, uniqueid: str | None, exten: str
    ) -> SimulatedCall:
        caller = self._caller_leg(caller_id_num, caller_id_name, uniqueid, exten=exten)
        call = SimulatedCall(self, caller, None)
        call._ring(interface, interface.split("/", 1)[-1])
        return call

    def _caller_leg(self, number: str, name: str, uniqueid: str | None, exten: str) -> _Leg:
        seq = next(self._seq)
        uid = uniqueid or f"{self.epoch}.{seq}"
        if uid in self.legs:
            raise ValueError(f"a channel with uniqueid {uid} already exists")
        leg = _Leg(f"PJSIP/trunk-{seq:08x}", uid, uid, 4, number, name, exten=exten)
        self.legs[uid] = leg
        self.broadcast("Newchannel", leg.fields(), "call")
        return leg

    def agent_leg(self, caller: _Leg, interface: str, member_name: str) -> _Leg:
        seq = next(self._seq)
        leg = _Leg(
            f"{interface}-{seq:08x}",
            f"{self.epoch}.{seq}",
            caller.linkedid,
            0,
            interface.split("/", 1)[-1],
            member_name,
            caller.caller_num,
            caller.caller_name,
            context="agents",
            exten=caller.exten,
        )
        self.legs[leg.uniqueid] = leg
        self.broadcast("Newchannel", leg.fields(), "call")
        leg.state = 5
        self.broadcast(
            "DialBegin", [*caller.fields(), *leg.fields("Dest"), ("DialString", interface.split("/", 1)[-1])], "call"
        )
        return leg

    def hangup(self, leg: _Leg, cause: int) -> None:
        self.legs.pop(leg.uniqueid, None)
        self.broadcast(
            "Hangup", [*leg.fields(), ("Cause", str(cause)), ("Cause-txt", CAUSE_TEXT.get(cause, "Unknown"))], "call"
        )

    # -- list actions ----------------------------------------------------------------------

    def queue_status(self, only_queue: str = "", only_member: str = "") -> list[Fields]:
        """The QueueParams, QueueMember and QueueEntry events answering QueueStatus."""
        out: list[Fields] = []
        now = time.monotonic()
        for q in self.queues.values():
            if only_queue and q.name != only_queue:
                continue
            perf = 100.0 * q.completed_in_sl / q.completed if q.completed else 0.0
            done = q.completed + q.abandoned
            perf2 = 100.0 * (q.completed_in_sl + q.abandoned_in_sl) / done if done else 0.0
            out.append(
                [
                    ("Event", "QueueParams"),
                    ("Queue", q.name),
                    ("Max", "0"),
                    ("Strategy", q.strategy),
                    ("Calls", str(len(q.waiting))),
                    ("Holdtime", str(q.holdtime)),
                    ("TalkTime", str(q.talktime)),
                    ("Completed", str(q.completed)),
                    ("Abandoned", str(q.abandoned)),
                    ("ServiceLevel", str(q.service_level)),
                    ("ServicelevelPerf", f"{perf:.1f}"),
                    ("ServicelevelPerf2", f"{perf2:.1f}"),
                    ("Weight", "0"),
                ]
            )
            for m in q.members.values():
                if only_member and m.interface != only_member:
                    continue
                out.append(
                    [
                        ("Event", "QueueMember"),
                        ("Queue", q.name),
                        ("Name", m.name),
                        ("Location", m.interface),
                        ("StateInterface", m.interface),
                        ("Membership", "static"),
                        ("Penalty", "0"),
                        ("CallsTaken", str(m.calls_taken)),
                        ("LastCall", str(m.last_call)),
                        ("LastPause", "0"),
                        ("LoginTime", str(self.epoch)),
                        ("InCall", "1" if m.in_call else "0"),
                        ("Status", str(m.status)),
                        ("Paused", "1" if m.paused else "0"),
                        ("PausedReason", ""),
                        ("Wrapuptime", "0"),
                    ]
                )
            for position, uid in enumerate(q.waiting, start=1):
                leg = self.legs[uid]
                out.append(
                    [
                        ("Event", "QueueEntry"),
                        ("Queue", q.name),
                        ("Position", str(position)),
                        ("Channel", leg.channel),
                        ("Uniqueid", uid),
                        ("CallerIDNum", leg.caller_num or "<unknown>"),
                        ("CallerIDName", leg.caller_name or "<unknown>"),
                        ("ConnectedLineNum", "<unknown>"),
                        ("ConnectedLineName", "<unknown>"),
                        ("Wait", str(int(now - leg.created))),
                        ("Priority", "0"),
                    ]
                )
        return out

    def channels(self) -> list[Fields]:
        """The CoreShowChannel events answering CoreShowChannels."""
        now = time.monotonic()
        out: list[Fields] = []
        for leg in self.legs.values():
            secs = int(now - leg.created)
            out.append(
                [
                    ("Event", "CoreShowChannel"),
                    *leg.fields(),
                    ("Application", "Queue"),
                    ("ApplicationData", ""),
                    ("Duration", f"{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}"),
                    ("BridgeId", ""),
                ]
            )
        return out


class SimulatedCall:
    """One simulated call; its methods emit the events of what happens next."""

    def __init__(self, pbx: SimulatedPbx, caller: _Leg, queue: _Queue | None) -> None:
        self._pbx = pbx
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
        self.agent = self._pbx.agent_leg(self.caller, interface, self.member_name)
        if self._queue is not None:
            member = self._queue.members.setdefault(interface, _Member(interface, self.member_name))
            member.ringing = True
            self._pbx.broadcast("AgentCalled", [*self._agent_fields(), *self._queue_fields()], "agent")

    def ring(self, interface: str, member_name: str | None = None) -> None:
        """The queue offers the waiting call to another agent (after a ring-no-answer)."""
        self._pbx.run(self._ring, interface, member_name)

    def answer(self, hold_seconds: int | None = None, ring_seconds: int | None = None) -> None:
        """The agent answers: DialEnd (ANSWER), QueueCallerLeave, AgentConnect."""
        self._pbx.run(self._answer, hold_seconds, ring_seconds)

    def _answer(self, hold_seconds: int | None, ring_seconds: int | None) -> None:
        if self.agent is None or self.answered_at is not None:
            raise RuntimeError("the call is not ringing an agent")
        pbx, now = self._pbx, time.monotonic()
        self.answered_at = now
        self.agent.state = self.caller.state = 6
        pbx.broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "ANSWER")], "call")
        if self._queue is None:
            return
        q = self._queue
        hold = int(now - self.caller.created) if hold_seconds is None else hold_seconds
        ring = int(now - self.agent.created) if ring_seconds is None else ring_seconds
        self.hold_seconds = hold
        position = q.waiting.index(self.uniqueid) + 1
        q.waiting.remove(self.uniqueid)
        pbx.broadcast(
            "QueueCallerLeave",
            [*self.caller.fields(), ("Queue", q.name), ("Count", str(len(q.waiting))), ("Position", str(position))],
            "agent",
        )
        q.holdtime = (3 * q.holdtime + hold) // 4
        member = q.members[self.interface]
        member.ringing, member.in_call = False, True
        pbx.broadcast(
            "AgentConnect",
            [*self._agent_fields(), *self._queue_fields(), ("HoldTime", str(hold)), ("RingTime", str(ring))],
            "agent",
        )

    def ring_no_answer(self, ring_seconds: int | None = None) -> None:
        """The ringing agent does not answer: AgentRingNoAnswer and the agent leg hangs up."""

        def run() -> None:
            if self.agent is None or self.answered_at is not None:
                raise RuntimeError("the call is not ringing an agent")
            ring = int(time.monotonic() - self.agent.created) if ring_seconds is None else ring_seconds
            if self._queue is not None:
                self._queue.members[self.interface].ringing = False
                self._pbx.broadcast(
                    "AgentRingNoAnswer",
                    [*self._agent_fields(), *self._queue_fields(), ("RingTime", str(ring))],
                    "agent",
                )
            self._pbx.broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "NOANSWER")], "call")
            self._pbx.hangup(self.agent, 19)
            self.agent = None

        self._pbx.run(run)

    def hang_up(self, by: str = "caller", talk_seconds: int | None = None, cause: int = CAUSE_NORMAL_CLEARING) -> None:
        """End an answered call (AgentComplete, then a Hangup per leg); an unanswered queue call
        is abandoned instead, an unanswered direct call cancelled."""
        self._pbx.run(self._hang_up, by, talk_seconds, cause)

    def _hang_up(self, by: str, talk_seconds: int | None, cause: int) -> None:
        if self.caller.uniqueid not in self._pbx.legs:
            return  # already over
        if self.answered_at is None:
            if self._queue is not None:
                self._abandon(None)
                return
            if self.agent is not None:
                self._pbx.broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "CANCEL")], "call")
        elif self._queue is not None and self.agent is not None:
            q, member = self._queue, self._queue.members[self.interface]
            talk = int(time.monotonic() - self.answered_at) if talk_seconds is None else talk_seconds
            q.completed += 1
            q.completed_in_sl += self.hold_seconds <= q.service_level
            q.talktime = (3 * q.talktime + talk) // 4
            member.in_call = False
            member.calls_taken += 1
            member.last_call = int(time.time())
            self._pbx.broadcast(
                "AgentComplete",
                [
                    *self._agent_fields(),
                    *self._queue_fields(),
                    ("HoldTime", str(self.hold_seconds)),
                    ("TalkTime", str(talk)),
                    ("Reason", "agent" if by == "agent" else "caller"),
                ],
                "agent",
            )
        first, second = (self.agent, self.caller) if by == "agent" else (self.caller, self.agent)
        for leg in (first, second):
            if leg is not None:
                self._pbx.hangup(leg, cause)

    def abandon(self, hold_seconds: int | None = None) -> None:
        """The caller gives up while waiting: QueueCallerAbandon, QueueCallerLeave, Hangup."""
        self._pbx.run(self._abandon, hold_seconds)

    def _abandon(self, hold_seconds: int | None) -> None:
        q = self._queue
        if q is None or self.uniqueid not in q.waiting:
            raise RuntimeError("the caller is not waiting in a queue")
        pbx = self._pbx
        hold = int(time.monotonic() - self.caller.created) if hold_seconds is None else hold_seconds
        position = q.waiting.index(self.uniqueid) + 1
        q.abandoned += 1
        q.abandoned_in_sl += hold <= q.service_level
        pbx.broadcast(
            "QueueCallerAbandon",
            [
                *self.caller.fields(),
                ("Queue", q.name),
                ("Position", str(position)),
                ("OriginalPosition", str(position)),
                ("HoldTime", str(hold)),
            ],
            "agent",
        )
        if self.agent is not None:
            q.members[self.interface].ringing = False
            pbx.broadcast("DialEnd", [*self._agent_fields(), ("DialStatus", "CANCEL")], "call")
            pbx.hangup(self.agent, CAUSE_NORMAL_CLEARING)
            self.agent = None
        q.waiting.remove(self.uniqueid)
        pbx.broadcast(
            "QueueCallerLeave",
            [*self.caller.fields(), ("Queue", q.name), ("Count", str(len(q.waiting))), ("Position", str(position))],
            "agent",
        )
        pbx.hangup(self.caller, CAUSE_NORMAL_CLEARING)


# Caller numbers in the formats trunks deliver them, for the demo.
DEMO_CALLERS: tuple[tuple[str, str], ...] = (
    ("0401234567", "Virtanen Anna"),
    ("+358 50 765 4321", "Korhonen Mikko"),
    ("00358-44-1112223", ""),
    ("040/9876543", "Nieminen Liisa"),
    ("09 3101234", "Helsingin kaupunki"),
    ("<unknown>", ""),
)
