"""The typed seams (agentdesk_desktop.view_seams) hold for the desk's real parts. The main window,
the screen pop, the contact dock and the plugin views recognise a full customer tab, its contact
panel, the New customer dialog and the main window by these Protocols: a part that stopped
offering one would silently lose a feature (no phone contact started, no plugin panels, no tab
title), so each is checked here on the running desk."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog

from agentdesk.interaction_log import InteractionDraft
from agentdesk.storage.models import Channel
from agentdesk_desktop.view_seams import (
    CustomerFormDialog,
    CustomerTab,
    MainWindowLike,
    RetitlingTab,
    TitledTab,
)


@pytest.fixture
def overview_desk(qtbot, sqlite_db, seeded):
    from agentdesk_desktop.app import build_app

    desk = build_app(sqlite_db, install_hooks=False, language="en")
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        desk.shutdown()
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()


def test_the_overview_desk_offers_every_seam(overview_desk, qtbot, seeded):
    window = overview_desk.window
    assert isinstance(window, MainWindowLike)
    view = window.open_customer(seeded.anna)
    assert isinstance(view, CustomerTab), "the screen pop and the plugin panels need a full customer tab"
    draft = InteractionDraft(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC))
    assert view.panel.start_contact_from(draft) and view.panel.in_progress, "a call's contact starts in the tab"
    view.panel.cancel_contact()
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    assert view.title() and window.tabs.tabText(window.tabs.currentIndex()) == view.title(), "the tab is retitled"
    window.new_customer_action.trigger()
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible() and isinstance(d, CustomerFormDialog)]
    assert len(dialogs) == 1 and "phones" in dialogs[0].fields, "an unknown caller's number can be put in the dialog"
    dialogs[0].close()


def test_the_register_summary_tab_is_retitled_but_logs_no_contacts(desk, qtbot, seeded):
    view = desk.window.open_customer(seeded.anna)
    assert isinstance(view, RetitlingTab) and isinstance(view, TitledTab)
    assert not isinstance(view, CustomerTab), "no contact panel: the screen pop starts no contact here"
    qtbot.waitUntil(lambda: bool(view.title()), timeout=5000)
    tabs = desk.window.tabs
    assert tabs.tabText(tabs.currentIndex()) == view.title()
