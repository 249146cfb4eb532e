"""The one search box and its result list.

Search as you type: each change restarts a short timer (:data:`DEBOUNCE_MS`); when it fires the
lazy :class:`~agentdesk_desktop.search_results_model.SearchResultsModel` searches off the UI thread and drops
pages of older queries. What the query was read as (identity code, phone, name…) shows next to
the box, and a problem with it ("Check character should be P", "A search can have at most 12
words, this one has 15") in red under it; the typed text is never changed. Enter (or a
double-click) opens the current result; Enter in the box opens the first one, waiting for the
search if it is still running.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.search.query_kinds import QueryKind
from agentdesk_desktop.background import Background
from agentdesk_desktop.core_messages import query_problem_text
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.search_results_model import ADDRESS, BORN, MUNICIPALITY, NAME, SearchFn, SearchResultsModel

if TYPE_CHECKING:  # the search service brings the ORM: imported after the first window (DeskServices)
    from agentdesk.search.customer_search import CustomerHit, SearchPage

DEBOUNCE_MS = 150


class SearchPanel(QWidget):
    open_requested = Signal(int, str)  # customer id, a title for the tab

    def __init__(self, background: Background, search: SearchFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.model = SearchResultsModel(background, search, self)
        self._open_when_loaded = False
        self._failed = False

        self.field = QLineEdit(self)
        self.field.setObjectName("searchBox")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(32)
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("queryKind")
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("searchProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("QLabel#searchProblem { color: #b3261e; }")
        self.problem_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("resultCount")

        self.table = QTableView(self)
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BORN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(BORN, self.table.fontMetrics().horizontalAdvance("00.00.0000") + 24)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MUNICIPALITY, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(NAME, 200)
        self.table.activated.connect(self._activated)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self._enter_in_field)
        self.field.installEventFilter(self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.search_failed.connect(self._search_failed)
        self.model.loading_changed.connect(lambda _loading: self._update_count())

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.field, 1)
        row.addWidget(self.kind_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        self._retranslate()

    # -- searching -----------------------------------------------------------------------------

    @Slot(str)
    def _text_changed(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def _run_search(self) -> None:
        self._timer.stop()
        text = self.field.text()
        self._failed = False
        if not text.strip():
            self._show_query(None)
            self._open_when_loaded = False
        self.model.set_query(text)
        self._update_count()

    def search_now(self) -> None:
        """Run the pending search without waiting for the timer."""
        if self._timer.isActive():
            self._run_search()

    @property
    def pending(self) -> bool:
        return self._timer.isActive() or self.model.loading

    @Slot(str, object, bool)
    def _page_loaded(self, query: str, page: SearchPage, first_page: bool) -> None:
        if first_page:
            self._show_query(page)
            if self.model.rowCount():
                self.table.selectRow(0)
                self.table.scrollToTop()
            if self._open_when_loaded:
                self._open_when_loaded = False
                self.open_row(0)
        self._update_count()

    @Slot(str, object)
    def _search_failed(self, query: str, exc: BaseException) -> None:
        self._failed = True
        self._open_when_loaded = False
        self.problem_label.setText(self.tr("The search failed. Check the connection and try again."))
        self.problem_label.show()
        self._update_count()

    def _show_query(self, page: SearchPage | None) -> None:
        kind = page.query.kind if page else QueryKind.EMPTY
        self.kind_label.setText(kind_text(kind))
        problem = page.query.problem if page else None
        if problem is not None:
            self.problem_label.setText(query_problem_text(problem))
            self.problem_label.show()
        else:
            self.problem_label.clear()
            self.problem_label.hide()

    def _update_count(self) -> None:
        if not self.model.query.strip() or self._failed:
            self.count_label.setText("")
        elif self.model.loading and self.model.last_page is None:
            self.count_label.setText(self.tr("Searching…"))
        elif self.model.rowCount() == 0 and not self.model.loading:
            self.count_label.setText(self.tr("No customers found"))
        else:
            self.count_label.setText(fill(self.tr("Results: %1"), self.model.count_label))

    # -- opening -------------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            hit = self.model.hit(row)
            self.open_requested.emit(hit.customer_id, hit_title(hit))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    @Slot()
    def _enter_in_field(self) -> None:
        if self._timer.isActive() or self.model.loading:
            self._open_when_loaded = True
            self.search_now()
            return
        current = self.table.currentIndex()
        self.open_row(current.row() if current.isValid() else 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # PySide6 hands the filter the event's own class (a QKeyEvent for a key press).
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search: name, address, identity code, phone or e-mail  (Ctrl+K)"))
        self.field.setToolTip(self.tr("Search customers (Ctrl+K or F3)"))
        self.field.setAccessibleName(self.tr("Search customers"))  # a screen reader names the box, not its hint
        self.field.setAccessibleDescription(self.tr("Name, address, identity code, phone or e-mail"))
        self.table.setAccessibleName(self.tr("Search results"))
        self._show_query(self.model.last_page)
        if self._failed:
            self.problem_label.setText(self.tr("The search failed. Check the connection and try again."))
            self.problem_label.show()
        self._update_count()
        self.model.retranslate()


def hit_title(hit: CustomerHit) -> str:
    return f"{hit.first_names} {hit.last_name}".strip()


def kind_text(kind: QueryKind) -> str:
    translate = QCoreApplication.translate
    texts = {
        QueryKind.EMPTY: "",
        QueryKind.TEXT: translate("QueryKind", "Name or address"),
        QueryKind.HETU: translate("QueryKind", "Personal identity code"),
        QueryKind.YTUNNUS: translate("QueryKind", "Business ID"),
        QueryKind.PHONE: translate("QueryKind", "Phone number"),
        QueryKind.EMAIL: translate("QueryKind", "E-mail address"),
        QueryKind.REGISTER_ID: translate("QueryKind", "Register ID"),
    }
    return texts.get(kind, "")
