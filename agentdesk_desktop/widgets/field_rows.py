"""Form rows whose messages appear at the field: a field with a red label under it.

Used by the customer dialog and the contact logging form. ``show(errors)`` puts each message
under the field it belongs to (nothing typed is touched) and moves the focus to the first one.

A row's title is its field's mnemonic (Alt+<letter>). Two forms in one window (a customer tab's contact
form and the side panel's) share their letters; Qt then gives the key to whichever registered first.
:class:`FormMnemonics` makes it go to the form the agent is typing in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcutEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"


class FormMnemonics(QObject):
    """Watches the row titles of one form: a mnemonic that several forms of the window share
    (an ambiguous shortcut) moves the focus to that row of the form holding the keyboard focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Shortcut or not isinstance(event, QShortcutEvent) or not event.isAmbiguous():
            return False
        if not isinstance(watched, QLabel):
            return False
        focus = QApplication.focusWidget()
        if focus is None:
            return False
        key = QKeySequence.mnemonic(watched.text())
        for label in watched.window().findChildren(QLabel):
            form = label.parentWidget()
            buddy: QWidget | None = label.buddy()  # None without one (the stubs say otherwise)
            if buddy is None or form is None or not label.isVisible() or not form.isAncestorOf(focus):
                continue
            if QKeySequence.mnemonic(label.text()) != key:
                continue
            if label is watched:
                return False  # this form's own title: Qt moves the focus to its field
            buddy.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return False  # typing in none of these forms: Qt's own choice


class FieldRows:
    def __init__(self, form: QFormLayout, owner: QWidget) -> None:
        self.form, self._owner = form, owner
        self._mnemonics = FormMnemonics(owner)
        self.titles: dict[str, QLabel] = {}
        self.holders: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}

    def add(
        self,
        key: str,
        field: QWidget,
        *,
        error_keys: tuple[str, ...] | None = None,
        buddy: QWidget | None = None,
        grow: bool = False,
    ) -> QLabel:
        """Add a row; ``error_keys`` are the message keys shown under it (default: ``key``)."""
        holder = QWidget(self._owner)
        holder.setObjectName(f"row_{key}")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(field)
        for error_key in error_keys or (key,):
            message = QLabel(holder)
            message.setObjectName(f"error_{error_key}")
            message.setStyleSheet(ERROR_STYLE)
            message.setWordWrap(True)
            message.hide()
            column.addWidget(message)
            self.messages[error_key] = message
            self._focus[error_key] = buddy or field
        title = QLabel(self._owner)
        title.setBuddy(buddy or field)
        title.installEventFilter(self._mnemonics)
        self.titles[key] = title
        self.holders[key] = holder
        if grow:
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.form.addRow(title, holder)
        return title

    def set_focus_widget(self, error_key: str, widget: QWidget) -> None:
        self._focus[error_key] = widget

    def set_row_visible(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self.holders[key], visible)

    def show(self, errors: dict[str, str], text_for: Callable[[str, str], str]) -> list[str]:
        """Show each message at its field; returns the texts that belong to no field."""
        self.clear()
        unplaced = [text_for(key, message) for key, message in errors.items() if key not in self.messages]
        placed = [key for key in self.messages if key in errors]  # in the order of the form
        for key in placed:
            self.messages[key].setText(text_for(key, errors[key]))
            self.messages[key].show()
        if placed:
            self._focus[placed[0]].setFocus()
        return unplaced

    def clear(self) -> None:
        for label in self.messages.values():
            label.clear()
            label.hide()

    def shown(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.messages.items() if not label.isHidden() and label.text()}
