"""The desktop's subcommands of ``agentdesk`` (registered through the ``agentdesk.commands``
entry point, so the core CLI never imports Qt):

    agentdesk                     the desk on the configured database (same as ``agentdesk desk``)
    agentdesk desk [--db URL] [--user USERNAME] [--lang fi|sv|en]
    agentdesk demo [--people 50000] [--seed 1] [--user agent.aino] [--lang ...]

The demo also sets up queues with a day of work (the supervisor dashboard: ``--user super.sari``)
and an AMI simulator on loopback that rings the desk with a demo customer's number every minute.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
import tempfile
from pathlib import Path

# Registered only where the desktop can run: without PySide6 this import fails and the core
# CLI (agentdesk.cli._extra_commands) leaves "desk" and "demo" out.
import PySide6  # noqa: F401, E402

log = logging.getLogger(__name__)

LANGUAGE_CHOICES = ("fi", "sv", "en")


def register_commands(subparsers: argparse._SubParsersAction) -> None:
    desk = subparsers.add_parser("desk", help="start the agent desk (the default command)")
    desk.add_argument("--db", metavar="URL", help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB "
                      "(password from the OS keyring); default: the embedded database, upgraded on first start")
    _desk_options(desk, default_user=None)
    desk.set_defaults(func=_cmd_desk)

    demo = subparsers.add_parser("demo", help="start the desk on a throwaway database with synthetic people")
    demo.add_argument("--people", type=int, default=50_000, metavar="N", help="persons to generate (default 50,000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (deterministic)")
    demo.add_argument("--histories", type=float, default=0.3, metavar="SHARE",
                      help="share of people with a contact history (default 0.3)")
    demo.add_argument("--keep", action="store_true", help="keep the demo database afterwards (its path is printed)")
    _desk_options(demo, default_user="agent.aino")
    demo.set_defaults(func=_cmd_demo)


def _desk_options(parser: argparse.ArgumentParser, *, default_user: str | None) -> None:
    parser.add_argument("--user", metavar="USERNAME", default=default_user,
                        help="sign in as this staff user" + (f" (default {default_user})" if default_user else
                                                             " (default: choose at start)"))
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES, help="language for this run (default: the saved one)")


def launch(db_url: str | None, *, user: str | None, lang: str | None, upgrade_schema: bool, plugins=None,
           demo_phone: bool = False) -> int:
    """Build the desk, start it and run the event loop; the exit code of the desk.

    ``demo_phone``: start the loopback AMI simulator, connect the desk's phone to it and let it
    ring the desk with demo customers' numbers (every minute, and from Demo ▸ Simulate incoming call).
    """
    from ui.app import build_app

    simulator, phone = (_demo_pbx() if demo_phone else (None, {}))
    try:
        desk = build_app(db_url, language=lang, upgrade_schema=upgrade_schema, plugins=plugins, **phone)
        if simulator is not None:
            from ui.phone.demo_calls import DemoCaller

            desk.demo_caller = DemoCaller(simulator, desk.services.db, interface=DEMO_INTERFACE)
        logging.getLogger("agentdesk.event").setLevel(logging.INFO)  # one line per event on stderr
        _quit_on_signals(desk.app)
        desk.start(username=user)
        try:
            return desk.exec()
        finally:
            desk.shutdown()
    finally:
        if simulator is not None:
            simulator.stop()


DEMO_INTERFACE = "PJSIP/agent1"


def _demo_pbx():
    """The demo's PBX: the AMI simulator on loopback with a throwaway login, and the desk's phone
    settings for it (the secret is handed over in memory, never written to the keyring)."""
    import secrets

    from agentdesk.channels.ami import AmiSettings
    from agentdesk.channels.ami_simulator import AmiSimulator
    from ui.dashboard.demo_queues import PHONE_QUEUE

    secret = secrets.token_urlsafe(16)
    simulator = AmiSimulator({"desk": secret}).start()
    simulator.add_queue(PHONE_QUEUE, [(DEMO_INTERFACE, "Aino Asiakaspalvelija")], service_level=20)
    print(f"agentdesk demo: AMI simulator on 127.0.0.1:{simulator.port}", file=sys.stderr)
    settings = AmiSettings(host="127.0.0.1", port=simulator.port, username="desk", interface=DEMO_INTERFACE)
    return simulator, {"phone": settings, "phone_secret": lambda _settings: secret}


def _quit_on_signals(app) -> None:
    """Ctrl+C in the terminal (SIGINT) and SIGTERM close the desk normally: Python runs signal
    handlers only between bytecodes, so a timer lets it look in while Qt's loop waits."""
    from PySide6.QtCore import QTimer

    def stop(signum, _frame) -> None:
        log.info("signal %s: closing the desk", signum)
        app.quit()

    signal.signal(signal.SIGINT, stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)
    timer = QTimer(app)
    timer.setObjectName("signalPoll")
    timer.timeout.connect(lambda: None)
    timer.start(200)


def _cmd_desk(args: argparse.Namespace) -> int:
    # The embedded database has no IT to run upgrades: the desk upgrades it itself.
    return launch(args.db, user=args.user, lang=args.lang, upgrade_schema=args.db is None)


def _start_demo_backends(db):
    """The department plugins' loopback back ends, seeded from the demo people (agentdesk.demo_backends):
    FHIR (Node.js), Open311 and social services. One that cannot start is reported and its panel
    shows the error state; the desk starts anyway."""
    from agentdesk.demo_backends import start_demo_backends

    backends = start_demo_backends(db)
    print(f"agentdesk demo: {backends.describe()}", file=sys.stderr)
    return backends


def _demo_plugins(backends):
    from ui.plugins.desk_plugins import PluginSetup

    return PluginSetup(deployment=backends.deployment, secrets=backends.secrets)


def _cmd_demo(args: argparse.Namespace) -> int:
    from agentdesk.cli import ProgressBar
    from agentdesk.population.bulk_load import seed_population
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

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
            report = seed_population(db, args.people, seed=args.seed, histories=args.histories,
                                     progress=ProgressBar())
            describe = getattr(report, "describe", None)
            if callable(describe):
                print(f"agentdesk demo: {describe()}", file=sys.stderr)
            from ui.dashboard.demo_queues import seed_demo_queues

            queues = seed_demo_queues(db, seed=args.seed)
            print(f"agentdesk demo: queues Neuvonta, Sähköposti and Palvelupiste with {queues.items} contacts "
                  "today", file=sys.stderr)
            backends = _start_demo_backends(db)
        finally:
            db.dispose()
        try:
            return launch(url, user=args.user, lang=args.lang, upgrade_schema=False,
                          plugins=_demo_plugins(backends), demo_phone=True)
        finally:
            backends.stop()
    finally:
        if args.keep:
            print(f"agentdesk demo: database kept at {url}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
