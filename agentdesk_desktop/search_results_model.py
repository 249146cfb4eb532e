"""The result list of the one search box: a lazy table model over customer search pages.

The model holds the hits loaded so far. ``set_query`` loads the first page of
:data:`PAGE_SIZE` through the background helper; the view asks for more with
``canFetchMore``/``fetchMore`` as the user scrolls, which loads :data:`PAGE_SIZE` more. A page
for an older query (the user kept typing) is dropped. The address column of a hit with a
protected address says so and never shows an address.

"More" is asked for as a longer first page (``limit=shown + PAGE_SIZE, offset=0``), and the hits
not shown yet are appended. ``CustomerSearch`` ranks the candidates it found for one call, and a
call with a larger window finds a larger candidate set, so ``offset=50`` is not the continuation
of the first page: it repeats some customers and skips others. The longer window shows everyone
in the best ``shown + PAGE_SIZE`` once, without moving the rows the agent is looking at.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from agentdesk.search.query_kinds import MAX_OFFSET
from agentdesk_desktop import events
from agentdesk_desktop.background import Background, LatestOnly

if TYPE_CHECKING:  # the search service brings the ORM: imported after the first window (DeskServices)
    from agentdesk.search.customer_search import CustomerHit, SearchPage

log = logging.getLogger(__name__)

PAGE_SIZE = 50
MAX_ROWS = MAX_OFFSET  # as far as the search service pages; the count then says "1000+"

# search(query, limit=..., offset=...) -> SearchPage, e.g. CustomerSearch(db).search
SearchFn = Callable[..., "SearchPage"]

NAME, BORN, ADDRESS, MUNICIPALITY = range(4)
_ROOT = QModelIndex()  # the invisible root: the default parent of the model's methods
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def format_date(value: dt.date | None) -> str:
    """Dates as Finnish (and Finland-Swedish) users write them: 5.1.1980."""
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def hit_name(hit: CustomerHit) -> str:
    """A hit's name as a list shows it: a restricted customer this staff member may not open shows only
    that it exists (opening it asks to break the glass)."""
    if hit.restricted:
        return QCoreApplication.translate("SearchResultsModel", "Restricted record")
    return hit.display_name


class SearchResultsModel(QAbstractTableModel):
    # The query a page belongs to and the page: first page of a new query (replace=True) or more.
    page_loaded = Signal(str, object, bool)
    search_failed = Signal(str, object)
    loading_changed = Signal(bool)

    def __init__(
        self, background: Background, search: SearchFn, parent: QObject | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._bg, self._search, self._page_size = background, search, page_size
        self._hits: list[CustomerHit] = []
        self._query = ""
        self._has_more = False
        self._fetching = False
        self._latest = LatestOnly()
        self.last_page: SearchPage | None = None

    # -- querying ------------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def loading(self) -> bool:
        return self._fetching

    def set_query(self, query: str) -> None:
        """Start a new search; the rows of the previous one stay until its first page arrives."""
        self._query = query
        if not query.strip():
            self._latest.cancel()
            self._set_fetching(False)
            self._replace([], False, None)
            return
        self._load(query, self._page_size, replace=True)

    def refresh(self) -> None:
        self.set_query(self._query)

    def _load(self, query: str, limit: int, *, replace: bool) -> None:
        token = self._latest.next()
        self._set_fetching(True)
        job = partial(self._search, query, limit=limit, offset=0)
        self._bg.read(job, token=token, owner=self).on_success(
            lambda page: self._loaded(query, page, replace)
        ).on_failure(lambda exc: self._failed(query, exc))

    def _loaded(self, query: str, page: SearchPage, replace: bool) -> None:
        if query != self._query:
            return
        self._set_fetching(False)
        if replace:
            self._replace(list(page.hits), page.has_more, page)
            events.emit("search.done", kind=page.query.kind.value, count=page.count_label)
        else:
            known = {h.customer_id for h in self._hits}
            new = [h for h in page.hits if h.customer_id not in known]
            if new:
                first = len(self._hits)
                self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
                self._hits.extend(new)
                self.endInsertRows()
            self._has_more = page.has_more and bool(new)
            self.last_page = page
        self.page_loaded.emit(query, page, replace)

    def _failed(self, query: str, exc: BaseException) -> None:
        if query != self._query:
            return
        self._set_fetching(False)
        log.info("search failed: %s", type(exc).__name__)
        self.search_failed.emit(query, exc)

    def _replace(self, hits: list[CustomerHit], has_more: bool, page: SearchPage | None) -> None:
        self.beginResetModel()
        self._hits = hits
        self._has_more = has_more
        self.last_page = page
        self.endResetModel()

    def _set_fetching(self, value: bool) -> None:
        if value != self._fetching:
            self._fetching = value
            self.loading_changed.emit(value)

    # -- lazy loading ------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        if parent.isValid():
            return False
        return self._has_more and not self._fetching and len(self._hits) < MAX_ROWS

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._load(self._query, len(self._hits) + self._page_size, replace=False)

    @property
    def count_label(self) -> str:
        """'0', '7', '50+' — what the result count says."""
        shown = len(self._hits)
        return f"{shown}+" if self._has_more else str(shown)

    # -- the table -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def hit(self, row: int) -> CustomerHit:
        return self._hits[row]

    def customer_id(self, row: int) -> int:
        return self._hits[row].customer_id

    def row_of(self, customer_id: int) -> int:
        return next((i for i, h in enumerate(self._hits) if h.customer_id == customer_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(hit, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == ADDRESS and hit.address_protected:
            return self.tr(
                "This customer has a protected address (turvakielto). The address is not shown or given out."
            )
        if role == Qt.ItemDataRole.FontRole and column == ADDRESS and hit.address_protected:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == ADDRESS and hit.address_protected:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        if role == CUSTOMER_ID_ROLE:
            return hit.customer_id
        return None

    def _display(self, hit: CustomerHit, column: int) -> str:
        if column == NAME:
            return hit_name(hit)
        if column == BORN:
            return format_date(hit.birth_date)
        if column == ADDRESS:
            if hit.restricted:
                return ""
            if hit.address_protected:
                return self.tr("Address protected")
            return ", ".join(p for p in (hit.street, hit.postal_code) if p)
        if column == MUNICIPALITY:
            return "" if hit.address_protected else (hit.municipality or "")
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Name"), self.tr("Born"), self.tr("Address"), self.tr("Municipality"))
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        """Header and 'Address protected' texts follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self._hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._hits) - 1, 3))
