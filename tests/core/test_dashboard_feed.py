"""The dashboard computed once: any number of open dashboards, one computation per interval."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import update

from agentdesk.queues import QueueDirectory, QueueSpec, Statistics, WorkQueue
from agentdesk.queues.dashboard_feed import DashboardFeed, listen
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, DashboardSnapshotRow

T0 = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def centre(db):
    phone = QueueDirectory(db).create(QueueSpec("water-phone", "Water: phone", Channel.PHONE, target_seconds=20)).id
    work = WorkQueue(db)
    for minute in range(5):
        work.enqueue(phone, arrived_at=T0 - dt.timedelta(minutes=minute))
    return db


def _own(db: Database) -> Database:
    return Database(db.url.render_as_string(hide_password=False), password_lookup=None)


def test_twenty_dashboards_compute_the_snapshot_once_per_interval(centre):
    desks = [_own(centre) for _ in range(20)]
    feeds = [DashboardFeed(d, interval=2.0) for d in desks]
    try:
        for tick in range(3):  # three intervals, every dashboard asking at each, all at once
            now = T0 + dt.timedelta(seconds=2.5 * tick)
            start = threading.Barrier(len(feeds))
            shown: list[int] = []

            def ask(
                feed: DashboardFeed,
                now: dt.datetime = now,
                start: threading.Barrier = start,
                shown: list[int] = shown,
            ) -> None:
                start.wait(timeout=30)
                shown.append(feed.current(now).queue("water-phone").waiting)

            threads = [threading.Thread(target=ask, args=(f,)) for f in feeds]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=60)
            assert shown == [5] * 20  # every dashboard shows the figures
        assert sum(f.stats.computed for f in feeds) == 3  # not 60
    finally:
        for d in desks:
            d.dispose()


def test_the_stored_snapshot_has_the_figures_a_direct_computation_has(centre):
    stored = DashboardFeed(centre).current(T0)
    direct = Statistics(centre).snapshot(T0)
    assert stored == direct
    again = DashboardFeed(centre).current(T0 + dt.timedelta(seconds=1))  # fresh: read, not computed
    assert again == direct


def test_a_claim_left_by_a_desk_that_died_lapses(centre):
    dead = DashboardFeed(centre, claim_seconds=10)
    assert dead._claim_computation(T0)  # claimed, then the desk was killed before storing
    alive = DashboardFeed(centre, claim_seconds=10)
    alive.current(T0 + dt.timedelta(seconds=1))
    assert alive.stats.computed == 0  # the claim still holds: shown without storing
    alive.current(T0 + dt.timedelta(seconds=11))
    assert alive.stats.computed == 1


@pytest.mark.expect_log_warnings
def test_a_damaged_stored_snapshot_is_computed_afresh(centre, caplog):
    feed = DashboardFeed(centre)
    feed.current(T0)
    with centre.session() as s, s.begin():
        # as another version of AgentDesk, or a damaged disk, would leave it
        s.execute(update(DashboardSnapshotRow).values(payload='{"at": "not a time"}', seq=DashboardSnapshotRow.seq + 1))
    shown = feed.current(T0 + dt.timedelta(seconds=3))
    assert shown.queue("water-phone").waiting == 5 and feed.stats.computed == 2
    assert "cannot be read" in caplog.text and "not a time" not in caplog.text


def test_a_dashboard_on_postgresql_hears_a_new_snapshot_without_polling(centre):
    if centre.dialect != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    listener_db = _own(centre)
    heard = threading.Event()
    stop = threading.Event()
    thread = threading.Thread(target=listen, args=(listener_db, heard.set, stop), kwargs={"poll": 0.2})
    thread.start()
    writer_db = _own(centre)
    try:
        writer = DashboardFeed(writer_db)
        for _ in range(50):  # the listener may still be starting: compute until it hears one
            writer.current(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3 * _))
            if heard.wait(0.2):
                break
        assert heard.is_set()
    finally:
        stop.set()
        thread.join(timeout=10)
        listener_db.dispose()
        writer_db.dispose()
