"""Desk defects an agent met on a working day (issue #12 item 7), each reproduced on the running desk:
the window fits a small (150 % scaled) screen with its status bar, Alt+<mnemonic> goes to the form being
typed in, the previous run's crash notice is above the main window and modal to it, an alert's note is
visible, every interactive widget of the overview has an accessible name, and register codes are shown in
the desk's language."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QWidget,
)

from agentdesk.customer_register import set_alert
from agentdesk.interaction_log import InteractionDraft
from agentdesk.storage.models import AlertKind, Channel, CustomerRole, Department
from agentdesk_desktop.crash_files import CrashStore
from tests.ui.conftest import close_desk


def _full_desk(qtbot, db, *, language: str | None = None):
    from agentdesk_desktop.app import build_app

    desk = build_app(db, install_hooks=False, language=language)
    with qtbot.waitSignal(desk.window_ready, timeout=10_000):
        desk.start(username="agent.aino")
    qtbot.waitExposed(desk.window)
    return desk


@pytest.fixture
def full_desk(qtbot, sqlite_db, seeded):
    """The whole desk (customer overview, contact logging, inbox dock) in English."""
    desk = _full_desk(qtbot, sqlite_db, language="en")
    try:
        yield desk
    finally:
        close_desk(desk)


def _open(qtbot, desk, customer_id: int):
    view = desk.window.open_customer(customer_id)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    return view


# -- 1. the window fits the screen ------------------------------------------------------------------


def _assert_fits(window, available: QRect) -> None:
    frame = window.frameGeometry()
    assert available.contains(frame), f"the window {frame} is outside the screen's available {available}"
    bar = window.statusBar()
    assert bar.isVisible()
    assert bar.geometry().bottom() < window.height(), "the status bar is inside the window"
    assert bar.geometry().top() >= window.menuBar().geometry().bottom()


def test_the_window_fits_the_screen_it_starts_on_with_its_status_bar(full_desk, qtbot, seeded):
    window = full_desk.window
    _open(qtbot, full_desk, seeded.anna)
    _assert_fits(window, window.screen().availableGeometry())


def test_on_a_150_percent_screen_the_window_fits_with_a_customer_open(full_desk, qtbot, seeded):
    from agentdesk_desktop.main_window import fit_window

    window = full_desk.window
    view = _open(qtbot, full_desk, seeded.anna)
    small = QRect(0, 0, 1280, 720)  # 1920 × 1080 at 150 %: what Qt gives the window in logical pixels
    fit_window(window, small)
    qtbot.waitUntil(lambda: window.height() <= small.height())
    _assert_fits(window, small)
    assert view.isVisible() and view.height() > 0


# -- 2. mnemonics go to the form being typed in ---------------------------------------------------


def test_alt_l_goes_to_the_form_the_agent_is_typing_in(qtbot, sqlite_db, seeded):
    desk = _full_desk(qtbot, sqlite_db, language="fi")  # Alt+L is "&Lopputulos" (the outcome) in Finnish
    try:
        window = desk.window
        from agentdesk_desktop.logging.unidentified_contact_dock import UnidentifiedContactDock

        dock = window.findChild(UnidentifiedContactDock)
        dock.panel.start_contact()  # a caller nobody has identified yet: the side panel's form is in use
        view = _open(qtbot, desk, seeded.anna)
        assert dock.isVisible(), "the side panel keeps its contact in progress"
        draft = InteractionDraft(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC))
        assert view.panel.start_contact_from(draft)
        notes = view.panel.form.notes
        notes.setFocus()
        qtbot.waitUntil(notes.hasFocus)
        qtbot.keyClicks(notes, "Soitti vesilaskusta")
        qtbot.keyClick(notes, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        focus = QApplication.focusWidget()
        assert focus is not None and view.panel.form.isAncestorOf(focus), "Alt+L stays in the tab's form"
        assert focus in view.panel.form.outcome_buttons.values()
        assert not dock.panel.isAncestorOf(focus)
        dock.panel.cancel_contact()
        view.panel.cancel_contact()
    finally:
        close_desk(desk)


# -- 4. the crash notice is above the window -------------------------------------------------------


def test_the_previous_crash_notice_is_above_the_main_window_and_modal_to_it(qtbot, sqlite_db, seeded):
    earlier = CrashStore()
    earlier.session = "20260101-120000-7"
    earlier.begin_session(fatal_dump=False)  # never ended: the process "died"
    desk = _full_desk(qtbot, sqlite_db, language="en")
    try:
        qtbot.waitUntil(lambda: desk.errors._offer is not None and desk.errors._offer.isVisible())
        box = desk.errors._offer
        assert isinstance(box, QMessageBox)
        qtbot.waitUntil(lambda: box.parentWidget() is desk.window)
        assert box.isVisible() and box.isWindow()
        assert box.windowModality() == Qt.WindowModality.WindowModal
        assert QApplication.activeModalWidget() is box, "the notice is the top modal window, above the desk"
        box.close()
    finally:
        close_desk(desk)


# -- 5. an alert's note is visible -----------------------------------------------------------------


def test_an_alerts_note_is_shown_in_the_alert_area(full_desk, qtbot, seeded, sqlite_db):
    set_alert(sqlite_db, seeded.matti, AlertKind.SAFETY_WARNING, actor="test", note="Meet him only with a colleague")
    view = _open(qtbot, full_desk, seeded.matti)
    header = view.header
    notes = [w for w in header.findChildren(QLabel) if "Meet him only with a colleague" in w.text()]
    assert notes, "the note is text on screen, not only a tooltip"
    note = notes[0]
    assert note.isVisible() and note.wordWrap()
    assert header.isAncestorOf(note) and note.width() > 0
    badge = header.badges.findChild(QLabel, "alert_safety_warning")
    assert "Meet him only with a colleague" in badge.accessibleDescription()
    assert note.accessibleName(), "a screen reader announces what the note is"


def test_a_protected_address_alerts_note_is_still_never_shown(full_desk, qtbot, seeded, sqlite_db):
    set_alert(sqlite_db, seeded.matti, AlertKind.PROTECTED_ADDRESS, actor="test", note="lives at Piilopolku 3")
    view = _open(qtbot, full_desk, seeded.matti)
    assert not [w for w in view.findChildren(QLabel) if "Piilopolku" in w.text()]


# -- 6. accessible names --------------------------------------------------------------------------


def _name_of(widget: QWidget, labels: list[QLabel]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    for label in labels:
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def _interactive(root: QWidget) -> list[QWidget]:
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if isinstance(w, QTabBar | QAbstractSlider):
            continue  # tab bars name themselves by their tabs; scroll bars are part of their view
        parent = w.parentWidget()
        if isinstance(w, QLineEdit) and isinstance(parent, QComboBox):
            continue  # an editable combo box's own line edit: the combo box carries the name
        if isinstance(w, QAbstractButton | QComboBox | QLineEdit | QAbstractItemView) or w.metaObject().className() in (
            "QPlainTextEdit",
            "QTextEdit",
            "QDateEdit",
            "QSpinBox",
        ):
            found.append(w)
    return found


def test_every_interactive_widget_of_the_overview_has_an_accessible_name(full_desk, qtbot, seeded):
    view = _open(qtbot, full_desk, seeded.anna)
    labels = view.findChildren(QLabel)
    widgets = _interactive(view)
    assert view.timeline.channel_filter in widgets
    nameless = [f"{type(w).__name__} {w.objectName() or '(no name)'}" for w in widgets if not _name_of(w, labels)]
    assert nameless == [], "widgets a screen reader cannot name"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_timeline_filters_are_named_in_the_desks_language(qtbot, sqlite_db, seeded, language):
    desk = _full_desk(qtbot, sqlite_db, language=language)
    try:
        view = _open(qtbot, desk, seeded.anna)
        names = [view.timeline.channel_filter.accessibleName(), view.timeline.department_filter.accessibleName()]
        names.append(view.timeline.topic_filter.accessibleName())
        assert all(names) and len(set(names)) == 3
        english = ["Filter by channel", "Filter by department", "Filter by topic"]
        assert names != english, "translated"
    finally:
        close_desk(desk)


# -- 3. register codes in the desk's language ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "department", "role"),
    [
        ("sv", "Kundtjänst", "Kund hos vattentjänsten"),
        ("en", "Customer service", "Water utility customer"),
        ("fi", "Asiakaspalvelu", "Vesihuollon asiakas"),  # in Finnish: the register's own (Finnish) name
    ],
)
def test_departments_and_roles_are_shown_in_the_desks_language(qtbot, sqlite_db, seeded, language, department, role):
    with sqlite_db.session() as s, s.begin():
        service = s.query(Department).filter_by(code="customer_service").one()
        s.add(CustomerRole(customer_id=seeded.anna, role_code="water_customer", department_id=service.id))
        s.add(CustomerRole(customer_id=seeded.anna, role_code="dog_owner_register_x"))
    desk = _full_desk(qtbot, sqlite_db, language=language)
    try:
        view = _open(qtbot, desk, seeded.anna)
        qtbot.waitUntil(lambda: view.timeline.has_departments)
        table = view.roles.table
        rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        assert rows[role] == department, "the role and its department in the desk's language"
        if language != "fi":
            assert "Asiakaspalvelu" not in rows.values()
        assert "dog_owner_register_x" in rows, "an unknown code as the register wrote it"
        combo = view.timeline.department_filter
        assert department in [combo.itemText(i) for i in range(combo.count())]
        form = view.panel.form.department
        assert department in [form.itemText(i) for i in range(form.count())]
    finally:
        close_desk(desk)


@pytest.mark.parametrize(
    ("language", "named", "code_only"),
    [("fi", "Kaupunkiympäristö", "Tekniset palvelut"), ("sv", "Tekniska tjänster", "Tekniska tjänster")],
)
def test_a_department_the_register_named_and_one_known_by_its_code_only(qapp, language, named, code_only):
    from agentdesk_desktop.i18n import Translations
    from agentdesk_desktop.widgets.department_label import department_label

    translations = Translations(qapp)
    try:
        translations.set_language(language)
        assert department_label("technical", "Kaupunkiympäristö") == named
        assert department_label("technical", "technical") == code_only, "made by the staff directory: code only"
        assert department_label("parks_x", "Puistot") == "Puistot", "unknown: as the register wrote it"
    finally:
        translations.clear()
