"""Start-up: the schema check with a clear message, and the sign-in chooser."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTreeWidget
from sqlalchemy import text

from agentdesk import paths
from agentdesk.storage.database import Database
from agentdesk_desktop.app import SchemaState, build_app, prepare_schema
from agentdesk_desktop.customer_summary import RegisterSummaryParts


def start_failure(qtbot, db) -> tuple[str, str]:
    desk = build_app(db, install_hooks=False, customer_parts=RegisterSummaryParts)
    try:
        with qtbot.waitSignal(desk.start_failed, timeout=10_000) as failed:
            desk.start(username="agent.aino")
        box = desk.message
        assert box is not None and box.isVisible() and box.objectName() == "startFailed"
        assert desk.window is None and desk.sign_in is None
        message = box.text()
        box.reject()
        assert desk.exit_code == 2
        return failed.args[0], message
    finally:
        desk.shutdown()


def test_a_database_without_the_schema_says_what_to_do(qtbot, tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        reason, message = start_failure(qtbot, db)
    finally:
        db.dispose()
    assert reason == "empty"
    assert "ei vielä ole AgentDeskin tietoja" in message and "agentdesk db upgrade" in message


def test_a_newer_schema_asks_to_update_agentdesk(qtbot, sqlite_db):
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    assert prepare_schema(sqlite_db) is SchemaState.NEWER
    reason, message = start_failure(qtbot, sqlite_db)
    assert reason == "newer"
    assert "uudemmalle versiolle" in message and "Päivitä tämän työaseman AgentDesk" in message


def test_the_embedded_database_is_upgraded_on_first_start(qtbot, tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'first.sqlite3'}")
    try:
        assert prepare_schema(db, upgrade=True) is SchemaState.CURRENT
        assert prepare_schema(db) is SchemaState.CURRENT
    finally:
        db.dispose()


def test_the_sign_in_chooser_lists_active_staff_and_remembers_the_choice(qtbot, sqlite_db, seeded):
    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts)
    try:
        desk.start()
        qtbot.waitUntil(lambda: desk.sign_in is not None and bool(desk.sign_in.staff))
        dialog = desk.sign_in
        tree = dialog.findChild(QTreeWidget, "staffList")
        rows = [[tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())]
        assert ["Sari Esihenkilö", "Esihenkilö", "Asiakaspalvelu"] in rows
        assert ["Helmi Hoitaja", "Asiakaspalvelija", "Terveyspalvelut"] in rows
        assert not any("Gunnar" in r[0] for r in rows), "inactive users are not offered"
        dialog.findChild(type(dialog._filter), "staffFilter").setText("helmi")
        visible = [
            tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount()) if not tree.topLevelItem(i).isHidden()
        ]
        assert visible == ["Helmi Hoitaja"]
        assert dialog.choose("nurse.helmi")
        with qtbot.waitSignal(desk.window_ready, timeout=5000):
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert desk.user.username == "nurse.helmi"
        assert "Helmi Hoitaja" in desk.window.findChild(type(dialog._intro), "signedInUser").text()
        assert desk.background.wait_idle()
        saved = json.loads((paths.user_config_dir() / "desk-settings.json").read_text(encoding="utf-8"))
        assert saved["last_username"] == "nurse.helmi"
    finally:
        desk.shutdown()


def test_cancelling_the_sign_in_ends_the_desk(qtbot, sqlite_db, seeded):
    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts)
    try:
        desk.start()
        qtbot.waitUntil(lambda: desk.sign_in is not None and bool(desk.sign_in.staff))
        with qtbot.waitSignal(desk.start_failed) as failed:
            desk.sign_in.reject()
        assert failed.args == ["signin_cancelled"]
        assert desk.exit_code == 1
        assert desk.window is None
        assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    finally:
        desk.shutdown()


@pytest.mark.parametrize("username", ["nobody.here", "gone.gunnar"])
def test_an_unknown_or_inactive_user_gets_the_chooser(qtbot, sqlite_db, seeded, username):
    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts)
    try:
        desk.start(username=username)
        qtbot.waitUntil(lambda: desk.sign_in is not None and bool(desk.sign_in.staff))
        qtbot.wait(50)
        assert desk.sign_in.isVisible() and desk.window is None
    finally:
        desk.shutdown()
