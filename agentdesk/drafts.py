"""Continuously saved drafts (interaction notes, customer forms) that survive a crash, of one staff user.

Drafts belong to the staff user signed in, not to the workstation's OS account: each staff user has
a folder of their own under the user data folder, named by a hash of the username (not the name
itself), and every draft in it is encrypted with Fernet (AES-128-CBC with an HMAC-SHA256) under a key
that only that staff user's keyring entry holds (:data:`DRAFTS_SERVICE`, one key per staff user on
this workstation, made on first use). Another staff user signing in on the same workstation neither
looks in that folder nor could read it; a file that does not decrypt (another key, changed on disk)
is skipped and logged, never fatal.

A store is made closed and opened once the user is known, off the UI thread (the keyring can block)::

    store = DraftStore()
    store.open_for("agent.aino")  # on the background helper, after sign-in: DraftMode.ENCRYPTED

Without a secure keyring (:class:`agentdesk.credentials.InsecureKeyringError`) the drafts are kept in
memory only for the session (:attr:`DraftMode.MEMORY`): nothing in plain text ever reaches the disk.
Until it is opened, a call waits (on its background thread) for :meth:`DraftStore.open`.

Each draft is one small file written atomically (temporary file + ``os.replace``), so a desktop
killed mid-keystroke leaves either the previous or the new draft, never a torn one. Plain JSON drafts
left by versions before 0.9 (no owner, no encryption) are deleted when a store is first opened.
"""

from __future__ import annotations

import enum
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agentdesk import paths

log = logging.getLogger(__name__)

DRAFTS_SERVICE = "agentdesk-drafts"  # keyring service: one Fernet key per staff user (account: the username)
SUFFIX = ".draft"
OPEN_WAIT_S = 60.0  # how long a call made before open() waits for it
_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")


@dataclass(frozen=True, slots=True)
class Draft:
    key: str
    kind: str
    saved_at: float  # epoch seconds
    data: dict[str, Any]  # JSON object


class DraftMode(enum.Enum):
    ENCRYPTED = "encrypted"  # files in the staff user's folder, under the key in the keyring
    MEMORY = "memory"  # no secure keyring: kept for this session only


class DraftsNotOpen(RuntimeError):
    """The store was not opened for a staff user in time."""


def owner_folder_name(username: str) -> str:
    """The folder of a staff user's drafts: a hash of the username, never the name itself."""
    return hashlib.sha256(b"agentdesk-drafts\0" + username.casefold().encode("utf-8")).hexdigest()[:32]


def new_key() -> bytes:
    from cryptography.fernet import Fernet

    return Fernet.generate_key()


def keyring_key(username: str) -> bytes:
    """This staff user's drafts key from the OS keyring, made and stored on first use.

    Raises :class:`keyring.errors.KeyringError` (e.g. :class:`agentdesk.credentials.InsecureKeyringError`)
    when there is no secure keyring. Blocking: call it off the UI thread."""
    from agentdesk import credentials

    stored = credentials.get_secret(DRAFTS_SERVICE, username)
    if stored:
        return stored.encode("ascii")
    key = new_key()
    credentials.set_secret(DRAFTS_SERVICE, username, key.decode("ascii"))
    return key


def user_key(username: str) -> bytes | None:
    """:func:`keyring_key`, or None (logged, nothing personal) when there is no secure keyring."""
    from keyring.errors import KeyringError

    try:
        return keyring_key(username)
    except KeyringError as exc:
        log.info("no secure keyring for drafts (%s): unsaved contacts are kept in memory only", type(exc).__name__)
        return None


class DraftStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.root = folder or paths.user_data_dir() / "drafts"
        self._lock = threading.Lock()
        self._opened = threading.Event()
        self._mode: DraftMode | None = None
        self._folder: Path | None = None
        self._fernet: Any = None  # cryptography.fernet.Fernet, imported when opened
        self._memory: dict[str, bytes] = {}
        self._reported: set[str] = set()  # undecryptable files already logged

    @classmethod
    def opened(cls, folder: Path, username: str, key: bytes | None) -> DraftStore:
        """A store opened at once (tests, tools): ``key`` None keeps the drafts in memory."""
        store = cls(folder)
        store.open(username, key)
        return store

    # -- opening ---------------------------------------------------------------------------------

    @property
    def mode(self) -> DraftMode | None:
        """None until opened."""
        return self._mode

    @property
    def folder(self) -> Path | None:
        """The signed-in staff user's folder (None in memory mode or before opening)."""
        return self._folder

    def open_for(self, username: str) -> DraftMode:
        """Open for this staff user with their key from the keyring (made on first use); without a
        secure keyring, in memory. Blocking (the keyring): off the UI thread."""
        return self.open(username, user_key(username))

    def open(self, username: str, key: bytes | None) -> DraftMode:
        """Drafts from now on are this staff user's: encrypted under ``key``, or in memory (None)."""
        with self._lock:
            self._remove_legacy()
            if key is None:
                self._mode, self._folder, self._fernet = DraftMode.MEMORY, None, None
            else:
                from cryptography.fernet import Fernet

                folder = self.root / owner_folder_name(username)
                folder.mkdir(parents=True, exist_ok=True)
                self._mode, self._folder, self._fernet = DraftMode.ENCRYPTED, folder, Fernet(key)
            self._memory, self._reported = {}, set()
            self._opened.set()
            return self._mode

    def _remove_legacy(self) -> None:
        """Plain JSON drafts of earlier versions had no owner: nobody may be offered them. Deleted."""
        if not self.root.is_dir():
            return
        legacy = [*self.root.glob("*.json"), *self.root.glob(".draft-*.tmp")]
        removed = 0
        for path in legacy:
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
        if removed:
            log.info("deleted %d unencrypted draft file(s) of an earlier version (they had no owner)", removed)

    def give_up_waiting(self) -> None:
        """The desk is ending: calls still waiting for :meth:`open` fail now (a later open still works)."""
        self._opened.set()

    def _ready(self) -> None:
        if not self._opened.wait(OPEN_WAIT_S) or self._mode is None:
            raise DraftsNotOpen("the drafts were not opened for a staff user")

    # -- drafts ----------------------------------------------------------------------------------

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"bad draft key {key!r}")
        assert self._folder is not None
        return self._folder / f"{key}{SUFFIX}"

    def save(self, key: str, kind: str, data: dict[str, Any]) -> None:
        if not _KEY.match(key):
            raise ValueError(f"bad draft key {key!r}")
        self._ready()
        payload = json.dumps({"kind": kind, "saved_at": time.time(), "data": data}, ensure_ascii=False)
        if self._mode is DraftMode.MEMORY:
            with self._lock:
                self._memory[key] = payload.encode("utf-8")
            return
        token = self._fernet.encrypt(payload.encode("utf-8"))
        folder = self._path(key).parent
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".draft-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(token)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self._path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def discard(self, key: str) -> None:
        if not _KEY.match(key):
            raise ValueError(f"bad draft key {key!r}")
        self._ready()
        if self._mode is DraftMode.MEMORY:
            with self._lock:
                self._memory.pop(key, None)
            return
        self._path(key).unlink(missing_ok=True)

    def load_all(self, kind: str | None = None) -> list[Draft]:
        self._ready()
        drafts = []
        for key, raw in self._payloads():
            try:
                obj = json.loads(raw.decode("utf-8"))
                draft = Draft(key, str(obj["kind"]), float(obj["saved_at"]), dict(obj["data"]))
            except (ValueError, KeyError, TypeError):
                continue  # an unreadable draft is skipped, never fatal
            if kind is None or draft.kind == kind:
                drafts.append(draft)
        return sorted(drafts, key=lambda d: d.saved_at)

    def _payloads(self) -> list[tuple[str, bytes]]:
        if self._mode is DraftMode.MEMORY:
            with self._lock:
                return list(self._memory.items())
        from cryptography.fernet import InvalidToken

        assert self._folder is not None
        found = []
        for path in sorted(self._folder.glob(f"*{SUFFIX}")):
            try:
                found.append((path.stem, self._fernet.decrypt(path.read_bytes())))
            except OSError:
                continue
            except InvalidToken:
                if path.name not in self._reported:  # once per file and session
                    self._reported.add(path.name)
                    log.warning("a draft file could not be decrypted (another key, or changed on disk): skipped")
        return found
