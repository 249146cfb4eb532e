"""The agent's presence in the status bar: available, busy, wrap-up (with its running time), break,
offline — a button whose menu the agent changes it with.

Work changes it too: :meth:`PresenceButton.work_started` (a call answered, an item taken with Next)
makes the agent busy; :meth:`PresenceButton.work_ended` (an answered call hung up) starts wrap-up,
which ends when the agent picks another state or, with the profile's ``[work] wrap_up_seconds``
(0: never), by itself (back to available). Every read and write goes through the background helper;
the button shows a state once the database has it. A write that fails keeps the state shown and says
so on the button.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from agentdesk.queues import AgentState, Presence, PresenceState
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.widgets.panel_parts import clock_text

log = logging.getLogger(__name__)

_COLOURS = {
    PresenceState.AVAILABLE: "#2e7d32",
    PresenceState.BUSY: "#b3261e",
    PresenceState.WRAP_UP: "#ef6c00",
    PresenceState.BREAK: "#6a1b9a",
    PresenceState.OFFLINE: "#616161",
}


class PresenceButton(QToolButton):
    state_shown = Signal(object)  # PresenceState: the database has it and the button shows it

    def __init__(
        self,
        background: Background,
        presence: Presence,
        staff_id: int,
        *,
        wrap_up_seconds: int = 60,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presenceButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._bg, self._presence, self._staff = background, presence, staff_id
        self.wrap_up_seconds = wrap_up_seconds
        self.state: PresenceState | None = None  # None until the database has answered
        self.since: dt.datetime | None = None
        self.problem = False  # the last change could not be saved

        self.menu_ = QMenu(self)
        self.menu_.setObjectName("presenceMenu")
        group = QActionGroup(self)
        self.actions_by_state: dict[PresenceState, QAction] = {}
        for state in PresenceState:
            action = QAction(self)
            action.setCheckable(True)
            action.setData(state.value)
            action.triggered.connect(lambda _checked=False, s=state: self.choose(s))
            group.addAction(action)
            self.menu_.addAction(action)
            self.actions_by_state[state] = action
        self.setMenu(self.menu_)

        self._tick = QTimer(self)  # the wrap-up's running time, once a second
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._retranslate)
        self._wrap_up_end = QTimer(self)
        self._wrap_up_end.setSingleShot(True)
        self._wrap_up_end.timeout.connect(self._wrap_up_over)
        self._retranslate()

    # -- what changes it -------------------------------------------------------------------------

    def start(self) -> None:
        """Read the agent's presence; a signed-in agent who was offline (or never set) is available."""
        self._bg.read(self._presence.get, self._staff, owner=self).success(self._loaded).failure(self._failed)

    def _loaded(self, current: AgentState | None) -> None:
        if current is None or current.state is PresenceState.OFFLINE:
            self._write(PresenceState.AVAILABLE)
        else:
            self._show(current)

    @Slot()
    def choose(self, state: PresenceState) -> None:
        """The agent picked a state from the menu (this also ends a wrap-up)."""
        self._write(PresenceState(state))

    def work_started(self) -> None:
        """A call was answered or an item taken: busy."""
        self._write(PresenceState.BUSY)

    def work_ended(self) -> None:
        """An answered call ended: wrap-up (if the agent is still busy with it)."""
        if self.state in (PresenceState.BUSY, None):
            self._write(PresenceState.WRAP_UP)

    @Slot()
    def _wrap_up_over(self) -> None:
        if self.state is PresenceState.WRAP_UP:
            self._write(PresenceState.AVAILABLE)

    def _write(self, state: PresenceState) -> None:
        self._bg.write(self._presence.set_state, self._staff, state, owner=self).success(self._show).failure(
            self._failed
        )

    def _show(self, current: AgentState) -> None:
        self.state, self.since, self.problem = current.state, current.since, False
        self.actions_by_state[current.state].setChecked(True)
        self._wrap_up_end.stop()
        if current.state is PresenceState.WRAP_UP:
            self._tick.start()
            if self.wrap_up_seconds > 0:
                left = self.wrap_up_seconds - current.seconds_in_state
                self._wrap_up_end.start(max(0, int(left * 1000)))
        else:
            self._tick.stop()
        events.emit("presence.shown", state=current.state.value)
        self._retranslate()
        self.state_shown.emit(current.state)

    def _failed(self, exc: BaseException) -> None:
        log.error("the presence could not be read or saved: %s", type(exc).__name__)
        self.problem = True
        self._retranslate()

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def state_text(self, state: PresenceState) -> str:
        return {
            PresenceState.AVAILABLE: self.tr("Available"),
            PresenceState.BUSY: self.tr("Busy"),
            PresenceState.WRAP_UP: self.tr("Wrap-up"),
            PresenceState.BREAK: self.tr("Break"),
            PresenceState.OFFLINE: self.tr("Offline"),
        }[state]

    @Slot()
    def _retranslate(self) -> None:
        for each, action in self.actions_by_state.items():
            action.setText(self.state_text(each))
        state = self.state
        if state is None:
            text = self.tr("Presence: …")
        elif state is PresenceState.WRAP_UP and self.since is not None:
            seconds = (dt.datetime.now(dt.UTC) - self.since).total_seconds()
            text = fill(self.tr("● Wrap-up %1"), clock_text(seconds))
        else:
            text = "● " + self.state_text(state)
        if self.problem:
            text += " ⚠"
        self.setText(text)
        self.setToolTip(
            self.tr("Your presence could not be saved; the desk shows the last saved one. Try again.")
            if self.problem
            else self.tr("Your presence: click to change it")
        )
        self.setAccessibleName(fill(self.tr("Presence: %1"), self.state_text(state) if state else "…"))
        colour = _COLOURS.get(state) if state is not None else None
        self.setStyleSheet(f"QToolButton#presenceButton {{ color: {colour}; font-weight: bold; }}" if colour else "")
