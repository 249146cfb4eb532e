"""The dashboard computed once: what 1, 20 and 200 open dashboards cost the database.

    python benchmarks/dashboard_feed.py [--pg URL] [--seconds 6] [--queues 30] [--agents 200]

On a SQLite file and, with ``--pg`` (or ``AGENTDESK_TEST_PG_URL``), on PostgreSQL: a contact centre of
``--queues`` queues with waiting calls and ``--agents`` agents with a presence state; then 1, 20 and
200 dashboards each refresh every 2 s for ``--seconds`` seconds through
:class:`agentdesk.queues.dashboard_feed.DashboardFeed`. Printed per backend: one dashboard's read of
the stored snapshot (p50/p95 over 300 refreshes, target p95 ≤ 5 ms: what a refresh costs when another
desk computed it), and per number of dashboards how many times the snapshot was computed (once per
interval, whatever the number of dashboards) and what a computation takes. The last line is one JSON
object with the figures
and a calibration figure measured in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
import calibration

from agentdesk.queues import NewWorkItem, Presence, QueueDirectory, QueueSpec, WorkQueue
from agentdesk.queues.dashboard_feed import DashboardFeed
from agentdesk.storage import schema
from agentdesk.storage.connection import DESK_CONNECTION
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, PresenceState, StaffRole, StaffUser

INTERVAL = 2.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def seed(db: Database, queues: int, agents: int) -> None:
    schema.upgrade(db)
    with db.session() as s, s.begin():
        s.add_all(
            [
                StaffUser(id=i, username=f"agent{i}", display_name=f"Agent {i}", role=StaffRole.AGENT)
                for i in range(1, agents + 1)
            ]
        )
    directory, work, presence = QueueDirectory(db), WorkQueue(db), Presence(db)
    states = list(PresenceState)
    for q in range(queues):
        channel = (Channel.PHONE, Channel.EMAIL, Channel.WALK_IN)[q % 3]
        letter = chr(ord("A") + q % 26) if channel is Channel.WALK_IN else ""
        queue = directory.create(QueueSpec(f"q{q}", f"Queue {q}", channel, target_seconds=60, ticket_letter=letter)).id
        work.enqueue_many(queue, (NewWorkItem(external_ref=f"q{q}-{i}") for i in range(20)))
    for i in range(1, agents + 1):
        presence.set_state(i, states[i % len(states)])


def read_latency(url: str, reads: int) -> dict[str, float]:
    """One dashboard reading a new stored snapshot (what a refresh costs when another desk computed it),
    and reading when nothing new was stored."""
    db = Database(url, password_lookup=None, settings=DESK_CONNECTION)
    feed = DashboardFeed(db, interval=3600.0)  # stays fresh: every call is a read
    feed.current(dt.datetime.now(dt.UTC))  # computed once, the connection opened
    times, unchanged = [], []
    for _ in range(reads):
        feed._cached = None  # as after another desk stored a new one: read and decoded
        t0 = time.perf_counter()
        feed.current(dt.datetime.now(dt.UTC))
        times.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        feed.current(dt.datetime.now(dt.UTC))  # nothing new stored since: one small read
        unchanged.append((time.perf_counter() - t0) * 1000)
    db.dispose()
    return {
        "reads": reads,
        "read_p50_ms": round(percentile(times, 0.5), 2),
        "read_p95_ms": round(percentile(times, 0.95), 2),
        "unchanged_p95_ms": round(percentile(unchanged, 0.95), 2),
    }


def run(url: str, dashboards: int, seconds: float) -> dict[str, float]:
    """``dashboards`` dashboards refreshing every 2 s (threads sharing one pool, as if each were a
    desk of its own): how often the snapshot is computed and what that costs, and the refreshes."""
    db = Database(url, password_lookup=None)
    feeds = [DashboardFeed(db, interval=INTERVAL) for _ in range(dashboards)]
    computing: list[float] = []
    refreshes = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def dashboard(i: int, feed: DashboardFeed) -> None:
        time.sleep(INTERVAL * i / dashboards)  # the dashboards' timers are not in step
        while time.monotonic() < stop:
            before = feed.stats.computed
            t0 = time.perf_counter()
            feed.current(dt.datetime.now(dt.UTC))
            took = (time.perf_counter() - t0) * 1000
            with lock:
                refreshes[0] += 1
                if feed.stats.computed > before:
                    computing.append(took)
            time.sleep(INTERVAL)

    threads = [threading.Thread(target=dashboard, args=(i, f)) for i, f in enumerate(feeds)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    db.dispose()
    return {
        "dashboards": dashboards,
        "refreshes": refreshes[0],
        "computed": len(computing),
        "computed_per_minute": round(len(computing) * 60 / seconds, 1),
        "compute_ms_mean": round(sum(computing) / len(computing), 1) if computing else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=os.environ.get("AGENTDESK_TEST_PG_URL", ""), help="PostgreSQL admin URL")
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--queues", type=int, default=30)
    parser.add_argument("--agents", type=int, default=200)
    args = parser.parse_args()
    cal = calibration.measure()
    out: dict = {"benchmark": "dashboard_feed", "seconds": args.seconds}
    backends: list[tuple[str, str]] = []
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-feed-"))
    backends.append(("sqlite", f"sqlite:///{folder / 'feed.sqlite3'}"))
    pg_name = ""
    if args.pg:
        import psycopg

        pg_name = "bench_" + uuid.uuid4().hex[:10]
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {pg_name}")
        backends.append(("postgresql", args.pg.rsplit("/", 1)[0] + "/" + pg_name))
    try:
        for name, url in backends:
            db = Database(url, password_lookup=None)
            seed(db, args.queues, args.agents)
            db.dispose()
            latency = read_latency(url, 300)
            print(f"{name}: {json.dumps(latency)}", flush=True)
            out[name] = {"read": latency, "dashboards": []}
            for n in (1, 20, 200):
                figures = run(url, n, args.seconds)
                print(f"{name}: {json.dumps(figures)}", flush=True)
                out[name]["dashboards"].append(figures)
    finally:
        if pg_name:
            import psycopg

            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE {pg_name} WITH (FORCE)")
    worst = max(out[name]["read"]["read_p95_ms"] for name, _ in backends)
    out.update(
        calibration.calibrated(
            cal,
            per_python_loop={"read_p95_ms": worst},
            targets_per_python_loop={"read_p95_ms": 5.0},
        )
    )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
