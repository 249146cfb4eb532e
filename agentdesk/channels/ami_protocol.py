"""The AMI wire format as the client reads and writes it, and the client's errors.

Blocks of ``Key: Value\r\n`` lines end with an empty line; keys are case-insensitive (returned
lower-case here), values are UTF-8 with a Latin-1 fallback for old trunks. Answers find their
action by ``ActionID``; list actions (QueueStatus, CoreShowChannels) answer ``EventList: start``,
then events, then one with ``EventList: Complete``.
"""

from __future__ import annotations

import asyncio

BANNER_PREFIX = "Asterisk Call Manager/"
MAX_LINE = 1 << 20


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
        self.future: asyncio.Future = asyncio.get_running_loop().create_future()
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
    Partial blocks survive a cancelled read, since only whole lines are ever consumed."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader
        self._fields: dict[str, str] = {}

    async def _line(self) -> str:
        try:
            raw = await self._reader.readline()
        except ValueError as exc:  # LimitOverrunError: a line longer than MAX_LINE
            raise AmiProtocolError(f"AMI line longer than {MAX_LINE} bytes") from exc
        if not raw:
            raise AmiConnectionLost("the AMI server closed the connection")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # old trunks send caller names in Latin-1
        return text.rstrip("\r\n")

    async def banner(self) -> str:
        return await self._line()

    async def next(self) -> dict[str, str]:
        while True:
            text = await self._line()
            if not text:
                if self._fields:
                    msg, self._fields = self._fields, {}
                    return msg
                continue
            key, sep, value = text.partition(":")
            if sep:
                self._fields.setdefault(key.strip().lower(), value.strip())


def encode_action(fields: dict[str, str]) -> bytes:
    lines = []
    for key, value in fields.items():
        if any(c in f"{key}{value}" for c in "\r\n"):
            raise ValueError(f"AMI field {key!r} contains a line break")
        lines.append(f"{key}: {value}\r\n")
    return ("".join(lines) + "\r\n").encode("utf-8")
