"""The AMI wire format as the client reads and writes it, and the client's errors.

Blocks of ``Key: Value\r\n`` lines end with an empty line; keys are case-insensitive (returned
lower-case here), values are UTF-8 with a Latin-1 fallback for old trunks. Answers find their
action by ``ActionID``; list actions (QueueStatus, CoreShowChannels) answer ``EventList: start``,
then events, then one with ``EventList: Complete``. Numbers in values are read with
:func:`wire_int` / :func:`wire_float`: a field that is not a sane number is unknown (None).
"""

from __future__ import annotations

import asyncio
import logging
import re

log = logging.getLogger(__name__)

BANNER_PREFIX = "Asterisk Call Manager/"
MAX_LINE = 64 * 1024  # bytes of one line, with its line end; also the stream's buffer limit
MAX_FIELDS = 256  # fields of one block (Asterisk's richest events have about 40)
MAX_BLOCK = 256 * 1024  # bytes of one block
MAX_WIRE_INT = 2**31 - 1  # Asterisk's counters and durations are C ints
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # every control character but tab
_WIRE_NUMBER = re.compile(r"\+?([0-9]{1,15})(?:\.([0-9]{0,9}))?")


def wire_int(value: str | None, *, maximum: int = MAX_WIRE_INT) -> int | None:
    """A count or a number of seconds as the PBX writes it (``12``, ``12.0``, ``+3``), or None when
    the field is missing or not such a number: negative, fractional digits past the point are cut
    (``12.7`` → 12), anything above *maximum*, NaN, ``1e309``, words, other scripts' digits."""
    match = _WIRE_NUMBER.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    number = int(match.group(1))
    return number if number <= maximum else None


def wire_float(value: str | None, *, maximum: float = float(MAX_WIRE_INT)) -> float | None:
    """A non-negative decimal the PBX writes (``87.5``), or None like :func:`wire_int`."""
    match = _WIRE_NUMBER.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    number = float(f"{match.group(1)}.{match.group(2) or 0}")
    return number if number <= maximum else None


class AmiError(Exception):
    """Base of the AMI client's errors."""


class AmiLoginFailed(AmiError):
    """The AMI server refused the user name or secret. Not retried."""

    def __init__(self, username: str, server_message: str = "") -> None:
        super().__init__(f"AMI login refused for user {username!r}")
        self.username = username
        self.server_message = server_message


class AmiConnectionLost(AmiError, ConnectionError):
    """The connection closed, broke, or stopped answering."""


class AmiProtocolError(AmiConnectionLost):
    """The peer does not speak AMI (no banner, a line too long, ...)."""


class AmiNotConnected(AmiError):
    """An action was asked for while the client is not logged in."""


class PendingAction:
    """An action waiting for its answer: one response, or a response and an event list."""

    def __init__(self, as_list: bool) -> None:
        self.as_list = as_list
        self.future: asyncio.Future[tuple[dict[str, str], list[dict[str, str]]]] = (
            asyncio.get_running_loop().create_future()
        )
        self.response: dict[str, str] | None = None
        self.items: list[dict[str, str]] = []

    def feed(self, msg: dict[str, str]) -> None:
        if self.future.done():
            return
        if self.response is None and "response" in msg:
            self.response = msg
            if not self.as_list or msg["response"].lower() != "success":
                self.future.set_result((msg, []))
            return
        if msg.get("eventlist", "").lower() == "complete":
            self.future.set_result((self.response or {}, self.items))
        elif "event" in msg:
            self.items.append(msg)


class AmiReader:
    """Reads AMI blocks: ``Key: Value`` lines up to an empty line. Keys are returned lower-case.
    Partial blocks survive a cancelled read, since only whole lines are ever consumed.

    Memory is bounded whatever the server sends: a line longer than :data:`MAX_LINE` bytes, a block
    of more than :data:`MAX_FIELDS` fields or :data:`MAX_BLOCK` bytes is skipped up to its empty line
    (logged without its content) and reading goes on with the next block. Undecodable bytes never
    fail: UTF-8, else Latin-1; control characters are dropped from keys and values."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader
        self._fields: dict[str, str] = {}
        self._size = 0  # bytes of the block so far
        self._in_long_line = False  # the rest of an over-long line is still to be skipped
        self._dropping = ""  # why the current block is skipped ("" while it is kept)
        self.skipped_blocks = 0

    async def _raw_line(self) -> bytes | None:
        """The next line with its line end, or None for a line longer than MAX_LINE (dropped)."""
        while True:
            try:
                raw = await self._reader.readuntil(b"\n")
            except asyncio.IncompleteReadError:
                raise AmiConnectionLost("the AMI server closed the connection") from None
            except asyncio.LimitOverrunError as exc:  # the buffer holds MAX_LINE bytes and no line end
                await self._reader.readexactly(exc.consumed)  # drop them; no wait, they are buffered
                self._in_long_line = True
                continue
            if self._in_long_line or len(raw) > MAX_LINE:
                self._in_long_line = False
                return None
            return raw

    async def _line(self) -> str | None:
        raw = await self._raw_line()
        if raw is None:
            return None
        self._size += len(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # old trunks send caller names in Latin-1
        return text.rstrip("\r\n")

    async def banner(self) -> str:
        text = await self._line()
        if text is None:
            raise AmiProtocolError(f"the first line is longer than {MAX_LINE} bytes: not an AMI banner")
        self._size = 0
        return _CONTROL.sub("", text)

    def _drop(self, reason: str) -> None:
        if not self._dropping:
            self._dropping = reason
        self._fields = {}

    async def next(self) -> dict[str, str]:
        while True:
            text = await self._line()
            if text is None:
                self._drop(f"a line longer than {MAX_LINE} bytes")
                continue
            if not text:
                if self._dropping:
                    self.skipped_blocks += 1
                    log.warning("skipped a block from the AMI server: %s", self._dropping)
                    self._dropping = ""
                elif self._fields:
                    msg = self._fields
                    self._fields, self._size = {}, 0
                    return msg
                self._size = 0
                continue
            if self._dropping:
                continue
            if self._size > MAX_BLOCK:
                self._drop(f"a block longer than {MAX_BLOCK} bytes")
                continue
            key, sep, value = _CONTROL.sub("", text).partition(":")  # a NUL line is no block end
            if sep:
                key = key.strip().lower()
                if key not in self._fields and len(self._fields) >= MAX_FIELDS:
                    self._drop(f"a block of more than {MAX_FIELDS} fields")
                    continue
                self._fields.setdefault(key, value.strip())


def encode_action(fields: dict[str, str]) -> bytes:
    lines = []
    for key, value in fields.items():
        if any(c in f"{key}{value}" for c in "\r\n"):
            raise ValueError(f"AMI field {key!r} contains a line break")
        lines.append(f"{key}: {value}\r\n")
    return ("".join(lines) + "\r\n").encode("utf-8")
