"""Work-item claim throughput with many workstations claiming from the same queue at once.

    python benchmarks/claim.py --db postgresql --claimers 20 --items 10000
    python benchmarks/claim.py --db sqlite --claimers 4 --items 2000 --complete

Queues N items in bulk, then starts C claimer threads, each with a Database (engine, pool,
sessions) of its own as a workstation has, released together; each claims through
``WorkQueue.claim_next`` (and with --complete also completes) until the queue is empty. Checks
that every item went to exactly one claimer. A fresh schema (PostgreSQL) or file (SQLite) is used
and removed afterwards.

The last line printed is one JSON object: seconds, claims per second, per-claim latency p50/p95/max
in milliseconds and the fewest and most items one claimer got; the latency p95 and max also per a
fixed Python loop timed in the same run (benchmarks/calibration.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import calibration
from sqlalchemy import func, select

from agentdesk.queues import NewWorkItem, QueueDirectory, QueueSpec, WorkQueue
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, StaffRole, StaffUser, WorkItem


def _pg_base_url() -> str:
    base = os.environ.get("AGENTDESK_BENCH_PG_URL") or os.environ.get("AGENTDESK_TEST_PG_URL")
    if not base:
        out = subprocess.run(
            ["bash", str(REPO / "scripts/postgres.sh"), "start"], check=True, capture_output=True, text=True
        )
        base = out.stdout.strip().splitlines()[-1].split()[-1]
    return base


def open_database(kind: str):
    """A migrated, empty database and a function that throws it away."""
    if kind == "sqlite":
        folder = tempfile.TemporaryDirectory(prefix="agentdesk-claim-")
        db = Database(f"sqlite:///{Path(folder.name) / 'claim.sqlite3'}")
        schema.upgrade(db)

        def drop_sqlite() -> None:
            db.dispose()
            folder.cleanup()

        return db, drop_sqlite
    import psycopg

    base = _pg_base_url()
    name = "claim_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in base else "?"
    db = Database(f"{base}{sep}options=-csearch_path%3D{name}", password_lookup=None)
    schema.upgrade(db)

    def drop_pg() -> None:
        db.dispose()
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")

    return db, drop_pg


def run(db: Database, claimers: int, items: int, complete: bool) -> dict:
    with db.session() as s, s.begin():
        s.add_all(
            [StaffUser(username=f"bench{i}", display_name=f"Bench {i}", role=StaffRole.AGENT) for i in range(claimers)]
        )
    with db.session() as s:
        staff = list(s.scalars(select(StaffUser.id).where(StaffUser.username.like("bench%"))))
    queue = QueueDirectory(db).create(QueueSpec("bench", "Benchmark", Channel.PHONE, target_seconds=20)).id
    started = time.perf_counter()
    WorkQueue(db).enqueue_many(queue, (NewWorkItem(external_ref=f"call-{i}") for i in range(items)))
    enqueue_seconds = time.perf_counter() - started

    url = db.url.render_as_string(hide_password=False)
    barrier = threading.Barrier(claimers + 1)
    got: dict[int, list[int]] = {}
    latencies: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def workstation(staff_id: int) -> None:
        own = Database(url, password_lookup=None)
        mine, times = [], []
        try:
            work = WorkQueue(own)
            barrier.wait(timeout=60)
            while True:
                t = time.perf_counter()
                item = work.claim_next(staff_id, [queue])
                times.append(time.perf_counter() - t)
                if item is None:
                    break
                mine.append(item.id)
                if complete:
                    work.complete(item.id, staff_id)
        except BaseException as exc:  # noqa: BLE001 - a worker's failure is raised again by the main thread
            errors.append(exc)
        finally:
            own.dispose()
            with lock:
                got[staff_id] = mine
                latencies.extend(times)

    threads = [threading.Thread(target=workstation, args=(sid,)) for sid in staff]
    for t in threads:
        t.start()
    barrier.wait(timeout=60)
    started = time.perf_counter()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    if errors:
        raise errors[0]
    ids = [i for mine in got.values() for i in mine]
    with db.session() as s:
        max_attempts = s.scalar(select(func.max(WorkItem.attempts)))
    latencies.sort()
    return {
        "db": db.dialect,
        "claimers": claimers,
        "items": items,
        "complete": complete,
        "enqueue_seconds": round(enqueue_seconds, 3),
        "seconds": round(seconds, 3),
        "claims_per_second": round(items / seconds, 1),
        "latency_ms": {
            "p50": round(latencies[len(latencies) // 2] * 1000, 2),
            "p95": round(latencies[int(len(latencies) * 0.95)] * 1000, 2),
            "max": round(latencies[-1] * 1000, 2),
        },
        "per_claimer": {"min": min(map(len, got.values())), "max": max(map(len, got.values()))},
        "claimed": len(ids),
        "duplicates": len(ids) - len(set(ids)),
        "lost": items - len(set(ids)),
        "max_attempts": max_attempts,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="postgresql")
    ap.add_argument("--claimers", type=int, default=20)
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--complete", action="store_true", help="complete each item after claiming it")
    args = ap.parse_args()
    db, drop = open_database(args.db)
    try:
        result = run(db, args.claimers, args.items, args.complete)
    finally:
        drop()
    result.update(
        calibration.calibrated(
            calibration.measure(),
            per_python_loop={"claim_p95": result["latency_ms"]["p95"], "claim_max": result["latency_ms"]["max"]},
        )
    )
    print(json.dumps(result))
    if result["duplicates"] or result["lost"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
