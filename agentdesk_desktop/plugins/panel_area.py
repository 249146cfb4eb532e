"""The department panels of one customer tab, mounted in the overview's ``pluginPanels`` region.

One tab per panel the signed-in staff member may see (``host.panels_for(staff)``): a role without
access never gets the tab, so it never causes a request. The tab shows a coloured dot for a warning
(amber) or an alert (red) badge, and a grey one when the panel is in error, so a panel that is not
on top still says it has something.

The area reads the customer once (off the UI thread) and hands it to every panel; it remembers the
purpose chosen for each sensitive panel for as long as the tab is open (never across customers);
it follows plugins being disabled or enabled; it starts only once the overview has painted itself
(the panels never slow down the overview's first paint); and when the tab closes, every request still running
is cancelled and its answer dropped. After an action stored a reference on the customer (a filed
service request) the customer is read again and the plugin's panels ask afresh.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from agentdesk.plugin_host.manifest import ActionSpec
from agentdesk.staff import StaffMember
from agentdesk_desktop.plugins.panel_customer import PanelCustomer
from agentdesk_desktop.plugins.panel_requests import PanelRequest
from agentdesk_desktop.plugins.panel_widget import PluginPanelWidget
from agentdesk_desktop.plugins.plugin_seams import CaseLinkingContact, PluginDesk

if TYPE_CHECKING:  # the dialog's module is imported when an action is first opened
    from agentdesk_desktop.plugins.action_dialog import ActionDialog

log = logging.getLogger(__name__)

DOT_COLOURS = {"alert": "#b00020", "warning": "#f2a900", "error": "#7a7a7a"}


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class _OpenRequests:
    """The requests of the area's panels, kept outside the widgets so they can be cancelled while
    the widgets are being destroyed (a closed tab)."""

    def __init__(self, plugins: PluginDesk) -> None:
        self._plugins = plugins
        self._requests: dict[str, PanelRequest] = {}

    def track(self, key: str, request: PanelRequest | None) -> None:
        if request is not None:
            self._requests[key] = request

    def cancel(self, key: str) -> None:
        self._plugins.cancel(self._requests.pop(key, None))

    def cancel_all(self, *_args: object) -> None:
        for key in list(self._requests):
            self.cancel(key)


class PluginPanelArea(QWidget):
    customer_changed = Signal()  # a reference was stored on the customer: the overview reads them again

    def __init__(
        self,
        plugins: PluginDesk,
        staff: StaffMember,
        customer_id: int,
        parent: QWidget | None = None,
        *,
        start_after: SignalInstance | None = None,
        contact: CaseLinkingContact | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pluginPanelArea")
        self.contact = contact  # the tab's contact logging: what is filed during a contact belongs to it
        self.plugins, self.staff, self.customer_id = plugins, staff, customer_id
        self.customer: PanelCustomer | None = None
        self.panels: dict[str, PluginPanelWidget] = {}
        self.purposes: dict[str, str] = {}  # panel key -> purpose, for this customer tab only
        self.action_dialog: ActionDialog | None = None
        self._open = _OpenRequests(plugins)
        self._icons: dict[str, QIcon] = {}
        self._started = False

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pluginPanelTabs")
        self.tabs.setDocumentMode(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.note = QLabel(self)
        self.note.setObjectName("pluginPanelsNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setEnabled(False)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.note)
        self._stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        plugins.changed.connect(self.sync)
        plugins.language_changed.connect(self._language_changed)
        plugins.reference_stored.connect(self._reference_stored)
        self.destroyed.connect(self._open.cancel_all)
        self._retranslate()
        if start_after is None:
            self.start()
        else:
            start_after.connect(self.start)

    @Slot()
    def start(self, *_args: object) -> None:
        """Build the panels and ask the back ends. The overview starts its panels once it has painted
        itself, so that they never slow down its first paint (nor compete with its reads)."""
        if self._started:
            return
        self._started = True
        self.sync()
        self._load_customer()

    # -- size ------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """Constant, whatever the panels show: an answer arriving re-lays out this area only, never
        the whole overview (the column shares its height by stretch anyway)."""
        return QSize(420, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(280, 220)

    # -- the customer ----------------------------------------------------------------------------

    def _load_customer(self, *, refresh_plugin: str | None = None) -> None:
        if self.plugins.background.closed:  # the desk is closing
            return
        self.plugins.load_customer(self.customer_id, owner=self).on_success(
            lambda customer: self._customer_loaded(customer, refresh_plugin)
        ).on_failure(self._customer_failed)

    def _customer_loaded(self, customer: PanelCustomer, refresh_plugin: str | None) -> None:
        self.customer = customer
        for panel in self.panels.values():
            if refresh_plugin is None:
                panel.set_customer(customer)
            elif panel.spec.plugin_id == refresh_plugin:
                panel.set_customer(customer, refresh=True)
            else:
                panel.customer = customer

    def _customer_failed(self, exc: BaseException) -> None:
        log.info("the customer for the department panels could not be read: %s", type(exc).__name__)
        self.note.setText(self.tr("The department panels could not read this customer."))
        self._stack.setCurrentWidget(self.note)

    # -- which panels ----------------------------------------------------------------------------

    @Slot()
    def sync(self) -> None:
        """Show exactly the panels the host offers this staff member now."""
        if not self._started:
            return
        wanted = self.plugins.panels_for(self.staff)
        keys = [spec.key for spec in wanted]
        for key in [k for k in self.panels if k not in keys]:
            panel = self.panels.pop(key)
            self._open.cancel(key)
            panel.cancel()
            self.tabs.removeTab(self.tabs.indexOf(panel))
            panel.deleteLater()
        for index, spec in enumerate(wanted):
            shown = self.panels.get(spec.key)
            if shown is not None:
                shown.set_actions(self.plugins.actions_for(self.staff, spec.plugin_id))
                continue
            panel = PluginPanelWidget(
                self.plugins,
                spec,
                self.staff,
                purpose=self.purposes.get(spec.key),
                on_request=self._open.track,
                parent=self.tabs,
            )
            panel.purpose_chosen.connect(self._purpose_chosen)
            panel.state_changed.connect(lambda _state, p=panel: self._mark(p))
            panel.action_requested.connect(lambda action, p=panel: self.open_action(action, p))
            self.panels[spec.key] = panel
            self.tabs.insertTab(index, panel, spec.label(self.plugins.language))
            if self.customer is not None:
                panel.set_customer(self.customer)
        for panel in self.panels.values():
            self._mark(panel)
        self._stack.setCurrentWidget(self.tabs if self.panels else self.note)
        self._retranslate()

    @Slot(str, str)
    def _purpose_chosen(self, key: str, purpose: str) -> None:
        self.purposes[key] = purpose

    def _mark(self, panel: PluginPanelWidget) -> None:
        index = self.tabs.indexOf(panel)
        if index < 0:
            return
        level = "error" if panel.state == "error" else panel.badge_level()
        colour = DOT_COLOURS.get(level or "")
        if colour is None:
            self.tabs.setTabIcon(index, QIcon())
        else:
            if colour not in self._icons:
                self._icons[colour] = _dot(colour)
            self.tabs.setTabIcon(index, self._icons[colour])
        self.tabs.setTabToolTip(index, self._state_tip(panel))

    def _state_tip(self, panel: PluginPanelWidget) -> str:
        return {
            "purpose": self.tr("Choose a purpose to see this panel"),
            "waiting": self.tr("Loading…"),
            "loading": self.tr("Loading…"),
            "error": self.tr("The panel could not be shown"),
            "empty": self.tr("Nothing about this customer"),
        }.get(panel.state, panel.spec.label(self.plugins.language))

    # -- actions ---------------------------------------------------------------------------------

    def open_action(self, action: ActionSpec, panel: PluginPanelWidget | None = None) -> ActionDialog | None:
        """The action's dialog (e.g. File a service request…) for this customer."""
        if self.customer is None:
            return None
        from agentdesk_desktop.plugins.action_dialog import ActionDialog

        if self.action_dialog is not None:
            self.action_dialog.raise_()
            self.action_dialog.activateWindow()
            return self.action_dialog
        dialog = ActionDialog(self.plugins, self.staff, self.customer, action, self.window(), contact=self.contact)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if panel is not None:
            dialog.filed.connect(panel.set_notice)  # dropped if the tab was closed meanwhile
        dialog.destroyed.connect(self._action_closed)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _action_closed(self) -> None:
        self.action_dialog = None

    @Slot(int, str)
    def _reference_stored(self, customer_id: int, plugin_id: str) -> None:
        if customer_id != self.customer_id:
            return
        self._load_customer(refresh_plugin=plugin_id)
        self.customer_changed.emit()

    # -- language and closing --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        if not self._started:
            self.note.setText("")
        elif not self.plugins.is_ready and self.plugins.setup.enabled:
            self.note.setText(self.tr("Department panels are starting…"))
        else:
            self.note.setText(self.tr("No department panels for your role on this workstation."))
        language = self.plugins.language
        for panel in self.panels.values():
            index = self.tabs.indexOf(panel)
            if index >= 0:
                self.tabs.setTabText(index, panel.spec.label(language))
                self.tabs.setTabToolTip(index, self._state_tip(panel))

    @Slot(str)
    def _language_changed(self, _code: str) -> None:
        """Plugins answer in the agent's language: ask again for what is on screen."""
        self._retranslate()
        for panel in self.panels.values():
            panel.set_actions(self.plugins.actions_for(self.staff, panel.spec.plugin_id))
            if panel.state in ("data", "empty", "error"):
                panel.load()

    def close_panels(self) -> None:
        """Cancel every request still running (also done when the widget is destroyed)."""
        for panel in self.panels.values():
            panel.cancel()
        self._open.cancel_all()
