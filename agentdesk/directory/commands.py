"""``agentdesk staff sync [--db URL] [--profile FILE] [--db-logins [--create-logins]]``: the staff users from
the directory of the department profile's ``[directory]`` (new people added, changed groups → roles, leavers
inactive); audited. With ``--db-logins`` each staff member's PostgreSQL login gets the group roles of their
role and department (:mod:`agentdesk.db_grants`), and leavers' logins lose them."""

from __future__ import annotations

import argparse
import sys

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = sub.add_parser("staff", help="staff users")
    ssub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    sync = ssub.add_parser("sync", help="synchronise the staff users from the directory (leavers set inactive)")
    sync.add_argument("--db", metavar="URL", help="default: the profile's database, else the embedded one")
    sync.add_argument("--profile", metavar="FILE", help="default: this workstation's profile")
    sync.add_argument(
        "--db-logins",
        action="store_true",
        help="PostgreSQL: grant each active staff member's database login the group roles of their role and"
        " department, and take them from leavers (run `agentdesk db grants` first)",
    )
    sync.add_argument(
        "--create-logins", action="store_true", help="with --db-logins: make a missing login (no password: pg_hba)"
    )
    sync.set_defaults(func=_cmd_staff_sync)


def _err(message: str) -> None:
    print(f"agentdesk: {message}", file=sys.stderr)


def _cmd_staff_sync(args: argparse.Namespace) -> int:
    from agentdesk.audit_commands import cli_actor
    from agentdesk.credentials import directory_bind_password
    from agentdesk.deployment.profile import load_profile
    from agentdesk.deployment.profile_model import ProfileError
    from agentdesk.deployment.profile_store import ProfileStore
    from agentdesk.directory.client import DirectoryClient, DirectoryError
    from agentdesk.directory.staff_sync import sync
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    try:
        profile = load_profile(args.profile, installed=None) if args.profile else ProfileStore().current()
    except (ProfileError, OSError) as exc:
        _err(f"the profile cannot be used: {exc}")
        return 2
    if profile is None or profile.directory is None:
        _err("no [directory] in the department profile: see README, 'Connecting the city's directory'")
        return 2
    settings = profile.directory
    password = directory_bind_password(settings.url, settings.bind_dn) if settings.bind_dn else None
    db = Database(args.db or profile.database_url)
    try:
        schema.check_current(db)
        report = sync(db, DirectoryClient(settings, password), actor=cli_actor())
        print(report.describe())
        if args.db_logins:
            from agentdesk.db_grants import GrantsError, staff_logins, sync_logins

            active, leavers = staff_logins(db)
            try:
                logins = sync_logins(db, active, leavers, create=args.create_logins)
            except GrantsError as exc:
                _err(str(exc))
                return 2
            print(logins.describe())
            for name in logins.missing:
                print(f"  no database login: {name}")
    except DirectoryError as exc:
        _err(f"staff sync failed: {exc}")
        return 1
    finally:
        db.dispose()
    return 0
