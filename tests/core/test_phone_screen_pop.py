"""Screen pop against a real SQLite register, the interaction draft for a call, and the call clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest
from agentdesk_demo.simulators.ami_simulator import AmiSimulator

from agentdesk.channels.ami import AmiClient, AmiSettings
from agentdesk.channels.ami_events import CallAbandoned, CallAnswered, CallEnded, IncomingCall, normalise_caller_number
from agentdesk.channels.phone import CallClock, CallerMatch, CallPhase, ScreenPop, draft_for_call
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.interaction_log import InteractionLog
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import Channel, Outcome

T0 = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)


def incoming(
    number: str, *, unique_id: str = "1700000000.1", name: str = "Virtanen Anna", at: dt.datetime = T0
) -> IncomingCall:
    return IncomingCall(
        unique_id=unique_id,
        linked_id=unique_id,
        caller_number_raw=number,
        caller_number_e164=normalise_caller_number(number),
        caller_name=name,
        queue="neuvonta",
        interface="PJSIP/agent1",
        member_name="Agentti Yksi",
        at=at,
    )


@pytest.fixture
def register(sqlite_db):
    return CustomerRegister(sqlite_db)


@pytest.fixture
def pop(sqlite_db):
    return ScreenPop(CustomerSearch(sqlite_db))


def test_the_caller_is_found_by_the_number_in_any_format(register, pop):
    anna = register.create(CustomerDraft(first_names="Anna", last_name="Virtanen", phones=("040 123 4567",)), actor="t")
    register.create(CustomerDraft(first_names="Mikko", last_name="Korhonen", phones=("050 765 4321",)), actor="t")

    for number in ("0401234567", "+358 40 123 4567", "00358-40-1234567", "040/1234567"):
        result = pop.resolve(incoming(number))
        assert result.match is CallerMatch.KNOWN, number
        assert result.customer_id == anna.id
        assert [c.display_name for c in result.candidates] == ["Virtanen, Anna"]
        assert result.caller_number == "040 1234567"
        assert not result.unknown_caller


def test_a_number_not_in_the_register_is_an_unknown_caller(register, pop):
    register.create(CustomerDraft(first_names="Anna", last_name="Virtanen", phones=("040 123 4567",)), actor="t")

    result = pop.resolve(incoming("044 999 8888", unique_id="1700000000.7", name="Tuntematon"))

    assert result.match is CallerMatch.UNKNOWN and result.unknown_caller
    assert (result.customer_id, result.candidates) == (None, ())
    assert (result.unique_id, result.caller_number, result.caller_name) == ("1700000000.7", "044 9998888", "Tuntematon")


def test_withheld_and_unreadable_numbers_find_nobody(register, pop):
    register.create(CustomerDraft(first_names="Anna", last_name="Virtanen", phones=("040 123 4567",)), actor="t")

    withheld = pop.resolve(incoming("<unknown>", name=""))
    unreadable = pop.resolve(incoming("12"))

    assert (withheld.match, withheld.caller_number, withheld.customer_id) == (CallerMatch.WITHHELD, "", None)
    assert (unreadable.match, unreadable.caller_number, unreadable.customer_id) == (CallerMatch.UNKNOWN, "12", None)


def test_a_shared_number_offers_the_candidates_and_picks_none(register, pop):
    mother = register.create(
        CustomerDraft(first_names="Laura", last_name="Heikkinen", phones=("09 310 1234",)), actor="t"
    )
    father = register.create(
        CustomerDraft(first_names="Pekka", last_name="Heikkinen", phones=("09 310 1234",)), actor="t"
    )

    result = pop.resolve(incoming("+35893101234"))

    assert result.match is CallerMatch.SEVERAL
    assert result.customer_id is None
    assert {c.customer_id for c in result.candidates} == {mother.id, father.id}


def test_the_draft_for_a_call_is_a_phone_contact_with_the_call_id_and_can_be_saved(sqlite_db, register, pop):
    anna = register.create(CustomerDraft(first_names="Anna", last_name="Virtanen", phones=("040 123 4567",)), actor="t")
    call = incoming("0401234567", unique_id="1700000000.42")

    draft = draft_for_call(call, pop.resolve(call))

    assert (draft.channel, draft.started_at, draft.customer_id, draft.external_ref) == (
        Channel.PHONE,
        T0,
        anna.id,
        "1700000000.42",
    )
    assert draft_for_call(incoming("<unknown>")).customer_id is None
    saved = InteractionLog(sqlite_db).save(
        dataclasses.replace(draft, topic="asuminen", outcome=Outcome.RESOLVED_FIRST_CONTACT),
        agent_id=None,
        actor="t",
        ended_at=T0 + dt.timedelta(minutes=3),
    )
    assert saved.customer_id == anna.id


def test_a_call_through_the_pbx_pops_the_customer(sqlite_db, register, pop):
    """End to end: simulator → TCP → AMI client → screen pop in the register."""
    anna = register.create(CustomerDraft(first_names="Anna", last_name="Virtanen", phones=("040 123 4567",)), actor="t")
    results = []
    popped = threading.Event()

    def on_event(event) -> None:
        if isinstance(event, IncomingCall):
            results.append(pop.resolve(event))  # on the client's thread, as the desk's worker would
            popped.set()

    with AmiSimulator({"desk": "s"}) as sim:
        client = AmiClient(AmiSettings(port=sim.port, interface="PJSIP/agent1"), "s", on_event=on_event)
        client.start()
        try:
            client.wait_connected(5)
            sim.emit_call("+358 40 123 4567", "VIRTANEN ANNA", "neuvonta", interface="PJSIP/agent1")
            assert popped.wait(5)
        finally:
            client.stop()

    assert [(r.match, r.customer_id) for r in results] == [(CallerMatch.KNOWN, anna.id)]


# -- the call clock ----------------------------------------------------------------------------


def test_the_clock_runs_from_ringing_to_talking_to_ended():
    call = incoming("0401234567")
    clock = CallClock(call)
    assert clock.phase is CallPhase.RINGING
    assert clock.ring_seconds(now=T0 + dt.timedelta(seconds=4)) == 4
    assert clock.handle_seconds(now=T0 + dt.timedelta(seconds=4)) == 0

    assert clock.apply(CallAnswered(call.unique_id, 30, 6, "PJSIP/agent1", T0 + dt.timedelta(seconds=6)))
    assert clock.phase is CallPhase.TALKING
    assert clock.handle_seconds(now=T0 + dt.timedelta(seconds=66)) == 60
    assert clock.hold_seconds == 30

    assert not clock.apply(CallEnded("another.call", 10, "caller hung up", T0 + dt.timedelta(seconds=70)))
    assert clock.apply(CallEnded(call.unique_id, 120, "caller hung up", T0 + dt.timedelta(seconds=126)))
    assert clock.phase is CallPhase.ENDED
    assert (clock.ring_seconds(), clock.handle_seconds()) == (6, 120)
    assert clock.ended_at == T0 + dt.timedelta(seconds=126) and clock.end_cause == "caller hung up"
    # later events change nothing
    assert not clock.apply(CallEnded(call.unique_id, 0, "Normal Clearing", T0 + dt.timedelta(seconds=200)))
    assert clock.handle_seconds(now=T0 + dt.timedelta(hours=1)) == 120


def test_an_abandoned_or_unanswered_call_has_no_handle_time():
    call = incoming("0401234567")
    abandoned = CallClock(call)
    assert abandoned.apply(CallAbandoned("neuvonta", call.unique_id, 1, 40, T0 + dt.timedelta(seconds=9)))
    assert (abandoned.phase, abandoned.abandoned, abandoned.handle_seconds()) == (CallPhase.ENDED, True, 0)
    assert abandoned.ring_seconds() == 9

    missed = CallClock(call)
    assert missed.apply(CallEnded(call.unique_id, 0, "not answered", T0 + dt.timedelta(seconds=15)))
    assert (missed.phase, missed.handle_seconds(), missed.end_cause) == (CallPhase.ENDED, 0, "not answered")
