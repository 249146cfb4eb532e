"""Crash files: what went wrong, written so that it can be sent to IT without personal data.

A report holds the exception types, the stack (files, lines, functions) and the versions. The
exception *messages* are left out on purpose: they can quote what the user typed or what the
database returned (names, identity codes, SQL parameters).

Each run of the desk is a session with a marker file in the crash folder, removed when the desk
closes normally. A marker left behind by a process that is gone means the last run ended
unexpectedly; its crash files (a Python report or a fatal-error dump from ``faulthandler``) are
offered on the next start.

Crash files belong to the signed-in staff user, as drafts do (:mod:`agentdesk.drafts`): once the
user's key is fetched from the keyring after sign-in, :meth:`CrashStore.open_for` moves the session
into that user's folder (a hash of the username), and its reports are written encrypted under that
key (``.enc``); they are offered at that user's next sign-in, decrypted. A session that ended before
anyone signed in (or on a workstation without a secure keyring) keeps its marker and plain reports
in the workstation's crash folder and is offered before the sign-in, as before. ``faulthandler``
writes a hard crash's dump from a signal handler, so that file can only be plain: it holds stack
frames and versions only, and is encrypted (and the plain file deleted) when it is collected.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import os
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import PySide6
from PySide6.QtCore import qVersion

from agentdesk import __version__, paths

MARKER_SUFFIX = ".running"
ENCRYPTED_SUFFIX = ".enc"
log = logging.getLogger(__name__)


def crash_dir() -> Path:
    path = paths.user_data_dir() / "crashes"
    path.mkdir(parents=True, exist_ok=True)
    return path


def versions() -> str:
    return (
        f"AgentDesk {__version__}; Python {platform.python_version()} ({sys.implementation.name}); "
        f"PySide6 {PySide6.__version__}; Qt {qVersion()}; {platform.platform()}"
    )


def format_report(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """The exception chain and stacks, without any exception message."""
    lines = [
        "AgentDesk error report",
        f"Time: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
        f"Versions: {versions()}",
        f"Thread: {_thread_name()}",
        "",
        "Exception messages are left out: they may contain personal data.",
        "",
    ]
    chain: list[tuple[type[BaseException], TracebackType | None, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    chain.append((exc_type, tb, ""))
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current.__cause__ is not None:
            nxt, how = current.__cause__, "The above was the direct cause of:"
        elif current.__context__ is not None and not current.__suppress_context__:
            nxt, how = current.__context__, "The above happened while handling:"
        else:
            break
        chain.append((type(nxt), nxt.__traceback__, how))
        current = nxt
    # Oldest first, as Python prints it; each link says how it leads to the next one.
    separator = ""
    for etype, etb, how in reversed(chain):
        if separator:
            lines += ["", separator, ""]
        lines.append("Traceback (most recent call last):")
        lines += [line.rstrip("\n") for line in traceback.format_list(traceback.extract_tb(etb))]
        lines.append(f"{etype.__module__}.{etype.__qualname__}")
        separator = how
    return "\n".join(lines) + "\n"


def _thread_name() -> str:
    import threading

    return threading.current_thread().name


class CrashStore:
    """The crash folder of this workstation user, and this run's session marker."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or crash_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.root = self.folder  # the workstation's crash folder; self.folder: the signed-in user's, once opened
        self._fernet: Any = None  # cryptography.fernet.Fernet under the staff user's key, once opened
        self.session = f"{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        self._count = 0
        self._fatal_file: TextIO | None = None
        self._marker: Path | None = None

    # -- this session ---------------------------------------------------------------------------

    def begin_session(self, *, fatal_dump: bool = True) -> None:
        """Leave a marker for this run; with ``fatal_dump``, let faulthandler write hard crashes
        (segmentation faults, aborts) into the crash folder, unless someone already enabled it."""
        self._marker = self.folder / f"session-{self.session}{MARKER_SUFFIX}"
        self._marker.write_text(f"{os.getpid()}\n", encoding="utf-8")
        if fatal_dump and not faulthandler.is_enabled():
            self._open_fatal_dump()

    def open_for(self, username: str, key: bytes | None) -> None:
        """After sign-in (off the UI thread): this session's marker, fatal dump and reports move to the
        staff user's folder, reports encrypted under ``key``. None (no secure keyring): they stay."""
        if key is None:
            return
        from cryptography.fernet import Fernet

        from agentdesk.drafts import owner_folder_name

        folder = self.root / owner_folder_name(username)
        folder.mkdir(parents=True, exist_ok=True)
        self._fernet = Fernet(key)  # before the folder: a report written meanwhile is never plain in it
        self.folder = folder
        if self._marker is not None:
            old, self._marker = self._marker, folder / self._marker.name
            self._marker.write_text(f"{os.getpid()}\n", encoding="utf-8")
            old.unlink(missing_ok=True)
        if self._fatal_file is not None:  # the dump so far holds only its header: start it again there
            faulthandler.disable()
            self._fatal_file.close()
            Path(self._fatal_file.name).unlink(missing_ok=True)
            self._fatal_file = None
            self._open_fatal_dump()

    def _open_fatal_dump(self) -> None:
        # Open for the whole session (faulthandler writes into it on a hard crash): no `with`.
        fatal = open(self.folder / f"fatal-{self.session}.txt", "w", encoding="utf-8")  # noqa: SIM115
        fatal.write(f"AgentDesk fatal error dump\nVersions: {versions()}\n\n")
        fatal.flush()
        faulthandler.enable(fatal)
        self._fatal_file = fatal

    def end_session(self) -> None:
        """The desk closes normally: no marker, no empty fatal dump."""
        if self._fatal_file is not None:
            faulthandler.disable()
            self._fatal_file.close()
            Path(self._fatal_file.name).unlink(missing_ok=True)
            self._fatal_file = None
        if self._marker is not None:
            self._marker.unlink(missing_ok=True)
            self._marker = None

    def write(self, report: str) -> Path:
        self._count += 1
        return self._write_named(f"crash-{self.session}-{self._count}.txt", report)

    def read(self, path: Path) -> str:
        """A crash file's text (decrypted when it is the signed-in user's); "" when it cannot be read."""
        try:
            if path.suffix != ENCRYPTED_SUFFIX:
                return path.read_text(encoding="utf-8", errors="replace")
            from cryptography.fernet import InvalidToken

            try:
                return bytes(self._fernet.decrypt(path.read_bytes())).decode("utf-8", errors="replace")
            except (InvalidToken, AttributeError):
                log.warning("a crash file could not be decrypted (another key, or changed on disk)")
                return ""
        except OSError:
            return ""

    # -- earlier sessions -----------------------------------------------------------------------

    def unclean_sessions(self) -> list[str]:
        """Sessions whose process is gone without removing its marker (newest first)."""
        found = []
        for marker in self.folder.glob(f"session-*{MARKER_SUFFIX}"):
            session = marker.name[len("session-") : -len(MARKER_SUFFIX)]
            if session == self.session:
                continue
            try:
                pid = int(marker.read_text(encoding="utf-8").split()[0])
            except (OSError, ValueError, IndexError):
                pid = -1
            if pid != os.getpid() and _alive(pid):
                continue  # another desk running right now
            found.append(session)
        return sorted(found, reverse=True)

    def collect_unclean(self) -> Path | None:
        """The crash file of the newest session that ended unexpectedly, once.

        Markers of such sessions are removed (so each is offered once); when a session left no
        report at all, a short one is written saying so."""
        newest: Path | None = None
        for session in self.unclean_sessions():
            reports = [*self.folder.glob(f"crash-{session}-*.txt"), *self.folder.glob(f"crash-{session}-*.enc")]
            files = sorted(reports, key=lambda p: p.stat().st_mtime)
            fatal = self.folder / f"fatal-{session}.txt"
            if fatal.exists():
                files.append(self._encrypt_at_rest(fatal))
            if not files:
                files = [
                    self._write_named(
                        f"crash-{session}-0.txt",
                        "AgentDesk error report\n"
                        f"The session {session} ended without closing normally and left no "
                        "details (killed, power loss, or a crash Python could not see).\n"
                        f"Versions now: {versions()}\n",
                    )
                ]
            if newest is None:
                newest = files[-1]
            (self.folder / f"session-{session}{MARKER_SUFFIX}").unlink(missing_ok=True)
        return newest

    def _write_named(self, name: str, text: str) -> Path:
        """``name`` (``….txt``) in the crash folder; ``….enc``, encrypted, once the user's key is known."""
        path = self.folder / name
        data = text.encode("utf-8")
        if self._fernet is not None:
            path, data = path.with_suffix(ENCRYPTED_SUFFIX), self._fernet.encrypt(data)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return path

    def _encrypt_at_rest(self, plain: Path) -> Path:
        """A fatal dump (written plain by faulthandler) is encrypted when collected in a user's folder."""
        if self._fernet is None:
            return plain
        try:
            path = self._write_named(plain.name, plain.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return plain
        plain.unlink(missing_ok=True)
        return path


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name != "posix":
        return False  # no cheap check: treat a left-over marker as a finished session
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
