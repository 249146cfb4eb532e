"""File ▸ Settings: the desk's own settings (for now, the language)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from agentdesk_desktop.i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(380)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        for code, name in LANGUAGES.items():  # each language in its own name: never translated
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self._language_label = QLabel(self)
        self._language_label.setBuddy(self.language_box)
        form = QFormLayout()
        form.addRow(self._language_label, self.language_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._retranslate()

    @property
    def language(self) -> str:
        code = self.language_box.currentData()  # every item carries its language code
        return code if isinstance(code, str) else ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("&Language"))
