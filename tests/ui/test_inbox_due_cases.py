"""Overdue and soon-due cases in the agent's inbox dock: the agent's own and those of their queues'
departments, with a badge; double-click opens the customer's tab and the case's dialog."""

from __future__ import annotations

import datetime as dt

import pytest

from agentdesk.cases import FINNISH_CALENDAR
from agentdesk.queues import QueueDirectory, QueueSpec
from agentdesk.queues.working_hours import HELSINKI
from agentdesk.storage.models import CaseStatus, Channel, Department, ServiceCase, StaffUser
from tests.ui.conftest import close_desk


def _ids(db):
    with db.session() as s:
        aino = s.query(StaffUser).filter_by(username="agent.aino").one().id
        service = s.query(Department).filter_by(code="customer_service").one().id
        health = s.query(Department).filter_by(code="health").one().id
    return aino, service, health


@pytest.fixture
def due_cases(sqlite_db, seeded):
    aino, service, health = _ids(sqlite_db)
    directory = QueueDirectory(sqlite_db)
    phone = directory.create(QueueSpec("neuvonta", "Neuvonta", Channel.PHONE, target_seconds=20, department_id=service))
    directory.add_member(phone.id, aino)
    today = dt.datetime.now(HELSINKI).date()
    three_ago = today
    for _ in range(3):
        three_ago -= dt.timedelta(days=1)
        while not FINNISH_CALENDAR.is_working_day(three_ago):
            three_ago -= dt.timedelta(days=1)
    created = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    with sqlite_db.session() as s, s.begin():
        rows = {
            "mine_late": ServiceCase(
                customer_id=seeded.anna,
                title="Vesilasku",
                status=CaseStatus.OPEN,
                assignee_id=aino,
                department_id=health,
                due_date=three_ago,
                created_at=created,
            ),
            "queue_soon": ServiceCase(
                customer_id=seeded.matti,
                title="Päivähoito",
                status=CaseStatus.WAITING,
                department_id=service,
                due_date=FINNISH_CALENDAR.add_working_days(today, 1),
                created_at=created,
            ),
            "other_dept": ServiceCase(
                title="Ei Ainon", status=CaseStatus.OPEN, department_id=health, due_date=today, created_at=created
            ),
            "resolved": ServiceCase(
                title="Valmis", status=CaseStatus.RESOLVED, assignee_id=aino, due_date=three_ago, created_at=created
            ),
            "later": ServiceCase(
                title="Myöhemmin",
                status=CaseStatus.OPEN,
                department_id=service,
                due_date=FINNISH_CALENDAR.add_working_days(today, 10),
                created_at=created,
            ),
        }
        s.add_all(rows.values())
        s.flush()
        return {k: v.id for k, v in rows.items()}


@pytest.fixture
def overview_desk(qtbot, sqlite_db, seeded, due_cases):
    from agentdesk_desktop.app import build_app

    desk = build_app(sqlite_db, install_hooks=False, language="en")
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        close_desk(desk)


def test_the_inbox_lists_the_agents_and_queues_overdue_and_soon_due_cases(overview_desk, qtbot, due_cases):
    dock = overview_desk.windows.inbox
    dock.show()
    due = dock.due
    qtbot.waitUntil(lambda: due.list.topLevelItemCount() == 2, timeout=5000)
    assert due.badge.text() == "Cases: 1 overdue · 1 due soon"
    rows = [[due.list.topLevelItem(i).text(c) for c in range(3)] for i in range(2)]
    assert rows == [
        [f"#{due_cases['mine_late']} Vesilasku", "Assigned", "3 working days overdue"],
        [f"#{due_cases['queue_soon']} Päivähoito", "Waiting for the citizen", "due in 1 working day"],
    ]


def test_double_click_opens_the_customer_and_the_case(overview_desk, qtbot, seeded, due_cases):
    desk = overview_desk
    dock = desk.windows.inbox
    dock.show()
    due = dock.due
    qtbot.waitUntil(lambda: due.list.topLevelItemCount() == 2, timeout=5000)
    row = due.list.topLevelItem(0)
    due.list.itemActivated.emit(row, 0)
    qtbot.waitUntil(lambda: desk.window.tabs.count() == 1, timeout=5000)
    dialogs = [w for w in desk.window.findChildren(object) if type(w).__name__ == "CaseDialog"]
    assert len(dialogs) == 1 and dialogs[0].case_id == due_cases["mine_late"]
