"""Help ▸ Plugins: every department plugin the desk found, its version and state, and why a plugin is
not in use (failed to load, built for another plugin API, turned off by the deployment profile).

A plugin can be disabled here for this session (its panels go away at once, in every customer tab)
and enabled again; a plugin whose activation failed can be tried again. Plugins the deployment profile
turns off, or that were built for another plugin API, can only be changed by IT.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.plugin_host.host import PluginState, PluginStatus
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.plugins.plugin_seams import PluginDesk
from agentdesk_desktop.plugins.plugin_setup import DEPLOYMENT_DISABLED, state_text

COLUMNS = 5  # plugin, version, state, reason, button


class PluginsDialog(QDialog):
    def __init__(self, plugins: PluginDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pluginsDialog")
        self.plugins = plugins
        self.intro = QLabel(self)
        self.intro.setObjectName("pluginsIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("pluginsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.toggles: dict[str, QPushButton] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)
        plugins.changed.connect(self.refresh)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plugins"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Plugin"), self.tr("Version"), self.tr("State"), self.tr("Reason"), ""]
        )
        self.refresh()

    def _intro_text(self) -> str:
        if not self.plugins.setup.enabled:
            return self.tr("Department plugins are turned off for this desk.")
        if not self.plugins.is_ready:
            return self.tr("The department plugins are still starting.")
        return self.tr(
            "Department plugins found on this workstation. Disabling one removes its panels at once; "
            "it stays disabled until you enable it or restart the desk."
        )

    @Slot()
    def refresh(self) -> None:
        self.intro.setText(self._intro_text())
        statuses = self.plugins.statuses()
        self.table.setRowCount(len(statuses))
        self.toggles = {}
        for row, status in enumerate(statuses):
            cells = (
                self.plugins.display_name(status),
                status.version,
                state_text(status.state),
                self.reason_text(status),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, 4, self._toggle(status))
        self.table.resizeRowsToContents()

    def reason_text(self, status: PluginStatus) -> str:
        if status.state is PluginState.ACTIVE:
            return ""
        if status.state is PluginState.DISABLED:
            if status.id in self.plugins.disabled_here:
                return self.tr("Disabled by you in this session.")
            if status.reason == DEPLOYMENT_DISABLED:
                return self.tr("Turned off by this workstation's department profile (IT).")
        return status.reason

    def _toggle(self, status: PluginStatus) -> QWidget:
        button = QPushButton(self.table)
        button.setObjectName(f"toggle_{status.id}")
        if status.state is PluginState.ACTIVE:
            button.setText(self.tr("Disable"))
            button.clicked.connect(lambda _=False, pid=status.id: self.plugins.disable(pid))
        elif self.plugins.can_enable(status):
            button.setText(self.tr("Enable") if status.state is PluginState.DISABLED else self.tr("Try again"))
            button.clicked.connect(lambda _=False, pid=status.id, b=button: self._enable(pid, b))
        else:
            button.setText("—")
            button.setEnabled(False)
            button.setToolTip(self.tr("Only IT can change this plugin."))
        button.setAccessibleName(fill(self.tr("%1: %2"), status.id, button.text()))
        self.toggles[status.id] = button
        return button

    def _enable(self, plugin_id: str, button: QPushButton) -> None:
        button.setEnabled(False)
        button.setText(self.tr("Starting…"))
        self.plugins.enable(plugin_id)

    def row_of(self, plugin_id: str) -> int:
        ids = [s.id for s in self.plugins.statuses()]
        return ids.index(plugin_id) if plugin_id in ids else -1

    def row_texts(self, plugin_id: str) -> list[str]:
        row = self.row_of(plugin_id)
        if row < 0:
            return []
        items = (self.table.item(row, c) for c in range(COLUMNS - 1))
        return [item.text() if item is not None else "" for item in items]
