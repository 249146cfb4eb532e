"""The one error path: dialog with copyable details, crash file, offered again on the next start."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication, QMessageBox

from agentdesk import paths
from agentdesk.drafts import owner_folder_name
from agentdesk_desktop.crash_files import CrashStore
from agentdesk_desktop.errors import ErrorDialog, ErrorReporter

SECRET = "Anna Virtanen 150385-912E"  # what an exception message might quote


class CustomerLoadBroken(RuntimeError):
    pass


def fail_with_personal_data():
    raise CustomerLoadBroken(f"could not load {SECRET}")


@pytest.fixture
def hooked_desk(qtbot, sqlite_db, seeded):
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

    desk = build_app(sqlite_db, install_hooks=True, customer_parts=RegisterSummaryParts)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        faulthandler.dump_traceback_later(20, file=sys.__stderr__)  # a stuck start-up job shows its stack
        idle = desk.background.wait_idle(30)
        faulthandler.cancel_dump_traceback_later()
        assert idle, "the desk's start-up work finished"
        yield desk
    finally:
        desk.shutdown()


@contextlib.contextmanager
def reported(qtbot, desk, seconds=10):
    """Wait for the error dialog's report; if it is late, every thread's stack goes to stderr first
    (what held the read pool or the UI thread is then in the test's output)."""
    faulthandler.dump_traceback_later(seconds - 0.5, file=sys.__stderr__)
    try:
        with qtbot.waitSignal(desk.errors.reported, timeout=int(seconds * 1000)) as blocker:
            yield blocker
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.mark.expect_log_warnings
def test_a_failing_background_job_shows_the_error_dialog_and_writes_a_crash_file(qtbot, hooked_desk, caplog):
    with reported(qtbot, hooked_desk) as report:
        hooked_desk.background.read(fail_with_personal_data)
    dialog = hooked_desk.errors.dialog
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    assert dialog.parent() is hooked_desk.window

    path = report.args[0]
    # Signed in: the crash file is Aino's, in her folder, encrypted under her key from the keyring.
    assert path.parent == paths.user_data_dir() / "crashes" / owner_folder_name("agent.aino")
    assert path.suffix == ".enc" and b"CustomerLoadBroken" not in path.read_bytes(), "encrypted at rest"
    report = hooked_desk.errors.store.read(path)
    assert "CustomerLoadBroken" in report
    assert "fail_with_personal_data" in report, "the stack is there"
    assert "Versions: AgentDesk" in report and "PySide6" in report
    assert SECRET not in report and "150385" not in report, "no personal data in the crash file"
    assert SECRET not in "\n".join(caplog.messages), "nor in the log"

    details = dialog.details.toPlainText()
    assert details == report
    assert dialog.details.isReadOnly()
    assert str(path) in dialog.summary.text()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == report
    assert dialog.copy_button.text() == "Kopioitu"

    # A second error goes into the same dialog.
    with reported(qtbot, hooked_desk):
        hooked_desk.background.read(fail_with_personal_data)
    assert hooked_desk.errors.dialog is dialog
    assert dialog.details.toPlainText().count("AgentDesk error report") == 2
    assert "error.reported type=CustomerLoadBroken" in caplog.messages
    dialog.close()


@pytest.mark.expect_log_warnings
def test_the_desk_keeps_a_log_file_without_personal_data(qtbot, hooked_desk):
    log_file = paths.user_log_dir() / "agentdesk.log"
    assert log_file.exists(), "the desk's start-up created its log file"
    with reported(qtbot, hooked_desk):
        hooked_desk.background.read(fail_with_personal_data)
    hooked_desk.errors.dialog.close()
    logging.getLogger("agentdesk_desktop.test").warning("caller %s, identity code %s", "040 123 4567", "150385-912E")
    text = log_file.read_text(encoding="utf-8")
    assert "log started: AgentDesk" in text
    assert "unhandled" in text and "CustomerLoadBroken" in text, "errors are in it"
    assert "caller [phone], identity code [hetu]" in text
    assert "150385" not in text and "040 123 4567" not in text and "Anna Virtanen" not in text


@pytest.mark.expect_log_warnings
def test_an_exception_in_a_slot_reaches_the_dialog(qtbot, hooked_desk):
    with reported(qtbot, hooked_desk):
        QTimer.singleShot(0, fail_with_personal_data)
    assert hooked_desk.errors.dialog.isVisible()
    assert "CustomerLoadBroken" in hooked_desk.errors.dialog.details.toPlainText()
    hooked_desk.errors.dialog.close()


@pytest.mark.expect_log_warnings
def test_an_exception_in_a_python_thread_reaches_the_dialog(qtbot, hooked_desk):
    with reported(qtbot, hooked_desk):
        worker = threading.Thread(target=fail_with_personal_data, name="import-job")
        worker.start()
        worker.join()
    assert hooked_desk.errors.dialog.isVisible()
    report = hooked_desk.errors.dialog.details.toPlainText()
    assert "Thread: import-job" in report and "CustomerLoadBroken" in report
    hooked_desk.errors.dialog.close()


def test_the_last_unclean_run_is_offered_on_the_next_start(qtbot, tmp_path):
    earlier = CrashStore(tmp_path)
    earlier.session = "20260101-120000-1"
    earlier.begin_session(fatal_dump=False)
    try:
        fail_with_personal_data()
    except CustomerLoadBroken as exc:
        from agentdesk_desktop.crash_files import format_report

        written = earlier.write(format_report(type(exc), exc, exc.__traceback__))
    # ... and the process died: no end_session().

    now = CrashStore(tmp_path)
    now.begin_session(fatal_dump=False)
    reporter = ErrorReporter(now)
    try:
        box = reporter.offer_previous_crash(reporter.previous_crash())
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "AgentDesk closed unexpectedly last time" in box.text()
        assert str(written) in box.text()
        assert "CustomerLoadBroken" in box.detailedText()
        box.close()
        assert reporter.previous_crash() is None, "offered once"
    finally:
        now.end_session()
        reporter.deleteLater()
    assert reporter_again_offers_nothing(tmp_path)


def reporter_again_offers_nothing(folder) -> bool:
    store = CrashStore(folder)
    return store.collect_unclean() is None


def test_a_clean_run_leaves_nothing_to_offer(tmp_path):
    store = CrashStore(tmp_path)
    store.begin_session(fatal_dump=False)
    store.end_session()
    assert CrashStore(tmp_path).collect_unclean() is None
    assert list(tmp_path.iterdir()) == []


def test_a_run_that_died_without_a_report_is_still_offered(tmp_path):
    earlier = CrashStore(tmp_path)
    earlier.session = "20260101-120000-2"
    earlier.begin_session(fatal_dump=False)
    offered = CrashStore(tmp_path).collect_unclean()
    assert offered is not None and "ended without closing normally" in offered.read_text(encoding="utf-8")


@pytest.mark.expect_log_warnings
def test_qt_messages_go_to_python_logging(qtbot, tmp_path, caplog):
    reporter = ErrorReporter(CrashStore(tmp_path))
    reporter.install()
    try:
        qWarning("a Qt warning for the test")
    finally:
        reporter.uninstall()
        reporter.deleteLater()
    records = [r for r in caplog.records if r.name == "qt"]
    assert [(r.levelno, r.getMessage()) for r in records] == [(logging.WARNING, "a Qt warning for the test")]


def test_the_desk_offers_the_last_crash_when_it_starts(qtbot, sqlite_db, seeded):
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

    earlier = CrashStore()
    earlier.session = "20260101-120000-3"
    earlier.begin_session(fatal_dump=False)  # never ended: the process "died"
    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitUntil(
            lambda: any(w.objectName() == "previousCrash" and w.isVisible() for w in QApplication.topLevelWidgets())
        )
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "previousCrash")
        assert "AgentDesk sulkeutui viime kerralla odottamatta" in box.text()
        assert str(paths.user_data_dir() / "crashes") in box.text()
        box.close()
    finally:
        desk.shutdown()


def test_crash_files_after_sign_in_are_the_staff_users_own_and_encrypted(tmp_path):
    from agentdesk.drafts import new_key, owner_folder_name

    aino_key = new_key()
    earlier = CrashStore(tmp_path)
    earlier.session = "20260101-120000-4"
    earlier.begin_session(fatal_dump=False)
    earlier.open_for("agent.aino", aino_key)  # signed in: the session moves to Aino's folder
    assert not list(tmp_path.glob("session-*")), "no marker left in the workstation's folder"
    try:
        fail_with_personal_data()
    except CustomerLoadBroken as exc:
        from agentdesk_desktop.crash_files import format_report

        written = earlier.write(format_report(type(exc), exc, exc.__traceback__))
    # ... and the process died.
    assert written.parent.name == owner_folder_name("agent.aino") and written.suffix == ".enc"
    assert b"CustomerLoadBroken" not in written.read_bytes() and b"Traceback" not in written.read_bytes()

    assert CrashStore(tmp_path).collect_unclean() is None, "nothing offered before anyone signs in"
    helmi = CrashStore(tmp_path)
    helmi.open_for("nurse.helmi", new_key())
    assert helmi.collect_unclean() is None, "nothing offered to another staff user"
    aino = CrashStore(tmp_path)
    aino.open_for("agent.aino", aino_key)
    found = aino.collect_unclean()
    assert found == written and "CustomerLoadBroken" in aino.read(found)
    assert aino.collect_unclean() is None, "offered once"
