"""The composition root of the desktop.

:func:`build_app` makes the QApplication, the one :class:`~agentdesk_desktop.background.Background` helper, the
change bus, the error reporter, the translations, the settings and — through
:func:`agentdesk_desktop.services.build_services`, the only place that does — every core service, and hands them
to the windows it creates (typed seams: :mod:`agentdesk_desktop.seams`). Nothing here is global: everything hangs
off the returned :class:`Desk`.

Start-up never blocks the UI thread: the schema check (and, for the embedded database, the upgrade), the staff
list, what the customer parts prepare (the topic taxonomy) and every customer load run on the background helper
(the flow up to the sign-in: :mod:`agentdesk_desktop.start_up`).

The first window comes in two steps. It is shown with what the sign-in and a search need (``window.shown``,
:attr:`Desk.window_shown`); then the background helper imports and makes the rest — the services with the ORM and
the models, the customer side's views, the department plugins' host, the keyring's back end — and the desk
completes the window with them (``window.ready``, :attr:`Desk.window_ready`): customer tabs, New customer…,
Help ▸ Plugins, the phone. A customer opened before that (an agent faster than the helper) completes it at once.

    desk = build_app("sqlite:///path/agentdesk.sqlite3")
    desk.start(username="agent.aino")     # sign-in, then the main window
    sys.exit(desk.exec())
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from agentdesk_desktop.pyside_imports import check_modules_cheaply

check_modules_cheaply()  # before the imports below (see the module: each import read its own source)
from agentdesk import __version__
from agentdesk.deployment.profile_cases import CaseSettings
from agentdesk.deployment.profile_work import WorkSettings
from agentdesk.drafts import DraftMode
from agentdesk.staff import StaffMember
from agentdesk.storage.connection import DESK_CONNECTION, ConnectionSettings
from agentdesk.storage.database import Database
from agentdesk.storage.schema import SchemaState
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.change_bus import ChangeBus
from agentdesk_desktop.crash_files import CrashStore
from agentdesk_desktop.desk_windows import DeskWindows
from agentdesk_desktop.errors import ErrorReporter
from agentdesk_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translations, resources_dir
from agentdesk_desktop.main_window import MainWindow
from agentdesk_desktop.seams import CustomerParts, CustomerPartsFactory
from agentdesk_desktop.services import DeskServices, build_services
from agentdesk_desktop.settings import DeskSettings, SettingsStore
from agentdesk_desktop.sign_in import DEMO_SIGN_IN, SignInDialog, SignInSetup
from agentdesk_desktop.sign_in_directory import DirectorySignInDialog
from agentdesk_desktop.start_up import StartFailure, StartUp, database_label, open_user_files, prepare_schema
from agentdesk_desktop.widgets.desk_style import DeskStyle

if TYPE_CHECKING:  # imported when they are used: after the first window (start-up time)
    from agentdesk.channels.ami import AmiSettings
    from agentdesk.deployment.profile_email import EmailSettings
    from agentdesk_desktop.phone.demo_calls import DemoCallSource
    from agentdesk_desktop.phone.phone_connector import SecretLookup
    from agentdesk_desktop.phone.phone_desk import PhoneDesk
    from agentdesk_desktop.plugins.desk_plugins import DeskPlugins
    from agentdesk_desktop.plugins.plugin_setup import PluginSetup
    from agentdesk_desktop.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

__all__ = ["Desk", "SchemaState", "StartFailure", "build_app", "database_label", "prepare_schema"]


def prepare_the_rest(services: DeskServices, default_parts: bool, username: str, crashes: CrashStore) -> DraftMode:
    """Runs on the background helper once the first window is shown: import and make what the window
    is completed with. The search service first (the agent may already be typing); the keyring's
    choice of back end before the plugins' activation and the phone read a secret; then the staff
    user's drafts and crash files (:func:`open_user_files`: before any panel looks for drafts, and a
    look made earlier waits for it on its own background thread)."""
    from agentdesk.credentials import use_secure_keyring

    services.search  # noqa: B018 - made now, off the UI thread
    if default_parts:
        import agentdesk_desktop.customer_desk  # the overview, contact logging, customer dialogs
    import agentdesk_desktop.plugins.desk_plugins  # noqa: F401 - the plugin host

    services.prepare()
    use_secure_keyring()
    return open_user_files(services, username, crashes)


# -- the desk ------------------------------------------------------------------------------------


class Desk(QObject):
    """One running desktop: the application, its services, and its main window."""

    window_shown = Signal(object)  # MainWindow: shown, a search works (the customer side follows)
    window_ready = Signal(object)  # MainWindow: complete (customer tabs, plugins, phone)
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
        plugin_setup: PluginSetup | None = None,
        customer_parts: CustomerPartsFactory | None = None,
        style_sheet: str = "",
        upgrade_schema: bool = False,
        owns_database: bool = True,
        phone: AmiSettings | None = None,
        phone_secret: SecretLookup | None = None,
        demo_caller: DemoCallSource | None = None,
        sign_in: SignInSetup = DEMO_SIGN_IN,
    ) -> None:
        super().__init__(app)
        self.app, self.services, self.errors, self.translations = app, services, errors, translations
        self.background = services.background
        self.settings_store, self.settings = settings_store, settings
        self.plugin_setup, self.style_sheet = plugin_setup, style_sheet
        self.plugins: DeskPlugins | None = None  # made when the window is completed
        self._customer_parts = customer_parts  # None: agentdesk_desktop.customer_desk.CustomerDesk
        self._owns_database = owns_database
        self.phone_settings, self.phone_secret, self.demo_caller = phone, phone_secret, demo_caller
        self.window: MainWindow | None = None
        self.windows: DeskWindows | None = None  # dashboard, reception and phone of the open window
        self.parts: CustomerParts | None = None  # the customer side of the open window
        self._view_factory: Callable[[int], QWidget] | None = None
        self._closed = False
        self._in_exec = False
        self.exit_code: int | None = None
        self.start_up = StartUp(
            app,
            services,
            errors,
            language=translations.language,
            last_username=settings.last_username,
            upgrade_schema=upgrade_schema,
            sign_in=sign_in,
            parent=self,
        )
        self.start_up.signed_in.connect(self._show_window)
        self.start_up.failed.connect(self.start_failed)
        self.start_up.exit_requested.connect(self._start_up_exit)
        self.start_up.username_chosen.connect(self._remember_username)
        app.aboutToQuit.connect(self.shutdown)

    @property
    def sign_in(self) -> SignInDialog | DirectorySignInDialog | None:
        return self.start_up.sign_in

    @property
    def message(self) -> QMessageBox | None:
        """The message saying why the desk cannot start, while it is shown."""
        return self.start_up.message

    @property
    def user(self) -> StaffMember | None:
        return self.start_up.user

    @property
    def phone(self) -> PhoneDesk | None:
        return self.windows.phone if self.windows is not None else None

    @property
    def dashboard(self) -> QWidget | None:
        return self.windows.dashboard if self.windows is not None else None

    @property
    def reception(self) -> QWidget | None:
        return self.windows.reception if self.windows is not None else None

    # -- start-up --------------------------------------------------------------------------------

    def start(self, username: str | None = None) -> None:
        """Offer the last crash, check the database, sign in, show the window (all non-blocking)."""
        self.start_up.start(username)

    @Slot(int)
    def _start_up_exit(self, code: int) -> None:
        if not self._closed:
            self.exit(code)

    @Slot(str)
    def _remember_username(self, username: str) -> None:
        self._save_settings(replace(self.settings, last_username=username))

    def _show_window(self, member: StaffMember) -> None:
        """The first step: the window with what a search needs, shown now."""
        self.start_up.keep_running(False)
        if self._closed or self.window is not None:
            return
        window = MainWindow(
            background=self.background,
            search=self._search,
            user=member,
            database_label=database_label(self.services.db),
            customer_view_factory=self._customer_view,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowIcon(self.app.windowIcon())
        window.settings_requested.connect(self.open_settings)
        window.style_regions(self.style_sheet)
        self.errors.dialog_parent = window
        window.destroyed.connect(self._window_gone)
        self.window = window
        self.windows = DeskWindows(self.services, window, member, None, parent=self)
        window.show()
        window.search_panel.focus_search()
        events.emit("window.shown", user_id=member.id)
        self.window_shown.emit(window)
        rest = (self.services, self._customer_parts is None, member.username, self.errors.store)
        self.background.read(prepare_the_rest, *rest, owner=self).success(self._rest_prepared).failure(
            self._rest_not_prepared
        )

    def _search(self, *args: Any, **kwargs: Any) -> Any:
        """The search service's search (runs on the background helper; the service is made on first use).
        Every result list is audited under the signed-in user."""
        return self.services.search_as(self.user, *args, **kwargs)

    def _rest_prepared(self, drafts: DraftMode) -> None:
        self._drafts_opened(drafts)
        self._complete_window()
        if not self._closed:  # this staff user's last session, if it ended unexpectedly (read off the UI thread)
            self.background.read(self.errors.previous_crash, owner=self).success(self._offer_crash)

    def _offer_crash(self, found: tuple[Path, str] | None) -> None:
        self.errors.offer_previous_crash(found, self.window)

    def _rest_not_prepared(self, exc: BaseException) -> None:
        log.error("the rest of the desk could not be prepared off the UI thread: %s", type(exc).__name__)
        if self.user is not None and self.services.drafts.mode is None:  # the drafts still open, on their own
            opening = self.background.read(open_user_files, self.services, self.user.username, self.errors.store)
            opening.success(self._drafts_opened)
        self._complete_window()  # makes it here, or reports what fails

    def _drafts_opened(self, mode: DraftMode) -> None:
        """Without a secure keyring the agent is told once that unsaved contacts live in memory only."""
        if mode is DraftMode.MEMORY and self.window is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Desk",
                    "No secure keyring on this computer: unsaved contacts are kept in memory only "
                    "and will not survive a crash.",
                )
            )
            events.emit("drafts.memory_only")

    def _complete_window(self, _prepared: object = None) -> None:
        """The second step: the customer side, the plugins and the phone join the window."""
        window, member = self.window, self.user
        if self._closed or window is None or member is None or self.parts is not None:
            return
        factory = self._customer_parts
        if factory is None:
            from agentdesk_desktop.customer_desk import CustomerDesk  # the customer overview, logging and dialogs

            factory = CustomerDesk
        from agentdesk_desktop.plugins.desk_plugins import DeskPlugins

        parts = self.parts = factory(self.services, member, self._open_customer)
        plugins = self.plugins = DeskPlugins.for_services(self.services, self.translations, self.plugin_setup, self)
        self._view_factory = plugins.customer_view_factory(parts.customer_view, member)
        if parts.creates_customers:
            window.set_new_customer_dialog_factory(parts.new_customer_dialog)
        plugins.window_ready(window)  # Help ▸ Plugins…, plugin problems in the status bar
        parts.window_ready(window)  # e.g. keys the customer tabs claim, unsaved contacts offered back
        windows = self.windows
        assert windows is not None  # made with the window
        windows.parts = parts
        windows.start_work()  # presence and inbox before the phone, which moves the presence
        if self.phone_settings is not None:
            if self.phone_secret is None:  # the default: the OS keyring
                from agentdesk_desktop.phone.phone_connector import keyring_secret

                self.phone_secret = keyring_secret
            windows.start_phone(self.phone_settings, self.phone_secret)
        if self.demo_caller is not None:
            windows.start_demo_calls(self.demo_caller)
        plugins.start()  # discovery and activation on the background helper
        if self._in_exec:
            gc.freeze()  # what the second step imported lives as long as the desk too (see exec())
        events.emit("window.ready", user_id=member.id)
        self.window_ready.emit(window)

    def _customer_view(self, customer_id: int) -> QWidget:
        if self._view_factory is None:
            self._complete_window()  # a customer opened before the second step: it is taken now
        assert self._view_factory is not None
        return self._view_factory(customer_id)

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
        # while the first customer opens. What the window's second step loads is frozen then.
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
        self.start_up.close()
        self._stop_windows()
        self.services.drafts.give_up_waiting()  # no background job waits on drafts never opened
        self.services.outbox.give_up_waiting()
        if self.window is not None:
            self.window.close_guard = None  # the application is ending: a contact in progress stays a draft
            self.window.close()
        self.background.shutdown()
        if self.plugins is not None:
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
    demo_caller: DemoCallSource | None = None,
    connection: ConnectionSettings | None = None,
    cases: CaseSettings | None = None,
    sign_in: SignInSetup = DEMO_SIGN_IN,
    work: WorkSettings | None = None,
    email: EmailSettings | None = None,
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
    adds the Demo menu and a simulated call every minute. ``sign_in``: the directory of the department
    profile, or the demo's chooser (the default here, for tests and tools; ``agentdesk desk`` passes the
    profile's, and without a directory there it offers no chooser: see :mod:`agentdesk_desktop.sign_in`).
    ``work``: the profile's ``[work]`` (wrap-up time and codes). ``email``: its ``[email]`` (the mailbox
    watchers start with the complete window and stop at exit: :mod:`agentdesk_desktop.mail.mail_status`).
    """
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AgentDesk")
    app.setApplicationDisplayName("AgentDesk")
    app.setOrganizationName("AgentDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("agentdesk")
    app.setStyle(DeskStyle())  # Fusion with flat scroll bars (widgets/desk_style.py)
    resources = resources_dir()
    icon = resources / "icons" / "agentdesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resources / "style" / "desk.qss"
    style_sheet = style.read_text(encoding="utf-8") if style.exists() else ""  # see MainWindow.style_regions

    crash_store = crash_store or CrashStore()
    errors = ErrorReporter(crash_store, app)
    if install_hooks:
        from agentdesk.app_log import start_log_file

        start_log_file()  # agentdesk.log in the platform's log folder, rotating, no personal data
        errors.install()
    crash_store.begin_session(fatal_dump=install_hooks)
    changes = ChangeBus(app)

    def report(exc: BaseException) -> None:
        errors.report(exc)  # the dialog, the crash file

    background = Background(app, on_error=error_handler or report, publish=changes.publish)
    errors.listen_to(background)  # errors on other threads come to the dialog through the one bridge

    settings_store = settings_store or SettingsStore()
    settings = settings_store.load()
    translations = Translations(app)
    chosen = language or settings.language or DEFAULT_LANGUAGE
    translations.set_language(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)

    owns_database = not isinstance(database, Database)
    db = database if isinstance(database, Database) else Database(database, settings=connection or DESK_CONNECTION)
    cases = cases or CaseSettings()
    services = build_services(db, background, changes, cases=cases, work=work, email=email)
    return Desk(
        app,
        services,
        errors=errors,
        translations=translations,
        settings_store=settings_store,
        settings=settings,
        plugin_setup=plugins,
        customer_parts=customer_parts,
        style_sheet=style_sheet,
        upgrade_schema=upgrade_schema,
        owns_database=owns_database,
        phone=phone,
        phone_secret=phone_secret,
        demo_caller=demo_caller,
        sign_in=sign_in,
    )
