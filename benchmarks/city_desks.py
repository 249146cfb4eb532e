"""The city benchmark's simulated desks and dashboards (benchmarks/city.py), run in worker processes.

Each worker process runs its share of the desks and dashboards as threads. A desk has a
:class:`~agentdesk.storage.database.Database` of its own (``DESK_CONNECTION`` with ``pgbouncer=True``:
a pool of 2 + 2, through PgBouncer in transaction mode) and does an agent's day in a loop, one action
every 3-10 s (think time drawn uniformly):

1. ``search``: :meth:`CustomerSearch.search` for a customer's name, as typed in the search box;
2. ``open``: :meth:`CustomerOverviewService.open` of that customer (the overview read, audited);
3. ``claim``: :meth:`WorkQueue.claim_next` from the phone and e-mail queues;
4. ``panel``: the social-services panel's call (:class:`SocialServicesClient`) to the loopback demo
   back end for the customer's henkilötunnus;
5. ``log``: :meth:`InteractionLog.save` of the contact, then ``complete``: :meth:`WorkQueue.complete`
   of the claimed item with it (when one was claimed).

A dashboard has a Database of its own too and calls :meth:`DashboardFeed.current` every 2 s.

Every action's wall time (what the agent waits for) and the thread's CPU time in it are recorded;
the worker sends them back through a queue when the run ends.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

THINK = (3.0, 10.0)  # seconds between two actions of one desk
DASHBOARD_INTERVAL = 2.0


@dataclass
class Plan:
    """One worker's share of the run (picklable: sent to a spawned process)."""

    worker: int
    url: str  # through PgBouncer
    desks: list[int] = field(default_factory=list)  # staff ids
    dashboards: int = 0
    customers: list[tuple[int, str, str]] = field(default_factory=list)  # (id, query, hetu)
    queue_ids: list[int] = field(default_factory=list)
    social_url: str = ""
    seconds: float = 60.0
    seed: int = 1


@dataclass
class Recorder:
    wall: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    cpu: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, op: str, action):
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            result = action()
        except Exception as exc:  # noqa: BLE001 - counted and reported, the desk carries on
            with self.lock:
                self.errors[op].append(f"{type(exc).__name__}: {str(exc)[:160]}")
            return None
        wall, cpu = (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000
        with self.lock:
            self.wall[op].append(wall)
            self.cpu[op].append(cpu)
        return result

    def result(self) -> dict:
        return {
            "wall": dict(self.wall),
            "cpu": dict(self.cpu),
            "errors": {k: [*v[:5], f"... {len(v)} in all"] for k, v in self.errors.items()},
            "error_counts": {k: len(v) for k, v in self.errors.items()},
        }


def _database(url: str, name: str):
    from agentdesk.storage.connection import DESK_CONNECTION
    from agentdesk.storage.database import Database

    return Database(url, password_lookup=None, settings=replace(DESK_CONNECTION, pgbouncer=True, application_name=name))


class Desk:
    def __init__(self, plan: Plan, staff_id: int, rng: random.Random, rec: Recorder) -> None:
        from agentdesk.customer_overview import CustomerOverviewService
        from agentdesk.interaction_log import InteractionLog
        from agentdesk.queues import WorkQueue
        from agentdesk.search.customer_search import CustomerSearch
        from agentdesk_social.client import SocialServicesClient

        self.plan, self.staff_id, self.rng, self.rec = plan, staff_id, rng, rec
        self.db = _database(plan.url, f"city-desk-{staff_id}")
        self.search, self.overview = CustomerSearch(self.db.reads), CustomerOverviewService(self.db)
        self.log, self.work = InteractionLog(self.db), WorkQueue(self.db)
        self.social = SocialServicesClient(plan.social_url) if plan.social_url else None
        self.actor = f"city.agent{staff_id}"

    def warm_up(self) -> None:
        """What a desk open all day has done already: its connections opened and every statement
        compiled once (SQLAlchemy keeps a compiled cache per engine, and each desk has its own)."""
        cid, query, hetu = self.plan.customers[self.staff_id % len(self.plan.customers)]
        self.search.search(query)
        self.overview.open(cid, actor=self.actor)
        self.work.claim_next(self.staff_id, [-1])  # no such queue: the statement, nothing claimed
        self._log(self._draft(cid, dt.datetime.now(dt.UTC), "warm-up"))
        if self.social is not None and hetu:
            self._panel(hetu)

    def _panel(self, hetu: str):
        assert self.social is not None
        return self.social.client_relationships(hetu, timeout=5.0, purpose="customer_service")

    def _log(self, draft):
        return self.log.save(draft, agent_id=self.staff_id, actor=self.actor)

    @staticmethod
    def _draft(cid: int, started: dt.datetime, ref: str):
        from agentdesk.interaction_log import InteractionDraft
        from agentdesk.storage.models import Channel, Outcome

        return InteractionDraft(
            channel=Channel.PHONE,
            started_at=started,
            customer_id=cid,
            topic="general.advice",
            notes="Kysyi palvelun aukioloaikoja; kerrottu ja ohjattu verkkoasiointiin.",
            outcome=Outcome.RESOLVED_FIRST_CONTACT,
            external_ref=ref,
        )

    def run(self, stop_at: float) -> None:

        def think() -> bool:
            pause = self.rng.uniform(*THINK)
            if time.monotonic() + pause >= stop_at:
                return False
            time.sleep(pause)
            return True

        time.sleep(self.rng.uniform(0, THINK[1]))  # the desks are not in step
        try:
            while True:
                cid, query, hetu = self.rng.choice(self.plan.customers)
                started = dt.datetime.now(dt.UTC)
                self.rec.timed("search", lambda q=query: self.search.search(q))
                if not think():
                    return
                self.rec.timed("open", lambda c=cid: self.overview.open(c, actor=self.actor))
                if not think():
                    return
                item = self.rec.timed("claim", lambda: self.work.claim_next(self.staff_id, self.plan.queue_ids))
                if not think():
                    return
                if self.social is not None and hetu:
                    self.rec.timed("panel", lambda h=hetu: self._panel(h))
                    if not think():
                        return
                draft = self._draft(cid, started, item.external_ref if item is not None else "")
                saved = self.rec.timed(
                    "log", lambda d=draft: self.log.save(d, agent_id=self.staff_id, actor=self.actor)
                )
                if item is not None and saved is not None:
                    self.rec.timed("complete", lambda i=item.id, s=saved.id: self.work.complete(i, self.staff_id, s))
                if not think():
                    return
        finally:
            if self.social is not None:
                self.social.close()
            self.db.dispose()


class Dashboard:
    """A supervisor's dashboard: ``dashboard`` is a refresh that read the stored snapshot,
    ``dashboard_compute`` one whose turn it was to compute and store it (one per interval in all)."""

    def __init__(self, plan: Plan, index: int, rec: Recorder) -> None:
        from agentdesk.queues.dashboard_feed import DashboardFeed
        from agentdesk.queues.statistics import Statistics

        self.db = _database(plan.url, f"city-dashboard-{plan.worker}-{index}")
        self.statistics = Statistics(self.db)
        self.feed = DashboardFeed(self.db, self.statistics, interval=DASHBOARD_INTERVAL)
        self.rng, self.rec = random.Random(plan.worker * 10_000 + index), rec

    def warm_up(self) -> None:
        self.statistics.snapshot()  # the aggregates' statements compiled, as on a dashboard open all day
        self.feed.current()

    def run(self, stop_at: float) -> None:
        rec, feed = self.rec, self.feed
        time.sleep(self.rng.uniform(0, DASHBOARD_INTERVAL))
        try:
            while time.monotonic() < stop_at:
                t0, c0 = time.perf_counter(), time.thread_time()
                before = feed.stats.computed
                try:
                    feed.current()
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    with rec.lock:
                        rec.errors["dashboard"].append(f"{type(exc).__name__}: {str(exc)[:160]}")
                else:
                    op = "dashboard_compute" if feed.stats.computed > before else "dashboard"
                    wall, cpu = (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000
                    with rec.lock:
                        rec.wall[op].append(wall)
                        rec.cpu[op].append(cpu)
                time.sleep(max(0.0, DASHBOARD_INTERVAL - (time.perf_counter() - t0)))
        finally:
            self.db.dispose()


def work(plan: Plan, ready, go, results) -> None:
    """A worker process's body: build the desks, report ready, wait for ``go``, run, send the figures."""
    import gc

    rng = random.Random(plan.seed * 1000 + plan.worker)
    rec = Recorder()
    try:
        desks = [Desk(plan, staff_id, random.Random(rng.random()), rec) for staff_id in plan.desks]
        boards = [Dashboard(plan, i, rec) for i in range(plan.dashboards)]
        for part in (*desks, *boards):
            part.warm_up()
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        ready.put((plan.worker, f"{type(exc).__name__}: {exc}"))
        return
    gc.freeze()  # what was built so far is never collected; the desks' garbage is young
    ready.put((plan.worker, ""))
    go.wait()
    stop_at = time.monotonic() + plan.seconds
    threads = [threading.Thread(target=part.run, args=(stop_at,), daemon=True) for part in (*desks, *boards)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(plan.seconds + 60)
    results.put((plan.worker, rec.result()))
