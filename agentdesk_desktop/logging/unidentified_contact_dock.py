"""Logging a contact before anyone is identified: a dock at the side of the main window.

With no customer tab open, the dock shows a contact panel without a customer (Ctrl+N starts a
contact there). A contact saved without a customer can be linked afterwards to the customer found
later: the dock stays while that link is pending and offers the current customer tab's customer.
Once a customer tab is open and nothing is pending here, the dock steps aside and Ctrl+N belongs
to the customer tab's own panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from agentdesk_desktop.logging.interaction_panel import InteractionPanel
from agentdesk_desktop.view_seams import RetitlingTab, TitledTab


class UnidentifiedContactDock(QDockWidget):
    def __init__(self, panel: InteractionPanel, window: QMainWindow, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.setObjectName("unidentifiedContactDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.panel, self._tabs = panel, tabs
        panel.setParent(self)
        self.setWidget(panel)
        self.setMinimumWidth(380)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        panel.state_changed.connect(self.update_state)
        tabs.currentChanged.connect(self.update_state)
        self._retranslate()
        self.update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Contact without a customer"))

    @Slot()
    def update_state(self, *_args: object) -> None:
        tab: QWidget | None = self._tabs.currentWidget()  # None with no tab open (the stubs say otherwise)
        customer_id = tab.property("customer_id") if tab is not None else None
        name = ""
        if tab is not None:
            name = (tab.title() if isinstance(tab, TitledTab) else "") or self._tabs.tabText(self._tabs.currentIndex())
            if isinstance(tab, RetitlingTab) and not tab.property("unidentifiedDockWatches"):
                tab.setProperty("unidentifiedDockWatches", True)
                tab.title_changed.connect(self.update_state)  # the name arrives when the customer has loaded
        self.panel.set_link_target(customer_id, name)
        no_tabs = self._tabs.count() == 0
        self.panel.new_shortcut.setEnabled(no_tabs)  # otherwise Ctrl+N is the customer tab's
        self.setVisible(no_tabs or self.panel.in_progress or self.panel.link_pending)
