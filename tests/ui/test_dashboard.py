"""The supervisor dashboard on a small day whose figures are worked out by hand (real SQLite).

Tiles show the figures of each queue and turn red past the queue's thresholds; a tile opens the
items behind it; the refresh runs on the background helper and never blocks the UI thread; only
supervisors get the dashboard.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from agentdesk.queues import HELSINKI, Presence, PresenceState, QueueDirectory, QueueSpec, Statistics, WalkIn, WorkQueue
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import Channel, Department, Interaction, Outcome
from agentdesk_desktop.dashboard.dashboard_window import DashboardWindow

LONG = 6 * 3600  # leases that do not run out while the day is built


def at(hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    """Helsinki wall clock on Wednesday 4 March 2026, "today" for these tests."""
    return dt.datetime(2026, 3, 4, hour, minute, second, tzinfo=HELSINKI)


NOW = at(12, 0)


@pytest.fixture
def day(sqlite_db, seeded):
    """Phone "Neuvonta" (80 % in 20 s, alarm at 3 waiting or a 60 s wait) and walk-in "Palvelupiste"
    (alarm at 2 waiting) of customer service, with this morning's calls:

    09:00 answered after 10 s, talked 300 s    09:10 answered after 30 s (late), talked 120 s
    09:30 gave up after 60 s (after the target) 11:58 and 11:59:50 still waiting (120 s and 10 s)
    """
    staff = StaffDirectory(sqlite_db)
    aino, sari = staff.get("agent.aino"), staff.get("super.sari")
    with sqlite_db.session() as s:
        dept = s.query(Department).filter_by(code="customer_service").one().id
    directory = QueueDirectory(sqlite_db)
    phone = directory.create(
        QueueSpec(
            "neuvonta",
            "Neuvonta",
            Channel.PHONE,
            target_seconds=20,
            target_share=0.8,
            department_id=dept,
            alarm_waiting=3,
            alarm_longest_wait_seconds=60,
        )
    )
    walk_in = directory.create(
        QueueSpec(
            "palvelupiste",
            "Palvelupiste",
            Channel.WALK_IN,
            target_seconds=900,
            department_id=dept,
            alarm_waiting=2,
            ticket_letter="A",
        )
    )
    work = WorkQueue(sqlite_db)

    def call(arrived, answered=None, finished=None, abandoned=None, ref=""):
        item = work.enqueue(phone.id, arrived_at=arrived, external_ref=ref)
        if abandoned:
            work.abandon(item.id, now=abandoned)
        elif answered:
            assert work.claim_next(aino.id, [phone.id], LONG, now=answered).id == item.id
            work.answer(item.id, aino.id, now=answered)
            work.complete(item.id, aino.id, now=finished)
        return item

    call(at(9, 0), at(9, 0, 10), at(9, 5, 10))
    call(at(9, 10), at(9, 10, 30), at(9, 12, 30))
    call(at(9, 30), abandoned=at(9, 31), ref="1772611800.3")
    call(at(11, 58), ref="1772618280.4")
    call(at(11, 59, 50), ref="1772618390.5")
    with sqlite_db.session() as s, s.begin():
        s.add_all(
            [
                Interaction(channel=channel, started_at=when, department_id=dept, outcome=outcome, topic="t")
                for when, channel, outcome in [
                    (at(8, 15), Channel.PHONE, Outcome.RESOLVED_FIRST_CONTACT),
                    (at(9, 5), Channel.PHONE, Outcome.RESOLVED_FIRST_CONTACT),
                    (at(9, 12), Channel.PHONE, Outcome.UNRESOLVED),
                    (at(10, 40), Channel.WALK_IN, Outcome.RESOLVED_FIRST_CONTACT),
                ]
            ]
        )
    presence = Presence(sqlite_db)
    presence.set_state(aino.id, PresenceState.AVAILABLE, now=at(11, 50))
    presence.set_state(sari.id, PresenceState.BUSY, now=at(11, 59))
    return {"phone": phone, "walk_in": walk_in, "dept": dept}


@pytest.fixture
def dashboard(qtbot, sqlite_db, day, bg):
    statistics = Statistics(sqlite_db)
    window = DashboardWindow(statistics.snapshot, statistics.items, bg, clock=lambda: NOW, interval_ms=60_000)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.show()
    return window


def shut(desk) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    desk.shutdown()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def refresh(qtbot, window) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        assert window.refresh_now()


def test_tiles_show_the_figures_of_a_known_day(dashboard, visible_texts):
    phone = dashboard.tile("neuvonta")
    figures = {key: phone.value_text(key) for key in phone.values}
    assert figures == {
        "waiting": "2",
        "longest_wait": "2:00",  # since 11:58
        "service_level": "33 %",  # 1 within 20 s of 2 answered + 1 given up after the target
        "speed_of_answer": "0:20",  # (10 + 30) / 2
        "handle_time": "3:30",  # (300 + 120) / 2
        "abandonment": "33 %",  # 1 of 3
        "first_contact_resolution": "75 %",  # 3 of the department's 4 contacts today
    }
    walk_in = dashboard.tile("palvelupiste")
    assert walk_in.value_text("waiting") == "0" and walk_in.value_text("service_level") == "–"
    texts = visible_texts(dashboard)
    assert "Neuvonta" in texts and "Phone · target 80 % within 0:20" in texts
    assert "4 contacts logged today" in texts


def test_a_tile_is_red_past_its_thresholds_and_turns_red_when_the_queue_passes_one(dashboard, qtbot, sqlite_db, day):
    phone = dashboard.tile("neuvonta")
    assert phone.in_alarm, "a 2-minute wait and a 33 % service level are past the phone queue's thresholds"
    alarmed = {key for key, label in phone.values.items() if label.property("alarm")}
    assert alarmed == {"longest_wait", "service_level"}
    assert "The longest wait is 2:00 (alarm at 1:00)" in phone.toolTip()

    walk_in = dashboard.tile("palvelupiste")
    assert not walk_in.in_alarm
    tickets = WalkIn(sqlite_db)
    tickets.issue_ticket(day["walk_in"].id, now=at(11, 50))
    tickets.issue_ticket(day["walk_in"].id, now=at(11, 55))
    refresh(qtbot, dashboard)
    assert walk_in.value_text("waiting") == "2"
    assert walk_in.in_alarm and walk_in.values["waiting"].property("alarm"), "two waiting: the alarm threshold"
    palette_red = walk_in.values["waiting"].palette().color(walk_in.values["waiting"].foregroundRole())
    assert palette_red.red() > 150 and palette_red.green() < 80, "the figure is painted red"


def test_agents_by_state_with_time_in_state(dashboard):
    model = dashboard.agents_model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert rows == [["Aino Asiakaspalvelija", "Available", "10:00"], ["Sari Esihenkilö", "Busy", "1:00"]]
    counts = {state: label.text() for state, label in dashboard.state_counts.items()}
    assert counts[PresenceState.AVAILABLE] == "Available 1" and counts[PresenceState.BUSY] == "Busy 1"


def test_contacts_by_channel_and_hour_are_charted(dashboard):
    by_channel = {bar.label: bar.value for bar in dashboard.by_channel.bars}
    assert by_channel == {"Phone": 3, "E-mail": 0, "Walk-in": 1, "Web": 0, "SMS": 0}
    hours = {bar.label: bar.value for bar in dashboard.by_hour.bars}
    assert list(hours) == [str(h) for h in range(7, 19)], "the office day, Helsinki hours"
    assert (hours["8"], hours["9"], hours["10"], sum(hours.values())) == (1, 2, 1, 4)
    image = dashboard.by_hour.grab().toImage()
    assert image.width() > 200, "the chart paints (QPainter, no QtCharts)"


def test_a_tile_drills_down_to_its_items(dashboard, qtbot):
    phone = dashboard.tile("neuvonta")
    qtbot.mouseClick(phone, Qt.MouseButton.LeftButton)
    dialog = dashboard.drill_down
    assert dialog is not None and dialog.windowTitle() == "Neuvonta: items"
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    refs = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert refs == ["1772618280.4", "1772618390.5"], "waiting, in the order they will be served"
    assert dialog.count.text() == "2 items"

    dialog.kind.setCurrentIndex(dialog.kind.findData("abandoned"))
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == ["1772611800.3"]
    assert dialog.model.index(0, 4).data() == "gave up"
    dialog.close()


def test_the_refresh_runs_off_the_ui_thread_and_the_ui_keeps_responding(qtbot, sqlite_db, day, bg):
    statistics = Statistics(sqlite_db)
    threads: list[threading.Thread] = []
    database_answers = threading.Event()

    def slow_snapshot(now):
        threads.append(threading.current_thread())
        database_answers.wait(10)  # a slow database: it answers when the test says so
        return statistics.snapshot(now)

    window = DashboardWindow(slow_snapshot, statistics.items, bg, clock=lambda: NOW)
    qtbot.addWidget(window)
    assert window.timer.interval() <= 2000, "refreshes at least every 2 s"
    ticks = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    window.show()  # the first refresh starts here, and the database has not answered yet
    assert window.refreshing and not database_answers.is_set(), "show() does not wait for the figures"
    assert not window.refresh_now() and window.skipped_ticks == 1, "a tick while reading is skipped"
    # The UI thread keeps running its timers while the figures are being read.
    qtbot.waitUntil(lambda: len(ticks) >= 15, timeout=5000)
    assert window.refreshing
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        database_answers.set()
    heartbeat.stop()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert window.tile("neuvonta").value_text("waiting") == "2"
    assert window.timer.isActive()
    window.close()
    assert not window.timer.isActive()


@pytest.mark.expect_log_warnings
def test_a_failed_refresh_keeps_the_figures_and_says_so(qtbot, sqlite_db, day, bg, caplog):
    statistics = Statistics(sqlite_db)
    broken = {"now": False}

    def snapshot(now):
        if broken["now"]:
            raise ConnectionError("database unreachable")
        return statistics.snapshot(now)

    window = DashboardWindow(snapshot, statistics.items, bg, clock=lambda: NOW, interval_ms=60_000)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.show()
    broken["now"] = True
    with qtbot.waitSignal(window.refresh_failed, timeout=5000):
        window.refresh_now()
    assert window.problem.isVisible() and "could not be refreshed" in window.problem.text()
    assert window.tile("neuvonta").value_text("waiting") == "2", "the last figures stay"
    broken["now"] = False
    refresh(qtbot, window)
    assert not window.problem.isVisible()
    assert [r.levelname for r in caplog.records if r.name == "agentdesk_desktop.dashboard.dashboard_window"] == [
        "WARNING"
    ]


def test_refreshes_write_the_benchmark_event(dashboard, qtbot, caplog):
    refresh(qtbot, dashboard)
    lines = [r.getMessage() for r in caplog.records if r.name == "agentdesk.event"]
    refreshed = [line for line in lines if line.startswith("dashboard.refreshed ")]
    assert len(refreshed) == 1
    fields = dict(part.split("=") for part in refreshed[-1].split()[1:])
    assert set(fields) == {"ms", "query_ms", "apply_ms", "queues", "agents"} and fields["queues"] == "2"


# -- who gets it ---------------------------------------------------------------------------------


def test_an_agent_has_no_dashboard_menu_entry(desk):
    window = desk.window
    assert window.dashboard_action is None
    texts = [a.text() for a in window.queues_menu.actions()]
    assert not any("dashboard" in t.lower() for t in texts)
    assert desk.open_dashboard() is None


def test_a_supervisor_opens_the_dashboard_from_the_queues_menu(qtbot, sqlite_db, day):
    from agentdesk_desktop.app import build_app
    from agentdesk_desktop.customer_summary import RegisterSummaryParts

    desk = build_app(sqlite_db, install_hooks=False, customer_parts=RegisterSummaryParts, language="en")
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="super.sari")
        action = desk.window.dashboard_action
        assert action is not None and action.isVisible() and action in desk.window.queues_menu.actions()
        assert action.text() == "Supervisor &dashboard…"
        action.trigger()
        dashboard = desk.dashboard
        assert dashboard is not None and dashboard.isVisible() and dashboard.isWindow()
        with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
            pass
        assert {t.queue.code for t in dashboard.tiles.values()} == {"neuvonta", "palvelupiste"}
        dashboard.close()
        qtbot.waitUntil(lambda: desk.dashboard is None, timeout=2000)
    finally:
        shut(desk)
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_overdue_cases_are_counted_in_red_and_soon_due_ones_beside_them(dashboard, qtbot, sqlite_db):
    from agentdesk.storage.models import CaseStatus, ServiceCase

    label = dashboard.case_deadlines
    assert label.text() == "Cases: 0 overdue, 0 due within 2 working days"
    assert label.palette().color(label.foregroundRole()).name() != "#c62828"
    today = NOW.astimezone(HELSINKI).date()
    with sqlite_db.session() as s, s.begin():
        s.add(ServiceCase(title="late", status=CaseStatus.WAITING, due_date=today - dt.timedelta(days=7)))
        s.add(ServiceCase(title="today", status=CaseStatus.OPEN, due_date=today))
        s.add(ServiceCase(title="done", status=CaseStatus.CLOSED, due_date=today - dt.timedelta(days=30)))
    refresh(qtbot, dashboard)
    assert label.text() == "Cases: 1 overdue, 1 due within 2 working days"
    assert label.palette().color(label.foregroundRole()).name() == "#c62828"
