"""The desk's side of the offline outbox (:mod:`agentdesk.outbox`): keeping contacts that could not
reach the database, and sending them when it answers again.

::

    outbox = ContactOutbox(Outbox(), interactions, drafts, background)
    outbox.start()                      # once the staff user's outbox is open: sends what waits
    panel = InteractionPanel(..., outbox=outbox)

A contact panel whose save finds the database unreachable hands the contact to :meth:`queue` and
clears its form; so does every save made while contacts are waiting (a later contact never
overtakes an earlier one). Each entry is written to the encrypted outbox on the background
helper's read pool, one at a time and in order; only then is the contact's draft removed. Sending
runs on the background writer (:func:`agentdesk.outbox.send_pending`): oldest first, each contact
in its own transaction with its idempotency key, so a contact whose answer was lost is not stored
twice. While the database cannot be reached it tries again after 1, 2, 5, 10, 20 and then every 30
seconds (:data:`RETRY_DELAYS_MS`); nothing of it runs on the UI thread.

A contact the database refuses when it is finally sent (the customer was removed meanwhile)
becomes an unsaved contact again (a draft, offered back in the customer's tab) and
:attr:`rejected` says how many.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from agentdesk.drafts import DraftStore
from agentdesk.interaction_log import InteractionLog
from agentdesk.outbox import Outbox, QueuedContact, SendReport, send_pending
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.logging.contact_drafts import DRAFT_KIND

log = logging.getLogger(__name__)

RETRY_DELAYS_MS: tuple[int, ...] = (1_000, 2_000, 5_000, 10_000, 20_000, 30_000)


class ContactOutbox(QObject):
    count_changed = Signal(int)  # contacts waiting now
    sent = Signal(int)  # this many waiting contacts were just stored in the database
    rejected = Signal(int)  # this many were refused by the database and are unsaved contacts again
    settled = Signal()  # every queued entry is on the disk (or kept in memory after a failed write)

    def __init__(
        self,
        outbox: Outbox,
        interactions: InteractionLog,
        drafts: DraftStore,
        background: Background,
        *,
        retry_delays_ms: Sequence[int] = RETRY_DELAYS_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.outbox, self._log, self._drafts, self._bg = outbox, interactions, drafts, background
        self._delays = tuple(retry_delays_ms) or RETRY_DELAYS_MS
        self._keys: list[str] = []  # waiting, oldest first (written or still being written)
        self._puts: list[tuple[QueuedContact, Callable[[], None] | None, QObject | None]] = []
        self._unstored: list[QueuedContact] = []  # writing failed: kept in memory, written again later
        self._putting = False
        self._sending = False
        self._attempt = 0
        self._started = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.send_now)

    # -- what the desk sees ------------------------------------------------------------------------

    @property
    def waiting(self) -> int:
        """Contacts not in the database yet."""
        return len(self._keys)

    @property
    def busy(self) -> bool:
        """Writing an entry or sending right now."""
        return self._putting or self._sending

    @property
    def storing(self) -> bool:
        """An entry is being written to the disk (the desk closes only once it is)."""
        return self._putting

    @property
    def retry_pending(self) -> bool:
        return self._retry.isActive()

    # -- starting ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Look at what waits from an earlier session (a crash, a restart) and send it. The outbox must
        be opened for the staff user (a call made before waits for it on its background thread)."""
        if self._started or self._bg.closed:
            return
        self._started = True
        self._bg.read(self.outbox.pending, owner=self).on_success(self._found).on_failure(
            lambda exc: log.error("the outbox could not be read: %s", type(exc).__name__)
        )

    def _found(self, entries: list[QueuedContact]) -> None:
        known = set(self._keys)
        found = [e.key for e in entries if e.key not in known]
        if found:
            self._keys = sorted([*self._keys, *found])
            events.emit("outbox.found", count=len(found))
            self.count_changed.emit(self.waiting)
        self.send_now()

    # -- keeping a contact -------------------------------------------------------------------------

    def queue(
        self, entry: QueuedContact, *, stored: Callable[[], None] | None = None, owner: QObject | None = None
    ) -> None:
        """Keep ``entry`` (made on the UI thread: its key orders it after every earlier one) and send it
        as soon as the database answers. ``stored`` runs on the UI thread once it is on the disk (the
        panel removes the contact's draft then), unless ``owner`` was deleted meanwhile."""
        self._keys.append(entry.key)
        self._puts.append((entry, stored, owner))
        events.emit("outbox.queued", count=self.waiting)
        self.count_changed.emit(self.waiting)
        if not self._putting:
            self._next_put()

    def _next_put(self) -> None:
        if not self._puts or self._bg.closed:
            self._putting = False
            self.settled.emit()
            if not self._bg.closed:
                self.send_now()
            return
        self._putting = True
        entry, stored, owner = self._puts.pop(0)
        self._bg.read(self.outbox.put, entry, owner=self).on_success(
            lambda _none: self._put_done(entry, stored, owner, None)
        ).on_failure(lambda exc: self._put_done(entry, stored, owner, exc))

    def _put_done(
        self, entry: QueuedContact, stored: Callable[[], None] | None, owner: QObject | None, exc: BaseException | None
    ) -> None:
        if exc is not None:
            # Kept in memory and written again before the next send; the contact's draft stays meanwhile.
            log.error("a waiting contact could not be written to the outbox: %s", type(exc).__name__)
            self._unstored.append(entry)
        elif stored is not None and (owner is None or shiboken6.isValid(owner)):
            stored()
        self._next_put()

    # -- sending -----------------------------------------------------------------------------------

    def send_now(self) -> None:
        """Try to send what waits now (the retry timer calls it; so does a new entry)."""
        if self._sending or self._putting or self._bg.closed or not self._keys:
            return
        self._retry.stop()
        if self._unstored:  # write them first, then send (in order, by key)
            unstored, self._unstored = self._unstored, []
            for entry in unstored:
                self._puts.append((entry, None, None))
            self._next_put()
            return
        self._sending = True
        job = partial(send_pending, self.outbox, self._log, on_rejected=self._back_to_drafts)
        self._bg.write(job, owner=self).on_success(self._reported).on_failure(self._send_failed)

    def _back_to_drafts(self, entry: QueuedContact, _errors: dict[str, str]) -> None:
        """On the writer: a contact the database refused is an unsaved contact again (what the form
        showed), offered back in its customer's tab."""
        snapshot, key = entry.extra.get("snapshot"), entry.extra.get("draft_key")
        if isinstance(snapshot, dict) and isinstance(key, str):
            self._drafts.save(key, DRAFT_KIND, snapshot)

    def _reported(self, report: SendReport) -> None:
        self._sending = False
        done = {key for key, _saved in report.sent} | {entry.key for entry, _errors in report.rejected}
        if done:
            self._keys = [k for k in self._keys if k not in done]
            self.count_changed.emit(self.waiting)
        if report.sent:
            events.emit("outbox.sent", count=len(report.sent), waiting=self.waiting)
            self.sent.emit(len(report.sent))
        if report.rejected:
            events.emit("outbox.rejected", count=len(report.rejected))
            self.rejected.emit(len(report.rejected))
        if report.unreachable or report.failed:
            self._schedule_retry()
        else:
            self._attempt = 0
            self.send_now()  # what was queued while this send ran

    def _send_failed(self, exc: BaseException) -> None:
        self._sending = False
        log.error("sending the outbox failed: %s", type(exc).__name__)
        self._schedule_retry()

    def _schedule_retry(self) -> None:
        if self._bg.closed or not self._keys:
            return
        delay = self._delays[min(self._attempt, len(self._delays) - 1)]
        self._attempt += 1
        self._retry.start(delay)
