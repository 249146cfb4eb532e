"""Closing the desk (Ctrl+Q, File ▸ Quit, the window's close button) with a contact in progress asks first.

The question is window-modal and does not block the event loop: **Save** saves every contact in
progress and closes once they are saved (or, with the database unreachable, written to the offline
outbox) and their drafts are gone; a contact that cannot be saved (a field message, another error)
keeps the window open at that contact, as typed. **Discard**
drops them and their drafts, then closes. **Cancel** (Esc) leaves everything as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

from agentdesk_desktop import events
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.logging.contact_drafts import ContactDrafts
from agentdesk_desktop.logging.contact_outbox import ContactOutbox
from agentdesk_desktop.logging.interaction_panel import InteractionPanel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class UnsavedContactsGuard(QObject):
    """:meth:`may_close` is the main window's ``close_guard``; ``tabs`` are its customer tabs."""

    def __init__(self, window: QMainWindow, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.window, self.tabs = window, tabs
        self.box: QMessageBox | None = None  # the question, while it is shown
        self._may_close = False
        self._saving: list[InteractionPanel] = []

    def unsaved(self) -> list[InteractionPanel]:
        """The contact panels of the window with a contact in progress."""
        return [p for p in self.window.findChildren(InteractionPanel) if p.in_progress]

    def may_close(self) -> bool:
        if self._may_close:
            return True
        if self.box is not None or self._saving:  # already asking, or saving what the agent chose to
            return False
        panels = self.unsaved()
        if not panels:
            return True
        self._ask(panels)
        return False

    def _ask(self, panels: list[InteractionPanel]) -> None:
        count = len(panels)
        text = (
            translate("UnsavedContacts", "A contact is not saved yet.")
            if count == 1
            else fill(translate("UnsavedContacts", "%1 contacts are not saved yet."), count)
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("UnsavedContacts", "Unsaved contacts"),
            text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("unsavedContactsOnQuit")
        box.setInformativeText(translate("UnsavedContacts", "Save before closing AgentDesk?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._chosen(box))
        self.box = box
        box.open()
        events.emit("quit.asked", unsaved=count)

    def _chosen(self, box: QMessageBox) -> None:
        self.box = None
        button = box.standardButton(box.clickedButton()) if box.clickedButton() is not None else None
        if button == QMessageBox.StandardButton.Save:
            events.emit("quit.save")
            self._save_all()
        elif button == QMessageBox.StandardButton.Discard:
            events.emit("quit.discard")
            for panel in self.unsaved():
                panel.cancel_contact()
            self._close_when_settled()
        else:
            events.emit("quit.cancelled")  # everything stays as it was

    # -- save, then close ------------------------------------------------------------------------

    def _save_all(self) -> None:
        panels = self.unsaved()
        self._saving = list(panels)
        for panel in panels:
            panel.saved.connect(self._one_saved)
            panel.queued.connect(self._one_saved)  # the database is unreachable: it waits in the outbox
            panel.save_failed.connect(self._one_failed)
        for panel in panels:
            if panel in self._saving:  # a failure before it stops the rest
                panel.save()

    def _stop_listening(self) -> None:
        for panel in self._saving:
            panel.saved.disconnect(self._one_saved)
            panel.queued.disconnect(self._one_saved)
            panel.save_failed.disconnect(self._one_failed)
        self._saving = []

    def _one_saved(self, _saved: object) -> None:
        panel = self.sender()
        if isinstance(panel, InteractionPanel) and panel in self._saving:
            panel.saved.disconnect(self._one_saved)
            panel.queued.disconnect(self._one_saved)
            panel.save_failed.disconnect(self._one_failed)
            self._saving.remove(panel)
        if not self._saving:
            self._close_when_settled()

    def _one_failed(self) -> None:
        """Not saved: the window stays open at that contact, with its message."""
        panel = self.sender()
        self._stop_listening()
        if isinstance(panel, InteractionPanel):
            self._show(panel)
        events.emit("quit.not_saved")

    def _show(self, panel: InteractionPanel) -> None:
        tabs = self.tabs
        widget: QWidget | None = panel
        while widget is not None and tabs.indexOf(widget) < 0:
            widget = widget.parentWidget()
        if widget is not None:
            tabs.setCurrentWidget(widget)
        panel.setFocus()

    def _close_when_settled(self) -> None:
        """Close once every panel's draft writes have landed (a discard left queued would leave the
        draft behind, to be offered again at the next start) and every contact handed to the offline
        outbox is on the disk."""
        panels = self.window.findChildren(InteractionPanel)
        storing = [p.outbox for p in panels if p.outbox is not None and p.outbox.storing]
        if storing:
            outbox = storing[0]
            assert outbox is not None  # filtered above
            outbox.settled.connect(self._outbox_settled_once)
            return
        busy = [p for p in panels if p.drafts.busy]
        if busy:
            busy[0].drafts.settled.connect(self._settled_once)
            return
        self._may_close = True
        self.window.close()

    def _outbox_settled_once(self) -> None:
        outbox = self.sender()
        if isinstance(outbox, ContactOutbox):
            outbox.settled.disconnect(self._outbox_settled_once)
        self._close_when_settled()

    def _settled_once(self) -> None:
        drafts = self.sender()
        if isinstance(drafts, ContactDrafts):
            drafts.settled.disconnect(self._settled_once)
        self._close_when_settled()
