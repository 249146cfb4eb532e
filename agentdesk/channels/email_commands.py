"""The ``agentdesk mail`` subcommands (argparse wiring and printing; the logic is in
:mod:`agentdesk.channels.email_quarantine`).

    agentdesk mail quarantine list [--json] [--db URL]     what could not be taken in: when, mailbox, reason
    agentdesk mail quarantine retry ID|--all [--db URL]    take it in again; exit 1 if any failed again

Nothing printed names the sender or shows the message: the sender's domain and a digest of the
Message-ID identify it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agentdesk.channels.email_quarantine import MailQuarantine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mail = sub.add_parser("mail", help="the e-mail channel: quarantined mail")
    msub = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    quarantine = msub.add_parser("quarantine", help="mail that could not be taken in")
    qsub = quarantine.add_subparsers(dest="quarantine_command", metavar="ACTION", required=True)
    listing = qsub.add_parser("list", help="every quarantined message, newest first (no personal data)")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    retry = qsub.add_parser("retry", help="take quarantined mail in again")
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", type=int, metavar="ID", help="the quarantine id (see 'list')")
    which.add_argument("--all", action="store_true", help="every quarantined message")
    for p in (listing, retry):
        p.add_argument(
            "--db",
            metavar="URL",
            help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB "
            "(password from the OS keyring); default: the embedded database",
        )
    listing.set_defaults(func=_cmd_list)
    retry.set_defaults(func=_cmd_retry)


def _quarantine(args: argparse.Namespace) -> MailQuarantine:
    from agentdesk.channels.email_quarantine import MailQuarantine
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(args.db)
    schema.check_current(db)
    return MailQuarantine(db)


def _cmd_list(args: argparse.Namespace) -> int:
    rows = _quarantine(args).list()
    if args.json:
        print(
            json.dumps(
                {
                    "quarantined": [
                        {
                            "id": r.id,
                            "quarantined_at": r.quarantined_at.isoformat(),
                            "mailbox": r.mailbox,
                            "uid": r.uid,
                            "reason": r.reason,
                            "error_class": r.error_class,
                            "sender_domain": r.sender_domain,
                            "message": r.message,
                            "app_version": r.app_version,
                            "attempts": r.attempts,
                            "last_tried_at": r.last_tried_at.isoformat(),
                        }
                        for r in rows
                    ]
                },
                ensure_ascii=False,
            )
        )
        return 0
    if not rows:
        print("no quarantined mail")
        return 0
    print(
        f"{'id':>6}  {'quarantined (UTC)':<19}  {'mailbox':<28} {'uid':>7}  {'reason':<17} "
        f"{'sender domain':<24} version  tries"
    )
    for r in rows:
        print(
            f"{r.id:>6}  {r.quarantined_at:%Y-%m-%d %H:%M:%S}  {r.mailbox:<28} {r.uid:>7}  {r.reason:<17} "
            f"{r.sender_domain or '-':<24} {r.app_version:<8} {r.attempts:>5}"
        )
    return 0


def _cmd_retry(args: argparse.Namespace) -> int:
    from agentdesk.channels.email_watcher import RetryLater

    quarantine = _quarantine(args)
    try:
        outcomes = quarantine.retry_all() if args.all else [quarantine.retry(args.id)]
    except RetryLater:
        print("agentdesk: the database cannot be reached; nothing was retried", file=sys.stderr)
        return 1
    failed = 0
    for o in outcomes:
        if o.reason == "not_found":
            print(f"{o.id}: no such quarantined message")
            failed += 1
        elif o.taken_in:
            print(f"{o.id}: taken in" if o.reason == "taken_in" else f"{o.id}: already taken in; removed")
        else:
            print(f"{o.id}: failed again ({o.reason}); kept")
            failed += 1
    if args.all and not outcomes:
        print("no quarantined mail")
    return 1 if failed else 0
