"""Duplicate detection over the whole register: AgentDesk's scan side by side with splink, same records, same run.

    python benchmarks/duplicates.py --people 1000000       # the target size (seeding takes ~4 min once)
    python benchmarks/duplicates.py --people 200000 --no-splink

The population (``seed_population(db, N, seed=1, duplicate_share=0.05, hard_duplicates=0.5)``: 5 % of
the persons have a duplicate record from another register, half of those hard ones — a nickname, day
and month swapped, a move, two typos, a mistyped identity code, more fields missing) is seeded once
into ``.tmp/bench/duplicates-<N>.sqlite3`` and copied for each run (the run adds records). The truth
is ``synthetic_duplicate``. What it measures:

- ``ours``: ``DuplicateScan(db).scan(full=True)`` — reading the register, blocking, comparing,
  training, scoring, explaining; precision, recall and F1 of the pairs it calls ``match``, and of
  ``match`` + ``review``; seconds (wall) with its phases.
- ``splink``: splink 5 (DuckDB) on the same records (benchmarks/splink_baseline.py), reading them
  with the same reader (its seconds include that read); precision, recall, F1 at the same match
  threshold, and its best F1 over thresholds.
- ``incremental``: 10,000 more people seeded (with their duplicates), then ``scan()`` — only the new
  records compared against the register; seconds, and its precision/recall on the new ground truth.
- ``calibration`` (benchmarks/calibration.py): ``python_loop_ms`` in the same run, and the targets
  (full scan ≤ 60 s, incremental ≤ 5 s at 1,000,000) as ratios to it.

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import calibration
from splink_baseline import run_splink

TARGETS = {"full_scan_s": 60.0, "incremental_s": 5.0}
DUPLICATE_SHARE = 0.05
HARD_SHARE = 0.5
INCREMENTAL_PEOPLE = 10_000


def seeded_base(people: int, seed: int) -> Path:
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    folder = REPO / ".tmp" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"duplicates-{people}-{seed}.sqlite3"
    if path.exists():
        return path
    from agentdesk_demo.population.bulk_load import seed_population
    from agentdesk_demo.progress import ProgressBar

    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = Database(f"sqlite:///{partial}")
    schema.upgrade(db)
    print(f"seeding {people:,} people into {path} ...", file=sys.stderr)
    report = seed_population(
        db, people, seed=seed, duplicate_share=DUPLICATE_SHARE, hard_duplicates=HARD_SHARE, progress=ProgressBar()
    )
    db.dispose()
    print(report.describe(), file=sys.stderr)
    partial.rename(path)
    return path


def truth_pairs(db, min_id: int = 0) -> set[tuple[int, int]]:
    raw = db.engine.raw_connection()
    try:
        rows = raw.cursor().execute(
            "SELECT duplicate_customer_id, original_customer_id FROM synthetic_duplicate"
            " WHERE duplicate_customer_id > ?",
            (min_id,),
        )
        return {(min(a, b), max(a, b)) for a, b in rows.fetchall()}
    finally:
        raw.close()


def quality(predicted: set[tuple[int, int]], truth: set[tuple[int, int]]) -> dict[str, float]:
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": len(predicted),
        "true_positives": tp,
    }


def best_f1(scored: dict[tuple[int, int], float], truth: set[tuple[int, int]]) -> dict[str, float]:
    best = {"f1": 0.0, "threshold": None}
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999):
        q = quality({p for p, s in scored.items() if s >= threshold}, truth)
        if q["f1"] > best["f1"]:
            best = {"f1": q["f1"], "threshold": threshold, "precision": q["precision"], "recall": q["recall"]}
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-splink", action="store_true", help="skip the splink baseline")
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental scan")
    args = parser.parse_args()

    from agentdesk.duplicates import normalise, records
    from agentdesk.duplicates.scan import DuplicateScan
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    base = seeded_base(args.people, args.seed)
    run_path = base.with_name(base.stem + "-run.sqlite3")
    shutil.copyfile(base, run_path)
    db = Database(f"sqlite:///{run_path}")
    schema.upgrade(db)
    truth = truth_pairs(db)
    out: dict = {"benchmark": "duplicates", "people": args.people, "true_pairs": len(truth)}
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]

    scanner = DuplicateScan(db)
    report = scanner.scan(full=True)
    match = {(p.a.customer_id, p.b.customer_id) for p in report.pairs if p.decision == "match"}
    either = {(p.a.customer_id, p.b.customer_id) for p in report.pairs}
    out["records"] = report.records
    out["ours"] = {
        "seconds": report.seconds["total"],
        "phases": report.seconds,
        "candidate_pairs": report.candidate_pairs,
        "match": quality(match, truth),
        "match_or_review": quality(either, truth),
        "best": best_f1({(p.a.customer_id, p.b.customer_id): p.score for p in report.pairs}, truth),
    }
    print(f"ours:   {out['ours']['match']} in {report.seconds['total']:.1f} s ({report.seconds})", file=sys.stderr)

    if not args.no_splink:
        started = time.perf_counter()
        recs = records.read_records(db)
        prepared = normalise.prepare(recs)
        read = time.perf_counter() - started
        scored, seconds = run_splink(recs, prepared, scanner.review_threshold)
        splink_match = {p for p, s in scored.items() if s >= scanner.match_threshold}
        out["splink"] = {
            "seconds": round(read + seconds["total"], 3),
            "phases": {"read": round(read, 3), **seconds},
            "match": quality(splink_match, truth),
            "match_or_review": quality(set(scored), truth),
            "best": best_f1(scored, truth),
        }
        print(f"splink: {out['splink']['match']} in {out['splink']['seconds']:.1f} s ({seconds})", file=sys.stderr)

    if not args.no_incremental:
        from agentdesk_demo.population.bulk_load import seed_population

        before = records.high_water(db)[0]
        added = seed_population(
            db,
            INCREMENTAL_PEOPLE,
            seed=args.seed + 1000,
            duplicate_share=DUPLICATE_SHARE,
            hard_duplicates=HARD_SHARE,
            background=False,
        )
        new_truth = truth_pairs(db, before)
        inc = scanner.scan()
        inc_match = {(p.a.customer_id, p.b.customer_id) for p in inc.pairs if p.decision == "match"}
        out["incremental"] = {
            "added_records": added.customers,
            "compared_records": inc.compared_records,
            "seconds": inc.seconds["total"],
            "phases": inc.seconds,
            "candidate_pairs": inc.candidate_pairs,
            "match": quality(inc_match, new_truth),
        }
        print(f"incremental: {out['incremental']}", file=sys.stderr)

    cal = calibration.measure()
    figures = {"full_scan_s": out["ours"]["seconds"]}
    if "incremental" in out:
        figures["incremental_s"] = out["incremental"]["seconds"]
    out.update(calibration.calibrated(cal, per_python_loop=figures, targets_per_python_loop=TARGETS))
    out["targets"] = TARGETS
    out["load_average_end"] = [round(x, 2) for x in os.getloadavg()]  # a shared machine: how busy it was
    if "splink" in out:
        out["f1_at_least_splink"] = out["ours"]["match"]["f1"] >= out["splink"]["match"]["f1"]
        out["faster_than_splink"] = out["ours"]["seconds"] < out["splink"]["seconds"]
    db.dispose()
    run_path.unlink(missing_ok=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
