"""The steward's merge commands::

    agentdesk customers merge SURVIVOR_ID MERGED_ID [--db URL] [--dry-run] [--profile FILE]
    agentdesk customers unmerge MERGE_ID [--db URL] [--move INTERACTION_ID ...] [--move-case CASE_ID ...]
    agentdesk customers merges [--json] [--db URL]

``merge`` prints per field which value wins and why (the rules: ``--profile``, else this
workstation's profile, else the defaults), then what moved; ``--dry-run`` changes nothing. Exit
status 1 with the reason on a refused merge or undo. The audit names the OS account (``cli:USER``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agentdesk.deployment.profile_model import Profile
    from agentdesk.merge.service import MergeResult
    from agentdesk.storage.database import Database

__all__ = ["register"]


def _profile(args: argparse.Namespace) -> Profile | None:
    from agentdesk.deployment.profile import ProfileError, load_profile
    from agentdesk.deployment.profile_store import ProfileStore

    source = getattr(args, "profile", None)
    if source:
        try:
            return load_profile(source, installed=None)
        except ProfileError as exc:
            print(exc, file=sys.stderr)
            raise SystemExit(2) from exc
    return ProfileStore(installed=None).current()


def _database(url: str | None, profile: Profile | None = None) -> Database:
    """``--db``, else the profile's database, else the embedded one."""
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(url or (profile.database_url if profile else None))
    schema.check_current(db)
    return db


def _print_merge(result: MergeResult, dry_run: bool) -> None:
    for c in result.choices:
        side = result.merged_id if c.winner == "merged" else result.survivor_id
        value = c.value or "(none)"
        other = c.survivor_value if c.winner == "merged" else c.merged_value
        against = f' over "{other}"' if other and other != c.value else ""
        print(f'{c.field}: "{value}" (customer {side}){against}: {c.reason}')
    moved = ", ".join(f"{name} {n}" for name, n in sorted(result.moved.items()) if n) or "nothing"
    print(f"moved to customer {result.survivor_id}: {moved}")
    removed = ", ".join(f"{name} {n}" for name, n in sorted(result.removed.items()) if n)
    if removed:
        print(f"duplicates removed (kept for undo): {removed}")
    if dry_run:
        print("dry run: nothing was changed")
    else:
        print(
            f"merge {result.merge_id}: customer {result.merged_id} merged into customer {result.survivor_id} "
            f"(undo: agentdesk customers unmerge {result.merge_id})"
        )


def _cmd_merge(args: argparse.Namespace) -> int:
    from agentdesk.audit_commands import cli_actor
    from agentdesk.merge.rules import DEFAULT_RULES
    from agentdesk.merge.service import CustomerMerges, MergeError

    profile = _profile(args)
    rules = profile.survivorship if profile else DEFAULT_RULES
    db = _database(args.db, profile)
    try:
        result = CustomerMerges(db).merge(args.survivor, args.merged, cli_actor(), rules, dry_run=args.dry_run)
    except MergeError as exc:
        print(f"agentdesk: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    _print_merge(result, args.dry_run)
    return 0


def _cmd_unmerge(args: argparse.Namespace) -> int:
    from agentdesk.audit_commands import cli_actor
    from agentdesk.merge.service import CustomerMerges, MergeError

    db = _database(args.db, None if args.db else _profile(args))
    try:
        done = CustomerMerges(db).undo_merge(args.merge_id, cli_actor(), args.move, move_cases=args.move_case)
    except MergeError as exc:
        print(f"agentdesk: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(
        f"merge {done.merge_id} undone: customers {done.survivor_id} and {done.merged_id} are separate again "
        f"({done.restored} rows restored, {done.kept} values changed since the merge kept, "
        f"{done.moved} new links moved to customer {done.merged_id})"
    )
    return 0


def _cmd_merges(args: argparse.Namespace) -> int:
    from agentdesk.merge.service import CustomerMerges

    db = _database(args.db, None if args.db else _profile(args))
    try:
        merges = CustomerMerges(db).merges()
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"merges": [m.as_dict() for m in merges]}, ensure_ascii=False))
        return 0
    for m in merges:
        state = f"undone {m.undone_at:%Y-%m-%d} by {m.undone_by}" if m.undone_at else "in force"
        print(f"{m.id}\t{m.merged_id} -> {m.survivor_id}\t{m.merged_at:%Y-%m-%d %H:%M} by {m.actor}\t{state}")
    if not merges:
        print("no merges")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="URL",
            help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB (password from the OS keyring); "
            "default: the profile's database, else the embedded database",
        )

    customers = sub.add_parser("customers", help="the data steward's merges of duplicate customers")
    csub = customers.add_subparsers(dest="customers_command", metavar="ACTION", required=True)
    merge = csub.add_parser("merge", help="merge MERGED_ID into SURVIVOR_ID (audited; undo with unmerge)")
    merge.add_argument("survivor", type=int, metavar="SURVIVOR_ID")
    merge.add_argument("merged", type=int, metavar="MERGED_ID")
    merge.add_argument("--dry-run", action="store_true", help="print which value wins per field; change nothing")
    merge.add_argument("--profile", metavar="FILE", help="the survivorship rules' profile; default: this workstation's")
    db_option(merge)
    merge.set_defaults(func=_cmd_merge)
    unmerge = csub.add_parser("unmerge", help="undo a merge: both customers back with their own data (audited)")
    unmerge.add_argument("merge_id", type=int, metavar="MERGE_ID")
    unmerge.add_argument(
        "--move",
        type=int,
        nargs="*",
        default=[],
        metavar="INTERACTION_ID",
        help="contacts logged on the survivor after the merge that belong to the merged customer",
    )
    unmerge.add_argument(
        "--move-case",
        type=int,
        nargs="*",
        default=[],
        metavar="CASE_ID",
        help="service cases opened on the survivor after the merge that belong to the merged customer",
    )
    db_option(unmerge)
    unmerge.set_defaults(func=_cmd_unmerge)
    merges = csub.add_parser("merges", help="list the merges, newest first")
    merges.add_argument("--json", action="store_true", help='print one JSON object: {"merges": [...]}')
    db_option(merges)
    merges.set_defaults(func=_cmd_merges)
