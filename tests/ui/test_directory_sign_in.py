"""The desk's sign-in with the city's directory (the real slapd of scripts/slapd.sh), and the
demo-only chooser: what the agent sees for each way a sign-in can go."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import select

from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import AuditEntry
from agentdesk_desktop.app import build_app
from agentdesk_desktop.customer_summary import RegisterSummaryParts
from agentdesk_desktop.sign_in import SignInSetup
from agentdesk_desktop.sign_in_directory import DirectorySignInDialog
from tests.ldap_support import DIRECTORY, HEAD, PASSWORD, settings_for, store_bind_password


def directory_desk(db, settings):
    return build_app(
        db, install_hooks=False, customer_parts=RegisterSummaryParts, language="en", sign_in=SignInSetup(settings)
    )


def sign_in_with(qtbot, desk, username, password) -> DirectorySignInDialog:
    qtbot.waitUntil(lambda: desk.sign_in is not None)
    dialog = desk.sign_in
    assert isinstance(dialog, DirectorySignInDialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def wait_refused(qtbot, dialog) -> str:
    qtbot.waitUntil(lambda: dialog.problem is not None, timeout=10_000)
    return dialog.status.text()


def test_signing_in_with_the_directory_opens_the_desk_as_that_person(qtbot, sqlite_db, directory):
    desk = directory_desk(sqlite_db, directory)
    try:
        desk.start()
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            sign_in_with(qtbot, desk, "sami.supervisor", PASSWORD)
        assert desk.user.username == "sami.supervisor" and desk.user.role is StaffRole.SUPERVISOR
        assert "Sami Esihenkilö" in desk.window.findChild(QLabel, "signedInUser").text()
        assert desk.background.wait_idle()
        with sqlite_db.session() as s:
            actors = set(s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "staff.sign_in")))
        assert actors == {"sami.supervisor"}
    finally:
        desk.shutdown()


def test_each_refusal_has_its_message_and_keeps_what_was_typed(qtbot, sqlite_db, directory, directory_admin):
    uid = directory_admin.add_person("vaara", "Ville Väärä", ["asiakaspalvelu"])  # wrong passwords count: own user
    desk = directory_desk(sqlite_db, directory)
    try:
        desk.start()
        dialog = sign_in_with(qtbot, desk, uid, "wrong-password")
        assert "Wrong username or password" in wait_refused(qtbot, dialog)
        assert dialog.username.text() == uid and dialog.password.text() == ""
        assert dialog.isVisible() and desk.window is None

        for username, words in (
            ("lauri.locked", "locked"),
            ("emma.expired", "password has expired"),
            ("kalle.kirjasto", "in no group that gives a role"),
        ):
            dialog.problem = None
            sign_in_with(qtbot, desk, username, PASSWORD)
            assert words in wait_refused(qtbot, dialog)
            assert (dialog.username.text(), dialog.password.text()) == (username, PASSWORD)  # nothing typed lost
        assert desk.window is None
    finally:
        desk.shutdown()


@pytest.mark.expect_log_warnings
def test_a_directory_that_does_not_answer_says_so(qtbot, sqlite_db, directory):
    down = settings_for("ldap://127.0.0.1:9")  # discard port: nothing listens
    store_bind_password(down)
    desk = directory_desk(sqlite_db, down)
    try:
        desk.start()
        dialog = sign_in_with(qtbot, desk, "aino.agent", PASSWORD)
        assert "directory does not answer" in wait_refused(qtbot, dialog)
        assert (dialog.username.text(), dialog.password.text()) == ("aino.agent", PASSWORD)
    finally:
        desk.shutdown()


def test_caps_lock_is_pointed_out_in_the_password_field(qtbot, sqlite_db, directory):
    desk = directory_desk(sqlite_db, directory)
    try:
        desk.start()
        qtbot.waitUntil(lambda: desk.sign_in is not None)
        dialog = desk.sign_in
        qtbot.keyClicks(dialog.password, "K")  # a capital without Shift
        assert not dialog.caps_hint.isHidden() and dialog.caps_hint.text() == "Caps Lock is on."
        assert dialog.password.text() == "K"
        dialog.note_key("k", shift=False)
        assert dialog.caps_hint.isHidden()
        dialog.note_key("K", shift=True)
        assert dialog.caps_hint.isHidden()
    finally:
        desk.shutdown()


def test_outside_demo_mode_without_a_directory_there_is_no_chooser(qtbot, sqlite_db, seeded):
    desk = build_app(
        sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts, language="en", sign_in=SignInSetup()
    )
    try:
        with qtbot.waitSignal(desk.start_failed, timeout=10_000) as failed:
            desk.start(username="agent.aino")
        assert failed.args == ["configuration"]
        assert desk.sign_in is None and desk.window is None
        text = desk.message.text()
        assert "[directory]" in text and "agentdesk secrets set directory" in text
    finally:
        desk.shutdown()


def test_the_demo_chooser_says_it_is_for_the_demo_only(qtbot, sqlite_db, seeded):
    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts, language="en")
    try:
        desk.start()
        qtbot.waitUntil(lambda: desk.sign_in is not None and bool(desk.sign_in.staff))
        assert "Demo — no password" in desk.sign_in._intro.text()
    finally:
        desk.shutdown()


def test_the_applied_profiles_directory_is_the_desks_sign_in(tmp_path):
    from agentdesk.deployment.profile_store import ProfileStore
    from agentdesk_desktop.commands import desk_setup

    assert desk_setup(None).directory is None  # no profile: agentdesk desk offers no chooser either
    source = tmp_path / "cs.toml"
    source.write_text(HEAD + DIRECTORY, encoding="utf-8")
    assert ProfileStore(installed=None).apply(source).applied
    directory = desk_setup("sqlite:////tmp/other.sqlite3").directory  # --db does not change the sign-in
    assert directory is not None and directory.bind_dn.startswith("cn=agentdesk,")
