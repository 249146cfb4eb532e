"""Rendering a plugin's :class:`~agentdesk.plugin_api.PanelData`, whatever the plugin: badges, then
each section's key/value rows and table. Plugins send plain text only; nothing here interprets it as
rich text or HTML.

Tables are a :class:`QTableView` over a small :class:`PanelTableModel` (the rows a plugin sends are
few); long cells are elided and shown whole in the tooltip. Tables give up height first when the
panel is short of room, and scroll inside themselves.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.plugin_api import Badge, PanelData, Section, Table

# background, text per badge level: info neutral, warning amber, alert red (as the overview's alerts)
BADGE_COLOURS = {
    "info": ("#e3e8ef", "#1f2933"),
    "warning": ("#f2a900", "#1f1300"),
    "alert": ("#b00020", "#ffffff"),
}
LEVEL_ORDER = {"alert": 2, "warning": 1, "info": 0}
MAX_TABLE_ROWS = 8  # a table asks for room for this many rows at most; more scroll
_ROOT = QModelIndex()  # the invisible root: the default parent of the model's methods


def badge_level(level: str) -> str:
    return level if level in BADGE_COLOURS else "info"


def highest_level(badges: tuple[Badge, ...]) -> str | None:
    levels = [badge_level(b.level) for b in badges]
    return max(levels, key=LEVEL_ORDER.__getitem__) if levels else None


class PanelTableModel(QAbstractTableModel):
    """A plugin table: fixed columns, rows of text. Read-only."""

    def __init__(self, table: Table, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(table.columns)
        width = len(self._columns)
        # Rows with too few or too many cells are padded or cut to the header (plugins are untrusted).
        self._rows = tuple(tuple(row[:width]) + ("",) * (width - len(row)) for row in table.rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self._rows))
            or not (0 <= index.column() < len(self._columns))
        ):
            return None
        text = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return text if text or role == Qt.ItemDataRole.DisplayRole else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PanelTableView(QTableView):
    """Compact and read-only. Columns share the panel's width (a column that does not fit is elided;
    its tooltip has the whole text), so there is no sideways scrolling; the table asks for room for
    its rows (up to MAX_TABLE_ROWS) and gives up height first when the panel is short of room.
    ``elided_changed(bool)`` says whether some column is narrower than its text."""

    elided_changed = Signal(bool)

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelTable")
        self.setModel(PanelTableModel(table, self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(24)
        self._wanted = [
            max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(self.model().columnCount())
        ]
        self.elided = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def fit_columns(self) -> None:
        """Share the width: every column gets what it needs if it can; otherwise the narrow ones get
        theirs and the wide ones split the rest evenly (water filling)."""
        width = self.viewport().width()
        wanted = list(self._wanted)
        if not wanted or width <= 0:
            return
        sizes = [0] * len(wanted)
        left, open_columns = width, sorted(range(len(wanted)), key=lambda c: wanted[c])
        while open_columns:
            share = left // len(open_columns)
            column = open_columns[0]
            if wanted[column] <= share:
                sizes[column] = wanted[column]
                left -= wanted[column]
                open_columns.pop(0)
                continue
            for column in open_columns:
                sizes[column] = share
            left -= share * len(open_columns)
            break
        sizes[-1] += max(0, left)  # the last column takes what is left over
        header = self.horizontalHeader()
        for column, size in enumerate(sizes):
            header.resizeSection(column, size)
        elided = any(size < want for size, want in zip(sizes, wanted, strict=True))
        if elided != self.elided:
            self.elided = elided
            self.elided_changed.emit(elided)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _height_for(self, rows: int) -> int:
        return (
            self.horizontalHeader().sizeHint().height()
            + rows * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self._height_for(max(1, min(self.model().rowCount(), MAX_TABLE_ROWS))))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setHeight(self._height_for(1))
        return hint


def badge_label(badge: Badge, parent: QWidget | None = None) -> QLabel:
    label = QLabel(badge.text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    level = badge_level(badge.level)
    label.setObjectName(f"panelBadge_{level}")
    label.setProperty("badgeLevel", level)
    background, text = BADGE_COLOURS[level]
    weight = "bold" if level != "info" else "normal"
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: {text}; font-weight: {weight};"
        f" border-radius: 4px; padding: 2px 8px; }}"
    )
    label.setWordWrap(True)
    return label


def _plain(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class RowDetail(QLabel):
    """Under a table whose columns are elided: the selected row in full ("Column: value · ...")."""

    def __init__(self, view: PanelTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelRowDetail")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("QLabel { color: #4a4a4a; }")
        self._view = view
        view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show())
        view.elided_changed.connect(lambda _e: self._show())
        view.selectionModel().setCurrentIndex(view.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.hide()

    def _show(self) -> None:
        view, model = self._view, self._view.model()
        row = view.currentIndex().row()
        if not view.elided or row < 0:
            self.hide()
            return
        parts = []
        for column in range(model.columnCount()):
            value = str(model.index(row, column).data() or "")
            if value:
                parts.append(f"{model.headerData(column, Qt.Orientation.Horizontal)}: {value}")
        self.setText(" · ".join(parts))
        self.show()


class PanelContent(QWidget):
    """One PanelData: badges, sections (title, key/value rows, table) or the empty message."""

    def __init__(self, data: PanelData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelContent")
        self.data = data
        self.tables: list[PanelTableView] = []
        self.badges: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        if data.badges:
            row = QWidget(self)
            row.setObjectName("panelBadges")
            flow = QHBoxLayout(row)
            flow.setContentsMargins(0, 0, 0, 0)
            flow.setSpacing(4)
            for badge in sorted(data.badges, key=lambda b: -LEVEL_ORDER[badge_level(b.level)]):
                label = badge_label(badge, row)
                self.badges.append(label)
                flow.addWidget(label)
            flow.addStretch(1)
            layout.addWidget(row)
        if data.empty or not data.sections:
            message = _plain(data.message, self, "panelEmptyMessage")
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            message.setEnabled(False)
            layout.addWidget(message, 1)
            return
        for section in data.sections:
            self._add_section(section, layout)
        layout.addStretch(1)

    def _add_section(self, section: Section, layout: QVBoxLayout) -> None:
        if section.title:
            title = _plain(section.title, self, "panelSectionTitle")
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
        if section.items:
            grid_widget = QWidget(self)
            grid_widget.setObjectName("panelKeyValues")
            grid = QGridLayout(grid_widget)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(2)
            for row, item in enumerate(section.items):
                key = _plain(item.label, grid_widget, "panelKey")
                key.setEnabled(False)
                key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(key, row, 0)
                grid.addWidget(_plain(item.value, grid_widget, "panelValue"), row, 1)
            grid.setColumnStretch(1, 1)
            layout.addWidget(grid_widget)
        table = section.table
        if table is not None:
            if table.rows:
                view = PanelTableView(table, self)
                self.tables.append(view)
                layout.addWidget(view)
                layout.addWidget(RowDetail(view, self))
            else:
                empty = _plain(table.empty_text or "—", self, "panelTableEmpty")
                empty.setEnabled(False)
                layout.addWidget(empty)

    def texts(self) -> list[str]:
        """Everything the content shows (tests, accessibility checks)."""
        out = [b.text() for b in self.badges]
        for label in self.findChildren(QLabel):
            if label not in self.badges:
                out.append(label.text())
        for view in self.tables:
            model = view.model()
            out += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
            out += [
                str(model.index(r, c).data() or "") for r in range(model.rowCount()) for c in range(model.columnCount())
            ]
        return out
