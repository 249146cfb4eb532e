"""Agents by state with their time in state: the dashboard's agent table.

Updated in place every refresh: when the same agents come back in the same order only the
changed cells are announced (``dataChanged``), otherwise the model resets. Either way it keeps
plain values, never a widget per row, so 200 agents refreshed all day cost the same as at nine.

Painting asks every visible cell for a dozen roles: the roles the table does not use are answered
at once, a row's texts are made once per refresh (or language), and the state colours are made once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from agentdesk.queues import AgentState
from agentdesk_desktop.dashboard.figures import STATE_COLOURS, duration_text, state_label
from agentdesk_desktop.widgets.department_label import department_label

NAME, STATE, TIME_IN_STATE, DEPARTMENT = range(4)
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: the default parent of the model's methods
_DISPLAY, _DECORATION = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT, _USER = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.UserRole)
_ROLES = frozenset({_DISPLAY, _DECORATION, _ALIGNMENT, _USER})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class AgentsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._agents: tuple[AgentState, ...] = ()
        self._texts: dict[int, tuple[str, str, str, str]] = {}  # row -> its texts, made when first painted
        self._colours = {state: QColor(colour) for state, colour in STATE_COLOURS.items()}
        self._grey = QColor("#757575")

    def set_agents(self, agents: Sequence[AgentState]) -> None:
        agents = tuple(agents)
        same_rows = len(agents) == len(self._agents) and all(
            a.staff.id == b.staff.id for a, b in zip(agents, self._agents, strict=True)
        )
        if not same_rows:
            self.beginResetModel()
            self._agents = agents
            self._texts.clear()
            self.endResetModel()
            return
        old, self._agents = self._agents, agents
        self._texts.clear()
        changed = [i for i, (a, b) in enumerate(zip(old, agents, strict=True)) if a != b]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))

    def agent(self, row: int) -> AgentState:
        return self._agents[row]

    # -- the model interface -------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._agents)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._agents):
            return None
        if role == _DISPLAY:
            texts = self._texts.get(row)
            if texts is None:
                a = self._agents[row]
                texts = self._texts[row] = (
                    a.staff.display_name,
                    state_label(a.state),
                    duration_text(a.seconds_in_state),
                    department_label(a.staff.department_code or "", a.staff.department_name or ""),
                )
            return texts[column] if 0 <= column < 4 else None
        if role == _DECORATION:
            return self._colours.get(self._agents[row].state, self._grey) if column == STATE else None
        if role == _ALIGNMENT:
            return _RIGHT if column == TIME_IN_STATE else None
        return self._agents[row].staff.id  # UserRole

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            (self.tr("Agent"), self.tr("State"), self.tr("Time in state"), self.tr("Department"))[section]
            if 0 <= section < 4
            else None
        )

    def retranslate(self) -> None:
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self._agents:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._agents) - 1, 3))
