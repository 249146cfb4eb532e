"""The demo distribution's subcommands of ``agentdesk`` (entry point ``agentdesk.commands``):

    agentdesk seed --people N [--seed S] [--histories SHARE] [--quiet] [--db URL]
    agentdesk demo [--people 50000] [--seed 1] [--user agent.aino] [--lang ...]   (desktop installed)

``seed`` is Qt-free and works in the core environment; ``demo`` is registered only where the
desktop (PySide6 and its ``agentdesk_desktop`` package) is installed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

log = logging.getLogger(__name__)


def register_commands(subparsers: argparse._SubParsersAction) -> None:
    seed = subparsers.add_parser("seed", help="load a synthetic Finnish population (test-range identity codes)")
    seed.add_argument("--people", type=int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (deterministic)")
    seed.add_argument(
        "--histories", type=float, default=0.0, metavar="SHARE", help="share of people given a contact history (0..1)"
    )
    seed.add_argument("--quiet", action="store_true", help="no progress bar")
    seed.add_argument(
        "--db",
        metavar="URL",
        help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB "
        "(password from the OS keyring); default: the embedded database",
    )
    seed.set_defaults(func=_cmd_seed)
    try:
        from agentdesk_demo import desk_demo
    except ImportError as exc:  # no PySide6 / desktop: seed only
        log.debug("agentdesk demo unavailable: %s", exc)
        return
    desk_demo.register(subparsers)


def _cmd_seed(args: argparse.Namespace) -> int:
    from agentdesk.cli import _plain
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk_demo.population.bulk_load import seed_population
    from agentdesk_demo.progress import ProgressBar

    if args.people < 1:
        print("agentdesk seed: --people must be at least 1", file=sys.stderr)
        return 2
    db = Database(args.db)
    schema.upgrade(db)
    progress = ProgressBar() if not args.quiet else None
    report = seed_population(db, args.people, seed=args.seed, histories=args.histories, progress=progress)
    print(json.dumps(_plain(report)))
    return 0
