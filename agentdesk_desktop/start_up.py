"""The desk's start-up flow, apart from the application object (:class:`agentdesk_desktop.app.Desk`).

:class:`StartUp` offers the last crash, checks the database's schema (and, for the embedded database,
upgrades it first), shows the sign-in and reads the topic taxonomy while the agent signs in: all of
it off the UI thread. It ends in one of two signals: :attr:`StartUp.signed_in` with the staff member
once the topics are ready too, or :attr:`StartUp.failed` with a :class:`StartFailure` (after a
message the agent closes, :attr:`StartUp.exit_requested` says with which exit code).

Only what the sign-in needs is read here: one read of the schema revision and one SQL statement for
the active staff, neither through the ORM (see :meth:`agentdesk.staff.StaffDirectory.list_active`).
"""

from __future__ import annotations

import enum
import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from agentdesk import __version__
from agentdesk.directory.client import DirectoryAccount
from agentdesk.directory.settings import DirectorySettings
from agentdesk.drafts import DraftMode
from agentdesk.staff import StaffMember
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.schema import SchemaState
from agentdesk_desktop import events
from agentdesk_desktop.crash_files import CrashStore
from agentdesk_desktop.errors import ErrorReporter
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.services import DeskServices
from agentdesk_desktop.sign_in import DEMO_SIGN_IN, SignInDialog, SignInSetup
from agentdesk_desktop.sign_in_directory import DirectorySignInDialog

log = logging.getLogger(__name__)

translate = QCoreApplication.translate  # the texts keep the context they had in the Desk ("Desk")


class StartFailure(str, enum.Enum):
    """Why the desk did not start (``Desk.start_failed``); equal to its value as text."""

    EMPTY = SchemaState.EMPTY.value
    OLDER = SchemaState.OLDER.value
    NEWER = SchemaState.NEWER.value
    CONNECTION = "connection"
    CONFIGURATION = "configuration"
    SIGNIN_CANCELLED = "signin_cancelled"


class TopicsState(enum.Enum):
    """Of the topic taxonomy the customer parts need before the window is made."""

    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"


def prepare_schema(db: Database, *, upgrade: bool = False) -> SchemaState:
    """Runs off the UI thread: upgrade the embedded database if asked, then check the schema."""
    return schema.prepare(db, upgrade_first=upgrade)


def directory_check(
    settings: DirectorySettings, username: str, password: str, *, db: Database | None = None
) -> DirectoryAccount:
    """Runs on the read pool: the service account's password from the keyring, then the binds. With the
    profile's ``database_login`` (and a shared PostgreSQL ``db``) the desk then connects as the staff
    member's own database login, so that the sign-in's audit and everything after it run under it."""
    from agentdesk.credentials import directory_bind_password
    from agentdesk.directory.client import DirectoryClient

    bind_password = directory_bind_password(settings.url, settings.bind_dn) if settings.bind_dn else None
    account = DirectoryClient(settings, bind_password).authenticate(username, password)
    if settings.database_login and db is not None and db.dialect == "postgresql":
        from agentdesk.directory.client import DirectoryError, SignInProblem

        db.switch_login(account.username, password)
        try:
            with db.engine.connect():
                pass
        except Exception as exc:  # no such login, pg_hba refuses it, the server is down
            raise DirectoryError(SignInProblem.UNREACHABLE, f"database login refused: {type(exc).__name__}") from exc
    return account


def directory_admit(db: Database, account: DirectoryAccount) -> StaffMember:
    """Runs on the writer: the staff row and the audit of the sign-in."""
    from agentdesk.directory.staff_sync import admit

    return admit(db, account)


def database_label(db: Database) -> str:
    """Short and without secrets: 'agentdesk.sqlite3 (SQLite)' or 'host/db (PostgreSQL)'."""
    if db.dialect == "sqlite":
        path = db.sqlite_file or db.url.database  # a plain SQLite file: without SQLAlchemy's URL
        name = Path(path).name if path else "memory"
        return f"{name} (SQLite)"
    return f"{db.url.host or 'localhost'}/{db.url.database} (PostgreSQL)"


def open_user_files(services: DeskServices, username: str, crashes: CrashStore) -> DraftMode:
    """Runs on the background helper after sign-in: the staff user's key from the keyring (made on
    first use) opens their drafts and moves this session's crash files into their folder. Without a
    secure keyring the drafts are kept in memory (the mode says so) and the crash files stay."""
    from agentdesk.drafts import user_key

    key = user_key(username)
    mode = services.drafts.open(username, key)
    services.outbox.open(username, key)  # contacts waiting for the database: the same user's, the same key
    crashes.open_for(username, key)
    return mode


class StartUp(QObject):
    """From ``start()`` to a signed-in staff member (or a failure), without blocking the UI thread."""

    signed_in = Signal(object)  # StaffMember: signed in, and the topics are ready
    failed = Signal(str)  # a StartFailure
    exit_requested = Signal(int)  # the agent closed the failure message (2) or the sign-in (1)
    username_chosen = Signal(str)  # who signed in (the desk remembers the last one)

    def __init__(
        self,
        app: QApplication,
        services: DeskServices,
        errors: ErrorReporter,
        *,
        language: str,
        last_username: str | None,
        upgrade_schema: bool = False,
        sign_in: SignInSetup = DEMO_SIGN_IN,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sign_in_setup = sign_in
        self.app, self.services, self.errors = app, services, errors
        self.background = services.background
        self.language, self.last_username = language, last_username
        self._upgrade_schema = upgrade_schema
        self.sign_in: SignInDialog | DirectorySignInDialog | None = None
        self.message: QMessageBox | None = None
        self.user: StaffMember | None = None
        self._username: str | None = None
        self._topics = TopicsState.PENDING
        self._keeping_running = False
        self.closed = False

    def start(self, username: str | None = None) -> None:
        """Offer the last crash, check the database, sign in (all non-blocking)."""
        self._username = username
        events.emit("app.start", version=__version__, lang=self.language)
        self.background.read(self.errors.previous_crash).success(self._offer_crash)
        job = partial(prepare_schema, self.services.db, upgrade=self._upgrade_schema)
        submit = self.background.write if self._upgrade_schema else self.background.read
        submit(job).success(self._schema_checked).failure(self._database_unreachable)

    def _offer_crash(self, crash: tuple[Path, str] | None) -> None:
        self.errors.offer_previous_crash(crash)

    def close(self) -> None:
        """The desk is shutting down: close what is open, start nothing more."""
        self.closed = True
        self.keep_running(False)
        for widget in (self.sign_in, self.message):
            if widget is not None:
                widget.close()

    # -- the schema ------------------------------------------------------------------------------

    def _schema_checked(self, state: SchemaState) -> None:
        if state is not SchemaState.CURRENT:
            events.emit("schema.mismatch", state=state.value)
            self._fatal(StartFailure(state.value), self._schema_text(state))
            return
        events.emit("schema.ok")
        self._load_topics()
        self._show_sign_in()

    def _schema_text(self, state: SchemaState) -> str:
        where = self.services.db.display_url()
        if state is SchemaState.EMPTY:
            return fill(
                translate(
                    "Desk", "The database %1 has no AgentDesk data yet. Ask IT to prepare it (agentdesk db upgrade)."
                ),
                where,
            )
        if state is SchemaState.OLDER:
            return fill(
                translate(
                    "Desk",
                    "The database %1 was made for an older version of AgentDesk. Ask IT to "
                    "upgrade it (agentdesk db upgrade) before using the desk.",
                ),
                where,
            )
        return fill(
            translate(
                "Desk",
                "The database %1 was made for a newer version of AgentDesk. Update AgentDesk on this workstation.",
            ),
            where,
        )

    def _database_unreachable(self, exc: BaseException) -> None:
        log.error("database check failed: %s", type(exc).__name__)
        events.emit("database.unreachable", error=type(exc).__name__)
        self._fatal(
            StartFailure.CONNECTION,
            fill(
                translate(
                    "Desk",
                    "Cannot open the database %1. Check the network connection; "
                    "if the problem continues, contact IT support.",
                ),
                self.services.db.display_url(),
            ),
            retry=True,
        )

    def _fatal(self, reason: StartFailure, text: str, *, retry: bool = False) -> None:
        buttons = QMessageBox.StandardButton.Close
        if retry:
            buttons |= QMessageBox.StandardButton.Retry
        box = QMessageBox(QMessageBox.Icon.Critical, translate("Desk", "AgentDesk cannot start"), text, buttons)
        box.setObjectName("startFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._fatal_closed(reason, result))
        self.message = box
        box.open()
        self.failed.emit(reason)

    def _fatal_closed(self, reason: StartFailure, result: int) -> None:
        self.message = None
        if self.closed:
            return
        if result == QMessageBox.StandardButton.Retry:
            self.start(self._username)
        else:
            self.exit_requested.emit(2)

    # -- the sign-in -----------------------------------------------------------------------------

    def _show_sign_in(self) -> None:
        preselect = self._username or self.last_username or ""
        setup = self.sign_in_setup
        if setup.directory is not None:
            self._show_directory_sign_in(setup.directory, preselect)
            return
        if not setup.demo:
            events.emit("signin.no_directory")
            self._fatal(
                StartFailure.CONFIGURATION,
                translate(
                    "Desk",
                    "This workstation has no sign-in configured. IT connects AgentDesk to the city's directory "
                    "in the department profile ([directory]: url, base_dn, group_roles) and stores the service "
                    "account's password with: agentdesk secrets set directory. Contact IT support.",
                ),
            )
            return
        dialog = SignInDialog(self.services.staff.list_active, self.background, preselect=preselect)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowIcon(self.app.windowIcon())
        self.sign_in = dialog
        dialog.accepted.connect(lambda: self._signed_in(dialog.chosen))
        dialog.rejected.connect(self._sign_in_cancelled)
        if self._username:
            dialog.staff_loaded.connect(self._auto_sign_in)
        dialog.show()

    def _show_directory_sign_in(self, settings: DirectorySettings, preselect: str) -> None:
        dialog = DirectorySignInDialog(
            partial(directory_check, settings, db=self.services.db),
            partial(directory_admit, self.services.db),
            self.background,
            preselect=preselect,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowIcon(self.app.windowIcon())
        self.sign_in = dialog
        dialog.accepted.connect(lambda: self._signed_in(dialog.chosen))
        dialog.rejected.connect(self._sign_in_cancelled)
        dialog.show()

    @Slot(int)
    def _auto_sign_in(self, _count: int) -> None:
        dialog, username = self.sign_in, self._username
        if not isinstance(dialog, SignInDialog) or not username:
            return
        if dialog.choose(username):
            dialog.accept()
        else:
            events.emit("signin.unknown_user")
            log.info("no active staff user with the given username; showing the chooser")

    def _sign_in_cancelled(self) -> None:
        self.sign_in = None
        events.emit("signin.cancelled")
        self.failed.emit(StartFailure.SIGNIN_CANCELLED)
        if not self.closed:
            self.exit_requested.emit(1)

    def _signed_in(self, member: StaffMember | None) -> None:
        self.sign_in = None
        if member is None:
            return
        self.user = member
        events.emit("signin.done", user_id=member.id)
        if member.username != self.last_username:
            self.last_username = member.username
            self.username_chosen.emit(member.username)
        if self._topics is TopicsState.READY:
            self._done(member)
        elif self._topics is TopicsState.PENDING:
            self.keep_running(True)  # no window between the sign-in and the main window for a moment

    # -- the topics ------------------------------------------------------------------------------

    def _load_topics(self) -> None:
        """Read the topic taxonomy the customer parts need while the agent signs in: off the UI thread."""
        if self.services.topics.loaded:
            self._topics = TopicsState.READY
            return
        self._topics = TopicsState.PENDING
        self.background.read(self.services.topics.load, owner=self).success(self._topics_loaded).failure(
            self._topics_unavailable
        )

    def _topics_loaded(self, _topics: object) -> None:
        self._topics = TopicsState.READY
        if self.user is not None:
            self._done(self.user)  # the agent signed in while it was read

    def _topics_unavailable(self, exc: BaseException) -> None:
        self._topics = TopicsState.FAILED
        self.keep_running(False)
        log.error("the customer parts could not be prepared: %s: %s", type(exc).__name__, exc)
        self._fatal(
            StartFailure.CONFIGURATION,
            fill(
                translate("Desk", "The configuration of AgentDesk could not be read (%1). Contact IT support."),
                type(exc).__name__,
            ),
        )

    def _done(self, member: StaffMember) -> None:
        if not self.closed:
            self.signed_in.emit(member)

    def keep_running(self, keep: bool) -> None:
        """While True, closing the last window does not end the application."""
        if keep != self._keeping_running:
            self._keeping_running = keep
            self.app.setQuitOnLastWindowClosed(not keep)
