"""``agentdesk staff sync [--db URL] [--profile FILE]``: the staff users from the directory of the
department profile's ``[directory]`` (new people added, changed groups → roles, leavers inactive); audited."""

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
    except DirectoryError as exc:
        _err(f"staff sync failed: {exc}")
        return 1
    finally:
        db.dispose()
    print(report.describe())
    return 0
