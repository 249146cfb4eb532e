"""Logging a contact: the panel an agent fills in while talking to a customer.

- **New contact** (Ctrl+N) starts a contact for the panel's customer, or for an unidentified caller
  when the panel has no customer or "Caller not identified" is ticked. A saved unidentified contact
  can be linked to the customer afterwards (:meth:`InteractionLog.link_customer`).
- A handle-time clock (mm:ss) runs from the start of the contact.
- Everything typed is saved as a draft half a second after the last change, and at least every two
  seconds while typing goes on (:class:`~agentdesk_desktop.logging.draft_timer.DraftTimer`), off the UI thread
  (:class:`~agentdesk_desktop.logging.contact_drafts.ContactDrafts`). A panel for the same customer — after a
  crash, the next time the desk starts — offers it back ("Restore unsaved contact from 14:32?").
- **Save** (Ctrl+Enter) checks the fields first; every message appears under its field and the
  typed text stays. The save runs on the background writer; then the draft is removed, the panel
  resets and :attr:`saved` tells the overview to refresh its timeline. Every save carries the
  contact's idempotency key (:func:`agentdesk.outbox.contact_uuid` of its draft key).
- When the database cannot be reached, does not answer within
  :data:`~agentdesk_desktop.logging.offline_save.SLOW_SAVE_MS`, or contacts are already waiting (which
  keeps the order), the contact goes to the desk's offline outbox
  (:class:`~agentdesk_desktop.logging.offline_save.OfflineSave`): the panel resets as after a
  save and says that the contact waits and is sent automatically.

What the panel shows is :class:`~agentdesk_desktop.logging.contact_panel_frame.ContactPanelFrame` (with the
handle-time clock) and the offer of an unsaved contact
:class:`~agentdesk_desktop.logging.draft_restore_banner.DraftRestoreBanner`; this module is what it does.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from agentdesk.customer_overview import CaseView
from agentdesk.drafts import Draft, DraftStore
from agentdesk.interaction_log import InteractionDraft, InteractionInvalid, InteractionLog, SavedInteraction, check
from agentdesk.outbox import contact_uuid
from agentdesk.staff import StaffMember
from agentdesk.storage.models import Channel
from agentdesk.topics import Topic
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.logging.contact_drafts import ContactDrafts, ContactSnapshot
from agentdesk_desktop.logging.contact_form import FormExtras
from agentdesk_desktop.logging.contact_outbox import ContactOutbox
from agentdesk_desktop.logging.contact_panel_frame import ContactPanelFrame
from agentdesk_desktop.logging.draft_timer import DraftTimer
from agentdesk_desktop.logging.field_messages import interaction_error_text
from agentdesk_desktop.logging.offline_save import SLOW_SAVE_MS, OfflineSave

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 500
DRAFT_MAX_WAIT_MS = 2000  # steady typing still writes a draft at most this long after the first unsaved key
NEW_CONTACT_KEY = "Ctrl+N"


class InteractionPanel(ContactPanelFrame):
    saved = Signal(object)  # SavedInteraction
    save_failed = Signal()  # a save was refused (field messages) or failed; the contact stays as typed
    linked = Signal(int, int)  # interaction id, customer id
    queued = Signal(str)  # the database could not be reached: the contact waits in the outbox (its key)
    state_changed = Signal()  # a contact started, was saved, cancelled, restored or linked

    def __init__(
        self,
        interactions: InteractionLog,
        background: Background,
        drafts: DraftStore,
        staff: StaffMember,
        topics: Sequence[Topic],
        *,
        customer_id: int | None = None,
        customer_name: str = "",
        new_case_due: Callable[[dt.date], dt.date] | None = None,
        outbox: ContactOutbox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``outbox``: where a contact goes when the database cannot be reached (None: the save fails
        with a message and the contact stays in the form)."""
        super().__init__(topics, parent)
        self.setObjectName("interactionPanel")
        if new_case_due is not None:  # the department's deadline in working days
            self.form.new_case_due = new_case_due
        self._log, self._bg, self._staff = interactions, background, staff
        self._known_topics = {t.code for t in topics}
        self.customer_id, self.customer_name = customer_id, customer_name
        self.drafts = ContactDrafts(drafts, background, self)
        self.drafts.found.connect(self._drafts_found)
        self._key: str | None = None  # draft key of the contact in progress
        self._started_at: dt.datetime | None = None
        self._external_ref = ""  # of the contact in progress (a call's unique id)
        self._saving = False
        self._offline = OfflineSave(outbox, staff, self.drafts, self)  # the outbox, a save without an answer
        self._offline.slow.connect(self._save_slow)
        self.slow_save_ms = SLOW_SAVE_MS
        self._last_unlinked: int | None = None  # a saved contact without a customer
        self._link_target: tuple[int, str] | None = None  # set_link_target(); default: the panel's customer
        # What the desk adds (CustomerDesk.assist_panel): quick texts in the notes, the knowledge pane.
        self.quick_texts: QObject | None = None
        self.knowledge_pane: QWidget | None = None

        self._draft_timer = DraftTimer(DRAFT_DELAY_MS, DRAFT_MAX_WAIT_MS, self)
        self._draft_timer.timeout.connect(self.write_draft)

        self.form.set_customer(customer_id, customer_name)
        self.form.changed.connect(self._changed)
        self.new_button.clicked.connect(lambda: self.start_contact())
        self.restore_banner.restore_clicked.connect(self.restore_offered)
        self.restore_banner.discard_clicked.connect(self.discard_offered)
        self.link_button.clicked.connect(self.link_last_contact)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel_contact)
        self._build_shortcuts()
        self._retranslate()
        self._show_idle()
        self.drafts.look_for(customer_id)

    def _build_shortcuts(self) -> None:
        # Ctrl+N anywhere in the window while the panel is visible (its customer tab is current).
        self.new_shortcut = QShortcut(QKeySequence(NEW_CONTACT_KEY), self, self._new_from_key)
        self.new_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.save_shortcuts = []
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self, self._save_from_key)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.save_shortcuts.append(shortcut)

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._retranslate_frame()
        self._update_link_text()
        self._update_idle_text()

    def link_target(self) -> tuple[int, str] | None:
        """(customer id, name) a saved unidentified contact can be linked to."""
        if self._link_target is not None:
            return self._link_target
        return (self.customer_id, self.customer_name) if self.customer_id is not None else None

    def set_link_target(self, customer_id: int | None, name: str = "") -> None:
        """For a panel without a customer: the customer found later (the current customer tab)."""
        self._link_target = (customer_id, name) if customer_id is not None else None
        self._update_link_text()

    @property
    def link_pending(self) -> bool:
        """A contact was saved without a customer and has not been linked yet."""
        return self._last_unlinked is not None

    def _update_link_text(self) -> None:
        target = self.link_target()
        name = target[1] if target else ""
        self.link_button.setText(
            fill(self.tr("Link the last contact to %1"), name)
            if name
            else self.tr("Link the last contact to this customer")
        )
        self.link_button.setVisible(self._last_unlinked is not None and target is not None)

    # -- what the overview tells the panel --------------------------------------------------------

    def set_departments(self, departments: Sequence[tuple[int, str, str]]) -> None:
        self.form.set_departments(departments)

    def set_open_cases(self, cases: Sequence[CaseView]) -> None:
        self.form.set_open_cases(cases)

    def link_case(self, case: CaseView) -> bool:
        """Link the contact in progress to ``case`` (filed for it elsewhere during the contact): it is
        saved with the contact. False when no contact is in progress."""
        if not self.in_progress:
            return False
        self.form.link_new_case(case)
        return True

    def set_customer(self, customer_id: int | None, name: str = "") -> None:
        changed = customer_id != self.customer_id
        self.customer_id, self.customer_name = customer_id, name
        self.form.set_customer(customer_id, name)
        self._update_link_text()
        if changed:
            self.drafts.look_for(customer_id, except_key=self._key)

    # -- starting, the clock ------------------------------------------------------------------

    @property
    def outbox(self) -> ContactOutbox | None:
        return self._offline.outbox

    @property
    def in_progress(self) -> bool:
        return self._key is not None

    def _new_from_key(self) -> None:
        if self.in_progress:
            self.form.topic.setFocus()
        else:
            self.start_contact()

    def start_contact(self, channel: Channel = Channel.PHONE) -> None:
        """Begin a new contact now (a contact already in progress stays as it is)."""
        self.start_contact_from(InteractionDraft(channel=channel, started_at=dt.datetime.now(dt.UTC)))

    def start_contact_from(self, draft: InteractionDraft) -> bool:
        """Begin a contact with the channel, start time and external reference of ``draft`` (a call
        from the screen pop carries its unique id); False when a contact is already in progress."""
        if self.in_progress:
            self.form.topic.setFocus()
            return False
        self._key = f"contact-{uuid.uuid4().hex[:16]}"
        self._started_at, self._external_ref = draft.started_at, draft.external_ref
        self.form.fill(
            InteractionDraft(channel=draft.channel, started_at=self._started_at, customer_id=self.customer_id),
            FormExtras(self.customer_id is None, "", ""),
        )
        self._begin(max(0.0, (dt.datetime.now(dt.UTC) - draft.started_at).total_seconds()))
        self._last_unlinked = None
        self.link_button.hide()
        self.form.topic.setFocus()
        events.emit("contact.started", channel=draft.channel.value)
        self.state_changed.emit()
        return True

    # -- drafts ------------------------------------------------------------------------------------

    def snapshot(self) -> ContactSnapshot:
        return ContactSnapshot(
            self.customer_id, self._form_draft(), self.form.extras(), int(self.elapsed()), self.customer_name
        )

    def _form_draft(self) -> InteractionDraft:
        started_at = self._started_at
        assert started_at is not None  # a contact is in progress
        return replace(self.form.draft(started_at), external_ref=self._external_ref)

    @Slot()
    def _changed(self) -> None:
        if self.in_progress:
            self._draft_timer.start()

    @Slot()
    def write_draft(self) -> None:
        """Save what is typed now as the draft (normally half a second after the last change)."""
        self._draft_timer.stop()
        if self._key is not None:  # a contact is in progress
            self.drafts.save(self._key, self.snapshot())

    def flush(self) -> None:
        """Write a pending draft now (the tab is hidden or closed, the desk quits)."""
        if self._draft_timer.isActive():
            self.write_draft()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    @property
    def drafts_pending(self) -> bool:
        return self._draft_timer.isActive() or self.drafts.busy

    def _drafts_found(self, customer_id: int | None, drafts: list[Draft]) -> None:
        if customer_id != self.customer_id:
            return
        offered = [d for d in drafts if d.key != self._key]
        self.restore_banner.offer(offered)
        if offered:
            events.emit("contact.draft_offered", count=len(offered))

    @Slot()
    def restore_offered(self) -> None:
        """Put the newest offered draft back into the form and carry on with it."""
        if not self.restore_banner.offered:
            return
        if self.in_progress:
            self.save_error.setText(self.tr("Save or cancel the contact in progress before restoring another."))
            self.save_error.show()
            return
        draft = self.restore_banner.take_newest()
        assert draft is not None  # offered, just checked
        try:
            snapshot = ContactSnapshot.from_json(draft.data)
        except (KeyError, ValueError, TypeError):
            log.info("contact draft %s unreadable; discarding it", draft.key)
            self.drafts.discard(draft.key)
            return
        self._key = draft.key
        self._started_at, self._external_ref = snapshot.contact.started_at, snapshot.contact.external_ref
        self.form.fill(snapshot.contact, snapshot.extras)
        self._begin(float(snapshot.handle_seconds))
        self.form.notes.setFocus()
        self.form.notes.moveCursor(self.form.notes.textCursor().MoveOperation.End)
        events.emit("contact.draft_restored")
        self.state_changed.emit()

    @Slot()
    def discard_offered(self) -> None:
        draft = self.restore_banner.take_newest()
        if draft is not None:
            self.drafts.discard(draft.key)

    # -- saving --------------------------------------------------------------------------------

    def _save_from_key(self) -> None:
        if self.in_progress:
            self.save()

    @Slot()
    def save(self) -> None:
        key = self._key
        if key is None or self._saving:  # no contact in progress, or it is being saved
            return
        draft = self._form_draft()
        errors = check(draft, known_topics=self._known_topics or None)
        if errors:
            self._show_errors(errors)
            self.write_draft()
            self.save_failed.emit()
            return
        self.form.clear_errors()
        self.save_error.hide()
        ended_at = dt.datetime.now(dt.UTC)
        if self._offline.waiting:  # offline: behind the contacts that wait
            self._queue(key, draft, ended_at)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._offline.watch(key, draft, ended_at, self.slow_save_ms)
        job = partial(
            self._log.save,
            draft,
            agent_id=self._staff.id,
            actor=self._staff.username,
            ended_at=ended_at,
            client_uuid=contact_uuid(key),
        )
        self._bg.write(job, owner=self).on_success(lambda saved: self._saved(key, saved)).on_failure(
            lambda exc: self._save_failed(exc, key, draft, ended_at)
        )

    @Slot(str, object, object)
    def _save_slow(self, key: str, draft: InteractionDraft, ended_at: dt.datetime) -> None:
        """No answer yet: the contact waits in the outbox (sent behind this save, on the same writer;
        if this save lands after all, the outbox finds it stored by its key)."""
        if self._saving and self._key == key:
            self._saving = False
            self.save_button.setEnabled(True)
            self._queue(key, draft, ended_at)

    def _saved(self, key: str, saved: SavedInteraction) -> None:
        if self._key != key:  # it went to the outbox while this save had no answer
            return
        self._offline.answered()
        self._saving = False
        self.save_button.setEnabled(True)
        self._draft_timer.stop()
        self.drafts.discard(key)
        seconds = int(self.elapsed())
        self._reset_form()
        self._show_idle(saved=True)
        self._last_unlinked = saved.id if saved.customer_id is None else None
        self._update_link_text()
        events.emit("contact.saved", id=saved.id, seconds=seconds)
        self.saved.emit(saved)
        self.state_changed.emit()
        self.new_button.setFocus()

    def _reset_form(self) -> None:
        self._key, self._started_at = None, None
        self.form.fill(
            InteractionDraft(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC), customer_id=self.customer_id)
        )

    def _queue(self, key: str, draft: InteractionDraft, ended_at: dt.datetime) -> None:
        """The contact waits in the outbox; the panel is free for the next one."""
        self._draft_timer.stop()
        entry_key = self._offline.queue(key, draft, ended_at, self.snapshot(), owner=self)
        self._reset_form()
        self._show_queued()
        events.emit("contact.queued", waiting=self._offline.waiting)
        self.queued.emit(entry_key)
        self.state_changed.emit()
        self.new_button.setFocus()

    def _save_failed(self, exc: BaseException, key: str, draft: InteractionDraft, ended_at: dt.datetime) -> None:
        if self._key != key:  # it went to the outbox while this save had no answer: the outbox sends it
            return
        self._offline.answered()
        self._saving = False
        self.save_button.setEnabled(True)
        if self._key == key and self._offline.takes(exc):
            self._queue(key, draft, ended_at)
            return
        self.save_failed.emit()
        if isinstance(exc, InteractionInvalid):
            self._show_errors(exc.errors)
            return
        log.error("saving the contact failed: %s", type(exc).__name__)
        self.save_error.setText(
            self.tr("The contact could not be saved. Nothing you typed is lost; try again in a moment.")
        )
        self.save_error.show()
        self.write_draft()

    def _show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.form.show_errors(errors)
        self.save_error.setText("\n".join(unplaced))
        self.save_error.setVisible(bool(unplaced))
        events.emit("contact.invalid", fields=",".join(sorted(errors)))

    def field_errors(self) -> dict[str, str]:
        return self.form.field_errors()

    @Slot()
    def cancel_contact(self) -> None:
        """Drop the contact in progress and its draft."""
        key = self._key
        if key is None:  # none in progress
            return
        self._draft_timer.stop()
        self.drafts.discard(key)
        self._reset_form()
        self._show_idle()
        events.emit("contact.cancelled")
        self.state_changed.emit()

    # -- an unidentified caller, identified later ------------------------------------------------

    @Slot()
    def link_last_contact(self) -> None:
        interaction_id, target = self._last_unlinked, self.link_target()
        if interaction_id is None or target is None:
            return
        customer_id = target[0]
        self.link_button.setEnabled(False)
        job = partial(self._log.link_customer, interaction_id, customer_id, actor=self._staff.username)
        self._bg.write(job, owner=self).on_success(lambda _none: self._linked(interaction_id, customer_id)).on_failure(
            self._link_failed
        )

    def _linked(self, interaction_id: int, customer_id: int) -> None:
        self._last_unlinked = None
        self.link_button.setEnabled(True)
        self.link_button.hide()
        self.idle.setText(self.tr("The contact is now linked to the customer."))
        events.emit("contact.linked", id=interaction_id)
        self.linked.emit(interaction_id, customer_id)
        self.state_changed.emit()

    def _link_failed(self, exc: BaseException) -> None:
        self.link_button.setEnabled(True)
        message = next(iter(exc.errors.values()), "") if isinstance(exc, InteractionInvalid) else ""
        if not message:
            log.error("linking the contact failed: %s", type(exc).__name__)
        self.idle.setText(
            interaction_error_text("customer", message)
            if message
            else self.tr("Linking the contact failed; try again in a moment.")
        )


if TYPE_CHECKING:  # mypy checks here that the panel keeps the seam the screen pop uses
    from agentdesk_desktop.view_seams import ContactStarter

    _seam: type[ContactStarter] = InteractionPanel
