"""The supervisor dashboard window: queue tiles, agents by state, today's contacts.

::

    stats = Statistics(db)
    window = DashboardWindow(stats.snapshot, stats.items, background, parent=main_window)
    window.show()

Every ``interval_ms`` (2 s) a timer asks for a new :class:`DashboardSnapshot` on the background
helper's read pool. The UI thread never waits: a tick that comes while the previous snapshot is
still being read is skipped (counted in ``skipped_ticks``), and results are tied to a
:class:`LatestOnly` token so closing the window drops any answer still on its way. The callbacks
hold the window weakly (:func:`weakly`). Each applied
snapshot writes the structured event ``dashboard.refreshed ms=<tick to applied> query_ms=<reading>
apply_ms=<updating the widgets>``.

Everything is built once and updated in place (tiles per queue, a table model, two painted
charts), so a whole working day of refreshes leaves the widget tree as it was at nine; a tile is
only rebuilt when the set of queues itself changes. A failed refresh keeps the last figures, says
so in the header and tries again at the next tick.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import weakref
from collections.abc import Callable
from types import MethodType
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.queues import HELSINKI, DashboardSnapshot, QueueInfo
from agentdesk.storage.models import Channel, PresenceState
from agentdesk_desktop import events
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.dashboard.agents_model import DEPARTMENT, NAME, STATE, TIME_IN_STATE, AgentsModel
from agentdesk_desktop.dashboard.bar_chart import Bar, BarChart
from agentdesk_desktop.dashboard.case_deadlines import CaseDeadlines
from agentdesk_desktop.dashboard.drill_down import DrillDownDialog, ItemsFn
from agentdesk_desktop.dashboard.figures import STATE_COLOURS, state_label
from agentdesk_desktop.dashboard.looks import ALARM_TEXT, StateBadge, emphasise, text_colour
from agentdesk_desktop.dashboard.queue_tile import QueueTile
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.widgets.labels import channel_label

if TYPE_CHECKING:  # both are imported when the quarantine is first opened
    from agentdesk.channels.email_quarantine import MailQuarantine
    from agentdesk_desktop.dashboard.quarantine_dialog import QuarantineDialog

log = logging.getLogger(__name__)

REFRESH_MS = 2000
TILE_WIDTH = 330  # a tile's share of the window's width when the tiles are laid out in rows
MAX_TILE_ROWS = 2  # more rows of tiles scroll

SnapshotFn = Callable[[dt.datetime], DashboardSnapshot]  # e.g. Statistics(db).snapshot; runs off the UI thread

CHANNEL_COLOURS = {
    Channel.PHONE: "#1565c0",
    Channel.EMAIL: "#6a1b9a",
    Channel.WALK_IN: "#2e7d32",
    Channel.WEB: "#ef6c00",
    Channel.SMS: "#00838f",
}
HOUR_COLOUR = "#455a64"
OFFICE_FIRST_HOUR, OFFICE_LAST_HOUR = 7, 18


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def shown_hours(by_hour: tuple[int, ...]) -> range:
    """The hours the chart shows: the office day 7–18, widened to any hour that had contacts."""
    busy = [h for h, n in enumerate(by_hour) if n]
    return range(min([OFFICE_FIRST_HOUR, *busy]), max([OFFICE_LAST_HOUR, *busy]) + 1)


T = TypeVar("T")


def weakly(method: Callable[[T], None]) -> Callable[[T], None]:
    """A callback that does not keep its window alive. The job's record, which holds the
    callbacks, may be let go last on a pool thread; a window without a parent whose last reference
    went with it would be deleted there, off the UI thread. Gone windows are skipped."""
    ref = weakref.WeakMethod(method)

    def call(value: T) -> None:
        bound = ref()  # a bound method while its window lives, else None
        if isinstance(bound, MethodType) and shiboken6.isValid(bound.__self__):
            bound(value)

    return call


def _timed_snapshot(snapshot: SnapshotFn, now: dt.datetime) -> tuple[DashboardSnapshot, float]:
    """Runs on the read pool: the snapshot and how long reading it took (ms)."""
    started = time.perf_counter()
    result = snapshot(now)
    return result, (time.perf_counter() - started) * 1000


class DashboardWindow(QMainWindow):
    refreshed = Signal(object)  # the DashboardSnapshot now shown
    refresh_failed = Signal(object)  # the exception

    def __init__(
        self,
        snapshot: SnapshotFn,
        items: ItemsFn,
        background: Background,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        interval_ms: int = REFRESH_MS,
        quarantine: MailQuarantine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self._snapshot_fn, self._items_fn, self._bg, self._clock = snapshot, items, background, clock
        self._latest = LatestOnly()
        self._in_flight = False
        self._tick_started = 0.0
        self._failing = False
        self.snapshot: DashboardSnapshot | None = None
        self.tiles: dict[int, QueueTile] = {}
        self._tile_order: list[int] = []
        self._columns = 0
        self.refresh_count = 0
        self.skipped_ticks = 0
        self.drill_down: DrillDownDialog | None = None

        self.timer = QTimer(self)
        self.timer.setObjectName("dashboardRefresh")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh_now)

        central = QWidget(self)
        self.setCentralWidget(central)
        self._build(central)
        self.quarantine, self.quarantine_button = quarantine, QPushButton(central)  # quarantined e-mail
        self.quarantine_button.setVisible(quarantine is not None)
        self.quarantine_button.clicked.connect(self.open_quarantine)
        self._header.insertWidget(1, self.quarantine_button)
        self._retranslate()
        self.resize(1600, 960)

    # -- building --------------------------------------------------------------------------------

    def _build(self, central: QWidget) -> None:
        self.title = QLabel(central)
        self.title.setObjectName("dashboardTitle")
        emphasise(self.title, point_size=14)
        self.updated = QLabel(central)
        self.updated.setObjectName("dashboardUpdated")
        self.problem = QLabel(central)
        self.problem.setObjectName("dashboardProblem")
        emphasise(self.problem)
        text_colour(self.problem, ALARM_TEXT)
        self.problem.hide()
        self._header = header = QHBoxLayout()  # the quarantine button joins it after the title
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.problem)
        header.addSpacing(16)
        self.case_deadlines = CaseDeadlines(central)
        header.addWidget(self.case_deadlines)
        header.addSpacing(16)
        header.addWidget(self.updated)

        self.tile_area = QWidget(central)
        self.tile_area.setObjectName("queueTiles")
        self.tile_grid = QGridLayout(self.tile_area)
        self.tile_grid.setContentsMargins(0, 0, 0, 0)
        self.tile_grid.setSpacing(10)
        self.tile_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.no_queues = QLabel(self.tile_area)
        self.no_queues.setObjectName("noQueues")
        self.no_queues.setEnabled(False)
        self.tile_grid.addWidget(self.no_queues, 0, 0)
        self.tile_scroll = QScrollArea(central)
        self.tile_scroll.setObjectName("queueTileScroll")
        self.tile_scroll.setWidgetResizable(True)
        self.tile_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tile_scroll.setWidget(self.tile_area)

        # Agents: a count per state and the table.
        self.agents_box = QGroupBox(central)
        self.agents_box.setObjectName("agentsBox")
        self.state_counts: dict[PresenceState, QLabel] = {}
        counts = QHBoxLayout()
        counts.setSpacing(6)
        for state in PresenceState:
            label = StateBadge(STATE_COLOURS[state], self.agents_box)
            label.setObjectName("stateCount")
            self.state_counts[state] = label
            counts.addWidget(label)
        counts.addStretch(1)
        self.agents_model = AgentsModel(self)
        self.agents_table = QTableView(self.agents_box)
        self.agents_table.setObjectName("agentsTable")
        self.agents_table.setModel(self.agents_model)
        self.agents_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agents_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agents_table.setAlternatingRowColors(True)
        self.agents_table.setShowGrid(False)
        self.agents_table.setWordWrap(False)
        self.agents_table.verticalHeader().hide()
        self.agents_table.verticalHeader().setDefaultSectionSize(self.agents_table.fontMetrics().height() + 8)
        header_view = self.agents_table.horizontalHeader()
        header_view.setHighlightSections(False)
        header_view.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, sample in (
            (STATE, "On a break____"),
            (TIME_IN_STATE, "10 h 00 min__"),
            (DEPARTMENT, "Terveyspalvelut____"),
        ):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header_view.resizeSection(column, self.agents_table.fontMetrics().horizontalAdvance(sample) + 28)
        agents_layout = QVBoxLayout(self.agents_box)
        agents_layout.addLayout(counts)
        agents_layout.addWidget(self.agents_table, 1)

        # Today's contacts: by channel and by hour.
        self.contacts_box = QGroupBox(central)
        self.contacts_box.setObjectName("contactsBox")
        self.contacts_total = QLabel(self.contacts_box)
        self.contacts_total.setObjectName("contactsToday")
        self.by_channel_label = QLabel(self.contacts_box)
        self.by_channel = BarChart(self.contacts_box, orientation=Qt.Orientation.Horizontal)
        self.by_channel.setObjectName("contactsByChannel")
        self.by_hour_label = QLabel(self.contacts_box)
        self.by_hour = BarChart(self.contacts_box)
        self.by_hour.setObjectName("contactsByHour")
        charts = QHBoxLayout()
        channel_column = QVBoxLayout()
        channel_column.addWidget(self.by_channel_label)
        channel_column.addWidget(self.by_channel, 1)
        hour_column = QVBoxLayout()
        hour_column.addWidget(self.by_hour_label)
        hour_column.addWidget(self.by_hour, 1)
        charts.addLayout(channel_column, 2)
        charts.addSpacing(12)
        charts.addLayout(hour_column, 5)
        contacts_layout = QVBoxLayout(self.contacts_box)
        contacts_layout.addWidget(self.contacts_total)
        contacts_layout.addLayout(charts, 1)

        # Agents and contacts side by side (not named `lower`: that is QWidget.lower()).
        self.lower_panes = QSplitter(Qt.Orientation.Horizontal, central)
        self.lower_panes.setObjectName("dashboardLower")
        self.lower_panes.addWidget(self.agents_box)
        self.lower_panes.addWidget(self.contacts_box)
        self.lower_panes.setStretchFactor(0, 2)
        self.lower_panes.setStretchFactor(1, 3)
        self.lower_panes.setChildrenCollapsible(False)

        self.lower_panes.setSizes([760, 1100])
        self.agents_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.tile_scroll)
        layout.addWidget(self.lower_panes, 1)

    # -- refreshing ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.timer.isActive():
            self.timer.start()
            self.refresh_now()

    @property
    def refreshing(self) -> bool:
        return self._in_flight

    @Slot()
    def refresh_now(self) -> bool:
        """Ask for new figures now; False (and nothing asked) while the previous read is running."""
        if self._in_flight:
            self.skipped_ticks += 1
            return False
        self._in_flight = True
        self._tick_started = time.perf_counter()
        self._bg.read(_timed_snapshot, self._snapshot_fn, self._clock(), token=self._latest.next()).on_success(
            weakly(self._arrived)
        ).on_failure(weakly(self._failed))
        return True

    def _arrived(self, result: tuple[DashboardSnapshot, float]) -> None:
        self._in_flight = False
        snapshot, query_ms = result
        started = time.perf_counter()
        self.apply(snapshot)
        done = time.perf_counter()
        self.refresh_count += 1
        events.emit(
            "dashboard.refreshed",
            ms=round((done - self._tick_started) * 1000),
            query_ms=round(query_ms),
            apply_ms=round((done - started) * 1000),
            queues=len(snapshot.queues),
            agents=len(snapshot.agents),
        )
        self.refreshed.emit(snapshot)

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        if not self._failing:
            log.warning("dashboard figures could not be read: %s", type(exc).__name__)
        self._failing = True
        self.problem.setText(
            fill(self.tr("The figures could not be refreshed (%1); trying again."), time.strftime("%H:%M:%S"))
        )
        self.problem.show()
        self.refresh_failed.emit(exc)

    # -- showing a snapshot ----------------------------------------------------------------------

    def apply(self, snapshot: DashboardSnapshot) -> None:
        """Show the figures of ``snapshot`` (UI thread)."""
        self.snapshot = snapshot
        if self._failing:
            self._failing = False
            self.problem.hide()
        self._sync_tiles([q.queue for q in snapshot.queues])
        for stats in snapshot.queues:
            self.tiles[stats.queue.id].set_stats(stats)
        self.agents_model.set_agents(snapshot.agents)
        counts = {c.state: c.agents for c in snapshot.agents_by_state}
        for state, label in self.state_counts.items():
            text = f"{state_label(state)} {counts.get(state, 0)}"
            if label.text() != text:
                label.setText(text)
        self.by_channel.set_bars(
            [
                Bar(channel_label(c.channel), c.contacts, CHANNEL_COLOURS.get(c.channel, HOUR_COLOUR))
                for c in snapshot.contacts_by_channel
            ]
        )
        self.by_hour.set_bars(
            [Bar(str(h), snapshot.contacts_by_hour[h], HOUR_COLOUR) for h in shown_hours(snapshot.contacts_by_hour)]
        )
        self.case_deadlines.show_snapshot(snapshot)
        self._show_header_texts()

    def _sync_tiles(self, queues: list[QueueInfo]) -> None:
        ids = [q.id for q in queues]
        if ids == self._tile_order:
            return
        for queue_id in set(self.tiles) - set(ids):
            tile = self.tiles.pop(queue_id)
            self.tile_grid.removeWidget(tile)
            tile.deleteLater()
        for q in queues:
            if q.id not in self.tiles:
                tile = QueueTile(q, self.tile_area)
                tile.drill_requested.connect(self.open_drill_down)
                self.tiles[q.id] = tile
        self._tile_order = ids
        self.no_queues.setVisible(not ids)
        self._columns = 0
        self._lay_out_tiles()

    def _lay_out_tiles(self) -> None:
        columns = max(1, min(len(self._tile_order) or 1, self.tile_scroll.viewport().width() // TILE_WIDTH))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        for i, queue_id in enumerate(self._tile_order):
            self.tile_grid.addWidget(self.tiles[queue_id], i // columns, i % columns)
        for column in range(self.tile_grid.columnCount()):
            self.tile_grid.setColumnStretch(column, 1 if column < columns else 0)
        self._fit_tile_height()

    def _fit_tile_height(self) -> None:
        """The tiles take the height they need, up to two rows; more rows scroll."""
        rows = (len(self._tile_order) + self._columns - 1) // self._columns if self._tile_order else 1
        row_height = max(
            (t.sizeHint().height() for t in self.tiles.values()), default=self.no_queues.sizeHint().height()
        )
        spacing = self.tile_grid.spacing()
        shown = min(rows, MAX_TILE_ROWS)
        self.tile_scroll.setFixedHeight(shown * row_height + (shown - 1) * spacing + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out_tiles()

    def tile(self, code: str) -> QueueTile | None:
        return next((t for t in self.tiles.values() if t.queue.code == code), None)

    # -- drill-down ------------------------------------------------------------------------------

    @Slot(int, str)
    def open_drill_down(self, queue_id: int, kind: str = "waiting") -> DrillDownDialog:
        tile = self.tiles[queue_id]
        if self.drill_down is not None:
            self.drill_down.close()
        dialog = DrillDownDialog(tile.queue, self._items_fn, self._bg, kind, clock=self._clock, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._drill_down_gone)
        self.drill_down = dialog
        dialog.show()
        return dialog

    @Slot()
    def _drill_down_gone(self) -> None:
        self.drill_down = None

    @Slot()
    def open_quarantine(self) -> QuarantineDialog | None:
        from agentdesk_desktop.dashboard.quarantine_dialog import QuarantineDialog

        if self.quarantine is None:
            return None  # the button is hidden then
        dialog = QuarantineDialog(self.quarantine.list, self.quarantine.retry, self._bg, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- texts, closing --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor dashboard – AgentDesk"))
        self.agents_box.setTitle(self.tr("Agents"))
        self.contacts_box.setTitle(self.tr("Today's contacts"))
        self.by_channel_label.setText(self.tr("By channel"))
        self.by_hour_label.setText(self.tr("By hour"))
        self.no_queues.setText(self.tr("No active queues. Queues are set up by the administrator."))
        self.quarantine_button.setText(self.tr("Quarantined e-mail…"))
        self.agents_model.retranslate()
        if self.snapshot is not None:
            self.apply(self.snapshot)
        else:
            self._show_header_texts()

    def _show_header_texts(self) -> None:
        snap = self.snapshot
        if snap is None:
            self.title.setText(self.tr("Supervisor dashboard"))
            self.updated.setText(self.tr("Loading the figures…"))
            self.contacts_total.setText("")
            return
        title = fill(self.tr("Supervisor dashboard · %1"), f"{snap.day.day}.{snap.day.month}.{snap.day.year}")
        if self.title.text() != title:
            self.title.setText(title)
        self.updated.setText(fill(self.tr("Updated %1"), snap.at.astimezone(HELSINKI).strftime("%H:%M:%S")))
        self.contacts_total.setText(fill(self.tr("%1 contacts logged today"), snap.contacts_today))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self._latest.cancel()
        self._in_flight = False
        if self.drill_down is not None:
            self.drill_down.close()
        events.emit("dashboard.closed", refreshes=self.refresh_count)
        super().closeEvent(event)
