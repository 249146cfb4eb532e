"""A contact panel's way into the desk's offline outbox, when the database does not take its save.

The contact panel (:class:`~agentdesk_desktop.logging.interaction_panel.InteractionPanel`) owns one
:class:`OfflineSave`. It says how many contacts already wait (a new one goes behind them, which keeps
the order), whether a failed save is the outbox's to send (the database cannot be reached), watches
the save in progress for an answer within :data:`SLOW_SAVE_MS` (:attr:`OfflineSave.slow` when none
came; the late answer changes nothing) and turns a contact into an outbox entry
(:class:`~agentdesk_desktop.logging.contact_outbox.ContactOutbox`) whose draft is removed once the
entry is on the disk. Without an outbox it never takes a contact: the save fails with a message and
the contact stays in the form.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from agentdesk.interaction_log import InteractionDraft
from agentdesk.outbox import QueuedContact, contact_uuid, new_entry_key
from agentdesk.staff import StaffMember
from agentdesk.storage.reachability import is_unreachable
from agentdesk_desktop.logging.contact_drafts import ContactDrafts, ContactSnapshot
from agentdesk_desktop.logging.contact_outbox import ContactOutbox

SLOW_SAVE_MS = 4000  # a save not answered by then goes to the outbox (its late answer changes nothing)


class OfflineSave(QObject):
    slow = Signal(str, object, object)  # draft key, InteractionDraft, ended_at: the save had no answer in time

    def __init__(
        self, outbox: ContactOutbox | None, staff: StaffMember, drafts: ContactDrafts, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.outbox, self._staff, self._drafts = outbox, staff, drafts
        self._slow_save = QTimer(self)  # a database that does not answer: the contact goes to the outbox
        self._slow_save.setSingleShot(True)
        self._slow_save.timeout.connect(self._save_slow)
        self._unanswered: tuple[str, InteractionDraft, dt.datetime] | None = None  # the save in progress

    @property
    def waiting(self) -> int:
        """Contacts in the outbox, not in the database yet (0 without an outbox)."""
        return self.outbox.waiting if self.outbox is not None else 0

    def takes(self, exc: BaseException) -> bool:
        """A failed save the outbox sends later: the database cannot be reached."""
        return self.outbox is not None and is_unreachable(exc)

    def watch(self, key: str, draft: InteractionDraft, ended_at: dt.datetime, ms: int = SLOW_SAVE_MS) -> None:
        """The save of ``key`` has begun: :attr:`slow` unless :meth:`answered` within ``ms``."""
        if self.outbox is not None:
            self._unanswered = (key, draft, ended_at)
            self._slow_save.start(ms)

    def answered(self) -> None:
        self._slow_save.stop()
        self._unanswered = None

    @Slot()
    def _save_slow(self) -> None:
        unanswered, self._unanswered = self._unanswered, None
        if unanswered is not None:
            self.slow.emit(*unanswered)

    def queue(
        self, key: str, draft: InteractionDraft, ended_at: dt.datetime, snapshot: ContactSnapshot, owner: QObject
    ) -> str:
        """Put the contact of draft ``key`` in the outbox; the key of its entry."""
        outbox = self.outbox
        assert outbox is not None  # only called with an outbox
        entry = QueuedContact(
            key=new_entry_key(),
            client_uuid=contact_uuid(key),
            draft=draft,
            agent_id=self._staff.id,
            actor=self._staff.username,
            ended_at=ended_at,
            extra={"draft_key": key, "snapshot": snapshot.to_json()},
        )
        # The draft goes once the entry is on the disk (until then it is the contact's safety net;
        # were both left by a crash, saving the restored draft finds the stored contact by its key).
        outbox.queue(entry, stored=partial(self._drafts.discard, key), owner=owner)
        return entry.key
