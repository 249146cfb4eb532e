"""The supervisor dashboard computed once per interval, whatever the number of open dashboards.

Twenty supervisors with the dashboard open used to run its six aggregate queries twenty times every
2 s. Now one stored snapshot (table ``dashboard_snapshot``) serves them all:

- :meth:`DashboardFeed.current` reads the stored snapshot (one primary-key read). While it is fresh
  (younger than ``interval``) that is all a dashboard costs the database.
- When it is stale, the first dashboard to ask *claims* the computation with one conditional
  ``UPDATE ... WHERE computed_at <= stale AND (claimed_until IS NULL OR claimed_until < now)``:
  exactly one claim succeeds (the row lock of the UPDATE decides on PostgreSQL, the database lock on
  SQLite). The winner computes (:meth:`agentdesk.queues.statistics.Statistics.snapshot`), stores it
  and, on PostgreSQL, sends ``NOTIFY agentdesk_dashboard``; the others show the stored one (at most one
  interval old) and get the new one at their next tick. A claim that is never finished (the desk was
  killed) lapses after ``claim_seconds``.

No session-level state: it works the same through PgBouncer in transaction mode, on a direct
connection and on a single workstation's SQLite file. On a direct PostgreSQL connection a dashboard
can also :func:`listen` for the notification instead of re-reading on its timer.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, text, update

from agentdesk.queues.snapshot_codec import SnapshotFormatError, dumps, loads
from agentdesk.queues.statistics import DashboardSnapshot, Statistics
from agentdesk.queues.work_queue import aware_utc
from agentdesk.storage.database import Database
from agentdesk.storage.models import DashboardSnapshotRow

log = logging.getLogger(__name__)

SCOPE = 1  # the whole contact centre
CHANNEL = "agentdesk_dashboard"  # the NOTIFY channel


@dataclass(frozen=True, slots=True)
class FeedStats:
    reads: int
    computed: int


class DashboardFeed:
    def __init__(
        self,
        db: Database,
        statistics: Statistics | None = None,
        *,
        interval: float = 2.0,
        claim_seconds: float = 10.0,
    ) -> None:
        self._db = db
        self._statistics = statistics or Statistics(db)
        self.interval = dt.timedelta(seconds=interval)
        self._claim = dt.timedelta(seconds=claim_seconds)
        self._lock = threading.Lock()
        self._reads = 0
        self._computed = 0
        self._cached: tuple[int, DashboardSnapshot] | None = None  # (seq, snapshot) last read

    @property
    def stats(self) -> FeedStats:
        """How often this feed read the stored snapshot and how often it computed one (benchmarks)."""
        with self._lock:
            return FeedStats(self._reads, self._computed)

    def current(self, now: dt.datetime | None = None) -> DashboardSnapshot:
        """The dashboard's figures as of at most one interval ago (computed here if it is this desk's turn)."""
        now = aware_utc(now)
        stored = self._read()
        if stored is not None and now - stored.at < self.interval:
            return stored
        if self._claim_computation(now):
            return self._compute(now)
        if stored is not None:
            return stored  # another desk is computing it right now
        return self._statistics.snapshot(now)  # nothing stored yet and someone else is on it: ours, unstored

    def _read(self) -> DashboardSnapshot | None:
        with self._lock:
            self._reads += 1
        row = DashboardSnapshotRow
        # A Core read on a pooled connection (no ORM session: a refresh is this one row); the text is
        # decoded only when another desk stored a new snapshot since this feed last read it.
        with self._db.engine.connect() as conn:
            seq = conn.execute(select(row.seq).where(row.id == SCOPE)).scalar()
            if seq is None:
                return None  # no row: a database from before the feed (the migration adds it)
            cached = self._cached
            if cached is not None and cached[0] == seq:
                return cached[1]
            payload = conn.execute(select(row.payload).where(row.id == SCOPE)).scalar()
        if not payload:
            return None
        try:
            snapshot = loads(DashboardSnapshot, payload)
        except (SnapshotFormatError, ValueError, TypeError) as exc:
            # Written by another version of AgentDesk, or damaged: computed afresh at this tick.
            log.warning("the stored dashboard snapshot cannot be read (%s); computing it", type(exc).__name__)
            return None
        self._cached = (seq, snapshot)
        return snapshot

    def _claim_computation(self, now: dt.datetime) -> bool:
        row = DashboardSnapshotRow
        with self._db.session() as s, s.begin():
            claimed = s.execute(
                update(row)
                .where(
                    row.id == SCOPE,
                    row.computed_at <= now - self.interval,
                    (row.claimed_until.is_(None)) | (row.claimed_until < now),
                )
                .values(claimed_until=now + self._claim)
            )
            return bool(getattr(claimed, "rowcount", 0) == 1)

    def _compute(self, now: dt.datetime) -> DashboardSnapshot:
        try:
            snapshot = self._statistics.snapshot(now)
        except BaseException:
            self._release()
            raise
        row = DashboardSnapshotRow
        with self._db.session() as s, s.begin():
            seq = s.execute(
                update(row)
                .where(row.id == SCOPE)
                .values(computed_at=now, claimed_until=None, seq=row.seq + 1, payload=dumps(snapshot))
                .returning(row.seq)
            ).scalar()
            if self._db.dialect == "postgresql":
                s.execute(text(f"NOTIFY {CHANNEL}"))  # sent when this transaction commits
        with self._lock:
            self._computed += 1
        if seq is not None:
            self._cached = (seq, snapshot)
        return snapshot

    def _release(self) -> None:
        with self._db.session() as s, s.begin():
            s.execute(update(DashboardSnapshotRow).where(DashboardSnapshotRow.id == SCOPE).values(claimed_until=None))


def listen(db: Database, on_snapshot: Callable[[], None], stop: threading.Event, *, poll: float = 1.0) -> None:
    """Call ``on_snapshot()`` each time a new snapshot is stored, until ``stop`` is set (a thread's body).

    PostgreSQL on a direct connection only (LISTEN needs a session of its own, which PgBouncer in
    transaction mode does not keep); returns at once elsewhere, and the dashboard polls instead."""
    if db.dialect != "postgresql" or db.settings.pgbouncer:
        return
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.autocommit = True  # type: ignore[union-attr]  # psycopg.Connection
        conn.execute(f"LISTEN {CHANNEL}")  # type: ignore[union-attr]
        while not stop.is_set():
            for _note in conn.notifies(timeout=poll, stop_after=1):  # type: ignore[union-attr]
                on_snapshot()
    finally:
        raw.invalidate()  # a LISTENing session goes back to no pool
