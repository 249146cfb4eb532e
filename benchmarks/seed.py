"""Time seeding a synthetic population into a fresh database; prints one JSON line.

    .venv/bin/python benchmarks/seed.py [--people 1000000] [--db sqlite:////tmp/seed.sqlite3]
                                        [--histories 0.0] [--keep]

A SQLite file given by --db is deleted first (unless --keep); a PostgreSQL database must be
empty or will be appended to.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import calibration
from agentdesk_demo.population import seed_population

from agentdesk.storage import schema
from agentdesk.storage.database import Database


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", default="sqlite:////tmp/agentdesk-seed-benchmark.sqlite3")
    ap.add_argument("--histories", type=float, default=0.0)
    ap.add_argument("--duplicate-share", type=float, default=0.02)
    ap.add_argument("--keep", action="store_true", help="append to an existing SQLite file")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if not args.quiet:
        import logging

        logging.basicConfig(level=logging.INFO, format="  %(message)s")

    if args.db.startswith("sqlite:///") and not args.keep:
        path = args.db[len("sqlite:///") :]
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    db = Database(args.db, password_lookup=None)
    schema.upgrade(db)
    t0 = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            el = time.perf_counter() - t0
            print(f"  {done:>10,} / {total:,}  {el:7.1f} s  {done / el:10,.0f} people/s", file=sys.stderr)

    report = seed_population(
        db, args.people, args.seed, duplicate_share=args.duplicate_share, histories=args.histories, progress=progress
    )
    self_usage = resource.getrusage(resource.RUSAGE_SELF)
    child_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    size = None
    if db.dialect == "sqlite":
        size = os.path.getsize(db.url.database)
    db.dispose()
    # per 1,000 people, in fixed Python loops timed in the same run (benchmarks/calibration.py)
    per_loop = calibration.calibrated(
        calibration.measure(),
        per_python_loop={"thousand_people": report.seconds * 1e6 / report.people if report.people else None},
    )
    print(
        json.dumps(
            {
                "backend": db.dialect,
                "people": report.people,
                "customers": report.customers,
                "rows": report.rows,
                "interactions": report.interactions,
                "seconds": round(report.seconds, 2),
                "people_per_second": round(report.people_per_second),
                "rows_per_second": round(report.rows / report.seconds) if report.seconds else None,
                # CPU seconds of this process (writing) and of the generator worker: on a busy machine
                # these say more than the wall-clock time (2 cores: wall >= max of the two)
                "cpu_main_s": round(self_usage.ru_utime + self_usage.ru_stime, 1),
                "cpu_worker_s": round(child_usage.ru_utime + child_usage.ru_stime, 1),
                "load_average": round(os.getloadavg()[0], 2),
                "max_rss_mib": self_usage.ru_maxrss // 1024,
                "db_bytes": size,
                **per_loop,
            }
        )
    )


if __name__ == "__main__":
    main()
