"""``agentdesk report``: a management report from a shell or a scheduled job.

    agentdesk report [--db URL] --from YYYY-MM-DD --to YYYY-MM-DD [--department CODE ...] [--queue CODE ...]
        [--channel phone|email|walk_in|web ...] [--topic CODE ...] [--municipality NAME ...]
        --format csv|xlsx|pdf [--out FILE]

Without ``--out`` a CSV goes to standard output; XLSX and PDF need a file. Costs per contact come from the
applied department profile's ``[reports]`` table (``--profile FILE`` to read another one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from agentdesk.reports.exports import FORMATS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="a management report over a period, as CSV, XLSX or PDF")
    p.add_argument("--db", metavar="URL", help="database URL; default: the embedded database")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", required=True, help="first day (Helsinki)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", required=True, help="last day, inclusive")
    p.add_argument("--department", action="append", default=[], metavar="CODE")
    p.add_argument("--queue", action="append", default=[], metavar="CODE")
    p.add_argument("--channel", action="append", default=[], metavar="phone|email|walk_in|web")
    p.add_argument("--topic", action="append", default=[], metavar="CODE")
    p.add_argument("--municipality", action="append", default=[], metavar="NAME")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", metavar="FILE", help="where to write (CSV: standard output without it)")
    p.add_argument("--profile", metavar="FILE", help="department profile for the costs per contact")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from agentdesk.reports.exports import to_csv, write
    from agentdesk.reports.query import ReportQuery, ReportQueryError, parse_channels, parse_day

    if args.format != "csv" and not args.out:
        return _fail(f"--format {args.format} writes a file: give --out FILE")
    try:
        query = ReportQuery(
            parse_day(args.start, "from"),
            parse_day(args.end, "to"),
            departments=tuple(args.department),
            queues=tuple(args.queue),
            channels=parse_channels(args.channel),
            topics=tuple(args.topic),
            municipalities=tuple(args.municipality),
        )
        report = _reports(args).run(query)
    except ReportQueryError as exc:
        return _fail(f"--{exc.field}: {exc.message}")
    if args.out:
        out = Path(args.out)
        try:
            write(report, args.format, out)
        except OSError as exc:
            return _fail(f"cannot write {out}: {exc.strerror or exc}")
        print(f"{out}: {args.format} report {query.start} - {query.end}, {report.current.total.contacts} contacts")
    else:
        sys.stdout.write(to_csv(report))
    return 0


def _reports(args: argparse.Namespace) -> Any:
    from agentdesk.reports.service import Reports
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk.topics import TopicFileError, load_topics

    db = Database(args.db)
    schema.check_current(db)
    try:
        topics: list[str] | None = [t.code for t in load_topics()]
    except TopicFileError:
        topics = None  # no taxonomy to check against: any topic code is taken as given
    return Reports(db, cost_per_contact=_costs(args.profile), topics=topics)


def _costs(profile_file: str | None) -> dict[Any, float]:
    """The applied profile's costs per contact (or ``--profile FILE``'s); none without a profile."""
    from agentdesk.deployment.profile import load_profile
    from agentdesk.deployment.profile_store import ProfileStore

    profile = load_profile(profile_file, installed=None) if profile_file else ProfileStore(installed=None).current()
    return dict(profile.reports.cost_per_contact) if profile is not None else {}


def _fail(message: str) -> int:
    print(f"agentdesk report: {message}", file=sys.stderr)
    return 2
