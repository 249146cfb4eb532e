"""Queues, presence, work items, walk-in tickets and the dashboard figures on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from agentdesk.interaction_log import InteractionLog
from agentdesk.queues import (
    HELSINKI,
    LeaseLost,
    NewWorkItem,
    NotAWalkInQueue,
    Presence,
    PresenceState,
    QueueDirectory,
    QueueInvalid,
    QueueSpec,
    WalkIn,
    WorkItemState,
    WorkQueue,
    interaction_draft,
)
from agentdesk.storage.models import (
    Channel,
    Department,
    Interaction,
    Outcome,
    PresenceChange,
    StaffRole,
    StaffUser,
)

UTC = dt.UTC


def hki(*args) -> dt.datetime:
    """A Helsinki wall-clock time as an aware datetime."""
    return dt.datetime(*args, tzinfo=HELSINKI)


def at(hour: int, minute: int = 0, second: int = 0, day: int = 4) -> dt.datetime:
    """Helsinki wall clock in March 2026 (UTC+2, before summer time); day 4 is a Wednesday."""
    return hki(2026, 3, day, hour, minute, second)


@pytest.fixture
def org(db):
    """Two departments and four staff users; returns ids by name."""
    with db.session() as s, s.begin():
        s.add_all(
            [
                Department(id=1, code="tech", name="Technical services"),
                Department(id=2, code="social", name="Social services"),
            ]
        )
        s.flush()
        for i, (name, role, dept) in enumerate(
            [
                ("aino", StaffRole.AGENT, 1),
                ("bertil", StaffRole.AGENT, 1),
                ("chen", StaffRole.AGENT, 2),
                ("sari", StaffRole.SUPERVISOR, 1),
            ],
            start=1,
        ):
            s.add(StaffUser(id=i, username=name, display_name=name.title(), role=role, department_id=dept))
    return {"aino": 1, "bertil": 2, "chen": 3, "sari": 4}


@pytest.fixture
def queues(db, org):
    directory = QueueDirectory(db)
    phone = directory.create(
        QueueSpec(
            "water-phone",
            "Water: phone",
            Channel.PHONE,
            target_seconds=20,
            target_share=0.8,
            department_id=1,
            alarm_waiting=3,
            alarm_longest_wait_seconds=60,
        )
    )
    email = directory.create(
        QueueSpec.email(
            "social-mail",
            "Social services: e-mail",
            hours=8,
            share=0.9,
            department_id=2,
            alarm_longest_wait_seconds=8 * 3600,
        )
    )
    walk_in = directory.create(
        QueueSpec(
            "desk-a", "Service point: general", Channel.WALK_IN, target_seconds=900, department_id=1, ticket_letter="A"
        )
    )
    return {"phone": phone, "email": email, "walk_in": walk_in}


# --- queue definitions and targets ---------------------------------------------------------


def test_queue_targets_and_membership(db, org, queues):
    directory = QueueDirectory(db)
    email = directory.by_code("social-mail")
    assert (email.channel, email.target_seconds, email.target_share, email.working_hours) == (
        Channel.EMAIL,
        8 * 3600,
        0.9,
        True,
    )
    phone = directory.get(queues["phone"].id)
    assert (phone.target_seconds, phone.target_share, phone.working_hours, phone.alarm_waiting) == (20, 0.8, False, 3)
    # The deadline: 20 s of clock time for the phone, 8 office hours for e-mail.
    assert phone.due_at(at(9, 0)) == at(9, 0, 20)
    assert email.due_at(hki(2026, 3, 6, 15, 0)) == hki(2026, 3, 9, 15, 0)  # Friday 15:00 -> Monday 15:00
    assert [q.code for q in directory.list()] == ["desk-a", "social-mail", "water-phone"]  # by name

    directory.add_member(phone.id, org["aino"])
    directory.add_member(walk_in_id := queues["walk_in"].id, org["aino"])
    directory.add_member(phone.id, org["aino"])  # twice is once
    directory.add_member(phone.id, org["bertil"])
    assert directory.members(phone.id) == [org["aino"], org["bertil"]]
    assert {q.code for q in directory.queues_of(org["aino"])} == {"water-phone", "desk-a"}
    directory.remove_member(walk_in_id, org["aino"])
    assert [q.code for q in directory.queues_of(org["aino"])] == ["water-phone"]

    changed = directory.set_target(phone.id, target_seconds=30, target_share=0.9)
    assert (changed.target_seconds, changed.target_share, changed.alarm_waiting) == (30, 0.9, 3)


def test_bad_queue_definitions_are_explained_field_by_field(db, queues):
    directory = QueueDirectory(db)
    with pytest.raises(QueueInvalid) as caught:
        directory.create(QueueSpec("", "x", Channel.WALK_IN, target_seconds=0, target_share=1.5, alarm_waiting=0))
    assert set(caught.value.errors) == {"code", "target_seconds", "target_share", "alarm_waiting", "ticket_letter"}
    with pytest.raises(QueueInvalid, match="already used"):
        directory.create(QueueSpec("water-phone", "Again", Channel.PHONE, target_seconds=20))
    with pytest.raises(QueueInvalid, match="only walk-in"):
        directory.create(QueueSpec("p2", "Phone", Channel.PHONE, target_seconds=20, ticket_letter="B"))


def test_email_deadline_counts_office_hours_only(db, queues):
    work = WorkQueue(db)
    # Friday 15:00 with 8 working hours: 1 h on Friday, 7 h on Monday -> Monday 15:00.
    friday = work.enqueue(
        queues["email"].id, external_ref="<m1@example.fi>", subject="Toimeentulotuki", arrived_at=hki(2026, 3, 6, 15, 0)
    )
    assert friday.due_at == hki(2026, 3, 9, 15, 0)
    # Saturday night counts from Monday 08:00.
    saturday = work.enqueue(queues["email"].id, arrived_at=hki(2026, 3, 7, 23, 0))
    assert saturday.due_at == hki(2026, 3, 9, 16, 0)
    # Across the change to summer time (Sunday 29 March): Monday 11:00 is 08:00 UTC, not 09:00.
    spring = work.enqueue(queues["email"].id, arrived_at=hki(2026, 3, 27, 12, 0))
    assert spring.due_at == hki(2026, 3, 30, 12, 0) and spring.due_at.utcoffset() == dt.timedelta(0)
    assert spring.due_at == dt.datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
    phone = work.enqueue(queues["phone"].id, arrived_at=at(9, 0))
    assert phone.due_at == at(9, 0, 20) and phone.channel is Channel.PHONE


# --- presence -------------------------------------------------------------------------------


def test_presence_transitions_and_time_in_state(db, org):
    presence = Presence(db)
    aino = org["aino"]
    assert presence.get(aino) is None
    presence.set_state(aino, PresenceState.AVAILABLE, now=at(8, 0))
    presence.set_state(aino, PresenceState.BUSY, now=at(8, 10))
    same = presence.set_state(aino, PresenceState.BUSY, now=at(8, 20))  # no change: time keeps counting
    assert same.since == at(8, 10)
    presence.set_state(aino, PresenceState.WRAP_UP, now=at(8, 30))
    presence.set_state(aino, PresenceState.AVAILABLE, now=at(8, 32))
    presence.set_state(aino, PresenceState.BREAK, now=at(10, 0))
    presence.set_state(org["bertil"], PresenceState.AVAILABLE, now=at(9, 0))
    presence.set_state(org["sari"], PresenceState.OFFLINE, now=at(7, 0))

    now = at(10, 15)
    state = presence.get(aino, now=now)
    assert (state.state, state.since, state.seconds_in_state) == (PresenceState.BREAK, at(10, 0), 900.0)
    assert state.staff.username == "aino" and state.staff.department_code == "tech"
    current = presence.current(now=now)
    assert [(a.staff.username, a.state, a.seconds_in_state) for a in current] == [
        ("bertil", PresenceState.AVAILABLE, 4500.0),
        ("aino", PresenceState.BREAK, 900.0),
        ("sari", PresenceState.OFFLINE, 11700.0),
    ]
    assert [a.staff.username for a in presence.current(now=now, include_offline=False)] == ["bertil", "aino"]

    spent = presence.time_in_state(aino, at(8, 5), at(10, 30), now=now)  # the window cuts both ends
    assert spent == {
        PresenceState.AVAILABLE: 5 * 60 + 88 * 60,
        PresenceState.BUSY: 20 * 60,
        PresenceState.WRAP_UP: 2 * 60,
        PresenceState.BREAK: 15 * 60,
        PresenceState.OFFLINE: 0.0,
    }
    with db.session() as s:
        history = s.execute(
            select(PresenceChange.state, PresenceChange.ended_at)
            .where(PresenceChange.staff_id == aino)
            .order_by(PresenceChange.started_at)
        ).all()
    assert [h.state for h in history] == [
        PresenceState.AVAILABLE,
        PresenceState.BUSY,
        PresenceState.WRAP_UP,
        PresenceState.AVAILABLE,
        PresenceState.BREAK,
    ]
    assert [h.ended_at is None for h in history] == [False, False, False, False, True]

    with pytest.raises(LookupError):
        presence.set_state(999, PresenceState.AVAILABLE)
    with pytest.raises(ValueError, match="earlier"):
        presence.set_state(aino, PresenceState.AVAILABLE, now=at(9, 0))


# --- work items -----------------------------------------------------------------------------


def test_claim_serves_the_most_urgent_then_the_oldest_and_complete_finishes(db, org, queues):
    work = WorkQueue(db)
    phone, email = queues["phone"].id, queues["email"].id
    old = work.enqueue(phone, external_ref="call-1", arrived_at=at(9, 0))
    new = work.enqueue(phone, external_ref="call-2", arrived_at=at(9, 1))
    urgent = work.enqueue(phone, external_ref="call-3", priority=1, arrived_at=at(9, 2))
    mail = work.enqueue(email, external_ref="<m@x.fi>", arrived_at=at(8, 0))
    assert (old.state, old.claimed_by, old.attempts) == (WorkItemState.WAITING, None, 0)

    aino, bertil = org["aino"], org["bertil"]
    first = work.claim_next(aino, [phone], now=at(9, 3))
    assert (first.id, first.state, first.claimed_by) == (urgent.id, WorkItemState.OFFERED, aino)
    assert first.lease_until == at(9, 5) and first.attempts == 1 and first.answered_at is None
    assert work.claim_next(bertil, [phone], now=at(9, 3)).id == old.id
    assert work.claim_next(bertil, [phone], now=at(9, 3)).id == new.id
    assert work.claim_next(bertil, [phone], now=at(9, 3)) is None
    assert work.claim_next(bertil, [], now=at(9, 3)) is None
    # Without queue ids: the agent's own queues. Chen is a member of none yet, then of e-mail.
    assert work.claim_next(org["chen"], now=at(9, 3)) is None
    QueueDirectory(db).add_member(email, org["chen"])
    assert work.claim_next(org["chen"], now=at(9, 3), answer=True).id == mail.id

    answered = work.answer(urgent.id, aino, now=at(9, 3, 5))
    assert (answered.state, answered.answered_at) == (WorkItemState.IN_PROGRESS, at(9, 3, 5))
    with pytest.raises(LeaseLost):
        work.complete(urgent.id, bertil)  # not Bertil's
    with db.session() as s, s.begin():
        s.add(interaction := Interaction(channel=Channel.PHONE, started_at=at(9, 3, 5), topic="water.billing"))
        s.flush()
        interaction_id = interaction.id
    done = work.complete(urgent.id, aino, interaction_id, now=at(9, 8))
    assert (done.state, done.finished_at, done.lease_until, done.interaction_id) == (
        WorkItemState.DONE,
        at(9, 8),
        None,
        interaction_id,
    )
    assert done.answered_at == at(9, 3, 5)
    with pytest.raises(LeaseLost):
        work.complete(urgent.id, aino)  # twice
    # Completing an offered item (never explicitly answered) counts it as answered when completed.
    quick = work.complete(old.id, bertil, now=at(9, 6))
    assert quick.answered_at == at(9, 6) and quick.state is WorkItemState.DONE

    assert [i.id for i in work.held_by(bertil)] == [new.id]
    assert work.find("call-2", Channel.PHONE).id == new.id and work.find("nope") is None
    with pytest.raises(LeaseLost):
        work.release(new.id, aino)  # only the holder releases
    released = work.release(new.id, bertil)
    assert (released.state, released.claimed_by, released.lease_until) == (WorkItemState.WAITING, None, None)
    assert work.claim_next(aino, [phone], now=at(9, 8)).id == new.id  # keeps its place
    assert work.get(new.id).attempts == 2


def test_expired_lease_returns_the_item_to_the_queue(db, org, queues):
    work = WorkQueue(db)
    phone = queues["phone"].id
    item = work.enqueue(phone, external_ref="call-9", arrived_at=at(9, 0))
    later = work.enqueue(phone, external_ref="call-10", arrived_at=at(9, 0, 30))
    claimed = work.claim_next(org["aino"], [phone], lease_seconds=60, now=at(9, 1))
    assert claimed.id == item.id
    assert work.requeue_expired(at(9, 1, 30)) == []
    assert work.heartbeat(item.id, org["aino"], 60, now=at(9, 1, 50)) == at(9, 2, 50)
    assert work.requeue_expired(at(9, 2, 0)) == []  # the heartbeat moved the lease on
    # Aino's workstation crashes: no more heartbeats. The lease runs out at 9:02:50.
    assert work.requeue_expired(at(9, 3)) == [item.id]
    back = work.get(item.id)
    assert (back.state, back.claimed_by, back.lease_until, back.attempts) == (WorkItemState.WAITING, None, None, 1)
    with pytest.raises(LeaseLost):
        work.heartbeat(item.id, org["aino"], now=at(9, 3, 10))
    # Also without the periodic job: the next claim puts expired items back first.
    assert work.claim_next(org["bertil"], [phone], lease_seconds=60, now=at(9, 4)).id == item.id
    assert work.claim_next(org["aino"], [phone], lease_seconds=60, now=at(9, 4)).id == later.id
    # Bertil's lease runs out too; Aino's next claim picks his item up again.
    work.heartbeat(later.id, org["aino"], 600, now=at(9, 4, 30))
    again = work.claim_next(org["aino"], [phone], now=at(9, 6))
    assert (again.id, again.attempts, again.claimed_by) == (item.id, 3, org["aino"])


def test_abandon_only_before_the_answer(db, org, queues):
    work = WorkQueue(db)
    phone = queues["phone"].id
    hung_up = work.enqueue(phone, external_ref="call-1", arrived_at=at(9, 0))
    ringing = work.enqueue(phone, external_ref="call-2", arrived_at=at(9, 1))
    talking = work.enqueue(phone, external_ref="call-3", arrived_at=at(9, 2))
    assert work.abandon(hung_up.id, now=at(9, 0, 40))
    assert work.claim_next(org["aino"], [phone], now=at(9, 3)).id == ringing.id
    assert work.abandon(ringing.id, now=at(9, 3, 5))  # hung up while it rang at Aino's
    assert work.claim_next(org["bertil"], [phone], answer=True, now=at(9, 3)).id == talking.id
    assert not work.abandon(talking.id, now=at(9, 4))  # answered already: nothing changes
    assert not work.abandon(hung_up.id)  # already abandoned
    gone = work.get(hung_up.id)
    assert (gone.state, gone.finished_at) == (WorkItemState.ABANDONED, at(9, 0, 40))
    assert work.get(ringing.id).lease_until is None
    assert work.get(talking.id).state is WorkItemState.IN_PROGRESS
    assert work.claim_next(org["aino"], [phone], now=at(9, 5)) is None


def test_enqueue_many_and_unknown_queue(db, queues):
    work = WorkQueue(db)
    n = work.enqueue_many(
        queues["email"].id, [NewWorkItem(external_ref=f"<{i}@x.fi>", arrived_at=at(8, i)) for i in range(5)]
    )
    assert n == 5
    assert work.find("<3@x.fi>").due_at == at(8, 3, day=5)  # 7 h 57 min today, 3 min tomorrow
    with pytest.raises(LookupError):
        work.enqueue(9999)


# --- walk-in tickets ------------------------------------------------------------------------


def test_walk_in_tickets_are_numbered_per_letter_and_day_and_called_to_a_desk(db, org, queues):
    directory = QueueDirectory(db)
    other = directory.create(
        QueueSpec(
            "desk-b", "Service point: housing", Channel.WALK_IN, target_seconds=900, department_id=1, ticket_letter="B"
        )
    )
    walk_in = WalkIn(db)
    desk_a = queues["walk_in"].id
    tickets = [walk_in.issue_ticket(desk_a, now=at(9, m)) for m in range(3)]
    assert [t.number for t in tickets] == ["A001", "A002", "A003"]
    assert walk_in.issue_ticket(other.id, now=at(9, 5)).number == "B001"
    assert walk_in.issue_ticket(desk_a, now=at(0, 5, day=5)).number == "A001"  # a new day starts again
    with pytest.raises(NotAWalkInQueue):
        walk_in.issue_ticket(queues["phone"].id)

    called = walk_in.call_next(org["aino"], [desk_a], service_point="Desk 3", now=at(9, 10))
    assert (called.number, called.service_point, called.called_by, called.called_at) == (
        "A001",
        "Desk 3",
        org["aino"],
        at(9, 10),
    )
    work = WorkQueue(db)
    item = work.get(called.work_item_id)
    assert (item.channel, item.external_ref, item.state) == (Channel.WALK_IN, "A001", WorkItemState.IN_PROGRESS)
    assert item.waited_seconds(at(12)) == 600.0  # drawn 9:00, called 9:10

    draft = interaction_draft(
        called, topic="housing.application", outcome=Outcome.RESOLVED_FIRST_CONTACT, department_id=1
    )
    assert (draft.channel, draft.external_ref, draft.started_at) == (Channel.WALK_IN, "A001", at(9, 10))
    saved = InteractionLog(db).save(draft, agent_id=org["aino"], actor="aino", ended_at=at(9, 20))
    finished = walk_in.finish(called, org["aino"], saved.id, now=at(9, 20))
    assert (finished.state, finished.interaction_id) == (WorkItemState.DONE, saved.id)
    with db.session() as s:
        assert s.get(Interaction, saved.id).external_ref == "A001"

    assert walk_in.call_next(org["bertil"], [desk_a], service_point="Desk 5", now=at(9, 21)).number == "A002"
    WorkQueue(db).enqueue(queues["phone"].id, arrived_at=at(8, 0))
    with pytest.raises(NotAWalkInQueue):
        walk_in.call_next(org["bertil"], [queues["phone"].id], now=at(9, 22))
    assert WorkQueue(db).find("call-x") is None
