"""The offer of a contact left unsaved: "Restore unsaved contact from 14:32?" with Restore and Discard.

The banner keeps the offered drafts, newest first, and says when the newest was saved (and how many
more follow). It only offers: :class:`~agentdesk_desktop.logging.interaction_panel.InteractionPanel`
restores or discards what :meth:`DraftRestoreBanner.take_newest` gives it when a button is pressed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QWidget

from agentdesk.drafts import Draft
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.panel_parts import NoticeBanner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text"); the panel's context, as translated


class DraftRestoreBanner(NoticeBanner):
    restore_clicked = Signal()
    discard_clicked = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "restoreDraft")
        self.text.setObjectName("restoreDraftText")
        self.restore_button = self.add_button("restoreDraftButton", self.restore_clicked.emit)
        self.drop_button = self.add_button("discardDraftButton", self.discard_clicked.emit)
        self._offered: list[Draft] = []
        self._retranslate()
        self.hide()

    @property
    def offered(self) -> list[Draft]:
        return list(self._offered)

    def offer(self, drafts: Sequence[Draft]) -> None:
        """Offer these drafts (newest first); none: the banner hides."""
        self._offered = list(drafts)
        self._update_text()

    def take_newest(self) -> Draft | None:
        """The newest offered draft, no longer offered."""
        if not self._offered:
            return None
        draft = self._offered.pop(0)
        self._update_text()
        return draft

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.restore_button.setText(translate("InteractionPanel", "Restore"))
        self.drop_button.setText(translate("InteractionPanel", "Discard"))
        self._update_text()

    def _update_text(self) -> None:
        if not self._offered:
            self.hide()
            return
        when = dt.datetime.fromtimestamp(self._offered[0].saved_at)
        moment = f"{when.hour:02d}:{when.minute:02d}"
        if when.date() != dt.date.today():
            moment = f"{format_day(when.date())} {moment}"
        text = fill(translate("InteractionPanel", "Restore unsaved contact from %1?"), moment)
        if len(self._offered) > 1:
            text += " " + fill(translate("InteractionPanel", "(%1 more after this one)"), len(self._offered) - 1)
        self.text.setText(text)
        self.show()
