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
  resets and :attr:`saved` tells the overview to refresh its timeline.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from agentdesk.customer_overview import CaseView
from agentdesk.drafts import Draft, DraftStore
from agentdesk.interaction_log import InteractionDraft, InteractionInvalid, InteractionLog, SavedInteraction, check
from agentdesk.staff import StaffMember
from agentdesk.storage.models import Channel
from agentdesk.topics import Topic
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.logging.contact_drafts import ContactDrafts, ContactSnapshot
from agentdesk_desktop.logging.contact_form import ContactForm, FormExtras
from agentdesk_desktop.logging.draft_timer import DraftTimer
from agentdesk_desktop.logging.field_messages import interaction_error_text
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.field_rows import ERROR_STYLE
from agentdesk_desktop.widgets.panel_parts import NoticeBanner, clock_label, clock_text, heading_label

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 500
DRAFT_MAX_WAIT_MS = 2000  # steady typing still writes a draft at most this long after the first unsaved key
NEW_CONTACT_KEY = "Ctrl+N"


class InteractionPanel(QWidget):
    saved = Signal(object)  # SavedInteraction
    linked = Signal(int, int)  # interaction id, customer id
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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interactionPanel")
        self._log, self._bg, self._staff = interactions, background, staff
        self._known_topics = {t.code for t in topics}
        self.customer_id, self.customer_name = customer_id, customer_name
        self.drafts = ContactDrafts(drafts, background, self)
        self.drafts.found.connect(self._drafts_found)
        self._key: str | None = None  # draft key of the contact in progress
        self._started_at: dt.datetime | None = None
        self._external_ref = ""  # of the contact in progress (a call's unique id)
        self._clock_base = 0.0  # seconds on the clock before the current run
        self._clock_start = 0.0  # time.monotonic() when the current run began
        self._saving = False
        self._offered: list[Draft] = []
        self._last_unlinked: int | None = None  # a saved contact without a customer
        self._link_target: tuple[int, str] | None = None  # set_link_target(); default: the panel's customer

        self._draft_timer = DraftTimer(DRAFT_DELAY_MS, DRAFT_MAX_WAIT_MS, self)
        self._draft_timer.timeout.connect(self.write_draft)
        self._clock_timer = QTimer(self)
        self._clock_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._tick)

        self.form = ContactForm(topics, self)
        self.form.set_customer(customer_id, customer_name)
        self.form.changed.connect(self._changed)
        self._build()
        self._build_shortcuts()
        self._retranslate()
        self._show_idle()
        self.drafts.look_for(customer_id)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = heading_label(self, "contactTitle")
        self.clock = clock_label(self, "handleTime")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newContact")
        self.new_button.clicked.connect(lambda: self.start_contact())
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.clock)
        top.addSpacing(8)
        top.addWidget(self.new_button)

        banner = NoticeBanner(self, "restoreDraft")
        self.restore_banner, self.restore_text = banner, banner.text
        self.restore_text.setObjectName("restoreDraftText")
        self.restore_button = banner.add_button("restoreDraftButton", self.restore_offered)
        self.drop_button = banner.add_button("discardDraftButton", self.discard_offered)
        self.restore_banner.hide()

        self.pages = QStackedWidget(self)
        idle_page = QWidget(self)
        self.idle = QLabel(idle_page)
        self.idle.setObjectName("noContact")
        self.idle.setWordWrap(True)
        self.idle.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.link_button = QPushButton(idle_page)
        self.link_button.setObjectName("linkToCustomer")
        self.link_button.clicked.connect(self.link_last_contact)
        self.link_button.hide()
        idle_layout = QVBoxLayout(idle_page)
        idle_layout.setContentsMargins(0, 4, 0, 0)
        idle_layout.addWidget(self.idle)
        idle_layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        idle_layout.addStretch(1)
        self.pages.addWidget(idle_page)

        self._form_page = QWidget(self)
        self.save_error = QLabel(self._form_page)
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet(ERROR_STYLE)
        self.save_error.hide()
        self.save_button = QPushButton(self._form_page)
        self.save_button.setObjectName("saveContact")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self._form_page)
        self.cancel_button.setObjectName("cancelContact")
        self.cancel_button.clicked.connect(self.cancel_contact)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        page = QVBoxLayout(self._form_page)
        page.setContentsMargins(0, 4, 0, 0)
        page.addWidget(self.form, 1)
        page.addWidget(self.save_error)
        page.addLayout(buttons)
        self.pages.addWidget(self._form_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.restore_banner)
        layout.addWidget(self.pages, 1)
        self.setTabOrder(self.form.case_due, self.save_button)
        self.setTabOrder(self.save_button, self.cancel_button)

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
        self.title.setText(self.tr("Log a contact"))
        self.new_button.setText(self.tr("New contact"))
        self.new_button.setToolTip(self.tr("Start logging a new contact (Ctrl+N)"))
        self.clock.setToolTip(self.tr("Handle time of the contact in progress (minutes:seconds)"))
        self.restore_button.setText(self.tr("Restore"))
        self.drop_button.setText(self.tr("Discard"))
        self.save_button.setText(self.tr("Save contact"))
        self.save_button.setToolTip(self.tr("Save the contact (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_link_text()
        self._update_idle_text()
        self._update_restore_text()

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

    def _update_idle_text(self, saved: bool = False) -> None:
        if saved:
            self.idle.setText(self.tr("Contact saved. Press Ctrl+N to log the next one."))
        else:
            self.idle.setText(
                self.tr(
                    "No contact in progress. Press Ctrl+N or “New contact” to log a phone "
                    "call, an e-mail, a walk-in visit or a web contact."
                )
            )

    # -- what the overview tells the panel --------------------------------------------------------

    def set_departments(self, departments: Sequence[tuple[int, str, str]]) -> None:
        self.form.set_departments(departments)

    def set_open_cases(self, cases: Sequence[CaseView]) -> None:
        self.form.set_open_cases(cases)

    def set_customer(self, customer_id: int | None, name: str = "") -> None:
        changed = customer_id != self.customer_id
        self.customer_id, self.customer_name = customer_id, name
        self.form.set_customer(customer_id, name)
        self._update_link_text()
        if changed:
            self.drafts.look_for(customer_id, except_key=self._key)

    # -- starting, the clock ------------------------------------------------------------------

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

    def _begin(self, clock_seconds: float) -> None:
        self.save_error.hide()
        self.pages.setCurrentWidget(self._form_page)
        self._clock_base = clock_seconds
        self._clock_start = time.monotonic()
        self._clock_timer.start()
        self.clock.setEnabled(True)
        self._tick()

    def elapsed(self) -> float:
        if not self._clock_timer.isActive():
            return self._clock_base
        return self._clock_base + time.monotonic() - self._clock_start

    @Slot()
    def _tick(self) -> None:
        # A tick a few milliseconds early must still show the next second.
        self.clock.setText(clock_text(self.elapsed() + 0.1))

    def _show_idle(self, saved: bool = False) -> None:
        self._clock_timer.stop()
        self._clock_base = 0.0
        self.clock.setText("00:00")
        self.clock.setEnabled(False)
        self.pages.setCurrentIndex(0)
        self._update_idle_text(saved)

    # -- drafts ------------------------------------------------------------------------------------

    def snapshot(self) -> ContactSnapshot:
        assert self._started_at is not None
        return ContactSnapshot(
            self.customer_id, self._form_draft(), self.form.extras(), int(self.elapsed()), self.customer_name
        )

    def _form_draft(self) -> InteractionDraft:
        return replace(self.form.draft(self._started_at), external_ref=self._external_ref)

    @Slot()
    def _changed(self) -> None:
        if self.in_progress:
            self._draft_timer.start()

    @Slot()
    def write_draft(self) -> None:
        """Save what is typed now as the draft (normally half a second after the last change)."""
        self._draft_timer.stop()
        if self.in_progress:
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
        self._offered = [d for d in drafts if d.key != self._key]
        self._update_restore_text()
        if self._offered:
            events.emit("contact.draft_offered", count=len(self._offered))

    def _update_restore_text(self) -> None:
        if not self._offered:
            self.restore_banner.hide()
            return
        when = dt.datetime.fromtimestamp(self._offered[0].saved_at)
        moment = f"{when.hour:02d}:{when.minute:02d}"
        if when.date() != dt.date.today():
            moment = f"{format_day(when.date())} {moment}"
        text = fill(self.tr("Restore unsaved contact from %1?"), moment)
        if len(self._offered) > 1:
            text += " " + fill(self.tr("(%1 more after this one)"), len(self._offered) - 1)
        self.restore_text.setText(text)
        self.restore_banner.show()

    @Slot()
    def restore_offered(self) -> None:
        """Put the newest offered draft back into the form and carry on with it."""
        if not self._offered:
            return
        if self.in_progress:
            self.save_error.setText(self.tr("Save or cancel the contact in progress before restoring another."))
            self.save_error.show()
            return
        draft = self._offered.pop(0)
        try:
            snapshot = ContactSnapshot.from_json(draft.data)
        except (KeyError, ValueError, TypeError):
            log.info("contact draft %s unreadable; discarding it", draft.key)
            self.drafts.discard(draft.key)
            self._update_restore_text()
            return
        self._key = draft.key
        self._started_at, self._external_ref = snapshot.contact.started_at, snapshot.contact.external_ref
        self.form.fill(snapshot.contact, snapshot.extras)
        self._begin(float(snapshot.handle_seconds))
        self._update_restore_text()
        self.form.notes.setFocus()
        self.form.notes.moveCursor(self.form.notes.textCursor().MoveOperation.End)
        events.emit("contact.draft_restored")
        self.state_changed.emit()

    @Slot()
    def discard_offered(self) -> None:
        if self._offered:
            self.drafts.discard(self._offered.pop(0).key)
            self._update_restore_text()

    # -- saving --------------------------------------------------------------------------------

    def _save_from_key(self) -> None:
        if self.in_progress:
            self.save()

    @Slot()
    def save(self) -> None:
        if not self.in_progress or self._saving:
            return
        draft = self._form_draft()
        errors = check(draft, known_topics=self._known_topics or None)
        if errors:
            self._show_errors(errors)
            self.write_draft()
            return
        self.form.clear_errors()
        self.save_error.hide()
        self._saving = True
        self.save_button.setEnabled(False)
        key = self._key
        job = partial(self._log.save, draft, agent_id=self._staff.id, actor=self._staff.username)
        self._bg.write(job, owner=self).on_success(lambda saved: self._saved(key, saved)).on_failure(self._save_failed)

    def _saved(self, key: str, saved: SavedInteraction) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._draft_timer.stop()
        self.drafts.discard(key)
        seconds = int(self.elapsed())
        self._key, self._started_at = None, None
        self.form.fill(
            InteractionDraft(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC), customer_id=self.customer_id)
        )
        self._show_idle(saved=True)
        self._last_unlinked = saved.id if saved.customer_id is None else None
        self._update_link_text()
        events.emit("contact.saved", id=saved.id, seconds=seconds)
        self.saved.emit(saved)
        self.state_changed.emit()
        self.new_button.setFocus()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
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
        if not self.in_progress:
            return
        self._draft_timer.stop()
        self.drafts.discard(self._key)
        self._key, self._started_at = None, None
        self.form.fill(
            InteractionDraft(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC), customer_id=self.customer_id)
        )
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
