"""Form rows whose messages appear at the field: a field with a red label under it.

Used by the customer dialog and the contact logging form. ``show(errors)`` puts each message
under the field it belongs to (nothing typed is touched) and moves the focus to the first one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"


class FieldRows:
    def __init__(self, form: QFormLayout, owner: QWidget) -> None:
        self.form, self._owner = form, owner
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
