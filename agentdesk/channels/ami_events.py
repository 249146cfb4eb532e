"""Typed, frozen phone events: what the AMI client delivers to the desk and to statistics.

:mod:`agentdesk.channels.ami_mapping` makes them from raw AMI events. Desk events: an
:class:`IncomingCall` when a call rings *this* agent's interface, then :class:`CallAnswered` and
one :class:`CallEnded` or :class:`CallAbandoned` for that call, and :class:`ConnectionState`.
Statistics see every event, with queue-wide ones (:class:`CallQueued`, :class:`CallLeftQueue`,
calls ringing other agents, :class:`QueueStats`) that the desk does not.

A figure is None when the PBX sent none, or one that is not a sane number (``1e309``, ``nan``,
``-5``): unknown, never a guess, and the rest of the event stands.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from agentdesk import identity

WITHHELD_NUMBERS = frozenset({"", "<unknown>", "unknown", "anonymous", "restricted", "private", "withheld"})


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------------------------------------
# Events


class ConnectionStatus(str, enum.Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LOGIN_FAILED = "login_failed"  # final: the client does not retry a refused login
    DISCONNECTED = "disconnected"  # lost or stopped; the client retries unless stopped


@dataclass(frozen=True, slots=True)
class ConnectionState:
    state: ConnectionStatus
    detail: str = ""  # "127.0.0.1:5038", "AMI login refused for user 'desk'", the error, ...
    at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class IncomingCall:
    """A call ringing an agent: the screen pop, when the interface is this desk's."""

    unique_id: str  # the caller channel's Uniqueid: the call's id for every later event
    linked_id: str
    caller_number_raw: str  # as the PBX sent it ("040/1234567", "<unknown>")
    caller_number_e164: str | None  # "+358401234567"; None when withheld or not a valid number
    caller_name: str  # "" when the PBX sent none
    queue: str | None  # None for a call dialled straight to the agent
    interface: str  # the agent's interface that rings ("PJSIP/agent1")
    member_name: str
    at: dt.datetime

    @property
    def number_withheld(self) -> bool:
        return self.caller_number_raw.strip().lower() in WITHHELD_NUMBERS


@dataclass(frozen=True, slots=True)
class CallAnswered:
    unique_id: str
    hold_seconds: int | None  # time in the queue before the answer (0 for a direct call)
    ring_seconds: int | None  # time the agent's phone rang
    interface: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class CallEnded:
    unique_id: str
    talk_seconds: int | None  # AgentComplete's TalkTime, else measured here; None when unknown
    cause: str  # "caller hung up", "agent hung up", "Normal Clearing", "not answered", ...
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class CallAbandoned:
    """The caller hung up while waiting in the queue."""

    queue: str
    unique_id: str
    position: int | None
    hold_seconds: int | None
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class CallQueued:
    queue: str
    unique_id: str
    caller_number_raw: str
    caller_number_e164: str | None
    position: int | None
    count: int | None  # callers waiting in the queue now
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class CallLeftQueue:
    queue: str
    unique_id: str
    count: int | None
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class QueueMemberState:
    name: str
    interface: str
    status: int | None  # Asterisk device state: 1 not in use, 2 in use, 5 unavailable, 6 ringing, ...
    in_call: bool
    paused: bool
    calls_taken: int | None


@dataclass(frozen=True, slots=True)
class QueueStats:
    """One queue's figures from a QueueStatus answer (QueueParams, QueueMember, QueueEntry)."""

    queue: str
    calls_waiting: int | None
    hold_seconds: int | None  # Asterisk's running average hold time
    talk_seconds: int | None  # Asterisk's running average talk time
    completed: int | None
    abandoned: int | None
    service_level_seconds: int | None
    service_level_percent: float | None  # answered within the service level, of the completed
    longest_wait_seconds: int | None  # 0 when nobody waits; None when no wait could be read
    members: tuple[QueueMemberState, ...]
    at: dt.datetime


AmiEvent = (
    ConnectionState | IncomingCall | CallAnswered | CallEnded | CallAbandoned | CallQueued | CallLeftQueue | QueueStats
)


@dataclass(frozen=True, slots=True)
class Routed:
    event: AmiEvent
    for_desk: bool


# ---------------------------------------------------------------------------------------------


def normalise_caller_number(raw: str) -> str | None:
    """E.164 for a caller number in any format a trunk sends; None when withheld or invalid."""
    if raw.strip().lower() in WITHHELD_NUMBERS:
        return None
    try:
        return identity.normalise_phone(raw, "FI")
    except identity.IdentityError:
        return None
