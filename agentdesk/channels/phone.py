"""Screen pop: who is calling, and the clock of the call on the desk. No Qt, no network.

:class:`ScreenPop` finds the caller through the product's customer search (the phone kind: an
exact lookup of the E.164 number), so the pop and the search box can never disagree about who
has a number. ``resolve()`` reads the database: call it off the UI thread.

:class:`CallClock` follows one call from its events: ringing → talking (``answered_at``) →
ended (``ended_at``); ``handle_seconds()`` is the talk time so far or in total. Its ``ended_at`` is
what :meth:`agentdesk.interaction_log.InteractionLog.save` takes as the contact's end.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from agentdesk.channels.ami_events import AmiEvent, CallAbandoned, CallAnswered, CallEnded, IncomingCall
from agentdesk.identity import format_phone_for_display
from agentdesk.interaction_log import InteractionDraft
from agentdesk.search.customer_search import CustomerHit, CustomerSearch
from agentdesk.search.query_kinds import QueryKind
from agentdesk.storage.models import Channel

MAX_CANDIDATES = 10


class CallerMatch(str, enum.Enum):
    KNOWN = "known"  # exactly one customer has the number
    SEVERAL = "several"  # several customers share it (a family landline): the agent picks
    UNKNOWN = "unknown"  # no customer has it, or it is not a valid number
    WITHHELD = "withheld"  # the caller withheld the number


@dataclass(frozen=True, slots=True)
class ScreenPopResult:
    unique_id: str  # the call's id (the caller channel's Uniqueid)
    match: CallerMatch
    customer_id: int | None  # set only for KNOWN
    candidates: tuple[CustomerHit, ...]  # the customers with the number (one for KNOWN)
    more_candidates: bool  # more than MAX_CANDIDATES share the number
    caller_number: str  # for display: "040 1234567"; the raw text if unreadable; "" when withheld
    caller_name: str  # the name the PBX sent, "" if none
    queue: str | None

    @property
    def unknown_caller(self) -> bool:
        return self.customer_id is None


class ScreenPop:
    def __init__(self, search: CustomerSearch, *, max_candidates: int = MAX_CANDIDATES) -> None:
        self._search = search
        self._max = max_candidates

    def resolve(self, call: IncomingCall) -> ScreenPopResult:
        """The customer behind the calling number, the candidates when several, or unknown."""
        e164 = call.caller_number_e164
        if e164 is None:
            withheld = call.number_withheld
            return self._result(
                call,
                CallerMatch.WITHHELD if withheld else CallerMatch.UNKNOWN,
                "" if withheld else call.caller_number_raw.strip(),
            )
        display = format_phone_for_display(e164)
        page = self._search.search(e164, limit=self._max)
        if page.query.kind is not QueryKind.PHONE or not page.hits:
            return self._result(call, CallerMatch.UNKNOWN, display)
        if len(page.hits) == 1:
            return self._result(call, CallerMatch.KNOWN, display, page.hits, customer_id=page.hits[0].customer_id)
        return self._result(call, CallerMatch.SEVERAL, display, page.hits, more=page.has_more)

    @staticmethod
    def _result(
        call: IncomingCall,
        match: CallerMatch,
        number: str,
        hits: tuple[CustomerHit, ...] = (),
        *,
        customer_id: int | None = None,
        more: bool = False,
    ) -> ScreenPopResult:
        return ScreenPopResult(
            unique_id=call.unique_id,
            match=match,
            customer_id=customer_id,
            candidates=tuple(hits),
            more_candidates=more,
            caller_number=number,
            caller_name=call.caller_name,
            queue=call.queue,
        )


def draft_for_call(call: IncomingCall, result: ScreenPopResult | None = None) -> InteractionDraft:
    """The interaction the desk opens for a call: phone, started when it rang, linked to the
    caller when the pop found exactly one customer, with the call's unique id as reference."""
    return InteractionDraft(
        channel=Channel.PHONE,
        started_at=call.at,
        customer_id=result.customer_id if result is not None else None,
        external_ref=call.unique_id,
    )


class CallPhase(str, enum.Enum):
    RINGING = "ringing"
    TALKING = "talking"
    ENDED = "ended"


class CallClock:
    """The clock of one call on the desk, driven by that call's events (others are ignored)."""

    def __init__(self, call: IncomingCall) -> None:
        self.unique_id = call.unique_id
        self.rang_at = call.at
        self.answered_at: dt.datetime | None = None
        self.ended_at: dt.datetime | None = None
        self.hold_seconds: int | None = 0  # the caller's wait in the queue, from the PBX (None: not said)
        self.end_cause = ""
        self.abandoned = False

    @property
    def phase(self) -> CallPhase:
        if self.ended_at is not None:
            return CallPhase.ENDED
        return CallPhase.TALKING if self.answered_at is not None else CallPhase.RINGING

    def apply(self, event: AmiEvent) -> bool:
        """Move the clock on; True when the event changed it."""
        if getattr(event, "unique_id", None) != self.unique_id or self.ended_at is not None:
            return False
        if isinstance(event, CallAnswered):
            if self.answered_at is not None:
                return False
            self.answered_at = max(event.at, self.rang_at)
            self.hold_seconds = event.hold_seconds
            return True
        if isinstance(event, CallEnded):
            self.ended_at = max(event.at, self.answered_at or self.rang_at)
            self.end_cause = event.cause
            return True
        if isinstance(event, CallAbandoned):
            self.ended_at = max(event.at, self.rang_at)
            self.end_cause = "abandoned"
            self.abandoned = True
            return True
        return False

    def ring_seconds(self, now: dt.datetime | None = None) -> float:
        until = self.answered_at or self.ended_at or _now(now)
        return max(0.0, (until - self.rang_at).total_seconds())

    def handle_seconds(self, now: dt.datetime | None = None) -> float:
        """Talk time: from the answer to the end, or to *now* while talking; 0 if never answered."""
        if self.answered_at is None:
            return 0.0
        until = self.ended_at or _now(now)
        return max(0.0, (until - self.answered_at).total_seconds())


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)
