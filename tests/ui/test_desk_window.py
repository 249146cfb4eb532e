"""The main window as an agent uses it: search as you type, open customers in tabs, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from agentdesk_desktop.customer_summary import CustomerSummaryView
from agentdesk_desktop.search_results_model import ADDRESS, MUNICIPALITY


@pytest.fixture
def search(qtbot, wait_search):
    def run(window, text: str) -> None:
        field = window.search_panel.field
        field.setFocus()
        qtbot.keyClicks(field, text)
        wait_search(window.search_panel)

    return run


def rows(window) -> list[int]:
    model = window.search_panel.model
    return [model.customer_id(r) for r in range(model.rowCount())]


def test_typing_shows_results_and_enter_opens_the_customer_in_a_tab(desk, qtbot, seeded, caplog, search, visible_texts):
    window = desk.window
    search(window, "anna virtanen")
    assert rows(window)[0] == seeded.anna
    assert window.search_panel.count_label.text() == f"Tuloksia: {len(rows(window))}"
    assert window.search_panel.kind_label.text() == "Nimi tai osoite"

    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    view = window.tabs.currentWidget()
    assert isinstance(view, CustomerSummaryView)
    assert view.customer_id == seeded.anna
    qtbot.waitUntil(lambda: view.record is not None)
    assert window.tabs.tabText(0) == "Anna Virtanen"
    texts = visible_texts(view)
    assert "Hämeenkatu 12 A 3\n33100 Tampere" in texts
    assert seeded.anna_hetu not in texts, "the identity code is masked"
    assert seeded.anna_hetu[:7] + "****" in texts
    assert f"customer.opened id={seeded.anna}" in caplog.messages

    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 0
    assert f"customer.closed id={seeded.anna}" in caplog.messages


def test_enter_before_the_results_arrive_opens_the_first_result(desk, qtbot, seeded):
    window = desk.window
    window.search_panel.field.setFocus()
    qtbot.keyClicks(window.search_panel.field, "meikalainen")  # QTest types ASCII only
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)  # the debounce timer is still running
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    assert window.current_customer_id() == seeded.matti


def test_results_list_keyboard_and_double_click(desk, qtbot, seeded, search):
    window = desk.window
    search(window, "virtanen")
    assert set(rows(window)) >= {seeded.anna, seeded.anne, seeded.secret}
    table = window.search_panel.table
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Down)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = table.currentIndex().row()
    assert second == 1
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    assert window.current_customer_id() == rows(window)[1]

    rect = table.visualRect(window.search_panel.model.index(2, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click is
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, release, press
    qtbot.waitUntil(lambda: window.tabs.count() == 2)
    assert window.current_customer_id() == rows(window)[2]


def test_an_open_customer_is_focused_not_opened_twice(desk, qtbot, seeded):
    window = desk.window
    window.open_customer(seeded.anna, "Anna Virtanen")
    window.open_customer(seeded.matti, "Matti Meikäläinen")
    assert window.current_customer_id() == seeded.matti
    again = window.open_customer(seeded.anna)
    assert window.tabs.count() == 2
    assert window.tabs.currentWidget() is again
    assert window.current_customer_id() == seeded.anna


def test_ctrl_tab_switches_tabs_and_ctrl_w_closes_the_current_one(desk, qtbot, seeded):
    window = desk.window
    for cid in (seeded.anna, seeded.anne, seeded.matti):
        window.open_customer(cid)
    assert window.current_customer_id() == seeded.matti
    window.search_panel.field.setFocus()
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.current_customer_id() == seeded.anna  # wraps around
    qtbot.keyClick(
        window.search_panel.field,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_customer_id() == seeded.matti
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.open_customer_ids == [seeded.anna, seeded.anne]
    assert window.search_panel.field.text() == ""


@pytest.mark.parametrize("key", ["ctrl+k", "f3", "slash"])
def test_keys_go_to_the_search_box_from_anywhere(desk, qtbot, seeded, key):
    window = desk.window
    window.search_panel.field.setText("matti")
    view = window.open_customer(seeded.anne)
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not window.search_panel.field)
    if key == "ctrl+k":
        qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    elif key == "f3":
        qtbot.keyClick(view, Qt.Key.Key_F3)
    else:
        qtbot.keyClick(view, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is window.search_panel.field
    assert window.search_panel.field.text() == "matti", "the typed text stays"
    assert window.search_panel.field.selectedText() == "matti"


def test_slash_is_typed_into_a_text_field_and_ctrl_k_does_not_delete_text(desk, qtbot):
    window = desk.window
    other = QLineEdit(window.tabs)  # stands in for a text field in a customer tab
    window.open_customer(999_999)
    other.show()
    other.setFocus()
    qtbot.keyClicks(other, "a/b")
    assert other.text() == "a/b"
    assert QApplication.focusWidget() is other
    other.setCursorPosition(0)
    qtbot.keyClick(other, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert other.text() == "a/b", "Ctrl+K focuses the search box instead of deleting to the end of the line"
    assert QApplication.focusWidget() is window.search_panel.field
    other.deleteLater()


def test_protected_address_is_never_shown(desk, qtbot, seeded, search, visible_texts):
    window = desk.window
    search(window, "sari virtanen")
    model = window.search_panel.model
    assert rows(window) == [seeded.secret]
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            text = str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
            assert "Piilopolku" not in text and "02100" not in text and "Espoo" not in text
    assert model.index(0, ADDRESS).data() == "Turvakielto"
    assert model.index(0, MUNICIPALITY).data() == ""

    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    view = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.record is not None)
    texts = "\n".join(visible_texts(window))
    assert seeded.protected_street not in texts and "Piilopolku" not in texts and "Espoo" not in texts
    assert "Turvakielto" in texts
    assert view.findChild(type(window.search_panel.problem_label), "protectedAddressBanner").isVisible()


def test_invalid_identity_code_message_next_to_the_field_and_text_kept(desk, qtbot, seeded, search, wait_search):
    window = desk.window
    wrong = seeded.anna_hetu[:-1] + ("A" if seeded.anna_hetu[-1] != "A" else "B")
    search(window, wrong)
    panel = window.search_panel
    expected = seeded.anna_hetu[-1]
    assert panel.problem_label.isVisible()
    assert panel.problem_label.text() == f"Tarkistusmerkin pitäisi olla {expected}"
    assert panel.kind_label.text() == "Henkilötunnus"
    assert panel.field.text() == wrong

    panel.field.clear()
    qtbot.keyClicks(panel.field, seeded.anna_hetu.lower())
    wait_search(panel)
    assert not panel.problem_label.isVisible()
    assert rows(window) == [seeded.anna]


def test_status_bar_shows_user_role_department_and_database(desk, sqlite_db):
    window = desk.window
    user = window.findChild(type(window.search_panel.kind_label), "signedInUser").text()
    assert "Aino Asiakaspalvelija" in user and "Asiakaspalvelija" in user and "Asiakaspalvelu" in user
    database = window.findChild(type(window.search_panel.kind_label), "databaseInUse").text()
    assert "agentdesk.sqlite3 (SQLite)" in database


def test_new_customer_action_needs_a_factory(desk, qtbot, seeded):
    assert not desk.window.new_customer_action.isEnabled()


def test_new_customer_factory_dialog_opens_the_created_customer(qtbot, sqlite_db, seeded):
    from PySide6.QtCore import Signal

    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

    class FakeNewCustomer(QDialog):  # the real dialog is another developer's; this one keeps the contract
        customer_created = Signal(int)

    made: list[FakeNewCustomer] = []

    class Parts(RegisterSummaryParts):  # the summary tabs, with a dialog that keeps the real one's contract
        creates_customers = True

        def new_customer_dialog(self, parent):
            made.append(FakeNewCustomer(parent))
            return made[-1]

    desk = build_app(sqlite_db, install_hooks=False, customer_parts=Parts)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        assert desk.window.new_customer_action.isEnabled()
        desk.window.new_customer_action.trigger()
        assert made and made[0].isVisible()
        made[0].customer_created.emit(seeded.firm)
        made[0].accept()
        assert desk.window.current_customer_id() == seeded.firm
    finally:
        desk.shutdown()


def test_about_box(desk, qtbot):
    box = desk.window.show_about()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "AgentDesk" in box.text()
    box.close()


def test_an_unknown_customer_tab_says_so(desk, qtbot, visible_texts):
    view = desk.window.open_customer(424242)
    qtbot.waitUntil(lambda: "ei ole enää" in " ".join(visible_texts(view)))


def test_customer_parts_get_the_signed_in_user_and_can_open_other_customers(qtbot, sqlite_db, seeded):
    from PySide6.QtWidgets import QLabel

    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

    made = {}

    class Parts(
        RegisterSummaryParts
    ):  # the contract (agentdesk_desktop.seams.CustomerParts) agentdesk_desktop/overview's CustomerDesk keeps
        def __init__(self, services, user, open_customer):
            made["user"], made["open"] = user.username, open_customer

        def customer_view(self, customer_id):
            return QLabel(f"overview of {customer_id}")

    desk = build_app(sqlite_db, install_hooks=False, customer_parts=Parts)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        assert made["user"] == "agent.aino"
        view = desk.window.open_customer(seeded.anna)
        assert view.text() == f"overview of {seeded.anna}"
        made["open"](seeded.matti)  # e.g. a relative clicked in the overview
        assert desk.window.open_customer_ids == [seeded.anna, seeded.matti]
        assert not desk.window.new_customer_action.isEnabled()
    finally:
        desk.shutdown()


def test_a_result_list_shown_is_audited_under_the_signed_in_agent(desk, sqlite_db, seeded, search, caplog):
    import json

    from sqlalchemy import select

    from agentdesk.storage.models import AuditEntry

    search(desk.window, seeded.anna_hetu)
    assert rows(desk.window) == [seeded.anna]
    with sqlite_db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "search.results")).all()
    shown = [(e.actor, e.subject_customer_id, json.loads(e.detail)) for e in entries]
    assert (
        "agent.aino",
        seeded.anna,
        {"kind": "hetu", "query": seeded.anna_hetu, "shown": 1, "ids": [seeded.anna]},
    ) in shown
    assert seeded.anna_hetu not in caplog.text  # the protected audit table has it, the log does not


def test_the_search_box_has_an_accessible_name_in_the_desks_language(desk):
    field = desk.window.search_panel.field
    assert field.accessibleName() == "Hae asiakkaita"  # the desk starts in Finnish
    assert "henkilötunnus" in field.accessibleDescription()
