"""The desktop's subcommands of ``agentdesk`` (registered through the ``agentdesk.commands``
entry point, so the core CLI never imports Qt):

    agentdesk                     the desk on the configured database (same as ``agentdesk desk``)
    agentdesk desk [--db URL] [--user USERNAME] [--lang fi|sv|en]

``agentdesk demo`` comes from the demo distribution (``agentdesk_demo.desk_demo``), which calls
:func:`launch` with its loopback back ends and AMI simulator.
"""

from __future__ import annotations

import argparse
import logging
import signal
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING, Any

# Registered only where the desktop can run: without PySide6 this import fails and the core
# CLI (agentdesk.cli._extra_commands) leaves "desk" out.
import PySide6  # noqa: F401

from agentdesk.deployment.profile_cases import CaseSettings
from agentdesk.deployment.profile_email import EmailSettings
from agentdesk.deployment.profile_work import WorkSettings
from agentdesk.storage.connection import DESK_CONNECTION, ConnectionSettings

if TYPE_CHECKING:  # imported when the desk starts, not when the CLI lists its commands
    from PySide6.QtCore import QCoreApplication

    from agentdesk.directory.settings import DirectorySettings
    from agentdesk.storage.database import Database
    from agentdesk_desktop.phone.demo_calls import DemoCallSource
    from agentdesk_desktop.plugins.plugin_setup import PluginSetup
    from agentdesk_desktop.sign_in import SignInSetup

log = logging.getLogger(__name__)

LANGUAGE_CHOICES = ("fi", "sv", "en")


def register_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    desk = subparsers.add_parser("desk", help="start the agent desk (the default command)")
    desk.add_argument(
        "--db",
        metavar="URL",
        help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB "
        "(password from the OS keyring); default: the embedded database, upgraded on first start",
    )
    desk_options(desk, default_user=None)
    # The desk reads no secret before its first window: it chooses the keyring's back end off its UI
    # thread after that (agentdesk_desktop.app.prepare_the_rest), not the command line before it.
    desk.set_defaults(func=_cmd_desk, keyring_chosen_later=True)


def desk_options(parser: argparse.ArgumentParser, *, default_user: str | None) -> None:
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        default=default_user,
        help="sign in as this staff user"
        + (f" (default {default_user})" if default_user else " (default: choose at start)"),
    )
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES, help="language for this run (default: the saved one)")


def launch(
    db_url: str | None,
    *,
    user: str | None,
    lang: str | None,
    upgrade_schema: bool,
    plugins: PluginSetup | None = None,
    phone: Mapping[str, Any] | None = None,
    demo_caller: Callable[[Database], DemoCallSource] | None = None,
    connection: ConnectionSettings | None = None,
    cases: CaseSettings | None = None,
    sign_in: SignInSetup,
    work: WorkSettings | None = None,
    email: EmailSettings | None = None,
) -> int:
    """Build the desk, start it and run the event loop; the exit code of the desk.

    ``phone``: :func:`agentdesk_desktop.app.build_app`'s phone keywords (``phone``, ``phone_secret``);
    ``demo_caller``: called with the desk's database, returns what rings the desk every minute and
    from Demo ▸ Simulate incoming call (``agentdesk demo``).
    """
    from agentdesk_desktop.app import build_app

    desk = build_app(
        db_url,
        language=lang,
        upgrade_schema=upgrade_schema,
        plugins=plugins,
        connection=connection,
        cases=cases,
        sign_in=sign_in,
        work=work,
        email=email,
        **(phone or {}),
    )
    if demo_caller is not None:
        desk.demo_caller = demo_caller(desk.services.db)
    logging.getLogger("agentdesk.event").setLevel(logging.INFO)  # one line per event on stderr
    _quit_on_signals(desk.app)
    desk.start(username=user)
    try:
        return desk.exec()
    finally:
        desk.shutdown()


def _quit_on_signals(app: QCoreApplication) -> None:
    """Ctrl+C in the terminal (SIGINT) and SIGTERM close the desk normally: Python runs signal
    handlers only between bytecodes, so a timer lets it look in while Qt's loop waits."""
    from PySide6.QtCore import QTimer

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: closing the desk", signum)
        app.quit()

    signal.signal(signal.SIGINT, stop)
    # A platform check, not a probe of our own code: the signal module defines only what the
    # platform's C library has, and a build without SIGTERM must still start the desk.
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)
    timer = QTimer(app)
    timer.setObjectName("signalPoll")
    timer.timeout.connect(lambda: None)
    timer.start(200)


def _cmd_desk(args: argparse.Namespace) -> int:
    from agentdesk_desktop.sign_in import SignInSetup

    setup = desk_setup(args.db)
    # The embedded database has no IT to run upgrades: the desk upgrades it itself.
    return launch(
        setup.url,
        user=args.user,
        lang=args.lang,
        upgrade_schema=setup.url is None,
        connection=setup.connection,
        cases=setup.cases,
        sign_in=SignInSetup(directory=setup.directory),  # never the demo's chooser
        work=setup.work,
        email=setup.email,
    )


@dataclass(frozen=True)
class DeskSetup:
    url: str | None  # None: the embedded database
    connection: ConnectionSettings
    cases: CaseSettings
    directory: DirectorySettings | None = None  # the profile's [directory]: staff sign in with it
    work: WorkSettings = field(default_factory=WorkSettings)
    email: EmailSettings | None = None  # the profile's [email]: the mailboxes this desk watches


def desk_setup(db_url: str | None) -> DeskSetup:
    """What the department profile says for this desk: its database (unless ``--db`` names one) with
    its connection settings, and its cases' working days; without a profile, the embedded database."""
    from agentdesk.deployment.profile_store import ProfileStore

    profile = ProfileStore().current()
    cases = profile.cases if profile is not None else CaseSettings()
    directory = profile.directory if profile is not None else None
    work = profile.work if profile is not None else WorkSettings()
    email = profile.email if profile is not None else None
    if db_url is not None:
        return DeskSetup(db_url, DESK_CONNECTION, cases, directory, work, email)
    if profile is not None and profile.database_url:
        log.info("the database of the department profile (%s)", profile.describe())
        return DeskSetup(profile.database_url, profile.connection, cases, directory, work, email)
    return DeskSetup(None, DESK_CONNECTION, cases, directory, work, email)
