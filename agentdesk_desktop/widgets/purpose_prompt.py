"""Why is the agent looking? The one purpose prompt of the desk: a line saying what is held back, and a
button per purpose (the customer is on the line and consents, a statutory task, an emergency).

Sensitive plugin panels (:mod:`agentdesk_desktop.plugins.panel_widget`) and the overview's sensitive roles
(:mod:`agentdesk_desktop.overview.sensitive_roles`) both ask with it; what was chosen is audited by the
service that then shows the data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.plugin_host.host import PURPOSES

translate = QCoreApplication.translate


class PurposePrompt(QWidget):
    chosen = Signal(str)  # one of PURPOSES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purposePrompt")
        self.text = QLabel(self)
        self.text.setObjectName("purposeText")
        self.text.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.text)
        for purpose in PURPOSES:
            button = QPushButton(self)
            button.setObjectName(f"purpose_{purpose}")
            button.clicked.connect(lambda _=False, p=purpose: self.chosen.emit(p))
            self.buttons[purpose] = button
            column.addWidget(button)
        column.addStretch(1)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        # The texts keep the context they had when only the panels asked (their translations stay valid).
        self.buttons["consent"].setText(translate("PluginPanelWidget", "Customer is on the line and consents"))
        self.buttons["statutory_task"].setText(translate("PluginPanelWidget", "Statutory task"))
        self.buttons["emergency"].setText(translate("PluginPanelWidget", "Emergency"))
