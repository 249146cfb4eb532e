"""The Reports window on the hand-worked month (tests/core/reports_month.py, real SQLite): only
supervisors and admins get it; the filters, a report with its trend, the chart, and an export, every
read and write off the UI thread."""

from __future__ import annotations

import csv
import datetime as dt
import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from agentdesk.deployment.profile_store import ProfileStore
from agentdesk.reports import Reports
from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole
from agentdesk_desktop.reports import open_reports
from agentdesk_desktop.reports.reports_window import CHANGE, PREVIOUS, TOTAL, ReportsWindow
from agentdesk_desktop.services import build_services
from tests.core.reports_month import COSTS, TOPICS, add_feedback, build_month

APRIL_2026 = dt.date(2026, 4, 15)  # "last month" is the hand-worked March
PROFILE = """\
profile_version = 1
[department]
code = "tech"
name = { fi = "Tekniset palvelut", sv = "Tekniska tjänster", en = "Technical services" }
[reports]
cost_per_contact = { phone = 6.5, email = 4.0, walk_in = 12.0, web = 1.5 }
"""


def member(role: StaffRole) -> StaffMember:
    return StaffMember(1, "u", "U", role, None, None, None)


@pytest.fixture
def month(sqlite_db):
    build_month(sqlite_db)
    return sqlite_db


@pytest.fixture
def window(qtbot, month, bg):
    threads: list[str] = []

    def source() -> Reports:
        threads.append(threading.current_thread().name)
        return Reports(month, cost_per_contact=COSTS, topics=TOPICS)

    w = ReportsWindow(source, bg, today=APRIL_2026)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.department.count() == 3)  # All, tech, social: read in the background
    w.threads = threads
    return w


def rows(w: ReportsWindow) -> dict[str, list[str]]:
    table = w.table
    return {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, table.columnCount())]
        for r in range(table.rowCount())
    }


def test_only_supervisors_and_admins_get_reports(qtbot, month, bg, change_bus):
    services = build_services(month, bg, change_bus)
    assert open_reports(services, member(StaffRole.AGENT)) is None
    assert open_reports(services, member(StaffRole.STEWARD)) is None
    for role in (StaffRole.SUPERVISOR, StaffRole.ADMIN):
        w = open_reports(services, member(role))
        assert w is not None
        qtbot.addWidget(w)
        qtbot.waitUntil(lambda w=w: w.queue.count() == 4)  # All and the three queues
        w.close()


def test_last_month_shows_the_figures_with_their_trend(window, qtbot):
    window.period.setCurrentIndex(1)  # last month
    assert (window.start.date().toString("yyyy-MM-dd"), window.end.date().toString("yyyy-MM-dd")) == (
        "2026-03-01",
        "2026-03-31",
    )
    assert not window.start.isEnabled()
    with qtbot.waitSignal(window.report_shown, timeout=10000):
        window.run()
    shown = rows(window)
    assert shown["Contacts"][TOTAL - 1 : CHANGE] == ["5", "2", "▲ 3"]
    assert shown["Service level"][TOTAL - 1 : CHANGE] == ["60 %", "100 %", "▼ 40 pp"]
    assert shown["Service level"][CHANGE:] == ["50 %", "100 %", "–", "–", "–"]  # phone, e-mail, walk-in, web, sms
    assert shown["Deadline breaches"][0] == "2"
    assert shown["Cost per contact"][0] == "7,10 €"
    assert window.table.item(1, PREVIOUS).text() == "100 %"  # share of contacts before
    assert len(window.chart.points) == 31 and window.chart.points[1].total == 2
    assert "01.03.2026 – 31.03.2026" in window.status.text()
    assert all(name != threading.main_thread().name for name in window.threads)


def test_the_citizens_feedback_shows_in_total_per_queue_and_per_agent(window, month, qtbot):
    add_feedback(month)
    window.period.setCurrentIndex(1)
    with qtbot.waitSignal(window.report_shown, timeout=10000):
        window.run()
    shown = rows(window)
    assert shown["Feedback score, mean (1–5)"][TOTAL - 1 : CHANGE] == ["3,7", "3,0", "▲ 0,7"]
    assert shown["Feedback response rate"][TOTAL - 1 : CHANGE] == ["75 %", "100 %", "▼ 25 pp"]
    feedback = window.feedback
    groups = {
        feedback.item(r, 0).text(): [feedback.item(r, c).text() for c in range(1, feedback.columnCount())]
        for r in range(feedback.rowCount())
    }
    assert list(groups) == [
        "All contacts",
        "Queue social-phone",
        "Queue tech-mail",
        "Queue water-phone",
        "Agent aino.agent",
        "Agent bert.agent",
    ]
    assert groups["Queue water-phone"] == ["2", "2", "100 %", "3,5"]
    assert groups["Queue social-phone"] == ["1", "0", "0 %", "–"]  # sent, not answered


def test_filters_narrow_the_report_and_a_stranger_municipality_is_named(window, qtbot):
    window.period.setCurrentIndex(1)
    window.department.setCurrentIndex(window.department.findData("tech"))
    with qtbot.waitSignal(window.report_shown, timeout=10000):
        window.run()
    assert rows(window)["Contacts"][0] == "3"
    window.municipality.setText("Atlantis")
    window.run()
    qtbot.waitUntil(lambda: "Atlantis" in window.status.text())
    assert window.status.text() == "No customer lives in Atlantis."
    assert window.municipality.text() == "Atlantis"  # nothing typed is lost


def test_a_custom_period_that_ends_before_it_starts_is_refused(window):
    window.period.setCurrentIndex(3)
    assert window.start.isEnabled()
    window.start.setDate(window.end.date().addDays(1))
    window.run()
    assert "must end on or after" in window.status.text()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_export_writes_the_report_chosen_in_the_file_dialog(window, qtbot, tmp_path, monkeypatch, fmt):
    window.period.setCurrentIndex(1)
    with qtbot.waitSignal(window.report_shown, timeout=10000):
        window.run()
    target = tmp_path / f"march.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.exported, timeout=10000):
        window.export_buttons[fmt].click()
    if fmt == "csv":
        first = next(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
        assert (first["figure"], first["label"], first["value"]) == ("contacts", "Contacts", "5")
    elif fmt == "xlsx":
        assert load_workbook(target)["Figures"]["D3"].value == 5
    else:
        assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in window.status.text()


def test_the_desk_reads_the_costs_from_the_applied_profile(qtbot, month, bg, change_bus, tmp_path):
    (tmp_path / "p.toml").write_text(PROFILE, encoding="utf-8")
    assert ProfileStore(installed=None).apply(tmp_path / "p.toml").applied
    services = build_services(month, bg, change_bus)
    w = open_reports(services, member(StaffRole.SUPERVISOR))
    assert w is not None
    qtbot.addWidget(w)
    w._today = APRIL_2026
    w.period.setCurrentIndex(2)  # this year (to 15 April)
    w.period.setCurrentIndex(1)  # last month
    with qtbot.waitSignal(w.report_shown, timeout=10000):
        w.run()
    assert rows(w)["Cost"][0] == "35,50 €"
    w.close()


@pytest.mark.parametrize(
    ("code", "change", "text", "good"),
    [
        ("service_level", -0.002, "▶ 0", None),  # under half a percentage point: no arrow, no colour
        ("service_level", 0.05, "▲ 5 pp", True),
        ("abandonment_rate", 0.05, "▲ 5 pp", False),
        ("speed_of_answer_mean", -12.0, "▼ 12 s", True),
        ("contacts", 3, "▲ 3", None),
    ],
)
def test_the_change_shows_its_arrow_and_whether_it_is_good_news(code, change, text, good):
    from agentdesk_desktop.reports.report_texts import change_is_good, change_text

    assert (change_text(code, change), change_is_good(code, change)) == (text, good)


def test_the_reports_window_opens_from_the_queues_menu_for_a_supervisor_only(qtbot, sqlite_db, seeded):
    from agentdesk_desktop.app import build_app

    for username, has_it in (("super.sari", True), ("agent.aino", False)):
        desk = build_app(sqlite_db, install_hooks=False)
        try:
            with qtbot.waitSignal(desk.window_ready, timeout=10_000):
                desk.start(username=username)
            window = desk.window
            assert (window.reports_action is not None) is has_it
            if has_it:
                window.reports_action.trigger()
                qtbot.waitUntil(lambda d=desk: d.windows.reports is not None and d.windows.reports.isVisible())
        finally:
            desk.shutdown()
