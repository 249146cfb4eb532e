"""The AMI client against the loopback AMI simulator over real TCP: login, screen pop events,
call life cycle, abandons, queue figures, reconnects, and a refused login."""

from __future__ import annotations

import logging
import socket
import threading
import time

import pytest
from agentdesk_demo.simulators.ami_simulator import AmiSimulator

from agentdesk.channels.ami import AmiClient, AmiLoginFailed, AmiSettings
from agentdesk.channels.ami_events import (
    CallAbandoned,
    CallAnswered,
    CallEnded,
    CallQueued,
    ConnectionState,
    ConnectionStatus,
    IncomingCall,
    QueueStats,
)
from agentdesk.channels.phone import CallClock, CallPhase

SECRET = "kissa-123-ami"
WAIT = 5.0


class Recorder:
    """Collects events from the client's thread; waits for one that matches."""

    def __init__(self) -> None:
        self.events: list = []
        self._cond = threading.Condition()

    def __call__(self, event) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait_for(self, kind, predicate=lambda e: True, timeout: float = WAIT):
        def found():
            return next((e for e in self.events if isinstance(e, kind) and predicate(e)), None)

        with self._cond:
            if not self._cond.wait_for(found, timeout):
                raise AssertionError(f"no {kind.__name__} within {timeout} s; got {self.events}")
            return found()

    def of(self, kind, unique_id: str | None = None) -> list:
        with self._cond:
            return [
                e
                for e in self.events
                if isinstance(e, kind) and (unique_id is None or getattr(e, "unique_id", None) == unique_id)
            ]

    def states(self) -> list[ConnectionStatus]:
        return [e.state for e in self.of(ConnectionState)]


@pytest.fixture(autouse=True)
def no_leaked_threads():
    yield
    left = [t.name for t in threading.enumerate() if t.name.startswith(("ami-client", "ami-simulator"))]
    assert not left, f"threads left running: {left}"


@pytest.fixture
def sim():
    with AmiSimulator({"desk": SECRET}) as server:
        yield server


@pytest.fixture
def connect(sim):
    clients: list[AmiClient] = []

    def make(secret: str = SECRET, *, interface: str = "PJSIP/agent1", wait: bool = True, **options):
        settings = AmiSettings(
            host="127.0.0.1",
            port=sim.port,
            username="desk",
            interface=interface,
            **{"reconnect_initial": 0.05, "reconnect_max": 0.5, "ping_interval": 30.0, **options},
        )
        desk, stats = Recorder(), Recorder()
        client = AmiClient(settings, secret, on_event=desk, on_statistics=stats)
        clients.append(client)
        client.start()
        if wait:
            client.wait_connected(WAIT)
        return client, desk, stats

    yield make
    for client in clients:
        client.stop()


def barrier(sim: AmiSimulator, desk: Recorder, interface: str = "PJSIP/agent1") -> None:
    """Everything the simulator sent before this has been handled by the client."""
    marker = sim.emit_call("0405550000", "Barrier", "barrier", interface=interface)
    desk.wait_for(IncomingCall, lambda e: e.unique_id == marker.uniqueid)


# -- connection --------------------------------------------------------------------------------


def test_the_banner_comes_first_then_the_client_logs_in(sim, connect, caplog):
    caplog.set_level(logging.DEBUG, logger="agentdesk.channels")
    with socket.create_connection(("127.0.0.1", sim.port), timeout=WAIT) as raw:
        # nothing sent yet: the server speaks first
        assert raw.recv(64) == b"Asterisk Call Manager/9.0.0\r\n"

    client, desk, _ = connect()

    assert client.state.state is ConnectionStatus.CONNECTED
    assert client.server_version == "9.0.0"
    assert desk.states()[:2] == [ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED]
    assert sim.logged_in_sessions() == 1
    assert SECRET not in caplog.text and SECRET not in repr(client)


@pytest.mark.expect_log_warnings
def test_a_refused_login_is_reported_once_and_not_retried(sim, connect, caplog):
    client, desk, _ = connect("wrong secret", wait=False)

    with pytest.raises(AmiLoginFailed, match=r"^AMI login refused for user 'desk'$") as failure:
        client.wait_connected(WAIT)

    assert failure.value.server_message == "Authentication failed"
    state = desk.wait_for(ConnectionState, lambda e: e.state is ConnectionStatus.LOGIN_FAILED)
    assert "AMI login refused for user 'desk'" in state.detail
    time.sleep(0.5)  # ten reconnect delays: a retry loop would have logged in again by now
    assert sim.actions == [("", "Login")]
    assert desk.states() == [ConnectionStatus.CONNECTING, ConnectionStatus.LOGIN_FAILED]
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.levelname for r in errors] == ["ERROR"]
    assert "AMI login refused for user 'desk'" in errors[0].getMessage()
    assert "wrong secret" not in caplog.text


def test_stop_logs_off_and_ends_the_thread(sim, connect):
    client, desk, _ = connect()
    client.stop()

    assert ("desk", "Logoff") in sim.actions
    assert desk.states()[-1] is ConnectionStatus.DISCONNECTED
    assert client.state.detail == "stopped"


@pytest.mark.expect_log_warnings
def test_after_a_dropped_connection_the_client_logs_in_again_and_events_flow(sim, connect):
    _client, desk, _ = connect()
    sim.drop_connections()
    sim.wait_for_logins(2)

    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")

    pop = desk.wait_for(IncomingCall)
    assert pop.unique_id == call.uniqueid
    assert desk.states().count(ConnectionStatus.CONNECTED) == 2
    lost = next(e for e in desk.of(ConnectionState) if e.state is ConnectionStatus.DISCONNECTED)
    assert "closed the connection" in lost.detail and "retrying" in lost.detail


@pytest.mark.expect_log_warnings
def test_a_pbx_that_stops_answering_is_noticed_by_the_ping(sim, connect):
    client, desk, _ = connect(ping_interval=0.1, action_timeout=0.3)
    sim.unresponsive = True
    lost = desk.wait_for(ConnectionState, lambda e: e.state is ConnectionStatus.DISCONNECTED)
    assert "no answer to Ping" in lost.detail
    sim.unresponsive = False
    sim.wait_for_logins(2)
    client.wait_connected(WAIT)


# -- screen pop events -------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["0401234567", "+358 40 123 4567", "00358-40-1234567", "040/1234567"])
def test_a_call_to_this_agent_pops_with_the_number_normalised(sim, connect, number):
    _client, desk, _ = connect()

    call = sim.emit_call(number, "Virtanen Anna", "neuvonta", interface="PJSIP/agent1", member_name="Agentti Yksi")

    pop = desk.wait_for(IncomingCall)
    assert pop.caller_number_raw == number
    assert pop.caller_number_e164 == "+358401234567"
    assert (pop.unique_id, pop.linked_id) == (call.uniqueid, call.linkedid)
    assert (pop.caller_name, pop.queue, pop.interface, pop.member_name) == (
        "Virtanen Anna",
        "neuvonta",
        "PJSIP/agent1",
        "Agentti Yksi",
    )
    assert pop.at.tzinfo is not None


def test_a_withheld_or_unreadable_number_still_pops_without_a_number(sim, connect):
    _client, desk, _ = connect()
    sim.emit_call("<unknown>", "", "neuvonta")
    sim.emit_call("12", "Vaihde", "neuvonta")

    withheld = desk.wait_for(IncomingCall, lambda e: e.caller_number_raw == "<unknown>")
    short = desk.wait_for(IncomingCall, lambda e: e.caller_number_raw == "12")
    assert withheld.caller_number_e164 is None and withheld.number_withheld and withheld.caller_name == ""
    assert short.caller_number_e164 is None and not short.number_withheld


def test_a_call_for_another_agent_does_not_pop_but_counts_in_statistics(sim, connect):
    _client, desk, stats = connect(interface="PJSIP/agent1")

    other = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta", interface="PJSIP/agent2")
    other.answer()
    barrier(sim, desk)

    assert desk.of(IncomingCall, other.uniqueid) == []
    assert desk.of(CallAnswered, other.uniqueid) == []
    assert [e.interface for e in stats.of(IncomingCall, other.uniqueid)] == ["PJSIP/agent2"]
    assert len(stats.of(CallAnswered, other.uniqueid)) == 1
    assert len(stats.of(CallQueued, other.uniqueid)) == 1


def test_answer_and_hangup_drive_the_call_clock(sim, connect):
    _client, desk, stats = connect()
    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    clock = CallClock(desk.wait_for(IncomingCall))
    assert clock.phase is CallPhase.RINGING

    call.answer(hold_seconds=42, ring_seconds=3)
    answered = desk.wait_for(CallAnswered)
    assert (answered.unique_id, answered.hold_seconds, answered.ring_seconds) == (call.uniqueid, 42, 3)
    assert clock.apply(answered) and clock.phase is CallPhase.TALKING

    call.hang_up(talk_seconds=95)
    ended = desk.wait_for(CallEnded)
    assert (ended.unique_id, ended.talk_seconds, ended.cause) == (call.uniqueid, 95, "caller hung up")
    assert clock.apply(ended) and clock.phase is CallPhase.ENDED
    assert clock.handle_seconds() == (clock.ended_at - clock.answered_at).total_seconds()
    assert clock.hold_seconds == 42

    barrier(sim, desk)  # the two Hangups that followed AgentComplete end nothing twice
    assert len(desk.of(IncomingCall, call.uniqueid)) == 1  # nor did the queue's DialBegin pop again
    assert len(desk.of(CallEnded, call.uniqueid)) == 1
    assert len(stats.of(CallEnded, call.uniqueid)) == 1


def test_a_scripted_call_rings_is_answered_and_ends_by_itself(sim, connect):
    _client, desk, _ = connect()

    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta", answer_after=0.05, hang_up_after=0.1)

    ended = desk.wait_for(CallEnded)
    events = [type(e) for e in desk.events if getattr(e, "unique_id", None) == call.uniqueid]
    assert events == [IncomingCall, CallAnswered, CallEnded]
    assert ended.cause == "caller hung up" and ended.talk_seconds == 0


def test_a_caller_who_gives_up_in_the_queue_is_reported_as_abandoned(sim, connect):
    _client, desk, stats = connect()
    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    desk.wait_for(IncomingCall)

    call.abandon(hold_seconds=75)

    gone = desk.wait_for(CallAbandoned)
    assert (gone.queue, gone.unique_id, gone.position, gone.hold_seconds) == ("neuvonta", call.uniqueid, 1, 75)
    assert stats.of(CallAbandoned, call.uniqueid) == [gone]
    barrier(sim, desk)
    assert desk.of(CallEnded, call.uniqueid) == []


def test_an_unanswered_ring_withdraws_the_pop_and_the_call_goes_on_elsewhere(sim, connect):
    _client, desk, stats = connect()
    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    desk.wait_for(IncomingCall)

    call.ring_no_answer(ring_seconds=15)
    ended = desk.wait_for(CallEnded)
    assert (ended.unique_id, ended.cause) == (call.uniqueid, "not answered")

    call.ring("PJSIP/agent2", "Agentti Kaksi")
    call.answer()
    stats.wait_for(CallAnswered, lambda e: e.interface == "PJSIP/agent2")
    barrier(sim, desk)
    assert desk.of(CallAnswered, call.uniqueid) == []
    assert len(desk.of(IncomingCall, call.uniqueid)) == 1


def test_a_direct_call_without_a_queue_pops_and_ends(sim, connect):
    _client, desk, _ = connect()

    call = sim.emit_direct_call("+358 9 310 1234", "Kaupungintalo", interface="PJSIP/agent1")
    pop = desk.wait_for(IncomingCall)
    assert (pop.unique_id, pop.queue, pop.caller_number_e164) == (call.uniqueid, None, "+35893101234")

    call.answer()
    answered = desk.wait_for(CallAnswered)
    assert answered.hold_seconds == 0
    call.hang_up(by="agent")
    ended = desk.wait_for(CallEnded)
    assert ended.cause == "Normal Clearing" and ended.talk_seconds is not None
    barrier(sim, desk)
    assert len(desk.of(IncomingCall, call.uniqueid)) == 1  # DialBegin of queue calls is not a second pop
    assert len(desk.of(CallEnded, call.uniqueid)) == 1


@pytest.mark.expect_log_warnings
def test_a_call_that_ended_while_disconnected_is_closed_after_the_reconnect(sim, connect):
    _client, desk, _ = connect(reconnect_initial=0.3)
    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    desk.wait_for(IncomingCall)
    call.answer()
    desk.wait_for(CallAnswered)

    sim.drop_connections()
    call.hang_up()  # the client is away: it misses AgentComplete and the Hangups

    ended = desk.wait_for(CallEnded)
    assert (ended.unique_id, ended.cause, ended.talk_seconds) == (call.uniqueid, "ended while disconnected", None)


# -- queue figures -----------------------------------------------------------------------------


def test_queue_status_reports_the_queue_figures(sim, connect):
    sim.add_queue("neuvonta", [("PJSIP/agent1", "Agentti Yksi"), ("PJSIP/agent2", "Agentti Kaksi")], service_level=60)
    client, desk, stats = connect()
    done = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    done.answer(hold_seconds=20)
    done.hang_up(talk_seconds=100)
    sim.emit_call("0501112222", "Korhonen Mikko", "neuvonta", interface="PJSIP/agent2").abandon(hold_seconds=90)
    sim.emit_call("0441234567", "Nieminen Liisa", "neuvonta", interface="PJSIP/agent2")  # still waiting

    [figures] = client.queue_status("neuvonta").result(WAIT)

    assert isinstance(figures, QueueStats)
    assert (figures.queue, figures.calls_waiting, figures.completed, figures.abandoned) == ("neuvonta", 1, 1, 1)
    assert (figures.hold_seconds, figures.talk_seconds) == (5, 25)  # Asterisk's (3 * old + new) / 4
    assert (figures.service_level_seconds, figures.service_level_percent) == (60, 100.0)
    members = {m.interface: m for m in figures.members}
    assert members["PJSIP/agent1"].calls_taken == 1 and not members["PJSIP/agent1"].in_call
    assert members["PJSIP/agent1"].name == "Agentti Yksi"
    assert stats.wait_for(QueueStats) == figures
    assert desk.of(QueueStats) == []


def test_queue_status_can_be_polled(sim, connect):
    sim.add_queue("neuvonta", [("PJSIP/agent1", "Agentti Yksi")])
    _client, _desk, stats = connect(queue_status_interval=0.05)
    stats.wait_for(QueueStats, lambda e: e.queue == "neuvonta")
    sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    stats.wait_for(QueueStats, lambda e: e.calls_waiting == 1)


# -- what a PBX sends that is not as it should be ----------------------------------------------


def test_odd_queue_figures_are_unknown_and_the_next_calls_still_arrive(sim, connect):
    """A counter of 1e309 in a QueueStatus answer once tore the connection down (reconnect loops),
    and the AgentConnect events sent meanwhile were lost to the statistics."""
    sim.add_queue("neuvonta", [("PJSIP/agent1", "Agentti Yksi")])
    sim.queue_status_overrides = {
        "Holdtime": "1e309",
        "Calls": "nan",
        "Completed": "-5",
        "Abandoned": "∞",
        "ServicelevelPerf": "1e400",
        "CallsTaken": "9" * 400,
        "Wait": "x",
    }
    _client, desk, stats = connect(queue_status_interval=0.05)
    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    desk.wait_for(IncomingCall)
    odd = stats.wait_for(QueueStats, lambda e: e.members and e.members[0].status == 6)  # polled while ringing
    assert (odd.hold_seconds, odd.calls_waiting, odd.completed, odd.abandoned) == (None, None, None, None)
    assert odd.service_level_percent is None and odd.longest_wait_seconds is None
    assert odd.talk_seconds == 0 and odd.service_level_seconds == 60  # the sane figures are kept
    [member] = odd.members
    assert (member.interface, member.calls_taken, member.status) == ("PJSIP/agent1", None, 6)

    call.answer(hold_seconds=12, ring_seconds=3)
    answered = stats.wait_for(CallAnswered)
    assert (answered.unique_id, answered.hold_seconds, answered.ring_seconds) == (call.uniqueid, 12, 3)
    assert desk.wait_for(CallAnswered).unique_id == call.uniqueid
    polls = len(stats.of(QueueStats))
    stats.wait_for(QueueStats, lambda e: len(stats.of(QueueStats)) > polls + 2)  # still polling
    assert sim.login_count == 1 and desk.states() == [ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED]


def test_an_agent_connect_with_an_odd_hold_time_still_counts_as_answered(sim, connect):
    _client, desk, _stats = connect()
    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")
    desk.wait_for(IncomingCall)
    sim.emit_event(
        "AgentConnect",
        [
            *call.caller.fields(),
            ("Queue", "neuvonta"),
            ("Interface", "PJSIP/agent1"),
            ("HoldTime", "1e309"),
            ("RingTime", "4"),
            ("BridgedChannel", ""),
        ],
        category="agent",
    )
    answered = desk.wait_for(CallAnswered)
    assert (answered.unique_id, answered.hold_seconds, answered.ring_seconds) == (call.uniqueid, None, 4)
    assert sim.login_count == 1


@pytest.mark.expect_log_warnings
def test_broken_frames_are_skipped_and_the_connection_stays(sim, connect, caplog):
    _client, desk, _ = connect()
    secret_name = "Salainen Nimi"
    sim.send_raw(
        b"Event: Newchannel\r\nCallerIDName: "
        + secret_name.encode()
        + b"x" * (2 << 20)
        + b"\r\n"
        + b"Uniqueid: 1.1\r\n\r\n"
    )  # a line too long: its block goes, the next one is read
    sim.send_raw(b"Event: VarSet\r\n" + b"".join(b"Var%d: x\r\n" % i for i in range(1000)) + b"\r\n")
    sim.send_raw(b"Event: Newchannel\r\nCallerIDName: \xff\xfe\x00\x1b[2J\r\n\r\n\r\n\x00\x00garbage\r\n\r\n")

    call = sim.emit_call("0401234567", "Virtanen Anna", "neuvonta")

    assert desk.wait_for(IncomingCall).unique_id == call.uniqueid
    assert sim.login_count == 1 and ConnectionStatus.DISCONNECTED not in desk.states()
    skipped = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(skipped) == 2 and all(m.startswith("skipped a block from the AMI server") for m in skipped)
    assert not any(secret_name in m for m in skipped)
