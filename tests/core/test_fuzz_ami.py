"""Property-based tests of what the PBX can send: the AMI frame reader never raises on any bytes but
the end of the stream and keeps every block within its bounds; the event mapping never raises on
any field values and every figure it reports is a sane number or unknown (None).

The budget comes from the hypothesis profile in tests/conftest.py (``--hypothesis-profile=long``
for a release run)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.channels.ami_mapping import AmiEventMapper, queue_stats_from_list
from agentdesk.channels.ami_protocol import (
    MAX_BLOCK,
    MAX_FIELDS,
    MAX_LINE,
    MAX_WIRE_INT,
    AmiConnectionLost,
    AmiReader,
    wire_float,
    wire_int,
)

T0 = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)
CONTROL = {chr(c) for c in [*range(0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0)]}

# -- frames ------------------------------------------------------------------------------------

PIECES = [
    b"Event: AgentConnect",
    b"Response: Success",
    b"ActionID: agentdesk-1",
    b"EventList: Complete",
    b"HoldTime: 1e309",
    b"Key:",
    b": value",
    b"\r\n",
    b"\n",
    b"\r",
    b"\r\n\r\n",
    b"\x00",
    b"\xff\xfe",
    b"\xc3\xa4",
    b"\xc3",
    b"\xe2\x80\xa8",
    b":",
    b" ",
    b"\t",
]
segment = st.one_of(st.sampled_from(PIECES), st.binary(max_size=40))
# a segment repeated to about so many bytes, so some inputs have lines and blocks past the limits
repeated = st.tuples(segment.filter(bool), st.sampled_from([100, 5000, MAX_LINE - 2, MAX_LINE + 1, 2 * MAX_LINE])).map(
    lambda pair: pair[0] * (pair[1] // len(pair[0]) + 1)
)
wire = st.lists(st.one_of(segment, segment, repeated), max_size=30).map(b"".join)


def read_every_block(data: bytes, chunk: int) -> list[dict[str, str]]:
    async def run() -> list[dict[str, str]]:
        reader = asyncio.StreamReader(limit=MAX_LINE)
        frames, blocks = AmiReader(reader), []
        chunk_size = max(chunk, len(data) // 64)  # packet boundaries anywhere, in few calls
        for i in range(0, len(data), chunk_size):
            reader.feed_data(data[i : i + chunk_size])
        reader.feed_eof()
        try:
            while True:
                blocks.append(await frames.next())
                assert len(frames._fields) <= MAX_FIELDS
        except AmiConnectionLost:
            return blocks

    return asyncio.run(run())


@pytest.mark.expect_log_warnings  # each skipped block is logged
@given(wire, st.sampled_from([1, 7, 4096, 1 << 20]))
def test_the_frame_reader_never_raises_and_keeps_blocks_bounded(data, chunk):
    for block in read_every_block(data, chunk):
        assert 0 < len(block) <= MAX_FIELDS
        assert sum(len(k) + len(v) for k, v in block.items()) <= MAX_BLOCK
        for key, value in block.items():
            assert key == key.strip().lower() and value == value.strip()
            assert not CONTROL & set(key + value)


# -- numbers -----------------------------------------------------------------------------------

number_like = st.one_of(
    st.text(max_size=12),
    st.integers().map(str),
    st.floats().map(str),
    st.floats().map(repr),
    st.sampled_from(
        [
            "1e309",
            "-1e309",
            "nan",
            "NaN",
            "inf",
            "-0",
            "+7",
            "0x1f",
            "١٢",
            "12.5",
            "12.",
            ".5",
            "9" * 5000,
            " 42 ",
            "4\x002",
        ]
    ),
)


@given(number_like)
def test_a_wire_number_is_a_sane_figure_or_unknown(text):
    number = wire_int(text)
    assert number is None or (type(number) is int and 0 <= number <= MAX_WIRE_INT)
    percent = wire_float(text, maximum=100.0)
    assert percent is None or 0.0 <= percent <= 100.0


@given(st.integers(0, MAX_WIRE_INT))
def test_every_sane_count_reads_back(number):
    assert wire_int(str(number)) == number


# -- mapping -----------------------------------------------------------------------------------

EVENTS = [
    "QueueCallerJoin",
    "QueueCallerLeave",
    "AgentCalled",
    "AgentConnect",
    "AgentRingNoAnswer",
    "AgentComplete",
    "QueueCallerAbandon",
    "DialBegin",
    "DialEnd",
    "Hangup",
    "QueueParams",
    "QueueMember",
    "QueueEntry",
    "Newchannel",
    "__init__",
    "feed",
    "",
]
KEYS = [
    "event",
    "uniqueid",
    "linkedid",
    "destuniqueid",
    "calleridnum",
    "calleridname",
    "queue",
    "interface",
    "membername",
    "destchannel",
    "destcalleridname",
    "position",
    "count",
    "holdtime",
    "ringtime",
    "talktime",
    "reason",
    "dialstatus",
    "cause",
    "cause-txt",
    "calls",
    "completed",
    "abandoned",
    "servicelevel",
    "servicelevelperf",
    "wait",
    "status",
    "callstaken",
    "incall",
    "paused",
    "name",
    "location",
]
same_ids = st.sampled_from(["1.1", "1.2", "PJSIP/agent1", "pjsip/AGENT1", "PJSIP/agent1-0002", ""])
field_value = st.one_of(number_like, same_ids, st.text(max_size=12))
event = st.builds(
    lambda kind, fields: {**fields, "event": kind},
    st.one_of(st.sampled_from(EVENTS), st.text(max_size=12)),
    st.dictionaries(
        st.one_of(st.sampled_from(KEYS), st.sampled_from(KEYS), st.text(max_size=4)), field_value, max_size=8
    ),
)


def figures(obj) -> list:
    """Every int/float field of a typed event, members of queue figures included."""
    out = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, tuple):
            out += [x for member in value for x in figures(member)]
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append(value)
    return out


@given(st.lists(event, max_size=12))
def test_the_mapping_never_raises_and_reports_only_sane_figures(events):
    mapper = AmiEventMapper("PJSIP/agent1", clock=lambda: T0, memory=8)
    routed = [r for e in events for r in mapper.feed(e)]
    routed += mapper.forget_vanished({e.get("uniqueid", "") for e in events[::2]})
    stats = queue_stats_from_list(events, T0)
    for item in [r.event for r in routed] + stats:
        assert all(0 <= n <= MAX_WIRE_INT for n in figures(item))
    assert len(mapper.open_desk_calls()) <= 8
