"""Editors for a plugin's :class:`~agentdesk.plugin_api.FormSpec`, one per :class:`FieldSpec` kind:

=============  ===========================================================================
string         a line (``max_length`` enforced while typing)
number         a line; the plugin checks the number (a decimal comma is fine)
text           a few lines, with a character count when there is a limit
datetime       date and time with a calendar; empty until set when the field is optional
choice         a drop-down with "Choose…" first
multichoice    a list with a check box per choice
=============  ===========================================================================

Required fields are marked with ``*``. Each field has its help under it and its message (from the
desk's own checks or from the plugin's ``UserInputError``) right below that; what was typed is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.plugin_api import FieldSpec, FormSpec
from agentdesk_desktop.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

ERROR_STYLE = "QLabel { color: #b00020; }"
_NO_TIME = QDateTime.fromString("2000-01-01T00:00:00", Qt.DateFormat.ISODate)  # shown as empty

# The editor of each field kind (see the table above); ``FieldEditor.value`` tells them apart.
FieldWidget = QPlainTextEdit | QComboBox | QListWidget | QDateTimeEdit | QLineEdit


class FieldEditor(QWidget):
    """One field: the editor, its help and its message."""

    edited = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"field_{spec.key}")
        self.editor: FieldWidget = self._make_editor()
        self.editor.setObjectName(f"editor_{spec.key}")
        self.help = QLabel(spec.help, self)
        self.help.setObjectName("fieldHelp")
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.help.setWordWrap(True)
        self.help.setEnabled(False)
        self.help.setVisible(bool(spec.help))
        self.count = QLabel(self)
        self.count.setObjectName("fieldCount")
        self.count.setEnabled(False)
        self.count.setVisible(spec.kind == "text" and spec.max_length is not None)
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.editor)
        column.addWidget(self.count)
        column.addWidget(self.help)
        column.addWidget(self.message)
        self._update_count()

    def _make_editor(self) -> FieldWidget:
        spec = self.spec
        if spec.kind == "text":
            return self._text_editor(spec)
        if spec.kind == "choice":
            return self._choice_editor(spec)
        if spec.kind == "multichoice":
            return self._multichoice_editor(spec)
        if spec.kind == "datetime":
            return self._datetime_editor(spec)
        editor = QLineEdit(self)
        if spec.max_length:
            editor.setMaxLength(spec.max_length)
        editor.setText(spec.default)
        editor.textChanged.connect(lambda _t: self.edited.emit())
        return editor

    def _text_editor(self, spec: FieldSpec) -> QPlainTextEdit:
        editor = QPlainTextEdit(self)
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
        editor.setPlainText(spec.default)
        editor.textChanged.connect(self._update_count)
        editor.textChanged.connect(self.edited)
        return editor

    def _choice_editor(self, spec: FieldSpec) -> QComboBox:
        editor = QComboBox(self)
        editor.addItem(translate("FormFields", "Choose…"), "")
        for key, label in spec.choices:
            editor.addItem(label, key)
        if spec.default:
            editor.setCurrentIndex(max(0, editor.findData(spec.default)))
        editor.currentIndexChanged.connect(lambda _i: self.edited.emit())
        return editor

    def _multichoice_editor(self, spec: FieldSpec) -> QListWidget:
        editor = QListWidget(self)
        defaults = {d.strip() for d in spec.default.split(",") if d.strip()}
        for key, label in spec.choices:
            item = QListWidgetItem(label, editor)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in defaults else Qt.CheckState.Unchecked)
        rows = max(1, min(len(spec.choices), 5))
        editor.setFixedHeight(editor.sizeHintForRow(0) * rows + 2 * editor.frameWidth() + 4)
        editor.itemChanged.connect(lambda _i: self.edited.emit())
        return editor

    def _datetime_editor(self, spec: FieldSpec) -> QDateTimeEdit:
        editor = QDateTimeEdit(self)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("d.M.yyyy H:mm")
        if not spec.required:
            editor.setMinimumDateTime(_NO_TIME)
            editor.setSpecialValueText(" ")
        parsed = QDateTime.fromString(spec.default, Qt.DateFormat.ISODate) if spec.default else QDateTime()
        editor.setDateTime(
            parsed if parsed.isValid() else (_NO_TIME if not spec.required else QDateTime.currentDateTime())
        )
        editor.dateTimeChanged.connect(lambda _d: self.edited.emit())
        return editor

    # -- values ----------------------------------------------------------------------------------

    def value(self) -> str | list[str]:
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        if isinstance(editor, QListWidget):
            return [
                str(editor.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
        if isinstance(editor, QDateTimeEdit):
            if not self.spec.required and editor.dateTime() == _NO_TIME:
                return ""
            return editor.dateTime().toString("yyyy-MM-ddTHH:mm:ss")
        return editor.text()

    def set_value(self, value: str | list[str]) -> None:
        """Carry a value over from another form (nothing typed is lost)."""
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(str(value))
            if index >= 0:
                editor.setCurrentIndex(index)
        elif isinstance(editor, QListWidget):
            chosen = set(value if isinstance(value, list) else str(value).split(","))
            for i in range(editor.count()):
                item = editor.item(i)
                item.setCheckState(
                    Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen else Qt.CheckState.Unchecked
                )
        elif isinstance(editor, QDateTimeEdit):
            parsed = QDateTime.fromString(str(value), Qt.DateFormat.ISODate)
            if parsed.isValid():
                editor.setDateTime(parsed)
        else:
            editor.setText(str(value))

    def is_blank(self) -> bool:
        value = self.value()
        return not value if isinstance(value, list) else not value.strip()

    # -- messages --------------------------------------------------------------------------------

    def set_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        self.editor.setToolTip(text)

    @property
    def error(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def check(self) -> str:
        """The desk's own check: required and length (the plugin checks the rest)."""
        if self.spec.required and self.is_blank():
            return translate("FormFields", "Fill this in.")
        value = self.value()
        if self.spec.max_length is not None and isinstance(value, str) and len(value) > self.spec.max_length:
            return fill(translate("FormFields", "At most %1 characters (now %2)."), self.spec.max_length, len(value))
        return ""

    def _update_count(self) -> None:
        if self.spec.kind == "text" and self.spec.max_length is not None:
            n = len(self.value())
            self.count.setText(fill(translate("FormFields", "%1 / %2 characters"), n, self.spec.max_length))


class FormView(QWidget):
    """A form's fields in a grid: label (``*`` for required) on the left, the field on the right."""

    def __init__(self, form: FormSpec, parent: QWidget | None = None, *, skip: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("pluginForm")
        self.form = form
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        row = 0
        for spec in form.fields:
            if spec.key in skip:
                continue
            label = QLabel(spec.label + (" *" if spec.required else ""), self)
            label.setObjectName(f"label_{spec.key}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if spec.required:
                font = QFont(label.font())
                font.setBold(True)
                label.setFont(font)
            editor = FieldEditor(spec, self)
            label.setBuddy(editor.editor)
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            self.editors[spec.key] = editor
            self.labels[spec.key] = label
            row += 1
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 120)
        grid.setRowStretch(row, 1)

    def values(self) -> dict[str, str | list[str]]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def set_values(self, values: dict[str, str | list[str]]) -> None:
        for key, value in values.items():
            editor = self.editors.get(key)
            if editor is not None and value not in ("", []):
                editor.set_value(value)

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Messages at their fields; returns the keys that have no field here."""
        for key, editor in self.editors.items():
            editor.set_error(errors.get(key, ""))
        return [key for key in errors if key not in self.editors]

    def check(self) -> dict[str, str]:
        return {key: problem for key, editor in self.editors.items() if (problem := editor.check())}

    def first_error_editor(self) -> QWidget | None:
        for editor in self.editors.values():
            if editor.error:
                return editor.editor
        return None
