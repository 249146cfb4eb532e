"""The rules that turn raw AMI events into desk and statistics events, and the client's framing,
without a socket."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

import pytest

from agentdesk.channels.ami_events import CallAnswered, CallEnded, IncomingCall
from agentdesk.channels.ami_mapping import AmiEventMapper, channel_interface, interface_key, queue_stats_from_list
from agentdesk.channels.ami_protocol import (
    MAX_BLOCK,
    MAX_FIELDS,
    MAX_LINE,
    AmiProtocolError,
    AmiReader,
    encode_action,
    wire_int,
)

T0 = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)


def agent_event(event: str, uid: str, interface: str, **extra: str) -> dict[str, str]:
    leg = f"{interface}-00000002"
    return {
        "event": event,
        "uniqueid": uid,
        "linkedid": uid,
        "calleridnum": "0401234567",
        "calleridname": "A",
        "queue": "neuvonta",
        "interface": interface,
        "membername": interface,
        "destchannel": leg,
        "destuniqueid": f"{uid}-{interface}",
        **{k.lower(): v for k, v in extra.items()},
    }


def feed(mapper: AmiEventMapper, *events: dict[str, str]):
    return [r for e in events for r in mapper.feed(e)]


def test_ringall_another_agent_answering_withdraws_this_desks_pop():
    mapper = AmiEventMapper("PJSIP/agent1", clock=lambda: T0)
    routed = feed(
        mapper,
        {"event": "QueueCallerJoin", "uniqueid": "1.1", "queue": "neuvonta", "position": "1", "count": "1"},
        agent_event("AgentCalled", "1.1", "PJSIP/agent1"),
        agent_event("AgentCalled", "1.1", "PJSIP/agent2"),
        agent_event("AgentConnect", "1.1", "PJSIP/agent2", HoldTime="8", RingTime="2"),
        agent_event("AgentComplete", "1.1", "PJSIP/agent2", TalkTime="61", Reason="agent"),
    )

    desk = [r.event for r in routed if r.for_desk]
    assert [type(e) for e in desk] == [IncomingCall, CallEnded]
    assert desk[1].cause == "answered by another agent"
    statistics = [r.event for r in routed if not r.for_desk]
    assert [e.interface for e in statistics if isinstance(e, CallAnswered)] == ["PJSIP/agent2"]
    assert [(e.talk_seconds, e.cause) for e in statistics if isinstance(e, CallEnded)] == [(61, "agent hung up")]


def test_the_queue_dials_its_agents_but_that_is_not_a_second_pop():
    mapper = AmiEventMapper("PJSIP/agent1", clock=lambda: T0)
    dial = {
        "event": "DialBegin",
        "uniqueid": "1.1",
        "calleridnum": "0401234567",
        "destchannel": "PJSIP/agent1-00000002",
        "destuniqueid": "1.2",
    }
    routed = feed(
        mapper,
        {"event": "QueueCallerJoin", "uniqueid": "1.1", "queue": "neuvonta"},
        dial,
        agent_event("AgentCalled", "1.1", "PJSIP/agent1"),
    )
    assert [type(r.event) for r in routed if r.for_desk] == [IncomingCall]
    # the same dial without a queue is a direct call, and pops
    direct = feed(AmiEventMapper("PJSIP/agent1", clock=lambda: T0), dial)
    assert [(type(r.event), r.event.queue, r.for_desk) for r in direct] == [(IncomingCall, None, True)]


def test_interfaces_compare_with_the_technology_in_any_case():
    assert interface_key("pjsip/agent1") == interface_key("PJSIP/agent1") != interface_key("PJSIP/Agent1")
    assert channel_interface("PJSIP/agent-1-0000002a") == "PJSIP/agent-1"
    mapper = AmiEventMapper("pjsip/agent1", clock=lambda: T0)
    assert [r.for_desk for r in mapper.feed(agent_event("AgentCalled", "1.1", "PJSIP/agent1"))] == [True]


def test_missed_hangups_cannot_grow_the_memory_without_bound():
    mapper = AmiEventMapper("PJSIP/agent1", clock=lambda: T0, memory=100)
    for i in range(1000):
        feed(
            mapper,
            {"event": "QueueCallerJoin", "uniqueid": f"1.{i}", "queue": "q"},
            agent_event("AgentCalled", f"1.{i}", "PJSIP/agent1"),
        )
    assert len(mapper.open_desk_calls()) == 100


# -- framing -----------------------------------------------------------------------------------


def read_blocks(*chunks: bytes, count: int):
    async def run():
        reader = asyncio.StreamReader()
        for chunk in chunks:
            reader.feed_data(chunk)
        reader.feed_eof()
        frames = AmiReader(reader)
        banner = await frames.banner()
        return banner, [await frames.next() for _ in range(count)]

    return asyncio.run(run())


def test_blocks_are_read_across_packet_boundaries_with_any_key_case():
    wire = (
        b"Asterisk Call Manager/5.0.1\r\nResponse: Success\r\nActionID: a-1\r\nMessage: Authentication accepted"
        b"\r\n\r\n\r\nEvent: Hangup\r\nUniqueID: 1.1\r\nChannel: Local/100@agents-0001;1\r\nCause-txt: Normal "
        b"Clearing\r\nno colon here\r\n\r\n"
    )
    chunks = [wire[i : i + 7] for i in range(0, len(wire), 7)]

    banner, (login, hangup) = read_blocks(*chunks, count=2)

    assert banner == "Asterisk Call Manager/5.0.1"
    assert login == {"response": "Success", "actionid": "a-1", "message": "Authentication accepted"}
    assert hangup == {
        "event": "Hangup",
        "uniqueid": "1.1",
        "channel": "Local/100@agents-0001;1",
        "cause-txt": "Normal Clearing",
    }


def test_a_latin1_caller_name_is_read_not_mangled():
    _banner, [event] = read_blocks(
        b"Asterisk Call Manager/9.0.0\r\n",
        "Event: AgentCalled\r\nCallerIDName: Äijälä Öörni\r\n\r\n".encode("latin-1"),
        count=1,
    )
    assert event["calleridname"] == "Äijälä Öörni"


def test_a_closed_stream_is_a_lost_connection():
    with pytest.raises(ConnectionError, match="closed the connection"):
        read_blocks(b"Asterisk Call Manager/9.0.0\r\nEvent: Half", count=1)


def test_a_line_break_in_a_field_cannot_inject_an_action():
    assert encode_action({"Action": "Ping", "ActionID": "x"}) == b"Action: Ping\r\nActionID: x\r\n\r\n"
    with pytest.raises(ValueError, match="Secret"):
        encode_action({"Action": "Login", "Secret": "pw\r\nAction: Originate"})
    assert issubclass(AmiProtocolError, ConnectionError)


# -- numbers and frames the PBX gets wrong -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("+3", 3),
        ("12.0", 12),
        ("12.7", 12),
        ("0", 0),
        ("2147483647", 2147483647),
        ("2147483648", None),
        ("1e309", None),
        ("1e3", None),
        ("nan", None),
        ("NaN", None),
        ("inf", None),
        ("-5", None),
        ("", None),
        (None, None),
        ("12 s", None),
        ("١٢", None),
        ("9" * 5000, None),
        ("0x10", None),
    ],
)
def test_a_number_from_the_wire_is_a_sane_count_or_unknown(text, number):
    assert wire_int(text) == number


def test_an_odd_figure_is_unknown_and_the_rest_of_the_event_stands():
    mapper = AmiEventMapper("PJSIP/agent1", clock=lambda: T0)
    routed = feed(
        mapper,
        {
            "event": "QueueCallerJoin",
            "uniqueid": "1.1",
            "queue": "neuvonta",
            "calleridnum": "0401234567",
            "position": "1e309",
            "count": "2",
        },
        agent_event("AgentCalled", "1.1", "PJSIP/agent1"),
        agent_event("AgentConnect", "1.1", "PJSIP/agent1", HoldTime="nan", RingTime="-1"),
        agent_event("AgentComplete", "1.1", "PJSIP/agent1", TalkTime="inf", Reason="caller"),
    )
    queued, pop, answered, ended = (r.event for r in routed)
    assert (queued.position, queued.count, queued.caller_number_e164) == (None, 2, "+358401234567")
    assert pop.unique_id == "1.1" and routed[1].for_desk
    assert (answered.hold_seconds, answered.ring_seconds, answered.interface) == (None, None, "PJSIP/agent1")
    assert (ended.talk_seconds, ended.cause) == (None, "caller hung up")


def test_queue_figures_keep_what_can_be_read():
    [stats] = queue_stats_from_list(
        [
            {"event": "QueueParams", "queue": "q", "calls": "2", "holdtime": "1e309", "servicelevelperf": "87.5"},
            {"event": "QueueEntry", "queue": "q", "wait": "30"},
            {"event": "QueueEntry", "queue": "q", "wait": "nan"},
        ],
        T0,
    )
    assert (stats.calls_waiting, stats.hold_seconds, stats.service_level_percent) == (2, None, 87.5)
    assert stats.longest_wait_seconds == 30  # the odd wait is left out


def read_all(*chunks: bytes) -> list[dict[str, str]]:
    """Every block until the stream ends."""

    async def run():
        reader = asyncio.StreamReader(limit=MAX_LINE)
        for chunk in chunks:
            reader.feed_data(chunk)
        reader.feed_eof()
        frames, out = AmiReader(reader), []
        with contextlib.suppress(ConnectionError):
            while True:
                out.append(await frames.next())
        return out

    return asyncio.run(run())


@pytest.mark.expect_log_warnings
def test_an_over_long_line_or_block_is_skipped_and_the_next_block_read():
    blocks = read_all(
        b"Event: A\r\nName: " + b"x" * (3 * MAX_LINE) + b"\r\nMore: 1\r\n\r\n",
        b"Event: B\r\n" + b"".join(b"K%d: v\r\n" % i for i in range(MAX_FIELDS + 1)) + b"\r\n",
        b"Event: C\r\n" + b"".join(b"K: %s\r\n" % (b"v" * 1000) for _ in range(MAX_BLOCK // 900)) + b"\r\n",
        b"Event: D\r\nName: " + b"y" * (MAX_LINE - 20) + b"\r\n\r\n",
    )
    assert [b["event"] for b in blocks] == ["D"]


def test_control_characters_and_undecodable_bytes_never_reach_a_value():
    [block] = read_all(b"Event: Newchannel\r\nCallerIDName: Ma\x00ija\x1b[2J\rX\r\n\x00\r\nExten: \xff\xfe1\r\n\r\n")
    assert block == {"event": "Newchannel", "calleridname": "Maija[2JX", "exten": "ÿþ1"}
