"""The contact timeline of one customer: a lazy table model over keyset pages, newest first.

The model holds the contacts loaded so far. ``reload()`` (or ``set_filters()``) loads the first
page through the background helper; the view asks for more with ``canFetchMore``/``fetchMore``
as the user scrolls, which loads the page after the last contact shown (keyset cursor from
:meth:`agentdesk.customer_overview.CustomerOverviewService.timeline`). A page that belongs to an
older request (the filters changed meanwhile) is dropped.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from agentdesk.customer_overview import CustomerOverviewService, TimelineFilter, TimelineItem, TimelinePage
from agentdesk.storage.models import Direction
from agentdesk.topics import Topic
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.widgets.labels import channel_label, direction_label, format_moment, outcome_label, topic_label

log = logging.getLogger(__name__)

PAGE_SIZE = 50

WHEN, CHANNEL, TOPIC, DEPARTMENT, AGENT, OUTCOME, NOTES = range(7)
COLUMN_COUNT = 7
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the TimelineItem of the row
# The roles data() answers; the table asks each visible cell for a dozen more (font, colours,
# alignment, ...) on every paint, so those go back at once.
_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole), int(ITEM_ROLE)})
NOTES_PREVIEW = 200
_ROOT = QModelIndex()  # the default parent of a flat table (never changed)


def _preview(notes: str) -> str:
    one_line = " ".join(notes.split())
    return one_line if len(one_line) <= NOTES_PREVIEW else one_line[: NOTES_PREVIEW - 1] + "…"


class TimelineModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    load_failed = Signal(object)  # the exception
    page_loaded = Signal(int, bool)  # rows in the page, first page of a (re)load

    def __init__(
        self,
        service: CustomerOverviewService,
        background: Background,
        customer_id: int,
        *,
        topics: dict[str, Topic] | None = None,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._bg, self.customer_id = service, background, customer_id
        self._topics = topics or {}
        self.department_names: dict[str, str] = {}  # stored name → name in the desk's language (set by the overview)
        self._page_size = page_size
        self._items: list[TimelineItem] = []
        self._cursor: tuple | None = None
        self._has_more = False
        self._loading = False
        self._failed = False
        self._filters = TimelineFilter()
        self._latest = LatestOnly()
        self._held: TimelinePage | None = None  # a first page that waits for release()
        self._holding = False
        self.pages_loaded = 0  # since the last reload, for tests and the log

    # -- requests ------------------------------------------------------------------------------

    @property
    def filters(self) -> TimelineFilter:
        return self._filters

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def failed(self) -> bool:
        return self._failed

    def set_filters(self, filters: TimelineFilter) -> None:
        self._filters = filters
        self.reload()

    def reload(self, *, hold: bool = False) -> None:
        """Forget the loaded contacts and load the first page again (a new contact, new filters).

        ``hold``: the first page is read now but shown only at :meth:`release` (the overview reads the
        timeline in parallel with its audited open, and shows no contact before that open succeeded)."""
        self.beginResetModel()
        self._items = []
        self._cursor = None
        self._has_more = False
        self.pages_loaded = 0
        self.endResetModel()
        self._held, self._holding = None, hold
        self._load(first=True)

    @property
    def held(self) -> bool:
        """A first page is here and waits for :meth:`release`."""
        return self._held is not None

    def release(self) -> None:
        """Show the first page held by ``reload(hold=True)``: now if it is here, else when it comes."""
        self._holding = False
        page, self._held = self._held, None
        if page is not None:
            self._loaded(page, True)

    def retry(self) -> None:
        """After a failure: load the page that failed again."""
        if not self._failed:
            return
        self._load(first=not self._items)

    def _load(self, *, first: bool) -> None:
        if self._bg.closed:  # the desk is closing: nothing more to show
            return
        token = self._latest.next()
        self._failed = False
        self._set_loading(True)
        job = partial(
            self._service.timeline,
            self.customer_id,
            after=None if first else self._cursor,
            limit=self._page_size,
            filters=self._filters,
        )
        self._bg.read(job, token=token, owner=self).on_success(lambda page: self._loaded(page, first)).on_failure(
            self._load_failed
        )

    def _loaded(self, page: TimelinePage, first: bool) -> None:
        if first and self._holding:
            self._held = page
            return
        # The cursor moves before the rows arrive: a view that asks for more on rowsInserted
        # must get the page after this one, not this one again.
        self._cursor = page.next_cursor
        self._has_more = page.next_cursor is not None
        self.pages_loaded += 1
        self._set_loading(False)
        known = {item.id for item in self._items}
        new = [item for item in page.items if item.id not in known]
        if new:
            start = len(self._items)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            self._items.extend(new)
            self.endInsertRows()
        self.page_loaded.emit(len(new), first)

    def _load_failed(self, exc: BaseException) -> None:
        log.info("timeline page failed: %s", type(exc).__name__)
        self._failed = True
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    # -- lazy loading ----------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        if parent.isValid():
            return False
        return self._has_more and not self._loading and not self._failed

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._load(first=False)

    @property
    def has_more(self) -> bool:
        return self._has_more

    # -- the table ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def item(self, row: int) -> TimelineItem:
        return self._items[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._items):  # a flat table: a valid index has no parent
            return None
        item = self._items[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == ITEM_ROLE:
            return item
        return None

    def _display(self, item: TimelineItem, column: int) -> str:
        if column == WHEN:
            return format_moment(item.started_at)
        if column == CHANNEL:
            if item.direction is Direction.OUTBOUND:
                return f"{channel_label(item.channel)}, {direction_label(item.direction)}"
            return channel_label(item.channel)
        if column == TOPIC:
            return topic_label(item.topic, self._topics) if item.topic else ""
        if column == DEPARTMENT:
            name = item.department_name or ""
            return self.department_names.get(name, name)
        if column == AGENT:
            return item.agent_name or ""
        if column == OUTCOME:
            outcome = outcome_label(item.outcome)
            if item.feedback_score is None:
                return outcome
            feedback = self.tr("Feedback %1/5").replace("%1", str(item.feedback_score))
            return f"{outcome} · {feedback}" if outcome else feedback
        if column == NOTES:
            return _preview(item.notes)
        return ""

    def _tooltip(self, item: TimelineItem) -> str:
        """Everything about the contact, also what a narrow table leaves out."""
        lines = [f"{format_moment(item.started_at)} · {channel_label(item.channel)}, {direction_label(item.direction)}"]
        for column in (TOPIC, DEPARTMENT, AGENT, OUTCOME):
            text = self._display(item, column)
            if text:
                lines.append(f"{self.headerData(column, Qt.Orientation.Horizontal)}: {text}")
        if item.case_id is not None:
            lines.append(self.tr("Case #%1").replace("%1", str(item.case_id)))
        if item.feedback_comment:
            comment = item.feedback_comment
            lines.append(self.tr("The citizen's feedback: %1").replace("%1", comment[:500]))
        if item.notes:
            lines.append("")
            lines.append(item.notes if len(item.notes) <= 2000 else item.notes[:2000] + "…")
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("When"),
            self.tr("Channel"),
            self.tr("Topic"),
            self.tr("Department"),
            self.tr("Agent"),
            self.tr("Outcome"),
            self.tr("Notes"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def set_department_names(self, names: dict[str, str]) -> None:
        self.department_names = names
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and the translated codes follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, COLUMN_COUNT - 1))
