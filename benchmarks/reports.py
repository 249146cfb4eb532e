"""A management report over a year of contacts: how long :meth:`agentdesk.reports.Reports.run` takes.

    .venv/bin/python benchmarks/reports.py [--contacts 3000000] [--runs 3] [--pg URL]

The database is built once under ``.tmp/bench/`` and reused: the schema, the demo queues and agents, then
``contacts`` past contacts bulk-inserted with the dashboard benchmark's loader
(:func:`dashboard._bulk_contacts`: each an ``interaction`` and the ``work_item`` it came through, 70 %
phone, 20 % e-mail, 10 % walk-in, about 8,000 a day up to today), and one service case per 20
contacts with its history (filed, and for four in five resolved some days later). With ``--pg URL``
the same rows are copied into a fresh schema of that PostgreSQL database and measured there too.

Measured: the daily summaries brought up to date (:class:`ReportSummaries`; built from nothing the
first time, stored in the cached database), then the report over the last 365 days (the previous 365
days come with it, for the trend), with no filter and filtered by channel, ``runs`` times each (the
first run reads a cold cache), and once from the raw rows for comparison (``year_raw_rows_s``).
Target: ≤ 2 s.
A calibration figure (``python_loop_ms``, :mod:`calibration`) is printed with the results; the last line
is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
import calibration
import dashboard

TARGET_S = 2.0
CONTACTS_PER_CASE = 20


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def build(folder: Path, contacts: int, seed: int) -> Path:
    from agentdesk_demo.demo_queues import seed_demo_queues
    from agentdesk_demo.population.bulk_load import ensure_reference_data

    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    path = folder / f"reports-c{contacts}.sqlite3"
    if path.exists():
        return path
    partial = folder / f"{path.stem}.partial.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    log(f"building {partial.name}: schema, demo queues, {contacts:,} contacts (once; reused afterwards)")
    db = Database(f"sqlite:///{partial}")
    schema.upgrade(db)
    with db.session() as s, s.begin():
        ensure_reference_data(s)  # the departments and staff of the demo
    seed_demo_queues(db, seed=seed)
    db.dispose()
    conn = sqlite3.connect(partial)
    try:
        dashboard._add_agents(conn, 200)
        end = dashboard.helsinki_today()
        dashboard._bulk_contacts(conn, contacts, random.Random(seed), end)
        _cases(conn, contacts // CONTACTS_PER_CASE, random.Random(seed + 1), end)
        conn.execute("ANALYZE")
    finally:
        conn.close()
    partial.rename(path)
    return path


def _cases(conn: sqlite3.Connection, count: int, rng: random.Random, end: dt.datetime) -> None:
    dept = conn.execute("SELECT id FROM department WHERE code = 'customer_service'").fetchone()[0]
    first_case = (conn.execute("SELECT max(id) FROM service_case").fetchone()[0] or 0) + 1
    cases, events = [], []
    for i in range(count):
        created = end - dt.timedelta(seconds=rng.uniform(0, 365 * 86400))
        due = (created + dt.timedelta(days=14)).date().isoformat()
        resolved = created + dt.timedelta(days=rng.expovariate(1 / 10)) if rng.random() < 0.8 else None
        if resolved is not None and resolved >= end:
            resolved = None
        status = "resolved" if resolved is not None else "open"
        t = dashboard.text_time
        cases.append(
            (
                first_case + i,
                f"case {i}",
                status,
                dept,
                due,
                t(created),
                t(resolved or created),
                t(resolved) if resolved else None,
            )
        )
        events.append((first_case + i, t(created), "bench", None, "new", dept, due))
        if resolved is not None:
            events.append((first_case + i, t(resolved), "bench", "new", "resolved", dept, due))
    with conn:
        conn.executemany(
            "INSERT INTO service_case (id, title, status, department_id, due_date, created_at, updated_at, "
            "resolved_at, backoffice_system, backoffice_ref, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', 1)",
            cases,
        )
        conn.executemany(
            "INSERT INTO case_event (case_id, at, actor, from_status, to_status, department_id, due_date, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '')",
            events,
        )


COPIED = ("department", "staff_user", "queue", "service_case", "interaction", "work_item", "case_event")


def copy_to_postgres(path: Path, pg_url: str) -> tuple[object, str]:
    """The SQLite database's report tables copied into a new schema of ``pg_url`` (COPY)."""
    import psycopg

    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    name = "bench_reports_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in pg_url else "?"
    db = Database(f"{pg_url}{sep}options=-csearch_path%3D{name}", password_lookup=None)
    schema.upgrade(db)
    src = sqlite3.connect(path)
    started = time.perf_counter()
    with psycopg.connect(pg_url, autocommit=False, options=f"-csearch_path={name}") as conn:
        # The bulk-loaded contacts name customers by number only (no population): no foreign-key checks.
        conn.execute("SET session_replication_role = replica")
        for table in COPIED:
            columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            conn.execute(f"TRUNCATE {table} CASCADE")
            with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                    copy.write_row(row)
        conn.commit()
    with psycopg.connect(pg_url, autocommit=True, options=f"-csearch_path={name}") as conn:
        conn.execute("VACUUM ANALYZE")
    log(f"copied into PostgreSQL schema {name} in {time.perf_counter() - started:.0f} s")
    return db, name


def summarize(db: object) -> dict[str, float]:
    """The daily summaries brought up to date (built from nothing the first time): how long it took."""
    from agentdesk.reports.summaries import ReportSummaries

    started = time.perf_counter()
    done = ReportSummaries(db).update()  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    log(f"summaries: {done.describe()} in {seconds:.1f} s")
    return {"summaries_s": round(seconds, 2), "summarized_days": done.days}


def measure(db: object, runs: int, *, raw_runs: int = 1) -> dict[str, float]:
    from agentdesk.reports import ReportQuery, Reports
    from agentdesk.storage.kinds import Channel

    out: dict[str, float] = dict(summarize(db))
    reports = Reports(db)  # type: ignore[arg-type]
    end = dashboard.helsinki_today().date() - dt.timedelta(days=1)
    year = ReportQuery(end - dt.timedelta(days=364), end)
    phone = ReportQuery(year.start, year.end, channels=(Channel.PHONE,))
    for name, query in (("year", year), ("year_phone", phone)):
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            report = reports.run(query)
            times.append(time.perf_counter() - started)
        log(f"{name}: {', '.join(f'{t:.2f}' for t in times)} s; {report.current.total.contacts:,} contacts")
        out[f"{name}_s_best"] = round(min(times), 3)
        out[f"{name}_s_median"] = round(statistics.median(times), 3)
        out[f"{name}_contacts"] = report.current.total.contacts
    if raw_runs:  # the same report from the raw rows, as before the summaries (for comparison)
        started = time.perf_counter()
        raw = Reports(db, use_summaries=False).run(year)  # type: ignore[arg-type]
        out["year_raw_rows_s"] = round(time.perf_counter() - started, 3)
        out["year_raw_rows_same_contacts"] = raw.current.total.contacts == out["year_contacts"]
        log(f"year from the raw rows: {out['year_raw_rows_s']:.2f} s")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=3_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--pg", metavar="URL", help="also measure on this PostgreSQL (a schema of its own)")
    parser.add_argument("--folder", type=Path, default=REPO / ".tmp" / "bench")
    parser.add_argument("--skip-sqlite", action="store_true", help="measure on PostgreSQL only")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    path = build(args.folder, args.contacts, args.seed)

    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(f"sqlite:///{path}")
    schema.upgrade(db)
    result: dict[str, object] = {"contacts": args.contacts, "target_s": TARGET_S}
    try:
        if not args.skip_sqlite:
            result["sqlite"] = measure(db, args.runs)
    finally:
        db.dispose()
    if args.pg:
        import psycopg

        pg, name = copy_to_postgres(path, args.pg)  # the raw rows; the summaries are rebuilt there
        try:
            result["postgresql"] = measure(pg, args.runs)
        finally:
            pg.dispose()  # type: ignore[attr-defined]
            with psycopg.connect(args.pg, autocommit=True) as admin:
                admin.execute(f"DROP SCHEMA {name} CASCADE")
    cal = calibration.measure()
    log(
        f"calibration: python_loop_ms {cal['python_loop_ms']:.1f} (reference {calibration.REFERENCE['python_loop_ms']})"
    )
    figures = {
        f"{backend}_{name}": values[f"{name}_s_median"] * 1000
        for backend in ("sqlite", "postgresql")
        if isinstance(values := result.get(backend), dict)
        for name in ("year", "year_phone")
    }
    targets = dict.fromkeys(figures, TARGET_S * 1000)
    result.update(calibration.calibrated(cal, per_python_loop=figures, targets_per_python_loop=targets))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
