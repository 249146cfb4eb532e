"""Many workstations claiming from one queue at once: no item goes to two agents, none is lost.

Each claimer is a thread with a Database (engine, connection pool, sessions) of its own, as a
workstation has; they start together on a barrier and claim until the queue is empty.
"""

from __future__ import annotations

import logging
import threading
import time

import pytest
from sqlalchemy import func, select

from agentdesk.queues import NewWorkItem, QueueDirectory, QueueSpec, WorkItemState, WorkQueue
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, StaffRole, StaffUser, WorkItem

log = logging.getLogger(__name__)


def _prepare(db: Database, claimers: int, items: int) -> int:
    with db.session() as s, s.begin():
        s.add_all(
            [
                StaffUser(id=i, username=f"agent{i}", display_name=f"Agent {i}", role=StaffRole.AGENT)
                for i in range(1, claimers + 1)
            ]
        )
    queue = QueueDirectory(db).create(QueueSpec("load", "Load test", Channel.PHONE, target_seconds=20)).id
    assert WorkQueue(db).enqueue_many(queue, (NewWorkItem(external_ref=f"call-{i}") for i in range(items))) == items
    return queue


def _claim_in_parallel(db: Database, queue: int, claimers: int) -> tuple[dict[int, list[int]], float]:
    url = db.url.render_as_string(hide_password=False)
    barrier = threading.Barrier(claimers + 1)
    first_round = threading.Barrier(claimers)
    claimed: dict[int, list[int]] = {}
    errors: list[BaseException] = []

    def workstation(staff_id: int) -> None:
        own = Database(url, password_lookup=None)
        try:
            work = WorkQueue(own)
            mine: list[int] = []
            barrier.wait(timeout=60)
            while (item := work.claim_next(staff_id, [queue])) is not None:
                assert item.claimed_by == staff_id and item.state is WorkItemState.OFFERED
                mine.append(item.id)
                if len(mine) == 1:
                    # Every workstation has claimed once before any claims a second time, so all
                    # of them are in the race together however the threads are scheduled.
                    first_round.wait(timeout=60)
            claimed[staff_id] = mine
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=workstation, args=(i,), name=f"claimer-{i}") for i in range(1, claimers + 1)]
    for t in threads:
        t.start()
    barrier.wait(timeout=60)
    started = time.perf_counter()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.perf_counter() - started
    assert not any(t.is_alive() for t in threads), "a claimer hangs"
    if errors:
        raise errors[0]
    return claimed, elapsed


def _check_every_item_went_to_exactly_one_agent(db: Database, claimed: dict[int, list[int]], items: int) -> None:
    all_ids = [i for ids in claimed.values() for i in ids]
    assert len(all_ids) == items, "items lost"
    assert len(set(all_ids)) == items, "an item went to two agents"
    assert all(claimed.values()), "some claimer got nothing: the claims did not run in parallel"
    with db.session() as s:
        states = dict(s.execute(select(WorkItem.state, func.count()).group_by(WorkItem.state)).all())
        assert states == {WorkItemState.OFFERED: items}
        assert s.scalar(select(func.max(WorkItem.attempts))) == 1
        holder = dict(s.execute(select(WorkItem.id, WorkItem.claimed_by)).all())
    assert all(holder[i] == staff for staff, ids in claimed.items() for i in ids)


@pytest.mark.postgresql
def test_twenty_claimers_share_ten_thousand_items_on_postgresql(db, record_property):
    if db.dialect != "postgresql":
        pytest.skip("the 20-claimer test runs on PostgreSQL; SQLite has its own below")
    claimers, items = 20, 10_000
    queue = _prepare(db, claimers, items)
    claimed, elapsed = _claim_in_parallel(db, queue, claimers)
    _check_every_item_went_to_exactly_one_agent(db, claimed, items)
    record_property("claims_per_second", round(items / elapsed))
    log.info(
        "%d claims by %d claimers on PostgreSQL in %.2f s (%.0f/s; per claimer %d..%d)",
        items,
        claimers,
        elapsed,
        items / elapsed,
        min(map(len, claimed.values())),
        max(map(len, claimed.values())),
    )


def test_four_claimers_share_five_hundred_items_on_sqlite(sqlite_db):
    claimers, items = 4, 500
    queue = _prepare(sqlite_db, claimers, items)
    claimed, elapsed = _claim_in_parallel(sqlite_db, queue, claimers)
    _check_every_item_went_to_exactly_one_agent(sqlite_db, claimed, items)
    log.info("%d claims by %d claimers on SQLite in %.2f s", items, claimers, elapsed)
