"""IT's subcommands of ``agentdesk``: ``profile``, ``secrets`` and ``smoke-test`` (argparse wiring and
printing only; the logic is in the modules beside this one).

    agentdesk profile check FILE...           FILE: key: message per problem; exit 1 if any
    agentdesk profile apply FILE|URL          make it this workstation's profile if it is good
    agentdesk profile show                    the profile in force
    agentdesk secrets set database [--db URL] [--from-stdin]
    agentdesk secrets set plugin PLUGIN KEY [--from-stdin]
    agentdesk secrets delete database [--db URL] | plugin PLUGIN KEY
    agentdesk secrets list [--profile FILE]   names and whether stored; never values
    agentdesk secrets check [--profile FILE]  exit 1 if a referenced secret is missing
    agentdesk smoke-test [--people N] [--profile FILE]...
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used, so `agentdesk --help` stays fast
    from agentdesk.deployment.profile import Profile
    from agentdesk.deployment.secret_provisioning import SecretName

DbOption = Callable[[argparse.ArgumentParser], None]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    profile = sub.add_parser("profile", help="department profiles: check, apply, show")
    psub = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    check = psub.add_parser("check", help="check profiles against this AgentDesk and its installed plugins")
    check.add_argument("files", nargs="+", metavar="FILE", help="profile file(s) or http(s) URL(s)")
    check.set_defaults(func=_cmd_profile_check)
    apply = psub.add_parser(
        "apply", help="make a good profile this workstation's profile (a bad one never replaces the last good one)"
    )
    apply.add_argument("source", metavar="FILE|URL")
    apply.set_defaults(func=_cmd_profile_apply)
    show = psub.add_parser("show", help="the profile in force on this workstation")
    show.set_defaults(func=_cmd_profile_show)

    secrets = sub.add_parser("secrets", help="database password and plugin secrets in the OS keyring")
    ssub = secrets.add_subparsers(dest="secrets_command", metavar="ACTION", required=True)
    for action, helptext in (("set", "store a secret (asked for, never echoed)"), ("delete", "remove a secret")):
        p = ssub.add_parser(action, help=helptext)
        what = p.add_subparsers(dest="secret_kind", metavar="WHAT", required=True)
        d = what.add_parser("database", help="the PostgreSQL password for a database URL")
        d.add_argument("--db", metavar="URL", help="postgresql://USER@HOST[:PORT]/DB (default: the profile's)")
        pl = what.add_parser("plugin", help="a secret a plugin's manifest declares")
        pl.add_argument("plugin_id", metavar="PLUGIN")
        pl.add_argument("key", metavar="KEY")
        di = what.add_parser("directory", help="the password of the profile's [directory] bind_dn (service account)")
        di.add_argument("--profile", metavar="FILE", help="default: this workstation's profile")
        ml = what.add_parser("mail", help="the IMAP password of a profile's [[email.mailboxes]], or the SMTP login's")
        ml.add_argument("address", metavar="ADDRESS", nargs="?", help="the mailbox's address (neuvonta@city.example)")
        ml.add_argument("--smtp", action="store_true", help="the password of the profile's [email] smtp login")
        ml.add_argument("--profile", metavar="FILE", help="default: this workstation's profile")
        if action == "set":
            for q in (d, pl, di, ml):
                q.add_argument(
                    "--from-stdin",
                    action="store_true",
                    help="read the secret from the first line of standard input (scripted provisioning)",
                )
        for q in (d, pl, di, ml):
            q.set_defaults(func=_cmd_secrets_set if action == "set" else _cmd_secrets_delete)
    for action, helptext, func in (
        ("list", "the secrets a profile references and whether each is stored (names only)", _cmd_secrets_list),
        ("check", "exit 1 if a secret the profile references is missing here", _cmd_secrets_check),
    ):
        p = ssub.add_parser(action, help=helptext)
        p.add_argument("--profile", metavar="FILE", help="default: this workstation's profile")
        p.set_defaults(func=func)

    smoke = sub.add_parser("smoke-test", help="check this installation on a throwaway database (no display needed)")
    smoke.add_argument("--people", type=int, default=500, metavar="N", help="synthetic people to seed (default 500)")
    smoke.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="FILE",
        help="also check this profile against the installed plugins (repeatable)",
    )
    smoke.set_defaults(func=_cmd_smoke)


def _err(message: str) -> None:
    print(f"agentdesk: {message}", file=sys.stderr)


# -- profile -------------------------------------------------------------------------------------


def _cmd_profile_check(args: argparse.Namespace) -> int:
    from agentdesk.deployment.profile import ProfileError, check_profile, parse_profile, read_source

    failed = False
    for source in args.files:
        try:
            text = read_source(source)
        except ProfileError as exc:
            print(exc)
            failed = True
            continue
        problems = check_profile(text, source)
        for problem in problems:
            print(problem)
        if problems:
            failed = True
        else:
            print(f"{source}: OK ({parse_profile(text, source, installed=None).describe()})")
    return 1 if failed else 0


def _cmd_profile_apply(args: argparse.Namespace) -> int:
    from agentdesk.deployment.profile_store import ProfileStore

    store = ProfileStore()
    result = store.apply(args.source)
    for problem in result.problems:
        print(problem)
    print(f"{store.current_path}: {result.describe()}")
    return 0 if result.applied else 1


def _cmd_profile_show(args: argparse.Namespace) -> int:
    from agentdesk.deployment.profile_store import ProfileStore

    store = ProfileStore()
    profile = store.current()
    if profile is None:
        print(f"{store.current_path}: no profile on this workstation (agentdesk profile apply FILE)")
        return 1
    print(
        f"{profile.source}: {profile.describe()}; language {profile.default_language}; "
        f"database {profile.database_url or 'embedded'}; plugins {', '.join(profile.enabled_plugins) or 'none'}"
    )
    return 0


def _profile_for(args: argparse.Namespace) -> Profile | None:
    """The --profile file, else this workstation's profile; None (with a message) if neither."""
    from agentdesk.deployment.profile import ProfileError, load_profile
    from agentdesk.deployment.profile_store import ProfileStore

    source = getattr(args, "profile", None)
    if source:
        try:
            return load_profile(source, installed=None)
        except ProfileError as exc:
            print(exc)
            return None
    profile = ProfileStore().current()
    if profile is None:
        _err("no --profile given and this workstation has no profile (agentdesk profile apply FILE)")
    return profile


# -- secrets -------------------------------------------------------------------------------------


def _secret_name(args: argparse.Namespace) -> SecretName | None:
    from agentdesk.deployment.installed_plugins import installed_plugins
    from agentdesk.deployment.secret_provisioning import database_secret, directory_secret, plugin_secret

    if args.secret_kind == "directory":
        profile = _profile_for(args)
        if profile is None:
            return None
        if profile.directory is None or not profile.directory.bind_dn:
            _err(f"the profile {profile.source} has no [directory] with a bind_dn: no password to store")
            return None
        return directory_secret(profile.directory.url, profile.directory.bind_dn)
    if args.secret_kind == "mail":
        return _mail_secret_name(args)
    if args.secret_kind == "database":
        url = args.db
        if not url:
            profile = _profile_for(args)
            if profile is None:
                return None
            if not profile.database_url:
                _err(f"the profile {profile.source} uses the embedded database, which has no password")
                return None
            url = profile.database_url
        return database_secret(url)
    plugin = installed_plugins().get(args.plugin_id)
    if plugin is not None:
        declared = [s.key for s in plugin.manifest.secrets]
        if args.key not in declared:
            _err(
                f"plugin {args.plugin_id} declares no secret {args.key!r} (its secrets: "
                f"{', '.join(declared) or 'none'})"
            )
            return None
    return plugin_secret(args.plugin_id, args.key)


def _mail_secret_name(args: argparse.Namespace) -> SecretName | None:
    from agentdesk.deployment.secret_provisioning import mail_secrets

    profile = _profile_for(args)
    if profile is None:
        return None
    if profile.email is None:
        _err(f"the profile {profile.source} has no [email] table: no mailbox password to store")
        return None
    names = mail_secrets(profile)
    if args.smtp:
        wanted = [n for n in names if n.account.startswith("smtp://")]
        if not wanted:
            _err(f"the profile {profile.source} has no [email] smtp login: the SMTP server needs no password")
    else:
        box = next((m for m in profile.email.mailboxes if m.address == (args.address or "").lower()), None)
        known = ", ".join(m.address for m in profile.email.mailboxes)
        wanted = [
            n for n in names if box is not None and n.account == profile.email.imap.account("imap", box.imap_login)
        ]
        if not wanted:
            _err(f"name one of the profile's mailboxes ({known}) or --smtp")
    return wanted[0] if wanted else None


def _keyring_label() -> str:
    from agentdesk.credentials import backend_name, secure_keyring

    return backend_name(secure_keyring())  # the one the secrets go to (called after it answered)


def _cmd_secrets_set(args: argparse.Namespace) -> int:
    from keyring.errors import KeyringError

    from agentdesk.credentials import secure_keyring
    from agentdesk.deployment.secret_provisioning import SecretInputError, read_secret

    name = _secret_name(args)
    if name is None:
        return 2
    try:
        secure_keyring()  # refuse before asking for the secret, not after
        value = read_secret(f"Secret for {name.label}", from_stdin=args.from_stdin)
        name.store(value)
    except SecretInputError as exc:
        _err(f"secrets set {name.label}: {exc}")
        return 2
    except KeyringError as exc:
        _err(f"the OS keyring refused to store {name.label}: {type(exc).__name__}: {exc}")
        return 2
    print(f"stored {name.label} in the keyring ({_keyring_label()})")
    return 0


def _cmd_secrets_delete(args: argparse.Namespace) -> int:
    from keyring.errors import KeyringError

    name = _secret_name(args)
    if name is None:
        return 2
    try:
        deleted = name.delete()
    except KeyringError as exc:
        _err(f"the OS keyring refused to delete {name.label}: {type(exc).__name__}: {exc}")
        return 2
    print(f"deleted {name.label} from the keyring" if deleted else f"nothing stored for {name.label}")
    return 0 if deleted else 1


def _secret_rows(args: argparse.Namespace) -> tuple[Profile, list[tuple[SecretName, bool]]] | None:
    """The profile and each secret it references with whether it is stored; None if no profile."""
    from agentdesk.deployment.secret_provisioning import referenced_secrets

    profile = _profile_for(args)
    if profile is None:
        return None
    return profile, [(name, name.is_stored()) for name in referenced_secrets(profile)]


def _cmd_secrets_list(args: argparse.Namespace) -> int:
    from keyring.errors import KeyringError

    try:
        found = _secret_rows(args)
    except KeyringError as exc:
        _err(f"the OS keyring is not available: {type(exc).__name__}: {exc}")
        return 2
    if found is None:
        return 2
    profile, rows = found
    print(f"{profile.source}: {len(rows)} secret(s) referenced; keyring {_keyring_label()}")
    for name, stored in rows:
        print(f"  {'stored ' if stored else 'MISSING'}  {name.label}")
    return 0


def _cmd_secrets_check(args: argparse.Namespace) -> int:
    from keyring.errors import KeyringError

    try:
        found = _secret_rows(args)
    except KeyringError as exc:
        _err(f"the OS keyring is not available: {type(exc).__name__}: {exc}")
        return 2
    if found is None:
        return 2
    profile, rows = found
    missing = [name for name, stored in rows if not stored]
    for name in missing:
        print(f"{profile.source}: missing secret: {name.label} ({name.set_command})")
    if missing:
        return 1
    print(f"{profile.source}: all {len(rows)} referenced secret(s) are in the keyring")
    return 0


# -- smoke test ----------------------------------------------------------------------------------


def _cmd_smoke(args: argparse.Namespace) -> int:
    from agentdesk.deployment.smoke import SmokeFailure, remove_folder, run_core_smoke, temporary_folder

    if args.people < 1:
        _err("smoke-test: --people must be at least 1")
        return 2
    folder = temporary_folder()
    try:
        run_core_smoke(folder, people=args.people, profiles=[Path(p) for p in args.profile])
    except SmokeFailure as exc:
        print(f"smoke-test: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        remove_folder(folder)
    print("smoke-test: core OK")
    return 0
