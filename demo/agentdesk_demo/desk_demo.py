"""``agentdesk demo``: the desk on a throwaway database with synthetic people, a day of queue work
(the supervisor dashboard: ``--user super.sari``), the plugins' demo back ends on loopback
(:mod:`agentdesk_demo.backends`) and an AMI simulator that rings the desk with a demo customer's
number every minute. Needs the desktop: importing this module fails without PySide6.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from agentdesk_desktop.commands import desk_options, launch  # raises ImportError without PySide6

DEMO_INTERFACE = "PJSIP/agent1"


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="start the desk on a throwaway database with synthetic people")
    demo.add_argument("--people", type=int, default=50_000, metavar="N", help="persons to generate (default 50,000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (deterministic)")
    demo.add_argument(
        "--histories",
        type=float,
        default=0.3,
        metavar="SHARE",
        help="share of people with a contact history (default 0.3)",
    )
    demo.add_argument("--keep", action="store_true", help="keep the demo database afterwards (its path is printed)")
    desk_options(demo, default_user="agent.aino")
    demo.set_defaults(func=_cmd_demo)


def _demo_pbx():
    """The demo's PBX: the AMI simulator on loopback with a throwaway login, and the desk's phone
    settings for it (the secret is handed over in memory, never written to the keyring)."""
    import secrets

    from agentdesk.channels.ami import AmiSettings
    from agentdesk_demo.demo_queues import PHONE_QUEUE
    from agentdesk_demo.simulators.ami_simulator import AmiSimulator

    secret = secrets.token_urlsafe(16)
    simulator = AmiSimulator({"desk": secret}).start()
    simulator.add_queue(PHONE_QUEUE, [(DEMO_INTERFACE, "Aino Asiakaspalvelija")], service_level=20)
    print(f"agentdesk demo: AMI simulator on 127.0.0.1:{simulator.port}", file=sys.stderr)
    settings = AmiSettings(host="127.0.0.1", port=simulator.port, username="desk", interface=DEMO_INTERFACE)
    return simulator, {"phone": settings, "phone_secret": lambda _settings: secret}


def launch_demo(url: str, *, user: str | None, lang: str | None, plugins=None) -> int:
    """The desk on the demo database with the simulated PBX ringing it."""
    from agentdesk_demo.demo_calls import DemoCaller
    from agentdesk_desktop.sign_in import DEMO_SIGN_IN

    simulator, phone = _demo_pbx()
    try:
        return launch(
            url,
            user=user,
            lang=lang,
            upgrade_schema=False,
            plugins=plugins,
            phone=phone,
            demo_caller=lambda db: DemoCaller(simulator, db, interface=DEMO_INTERFACE),
            sign_in=DEMO_SIGN_IN,  # the chooser, marked "Demo — no password"; only here
        )
    finally:
        simulator.stop()


def _start_demo_backends(db):
    """The department plugins' demo back ends on loopback, seeded from the demo people. One that
    cannot start is reported and left out; the desk starts anyway."""
    from agentdesk_demo.backends import start_demo_backends

    backends = start_demo_backends(db)
    print(f"agentdesk demo: {backends.describe()}", file=sys.stderr)
    return backends


def _demo_plugins(backends):
    from agentdesk_desktop.plugins.desk_plugins import PluginSetup

    return PluginSetup(deployment=backends.deployment, secrets=backends.secrets)


def _cmd_demo(args: argparse.Namespace) -> int:
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk_demo.demo_queues import seed_demo_queues
    from agentdesk_demo.population.bulk_load import seed_population
    from agentdesk_demo.progress import ProgressBar

    if args.people < 1:
        print("agentdesk demo: --people must be at least 1", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-demo-"))
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    try:
        db = Database(url)
        try:
            schema.upgrade(db)
            print(f"agentdesk demo: generating {args.people:,} synthetic people in {folder}", file=sys.stderr)
            report = seed_population(db, args.people, seed=args.seed, histories=args.histories, progress=ProgressBar())
            describe = getattr(report, "describe", None)
            if callable(describe):
                print(f"agentdesk demo: {describe()}", file=sys.stderr)
            queues = seed_demo_queues(db, seed=args.seed)
            from agentdesk_demo.demo_knowledge import seed_demo_knowledge

            seed_demo_knowledge(db)  # quick texts (;greet, ;case, ;bye), scripts and articles
            from agentdesk_demo.demo_citizen import seed_self_service, start_citizen_web

            waiting = seed_self_service(db, queues, seed=args.seed)
            print(
                f"agentdesk demo: queues Neuvonta, Sähköposti and Palvelupiste with {queues.items} contacts today;"
                f" Omat tiedot with {waiting} citizens' updates waiting",
                file=sys.stderr,
            )
            backends = _start_demo_backends(db)
        finally:
            db.dispose()
        citizen = start_citizen_web(url)
        print(f"agentdesk demo: citizens' web service on {citizen.url}/update", file=sys.stderr)
        try:
            return launch_demo(url, user=args.user, lang=args.lang, plugins=_demo_plugins(backends))
        finally:
            citizen.stop()
            backends.stop()
    finally:
        if args.keep:
            print(f"agentdesk demo: database kept at {url}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
