"""The offline outbox: contacts saved while the shared database could not be reached.

When a save fails because the database is unreachable (:func:`agentdesk.storage.reachability.is_unreachable`),
the desk keeps the contact here and sends it when the database answers again: in the order the
agent saved them, and exactly once. Exactly once comes from the contact's idempotency key
(``client_uuid``, stored with the row in ``interaction.client_uuid``, unique): a save that reached
the database but whose answer was lost is found by its key on the next try
(:meth:`agentdesk.interaction_log.InteractionLog.save`) instead of being written twice. An entry is
removed from the outbox only after the database has the contact.

The outbox is kept like the drafts (:mod:`agentdesk.drafts`, whose encryption it reuses): one
folder per staff user under ``<user data folder>/outbox/``, named by a hash of the username, every
entry a Fernet-encrypted file under that staff user's key from the OS keyring, written atomically.
It survives a crash or a restart of the desk; another staff user on the same workstation neither
sees nor sends it. Without a secure keyring it lives in memory for the session only.

Qt-free and blocking (files, the keyring, the database): the desk calls it off the UI thread.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentdesk import paths
from agentdesk.changes import Changes
from agentdesk.drafts import DraftMode, DraftStore, user_key
from agentdesk.interaction_log import InteractionDraft, InteractionInvalid, InteractionLog, SavedInteraction
from agentdesk.storage.reachability import is_unreachable

log = logging.getLogger(__name__)

KIND = "outbox.contact"
_NAMESPACE = uuid.UUID("5b0c3c9e-4d0e-4f57-9a53-1f3c2a6f0e11")  # of contact idempotency keys
_counter = itertools.count()
_counter_lock = threading.Lock()


def contact_uuid(contact_key: str) -> str:
    """The idempotency key of the contact whose draft key is ``contact_key``: the same for every save
    of that contact (a first try, its retry from the outbox, the draft restored after a crash)."""
    return str(uuid.uuid5(_NAMESPACE, contact_key))


def new_entry_key() -> str:
    """A key that sorts after every key made before it on this workstation (the send order)."""
    with _counter_lock:
        return f"c{time.time_ns():020d}-{next(_counter) % 1_000_000:06d}"


@dataclass(frozen=True, slots=True)
class QueuedContact:
    """One contact waiting in the outbox."""

    key: str  # its file; orders the entries
    client_uuid: str
    draft: InteractionDraft
    agent_id: int | None
    actor: str
    ended_at: dt.datetime  # when the agent pressed Save
    queued_at: float = field(default_factory=time.time)  # epoch seconds
    extra: dict[str, Any] = field(default_factory=dict)  # the desk's own (what the form showed), opaque here

    def to_json(self) -> dict[str, Any]:
        return {
            "client_uuid": self.client_uuid,
            "draft": self.draft.to_json(),
            "agent_id": self.agent_id,
            "actor": self.actor,
            "ended_at": self.ended_at.isoformat(),
            "queued_at": self.queued_at,
            "extra": self.extra,
        }

    @classmethod
    def from_json(cls, key: str, data: dict[str, Any]) -> QueuedContact:
        return cls(
            key=key,
            client_uuid=str(data["client_uuid"]),
            draft=InteractionDraft.from_json(data["draft"]),
            agent_id=data.get("agent_id"),
            actor=str(data["actor"]),
            ended_at=dt.datetime.fromisoformat(data["ended_at"]),
            queued_at=float(data.get("queued_at", 0.0)),
            extra=dict(data.get("extra") or {}),
        )


class Outbox:
    """The signed-in staff user's waiting contacts (see the module). Opened once the user is known."""

    def __init__(self, folder: Path | None = None) -> None:
        self._store = DraftStore(folder or paths.user_data_dir() / "outbox")

    @classmethod
    def opened(cls, folder: Path, username: str, key: bytes | None) -> Outbox:
        outbox = cls(folder)
        outbox.open(username, key)
        return outbox

    @property
    def mode(self) -> DraftMode | None:
        return self._store.mode

    @property
    def folder(self) -> Path | None:
        """The signed-in staff user's outbox folder (None in memory mode or before opening)."""
        return self._store.folder

    def open(self, username: str, key: bytes | None) -> DraftMode:
        """From now on the outbox is this staff user's: encrypted under ``key`` (their drafts key), or
        in memory (None)."""
        return self._store.open(username, key)

    def open_for(self, username: str) -> DraftMode:
        """Open with the staff user's key from the keyring. Blocking: off the UI thread."""
        return self.open(username, user_key(username))

    def give_up_waiting(self) -> None:
        self._store.give_up_waiting()

    def put(self, entry: QueuedContact) -> None:
        """Keep the contact (durably: the file is on the disk when this returns)."""
        self._store.save(entry.key, KIND, entry.to_json())

    def discard(self, key: str) -> None:
        self._store.discard(key)

    def pending(self) -> list[QueuedContact]:
        """The waiting contacts, oldest first (an unreadable entry is logged and left where it is)."""
        entries = []
        for draft in self._store.load_all(KIND):
            try:
                entries.append(QueuedContact.from_json(draft.key, draft.data))
            except (KeyError, ValueError, TypeError):
                log.error("an outbox entry could not be read: kept on disk, not sent")
        return sorted(entries, key=lambda e: e.key)


@dataclass(frozen=True, slots=True)
class SendReport:
    """What one :func:`send_pending` did."""

    sent: tuple[tuple[str, SavedInteraction], ...] = ()  # (entry key, the stored contact)
    rejected: tuple[tuple[QueuedContact, dict[str, str]], ...] = ()  # the database refused it (field → message)
    waiting: tuple[str, ...] = ()  # keys still in the outbox, oldest first
    unreachable: bool = False  # stopped because the database could not be reached
    failed: str = ""  # stopped on another error (its type name)

    @property
    def changes(self) -> Changes:
        """The timelines (and case lists) of the contacts now stored."""
        result = Changes()
        for _key, saved in self.sent:
            if not saved.already_saved:
                result = result | saved.changes
        return result


Rejected = Callable[[QueuedContact, dict[str, str]], None]


def send_pending(outbox: Outbox, interactions: InteractionLog, *, on_rejected: Rejected | None = None) -> SendReport:
    """Send the waiting contacts, oldest first, each in its own transaction, until the database cannot
    be reached. A contact the database refuses (the customer was removed meanwhile, its case moved to
    another customer) is handed to ``on_rejected`` (the desk makes it an unsaved contact again) and
    then removed; a contact already stored (its answer was lost) is removed without a second row."""
    sent: list[tuple[str, SavedInteraction]] = []
    rejected: list[tuple[QueuedContact, dict[str, str]]] = []
    unreachable, failed = False, ""
    entries = outbox.pending()
    done = 0  # the entries sent or rejected: the rest are still waiting
    for entry in entries:
        try:
            saved = interactions.save(
                entry.draft,
                agent_id=entry.agent_id,
                actor=entry.actor,
                ended_at=entry.ended_at,
                client_uuid=entry.client_uuid,
            )
        except InteractionInvalid as exc:
            if on_rejected is not None:
                on_rejected(entry, exc.errors)
            outbox.discard(entry.key)
            rejected.append((entry, exc.errors))
            done += 1
            continue
        except Exception as exc:  # noqa: BLE001 - the entry stays; what went wrong is reported
            if is_unreachable(exc):
                unreachable = True
            else:
                failed = type(exc).__name__
                log.error("sending a waiting contact failed: %s (it stays in the outbox)", failed)
            break
        outbox.discard(entry.key)
        sent.append((entry.key, saved))
        done += 1
    waiting = tuple(e.key for e in entries[done:])
    return SendReport(tuple(sent), tuple(rejected), waiting, unreachable, failed)
