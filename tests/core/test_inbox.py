"""The agent's one inbox on SQLite and PostgreSQL: Next takes what the routing picks (priority, age,
the agent's skills), transfers hand an item on with a note, wrap-up codes finish it, and many agents
pressing Next at once never get the same item."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from agentdesk.queues import QueueDirectory, QueueSpec, WorkItemState, WorkQueue
from agentdesk.queues.inbox import Inbox, InboxRefused, Refusal
from agentdesk.queues.work_queue import LeaseLost
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, StaffRole, StaffUser

T0 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


@pytest.fixture
def desk(db):
    with db.session() as s, s.begin():
        s.add_all(
            [
                StaffUser(id=1, username="aino", display_name="Aino", role=StaffRole.AGENT),
                StaffUser(id=2, username="bertil", display_name="Bertil", role=StaffRole.AGENT),
                StaffUser(id=3, username="gone", display_name="Gone", role=StaffRole.AGENT, active=False),
            ]
        )
    queues = QueueDirectory(db)
    phone = queues.create(QueueSpec("neuvonta", "Neuvonta", Channel.PHONE, target_seconds=20)).id
    mail = queues.create(QueueSpec.email("posti", "Kirjaamo", hours=8)).id
    web = queues.create(QueueSpec("web", "Verkkoasiointi", Channel.WEB, target_seconds=3600)).id
    queues.add_member(phone, 1, skills=["fi"])
    queues.add_member(mail, 1, skills=["fi", "benefits"])
    queues.add_member(phone, 2, skills=["fi", "sv"])
    queues.add_member(mail, 2)
    return db, phone, mail, web


def test_next_takes_priority_then_age_across_channels(desk):
    db, phone, mail, web = desk
    work, inbox = WorkQueue(db), Inbox(db)
    old_mail = work.enqueue(mail, external_ref="<m1@x>", arrived_at=at(0)).id
    newer_call = work.enqueue(phone, external_ref="call-1", arrived_at=at(5)).id
    urgent_mail = work.enqueue(mail, external_ref="<m2@x>", priority=1, arrived_at=at(9)).id
    work.enqueue(web, external_ref="web-1", priority=0, arrived_at=at(0))  # not Aino's queue

    view = inbox.view(1)
    assert [i.item.id for i in view.waiting] == [urgent_mail, old_mail, newer_call] and view.waiting_total == 3
    assert [(i.queue_code, i.item.channel) for i in view.waiting] == [
        ("posti", Channel.EMAIL),
        ("posti", Channel.EMAIL),
        ("neuvonta", Channel.PHONE),
    ]
    taken = [inbox.next(1, now=at(10 + n / 10)) for n in range(4)]
    assert [t.item.id if t else None for t in taken] == [urgent_mail, old_mail, newer_call, None]
    first = taken[0]
    assert first is not None and first.item.state is WorkItemState.IN_PROGRESS and first.item.claimed_by == 1
    assert first.changes.queues == frozenset({mail})
    assert [i.item.id for i in inbox.view(1).held] == [urgent_mail, old_mail, newer_call]


def test_an_item_that_needs_a_skill_goes_only_to_an_agent_with_it(desk):
    db, phone, mail, _web = desk
    work, inbox = WorkQueue(db), Inbox(db)
    swedish = work.enqueue(phone, external_ref="call-sv", skill="sv", priority=1, arrived_at=at(0)).id
    finnish = work.enqueue(phone, external_ref="call-fi", skill="fi", arrived_at=at(1)).id
    benefits = work.enqueue(mail, external_ref="<b@x>", skill="benefits", arrived_at=at(2)).id

    assert [i.item.id for i in inbox.view(1).waiting] == [finnish, benefits], "Aino speaks no Swedish"
    got = inbox.next(1, now=at(3))
    assert got is not None and got.item.id == finnish, "the Swedish call waits for Bertil though it is more urgent"
    got = inbox.next(2, now=at(3))
    assert got is not None and got.item.id == swedish
    assert inbox.next(2, now=at(3)) is None, "Bertil's mail membership has no benefits skill"
    got = inbox.next(1, now=at(3))
    assert got is not None and got.item.id == benefits


def test_transfer_to_a_queue_keeps_the_place_in_line_and_the_note(desk):
    db, phone, mail, _web = desk
    work, inbox = WorkQueue(db), Inbox(db)
    call = work.enqueue(phone, external_ref="call-1", arrived_at=at(0)).id
    later = work.enqueue(mail, external_ref="<later@x>", arrived_at=at(4)).id
    assert inbox.next(1, now=at(5)).item.id == call
    moved = inbox.transfer(call, 1, to_queue_id=mail, note="Asks about a decision; needs the benefits team", now=at(6))
    assert moved.item.state is WorkItemState.WAITING and moved.item.queue_id == mail
    assert moved.item.claimed_by is None and moved.item.created_at == at(0)
    assert moved.changes.queues == frozenset({phone, mail})

    waiting = inbox.view(2).waiting
    assert [i.item.id for i in waiting] == [call, later], "its age is kept: it is first in its new queue"
    assert waiting[0].note == "Asks about a decision; needs the benefits team"
    assert inbox.transfers(call) == [(at(6), 1, mail, None, "Asks about a decision; needs the benefits team")]


def test_transfer_to_an_agent_offers_it_to_them(desk):
    db, phone, _mail, _web = desk
    work, inbox = WorkQueue(db), Inbox(db)
    call = work.enqueue(phone, external_ref="call-1", arrived_at=at(0)).id
    inbox.next(1, now=at(1))
    handed = inbox.transfer(call, 1, to_staff_id=2, note="Bertil knows the case", now=at(2))
    assert (handed.item.state, handed.item.claimed_by, handed.item.queue_id) == (WorkItemState.OFFERED, 2, phone)
    held = inbox.view(2).held
    assert [(i.item.id, i.note) for i in held] == [(call, "Bertil knows the case")]
    assert inbox.view(1).held == ()
    with pytest.raises(LeaseLost):
        inbox.wrap_up(call, 1, "resolved", now=at(3))  # Aino no longer holds it


def test_transfers_that_cannot_be_done_say_why_and_change_nothing(desk):
    db, phone, _mail, _web = desk
    work, inbox = WorkQueue(db), Inbox(db)
    call = work.enqueue(phone, external_ref="call-1", arrived_at=at(0)).id
    inbox.next(1, now=at(1))
    cases = [
        ({}, Refusal.NO_TARGET),
        ({"to_queue_id": phone}, Refusal.SAME_QUEUE),
        ({"to_queue_id": 999}, Refusal.UNKNOWN_QUEUE),
        ({"to_staff_id": 3}, Refusal.UNKNOWN_AGENT),
        ({"to_staff_id": 2, "note": "x" * 501}, Refusal.NOTE_TOO_LONG),
    ]
    for kwargs, reason in cases:
        with pytest.raises(InboxRefused) as refused:
            inbox.transfer(call, 1, now=at(2), **kwargs)
        assert refused.value.reason is reason
    item = work.get(call)
    assert item is not None and (item.state, item.claimed_by) == (WorkItemState.IN_PROGRESS, 1)
    assert inbox.transfers(call) == []
    with pytest.raises(LeaseLost):
        inbox.transfer(call, 2, to_staff_id=1)  # Bertil does not hold it


def test_wrap_up_finishes_the_item_with_a_code_from_the_list(desk):
    db, phone, _mail, _web = desk
    work = WorkQueue(db)
    inbox = Inbox(db, wrap_up_codes=("advice", "callback"))
    call = work.enqueue(phone, external_ref="call-1", arrived_at=at(0)).id
    inbox.next(1, now=at(1))
    with pytest.raises(InboxRefused) as refused:
        inbox.wrap_up(call, 1, "resolved")
    assert refused.value.reason is Refusal.UNKNOWN_CODE
    done = inbox.wrap_up(call, 1, "callback", now=at(4))
    assert (done.item.state, done.item.wrap_up_code, done.item.finished_at) == (WorkItemState.DONE, "callback", at(4))
    assert inbox.view(1).held == ()


def test_an_expired_lease_comes_back_to_next(desk):
    db, phone, _mail, _web = desk
    work, inbox = WorkQueue(db), Inbox(db)
    call = work.enqueue(phone, external_ref="call-1", arrived_at=at(0)).id
    assert inbox.next(1, lease_seconds=60, now=at(1)).item.id == call
    assert inbox.next(2, now=at(1.5)) is None
    again = inbox.next(2, now=at(3))  # Aino's desk crashed: her lease ran out
    assert again is not None and again.item.id == call and again.item.attempts == 2


def test_many_agents_pressing_next_at_once_never_share_an_item(desk):
    db, phone, _mail, _web = desk
    agents = list(range(10, 26))
    with db.session() as s, s.begin():
        s.add_all([StaffUser(id=i, username=f"a{i}", display_name=f"A {i}", role=StaffRole.AGENT) for i in agents])
    queues = QueueDirectory(db)
    for i in agents:
        queues.add_member(phone, i, skills=["fi"])
    work = WorkQueue(db)
    items = {work.enqueue(phone, external_ref=f"call-{n}", skill="fi" if n % 2 else "").id for n in range(80)}
    url = db.url.render_as_string(hide_password=False)
    barrier = threading.Barrier(len(agents))
    got: dict[int, list[int]] = {}
    errors: list[BaseException] = []

    def workstation(staff_id: int) -> None:
        own = Database(url, password_lookup=None)
        try:
            mine, inbox = [], Inbox(own)
            barrier.wait(timeout=60)
            while (taken := inbox.next(staff_id)) is not None:
                mine.append(taken.item.id)
            got[staff_id] = mine
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=workstation, args=(i,)) for i in agents]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    claimed = [i for mine in got.values() for i in mine]
    assert len(claimed) == len(set(claimed)) == len(items) and set(claimed) == items
