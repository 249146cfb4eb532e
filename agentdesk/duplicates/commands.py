"""``agentdesk duplicates scan [--db URL] [--json] [--full]``: find likely duplicate persons in the register.

The first scan (or ``--full``) trains the model and compares the whole register; later scans compare
only customers added or changed since the last one. The pairs found go to the data steward's review
queue (the steward's desk in the desktop, :mod:`agentdesk.duplicates.review_record`), keeping the
decisions already made. ``--json`` prints one JSON object::

    {"mode": "full", "records": 1000, "compared_records": 1000, "candidate_pairs": 5321,
     "matches": 18, "reviews": 4, "thresholds": {"match": 0.9, "review": 0.5}, "seconds": {...},
     "blocking": {"hetu": 12, ...},
     "pairs": [{"records": [{"register": "agentdesk", "register_id": "17", "customer_id": 17},
                            {"register": "agentdesk", "register_id": "980", "customer_id": 980}],
                "score": 0.9993, "decision": "match", "match_weight": 10.5,
                "evidence": {"first_names": {"level": "variant", "weight": 4.1}, ...}}]}

Nothing printed holds a name, a date or a code: records are named by register and id, evidence by level.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dup = sub.add_parser("duplicates", help="likely duplicate persons across the register")
    dsub = dup.add_subparsers(dest="duplicates_command", metavar="ACTION", required=True)
    scan = dsub.add_parser("scan", help="find duplicate candidates (incremental after the first scan)")
    scan.add_argument("--json", action="store_true", help="print one JSON object")
    scan.add_argument("--full", action="store_true", help="retrain the model and compare the whole register")
    scan.add_argument(
        "--db",
        metavar="URL",
        help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB (password from the OS keyring); "
        "default: the embedded database",
    )
    scan.set_defaults(func=_cmd_scan)


def report_json(report: Any, match_threshold: float, review_threshold: float) -> dict[str, Any]:
    return {
        "mode": report.mode,
        "records": report.records,
        "compared_records": report.compared_records,
        "candidate_pairs": report.candidate_pairs,
        "matches": report.matches,
        "reviews": report.reviews,
        "thresholds": {"match": match_threshold, "review": review_threshold},
        "prior": report.prior,
        "seconds": report.seconds,
        "blocking": report.blocking,
        "pairs": [
            {
                "records": [
                    {"register": r.register, "register_id": r.register_id, "customer_id": r.customer_id}
                    for r in (p.a, p.b)
                ],
                "score": p.score,
                "decision": p.decision,
                "match_weight": p.match_weight,
                "evidence": {name: {"level": e.level, "weight": e.weight} for name, e in p.evidence.items()},
            }
            for p in report.pairs
        ],
    }


def _cmd_scan(args: argparse.Namespace) -> int:
    from agentdesk.duplicates.review_record import record_scan
    from agentdesk.duplicates.scan import DuplicateScan
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(args.db)
    schema.check_current(db)
    scanner = DuplicateScan(db)
    report = scanner.scan(full=args.full)
    queued = record_scan(db, report)
    if args.json:
        print(json.dumps(report_json(report, scanner.match_threshold, scanner.review_threshold), ensure_ascii=False))
        return 0
    print(
        f"{report.mode} scan: {report.records:,} persons, {report.compared_records:,} compared, "
        f"{report.candidate_pairs:,} candidate pairs: {report.matches:,} match, {report.reviews:,} to review "
        f"({report.seconds.get('total', 0.0):.1f} s); review queue: {queued.added:,} new, "
        f"{queued.updated + queued.reopened:,} again, {queued.dropped:,} no longer found"
    )
    for p in report.pairs:
        shown = "  ".join(
            f"{name}={e.level}({e.weight:+.1f})" for name, e in p.evidence.items() if e.level != "missing"
        )
        print(
            f"{p.a.register}:{p.a.register_id} ~ {p.b.register}:{p.b.register_id}  "
            f"{p.score:.3f} {p.decision:<6}  {shown}"
        )
    return 0
