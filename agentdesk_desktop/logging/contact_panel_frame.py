"""What the contact logging panel shows, without what it does: the heading, the handle-time clock,
New contact, the offer of an unsaved contact, the idle page (with "Link the last contact to …") and
the form page with Save and Cancel.

:class:`~agentdesk_desktop.logging.interaction_panel.InteractionPanel` is this frame with its
behaviour (starting, drafts, saving, linking); it connects the buttons. The texts keep the panel's
translation context ("InteractionPanel").
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from agentdesk.topics import Topic
from agentdesk_desktop.logging.contact_form import ContactForm
from agentdesk_desktop.logging.draft_restore_banner import DraftRestoreBanner
from agentdesk_desktop.widgets.field_rows import ERROR_STYLE
from agentdesk_desktop.widgets.panel_parts import clock_label, clock_text, heading_label

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class ContactPanelFrame(QWidget):
    def __init__(self, topics: Sequence[Topic], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock_base = 0.0  # seconds on the clock before the current run
        self._clock_start = 0.0  # time.monotonic() when the current run began
        self._clock_timer = QTimer(self)
        self._clock_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._tick)
        self.form = ContactForm(topics, self)
        self._build()

    def _build(self) -> None:
        self.title = heading_label(self, "contactTitle")
        self.clock = clock_label(self, "handleTime")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newContact")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.clock)
        top.addSpacing(8)
        top.addWidget(self.new_button)

        banner = DraftRestoreBanner(self)
        self.restore_banner, self.restore_text = banner, banner.text
        self.restore_button, self.drop_button = banner.restore_button, banner.drop_button

        self.pages = QStackedWidget(self)
        idle_page = QWidget(self)
        self.idle = QLabel(idle_page)
        self.idle.setObjectName("noContact")
        self.idle.setWordWrap(True)
        self.idle.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.link_button = QPushButton(idle_page)
        self.link_button.setObjectName("linkToCustomer")
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
        self.cancel_button = QPushButton(self._form_page)
        self.cancel_button.setObjectName("cancelContact")
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
        self._layout = layout
        self.setTabOrder(self.form.case_due, self.save_button)
        self.setTabOrder(self.save_button, self.cancel_button)

    def add_side_pane(self, pane: QWidget) -> None:
        """A pane beside the form (the scripts and articles of the chosen topic), below the pages."""
        pane.setParent(self)
        self._layout.addWidget(pane, 1)

    # -- texts ---------------------------------------------------------------------------------

    def _retranslate_frame(self) -> None:
        self.title.setText(translate("InteractionPanel", "Log a contact"))
        self.new_button.setText(translate("InteractionPanel", "New contact"))
        self.new_button.setToolTip(translate("InteractionPanel", "Start logging a new contact (Ctrl+N)"))
        self.clock.setToolTip(translate("InteractionPanel", "Handle time of the contact in progress (minutes:seconds)"))
        self.save_button.setText(translate("InteractionPanel", "Save contact"))
        self.save_button.setToolTip(translate("InteractionPanel", "Save the contact (Ctrl+Enter)"))
        self.cancel_button.setText(translate("InteractionPanel", "Cancel"))

    def _update_idle_text(self, saved: bool = False) -> None:
        if saved:
            self.idle.setText(translate("InteractionPanel", "Contact saved. Press Ctrl+N to log the next one."))
        else:
            self.idle.setText(
                translate(
                    "InteractionPanel",
                    "No contact in progress. Press Ctrl+N or “New contact” to log a phone "
                    "call, an e-mail, a walk-in visit or a web contact.",
                )
            )

    # -- the pages and the clock ---------------------------------------------------------------

    def _begin(self, clock_seconds: float) -> None:
        """The form page, with the clock running from ``clock_seconds``."""
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

    def _show_queued(self) -> None:
        """The idle page, saying that the contact waits in the offline outbox."""
        self._show_idle()
        self.idle.setText(
            translate(
                "InteractionPanel",
                "The database cannot be reached. The contact is kept on this computer and saved "
                "automatically when the connection returns. Press Ctrl+N to log the next one.",
            )
        )
