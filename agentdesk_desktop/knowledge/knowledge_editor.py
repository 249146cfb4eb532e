"""The knowledge base editor (supervisors and administrators): quick texts, articles and call scripts,
each with its title and text in Finnish, Swedish and English.

The list on the left holds every entry; the form on the right edits the chosen one or a new one. Save
runs on the background writer; a refusal puts each message under its field and keeps everything typed;
an entry someone else saved meanwhile is not overwritten (reload it, then save again). Agents see the
menu item only when their role may edit (:data:`agentdesk.knowledge.EDITOR_ROLES`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.knowledge import (
    LANGUAGES,
    EntryEdit,
    EntryText,
    KnowledgeBase,
    KnowledgeConflict,
    KnowledgeDenied,
    KnowledgeInvalid,
    KnowledgeItem,
    SavedEntry,
)
from agentdesk.staff import StaffMember
from agentdesk.topics import Topic
from agentdesk_desktop.background import Background
from agentdesk_desktop.widgets.field_rows import ERROR_STYLE
from agentdesk_desktop.widgets.labels import ui_language

KINDS = ("quick_text", "article", "script")


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class KnowledgeEditor(QDialog):
    def __init__(
        self,
        knowledge: KnowledgeBase,
        background: Background,
        staff: StaffMember,
        topics: Sequence[Topic],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgeEditor")
        self._kb, self._bg, self._staff, self._topics = knowledge, background, staff, list(topics)
        self._current: KnowledgeItem | None = None
        self._build()
        self.new_entry()
        self.reload()

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Knowledge base"))
        self.entries = QListWidget(self)
        self.entries.setObjectName("knowledgeEntries")
        self.entries.setAccessibleName(self.tr("Knowledge base entries"))
        # The selection, not the current item: focusing the list makes its first row current without
        # choosing it, which must not replace a new entry being typed.
        self.entries.itemSelectionChanged.connect(self._selection_changed)
        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setObjectName("knowledgeNew")
        self.new_button.clicked.connect(self.new_entry)
        left = QVBoxLayout()
        left.addWidget(self.entries, 1)
        left.addWidget(self.new_button)

        form_box = QWidget(self)
        form = QFormLayout(form_box)
        self.kind = QComboBox(form_box)
        self.kind.setObjectName("knowledgeKind")
        for kind, label in zip(KINDS, (self.tr("Quick text"), self.tr("Article"), self.tr("Call script")), strict=True):
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        form.addRow(self.tr("Kind"), self.kind)
        self.shortcut = QLineEdit(form_box)
        self.shortcut.setObjectName("knowledgeShortcut")
        self.shortcut.setPlaceholderText(self.tr("e.g. greet — typed as ;greet + Tab"))
        self.shortcut_error = _error_label(form_box, "knowledgeShortcutError")
        form.addRow(self.tr("Shortcut"), self.shortcut)
        form.addRow("", self.shortcut_error)
        self.topic = QComboBox(form_box)
        self.topic.setObjectName("knowledgeTopic")
        self.topic.addItem(self.tr("Any topic"), "")
        lang = ui_language()
        for t in sorted(self._topics, key=lambda t: t.label(lang).casefold()):
            self.topic.addItem(t.label(lang), t.code)
        self.topic_error = _error_label(form_box, "knowledgeTopicError")
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow("", self.topic_error)
        self.languages = QTabWidget(form_box)
        self.languages.setObjectName("knowledgeLanguages")
        self.titles: dict[str, QLineEdit] = {}
        self.bodies: dict[str, QPlainTextEdit] = {}
        self.text_errors: dict[str, QLabel] = {}
        for language, name in zip(LANGUAGES, (self.tr("Finnish"), self.tr("Swedish"), self.tr("English")), strict=True):
            page = QWidget(self.languages)
            column = QVBoxLayout(page)
            title = self.titles[language] = QLineEdit(page)
            title.setObjectName(f"knowledgeTitle_{language}")
            title.setPlaceholderText(self.tr("Title"))
            body = self.bodies[language] = QPlainTextEdit(page)
            body.setObjectName(f"knowledgeBody_{language}")
            body.setTabChangesFocus(True)
            body.setPlaceholderText(self.tr("Text. Placeholders: {customer_name} {case_number} {agent_name} {today}"))
            error = self.text_errors[language] = _error_label(page, f"knowledgeTextError_{language}")
            column.addWidget(title)
            column.addWidget(body, 1)
            column.addWidget(error)
            self.languages.addTab(page, name)
        form.addRow(self.languages)
        self.message = QLabel(form_box)
        self.message.setObjectName("knowledgeMessage")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("knowledgeSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("knowledgeDelete")
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(form_box, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.resize(880, 560)

    # -- the list ----------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        self._bg.read(self._kb.entries, owner=self).on_success(lambda items: self._fill(items, select_id))

    def _fill(self, items: list[KnowledgeItem], select_id: int | None) -> None:
        kinds = {"quick_text": self.tr("Quick text"), "article": self.tr("Article"), "script": self.tr("Call script")}
        self.entries.blockSignals(True)
        self.entries.clear()
        for item in items:
            _language, text = item.text(ui_language())
            label = f";{item.shortcut} — {text.title}" if item.kind == "quick_text" else text.title
            row = QListWidgetItem(f"{kinds[item.kind]}: {label}", self.entries)
            row.setData(Qt.ItemDataRole.UserRole, item)
            if item.id == select_id:
                self.entries.setCurrentItem(row)
                row.setSelected(True)
                self._current = item
        self.entries.blockSignals(False)

    def _selection_changed(self) -> None:
        selected = self.entries.selectedItems()
        item = selected[0].data(Qt.ItemDataRole.UserRole) if selected else None
        if isinstance(item, KnowledgeItem):
            self.show_entry(item)

    # -- the form ----------------------------------------------------------------------------------

    def new_entry(self) -> None:
        self._current = None
        self.entries.clearSelection()
        self._fill_form("quick_text", "", "", {})
        self.delete_button.setEnabled(False)
        self.shortcut.setFocus()

    def show_entry(self, item: KnowledgeItem) -> None:
        self._current = item
        self._fill_form(item.kind, item.shortcut, item.topic, item.texts)
        self.delete_button.setEnabled(True)

    def _fill_form(self, kind: str, shortcut: str, topic: str, texts: object) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.shortcut.setText(shortcut)
        self.topic.setCurrentIndex(max(self.topic.findData(topic), 0))
        for language in LANGUAGES:
            text = texts.get(language) if isinstance(texts, dict) else None
            self.titles[language].setText(text.title if isinstance(text, EntryText) else "")
            self.bodies[language].setPlainText(text.body if isinstance(text, EntryText) else "")
        self._clear_errors()
        self._kind_changed()

    def _kind_changed(self) -> None:
        quick = self.kind.currentData() == "quick_text"
        self.shortcut.setEnabled(quick)

    def edit(self) -> EntryEdit:
        current = self._current
        return EntryEdit(
            kind=str(self.kind.currentData()),
            texts={lang: EntryText(self.titles[lang].text(), self.bodies[lang].toPlainText()) for lang in LANGUAGES},
            shortcut=self.shortcut.text() if self.kind.currentData() == "quick_text" else "",
            topic=str(self.topic.currentData() or ""),
            entry_id=current.id if current is not None else None,
            expected_version=current.version if current is not None else None,
        )

    def save(self) -> None:
        self._clear_errors()
        self.save_button.setEnabled(False)
        self._bg.write(self._kb.save, self.edit(), self._staff, owner=self).on_success(self._saved).on_failure(
            self._refused
        )

    def _saved(self, saved: SavedEntry) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Saved."))
        self.delete_button.setEnabled(True)
        self.reload(select_id=saved.id)

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, KnowledgeInvalid):
            self._show_errors(exc.errors)
        elif isinstance(exc, KnowledgeConflict):
            self.message.setText(self.tr("Someone else saved this entry meanwhile. Choose it again to see theirs."))
        elif isinstance(exc, KnowledgeDenied):
            self.message.setText(self.tr("Your role may not edit the knowledge base."))
        else:
            self.message.setText(self.tr("The entry could not be saved. Try again in a moment."))

    def delete(self) -> None:
        current = self._current
        if current is None:
            return
        self._bg.write(self._kb.delete, current.id, current.version, self._staff, owner=self).on_success(
            self._deleted
        ).on_failure(self._refused)

    def _deleted(self, _changes: object) -> None:
        self.new_entry()
        self.reload()

    # -- messages at the fields --------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for label in (self.shortcut_error, self.topic_error, *self.text_errors.values()):
            label.clear()
            label.hide()
        self.message.clear()

    def _show_errors(self, errors: dict[str, str]) -> None:
        texts = {
            "shortcut": self.tr("A shortcut is 2–31 letters a–z, digits, - or _, e.g. greet."),
            "topic": self.tr("Choose the topic this belongs to (a call script always has one)."),
            "body": self.tr("Write the text in at least one language."),
        }
        if "shortcut" in errors and "another" in errors["shortcut"]:
            texts["shortcut"] = self.tr("Another quick text already has this shortcut.")
        for key, label in (("shortcut", self.shortcut_error), ("topic", self.topic_error)):
            if key in errors:
                label.setText(texts[key])
                label.show()
        first_tab = None
        for language in LANGUAGES:
            problems = []
            if f"title_{language}" in errors:
                problems.append(self.tr("Give the text a title (or leave both empty)."))
            if f"body_{language}" in errors:
                problems.append(self.tr("The title has no text (or the text is too long)."))
            if problems:
                self.text_errors[language].setText(" ".join(problems))
                self.text_errors[language].show()
                first_tab = LANGUAGES.index(language) if first_tab is None else first_tab
        if "body" in errors:
            self.text_errors[LANGUAGES[0]].setText(texts["body"])
            self.text_errors[LANGUAGES[0]].show()
            first_tab = 0 if first_tab is None else first_tab
        if first_tab is not None:
            self.languages.setCurrentIndex(first_tab)
        self.message.setText(self.tr("Nothing was saved: see the messages above."))
