"""Quick texts inserted by keyboard in any text editor: the contact notes, an e-mail reply.

::

    inserter = attach_quick_texts(editor, context)   # editor: a QPlainTextEdit or QTextEdit

- Type ``;`` and a quick text's shortcut, then Tab: ``;greet`` + Tab becomes the greeting (a shortcut
  may be shortened while it names one quick text only: ``;gr`` + Tab). Tab elsewhere does what it did.
- Ctrl+Space opens a picker over the editor: type to filter (shortcut, title or text, any language),
  Up/Down to choose, Enter to insert, Esc to go back to the editor with nothing changed.

The text is the quick text in the customer's language when it exists (else the agent's, else fi, sv,
en: :func:`agentdesk.knowledge.choose_language`), with its placeholders filled from the context
(``{customer_name}``, ``{case_number}``, ``{agent_name}``, ``{today}``); a placeholder the context
cannot fill stays in the text for the agent to complete. The context is asked at each insertion, so
it always names the customer and case of that moment. No I/O here: the context holds the quick texts
already read (the desk's :class:`~agentdesk_desktop.knowledge.library.KnowledgeLibrary`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.knowledge import KnowledgeItem, fill_placeholders

TextEditor = QPlainTextEdit | QTextEdit
SHORTCUT_KEY = "Ctrl+Space"
_TYPED = re.compile(r";([a-z0-9][a-z0-9_-]*)$", re.IGNORECASE)


class QuickTextContext(Protocol):
    """What an editor's quick texts need to know at the moment of insertion."""

    def quick_texts(self) -> Sequence[KnowledgeItem]: ...

    def placeholder_values(self) -> Mapping[str, str]: ...

    def customer_language(self) -> str | None: ...

    def agent_language(self) -> str | None: ...


def filled_text(item: KnowledgeItem, context: QuickTextContext) -> str:
    """The quick text as it is inserted: in the chosen language, placeholders filled."""
    _language, text = item.text(context.customer_language(), context.agent_language())
    return fill_placeholders(text.body, context.placeholder_values())


def find_shortcut(items: Sequence[KnowledgeItem], typed: str) -> KnowledgeItem | None:
    """The quick text ``typed`` names: its whole shortcut, or the start of only one."""
    typed = typed.lower()
    exact = [i for i in items if i.shortcut == typed]
    if exact:
        return exact[0]
    starting = [i for i in items if i.shortcut.startswith(typed)]
    return starting[0] if len(starting) == 1 else None


class QuickTextPicker(QDialog):
    """Ctrl+Space: a filterable list of the quick texts; Enter inserts the chosen one."""

    chosen = Signal(object)  # KnowledgeItem

    def __init__(self, context: QuickTextContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickTextPicker")
        self._context = context
        self.setWindowTitle(self.tr("Insert a quick text"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("quickTextFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter: shortcut, title or text"))
        self.filter.setAccessibleName(self.tr("Filter quick texts"))
        self.list = QListWidget(self)
        self.list.setObjectName("quickTextList")
        self.list.setAccessibleName(self.tr("Quick texts"))
        self.preview = QLabel(self)
        self.preview.setObjectName("quickTextPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        self.filter.textChanged.connect(self._refilter)
        self.filter.returnPressed.connect(self.accept)
        self.filter.installEventFilter(self)
        self.list.currentItemChanged.connect(self._show_preview)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.resize(460, 320)
        self._refilter("")

    def _refilter(self, text: str) -> None:
        words = text.casefold().split()
        self.list.clear()
        for item in self._context.quick_texts():
            if words and not item.matches(words):
                continue
            _language, shown = item.text(self._context.customer_language(), self._context.agent_language())
            row = QListWidgetItem(f";{item.shortcut} — {shown.title}", self.list)
            row.setData(Qt.ItemDataRole.UserRole, item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.preview.setText(self.tr("No quick text matches."))

    def _show_preview(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        item = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if isinstance(item, KnowledgeItem):
            self.preview.setText(filled_text(item, self._context))

    def current(self) -> KnowledgeItem | None:
        if self.list.currentRow() < 0:
            return None
        item = self.list.currentItem().data(Qt.ItemDataRole.UserRole)
        return item if isinstance(item, KnowledgeItem) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        arrows = (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if watched is self.filter and isinstance(event, QKeyEvent) and event.key() in arrows:
            if event.type() == QEvent.Type.KeyPress:
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        item = self.current()
        super().accept()
        if item is not None:
            self.chosen.emit(item)


class QuickTextInserter(QObject):
    """The event filter :func:`attach_quick_texts` installs on an editor."""

    inserted = Signal(str)  # the shortcut of the quick text inserted

    def __init__(self, editor: TextEditor, context: QuickTextContext) -> None:
        super().__init__(editor)
        self.setObjectName("quickTextInserter")
        self.editor, self.context = editor, context
        self.picker: QuickTextPicker | None = None
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
                return self.expand_typed()
            if event.key() == Qt.Key.Key_Space and mods == Qt.KeyboardModifier.ControlModifier:
                self.open_picker()
                return True
        return super().eventFilter(watched, event)

    def expand_typed(self) -> bool:
        """``;shortcut`` just before the cursor becomes its quick text (True: done, the Tab is used)."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return False
        before = cursor.block().text()[: cursor.positionInBlock()]
        match = _TYPED.search(before)
        if match is None:
            return False
        item = find_shortcut(self.context.quick_texts(), match.group(1))
        if item is None:
            return False
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(match.group(0)))
        self._insert(cursor, item)
        return True

    def open_picker(self) -> QuickTextPicker:
        picker = self.picker = QuickTextPicker(self.context, self.editor.window())
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.insert)
        picker.finished.connect(lambda _result: self._picker_closed(picker))
        picker.open()
        picker.filter.setFocus()
        return picker

    def _picker_closed(self, picker: QuickTextPicker) -> None:
        if self.picker is picker:
            self.picker = None
        self.editor.setFocus()

    def insert(self, item: KnowledgeItem) -> None:
        """Insert the quick text at the editor's cursor (replacing a selection)."""
        self._insert(self.editor.textCursor(), item)

    def _insert(self, cursor: QTextCursor, item: KnowledgeItem) -> None:
        cursor.insertText(filled_text(item, self.context))  # one undo step, textChanged as if typed
        self.editor.setTextCursor(cursor)
        self.inserted.emit(item.shortcut)


def attach_quick_texts(editor: TextEditor, context: QuickTextContext) -> QuickTextInserter:
    """Give ``editor`` the quick texts of ``context`` (``;shortcut`` + Tab, Ctrl+Space): see the module."""
    return QuickTextInserter(editor, context)
