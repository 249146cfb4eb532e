"""The data protection subcommands of ``agentdesk``::

agentdesk audit verify [--db URL]                       check the audit hash chain; exit 1 naming
                                                        the first entry changed, removed or inserted
agentdesk audit access-log --customer ID|HETU [--from DATE] [--to DATE] [--out FILE] [--language fi|sv|en]
                           [--staff name|id] [--db URL]
                                                        the citizen's access-log document (HTML); audited
agentdesk gdpr export --customer ID|HETU [--db URL] [--out FILE]
                                                        everything held on one person: FILE (JSON)
                                                        and FILE with .html; audited
agentdesk retention run [--dry-run] [--profile FILE] [--db URL]
                                                        anonymise the department's old contacts
                                                        (the profile's [retention]); audited
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agentdesk.storage.database import Database

__all__ = ["register"]


def _err(message: str) -> None:
    print(f"agentdesk: {message}", file=sys.stderr)


@contextmanager
def _database(url: str | None) -> Iterator[Database]:
    """The database, checked to be on this program's schema, and closed afterwards."""
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(url)
    try:
        schema.check_current(db)
        yield db
    finally:
        db.dispose()


def cli_actor() -> str:
    """Who ran a command, for the audit: ``cli:<the OS account>``."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "unknown"
    return f"cli:{user}"[:64]


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    from agentdesk import audit_chain

    with _database(args.db) as db, db.session() as s:
        report = audit_chain.verify(s)
    print(report.describe(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def _cmd_restrict(args: argparse.Namespace) -> int:
    """IT's (an administrator's) way to restrict a customer; the audit names the OS account."""
    from agentdesk.need_to_know import Viewer
    from agentdesk.restricted_customers import RestrictedCustomers
    from agentdesk.storage.kinds import StaffRole

    admin = Viewer(cli_actor(), StaffRole.ADMIN, None)
    try:
        with _database(args.db) as db:
            service = RestrictedCustomers(db)
            if args.lift:
                service.lift(args.customer, viewer=admin)
                print(f"customer {args.customer}: restriction lifted")
                return 0
            service.restrict(args.customer, viewer=admin, reason=args.reason, allowed_roles=args.roles)
            r = service.restriction(args.customer)
    except (LookupError, ValueError) as exc:
        _err(str(exc))
        return 1
    assert r is not None
    print(f"customer {args.customer}: restricted ({r.reason or 'no reason'}); may open: {' '.join(r.allowed_roles)}")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _cmd_audit_access_log(args: argparse.Namespace) -> int:
    from agentdesk import access_log, access_log_document

    filters = access_log.AccessFilter(start=args.start, end=args.end)
    if filters.problem():
        _err(f"--from/--to: {filters.problem()}")
        return 1
    try:
        with _database(args.db) as db:
            report = access_log.AccessLog(db).review(
                args.customer,
                filters,
                actor=cli_actor(),
                purpose="citizen's access-log request",
                action=access_log.DOCUMENT_ACTION,
            )
    except access_log.CustomerNotFound as exc:
        _err(str(exc))
        return 1
    language = args.language or report.citizen.language.value
    text = access_log_document.render_html(report, language=language, staff=access_log_document.StaffShown(args.staff))
    out = Path(args.out) if args.out else Path(f"access-log-customer-{report.citizen.customer_id}.html")
    try:
        _write_private(out, text)
    except OSError as exc:
        _err(f"cannot write the document: {exc.strerror or exc} ({exc.filename})")
        return 1
    print(f"customer {report.citizen.customer_id}: {len(report.accesses)} accesses; wrote {out} ({language})")
    return 0


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read (it holds a person's data)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)


def _cmd_gdpr_export(args: argparse.Namespace) -> int:
    from agentdesk import gdpr_export

    try:
        with _database(args.db) as db:
            result = gdpr_export.export(db, args.customer, actor=cli_actor())
    except gdpr_export.CustomerNotFound as exc:
        _err(str(exc))
        return 1
    out = Path(args.out) if args.out else Path(f"gdpr-export-customer-{result.customer_id}.json")
    json_path = out.with_suffix(".json") if out.suffix.lower() in (".html", ".htm") else out
    html_path = json_path.with_suffix(".html")
    try:
        _write_private(json_path, result.json_text())
        _write_private(html_path, result.html_text(args.language))
    except OSError as exc:
        _err(f"cannot write the export: {exc.strerror or exc} ({exc.filename})")
        return 1
    counts = ", ".join(f"{len(result.data[k])} {k.replace('_', ' ')}" for k in gdpr_export.SECTIONS)
    print(f"customer {result.customer_id}: {counts}")
    print(f"wrote {json_path} and {html_path}")
    return 0


def _cmd_retention_run(args: argparse.Namespace) -> int:
    from agentdesk import retention
    from agentdesk.deployment.commands import _profile_for

    profile = _profile_for(args)
    if profile is None:
        return 1
    if profile.retention is None:
        print(f"{profile.source}: no [retention] table; nothing is anonymised for department {profile.department}")
        return 0
    try:
        with _database(args.db or profile.database_url) as db:
            report = retention.run(db, profile.department, profile.retention, dry_run=args.dry_run)
    except retention.RetentionError as exc:
        _err(str(exc))
        return 1
    print(report.describe())
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def db_option(p: argparse.ArgumentParser, default: str = "the embedded database") -> None:
        urls = "sqlite:///PATH or postgresql://USER@HOST:PORT/DB (password from the OS keyring)"
        p.add_argument("--db", metavar="URL", help=f"{urls}; default: {default}")

    audit = sub.add_parser("audit", help="the audit log: verify its hash chain, a citizen's access log")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = asub.add_parser("verify", help="check the hash chain; exit 1 naming the first entry tampered with")
    db_option(verify)
    verify.set_defaults(func=_cmd_audit_verify)
    access = asub.add_parser(
        "access-log", help="the citizen's access-log request: who handled their data, as a document (audited)"
    )
    access.add_argument("--customer", required=True, metavar="ID|HETU", help="customer id or henkilötunnus")
    access.add_argument("--from", dest="start", type=_day, metavar="DATE", help="first day (YYYY-MM-DD), included")
    access.add_argument("--to", dest="end", type=_day, metavar="DATE", help="last day (YYYY-MM-DD), included")
    access.add_argument("--out", metavar="FILE", help="the HTML document; default access-log-customer-ID.html")
    access.add_argument(
        "--language", choices=("fi", "sv", "en"), help="the document's language (default: the citizen's own)"
    )
    access.add_argument(
        "--staff",
        choices=("name", "id"),
        default="name",
        help="staff shown by name and unit (default) or by staff id, as the city's policy says",
    )
    db_option(access)
    access.set_defaults(func=_cmd_audit_access_log)

    gdpr = sub.add_parser("gdpr", help="the citizen's data rights")
    gsub = gdpr.add_subparsers(dest="gdpr_command", metavar="ACTION", required=True)
    export = gsub.add_parser("export", help="everything held on one person, as JSON and HTML (audited)")
    export.add_argument("--customer", required=True, metavar="ID|HETU", help="customer id or henkilötunnus")
    export.add_argument(
        "--out", metavar="FILE", help="the JSON file (the HTML beside it); default gdpr-export-customer-ID.json"
    )
    export.add_argument(
        "--language", choices=("fi", "sv", "en"), default="fi", help="the HTML document's language (default fi)"
    )
    db_option(export)
    export.set_defaults(func=_cmd_gdpr_export)

    restrict = sub.add_parser("restrict", help="mark a customer restricted to named staff roles (audited)")
    restrict.add_argument("--customer", required=True, type=int, metavar="ID")
    restrict.add_argument("--reason", default="", help='e.g. "staff member", "public figure"')
    restrict.add_argument("--roles", default="", metavar="ROLES", help='who may open it, e.g. "supervisor admin"')
    restrict.add_argument("--lift", action="store_true", help="lift the restriction instead")
    db_option(restrict)
    restrict.set_defaults(func=_cmd_restrict)

    keep = sub.add_parser("retention", help="retention of contacts by the department profile's [retention]")
    ksub = keep.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    run = ksub.add_parser("run", help="anonymise contacts older than the profile says (audited)")
    run.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")
    run.add_argument("--profile", metavar="FILE", help="default: this workstation's profile")
    db_option(run, "the profile's database")
    run.set_defaults(func=_cmd_retention_run)
