"""Dashboard figures on a small day whose every number is worked out by hand (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from agentdesk.queues import (
    HELSINKI,
    Presence,
    PresenceState,
    QueueDirectory,
    QueueSpec,
    Statistics,
    WalkIn,
    WorkQueue,
)
from agentdesk.storage.models import Channel, Department, Interaction, Outcome, StaffRole, StaffUser

LONG = 6 * 3600  # leases long enough that nothing expires while the day is built


def hki(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=HELSINKI)


def at(hour: int, minute: int = 0, second: int = 0, day: int = 4) -> dt.datetime:
    """Helsinki wall clock in March 2026 (UTC+2); day 4 is "today", a Wednesday."""
    return hki(2026, 3, day, hour, minute, second)


NOW = at(12, 0)


@pytest.fixture
def day(db):
    with db.session() as s, s.begin():
        s.add_all(
            [
                Department(id=1, code="tech", name="Technical services"),
                Department(id=2, code="social", name="Social services"),
            ]
        )
        s.flush()
        for i, name in enumerate(["aino", "bertil", "chen", "sari"], start=1):
            s.add(
                StaffUser(
                    id=i,
                    username=name,
                    display_name=name.title(),
                    role=StaffRole.SUPERVISOR if name == "sari" else StaffRole.AGENT,
                    department_id=1,
                )
            )
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
    ).id
    email = directory.create(
        QueueSpec.email(
            "social-mail",
            "Social services: e-mail",
            hours=8,
            share=0.9,
            department_id=2,
            alarm_longest_wait_seconds=8 * 3600,
        )
    ).id
    desk = directory.create(
        QueueSpec("desk-a", "Service point", Channel.WALK_IN, target_seconds=900, department_id=1, ticket_letter="A")
    ).id
    work, aino, bertil = WorkQueue(db), 1, 2

    def call(arrived, answered=None, finished=None, abandoned=None):
        item = work.enqueue(phone, arrived_at=arrived)
        if abandoned:
            work.abandon(item.id, now=abandoned)
        elif answered:
            assert work.claim_next(aino, [phone], LONG, now=answered).id == item.id
            work.answer(item.id, aino, now=answered)
            if finished:
                work.complete(item.id, aino, now=finished)
        return item.id

    # Phone (target 80 % in 20 s):
    call(at(15, 0, day=3), answered=at(15, 0, 5, day=3), finished=at(15, 3, day=3))  # yesterday: not today's
    ids = {
        1: call(at(9, 0), answered=at(9, 0, 10), finished=at(9, 5, 10)),  # wait 10 s, handle 300 s
        2: call(at(9, 10), answered=at(9, 10, 30), finished=at(9, 12, 30)),  # wait 30 s (late), handle 120 s
        3: call(at(9, 20), abandoned=at(9, 20, 5)),  # gave up before the target: counts neither way
        4: call(at(9, 30), abandoned=at(9, 31)),  # gave up after the target
        5: call(at(10, 0), answered=at(10, 0, 20)),  # exactly 20 s: within; still talking
        6: call(at(11, 58)),  # waiting 120 s, past its deadline
        7: call(at(11, 59, 50)),  # waiting 10 s
    }
    # E-mail (first reply within 8 office hours, 90 %):
    mail = work.enqueue(email, arrived_at=at(7, 0))  # before opening: due 16:00
    assert work.claim_next(3, [email], LONG, answer=True, now=at(8, 30)).id == mail.id
    work.complete(mail.id, 3, now=at(9, 0))  # wait 5400 s, handle 1800 s
    work.enqueue(email, arrived_at=hki(2026, 2, 27, 12, 0))  # last Friday 12:00, due Monday 12:00
    work.enqueue(email, arrived_at=at(15, 0, day=3))  # Tuesday 15:00, due today 15:00
    work.enqueue(email, arrived_at=at(10, 0))
    # Walk-in (80 % in 15 min):
    walk_in = WalkIn(db)
    walk_in.issue_ticket(desk, now=at(9, 0))
    walk_in.issue_ticket(desk, now=at(9, 5))
    first = walk_in.call_next(bertil, [desk], "Desk 1", lease_seconds=LONG, now=at(9, 10))  # waited 600 s
    walk_in.finish(first, bertil, now=at(9, 25))  # 900 s at the desk
    second = walk_in.call_next(bertil, [desk], "Desk 1", lease_seconds=LONG, now=at(9, 30))  # waited 1500 s
    walk_in.finish(second, bertil, now=at(9, 40))  # 600 s

    # Logged contacts (Helsinki times); the first and last fall outside today.
    contacts = [
        (at(23, 30, day=3), Channel.EMAIL, 2, Outcome.RESOLVED_FIRST_CONTACT),
        (at(0, 30), Channel.EMAIL, 2, Outcome.CASE_CREATED),  # 22:30 UTC yesterday, but today in Helsinki
        (at(8, 15), Channel.PHONE, 1, Outcome.RESOLVED_FIRST_CONTACT),
        (at(9, 0), Channel.EMAIL, 2, Outcome.RESOLVED_FIRST_CONTACT),
        (at(9, 5), Channel.PHONE, 1, Outcome.RESOLVED_FIRST_CONTACT),
        (at(9, 40), Channel.WALK_IN, 1, Outcome.FORWARDED),
        (at(9, 50), Channel.PHONE, 1, Outcome.UNRESOLVED),
        (at(10, 15), Channel.WEB, None, Outcome.RESOLVED_FIRST_CONTACT),
        (at(11, 0), Channel.EMAIL, 2, Outcome.RESOLVED_FIRST_CONTACT),
        (at(0, 10, day=5), Channel.PHONE, 1, Outcome.RESOLVED_FIRST_CONTACT),
    ]
    with db.session() as s, s.begin():
        s.add_all(
            [Interaction(channel=c, started_at=t, department_id=d, outcome=o, topic="t") for t, c, d, o in contacts]
        )

    presence = Presence(db)
    presence.set_state(4, PresenceState.OFFLINE, now=at(8, 0))
    presence.set_state(3, PresenceState.AVAILABLE, now=at(8, 0))
    presence.set_state(3, PresenceState.BREAK, now=at(11, 30))
    presence.set_state(1, PresenceState.AVAILABLE, now=at(11, 50))
    presence.set_state(2, PresenceState.BUSY, now=at(11, 59))
    return {"phone": phone, "email": email, "desk": desk, "calls": ids}


def test_dashboard_snapshot_figures(db, day):
    snap = Statistics(db).snapshot(NOW)
    assert snap.day == dt.date(2026, 3, 4) and snap.at == NOW

    phone = snap.queue("water-phone")
    assert (phone.waiting, phone.longest_wait_seconds, phone.waiting_over_target, phone.in_service) == (2, 120.0, 1, 1)
    assert (phone.arrived_today, phone.answered_today, phone.answered_within_target) == (7, 3, 2)
    assert (phone.abandoned_today, phone.abandoned_after_target) == (2, 1)
    assert phone.service_level == 2 / (3 + 1) and phone.service_level_met is False
    assert phone.average_speed_of_answer == pytest.approx((10 + 30 + 20) / 3, abs=0.01)
    assert phone.average_handle_time == pytest.approx((300 + 120) / 2, abs=0.01)
    assert phone.abandonment_rate == 2 / (3 + 2)
    assert phone.first_contact_resolution == 2 / 4  # department 1 today: 2 of 4 resolved on first contact
    assert phone.alarms == ("longest_wait", "service_level")

    mail = snap.queue("social-mail")
    # Waiting: since last Friday 12:00 (4 + 8 + 8 + 4 office hours), since yesterday 15:00 (1 + 4), since 10:00.
    assert (mail.waiting, mail.longest_wait_seconds, mail.waiting_over_target) == (3, 24 * 3600.0, 1)
    assert (mail.arrived_today, mail.answered_today, mail.answered_within_target, mail.abandoned_today) == (2, 1, 1, 0)
    assert (mail.service_level, mail.abandonment_rate) == (1.0, 0.0)
    assert mail.average_speed_of_answer == pytest.approx(5400, abs=0.01)
    assert mail.average_handle_time == pytest.approx(1800, abs=0.01)
    assert mail.first_contact_resolution == 2 / 3
    assert mail.alarms == ("longest_wait",)

    desk = snap.queue("desk-a")
    assert (desk.waiting, desk.longest_wait_seconds, desk.in_service, desk.arrived_today) == (0, 0.0, 0, 2)
    assert (desk.service_level, desk.abandonment_rate) == (0.5, 0.0)
    assert desk.average_speed_of_answer == pytest.approx((600 + 1500) / 2, abs=0.01)
    assert desk.average_handle_time == pytest.approx((900 + 600) / 2, abs=0.01)
    assert desk.alarms == ("service_level",)

    assert [(c.channel, c.contacts) for c in snap.contacts_by_channel] == [
        (Channel.PHONE, 3),
        (Channel.EMAIL, 3),
        (Channel.WALK_IN, 1),
        (Channel.WEB, 1),
        (Channel.SMS, 0),
    ]
    assert snap.contacts_today == 8
    hours = {h: n for h, n in enumerate(snap.contacts_by_hour) if n}
    assert hours == {0: 1, 8: 1, 9: 4, 10: 1, 11: 1}

    assert [(a.state, a.agents) for a in snap.agents_by_state] == [
        (PresenceState.AVAILABLE, 1),
        (PresenceState.BUSY, 1),
        (PresenceState.WRAP_UP, 0),
        (PresenceState.BREAK, 1),
        (PresenceState.OFFLINE, 1),
    ]
    assert [(a.staff.username, a.seconds_in_state) for a in snap.agents] == [
        ("aino", 600.0),
        ("bertil", 60.0),
        ("chen", 1800.0),
        ("sari", 4 * 3600.0),
    ]


def test_drill_down_lists_the_items_behind_a_figure(db, day):
    stats, calls = Statistics(db), day["calls"]
    assert [i.id for i in stats.items(day["phone"], "waiting", now=NOW)] == [calls[6], calls[7]]
    assert [i.id for i in stats.items(day["phone"], "over_target", now=NOW)] == [calls[6]]
    assert [i.id for i in stats.items(day["phone"], "abandoned", now=NOW)] == [calls[4], calls[3]]
    assert len(stats.items(day["email"], "over_target", now=NOW)) == 1
    assert len(stats.items(day["email"], "waiting", limit=2, now=NOW)) == 2
    with pytest.raises(ValueError, match="unknown drill-down"):
        stats.items(day["phone"], "everything")
    with pytest.raises(LookupError):
        stats.items(9999)


def test_a_quiet_day_has_no_ratios(db):
    directory = QueueDirectory(db)
    directory.create(QueueSpec("quiet", "Quiet line", Channel.PHONE, target_seconds=20))
    snap = Statistics(db).snapshot(at(7, 0))
    quiet = snap.queue("quiet")
    assert (
        quiet.waiting,
        quiet.arrived_today,
        quiet.service_level,
        quiet.average_speed_of_answer,
        quiet.abandonment_rate,
        quiet.first_contact_resolution,
        quiet.alarms,
    ) == (0, 0, None, None, None, None, ())
    assert snap.contacts_by_hour == (0,) * 24 and snap.agents == ()
