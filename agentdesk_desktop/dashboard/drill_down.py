"""The items behind a queue tile: who waits, who waits past the target, who gave up today.

A non-modal dialog over the dashboard with a choice of list and a table; the list is read with
:meth:`agentdesk.queues.Statistics.items` off the UI thread (newest request wins).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.queues import HELSINKI, QueueInfo, WorkItemState, WorkItemView
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.dashboard.figures import duration_text
from agentdesk_desktop.i18n import fill

log = logging.getLogger(__name__)

KINDS = ("waiting", "over_target", "abandoned")
REFERENCE, ARRIVED, WAITED, DUE, STATE = range(5)
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: the default parent of the model's methods

# (queue_id, kind, *, now) -> items, e.g. Statistics.items; runs on a background thread
ItemsFn = Callable[..., Sequence[WorkItemView]]


def _clock(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(HELSINKI)
    today = dt.datetime.now(HELSINKI).date()
    text = local.strftime("%H:%M:%S")
    return text if local.date() == today else f"{local.day}.{local.month}. {text}"


class ItemsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[WorkItemView, ...] = ()
        self._now = dt.datetime.now(dt.UTC)

    def set_items(self, items: Sequence[WorkItemView], now: dt.datetime) -> None:
        self.beginResetModel()
        self._items, self._now = tuple(items), now
        self.endResetModel()

    def item(self, row: int) -> WorkItemView:
        return self._items[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item, column = self._items[index.row()], index.column()
        if column == REFERENCE:
            return " · ".join(p for p in (item.external_ref, item.subject) if p) or f"#{item.id}"
        if column == ARRIVED:
            return _clock(item.created_at)
        if column == WAITED:
            end = item.finished_at if item.state is WorkItemState.ABANDONED else None
            return duration_text(item.waited_seconds(end or self._now))
        if column == DUE:
            return _clock(item.due_at)
        if column == STATE:
            return {
                WorkItemState.WAITING: self.tr("waiting"),
                WorkItemState.OFFERED: self.tr("offered"),
                WorkItemState.IN_PROGRESS: self.tr("in service"),
                WorkItemState.DONE: self.tr("done"),
                WorkItemState.ABANDONED: self.tr("gave up"),
            }.get(item.state, item.state.value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Reference"), self.tr("Arrived"), self.tr("Waited"), self.tr("Target time"), self.tr("State"))
        return names[section] if 0 <= section < len(names) else None


class DrillDownDialog(QDialog):
    def __init__(
        self,
        queue: QueueInfo,
        items: ItemsFn,
        background: Background,
        kind: str = "waiting",
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillDown")
        self.queue, self._items_fn, self._bg, self._clock = queue, items, background, clock
        self._latest = LatestOnly()
        self.loading = False
        self._now = clock()

        self.kind = QComboBox(self)
        self.kind.setObjectName("drillDownKind")
        for k in KINDS:
            self.kind.addItem("", k)
        self.kind.setCurrentIndex(KINDS.index(kind) if kind in KINDS else 0)
        self.kind.currentIndexChanged.connect(lambda _i: self.load())
        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind)
        self.count = QLabel(self)
        self.count.setObjectName("drillDownCount")
        self.model = ItemsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("drillDownItems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REFERENCE, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.kind_label)
        row.addWidget(self.kind, 1)
        row.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 460)
        self._retranslate()
        self.load()

    @property
    def current_kind(self) -> str:
        kind = self.kind.currentData()  # every item carries its kind
        return kind if isinstance(kind, str) else ""

    @Slot()
    def load(self) -> None:
        self.loading = True
        self.count.setText(self.tr("Loading…"))
        now = self._clock()
        self._now = now
        self._bg.read(
            partial(self._items_fn, now=now), self.queue.id, self.current_kind, token=self._latest.next(), owner=self
        ).on_success(self._loaded).on_failure(self._failed)

    def _loaded(self, items: Sequence[WorkItemView]) -> None:
        self.loading = False
        self.model.set_items(items, self._now)
        self.count.setText(fill(self.tr("%1 items"), len(items)))

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        log.error("the items of queue %s could not be read: %s", self.queue.id, type(exc).__name__)
        self.count.setText(self.tr("The items could not be read; choose the list again to retry."))

    def done(self, result: int) -> None:
        self._latest.cancel()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(fill(self.tr("%1: items"), self.queue.name))
        self.kind_label.setText(self.tr("&Show"))
        texts = {
            "waiting": self.tr("Waiting now, in the order they will be served"),
            "over_target": self.tr("Waiting past the target time"),
            "abandoned": self.tr("Gave up today"),
        }
        for i, k in enumerate(KINDS):
            self.kind.setItemText(i, texts[k])
