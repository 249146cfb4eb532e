"""Contact drafts on the workstation's disk, written off the UI thread and in order.

A draft is the :class:`InteractionDraft` as JSON plus what the form needs to come back exactly as
typed (:class:`ContactSnapshot`). :class:`ContactDrafts` writes one file at a time on the
background helper's read pool (draft files never wait behind database writes); a newer save of the
same draft replaces an older one still queued, and a discard always lands after the saves before it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from agentdesk.drafts import Draft, DraftStore
from agentdesk.interaction_log import InteractionDraft
from agentdesk_desktop.background import Background
from agentdesk_desktop.logging.contact_form import FormExtras

log = logging.getLogger(__name__)

DRAFT_KIND = "interaction"


@dataclass(frozen=True, slots=True)
class ContactSnapshot:
    """One contact in progress as the draft file keeps it."""

    panel_customer_id: int | None  # the customer whose panel wrote it (None: an unidentified-caller panel)
    contact: InteractionDraft
    extras: FormExtras
    handle_seconds: int
    customer_name: str = ""  # to say whose contact it is when the desk starts again

    def to_json(self) -> dict[str, Any]:
        return {
            "panel_customer_id": self.panel_customer_id,
            "customer_name": self.customer_name,
            "contact": self.contact.to_json(),
            "unidentified": self.extras.unidentified,
            "topic_text": self.extras.topic_text,
            "case_title": self.extras.case_title,
            "handle_seconds": self.handle_seconds,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ContactSnapshot:
        contact = InteractionDraft.from_json(data["contact"])
        return cls(
            panel_customer_id=data.get("panel_customer_id", contact.customer_id),
            contact=contact,
            extras=FormExtras(
                bool(data.get("unidentified", contact.customer_id is None)),
                str(data.get("topic_text", "")),
                str(data.get("case_title", "")),
            ),
            handle_seconds=int(data.get("handle_seconds", 0)),
            customer_name=str(data.get("customer_name", "")),
        )


def panel_customer(draft: Draft) -> int | None:
    data = draft.data
    if "panel_customer_id" in data:
        customer_id = data["panel_customer_id"]
    else:  # a draft written before the panel's customer was stored with it
        contact = data.get("contact")
        customer_id = contact.get("customer_id") if isinstance(contact, dict) else None
    return customer_id if isinstance(customer_id, int) else None


class ContactDrafts(QObject):
    written = Signal(str)  # draft key, after the file was written
    found = Signal(object, object)  # customer id (or None), list[Draft] of that panel, newest first

    def __init__(self, store: DraftStore, background: Background, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self._bg = store, background
        self._jobs: list[tuple[str, str, Callable[[], object]]] = []  # (key, "save" | "discard", job)
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def save(self, key: str, snapshot: ContactSnapshot) -> None:
        self._jobs = [j for j in self._jobs if not (j[0] == key and j[1] == "save")]
        self._queue(key, "save", partial(self.store.save, key, DRAFT_KIND, snapshot.to_json()))

    def discard(self, key: str) -> None:
        self._queue(key, "discard", partial(self.store.discard, key))

    def _queue(self, key: str, what: str, job: Callable[[], object]) -> None:
        self._jobs.append((key, what, job))
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if not self._jobs:
            self._busy = False
            return
        if self._bg.closed:  # the desk is closing: the helper takes no more work
            log.info("%d contact draft change(s) not written: the desk closed", len(self._jobs))
            self._jobs, self._busy = [], False
            return
        self._busy = True
        key, what, job = self._jobs.pop(0)
        self._bg.read(job, owner=self).on_success(lambda _none: self._done(key, what, None)).on_failure(
            lambda exc: self._done(key, what, exc)
        )

    def _done(self, key: str, what: str, exc: BaseException | None) -> None:
        if exc is not None:
            # The contact is still on screen; the next change writes it again.
            log.error("could not %s the contact draft: %s", what, type(exc).__name__)
        elif what == "save":
            self.written.emit(key)
        self._next()

    def look_for(self, customer_id: int | None, *, except_key: str | None = None) -> None:
        """Find the drafts left by a panel of this customer; :attr:`found` brings them."""
        if self._bg.closed:
            return
        self._bg.read(self.store.load_all, DRAFT_KIND, owner=self).on_success(
            lambda drafts: self.found.emit(
                customer_id,
                sorted(
                    (d for d in drafts if d.key != except_key and panel_customer(d) == customer_id),
                    key=lambda d: d.saved_at,
                    reverse=True,
                ),
            )
        ).on_failure(lambda exc: log.info("contact drafts unreadable: %s", type(exc).__name__))
