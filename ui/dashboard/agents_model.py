"""Agents by state with their time in state: the dashboard's agent table.

Updated in place every refresh: when the same agents come back in the same order only the
changed cells are announced (``dataChanged``), otherwise the model resets. Either way it keeps
plain values, never a widget per row, so 200 agents refreshed all day cost the same as at nine.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from agentdesk.queues import AgentState
from ui.dashboard.figures import STATE_COLOURS, duration_text, state_label

NAME, STATE, TIME_IN_STATE, DEPARTMENT = range(4)
_Index = QModelIndex | QPersistentModelIndex


class AgentsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._agents: tuple[AgentState, ...] = ()

    def set_agents(self, agents: Sequence[AgentState]) -> None:
        agents = tuple(agents)
        same_rows = len(agents) == len(self._agents) and all(
            a.staff.id == b.staff.id for a, b in zip(agents, self._agents, strict=True))
        if not same_rows:
            self.beginResetModel()
            self._agents = agents
            self.endResetModel()
            return
        old, self._agents = self._agents, agents
        changed = [i for i, (a, b) in enumerate(zip(old, agents, strict=True)) if a != b]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))

    def agent(self, row: int) -> AgentState:
        return self._agents[row]

    # -- the model interface -------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._agents)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._agents):
            return None
        a, column = self._agents[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return a.staff.display_name
            if column == STATE:
                return state_label(a.state)
            if column == TIME_IN_STATE:
                return duration_text(a.seconds_in_state)
            if column == DEPARTMENT:
                return a.staff.department_name or ""
        elif role == Qt.ItemDataRole.DecorationRole and column == STATE:
            return QColor(STATE_COLOURS.get(a.state, "#757575"))
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == TIME_IN_STATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.UserRole:
            return a.staff.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Agent"), self.tr("State"), self.tr("Time in state"), self.tr("Department"))[section] \
            if 0 <= section < 4 else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self._agents:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._agents) - 1, 3))
