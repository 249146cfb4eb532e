"""Bugs found by using the desk, each with the test that would have caught it.

- Closing the desk while a customer overview is still loading reported "the background helper
  has been shut down" as an unhandled error (with a crash file).
- A desk's language outlived it: the locale stayed Finnish, so later windows showed Finnish.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator

from .conftest import close_desk, flush_deletes


@pytest.fixture
def overview_desk(qtbot, sqlite_db, seeded):
    """The real desk with its default customer tabs (the overview), in Finnish; ``desk.errors_seen``
    collects what reaches the standard error path."""
    from ui.app import build_app

    errors: list[BaseException] = []
    desk = build_app(sqlite_db, install_hooks=False, language="fi", error_handler=errors.append)
    desk.errors_seen = errors
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        close_desk(desk)


# -- closing while a customer loads -------------------------------------------------------------------


def test_closing_the_desk_as_the_overview_arrives_reports_nothing(overview_desk, qtbot, seeded):
    desk = overview_desk
    view = desk.window.open_customer(seeded.anna)
    # The agent closes the desk in the very moment the overview arrives (its first slot runs).
    view.title_changed.connect(lambda _title: desk.shutdown())
    qtbot.waitUntil(lambda: desk.background.closed, timeout=5000)
    flush_deletes()
    qtbot.wait(50)
    assert desk.errors_seen == [], "a result that arrives as the desk closes is dropped quietly"


def test_closing_the_desk_before_the_overview_boxes_are_filled_reports_nothing(overview_desk, qtbot, seeded):
    desk = overview_desk
    view = desk.window.open_customer(seeded.anna)
    # The header has been shown, the boxes and the timeline follow on the next turns: close in between.
    view.title_changed.connect(lambda _title: QTimer.singleShot(0, desk.shutdown))
    qtbot.waitUntil(lambda: desk.background.closed, timeout=5000)
    flush_deletes()
    qtbot.wait(50)
    assert desk.errors_seen == []


def test_after_shutdown_the_background_helper_delivers_nothing_and_starts_nothing(qtbot):
    from ui.background import Background, BackgroundClosed

    errors, delivered = [], []
    bg = Background(None, on_error=errors.append)
    gate = threading.Event()
    bg.read(gate.wait, 5).on_success(delivered.append)
    threading.Timer(0.05, gate.set).start()
    assert bg.shutdown()
    assert bg.closed
    with pytest.raises(BackgroundClosed):
        bg.read(print)
    qtbot.wait(50)
    assert delivered == [] and errors == []
    bg.deleteLater()


# -- the language of a closed desk ----------------------------------------------------------------------


def test_a_closed_desk_leaves_neither_its_translations_nor_its_locale(qtbot, qapp, sqlite_db, seeded):
    from ui.app import build_app
    from ui.customer_summary import RegisterSummaryParts

    locale_before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    try:
        desk = build_app(sqlite_db, install_hooks=False, language="fi", customer_parts=RegisterSummaryParts)
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        assert desk.window.quit_action.text() == "&Lopeta"
        assert QLocale().name() == "fi_FI"
        close_desk(desk)
        assert QCoreApplication.translate("MainWindow", "&Quit") == "&Quit", "no Finnish after the desk"
        assert QLocale().name() == "en_GB", "the default locale is given back"
        assert not [t for t in qapp.findChildren(QTranslator) if not t.isEmpty()]
    finally:
        QLocale.setDefault(locale_before)
