"""Load a synthetic population into SQLite or PostgreSQL, fast.

``seed_population(db, people)`` streams :func:`agentdesk_demo.population.generator.generate` into the
database: on SQLite with ``executemany`` on the raw DBAPI connection, one transaction per chunk,
``synchronous=OFF`` and no foreign-key checks while loading (the rows are consistent by
construction); on PostgreSQL with ``COPY ... FROM STDIN``. For big loads the rows are generated in a
second process while this one writes. Customer ids continue after the largest existing id, so
seeding a database that already has customers appends to it; henkilötunnus and Y-tunnus codes
already present are not reused.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import queue
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.search import text_index
from agentdesk.storage.database import Database
from agentdesk.storage.models import Department, StaffRole, StaffUser
from agentdesk_demo.population.generator import (
    DEPARTMENTS,
    SEARCH_COLUMNS,
    STAFF,
    TABLES,
    Chunk,
    GeneratorContext,
    generate,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

# Below this many people the rows are generated in this process (a worker costs ~0.3 s to start).
BACKGROUND_THRESHOLD = 50_000


@dataclass(frozen=True)
class SeedReport:
    people: int  # persons (not counting duplicate records)
    organisations: int
    duplicates: int
    interactions: int
    cases: int
    seconds: float
    first_customer_id: int  # ids first_customer_id .. last_customer_id were added
    last_customer_id: int
    rows: int  # rows written in all tables, the search index included

    @property
    def customers(self) -> int:
        return self.people + self.organisations + self.duplicates

    @property
    def people_per_second(self) -> float:
        return self.people / self.seconds if self.seconds > 0 else 0.0

    def describe(self) -> str:
        return (
            f"seeded {self.people:,} people, {self.organisations:,} organisations, "
            f"{self.duplicates:,} duplicate records, {self.interactions:,} interactions "
            f"in {self.seconds:.1f} s ({self.people_per_second:,.0f} people/s)"
        )


@dataclass(frozen=True)
class ReferenceData:
    departments: dict[str, int]  # code -> id
    staff: dict[str, int]  # username -> id


def ensure_reference_data(session: Session) -> ReferenceData:
    """Create the departments and demo staff users that are missing (idempotent)."""
    departments = {d.code: d for d in session.scalars(select(Department))}
    for code, name in DEPARTMENTS.items():
        if code not in departments:
            departments[code] = Department(code=code, name=name)
            session.add(departments[code])
    session.flush()
    staff = {u.username: u for u in session.scalars(select(StaffUser))}
    for username, display, role, dept in STAFF:
        if username not in staff:
            staff[username] = StaffUser(
                username=username,
                display_name=display,
                role=StaffRole(role),
                department_id=departments[dept].id if dept else None,
                active=True,
            )
            session.add(staff[username])
    session.flush()
    return ReferenceData({c: d.id for c, d in departments.items()}, {u: s.id for u, s in staff.items()})


def _staff_by_department(session: Session) -> dict[str, list[int]]:
    """Active agents and supervisors per department code (who answers which contacts)."""
    out: dict[str, list[int]] = {}
    rows = session.execute(
        select(StaffUser.id, Department.code)
        .join(Department, StaffUser.department_id == Department.id)
        .where(StaffUser.active.is_(True), StaffUser.role.in_([StaffRole.AGENT, StaffRole.SUPERVISOR]))
        .order_by(StaffUser.id)
    )
    for staff_id, code in rows:
        out.setdefault(code, []).append(staff_id)
    return out


# ---------------------------------------------------------------------------------------------
# Producing chunks (here or in a worker process)


def _exit_with_parent() -> None:
    """In the worker: exit as soon as the parent process is gone (even killed with ``kill -9``), rather
    than wait forever on a full queue nobody reads. The parent's sentinel is ready when it ends."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="agentdesk-population-parent", daemon=True).start()


def _produce(q, args: tuple, kwargs: dict) -> None:  # runs in the worker process
    _exit_with_parent()
    try:
        for chunk in generate(*args, **kwargs):
            q.put(("chunk", chunk))
        q.put(("done", None))
    except BaseException:  # noqa: BLE001 - reported to the parent
        q.put(("error", traceback.format_exc()))


def _chunks(args: tuple, kwargs: dict, background: bool) -> Iterator[Chunk]:
    if not background:
        yield from generate(*args, **kwargs)
        return
    # spawn, not fork: the parent may have threads (Qt, the SQLAlchemy pool) that fork would copy badly.
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue(maxsize=2)  # bounded: at most ~3 chunks exist at a time
    proc = ctx.Process(target=_produce, args=(q, args, kwargs), name="agentdesk-population", daemon=True)
    proc.start()
    try:
        while True:
            try:
                kind, payload = q.get(timeout=5)
            except queue.Empty:
                if not proc.is_alive():
                    raise RuntimeError(f"the population generator process died (exit code {proc.exitcode})") from None
                continue
            if kind == "chunk":
                yield payload
            elif kind == "error":
                raise RuntimeError(f"the population generator failed:\n{payload}")
            else:
                break
        proc.join(timeout=30)
    finally:
        if proc.is_alive():
            proc.terminate()
            proc.join(timeout=10)
        q.close()


# ---------------------------------------------------------------------------------------------
# Writers


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class _SqliteWriter:
    SEARCH_SQL = "INSERT INTO customer_search(rowid, names, place, street, born) VALUES (?, ?, ?, ?, ?)"

    def __init__(self, raw) -> None:
        self.raw = raw
        self.conn = raw.driver_connection
        self.sql = {t: _insert_sql(t, cols) for t, cols in TABLES.items()}
        self.dropped_indexes: list[tuple[str, str]] = []
        cur = self.conn.cursor()
        self.saved = {
            p: cur.execute(f"PRAGMA {p}").fetchone()[0] for p in ("synchronous", "foreign_keys", "cache_size")
        }
        self.conn.commit()
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
        cur.execute("PRAGMA cache_size=-524288")  # 512 MiB while loading
        cur.close()

    def prepare(self, bulk: bool) -> None:
        """For a load bigger than the tables already are, drop the secondary indexes until the end
        (the indexes of UNIQUE constraints stay: SQLite cannot drop those)."""
        if not bulk:
            return
        tables = list(TABLES)
        self.dropped_indexes = self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(tables))}) ORDER BY name",
            tables,
        ).fetchall()
        for name, _sql in self.dropped_indexes:
            self.conn.execute(f'DROP INDEX "{name}"')
        self.conn.commit()

    def _restore_indexes(self) -> None:
        for _name, sql in self.dropped_indexes:
            self.conn.execute(sql)
        self.conn.commit()
        self.dropped_indexes = []

    def scalar(self, sql: str):
        return self.conn.execute(sql).fetchone()[0]

    def rows(self, sql: str):
        return self.conn.execute(sql)

    def write(self, chunk: Chunk) -> None:
        conn = self.conn
        try:
            for table, rows in chunk.rows.items():
                if rows:
                    conn.executemany(self.sql[table], rows)
            conn.executemany(self.SEARCH_SQL, chunk.search)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise

    def finish(self) -> None:
        if self.dropped_indexes:  # a bulk load: merge the full-text index into one b-tree too (~3 s per 1M)
            self.conn.execute("INSERT INTO customer_search(customer_search) VALUES ('optimize')")
        self._restore_indexes()
        self.conn.execute("PRAGMA optimize")
        self.conn.commit()

    def close(self) -> None:
        try:
            self.conn.rollback()
            self._restore_indexes()  # after a failure: never leave the tables without their indexes
            cur = self.conn.cursor()
            cur.execute(f"PRAGMA synchronous={int(self.saved['synchronous'])}")
            cur.execute(f"PRAGMA foreign_keys={int(self.saved['foreign_keys'])}")
            cur.execute(f"PRAGMA cache_size={int(self.saved['cache_size'])}")
            cur.close()
        finally:
            self.raw.close()


class _PostgresWriter:
    def __init__(self, raw) -> None:
        self.raw = raw
        self.conn = raw.driver_connection
        self.conn.rollback()
        self.dropped_indexes: list[tuple[str, str]] = []
        self.replica = False
        with self.conn.cursor() as cur:
            # generated timestamps are UTC strings without a zone
            cur.execute("SET TIME ZONE 'UTC'")
        self.conn.commit()

    def prepare(self, bulk: bool) -> None:
        """Skip foreign-key triggers if allowed (superuser; the rows are consistent by construction)
        and, for a load bigger than the tables already are, drop the non-unique indexes until the end
        (building an index once is much faster than maintaining it row by row)."""
        import psycopg

        try:
            with self.conn.cursor() as cur:
                cur.execute("SET session_replication_role = replica")
            self.conn.commit()
            self.replica = True
        except psycopg.errors.InsufficientPrivilege:
            self.conn.rollback()
            log.info("not allowed to skip foreign-key checks while loading (needs superuser); keeping them")
        if not bulk:
            return
        tables = [*TABLES, "customer_search"]
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                "JOIN pg_namespace n ON n.oid = t.relnamespace "
                "WHERE n.nspname = current_schema() AND t.relname = ANY(%s) "
                "AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname",
                (tables,),
            )
            indexes = cur.fetchall()
            for name, _definition in indexes:
                cur.execute(f'DROP INDEX "{name}"')
        self.conn.commit()
        self.dropped_indexes = indexes

    def _restore_indexes(self) -> None:
        if not self.dropped_indexes:
            return
        with self.conn.cursor() as cur:
            cur.execute("SET maintenance_work_mem = '512MB'")
            for _name, definition in self.dropped_indexes:
                cur.execute(definition)
            cur.execute("RESET maintenance_work_mem")
        self.conn.commit()
        self.dropped_indexes = []

    def scalar(self, sql: str):
        with self.conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchone()[0]

    def rows(self, sql: str):
        # a server-side cursor: millions of existing codes are streamed, not fetched at once
        with self.conn.cursor(name="agentdesk_population_existing") as cur:
            cur.itersize = 50_000
            cur.execute(sql)
            yield from cur
        self.conn.commit()

    def _copy(self, cur, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            write = copy.write_row
            for row in rows:
                write(row)

    def write(self, chunk: Chunk) -> None:
        try:
            with self.conn.cursor() as cur:
                for table, rows in chunk.rows.items():
                    if rows:
                        self._copy(cur, table, TABLES[table], rows)
                self._copy(cur, "customer_search", SEARCH_COLUMNS, chunk.search)
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def finish(self) -> None:
        self._restore_indexes()
        with self.conn.cursor() as cur:
            for table in _serial_tables():
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT COALESCE(max(id), 0) + 1 FROM {table}), false)"
                )
            self.conn.commit()
        self.conn.autocommit = True
        try:
            with self.conn.cursor() as cur:
                for table in (*TABLES, "customer_search"):
                    cur.execute(f"ANALYZE {table}")
        finally:
            self.conn.autocommit = False

    def close(self) -> None:
        try:
            self.conn.rollback()
            self._restore_indexes()  # after a failure: never leave the tables without their indexes
            with self.conn.cursor() as cur:
                cur.execute("RESET TIME ZONE")
                if self.replica:
                    cur.execute("RESET session_replication_role")
            self.conn.commit()
        finally:
            self.raw.close()


def _serial_tables() -> tuple[str, ...]:
    """Tables with a serial integer id (the generated ones and those the database numbers)."""
    return tuple(t for t in TABLES if t != "synthetic_duplicate")


# ---------------------------------------------------------------------------------------------


def seed_population(
    db: Database,
    people: int,
    seed: int = 1,
    *,
    duplicate_share: float = 0.02,
    hard_duplicates: float = 0.0,
    histories: float = 0.0,
    progress: Progress | None = None,
    chunk_size: int = 50_000,
    background: bool | None = None,
    now: dt.datetime | None = None,
) -> SeedReport:
    """Add ``people`` synthetic persons (plus organisations, duplicates, histories) to ``db``.

    The schema must be current (``schema.upgrade(db)``). ``progress(done, total)`` is called after
    every chunk with the number of persons written so far. ``background``: generate the rows in a
    worker process (default: for 50,000 people or more, when there is more than one CPU).
    """
    started = time.perf_counter()
    with db.session() as s, s.begin():
        ref = ensure_reference_data(s)
        staff = _staff_by_department(s)
    if background is None:
        background = people >= BACKGROUND_THRESHOLD and (os.cpu_count() or 1) > 1
    raw = db.engine.raw_connection()
    writer = _SqliteWriter(raw) if db.dialect == "sqlite" else _PostgresWriter(raw)
    totals = Counter()
    vocabulary: Counter = Counter()
    try:
        start_id = (writer.scalar("SELECT max(id) FROM customer") or 0) + 1
        writer.prepare(bulk=start_id - 1 < people)
        ctx = GeneratorContext(
            department_ids=dict(ref.departments),
            staff_ids=staff,
            first_case_id=(writer.scalar("SELECT max(id) FROM service_case") or 0) + 1,
        )
        if start_id > 1:
            for (code,) in writer.rows(
                "SELECT value FROM customer_identifier WHERE scheme = 'hetu' AND register = 'dvv'"
            ):
                ctx.note_existing_hetu(code)
            ctx.taken_ytunnus.update(
                code for (code,) in writer.rows("SELECT value FROM customer_identifier WHERE scheme = 'ytunnus'")
            )
        kwargs = {
            "duplicate_share": duplicate_share,
            "hard_duplicates": hard_duplicates,
            "histories": histories,
            "chunk_size": chunk_size,
            "now": now,
            "context": ctx,
        }
        next_id = start_id
        chunks = _chunks((people, seed, start_id), kwargs, background)
        try:
            for chunk in chunks:
                writer.write(chunk)
                vocabulary.update(chunk.vocabulary)
                totals["people"] += chunk.people
                totals["organisations"] += chunk.organisations
                totals["duplicates"] += chunk.duplicates
                totals["interactions"] += chunk.interactions
                totals["cases"] += chunk.cases
                totals["rows"] += chunk.row_count()
                next_id = chunk.next_id
                if progress is not None:
                    progress(totals["people"], people)
        finally:
            chunks.close()  # stops the worker process at once if writing failed
        loaded = time.perf_counter()
        writer.finish()
        finished = time.perf_counter()
    finally:
        writer.close()
    with db.session() as s, s.begin():
        text_index.update_vocabulary(s, dict(vocabulary))
    log.info(
        "population load: rows %.1f s, indexes and statistics %.1f s, vocabulary (%d words) %.1f s",
        loaded - started,
        finished - loaded,
        len(vocabulary),
        time.perf_counter() - finished,
    )
    report = SeedReport(
        people=totals["people"],
        organisations=totals["organisations"],
        duplicates=totals["duplicates"],
        interactions=totals["interactions"],
        cases=totals["cases"],
        seconds=time.perf_counter() - started,
        first_customer_id=start_id,
        last_customer_id=next_id - 1,
        rows=totals["rows"],
    )
    log.info("%s", report.describe())
    return report
