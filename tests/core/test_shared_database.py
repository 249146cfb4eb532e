"""The shared deployment at a city's size: small pools per desk that name themselves, timeouts, a
read-only standby for searches, and PgBouncer in transaction mode in front of PostgreSQL.

PgBouncer (scripts/pgbouncer.sh, started by scripts/test.sh) routes every database name to the test
PostgreSQL; these tests make a database of their own for it (PgBouncer passes no ``search_path``).
"""

from __future__ import annotations

import os
import threading
import uuid
from dataclasses import replace

import psycopg
import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select, text

from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.queues import NewWorkItem, QueueDirectory, QueueSpec, WorkQueue
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage import schema
from agentdesk.storage.connection import DESK_CONNECTION, ConnectionSettings, postgresql_engine_arguments
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, StaffRole, StaffUser, WorkItem

PG_URL = os.environ.get("AGENTDESK_TEST_PG_URL", "")
BOUNCER_URL = os.environ.get("AGENTDESK_TEST_PGBOUNCER_URL", "")

pytestmark = pytest.mark.postgresql


def _require(url: str, what: str) -> None:
    if not url:
        if os.environ.get("AGENTDESK_REQUIRE_PG") == "1":
            pytest.fail(f"AGENTDESK_REQUIRE_PG=1 but {what} is not set (scripts/test.sh starts it)")
        pytest.skip(f"no {what} (run the suite with scripts/test.sh)")


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def own_database():
    """A PostgreSQL database of its own; yields its name."""
    _require(PG_URL, "AGENTDESK_TEST_PG_URL")
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield name
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _desk(url: str, **changes) -> Database:
    return Database(url, password_lookup=None, settings=replace(DESK_CONNECTION, **changes))


def test_a_desk_connection_names_itself_and_keeps_a_small_pool(own_database):
    direct = _with_database(PG_URL, own_database)
    db = _desk(direct, application_name="agentdesk-desk-ws042")
    try:
        with db.engine.connect() as conn:
            name = conn.execute(text("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"))
            assert name.scalar_one() == "agentdesk-desk-ws042"
            assert conn.execute(text("SHOW statement_timeout")).scalar_one() == "15s"
        assert db.engine.pool.size() == 2 and db.settings.max_connections == 4
    finally:
        db.dispose()


def test_a_statement_past_the_timeout_is_cancelled_not_waited_for(own_database):
    db = _desk(_with_database(PG_URL, own_database), statement_timeout=0.2)
    try:
        with db.engine.connect() as conn, pytest.raises(sa_exc.OperationalError, match="statement timeout"):
            conn.execute(text("SELECT pg_sleep(5)"))
    finally:
        db.dispose()


def test_a_full_pool_makes_the_next_read_wait_then_fail_with_a_timeout(own_database):
    db = _desk(_with_database(PG_URL, own_database), pool_size=1, max_overflow=0, pool_timeout=1)
    try:
        with db.engine.connect(), pytest.raises(sa_exc.TimeoutError):
            db.engine.connect()  # the desk never opens a fifth, sixth, ... connection of its own
    finally:
        db.dispose()


def test_the_url_options_are_kept_beside_the_statement_timeout():
    args = postgresql_engine_arguments(DESK_CONNECTION, url_options="-csearch_path=t_1")
    assert args["connect_args"]["options"] == "-csearch_path=t_1 -c statement_timeout=15000"
    bouncer = postgresql_engine_arguments(replace(DESK_CONNECTION, pgbouncer=True))
    assert bouncer["connect_args"]["prepare_threshold"] is None and "options" not in bouncer["connect_args"]
    assert ConnectionSettings().pool_size == 5  # the command-line tools keep SQLAlchemy's pool


def test_searches_read_from_the_standby_writes_go_to_the_primary(own_database):
    _require(PG_URL, "AGENTDESK_TEST_PG_URL")
    standby = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {standby}")
    primary_url, standby_url = _with_database(PG_URL, own_database), _with_database(PG_URL, standby)
    db = _desk(primary_url, read_url=standby_url)
    seed = Database(standby_url, password_lookup=None)
    try:
        schema.upgrade(db)
        schema.upgrade(seed)
        # The "replica" has a customer the primary has not (yet): a search finds it there.
        CustomerRegister(seed).create(CustomerDraft(first_names="Saga", last_name="Standby"), actor="test")
        CustomerRegister(db).create(CustomerDraft(first_names="Pia", last_name="Primary"), actor="test")
        assert db.reads is not db and db.reads.url.database == standby
        assert [h.display_name for h in CustomerSearch(db.reads).search("Standby").hits] == ["Standby, Saga"]
        assert not CustomerSearch(db.reads).search("Primary").hits
        assert [h.display_name for h in CustomerSearch(db).search("Primary").hits] == ["Primary, Pia"]
    finally:
        seed.dispose()
        db.dispose()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {standby} WITH (FORCE)")


def test_twenty_desks_through_pgbouncer_share_a_queue_on_ten_server_connections(own_database):
    """Transaction pooling: twenty desks (each its own small pool) claim a thousand items; no item goes
    to two agents or is lost, psycopg's prepared statements never cross transactions, and PostgreSQL
    sees about PgBouncer's ten server connections for the database (not the 80 the desks' pools allow)."""
    _require(BOUNCER_URL, "AGENTDESK_TEST_PGBOUNCER_URL")
    bounced = _with_database(BOUNCER_URL, own_database)
    admin = _desk(bounced, pgbouncer=True)
    desks, items = 20, 1000
    try:
        schema.upgrade(admin)  # the migrations too run through PgBouncer
        with admin.session() as s, s.begin():
            s.add_all(
                [
                    StaffUser(id=i, username=f"agent{i}", display_name=f"A{i}", role=StaffRole.AGENT)
                    for i in range(1, 21)
                ]
            )
        queue = QueueDirectory(admin).create(QueueSpec("calls", "Calls", Channel.PHONE, target_seconds=20)).id
        WorkQueue(admin).enqueue_many(queue, (NewWorkItem(external_ref=f"call-{i}") for i in range(items)))
        CustomerRegister(admin).create(CustomerDraft(first_names="Anna", last_name="Virtanen"), actor="test")

        claimed: dict[int, list[int]] = {}
        errors: list[BaseException] = []
        most_backends = [0]
        start = threading.Barrier(desks)

        def desk(staff_id: int) -> None:
            own = _desk(bounced, pgbouncer=True)
            try:
                work, search = WorkQueue(own), CustomerSearch(own)
                mine: list[int] = []
                start.wait(timeout=60)
                while (item := work.claim_next(staff_id, [queue])) is not None:
                    mine.append(item.id)
                    if len(mine) % 10 == 0:  # the same statements again and again: psycopg would prepare them
                        assert [h.display_name for h in search.search("Virtanen").hits] == ["Virtanen, Anna"]
                claimed[staff_id] = mine
            except BaseException as exc:  # noqa: BLE001 - reported by the test thread
                errors.append(exc)
            finally:
                own.dispose()

        def watch(stop: threading.Event) -> None:
            with psycopg.connect(PG_URL, autocommit=True) as conn:
                while not stop.wait(0.05):
                    n = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (own_database,))
                    most_backends[0] = max(most_backends[0], n.fetchone()[0])

        stop = threading.Event()
        watcher = threading.Thread(target=watch, args=(stop,))
        watcher.start()
        threads = [threading.Thread(target=desk, args=(i,)) for i in range(1, desks + 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=180)
        stop.set()
        watcher.join()
        if errors:
            raise errors[0]
        every = [i for ids in claimed.values() for i in ids]
        assert len(every) == items and len(set(every)) == items
        with admin.session() as s:
            assert s.scalar(select(func.count()).select_from(WorkItem).where(WorkItem.claimed_by.is_(None))) == 0
        # PgBouncer's pool of 10 (default_pool_size in scripts/pgbouncer.sh), where twenty desks with pools of
        # their own would open up to 80; a backend PgBouncer has just replaced may still be listed a moment.
        assert 0 < most_backends[0] <= 12, most_backends[0]
    finally:
        admin.dispose()
