"""The ``agentdesk`` command: database upgrades and search from a shell; IT's ``profile``,
``secrets`` and ``smoke-test`` (from :mod:`agentdesk.deployment.commands`); management reports,
``report`` (from :mod:`agentdesk.reports.commands`); the e-mail
quarantine, ``mail quarantine list|retry`` (from :mod:`agentdesk.channels.email_commands`); the data
protection officer's ``audit verify``, ``gdpr export`` and ``retention run`` (from
:mod:`agentdesk.audit_commands`); ``register import`` (from :mod:`agentdesk.register_import.commands`); the
steward's ``customers merge|unmerge|merges`` (from :mod:`agentdesk.merge.commands`).
``seed`` and ``demo``
come from the demo distribution (``agentdesk_demo.commands``), ``desk`` from the desktop.

The desktop subcommands register themselves only when the ``agentdesk_desktop`` package (PySide6) is installed,
so the core CLI works on a server with no display libraries.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from agentdesk import __version__

if TYPE_CHECKING:
    from agentdesk.storage.database import Database

log = logging.getLogger("agentdesk.cli")


def _database(args: argparse.Namespace) -> Database:
    from agentdesk.storage.database import Database

    return Database(args.db)


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from agentdesk.storage import schema

    db = _database(args)
    if args.dry_run:
        from agentdesk.deployment.upgrade_plan import upgrade_plan

        print(f"{db.display_url()}: {upgrade_plan(db).describe()}")
        return 0
    report = schema.upgrade(db)
    print(f"{db.display_url()}: {report.describe()}")
    return 0


def _cmd_db_grants(args: argparse.Namespace) -> int:
    from agentdesk.db_grants import GrantsError, apply_grants
    from agentdesk.storage import schema

    db = _database(args)
    try:
        schema.check_current(db)
        statements = apply_grants(db, dry_run=args.dry_run)
    except GrantsError as exc:
        print(f"agentdesk: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    for sql in statements:
        print(sql + ";")
    print(f"-- {len(statements)} statements {'listed (dry run)' if args.dry_run else 'applied'}", file=sys.stderr)
    return 0


def _cmd_db_status(args: argparse.Namespace) -> int:
    from agentdesk.storage import schema

    db = _database(args)
    have, want = schema.current_revision(db), schema.expected_revision()
    print(f"{db.display_url()}: schema {have or 'empty'}, this AgentDesk expects {want}")
    return 0 if have == want else 1


def _plain(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _cmd_search(args: argparse.Namespace) -> int:
    from agentdesk.audit_commands import cli_actor
    from agentdesk.search.audited import audited_search
    from agentdesk.search.customer_search import CustomerSearch
    from agentdesk.storage import schema

    # Bytes that are not UTF-8 reach argv as lone surrogates; they become U+FFFD here, where the text
    # enters, so the search and every line printed see only characters that can be written.
    query = args.text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    db = _database(args)
    try:
        schema.check_current(db)
        page = audited_search(CustomerSearch(db), db, query, actor=cli_actor(), limit=args.limit, offset=args.offset)
    finally:
        db.dispose()  # the pool's connections closed; the engine could still be used again
    if args.json:
        print(
            json.dumps(
                {
                    "query": query,
                    "kind": page.query.kind.value,
                    "problem": page.problem,
                    "count": page.count_label,
                    "hits": [_plain(h) | {"display_name": h.display_name} for h in page.hits],
                },
                ensure_ascii=False,
            )
        )
        return 0
    if page.problem:
        print(f"note: {page.problem}")
    print(f"{page.count_label} result(s) for {page.query.kind.value} search")
    for h in page.hits:
        born = h.birth_date.isoformat() if h.birth_date else "-"
        where = (
            "address protected"
            if h.address_protected
            else ", ".join(p for p in (h.street, h.postal_code, h.municipality) if p)
        )
        print(f"{h.customer_id:>9}  {h.display_name:<36} {born:<10}  {where}")
    return 0


def build_parser(
    extra: Sequence[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = (),
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agentdesk", description="AgentDesk contact-centre desktop and tools")
    parser.add_argument("--version", action="version", version=f"agentdesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="URL",
            help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB "
            "(password from the OS keyring); default: the embedded database",
        )

    db = sub.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="apply pending schema migrations (transactional)")
    up.add_argument("--dry-run", action="store_true", help="list the pending migrations without applying them")
    db_option(up)
    up.set_defaults(func=_cmd_db_upgrade)
    gr = db_sub.add_parser(
        "grants",
        help="PostgreSQL: make the desk's group roles and grant them what they need (row-level security does the rest)",
    )
    gr.add_argument("--dry-run", action="store_true", help="print the statements without running them")
    db_option(gr)
    gr.set_defaults(func=_cmd_db_grants)
    st = db_sub.add_parser("status", help="show the schema revision")
    db_option(st)
    st.set_defaults(func=_cmd_db_status)

    search = sub.add_parser("search", help="search customers as the desk's search box does")
    search.add_argument("text")
    search.add_argument("--json", action="store_true", help="print one JSON object")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--offset", type=int, default=0)
    db_option(search)
    search.set_defaults(func=_cmd_search)

    from agentdesk.deployment import commands as deployment_commands

    deployment_commands.register(sub)  # profile, secrets, smoke-test
    from agentdesk.channels import email_commands

    email_commands.register(sub)  # mail quarantine list | retry
    from agentdesk.duplicates import commands as duplicate_commands

    duplicate_commands.register(sub)  # duplicates scan
    from agentdesk import audit_commands

    audit_commands.register(sub)  # audit verify, gdpr export, retention run
    from agentdesk.register_import import commands as register_commands

    register_commands.register(sub)  # register import
    from agentdesk.directory import commands as directory_commands

    directory_commands.register(sub)  # staff sync
    from agentdesk.merge import commands as merge_commands

    merge_commands.register(sub)  # customers merge | unmerge | merges
    from agentdesk.reports import commands as report_commands

    report_commands.register(sub)  # report --from --to ... --format csv|xlsx|pdf
    from agentdesk.outreach import commands as notice_commands

    notice_commands.register(sub)  # notices segment|send|resume|status
    from agentdesk.citizen import commands as citizen_commands

    citizen_commands.register(sub)  # citizen serve; feedback send
    for register in extra:
        register(sub)
    return parser


COMMAND_GROUP = "agentdesk.commands"


def _extra_commands() -> list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]]:
    """Subcommands contributed by other packages through the ``agentdesk.commands`` entry point
    (the desktop registers the default launch, the demo distribution ``seed`` and ``demo`` this way;
    the core never imports them)."""
    from importlib.metadata import entry_points

    found = []
    for ep in entry_points(group=COMMAND_GROUP):
        try:
            found.append(ep.load())
        except ImportError as exc:  # e.g. PySide6 not installed: core tools only
            log.debug("command group %s unavailable: %s", ep.name, exc)
    return found


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_extra_commands())
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        if args.command is None and "desk" in _subcommands(parser):
            # No command: start the desktop when it is installed (it registers "desk").
            args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "desk"])
        else:
            parser.print_help()
            return 2
    from agentdesk.storage.database import DatabaseUrlError
    from agentdesk.storage.schema import SchemaMismatch

    if not getattr(args, "keyring_chosen_later", False):  # the desk chooses it off its UI thread
        from agentdesk.credentials import use_secure_keyring

        use_secure_keyring()  # no secret ever goes to a plaintext file or a keyring that keeps nothing
    try:
        code: int = args.func(args)
        return code
    except (DatabaseUrlError, SchemaMismatch) as exc:
        print(f"agentdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
