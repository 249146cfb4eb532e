"""The pure rules that turn raw AMI events into typed events for one agent's desk.

The client parses the wire into ``{lower-case key: value}`` dicts and feeds them to
:class:`AmiEventMapper`, which knows the desk's interface and returns each typed event marked for
the desk or for statistics only. No I/O here, so the rules are tested without a socket.

- Queue calls pop on ``AgentCalled`` for this interface; calls dialled straight to it on
  ``DialBegin`` (app_queue dials its agents too, so a caller waiting in a queue never pops twice).
- A call ends once: ``AgentComplete`` (TalkTime, Reason), the caller's ``Hangup``, or the answered
  agent leg's ``Hangup``. For the desk it also ends when its ring goes unanswered
  (``AgentRingNoAnswer``) or another agent answers (ringall).
- What is remembered per call is bounded, so a missed ``Hangup`` cannot grow memory.
- Every number is read with :func:`~agentdesk.channels.ami_protocol.wire_int`: a missing or odd
  figure (``1e309``, ``nan``, ``-5``, words) is None in the typed event, and the rest of the event
  is kept; an odd wait in a QueueStatus answer is left out of the longest wait.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from agentdesk.channels.ami_events import (
    WITHHELD_NUMBERS,
    CallAbandoned,
    CallAnswered,
    CallEnded,
    CallLeftQueue,
    CallQueued,
    IncomingCall,
    QueueMemberState,
    QueueStats,
    Routed,
    normalise_caller_number,
    utcnow,
)
from agentdesk.channels.ami_protocol import wire_float, wire_int


def interface_key(interface: str) -> str:
    """Interfaces compare with the technology case-folded: ``pjsip/agent1`` is ``PJSIP/agent1``."""
    tech, sep, resource = interface.strip().partition("/")
    return f"{tech.lower()}{sep}{resource}"


def channel_interface(channel: str) -> str:
    """The interface of a channel name: ``PJSIP/agent1-0000002a`` → ``PJSIP/agent1``."""
    base, sep, _suffix = channel.rpartition("-")
    return base if sep and "/" in base else channel


def _clean_name(value: str) -> str:
    return "" if value.strip().lower() in WITHHELD_NUMBERS else value.strip()


@dataclass
class _Call:
    caller_unique_id: str
    agent_unique_id: str = ""
    mine: bool = False
    rang_at: dt.datetime | None = None
    answered_at: dt.datetime | None = None
    ended: bool = False

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    def talk_seconds(self, now: dt.datetime) -> int:
        return max(0, int((now - self.answered_at).total_seconds())) if self.answered_at else 0


K = TypeVar("K")
V = TypeVar("V")


class _Bounded(OrderedDict[K, V]):
    """Remembers at most *size* calls; the oldest goes first (a missed Hangup cannot leak)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self._size = size

    def remember(self, key: K, value: V) -> V:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self._size:
            self.popitem(last=False)
        return value


class AmiEventMapper:
    """Turns raw AMI events into typed events for one agent's desk (its *interface*)."""

    def __init__(self, interface: str, *, clock: Callable[[], dt.datetime] = utcnow, memory: int = 5000) -> None:
        self.interface = interface
        self._key = interface_key(interface)
        self._clock = clock
        self._queued: _Bounded[str, str] = _Bounded(memory)  # caller uniqueid -> queue, while in a queue
        self._calls: _Bounded[str, _Call] = _Bounded(memory)  # caller uniqueid -> _Call
        self._agent_legs: _Bounded[str, str] = _Bounded(memory)  # agent leg uniqueid -> caller uniqueid

    def is_mine(self, interface: str) -> bool:
        return interface_key(interface) == self._key

    def open_desk_calls(self) -> list[str]:
        """Unique ids of calls popped on this desk that have not ended."""
        return [uid for uid, c in self._calls.items() if c.mine and not c.ended]

    def feed(self, msg: Mapping[str, str]) -> list[Routed]:
        handler = getattr(self, "_on_" + msg.get("event", "").lower(), None)
        return handler(msg, self._clock()) if handler else []

    def forget_vanished(self, live_unique_ids: set[str]) -> list[Routed]:
        """After a reconnect: end the desk's calls whose channels no longer exist (their Hangup
        was missed while the connection was down)."""
        out = []
        now = self._clock()
        for uid in self.open_desk_calls():
            call = self._calls[uid]
            if uid not in live_unique_ids and call.agent_unique_id not in live_unique_ids:
                out += self._end(call, CallEnded(uid, None, "ended while disconnected", now))
        return out

    # -- helpers ---------------------------------------------------------------------------

    def _end(self, call: _Call, event: CallEnded | CallAbandoned) -> list[Routed]:
        if call.ended:
            return []
        call.ended = True
        return [Routed(event, call.mine)]

    def _incoming(
        self, m: Mapping[str, str], at: dt.datetime, *, queue: str | None, interface: str, member_name: str
    ) -> list[Routed]:
        uid = m.get("uniqueid", "")
        raw = m.get("calleridnum", "")
        mine = self.is_mine(interface)
        call = self._calls.get(uid)
        if call is None or call.ended:
            call = self._calls.remember(uid, _Call(uid, rang_at=at))
        if mine or not call.mine:  # ringall rings several agents: keep this desk's leg
            call.mine = mine
            call.rang_at = at
            call.agent_unique_id = m.get("destuniqueid", "")
            if call.agent_unique_id:
                self._agent_legs.remember(call.agent_unique_id, uid)
        event = IncomingCall(
            unique_id=uid,
            linked_id=m.get("linkedid", uid),
            caller_number_raw=raw,
            caller_number_e164=normalise_caller_number(raw),
            caller_name=_clean_name(m.get("calleridname", "")),
            queue=queue,
            interface=interface,
            member_name=member_name,
            at=at,
        )
        return [Routed(event, mine)]

    # -- queue calls -----------------------------------------------------------------------

    def _on_queuecallerjoin(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid, queue, raw = m.get("uniqueid", ""), m.get("queue", ""), m.get("calleridnum", "")
        self._queued.remember(uid, queue)
        return [
            Routed(
                CallQueued(
                    queue,
                    uid,
                    raw,
                    normalise_caller_number(raw),
                    wire_int(m.get("position")),
                    wire_int(m.get("count")),
                    at,
                ),
                False,
            )
        ]

    def _on_queuecallerleave(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        left = CallLeftQueue(m.get("queue", ""), m.get("uniqueid", ""), wire_int(m.get("count")), at)
        return [Routed(left, False)]

    def _on_agentcalled(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        interface = m.get("interface", "") or channel_interface(m.get("destchannel", ""))
        return self._incoming(m, at, queue=m.get("queue", ""), interface=interface, member_name=m.get("membername", ""))

    def _on_agentconnect(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid, interface = m.get("uniqueid", ""), m.get("interface", "")
        answered = CallAnswered(uid, wire_int(m.get("holdtime")), wire_int(m.get("ringtime")), interface, at)
        call = self._calls.get(uid)
        out: list[Routed] = []
        if call is not None and call.mine and not self.is_mine(interface):
            # ringall: this desk rang too, and another agent took the call
            out = self._end(call, CallEnded(uid, 0, "answered by another agent", at))
            call = None
        if call is None or call.ended:
            call = self._calls.remember(uid, _Call(uid, mine=self.is_mine(interface)))
        call.answered_at = at
        call.agent_unique_id = m.get("destuniqueid", "") or call.agent_unique_id
        if call.agent_unique_id:
            self._agent_legs.remember(call.agent_unique_id, uid)
        return [*out, Routed(answered, call.mine)]

    def _on_agentringnoanswer(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid = m.get("uniqueid", "")
        call = self._calls.get(uid)
        if call is not None and call.mine and self.is_mine(m.get("interface", "")) and not call.answered:
            # the pop goes away on this desk; the caller waits on for another agent
            call.ended = True
            return [Routed(CallEnded(uid, 0, "not answered", at), True)]
        return []

    def _on_agentcomplete(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid = m.get("uniqueid", "")
        reason = m.get("reason", "").lower()
        cause = {"caller": "caller hung up", "agent": "agent hung up", "transfer": "transferred"}.get(reason, reason)
        call = self._calls.get(uid) or self._calls.remember(uid, _Call(uid, mine=self.is_mine(m.get("interface", ""))))
        return self._end(call, CallEnded(uid, wire_int(m.get("talktime")), cause, at))

    def _on_queuecallerabandon(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid = m.get("uniqueid", "")
        event = CallAbandoned(m.get("queue", ""), uid, wire_int(m.get("position")), wire_int(m.get("holdtime")), at)
        call = self._calls.get(uid)
        if call is None:
            call = self._calls.remember(uid, _Call(uid))
        if call.ended and call.mine:
            # the desk already dropped the pop (ring no answer); statistics still count the abandon
            return [Routed(event, False)]
        return self._end(call, event) or [Routed(event, False)]

    # -- calls without a queue -------------------------------------------------------------

    def _on_dialbegin(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid = m.get("uniqueid", "")
        if not uid or uid in self._queued:
            return []  # app_queue dials its agents too: AgentCalled tells that story
        interface = channel_interface(m.get("destchannel", ""))
        if not self.is_mine(interface):
            return []  # a direct call to someone else: not a queue statistic either
        return self._incoming(m, at, queue=None, interface=interface, member_name=m.get("destcalleridname", ""))

    def _on_dialend(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid = m.get("uniqueid", "")
        call = self._calls.get(uid)
        if call is None or uid in self._queued or call.ended or not call.mine:
            return []
        if m.get("dialstatus", "").upper() == "ANSWER":
            call.answered_at = at
            ring = int((at - call.rang_at).total_seconds()) if call.rang_at else 0
            return [Routed(CallAnswered(uid, 0, max(0, ring), channel_interface(m.get("destchannel", "")), at), True)]
        return self._end(call, CallEnded(uid, 0, m.get("dialstatus", "").lower() or "not answered", at))

    def _on_hangup(self, m: Mapping[str, str], at: dt.datetime) -> list[Routed]:
        uid = m.get("uniqueid", "")
        self._queued.pop(uid, None)
        cause = m.get("cause-txt", "") or m.get("cause", "")
        call = self._calls.pop(uid, None)
        if call is not None:  # the caller's leg: the call is over
            self._agent_legs.pop(call.agent_unique_id, None)
            return self._end(call, CallEnded(uid, call.talk_seconds(at), cause, at))
        caller_uid = self._agent_legs.pop(uid, None)
        call = self._calls.get(caller_uid) if caller_uid else None
        if call is not None and call.answered and call.agent_unique_id == uid:
            return self._end(call, CallEnded(call.caller_unique_id, call.talk_seconds(at), cause, at))
        return []


def queue_stats_from_list(events: Sequence[Mapping[str, str]], at: dt.datetime) -> list[QueueStats]:
    """QueueStats per queue from the events answering one QueueStatus action."""
    params: dict[str, Mapping[str, str]] = {}
    members: dict[str, list[QueueMemberState]] = {}
    waits: dict[str, list[int | None]] = {}
    for e in events:
        kind, queue = e.get("event", "").lower(), e.get("queue", "")
        if kind == "queueparams":
            params[queue] = e
        elif kind == "queuemember":
            members.setdefault(queue, []).append(
                QueueMemberState(
                    name=e.get("name", "") or e.get("membername", ""),
                    interface=e.get("location", "") or e.get("interface", ""),
                    status=wire_int(e.get("status")),
                    in_call=e.get("incall") == "1",
                    paused=e.get("paused") == "1",
                    calls_taken=wire_int(e.get("callstaken")),
                )
            )
        elif kind == "queueentry":
            waits.setdefault(queue, []).append(wire_int(e.get("wait")))
    out = []
    for queue, p in params.items():
        queue_waits = waits.get(queue, [])
        known_waits = [w for w in queue_waits if w is not None]
        longest = max(known_waits) if known_waits else (None if queue_waits else 0)
        out.append(
            QueueStats(
                queue=queue,
                calls_waiting=wire_int(p.get("calls")),
                hold_seconds=wire_int(p.get("holdtime")),
                talk_seconds=wire_int(p.get("talktime")),
                completed=wire_int(p.get("completed")),
                abandoned=wire_int(p.get("abandoned")),
                service_level_seconds=wire_int(p.get("servicelevel")),
                service_level_percent=wire_float(p.get("servicelevelperf"), maximum=100.0),
                longest_wait_seconds=longest,
                members=tuple(members.get(queue, ())),
                at=at,
            )
        )
    return out
