"""The call notification by itself: what it says for each kind of match, and that showing it moves
no keyboard focus and activates no window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from agentdesk.channels.phone import CallerMatch, ScreenPopResult
from agentdesk_desktop.phone.call_notification import CallNotification


def result(match: CallerMatch, number: str = "040 1234567", queue: str | None = "neuvonta") -> ScreenPopResult:
    return ScreenPopResult("1.1", match, 7 if match is CallerMatch.KNOWN else None, (), False, number, "", queue)


@pytest.fixture
def window(qtbot):
    window = QMainWindow()
    field = QLineEdit(window)
    window.setCentralWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return window


@pytest.mark.parametrize(
    ("match", "number", "caller", "said"),
    [
        (CallerMatch.KNOWN, "040 1234567", "☎ Anna Virtanen · 040 1234567", "Known customer"),
        (CallerMatch.SEVERAL, "09 1234567", "☎ 09 1234567", "Several customers have this number"),
        (CallerMatch.UNKNOWN, "044 9998888", "☎ 044 9998888", "Unknown caller: no customer has this number"),
        (CallerMatch.WITHHELD, "", "☎ Number withheld", "Unknown caller"),
    ],
)
def test_the_notification_says_who_what_the_desk_knows_and_the_queue(window, qtbot, match, number, caller, said):
    note = CallNotification(window)
    field = window.centralWidget()
    note.show_call(result(match, number), "Anna Virtanen" if match is CallerMatch.KNOWN else "")
    assert note.isVisible() and (note.caller.text(), note.match.text()) == (caller, said)
    assert note.queue.text() == "Queue: neuvonta"
    assert note.accept_button.text() == "Accept (F9)" and note.dismiss_button.text() == "Dismiss (Shift+F9)"
    assert QApplication.focusWidget() is field and QApplication.activeWindow() is window
    assert note.geometry().bottom() <= window.rect().bottom() and note.geometry().right() <= window.rect().right()
    qtbot.keyClicks(field, "abc")
    assert field.text() == "abc"
    with qtbot.waitSignal(note.accepted, timeout=1000):
        qtbot.keyClick(field, Qt.Key.Key_F9)
    assert not note.isVisible() and field.text() == "abc", "F9 typed nothing"


def test_a_direct_call_has_no_queue(window):
    note = CallNotification(window)
    note.show_call(result(CallerMatch.UNKNOWN, queue=None))
    assert note.queue.text() == "Direct call"
