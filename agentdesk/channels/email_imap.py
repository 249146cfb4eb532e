"""imaplib with IDLE (RFC 2177) and a line reader that can wait with a timeout.

Python 3.11's imaplib has no IDLE, and its file-object reads cannot time out safely (a timed-out
socket file is unusable afterwards). :class:`ImapConnection` reads lines from its own buffer over
the socket instead, through imaplib's documented override points (``readline`` and ``read``), so
:meth:`~_BufferedReading.idle_wait` can ``select`` on the socket, with a timeout and a wake-up
socket that ends the wait at once.
"""

from __future__ import annotations

import base64
import imaplib
import itertools
import re
import select
import socket
import ssl
import time
from typing import Any

__all__ = ["ImapConnection", "ImapSSLConnection", "quote_mailbox"]

_MAXLINE = 1_000_000
_CHANGE_RE = re.compile(rb"^\* \d+ (EXISTS|RECENT)\b", re.IGNORECASE)


class _BufferedReading(imaplib.IMAP4):
    """Replaces imaplib's file-object reads with reads from the socket into our own buffer.

    A mixin over :class:`imaplib.IMAP4`: listed first, it sits before ``IMAP4`` or ``IMAP4_SSL``
    in the method resolution order, so its ``open``/``readline``/``read`` are the ones imaplib calls."""

    _rbuf: bytearray
    _idle_tags = itertools.count(1)

    # (*args: Any, **kwargs: Any) matches both IMAP4.open and IMAP4_SSL.open (their ports differ in type).
    def open(self, *args: Any, **kwargs: Any) -> None:  # called by IMAP4.__init__ before the greeting is read
        self._rbuf = bytearray()
        super().open(*args, **kwargs)

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        if not chunk:
            return False
        self._rbuf += chunk
        return True

    def readline(self) -> bytes:
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0:
                line = bytes(self._rbuf[: end + 1])
                del self._rbuf[: end + 1]
                return line
            if len(self._rbuf) > _MAXLINE:
                raise self.error(f"got more than {_MAXLINE} bytes in one line")
            if not self._fill():
                line = bytes(self._rbuf)
                self._rbuf.clear()
                return line  # imaplib turns b"" into abort("socket error: EOF")

    def read(self, size: int) -> bytes:
        while len(self._rbuf) < size:
            if not self._fill():
                break
        data = bytes(self._rbuf[:size])
        del self._rbuf[:size]
        return data

    def _data_waiting(self) -> bool:
        if b"\n" in self._rbuf:
            return True
        return isinstance(self.sock, ssl.SSLSocket) and self.sock.pending() > 0

    def _next_line(self) -> bytes:
        line = self.readline()
        if not line:
            raise self.abort("the server closed the connection")
        if line.startswith(b"* BYE"):
            raise self.abort("the server said BYE: " + line.decode("utf-8", "replace").strip())
        return line

    def idle_wait(self, timeout: float, wake: socket.socket | None) -> bool:
        """IDLE until the mailbox changes, ``timeout`` passes or ``wake`` becomes readable.
        Returns True when new messages were announced."""
        tag = f"AD{next(self._idle_tags)}".encode()
        self.send(tag + b" IDLE\r\n")
        changed = False
        while True:
            line = self._next_line()
            if line.startswith(b"+"):
                break
            if line.startswith(tag + b" "):
                raise self.error("IDLE refused: " + line.decode("utf-8", "replace").strip())
            changed |= bool(_CHANGE_RE.match(line))
        deadline = time.monotonic() + timeout
        while not changed:
            if not self._data_waiting():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                watched = [self.sock] + ([wake] if wake is not None else [])
                ready, _, _ = select.select(watched, [], [], remaining)
                if wake is not None and wake in ready:
                    break
                if not ready:
                    break
            changed |= bool(_CHANGE_RE.match(self._next_line()))
        self.send(b"DONE\r\n")
        while True:
            line = self._next_line()
            if line.startswith(tag + b" "):
                if not line[len(tag) + 1 :].upper().startswith(b"OK"):
                    raise self.error("IDLE ended badly: " + line.decode("utf-8", "replace").strip())
                return changed
            changed |= bool(_CHANGE_RE.match(line))


class ImapConnection(_BufferedReading, imaplib.IMAP4):
    pass


class ImapSSLConnection(_BufferedReading, imaplib.IMAP4_SSL):
    pass


def _imap_utf7(name: str) -> str:
    """A folder name in IMAP's modified UTF-7 (RFC 3501 5.1.3)."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            data = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(data).decode("ascii").rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    return "".join(out)


def quote_mailbox(name: str) -> str:
    """A folder name as an IMAP astring: modified UTF-7, quoted when needed."""
    encoded = _imap_utf7(name)
    if re.fullmatch(r"[A-Za-z0-9._/&,+-]+", encoded):
        return encoded
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'
