"""``agentdesk report``: a management report from a shell or a scheduled job.

    agentdesk report [--db URL] --from YYYY-MM-DD --to YYYY-MM-DD [--department CODE ...] [--queue CODE ...]
        [--channel phone|email|walk_in|web ...] [--topic CODE ...] [--municipality NAME ...]
        --format csv|xlsx|pdf [--out FILE]

    agentdesk report update-summaries [--db URL]     # roll up the days since the last run (nightly)
    agentdesk report rebuild-summaries [--db URL]    # recompute every day's summary from the raw rows

Without ``--out`` a CSV goes to standard output; XLSX and PDF need a file. Costs per contact come from the
applied department profile's ``[reports]`` table (``--profile FILE`` to read another one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from agentdesk.reports.exports import FORMATS

SUMMARY_ACTIONS = ("update-summaries", "rebuild-summaries")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="a management report over a period, as CSV, XLSX or PDF")
    p.add_argument(
        "summaries",
        nargs="?",
        choices=SUMMARY_ACTIONS,
        help="keep the daily summaries the reports read instead of a report (IT, nightly)",
    )
    p.add_argument("--db", metavar="URL", help="database URL; default: the embedded database")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (Helsinki); required for a report")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day, inclusive; required for a report")
    p.add_argument("--department", action="append", default=[], metavar="CODE")
    p.add_argument("--queue", action="append", default=[], metavar="CODE")
    p.add_argument("--channel", action="append", default=[], metavar="phone|email|walk_in|web")
    p.add_argument("--topic", action="append", default=[], metavar="CODE")
    p.add_argument("--municipality", action="append", default=[], metavar="NAME")
    p.add_argument("--format", choices=FORMATS, help="required for a report")
    p.add_argument("--out", metavar="FILE", help="where to write (CSV: standard output without it)")
    p.add_argument("--profile", metavar="FILE", help="department profile for the costs per contact")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from agentdesk.reports.exports import to_csv, write
    from agentdesk.reports.query import ReportQuery, ReportQueryError, parse_channels, parse_day

    if args.summaries:
        return _summaries(args)
    missing = [
        flag for flag, value in (("--from", args.start), ("--to", args.end), ("--format", args.format)) if not value
    ]
    if missing:
        return _fail(f"a report needs {', '.join(missing)}")
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


def _summaries(args: argparse.Namespace) -> int:
    from agentdesk.reports.summaries import ReportSummaries, SummaryLockTimeout
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(args.db)
    try:
        schema.check_current(db)
        summaries = ReportSummaries(db)
        done = summaries.rebuild() if args.summaries == "rebuild-summaries" else summaries.update()
    except (schema.SchemaMismatch, SummaryLockTimeout) as exc:
        return _fail(str(exc))
    finally:
        db.dispose()
    print(done.describe())
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
