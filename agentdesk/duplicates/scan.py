"""Full and incremental duplicate scans, and the explanation of every pair found.

``DuplicateScan(db).scan()`` reads the register (:func:`~agentdesk.duplicates.records.read_records`),
forms candidate pairs by blocking, compares each pair field by field and scores it with the
Fellegi–Sunter model. A *full* scan (the first one, or ``full=True``) trains the model and compares
every candidate pair; after it, a scan is *incremental*: only customers added or changed since the
last scan (id above the last scan's largest, or created/updated after its latest time) are compared,
against the whole register, with the model the full scan trained. The state table keeps the marks
and the model (:mod:`agentdesk.duplicates.state`). Pairs a steward rejected are never reported.

A pair's ``score`` is the model's probability that both records are one person; ``match`` at or above
:data:`MATCH_THRESHOLD`, ``review`` (for the steward's queue) at or above :data:`REVIEW_THRESHOLD`,
lower scores are not reported. Its ``evidence`` says per field which comparison level it had and what
that level weighs (bits: log2 m/u; positive speaks for one person, negative against).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field

import numpy as np

from agentdesk.duplicates import blocking, comparisons, normalise, records, snapshot, state
from agentdesk.duplicates.comparisons import FIELDS, LEVELS
from agentdesk.duplicates.model import Model
from agentdesk.storage.database import Database

log = logging.getLogger(__name__)

MATCH_THRESHOLD = 0.9
REVIEW_THRESHOLD = 0.5
RANDOM_PAIRS = 300_000
RANDOM_SEED = 20261202
SNAPSHOT_DELTA = 50_000  # changed records (or 5 % of the register) past which a scan reads it whole again


@dataclass(frozen=True, slots=True)
class RecordRef:
    register: str
    register_id: str
    customer_id: int


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    level: str
    weight: float  # bits


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    a: RecordRef
    b: RecordRef
    score: float
    decision: str  # "match" | "review"
    match_weight: float  # bits, the prior included
    evidence: dict[str, FieldEvidence]


@dataclass(frozen=True)
class ScanReport:
    mode: str  # "full" | "incremental"
    records: int  # persons in the register
    compared_records: int  # records whose pairs were compared (all of them in a full scan)
    compared_customer_ids: tuple[int, ...]  # in an incremental scan: the new or changed customers
    candidate_pairs: int
    pairs: list[DuplicatePair]
    blocking: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    prior: float = 0.0

    @property
    def matches(self) -> int:
        return sum(1 for p in self.pairs if p.decision == "match")

    @property
    def reviews(self) -> int:
        return sum(1 for p in self.pairs if p.decision == "review")


def random_pairs(n: int, count: int, seed: int = RANDOM_SEED) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, n, count)
    b = rng.integers(0, n, count)
    keep = a != b
    return a[keep], b[keep]


class DuplicateScan:
    def __init__(
        self, db: Database, *, match_threshold: float = MATCH_THRESHOLD, review_threshold: float = REVIEW_THRESHOLD
    ) -> None:
        self._db = db
        self.match_threshold = match_threshold
        self.review_threshold = review_threshold

    def scan(self, *, full: bool = False) -> ScanReport:
        clock = _Clock()
        with self._db.session() as s:
            mark = None if full else state.load(s)
            rejected = state.rejected_pairs(s)
        max_id, changed_until = records.high_water(self._db)
        new_ids: np.ndarray | None = None
        if mark is not None:
            new_ids = records.changed_since(self._db, mark.max_customer_id, mark.changed_until)
            if not len(new_ids):
                return ScanReport("incremental", 0, 0, (), 0, [], {}, clock.done())
        since_mark = (
            None if mark is None or new_ids is None else _Delta((mark.max_customer_id, mark.changed_until), new_ids)
        )
        ids, prepared = self._register(mark is None, max_id, changed_until, clock, since_mark)
        new_mask = None if new_ids is None else blocking.contains(new_ids, ids)
        a, b, counts = blocking.candidate_pairs(prepared, new=new_mask)
        if rejected:
            a, b = _without_rejected(ids, a, b, rejected)
        clock.lap("blocking")
        levels = comparisons.compare(prepared, a, b)
        clock.lap("compare")
        n = len(ids)
        if mark is None:
            model = Model()
            ra, rb = random_pairs(n, min(RANDOM_PAIRS, max(n * 3, 1)))
            model.estimate_u(comparisons.compare(prepared, ra, rb))
            if len(a):
                model.train(levels, all_pairs=n * (n - 1) / 2)
            clock.lap("train")
        else:
            model = Model.from_json(mark.model)
        scores = model.scores(levels)
        clock.lap("score")
        pairs = self._explain(ids, prepared.register_key, model, a, b, levels, scores)
        clock.lap("explain")
        with self._db.session() as s, s.begin():
            state.save(s, state.ScanMark(max_id, changed_until, model.to_json()), n)
        compared = tuple(int(i) for i in ids[new_mask]) if new_mask is not None else ()
        report = ScanReport(
            mode="full" if mark is None else "incremental",
            records=n,
            compared_records=n if new_mask is None else int(new_mask.sum()),
            compared_customer_ids=compared,
            candidate_pairs=len(a),
            pairs=pairs,
            blocking=counts,
            seconds=clock.done(),
            prior=model.prior,
        )
        log.info(
            "duplicate scan (%s): %d records, %d compared, %d candidate pairs, %d match, %d review, %.1f s",
            report.mode,
            report.records,
            report.compared_records,
            report.candidate_pairs,
            report.matches,
            report.reviews,
            report.seconds.get("total", 0.0),
        )
        return report

    def _register(
        self, full: bool, max_id: int, changed_until: dt.datetime | None, clock: _Clock, since_mark: _Delta | None
    ) -> tuple[np.ndarray, normalise.Prepared]:
        """The prepared register: read whole (a full scan, no usable snapshot, or too much changed since
        it), or the snapshot with what changed since it folded in. ``since_mark``: the customers changed
        since the last scan's marks (reused when the snapshot was taken at the same marks)."""
        snap = None
        if not full:
            with self._db.session() as s:
                snap = state.load_snapshot(s)
        if snap is not None:
            if since_mark is not None and (snap.max_customer_id, snap.changed_until) == since_mark.marks:
                delta_ids = since_mark.ids
            else:
                delta_ids = records.changed_since(self._db, snap.max_customer_id, snap.changed_until)
            try:
                loaded: tuple[np.ndarray, normalise.Prepared] | None = snapshot.load(snap.data)
            except ValueError as exc:
                log.info("duplicate scan: the snapshot cannot be used (%s); reading the register whole", exc)
                loaded = None
            if loaded is not None and len(delta_ids) <= max(SNAPSHOT_DELTA, len(loaded[0]) // 20):
                base_ids, base = loaded
                clock.lap("snapshot")
                delta = records.read_records(self._db, delta_ids)
                added = len(delta.customer_id) - int(blocking.contains(base_ids, delta.customer_id).sum())
                # every person now is in the snapshot or the delta; the counts differ only when some are gone
                gone = records.person_count(self._db) != len(base_ids) + added
                present = records.person_ids(self._db) if gone else None
                clock.lap("read")
                ids, prepared = snapshot.merge(base_ids, base, delta.customer_id, normalise.prepare(delta), present)
                clock.lap("prepare")
                return ids, prepared
        recs = records.read_records(self._db)
        clock.lap("read")
        prepared = normalise.prepare(recs)
        clock.lap("prepare")
        with self._db.session() as s, s.begin():
            data = snapshot.dump(recs.customer_id, prepared)
            state.save_snapshot(s, state.Snapshot(max_id, changed_until, data), len(recs))
        clock.lap("snapshot")
        return recs.customer_id, prepared

    def _explain(
        self,
        ids: np.ndarray,
        register_key: normalise.Coded,
        model: Model,
        a: np.ndarray,
        b: np.ndarray,
        levels: np.ndarray,
        scores: np.ndarray,
    ) -> list[DuplicatePair]:
        keep = np.flatnonzero(scores >= self.review_threshold)
        keep = keep[np.argsort(-scores[keep], kind="stable")]
        table = model.weight_table()
        prior = model.prior_weight()
        out = []
        for i in keep.tolist():
            ia, ib = int(a[i]), int(b[i])
            row = levels[i]
            evidence = {
                name: FieldEvidence(LEVELS[name][row[j]], round(float(table[name][row[j]]), 2))
                for j, name in enumerate(FIELDS)
            }
            weight = prior + sum(e.weight for e in evidence.values())
            score = float(scores[i])
            out.append(
                DuplicatePair(
                    a=_ref(int(ids[ia]), register_key, ia),
                    b=_ref(int(ids[ib]), register_key, ib),
                    score=round(score, 4),
                    decision="match" if score >= self.match_threshold else "review",
                    match_weight=round(weight, 2),
                    evidence=evidence,
                )
            )
        return out


def _ref(customer_id: int, register_key: normalise.Coded, index: int) -> RecordRef:
    """The record as its register knows it: the register id a register import left on the customer
    (``"register:value"``), else the customer in AgentDesk's own register."""
    code = int(register_key.codes[index])
    if code >= 0:
        register, _, register_id = register_key.values[code].partition(":")
        return RecordRef(register, register_id, customer_id)
    return RecordRef(records.OWN_REGISTER, str(customer_id), customer_id)


def _without_rejected(
    ids: np.ndarray, a: np.ndarray, b: np.ndarray, rejected: set[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray]:
    width = np.int64(int(ids.max()) + 1) if len(ids) else np.int64(1)
    pair_codes = ids[a] * width + ids[b]  # a < b as indices, and ids ascend, so ids[a] < ids[b]
    gone = np.asarray([lo * int(width) + hi for lo, hi in rejected], dtype=np.int64)
    keep = ~np.isin(pair_codes, gone)
    return a[keep], b[keep]


@dataclass(frozen=True)
class _Delta:
    marks: tuple[int, dt.datetime | None]  # the scan marks it was taken at
    ids: np.ndarray  # the customers added or changed since them, ascending


class _Clock:
    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 3)
        self.last = now

    def done(self) -> dict[str, float]:
        return self.laps | {"total": round(time.perf_counter() - self.started, 3)}
