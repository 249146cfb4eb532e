"""The composition root of the desktop.

:func:`build_app` makes the QApplication, the one :class:`~agentdesk_desktop.background.Background` helper, the
change bus, the error reporter, the translations, the settings and — through
:func:`agentdesk_desktop.services.build_services`, the only place that does — every core service, and hands them
to the windows it creates (typed seams: :mod:`agentdesk_desktop.seams`). Nothing here is global: everything hangs
off the returned :class:`Desk`.

Start-up never blocks the UI thread: the schema check (and, for the embedded database, the
upgrade), the staff list, what the customer parts prepare (the topic taxonomy) and every customer
load run on the background helper.

    desk = build_app("sqlite:///path/agentdesk.sqlite3")
    desk.start(username="agent.aino")     # sign-in, then the main window
    sys.exit(desk.exec())
"""

from __future__ import annotations

import enum
import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from agentdesk import __version__
from agentdesk.app_log import start_log_file
from agentdesk.staff import StaffMember
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.schema import SchemaState
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.change_bus import ChangeBus
from agentdesk_desktop.crash_files import CrashStore
from agentdesk_desktop.desk_windows import DeskWindows
from agentdesk_desktop.errors import ErrorReporter
from agentdesk_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translations, fill, resources_dir
from agentdesk_desktop.main_window import MainWindow
from agentdesk_desktop.plugins.desk_plugins import DeskPlugins, PluginSetup
from agentdesk_desktop.seams import CustomerParts, CustomerPartsFactory
from agentdesk_desktop.services import DeskServices, build_services
from agentdesk_desktop.settings import DeskSettings, SettingsStore
from agentdesk_desktop.sign_in import SignInDialog

if TYPE_CHECKING:  # the phone and the settings dialog are imported when they are used (start-up time)
    from agentdesk.channels.ami import AmiSettings
    from agentdesk_desktop.phone.phone_connector import SecretLookup
    from agentdesk_desktop.phone.phone_desk import PhoneDesk
    from agentdesk_desktop.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

__all__ = ["Desk", "SchemaState", "StartFailure", "build_app", "prepare_schema"]


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


def database_label(db: Database) -> str:
    """Short and without secrets: 'agentdesk.sqlite3 (SQLite)' or 'host/db (PostgreSQL)'."""
    if db.dialect == "sqlite":
        name = Path(db.url.database).name if db.url.database else "memory"
        return f"{name} (SQLite)"
    return f"{db.url.host or 'localhost'}/{db.url.database} (PostgreSQL)"


# -- the desk ------------------------------------------------------------------------------------


class Desk(QObject):
    """One running desktop: the application, its services, and the start-up flow."""

    window_ready = Signal(object)  # MainWindow
    finished = Signal(int)  # the desk ends with this exit code (see exit())
    start_failed = Signal(str)  # a StartFailure

    def __init__(
        self,
        app: QApplication,
        services: DeskServices,
        *,
        errors: ErrorReporter,
        translations: Translations,
        settings_store: SettingsStore,
        settings: DeskSettings,
        plugins: DeskPlugins,
        customer_parts: CustomerPartsFactory,
        style_sheet: str = "",
        upgrade_schema: bool = False,
        owns_database: bool = True,
        phone: AmiSettings | None = None,
        phone_secret: SecretLookup | None = None,
        demo_caller: object | None = None,
    ) -> None:
        super().__init__(app)
        self.app, self.services, self.errors, self.translations = app, services, errors, translations
        self.background = services.background
        self.settings_store, self.settings = settings_store, settings
        self.plugins, self.style_sheet = plugins, style_sheet
        self._customer_parts = customer_parts
        self._upgrade_schema, self._owns_database = upgrade_schema, owns_database
        self.phone_settings, self.phone_secret, self.demo_caller = phone, phone_secret, demo_caller
        self.window: MainWindow | None = None
        self.windows: DeskWindows | None = None  # dashboard, reception and phone of the open window
        self.sign_in: SignInDialog | None = None
        self.message: QMessageBox | None = None
        self.user: StaffMember | None = None
        self._username: str | None = None
        self._closed = False
        self._topics = TopicsState.PENDING
        self._keeping_running = False
        self._in_exec = False
        self.exit_code: int | None = None
        app.aboutToQuit.connect(self.shutdown)

    @property
    def phone(self) -> PhoneDesk | None:
        return self.windows.phone if self.windows is not None else None

    @property
    def dashboard(self) -> QWidget | None:
        return self.windows.dashboard if self.windows is not None else None

    @property
    def reception(self) -> QWidget | None:
        return self.windows.reception if self.windows is not None else None

    def _apply_style(self, window: MainWindow) -> None:
        """The desk's style sheet goes on the parts of the window it styles (the search panel, the
        status bar, the note shown while no customer is open), not on the application: under an
        application style sheet Qt draws every widget with its style-sheet style, which makes
        building a customer overview tab three times as slow (~30 ms more of the UI thread for
        every customer opened)."""
        if not self.style_sheet:
            return
        for region in (window.search_panel, window.statusBar(), window.findChild(QLabel, "noCustomerOpen")):
            if region is not None:
                region.setStyleSheet(self.style_sheet)

    # -- start-up --------------------------------------------------------------------------------

    def start(self, username: str | None = None) -> None:
        """Offer the last crash, check the database, sign in, show the window (all non-blocking)."""
        self._username = username
        events.emit("app.start", version=__version__, lang=self.translations.language)
        self.plugins.start()  # discovery and activation on the background helper
        self.background.read(self.errors.previous_crash).success(self.errors.offer_previous_crash)
        job = partial(prepare_schema, self.services.db, upgrade=self._upgrade_schema)
        submit = self.background.write if self._upgrade_schema else self.background.read
        submit(job).success(self._schema_checked).failure(self._database_unreachable)

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
                self.tr("The database %1 has no AgentDesk data yet. Ask IT to prepare it (agentdesk db upgrade)."),
                where,
            )
        if state is SchemaState.OLDER:
            return fill(
                self.tr(
                    "The database %1 was made for an older version of AgentDesk. Ask IT to "
                    "upgrade it (agentdesk db upgrade) before using the desk."
                ),
                where,
            )
        return fill(
            self.tr("The database %1 was made for a newer version of AgentDesk. Update AgentDesk on this workstation."),
            where,
        )

    def _database_unreachable(self, exc: BaseException) -> None:
        log.error("database check failed: %s", type(exc).__name__)
        events.emit("database.unreachable", error=type(exc).__name__)
        self._fatal(
            StartFailure.CONNECTION,
            fill(
                self.tr(
                    "Cannot open the database %1. Check the network connection; "
                    "if the problem continues, contact IT support."
                ),
                self.services.db.display_url(),
            ),
            retry=True,
        )

    def _fatal(self, reason: StartFailure, text: str, *, retry: bool = False) -> None:
        buttons = QMessageBox.StandardButton.Close
        if retry:
            buttons |= QMessageBox.StandardButton.Retry
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("AgentDesk cannot start"), text, buttons)
        box.setObjectName("startFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._fatal_closed(reason, result))
        self.message = box
        box.open()
        self.start_failed.emit(reason)

    def _fatal_closed(self, reason: StartFailure, result: int) -> None:
        self.message = None
        if self._closed:
            return
        if result == QMessageBox.StandardButton.Retry:
            self.start(self._username)
        else:
            self.exit(2)

    def _show_sign_in(self) -> None:
        preselect = self._username or self.settings.last_username
        dialog = SignInDialog(self.services.staff.list_active, self.background, preselect=preselect)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowIcon(self.app.windowIcon())
        self.sign_in = dialog
        dialog.accepted.connect(lambda: self._signed_in(dialog.chosen))
        dialog.rejected.connect(self._sign_in_cancelled)
        if self._username:
            dialog.staff_loaded.connect(self._auto_sign_in)
        dialog.show()

    @Slot(int)
    def _auto_sign_in(self, _count: int) -> None:
        dialog, username = self.sign_in, self._username
        if dialog is None or not username:
            return
        if dialog.choose(username):
            dialog.accept()
        else:
            events.emit("signin.unknown_user")
            log.info("no active staff user with the given username; showing the chooser")

    def _sign_in_cancelled(self) -> None:
        self.sign_in = None
        events.emit("signin.cancelled")
        self.start_failed.emit(StartFailure.SIGNIN_CANCELLED)
        if not self._closed:
            self.exit(1)

    def _signed_in(self, member: StaffMember | None) -> None:
        self.sign_in = None
        if member is None:
            return
        self.user = member
        events.emit("signin.done", user_id=member.id)
        if member.username != self.settings.last_username:
            self._save_settings(replace(self.settings, last_username=member.username))
        if self._topics is TopicsState.READY:
            self._show_window(member)
        elif self._topics is TopicsState.PENDING:
            self._keep_running(True)  # no window between the sign-in and the main window for a moment

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
        if self.user is not None and self.window is None:
            self._show_window(self.user)  # the agent signed in while it was read

    def _topics_unavailable(self, exc: BaseException) -> None:
        self._topics = TopicsState.FAILED
        self._keep_running(False)
        log.error("the customer parts could not be prepared: %s: %s", type(exc).__name__, exc)
        self._fatal(
            StartFailure.CONFIGURATION,
            fill(
                self.tr("The configuration of AgentDesk could not be read (%1). Contact IT support."),
                type(exc).__name__,
            ),
        )

    def _keep_running(self, keep: bool) -> None:
        """While True, closing the last window does not end the application."""
        if keep != self._keeping_running:
            self._keeping_running = keep
            self.app.setQuitOnLastWindowClosed(not keep)

    def _show_window(self, member: StaffMember) -> None:
        self._keep_running(False)
        if self._closed:
            return
        self.window = self._make_window(member)
        self.window.show()
        self.window.search_panel.focus_search()
        events.emit("window.ready", user_id=member.id)
        self.window_ready.emit(self.window)

    def _make_window(self, member: StaffMember) -> MainWindow:
        parts: CustomerParts = self._customer_parts(self.services, member, self._open_customer)
        view_factory = self.plugins.customer_view_factory(parts.customer_view, member)
        window = MainWindow(
            background=self.background,
            search=self.services.search.search,
            user=member,
            database_label=database_label(self.services.db),
            customer_view_factory=view_factory,
            new_customer_dialog_factory=parts.new_customer_dialog if parts.creates_customers else None,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowIcon(self.app.windowIcon())
        window.settings_requested.connect(self.open_settings)
        self._apply_style(window)
        self.plugins.window_ready(window)  # Help ▸ Plugins…, plugin problems in the status bar
        self.errors.dialog_parent = window
        window.destroyed.connect(self._window_gone)
        parts.window_ready(window)  # e.g. keys the customer tabs claim, unsaved contacts offered back
        self.windows = DeskWindows(self.services, window, member, parts, parent=self)
        if self.phone_settings is not None:
            if self.phone_secret is None:  # the default: the OS keyring
                from agentdesk_desktop.phone.phone_connector import keyring_secret

                self.phone_secret = keyring_secret
            self.windows.start_phone(self.phone_settings, self.phone_secret)
        if self.demo_caller is not None:
            self.windows.start_demo_calls(self.demo_caller)
        return window

    def _open_customer(self, customer_id: int) -> QWidget | None:
        """For views that open another customer (a relative, a duplicate): a tab in the window."""
        return self.window.open_customer(customer_id) if self.window is not None else None

    @Slot()
    def _window_gone(self) -> None:
        self.window = None
        self.errors.dialog_parent = None
        self._stop_windows()

    @Slot()
    def open_dashboard(self) -> QWidget | None:
        return self.windows.open_dashboard() if self.windows is not None and self.window is not None else None

    @Slot()
    def open_reception(self) -> QWidget | None:
        return self.windows.open_reception() if self.windows is not None and self.window is not None else None

    def _stop_windows(self) -> None:
        if self.windows is not None:
            self.windows.stop()

    # -- settings --------------------------------------------------------------------------------

    @Slot()
    def open_settings(self) -> SettingsDialog:
        from agentdesk_desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.translations.language, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_language(dialog.language))
        dialog.open()
        return dialog

    def set_language(self, code: str) -> None:
        """Switch the language now and remember it."""
        self.translations.set_language(code)
        events.emit("language.changed", lang=code)
        if code != self.settings.language:
            self._save_settings(replace(self.settings, language=code))

    def _save_settings(self, settings: DeskSettings) -> None:
        self.settings = settings
        self.background.write(self.settings_store.save, settings)

    # -- running and stopping --------------------------------------------------------------------

    def exec(self) -> int:
        """Run the event loop until the desk ends; its exit code."""
        self._in_exec = True
        # What start-up loaded (modules, Qt bindings, the ORM's metadata: ~100,000 objects) lives
        # as long as the desk: keep it out of the garbage collector's full collections, which
        # otherwise walk all of it on the UI thread (60-100 ms) when they happen to run, typically
        # while the first customer opens.
        gc.freeze()
        # A background job holds the GIL for up to this long before the UI thread gets it back
        # (Python's default: 5 ms). Opening a customer waits on it several times.
        sys.setswitchinterval(0.001)
        try:
            return self.app.exec()
        finally:
            self._in_exec = False

    def exit(self, code: int) -> None:
        """End the desk: leave the event loop with ``code``. Outside :meth:`exec` (tests) only
        ``finished`` is emitted: an exit() with no loop running would make Qt end every later
        event loop at once."""
        self.exit_code = code
        self.finished.emit(code)
        if self._in_exec:
            self.app.exit(code)

    @Slot()
    def shutdown(self) -> None:
        """Stop background work, close windows, restore the hooks; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._keep_running(False)
        self._stop_windows()
        for widget in (self.sign_in, self.message, self.window):
            if widget is not None:
                widget.close()
        self.background.shutdown()
        self.plugins.shutdown()  # after the background jobs: none of them still asks a plugin
        self.plugins.deleteLater()
        self.errors.uninstall()
        self.errors.store.end_session()
        self.translations.clear()
        if self._owns_database:
            self.services.db.dispose()
        self.app.aboutToQuit.disconnect(self.shutdown)
        for helper in (self.background, self.services.changes, self.errors, self.translations, self):
            helper.deleteLater()
        events.emit("app.stopped")


def build_app(
    database: str | Database | None = None,
    *,
    argv: list[str] | None = None,
    language: str | None = None,
    settings_store: SettingsStore | None = None,
    crash_store: CrashStore | None = None,
    install_hooks: bool = True,
    upgrade_schema: bool = False,
    customer_parts: CustomerPartsFactory | None = None,
    plugins: PluginSetup | None = None,
    error_handler: Callable[[BaseException], None] | None = None,
    phone: AmiSettings | None = None,
    phone_secret: SecretLookup | None = None,
    demo_caller: object | None = None,
) -> Desk:
    """The composition root: build the desk on a database URL (None: the embedded default) or an
    open :class:`Database`. Every service is made here, once (:func:`agentdesk_desktop.services.build_services`).

    ``language`` overrides the saved language for this run; ``upgrade_schema`` upgrades the
    database before the check (for the embedded database, which has no IT to run upgrades).
    Customer tabs show what ``customer_parts(services, user, open_customer)`` gives (a
    :class:`agentdesk_desktop.seams.CustomerParts`; default: the overview, contact logging and customer dialogs).
    ``plugins``: where the department plugins' settings and secrets come from (default: this
    workstation's department profile and the OS keyring; ``PluginSetup(enabled=False)``: none).
    ``phone``: the AMI connection of this workstation (its secret from ``phone_secret``, by default
    the OS keyring) for the screen pop; ``demo_caller`` (a :class:`agentdesk_desktop.phone.demo_calls.DemoCallSource`)
    adds the Demo menu and a simulated call every minute.
    """
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AgentDesk")
    app.setApplicationDisplayName("AgentDesk")
    app.setOrganizationName("AgentDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("agentdesk")
    app.setStyle("Fusion")
    resources = resources_dir()
    icon = resources / "icons" / "agentdesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resources / "style" / "desk.qss"
    style_sheet = style.read_text(encoding="utf-8") if style.exists() else ""  # see Desk._apply_style

    crash_store = crash_store or CrashStore()
    errors = ErrorReporter(crash_store, app)
    if install_hooks:
        start_log_file()  # agentdesk.log in the platform's log folder, rotating, no personal data
        errors.install()
    crash_store.begin_session(fatal_dump=install_hooks)
    changes = ChangeBus(app)
    background = Background(app, on_error=error_handler or errors.report, publish=changes.publish)
    errors.connect(background)  # errors on other threads come to the dialog through the one bridge

    settings_store = settings_store or SettingsStore()
    settings = settings_store.load()
    translations = Translations(app)
    chosen = language or settings.language or DEFAULT_LANGUAGE
    translations.set_language(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)

    if customer_parts is None:
        from agentdesk_desktop.customer_desk import CustomerDesk  # the customer overview, logging and dialogs

        customer_parts = CustomerDesk
    owns_database = not isinstance(database, Database)
    db = database if isinstance(database, Database) else Database(database)
    services = build_services(db, background, changes)
    desk_plugins = DeskPlugins(background, db, services.register, translations, plugins, parent=app)
    desk = Desk(
        app,
        services,
        errors=errors,
        translations=translations,
        settings_store=settings_store,
        settings=settings,
        plugins=desk_plugins,
        customer_parts=customer_parts,
        style_sheet=style_sheet,
        upgrade_schema=upgrade_schema,
        owns_database=owns_database,
        phone=phone,
        phone_secret=phone_secret,
        demo_caller=demo_caller,
    )
    desk_plugins.setParent(desk)
    return desk
