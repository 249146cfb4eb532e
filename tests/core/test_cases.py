"""Service cases: working-day deadlines from Finland's public holidays, and a lifecycle with history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from agentdesk.cases import (
    FINNISH_CALENDAR,
    CaseChange,
    CaseConflict,
    CaseNotFound,
    CaseService,
    InvalidTransition,
    WorkingCalendar,
    allowed_next,
)
from agentdesk.interaction_log import InteractionDraft, InteractionLog
from agentdesk.storage.models import (
    AuditEntry,
    CaseStatus,
    Channel,
    Customer,
    CustomerKind,
    Department,
    Outcome,
    ServiceCase,
    StaffRole,
    StaffUser,
)

S = CaseStatus
D = dt.date
# The fixture's case is due in 10 working days from today (the interaction log refuses a past due date).
DUE = FINNISH_CALENDAR.add_working_days(dt.date.today(), 10)


# -- the calendar -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name_part"),
    [
        (D(2026, 6, 19), "Midsummer Eve"),  # Juhannusaatto: a Friday off, though not statutory
        (D(2026, 12, 24), "Christmas Eve"),  # Jouluaatto
        (D(2026, 12, 6), "Independence"),
        (D(2026, 4, 3), "Good Friday"),
        (D(2026, 5, 14), "Ascension"),
    ],
)
def test_finnish_public_holidays_are_not_working_days(day, name_part):
    assert name_part in (FINNISH_CALENDAR.holiday_name(day) or "")
    assert not FINNISH_CALENDAR.is_working_day(day)


def test_an_ordinary_weekday_is_a_working_day_and_a_weekend_is_not():
    assert FINNISH_CALENDAR.is_working_day(D(2026, 12, 2))  # Wednesday
    assert not FINNISH_CALENDAR.is_working_day(D(2026, 12, 5))  # Saturday


def test_due_in_working_days_skips_christmas_and_the_weekend():
    # Friday 19 Dec 2025 + 3 working days: 22nd, 23rd, (24th-26th holidays, weekend), 29th.
    assert FINNISH_CALENDAR.add_working_days(D(2025, 12, 19), 3) == D(2025, 12, 29)


def test_due_in_working_days_skips_midsummer():
    # Thursday 18 June 2026 + 1: Friday 19th is Juhannusaatto, the weekend follows: Monday 22nd.
    assert FINNISH_CALENDAR.add_working_days(D(2026, 6, 18), 1) == D(2026, 6, 22)


def test_closed_days_from_a_profile_are_skipped_too():
    closed = WorkingCalendar([D(2026, 12, 28), D(2026, 12, 29)])
    # Wed 23 Dec 2026 + 2: (24th-27th closed) 28th, 29th closed by the profile -> 30th, 31st.
    assert closed.add_working_days(D(2026, 12, 23), 2) == D(2026, 12, 31)
    assert FINNISH_CALENDAR.add_working_days(D(2026, 12, 23), 2) == D(2026, 12, 29)


def test_zero_working_days_moves_a_closed_day_to_the_next_working_day():
    assert FINNISH_CALENDAR.add_working_days(D(2026, 12, 24), 0) == D(2026, 12, 28)
    assert FINNISH_CALENDAR.add_working_days(D(2026, 12, 2), 0) == D(2026, 12, 2)


def test_working_days_between_counts_overdue_days_as_negative():
    assert FINNISH_CALENDAR.working_days_between(D(2025, 12, 19), D(2025, 12, 29)) == 3
    assert FINNISH_CALENDAR.working_days_between(D(2025, 12, 29), D(2025, 12, 19)) == -3
    assert FINNISH_CALENDAR.working_days_between(D(2026, 12, 2), D(2026, 12, 2)) == 0


def test_the_queues_working_hours_close_on_the_same_holidays():
    hours = FINNISH_CALENDAR.working_hours([2026])
    assert hours.window(D(2026, 6, 19)) is None
    assert hours.window(D(2026, 6, 18)) is not None


def test_a_negative_or_absurd_deadline_is_refused():
    with pytest.raises(ValueError, match="negative"):
        FINNISH_CALENDAR.add_working_days(D(2026, 1, 1), -1)
    with pytest.raises(ValueError, match="working days away"):
        FINNISH_CALENDAR.add_working_days(D(2026, 1, 1), 100_000)


# -- the lifecycle ----------------------------------------------------------------------------


@pytest.fixture
def case_world(db):
    """Two departments, two staff users, a customer with a case filed through the interaction log."""
    with db.session() as s, s.begin():
        s.add_all([Department(id=1, code="water", name="Water"), Department(id=2, code="streets", name="Streets")])
        s.flush()
        s.add_all(
            [
                StaffUser(id=1, username="aino", display_name="Aino Agent", role=StaffRole.AGENT, department_id=1),
                StaffUser(id=2, username="bertil", display_name="Bertil B", role=StaffRole.AGENT, department_id=2),
            ]
        )
        customer = Customer(kind=CustomerKind.PERSON, first_names="Maija", last_name="Meikäläinen")
        s.add(customer)
        s.flush()
        customer_id = customer.id
    saved = InteractionLog(db).save(
        InteractionDraft(
            channel=Channel.PHONE,
            started_at=dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC),
            customer_id=customer_id,
            topic="water.billing",
            department_id=1,
            notes="Bill twice",
            new_case_title="Double bill",
            new_case_due=DUE,
            outcome=Outcome.CASE_CREATED,
        ),
        agent_id=1,
        actor="aino",
    )
    assert saved.case_id is not None
    return db, customer_id, saved.case_id


def _version(db, case_id: int) -> int:
    with db.session() as s:
        return s.get(ServiceCase, case_id).version


def test_a_new_case_starts_its_history_with_its_creation(case_world):
    db, _customer, case_id = case_world
    history = CaseService(db).history(case_id)
    assert [(e.from_status, e.to_status, e.actor) for e in history] == [(None, S.OPEN, "aino")]
    assert history[0].due_date == DUE
    assert history[0].department_name == "Water"


def test_a_case_runs_from_assignment_to_the_back_office_to_resolved_and_closed(case_world):
    db, customer_id, case_id = case_world
    cases = CaseService(db)
    steps = [
        CaseChange(case_id, S.OPEN, _version(db, case_id), department_id=2, assignee_id=2),
        None,  # filled below with the version each step leaves
    ]
    moved = cases.change(steps[0], actor="aino")
    assert moved.changes.cases == frozenset({customer_id})
    moved = cases.change(
        CaseChange(case_id, S.WAITING_BACKOFFICE, moved.version, note="Meter reading ordered"), actor="bertil"
    )
    moved = cases.change(CaseChange(case_id, S.RESOLVED, moved.version, note="Credit note sent"), actor="bertil")
    moved = cases.change(CaseChange(case_id, S.CLOSED, moved.version), actor="bertil")
    history = cases.history(case_id)
    assert [(e.from_status, e.to_status) for e in history] == [
        (None, S.OPEN),
        (S.OPEN, S.OPEN),
        (S.OPEN, S.WAITING_BACKOFFICE),
        (S.WAITING_BACKOFFICE, S.RESOLVED),
        (S.RESOLVED, S.CLOSED),
    ]
    assert history[1].department_name == "Streets" and history[1].assignee_name == "Bertil B"
    assert history[2].note == "Meter reading ordered"
    with db.session() as s:
        case = s.get(ServiceCase, case_id)
        assert case.status is S.CLOSED and case.department_id == 2 and case.assignee_id == 2
        assert case.resolved_at is not None
        audited = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "case.status")).all()
    assert len(audited) == 4 and all(f"case={case_id}" in d for d in audited)


def test_a_closed_case_can_only_be_reopened_and_reopening_needs_a_note(case_world):
    db, _customer, case_id = case_world
    cases = CaseService(db)
    v = cases.change(CaseChange(case_id, S.RESOLVED, _version(db, case_id)), actor="aino").version
    v = cases.change(CaseChange(case_id, S.CLOSED, v), actor="aino").version
    assert allowed_next(S.CLOSED) == frozenset({S.REOPENED})
    with pytest.raises(InvalidTransition, match="cannot be moved to open"):
        cases.change(CaseChange(case_id, S.OPEN, v), actor="aino")
    with pytest.raises(InvalidTransition, match="needs a note") as raised:
        cases.change(CaseChange(case_id, S.REOPENED, v, note="  "), actor="aino")
    assert raised.value.field == "note"
    reopened = cases.change(CaseChange(case_id, S.REOPENED, v, note="The bill came again"), actor="aino")
    assert reopened.status is S.REOPENED
    with db.session() as s:
        assert s.get(ServiceCase, case_id).resolved_at is None


def test_closing_an_unresolved_case_needs_a_note_but_closing_a_resolved_one_does_not(case_world):
    db, _customer, case_id = case_world
    cases = CaseService(db)
    v = cases.change(CaseChange(case_id, S.WAITING, _version(db, case_id), note="Asked for a photo"), actor="aino")
    with pytest.raises(InvalidTransition, match="cannot be moved to closed"):
        cases.change(CaseChange(case_id, S.CLOSED, v.version), actor="aino")
    v = cases.change(CaseChange(case_id, S.RESOLVED, v.version), actor="aino")
    cases.change(CaseChange(case_id, S.CLOSED, v.version), actor="aino")  # no note needed


def test_a_stale_change_is_refused_and_writes_nothing(case_world):
    db, _customer, case_id = case_world
    cases = CaseService(db)
    shown = _version(db, case_id)
    cases.change(CaseChange(case_id, S.RESOLVED, shown), actor="aino")  # another desk, first
    with pytest.raises(CaseConflict):
        cases.change(CaseChange(case_id, S.WAITING, shown, note="photo"), actor="bertil")
    assert [e.to_status for e in cases.history(case_id)] == [S.OPEN, S.RESOLVED]


def test_a_reassignment_must_name_someone_and_unknown_targets_are_refused(case_world):
    db, _customer, case_id = case_world
    cases = CaseService(db)
    v = _version(db, case_id)
    with pytest.raises(InvalidTransition, match="names a department or a person"):
        cases.change(CaseChange(case_id, S.OPEN, v), actor="aino")
    with pytest.raises(InvalidTransition, match="department 99") as raised:
        cases.change(CaseChange(case_id, S.OPEN, v, department_id=99), actor="aino")
    assert raised.value.field == "department"
    with pytest.raises(CaseNotFound):
        cases.change(CaseChange(12345, S.OPEN, 1, department_id=1), actor="aino")
    assert len(cases.history(case_id)) == 1


def test_deadlines_list_overdue_and_soon_due_active_cases_in_working_days(case_world):
    db, customer_id, case_id = case_world
    cases = CaseService(db)
    two_before = DUE - dt.timedelta(days=1)
    while FINNISH_CALENDAR.working_days_between(two_before, DUE) < 2:
        two_before -= dt.timedelta(days=1)
    soon = cases.deadlines(today=two_before, within_working_days=2)
    assert [(d.case_id, d.working_days_left, d.overdue) for d in soon] == [(case_id, 2, False)]
    assert cases.deadlines(today=DUE - dt.timedelta(days=30), within_working_days=2) == []
    two_late = FINNISH_CALENDAR.add_working_days(DUE, 2)
    late = cases.deadlines(today=two_late, department_ids=frozenset({1}))
    assert [(d.customer_id, d.working_days_left, d.overdue) for d in late] == [(customer_id, -2, True)]
    assert cases.deadlines(today=two_late, department_ids=frozenset({2})) == []
    cases.change(CaseChange(case_id, S.RESOLVED, _version(db, case_id)), actor="aino")
    assert cases.deadlines(today=two_late) == []  # a resolved case is nobody's deadline


def test_a_new_due_date_before_the_case_was_filed_is_refused(case_world):
    db, _customer, case_id = case_world
    with pytest.raises(InvalidTransition, match="before the case was filed") as raised:
        CaseService(db).change(
            CaseChange(case_id, S.OPEN, _version(db, case_id), department_id=2, due_date=D(2020, 1, 1)), actor="aino"
        )
    assert raised.value.field == "due_date"


def test_due_date_helper_counts_from_today_in_working_days(case_world):
    db, _customer, _case = case_world
    cases = CaseService(db, WorkingCalendar([D(2026, 12, 3)]))
    assert cases.due_date(1, start=D(2026, 12, 2)) == D(2026, 12, 4)  # 3rd closed by the profile


def test_a_snapshot_shows_the_case_its_next_states_and_its_history_in_one_read(case_world):
    db, customer_id, case_id = case_world
    cases = CaseService(db)
    cases.change(CaseChange(case_id, S.OPEN, _version(db, case_id), department_id=2, assignee_id=2), actor="aino")
    shown = cases.snapshot(case_id, today=DUE)
    assert (shown.customer_id, shown.title, shown.status) == (customer_id, "Double bill", S.OPEN)
    assert (shown.department_name, shown.assignee_name, shown.working_days_left) == ("Streets", "Bertil B", 0)
    assert S.WAITING_BACKOFFICE in shown.next_states and S.CLOSED not in shown.next_states
    assert [e.to_status for e in shown.history] == [S.OPEN, S.OPEN]
    with pytest.raises(CaseNotFound):
        cases.snapshot(999_999)


def test_the_dashboard_counts_overdue_and_soon_due_cases_in_working_days(case_world):
    from agentdesk.queues import Statistics

    db, _customer, case_id = case_world
    # Monday 21 Dec 2026: a case due Friday 18th is overdue, one due Wednesday 23rd is due within two
    # working days, one due Monday 28th is not (24th-27th are holidays and a weekend in between).
    now = dt.datetime(2026, 12, 21, 9, tzinfo=dt.UTC)
    with db.session() as s, s.begin():
        s.get(ServiceCase, case_id).due_date = D(2026, 12, 18)
        for due in (D(2026, 12, 23), D(2026, 12, 28)):
            s.add(ServiceCase(title="t", status=S.OPEN, due_date=due))
        s.add(ServiceCase(title="done", status=S.RESOLVED, due_date=D(2026, 12, 1)))
    snap = Statistics(db).snapshot(now)
    assert (snap.cases_overdue, snap.cases_due_soon) == (1, 1)
    closed = Statistics(db, calendar=WorkingCalendar([D(2026, 12, 22)])).snapshot(now)
    # With the 22nd closed, the two working days are the 23rd and the 28th: both cases are due soon.
    assert (closed.cases_overdue, closed.cases_due_soon) == (1, 2)
