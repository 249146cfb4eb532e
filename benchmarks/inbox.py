"""The inbox's "Next" with 200 agents working at once on PostgreSQL (target: p95 ≤ 20 ms).

    python benchmarks/inbox.py                       # 200 agents, 10 presses each, AGENTDESK_TEST_PG_URL
    python benchmarks/inbox.py --burst               # all 200 press Next at the same instant, every round
    python benchmarks/inbox.py --agents 50 --rounds 4 --db sqlite

A fresh schema: three queues (phone, e-mail, web), every agent a member of two of them with skills
("fi" for all, "sv" for every fourth, "benefits" for every third), and ``agents × rounds`` waiting
items with mixed priorities, ages and required skills. Each agent is a thread that presses Next
(``Inbox.next``), handles the item for a random time (uniform 0 … 2 × ``--handle`` seconds, default 1 s:
200 agents then press Next some 200 times a second, where real handling takes minutes), wraps it up
and presses again; the first presses are spread over the first handling time. With ``--burst`` all
agents are instead released together on a barrier in every round: 200 presses at one instant, which
on a 2-core machine measures the queue of 200 Python threads behind one GIL more than the database
(the claim itself is ~0.4 ms on the server, EXPLAIN ANALYZE). The latency of a Next runs from the
press to the claimed item, the wait for a database connection included. The agents share
``--connections`` server connections (default 60: 200 desks behind PgBouncer in transaction mode,
agentdesk/storage/connection.py; the server here allows 200 connections in all, for every test run
on the machine).

Checks that no item went to two agents and that every claimed item was one the agent may take (its
queue and skill). The last line is one JSON object: p50/p95/max of Next in milliseconds, claims,
duplicates, wrong routes, and the calibration (benchmarks/calibration.py) with p95 per Python loop.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import calibration
from claim import open_database
from sqlalchemy import select

from agentdesk.queues import NewWorkItem, QueueDirectory, QueueSpec, WorkQueue
from agentdesk.queues.inbox import Inbox
from agentdesk.storage.connection import ConnectionSettings
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, StaffRole, StaffUser

TARGET_P95_MS = 20.0


def skills_of(n: int) -> list[str]:
    return ["fi"] + (["sv"] if n % 4 == 0 else []) + (["benefits"] if n % 3 == 0 else [])


def prepare(db: Database, agents: int, rounds: int) -> tuple[list[int], dict[int, set[int]], dict[int, set[str]]]:
    with db.session() as s, s.begin():
        s.add_all(
            [StaffUser(username=f"agent{i}", display_name=f"Agent {i}", role=StaffRole.AGENT) for i in range(agents)]
        )
    with db.session() as s:
        staff = list(s.scalars(select(StaffUser.id).where(StaffUser.username.like("agent%")).order_by(StaffUser.id)))
    directory = QueueDirectory(db)
    queues = [
        directory.create(QueueSpec("phone", "Neuvonta", Channel.PHONE, target_seconds=20)).id,
        directory.create(QueueSpec.email("mail", "Kirjaamo", hours=8)).id,
        directory.create(QueueSpec("web", "Verkko", Channel.WEB, target_seconds=3600)).id,
    ]
    membership: dict[int, set[int]] = {}
    skills: dict[int, set[str]] = {}
    for n, sid in enumerate(staff):
        mine = {queues[n % 3], queues[(n + 1) % 3]}
        membership[sid], skills[sid] = mine, set(skills_of(n))
        for q in mine:
            directory.add_member(q, sid, skills=skills_of(n))
    work = WorkQueue(db)
    per_queue = agents * rounds // 3 + agents  # more than enough: nobody finds the inbox empty
    for q in queues:
        work.enqueue_many(
            q,
            (
                NewWorkItem(
                    external_ref=f"{q}-{i}",
                    priority=1 + i % 9,
                    skill=("sv" if i % 10 == 0 else "benefits" if i % 7 == 0 else "fi" if i % 2 else ""),
                )
                for i in range(per_queue)
            ),
        )
    return staff, membership, skills


def run(db: Database, agents: int, rounds: int, connections: int, *, burst: bool, handle: float) -> dict:
    staff, membership, skills = prepare(db, agents, rounds)
    url = db.url.render_as_string(hide_password=False)
    shared = Database(
        url,
        password_lookup=None,
        settings=ConnectionSettings(pool_size=connections, max_overflow=0, pool_timeout=60),
    )
    inbox = Inbox(shared)
    start = threading.Barrier(agents)
    latencies: list[float] = []
    claimed: list[tuple[int, int, str, int]] = []  # staff, queue, skill, item
    errors: list[BaseException] = []
    lock = threading.Lock()

    def agent(staff_id: int) -> None:
        times, mine = [], []
        pace = random.Random(staff_id)
        try:
            start.wait(timeout=120)
            if not burst:
                time.sleep(pace.uniform(0, handle))
            for n in range(rounds):
                if burst and n:
                    start.wait(timeout=120)
                elif n:
                    time.sleep(pace.uniform(0, 2 * handle))
                t = time.perf_counter()
                taken = inbox.next(staff_id)
                times.append(time.perf_counter() - t)
                if taken is not None:
                    item = taken.item
                    mine.append((staff_id, item.queue_id, item.skill, item.id))
                    inbox.wrap_up(item.id, staff_id, "resolved")
        except BaseException as exc:  # noqa: BLE001 - raised again by the main thread
            errors.append(exc)
            start.abort()
        finally:
            with lock:
                latencies.extend(times)
                claimed.extend(mine)

    with shared.session() as s:  # open the pool's connections before the clock runs
        s.execute(select(1))
    threads = [threading.Thread(target=agent, args=(sid,)) for sid in staff]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    shared.dispose()
    if errors:
        raise errors[0]
    ids = [c[3] for c in claimed]
    wrong = [c for c in claimed if c[1] not in membership[c[0]] or (c[2] and c[2] not in skills[c[0]])]
    latencies.sort()
    return {
        "benchmark": "inbox_next",
        "db": db.dialect,
        "agents": agents,
        "rounds": rounds,
        "connections": connections,
        "mode": "burst" if burst else f"paced, handle {handle} s",
        "seconds": round(seconds, 3),
        "claims": len(ids),
        "empty_handed": agents * rounds - len(ids),
        "duplicates": len(ids) - len(set(ids)),
        "wrong_routes": len(wrong),
        "next_ms": {
            "p50": round(latencies[len(latencies) // 2] * 1000, 2),
            "p95": round(latencies[int(len(latencies) * 0.95)] * 1000, 2),
            "max": round(latencies[-1] * 1000, 2),
        },
        "target_p95_ms": TARGET_P95_MS,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="postgresql")
    ap.add_argument("--agents", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=60)
    ap.add_argument("--burst", action="store_true", help="every agent presses Next at the same instant")
    ap.add_argument("--handle", type=float, default=1.0, help="mean seconds an agent handles an item")
    args = ap.parse_args()
    db, drop = open_database(args.db)
    try:
        result = run(db, args.agents, args.rounds, args.connections, burst=args.burst, handle=args.handle)
    finally:
        drop()
    result["meets_target"] = result["next_ms"]["p95"] <= TARGET_P95_MS
    result.update(
        calibration.calibrated(
            calibration.measure(),
            per_python_loop={"next_p95": result["next_ms"]["p95"], "next_max": result["next_ms"]["max"]},
            targets_per_python_loop={"next_p95": TARGET_P95_MS},
        )
    )
    print(json.dumps(result))
    if result["duplicates"] or result["wrong_routes"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
