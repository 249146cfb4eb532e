"""Bugs found by using the desk, each with the test that would have caught it.

- Closing the desk while a customer overview is still loading reported "the background helper
  has been shut down" as an unhandled error (with a crash file).
- A desk's language outlived it: the locale stayed Finnish, so later windows showed Finnish.
- A customer with an identity code whose century sign puts the birth in the future
  (040594A…: 2094) could be created, and then not edited.
- The contact timeline showed topic codes ("general.feedback") instead of their names, and the
  topic taxonomy was read on the UI thread at sign-in.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator

from agentdesk.customer_register import CustomerDraft, CustomerRegister, DraftInvalid
from agentdesk.storage.models import Channel, Interaction, Outcome

from .conftest import close_desk, flush_deletes, hetu

NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def overview_desk(qtbot, sqlite_db, seeded):
    """The real desk with its default customer tabs (the overview), in Finnish; ``desk.errors_seen``
    collects what reaches the standard error path."""
    from agentdesk_desktop.app import build_app

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
    # The overview has arrived; its first paint and the panels follow on the next turns: close in between.
    view.title_changed.connect(lambda _title: QTimer.singleShot(0, desk.shutdown))
    qtbot.waitUntil(lambda: desk.background.closed, timeout=5000)
    flush_deletes()
    qtbot.wait(50)
    assert desk.errors_seen == []


def test_after_shutdown_the_background_helper_delivers_nothing_and_starts_nothing(qtbot):
    from agentdesk_desktop.background import Background, BackgroundClosed

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
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

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


# -- identity codes with a birth date in the future -------------------------------------------------------


def _future_hetu() -> str:
    """An identity code valid in form whose century sign A puts the birth date next year."""
    next_year = dt.date.today().year + 1
    return hetu(f"0101{next_year % 100:02d}", "A", 946)


def test_the_register_refuses_an_identity_code_born_in_the_future(sqlite_db, seeded):
    register = CustomerRegister(sqlite_db)
    with pytest.raises(DraftInvalid) as refused:
        register.create(CustomerDraft(first_names="Tuleva", last_name="Ihminen", hetu=_future_hetu()), actor="test")
    assert refused.value.errors == {"hetu": "the identity code's birth date is in the future"}


def test_the_customer_dialog_says_so_at_the_identity_code(qtbot, sqlite_db, seeded):
    from agentdesk.duplicate_check import DuplicateCheck
    from agentdesk.staff import StaffDirectory
    from agentdesk_desktop.background import Background
    from agentdesk_desktop.customer_form.customer_dialog import CustomerDialog

    bg = Background(None)
    try:
        dialog = CustomerDialog(
            CustomerRegister(sqlite_db), DuplicateCheck(sqlite_db), bg, StaffDirectory(sqlite_db).get("agent.aino")
        )
        qtbot.addWidget(dialog)
        dialog.show()
        for key, text in (("first_names", "Tuleva"), ("last_name", "Ihminen"), ("hetu", _future_hetu())):
            dialog.fields[key].setText(text)
        dialog.save()
        assert dialog.field_errors() == {"hetu": "The identity code's birth date is in the future"}
        assert dialog.fields["hetu"].text() == _future_hetu(), "what was typed stays"
        assert dialog.isVisible()
    finally:
        bg.shutdown()
        bg.deleteLater()


def test_every_seeded_customer_can_be_saved_again_unchanged(sqlite_db, seeded):
    """What the edit dialog does on Save: the stored record passes the register's checks."""
    register = CustomerRegister(sqlite_db)
    for customer_id in (seeded.anna, seeded.anne, seeded.matti, seeded.secret, seeded.firm):
        record = register.get(customer_id)
        register.update(customer_id, record.version, record.as_draft(), actor="test")


# -- topic names in the timeline ----------------------------------------------------------------------------


def test_the_timeline_shows_topic_names_in_the_desk_language_and_codes_it_does_not_know(
    overview_desk, qtbot, sqlite_db, seeded
):
    from agentdesk_desktop.overview.timeline_model import TOPIC

    with sqlite_db.session() as s, s.begin():
        s.add_all(
            [
                Interaction(
                    customer_id=seeded.anna,
                    channel=Channel.EMAIL,
                    started_at=NOW - dt.timedelta(hours=1),
                    topic="general.feedback",
                    notes="",
                    outcome=Outcome.RESOLVED_FIRST_CONTACT,
                ),
                Interaction(
                    customer_id=seeded.anna,
                    channel=Channel.PHONE,
                    started_at=NOW - dt.timedelta(hours=2),
                    topic="legacy.heating_oil",
                    notes="",
                    outcome=Outcome.FORWARDED,
                ),
            ]
        )
    desk = overview_desk
    view = desk.window.open_customer(seeded.anna)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    model = view.timeline_model
    assert [model.index(r, TOPIC).data() for r in range(model.rowCount())] == ["Palaute", "legacy.heating_oil"]
    topics = view.timeline.topic_filter
    assert "Palaute" in [topics.itemText(i) for i in range(topics.count())]
    assert "general.feedback" not in [topics.itemText(i) for i in range(topics.count())]

    desk.set_language("sv")
    qtbot.waitUntil(lambda: model.index(0, TOPIC).data() == "Respons", timeout=5000)
    qtbot.waitUntil(lambda: "Respons" in [topics.itemText(i) for i in range(topics.count())], timeout=5000)
    desk.set_language("en")
    qtbot.waitUntil(lambda: model.index(0, TOPIC).data() == "Feedback", timeout=5000)
    view.panel.cancel_contact()


def test_the_topic_taxonomy_is_read_off_the_ui_thread(qtbot, sqlite_db, seeded, monkeypatch):
    from agentdesk_desktop import topic_catalog  # the composition root's topic catalogue reads the file
    from agentdesk_desktop.app import build_app

    read_on: list[bool] = []
    real = topic_catalog.load_topics

    def load_topics(*args, **kwargs):
        read_on.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(topic_catalog, "load_topics", load_topics)
    desk = build_app(sqlite_db, install_hooks=False)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        assert read_on == [False], "read once, on the background helper"
        view = desk.window.open_customer(seeded.anna)
        qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
        assert read_on == [False], "not again per customer tab"
        assert view.timeline.topic_filter.count() > 10, "the tabs have the taxonomy"
    finally:
        close_desk(desk)


@pytest.mark.expect_log_warnings
def test_an_unreadable_topic_taxonomy_stops_the_start_with_a_message(qtbot, sqlite_db, seeded, tmp_path, monkeypatch):
    from agentdesk_desktop.app import build_app

    broken = tmp_path / "topics.toml"
    broken.write_text("[[topic]]\ncode = \n", encoding="utf-8")
    monkeypatch.setenv("AGENTDESK_TOPICS", str(broken))
    desk = build_app(sqlite_db, install_hooks=False, language="en")
    try:
        with qtbot.waitSignal(desk.start_failed, timeout=10_000) as failed:
            desk.start(username="agent.aino")
        assert failed.args == ["configuration"]
        assert desk.window is None
        assert "could not be read" in desk.message.text()
        desk.message.close()
    finally:
        close_desk(desk)


# -- the style sheet --------------------------------------------------------------------------------------


def test_the_desk_style_sheet_is_on_the_search_panel_and_status_bar_not_the_application(desk, qapp):
    """Under an application style sheet every customer tab is three times as slow to build."""
    window = desk.window
    field = window.search_panel.field
    field.ensurePolished()
    assert field.font().pointSizeF() == 11, "desk.qss: the search box is 11 pt"
    assert "QStatusBar" in window.statusBar().styleSheet()
    assert qapp.styleSheet() == ""
