"""The calm screen pop: a call shows as a notification in the corner of the main window.

It never takes the keyboard focus and never switches the tab: it is a child of the window (not a
window of its own, so nothing is activated), its buttons take no focus, and it moves nothing in
the window's layout (it floats above the bottom right of the window, so a click aimed at the form
below never lands on something else because the call came in). It says who is calling (the
customer's name, else the number, or "number withheld"), what the desk knows of the number (one
customer, several, nobody, withheld) and the queue.

Keys: **F9** accepts, **Shift+F9** dismisses (also the two buttons). F9 because it is one key that no
text field, list or Qt standard action uses: pressing it while typing never types a character or
moves the cursor, so it can only mean "take the call"; it is the softphones' usual answer key row
(F-keys), and it needs no second hand. Escape is not used: in a form or a dialog it already means
"cancel this".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout

from agentdesk.channels.phone import CallerMatch, ScreenPopResult
from agentdesk_desktop.i18n import fill

ACCEPT_KEY = QKeySequence(Qt.Key.Key_F9)
DISMISS_KEY = QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F9)
_MARGIN = 12


class CallNotification(QFrame):
    accepted = Signal()
    dismissed = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # a child: showing it activates no window and moves no focus
        self.setObjectName("callNotification")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "QFrame#callNotification { background: #e3f2fd; border: 2px solid #1e88e5; border-radius: 6px; }"
        )
        self._window = window
        self.pop_result: ScreenPopResult | None = None
        self._known_name = ""  # the customer's name when one customer has the number

        self.caller = QLabel(self)
        self.caller.setObjectName("notifiedCaller")
        font = self.caller.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.caller.setFont(font)
        self.match = QLabel(self)
        self.match.setObjectName("notifiedMatch")
        self.queue = QLabel(self)
        self.queue.setObjectName("notifiedQueue")
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("acceptCall")
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("dismissCall")
        for button in (self.accept_button, self.dismiss_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click never takes the focus from the form
            button.setAutoDefault(False)
        self.accept_button.clicked.connect(self.accept)
        self.dismiss_button.clicked.connect(self.dismiss)

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caller)
        layout.addWidget(self.match)
        layout.addWidget(self.queue)
        layout.addLayout(buttons)

        # Window shortcuts, on only while a call is shown: F9 types nothing in any field.
        self.accept_shortcut = QShortcut(ACCEPT_KEY, window, self.accept)
        self.dismiss_shortcut = QShortcut(DISMISS_KEY, window, self.dismiss)
        self._set_keys(False)
        window.installEventFilter(self)
        self._retranslate()
        self.hide()

    # -- showing a call --------------------------------------------------------------------------

    def show_call(self, result: ScreenPopResult, known_name: str = "") -> None:
        self.pop_result = result
        self._known_name = known_name
        self._retranslate()
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._set_keys(True)

    @property
    def showing(self) -> bool:
        return self.pop_result is not None

    @Slot()
    def accept(self) -> None:
        if self.pop_result is not None:
            self._close()
            self.accepted.emit()

    @Slot()
    def dismiss(self) -> None:
        if self.pop_result is not None:
            self._close()
            self.dismissed.emit()

    def withdraw(self) -> None:
        """The call is over before the agent took it (the caller hung up): nothing to accept."""
        self._close()

    def _close(self) -> None:
        self.pop_result = None
        self._set_keys(False)
        self.hide()

    def _set_keys(self, on: bool) -> None:
        self.accept_shortcut.setEnabled(on)
        self.dismiss_shortcut.setEnabled(on)

    def _place(self) -> None:
        area = self._window.rect()
        bar = self._window.statusBar()
        bottom = area.bottom() - (bar.height() if bar.isVisible() else 0) - _MARGIN
        size = self.sizeHint().expandedTo(self.minimumSizeHint())
        self.resize(size)
        self.move(area.right() - size.width() - _MARGIN, bottom - size.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.accept_button.setText(fill(self.tr("Accept (%1)"), ACCEPT_KEY.toString()))
        self.dismiss_button.setText(fill(self.tr("Dismiss (%1)"), DISMISS_KEY.toString()))
        r = self.pop_result
        if r is None:
            return
        number = r.caller_number
        if r.match is CallerMatch.KNOWN:
            name = self._known_name
            who = f"{name} · {number}" if name and number else (name or number)
            match = self.tr("Known customer")
        elif r.match is CallerMatch.SEVERAL:
            who, match = number, self.tr("Several customers have this number")
        elif r.match is CallerMatch.WITHHELD:
            who, match = self.tr("Number withheld"), self.tr("Unknown caller")
        else:
            who, match = number or self.tr("Unknown number"), self.tr("Unknown caller: no customer has this number")
        self.caller.setText(fill(self.tr("☎ %1"), who))
        self.match.setText(match)
        self.queue.setText(fill(self.tr("Queue: %1"), r.queue) if r.queue else self.tr("Direct call"))
        self.setAccessibleName(fill(self.tr("Incoming call: %1"), who))
