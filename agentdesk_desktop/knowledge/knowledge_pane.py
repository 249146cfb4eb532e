"""Scripts and articles beside the contact form: the call script of the chosen topic appears when the
topic is chosen, and a search box finds any article or script (every language), read off the UI thread.

A text is shown in the customer's language when it has one (else the agent's, else fi, sv, en), as
plain text. Choosing a topic again or searching drops the answer of a slower earlier read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget

from agentdesk.knowledge import KnowledgeBase, KnowledgeItem
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.widgets.labels import ui_language
from agentdesk_desktop.widgets.panel_parts import heading_label

SEARCH_DELAY_MS = 250


class KnowledgePane(QWidget):
    shown = Signal(int)  # the id of the entry now shown (0: none)

    def __init__(
        self,
        knowledge: KnowledgeBase,
        background: Background,
        *,
        customer_language: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePane")
        self._kb, self._bg, self._customer_language = knowledge, background, customer_language
        self._latest = LatestOnly()  # the newest read; older answers are dropped
        self.topic = ""
        self.title = heading_label(self, "knowledgeTitle")
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("knowledgeSearch")
        self.search_box.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("knowledgeResults")
        self.results.setMaximumHeight(90)
        self.results.setMinimumHeight(24)  # the pane may shrink: the overview must fit a 1080-px screen
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("knowledgeText")
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(24)
        self.status = QLabel(self)
        self.status.setObjectName("knowledgeStatus")
        self.status.setEnabled(False)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.search_box)
        layout.addWidget(self.status)
        layout.addWidget(self.results)
        layout.addWidget(self.text, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_now)
        self.results.currentItemChanged.connect(lambda item, _prev: self._show(item))
        self._retranslate()
        self._set_items([], self.tr("Choose a topic to see its call script, or search."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Scripts and articles"))
        self.search_box.setPlaceholderText(self.tr("Search the knowledge base"))
        self.search_box.setAccessibleName(self.tr("Search the knowledge base"))
        self.results.setAccessibleName(self.tr("Knowledge base results"))
        self.text.setAccessibleName(self.tr("Knowledge base text"))

    # -- what is asked ---------------------------------------------------------------------------

    def show_topic(self, topic: str) -> None:
        """The scripts and articles of ``topic`` (the script first, shown at once)."""
        if topic == self.topic:
            return
        self.topic = topic
        if self.search_box.text().strip():
            return  # the agent is searching: the topic waits until the search box is emptied
        self._read_topic()

    def reload(self) -> None:
        """The knowledge base changed: read again what is shown."""
        if self.search_box.text().strip():
            self._search_now()
        else:
            self._read_topic()

    def _read_topic(self) -> None:
        if not self.topic:
            self._set_items([], self.tr("Choose a topic to see its call script, or search."))
            return
        self._read(self._kb.for_topic, self.topic, empty=self.tr("No script or article for this topic yet."))

    def _search_now(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        if not query:
            self._read_topic()
            return
        self._read(self._kb.search, query, empty=self.tr("Nothing found."))

    def _read(self, fn: Callable[[str], list[KnowledgeItem]], arg: str, *, empty: str) -> None:
        self.status.setText(self.tr("Reading…"))
        self._bg.read(fn, arg, token=self._latest.next(), owner=self).on_success(
            lambda items: self._set_items(items, empty)
        ).on_failure(lambda _exc: self._failed())

    def _failed(self) -> None:
        self._set_items([], self.tr("The knowledge base could not be read. Try again in a moment."))

    # -- showing ---------------------------------------------------------------------------------

    def _set_items(self, items: list[KnowledgeItem], empty: str) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        for item in items:
            _language, text = item.text(self._customer_language(), ui_language())
            kind = self.tr("Script") if item.kind == "script" else self.tr("Article")
            row = QListWidgetItem(f"{kind}: {text.title}", self.results)
            row.setData(Qt.ItemDataRole.UserRole, item)
        self.results.blockSignals(False)
        self.status.setText("" if items else empty)
        self.status.setVisible(not items)
        if items:
            self.results.setCurrentRow(0)
            self._show(self.results.item(0))
        else:
            self._show(None)

    def _show(self, row: QListWidgetItem | None) -> None:
        item = row.data(Qt.ItemDataRole.UserRole) if row is not None else None
        if not isinstance(item, KnowledgeItem):
            self.text.setPlainText("")
            self.shown.emit(0)
            return
        _language, text = item.text(self._customer_language(), ui_language())
        self.text.setPlainText(f"{text.title}\n\n{text.body}")
        self.shown.emit(item.id)
