"""The desk's side of the department plugins: one :class:`DeskPlugins` per desk, made by the
composition root (:mod:`agentdesk_desktop.app`).

It owns the :class:`~agentdesk.plugin_host.host.PluginHost` and is the only way the windows talk to it:

- :meth:`start` reads the deployment (the workstation's department profile, or what the caller
  passes, e.g. the demo's loopback back ends), discovers and activates the plugins on the background
  helper (activation reads the keyring); until then no panel is offered. Plugins that failed or were
  built for another plugin API are named in the status bar and in Help ▸ Plugins.
- :meth:`request_panel` asks the host for a panel off the UI thread and brings the answer back to it
  (:mod:`agentdesk_desktop.plugins.panel_requests`); a request can be cancelled (a closed customer tab) and its
  answer is then dropped.
- :meth:`action_form` / :meth:`run_action` call a plugin action on the read pool. A filed action's
  reference is stored here (:func:`agentdesk.contact_records.store_plugin_reference`), not by the
  dialog, so it is kept even if the dialog is gone when the answer comes.
- :meth:`customer_view_factory` wraps the customer tab factory: every overview gets a
  :class:`~agentdesk_desktop.plugins.panel_area.PluginPanelArea` for the signed-in staff member.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from agentdesk.audit import DatabaseAuditSink
from agentdesk.contact_records import StoredReference, store_plugin_reference
from agentdesk.customer_overview import CaseView
from agentdesk.customer_register import CustomerRegister
from agentdesk.plugin_api import ActionResult
from agentdesk.plugin_host.host import AccessDenied, PluginHost, PluginState, PluginStatus
from agentdesk.plugin_host.manifest import ActionSpec, PanelSpec
from agentdesk.plugin_host.runner import CallOutcome, PanelState
from agentdesk.plugin_host.settings import KeyringSecrets
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import CaseStatus
from agentdesk_desktop import events
from agentdesk_desktop.background import Background, Op
from agentdesk_desktop.i18n import Translations, fill
from agentdesk_desktop.plugins.panel_customer import PanelCustomer, load_panel_customer
from agentdesk_desktop.plugins.panel_requests import PanelRequest, PanelRequests
from agentdesk_desktop.plugins.plugin_seams import CaseLinkingContact, contact_in_progress
from agentdesk_desktop.plugins.plugin_setup import (  # noqa: F401 - PluginSetup and state_text are imported from here too
    DEPLOYMENT_DISABLED,
    PROBLEM_STATES,
    PluginSetup,
    deployment_from_profile,
    state_text,
)
from agentdesk_desktop.plugins.reference_status_poller import ReferenceStatusPoller
from agentdesk_desktop.services import DeskServices
from agentdesk_desktop.view_seams import CustomerTab, MainWindowLike

log = logging.getLogger(__name__)

ActionDone = Callable[[CallOutcome, StoredReference | None], None]  # run_action's done: the outcome, what was stored


class DeskPlugins(QObject):
    changed = Signal()  # the plugins' states or the panels on offer changed (UI thread)
    ready = Signal()  # discovery and activation have finished
    language_changed = Signal(str)
    reference_stored = Signal(int, str)  # customer id, plugin id: a filed action's reference was stored

    def __init__(
        self,
        background: Background,
        db: Database,
        register: CustomerRegister,
        translations: Translations,
        setup: PluginSetup | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskPlugins")
        self.status_poller: ReferenceStatusPoller | None = None  # for_services(): back-office statuses
        self.background, self.db, self.register, self.translations = background, db, register, translations
        self.setup = setup or PluginSetup()
        self.host: PluginHost | None = None
        self._starting_host: PluginHost | None = None
        self._started = False
        self._closing = False
        self.requests = PanelRequests(background, self)
        # the host's change listeners run on any thread: the news comes to the UI thread through the one bridge
        self._host_changed = background.channel(self._on_host_changed, owner=self)
        self.disabled_here: set[str] = set()  # plugins disabled from Help ▸ Plugins in this session
        self._windows: list[QMainWindow] = []
        self._plugins_actions: list[QAction] = []
        self._shown_problem = ""
        translations.language_changed.connect(self._language_changed)

    # -- starting and stopping -----------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        return self.host is not None

    @property
    def language(self) -> str:
        return self.translations.language or "fi"

    def start(self) -> None:
        """Discover and activate the plugins off the UI thread (keyring, imports, profile file)."""
        if self._started or not self.setup.enabled:
            return
        self._started = True
        self.background.read(self._prepare).on_success(self._host_ready).on_failure(self._start_failed)

    @classmethod
    def for_services(
        cls, services: DeskServices, translations: Translations, setup: PluginSetup | None, parent: QObject
    ) -> DeskPlugins:
        """The desk's plugins over the composition root's services, following the back-office statuses of
        the cases filed through them (API 1.2) once they run."""
        plugins = cls(services.background, services.db, services.register, translations, setup, parent)
        sync = services.backoffice
        plugins.status_poller = ReferenceStatusPoller(services.background, sync, lambda: plugins.host, parent=plugins)
        return plugins

    def _prepare(self) -> PluginHost:  # background thread
        deployment = self.setup.deployment if self.setup.deployment is not None else deployment_from_profile()
        host = PluginHost(
            deployment=deployment,
            secrets=self.setup.secrets or KeyringSecrets(),
            audit_sink=DatabaseAuditSink(self.db),
            call_timeout=self.setup.call_timeout,
        )
        self._starting_host = host
        host.discover(self.setup.extra_packages)
        host.activate_all()
        # The panels' widget modules, imported here rather than on the UI thread when the first customer
        # tab makes its panel area (a one-off 60-80 ms stall in benchmarks/panels.py). Modules only:
        # no widget is made off the UI thread.
        import agentdesk_desktop.plugins.panel_area  # noqa: F401

        return host

    def _host_ready(self, host: PluginHost) -> None:
        self._starting_host = None
        if self._closing:
            host.shutdown()
            return
        self.host = host
        host.on_change(self._host_listener)
        active = sum(1 for s in host.statuses() if s.state is PluginState.ACTIVE)
        events.emit("plugins.ready", active=active, problems=len(self.problems()))
        self._show_problems()
        if self.status_poller is not None:
            self.status_poller.start()
        self.ready.emit()
        self.changed.emit()

    def _start_failed(self, exc: BaseException) -> None:
        self._starting_host = None
        log.error("department plugins could not be started: %s: %s", type(exc).__name__, exc)
        for window in self._live_windows():
            window.statusBar().showMessage(self.tr("Department plugins could not be started; see the log."))

    def _host_listener(self) -> None:  # any thread
        if not self._closing:
            self._host_changed.send(None)

    def _on_host_changed(self, _news: None = None) -> None:
        if self._closing:
            return
        self._show_problems()
        self.changed.emit()

    def shutdown(self) -> None:
        """Cancel every panel request, close the plugins and stop their threads; safe twice."""
        if self._closing:
            return
        self._closing = True
        if self.status_poller is not None:
            self.status_poller.stop()
        self._host_changed.close()
        self.requests.close()
        for host in (self.host, self._starting_host):
            if host is not None:
                host.shutdown()
        self.host = None

    # -- what is on offer --------------------------------------------------------------------------

    def statuses(self) -> list[PluginStatus]:
        return self.host.statuses() if self.host is not None else []

    def problems(self) -> list[PluginStatus]:
        return [s for s in self.statuses() if s.state in PROBLEM_STATES]

    def panels_for(self, staff: StaffMember) -> list[PanelSpec]:
        return self.host.panels_for(staff) if self.host is not None and not self._closing else []

    def actions_for(self, staff: StaffMember, plugin_id: str) -> list[ActionSpec]:
        if self.host is None or self._closing:
            return []
        return [a for a in self.host.actions_for(staff) if a.plugin_id == plugin_id]

    def plugin_label(self, plugin_id: str) -> str:
        try:
            return self.host.manifest(plugin_id).label(self.language) if self.host else plugin_id
        except KeyError:
            return plugin_id

    def display_name(self, status: PluginStatus) -> str:
        """ "Health care (health)": the name in the agent's language and the id IT uses."""
        label = self.plugin_label(status.id) if status.version != "?" else status.id
        return label if label == status.id else f"{label} ({status.id})"

    def backend_label(self, plugin_id: str) -> str:
        try:
            return self.host.manifest(plugin_id).backend if self.host else ""
        except KeyError:
            return ""

    # -- enabling and disabling --------------------------------------------------------------------

    def can_enable(self, status: PluginStatus) -> bool:
        """Plugins disabled here can be enabled again, and a failed activation tried again; a plugin the
        deployment turned off, one built for another plugin API or a broken manifest cannot."""
        if self.host is None:
            return False
        if status.state is PluginState.DISABLED:
            return status.id in self.disabled_here
        return status.state is PluginState.FAILED and self._activation_failure(status)

    def _activation_failure(self, status: PluginStatus) -> bool:
        """A plugin whose manifest was read but whose activation failed (not a broken manifest)."""
        host = self.host
        if host is None:
            return False
        try:
            host.manifest(status.id)
        except KeyError:
            return False
        return True

    def disable(self, plugin_id: str) -> None:
        """Withdraw the plugin's panels at once and close it."""
        if self.host is None:
            return
        self.disabled_here.add(plugin_id)
        self.requests.cancel_plugin(plugin_id)
        self.host.disable(plugin_id, "disabled from Help ▸ Plugins")
        events.emit("plugin.disabled", plugin=plugin_id)

    def enable(self, plugin_id: str) -> Op[PluginStatus] | None:
        """Activate the plugin again off the UI thread (it reads the keyring)."""
        if self.host is None:
            return None
        host = self.host
        self.disabled_here.discard(plugin_id)
        events.emit("plugin.enabling", plugin=plugin_id)
        return self.background.read(host.activate, plugin_id)

    # -- panels ----------------------------------------------------------------------------------

    def load_customer(self, customer_id: int, owner: QObject) -> Op[PanelCustomer]:
        """The customer as panels need them (background read); their children only when an active
        plugin asks for them."""
        children = self.host is not None and self.host.asks_for("children")
        job = partial(load_panel_customer, self.register, self.db, customer_id, children=children)
        return self.background.read(job, owner=owner)

    def request_panel(
        self,
        panel: PanelSpec,
        *,
        staff: StaffMember,
        customer: PanelCustomer,
        purpose: str | None,
        refresh: bool,
        callback: Callable[[CallOutcome], None],
        owner: QObject | None = None,
    ) -> PanelRequest:
        """Ask for a panel (see :class:`~agentdesk_desktop.plugins.panel_requests.PanelRequests`)."""
        if self.host is None or self._closing:
            request = PanelRequest(0)
            request.cancel()
            return request
        return self.requests.submit(
            self.host,
            panel,
            staff=staff,
            customer=customer,
            language=self.language,
            purpose=purpose,
            refresh=refresh,
            callback=callback,
            owner=owner,
        )

    def cancel(self, request: PanelRequest | None) -> None:
        self.requests.cancel(request)

    # -- actions ---------------------------------------------------------------------------------

    def action_form(
        self, action: ActionSpec, action_id: str, *, staff: StaffMember, customer: PanelCustomer, owner: QObject
    ) -> Op[CallOutcome]:
        """The form of ``action_id`` (``file_request`` or ``file_request:<code>``): a CallOutcome."""
        host = self.host
        if host is None:
            return self.background.read(_not_running, owner=owner)
        job = partial(
            host.action_form,
            action.plugin_id,
            action_id,
            staff=staff,
            customer=customer.context,
            language=self.language,
        )
        return self.background.read(job, owner=owner)

    def run_action(
        self,
        action: ActionSpec,
        action_id: str,
        values: dict[str, str | list[str]],
        *,
        staff: StaffMember,
        customer: PanelCustomer,
        title: str,
        done: ActionDone,
        contact: CaseLinkingContact | None = None,
    ) -> None:
        """Run the action on the read pool; a created reference is stored on the customer (writer)
        whether or not whoever asked is still there, then ``done(outcome, stored)`` is called if the
        asker (a bound method of a QObject) still exists. With a ``contact`` in progress (the call in
        the customer's tab), the new case gets no web contact of its own: it is linked to that contact."""
        host = self.host
        if host is None:
            done(_not_running(), None)
            return
        job = partial(
            host.run_action,
            action.plugin_id,
            action_id,
            values,
            staff=staff,
            customer=customer.context,
            language=self.language,
        )
        self.background.read(job).on_success(
            lambda outcome: self._action_done(action, staff, customer, title, outcome, done, contact)
        ).on_failure(lambda exc: self._action_failed(exc, done))

    def _action_done(
        self,
        action: ActionSpec,
        staff: StaffMember,
        customer: PanelCustomer,
        title: str,
        outcome: CallOutcome,
        done: ActionDone,
        contact: CaseLinkingContact | None = None,
    ) -> None:
        result = outcome.value if outcome.state is PanelState.DATA else None
        if not isinstance(result, ActionResult) or not result.reference:
            _deliver(done, outcome, None)
            return
        reference, system = result.reference, result.reference_system or action.plugin_id
        job = partial(
            store_plugin_reference,
            self.db,
            customer.context.customer_id,
            staff,
            plugin_id=action.plugin_id,
            system=system,
            reference=reference,
            title=title,
            message=result.message,
            during_contact=contact_in_progress(contact),
        )
        customer_id = customer.context.customer_id

        def stored(saved: StoredReference) -> None:
            events.emit("plugin.reference.stored", plugin=action.plugin_id, customer=customer_id, case=saved.case_id)
            if saved.interaction_id == 0 and contact is not None and contact_in_progress(contact):
                contact.link_case(
                    CaseView(saved.case_id, saved.title, CaseStatus.OPEN, None, None, system, reference, False)
                )
            elif saved.interaction_id == 0:  # the contact was saved or cancelled in the meantime
                log.warning("a %s reference filed during a contact was stored without one", action.plugin_id)
            self.reference_stored.emit(customer_id, action.plugin_id)
            _deliver(done, outcome, saved)

        def not_stored(exc: BaseException) -> None:
            log.error(
                "the reference of a filed %s action could not be stored: %s", action.plugin_id, type(exc).__name__
            )
            _deliver(done, outcome, None)

        self.background.write(job).on_success(stored).on_failure(not_stored)

    def _action_failed(self, exc: BaseException, done: ActionDone) -> None:
        kind = "denied" if isinstance(exc, AccessDenied) else "plugin"
        if kind == "plugin":
            log.error("plugin action failed: %s: %s", type(exc).__name__, exc)
        _deliver(done, CallOutcome(PanelState.ERROR, error=str(exc), error_kind=kind), None)

    # -- the window: Help ▸ Plugins and the status bar ----------------------------------------------

    def customer_view_factory(self, factory: Callable[[int], QWidget], staff: StaffMember) -> Callable[[int], QWidget]:
        """Wrap the customer tab factory: overviews get the department panels of ``staff``."""
        if not self.setup.enabled:
            return factory

        def make(customer_id: int) -> QWidget:
            view = factory(customer_id)
            if isinstance(view, CustomerTab):  # the overview (not the register summary, nor a plain widget)
                from agentdesk_desktop.plugins.panel_area import PluginPanelArea  # imported by _prepare already

                contact = view.panel if isinstance(view.panel, CaseLinkingContact) else None
                area = PluginPanelArea(self, staff, customer_id, view, start_after=view.painted, contact=contact)
                view.mount_plugin_panels(area)
            return view

        return make

    def window_ready(self, window: QMainWindow) -> None:
        """Help ▸ Plugins… in the menu of the desk's main window (a :class:`MainWindowLike`), and the
        plugin problems in the status bar of any window."""
        if not self.setup.enabled:
            return
        self._windows.append(window)
        window.destroyed.connect(self._forget_windows)
        if isinstance(window, MainWindowLike):
            action = QAction(window)
            action.setObjectName("pluginsAction")
            action.triggered.connect(lambda: self.open_dialog(window))
            window.help_menu.insertAction(window.about_action, action)
            window.plugins_action = action
            self._plugins_actions.append(action)
        self._retranslate()
        self._show_problems()

    @Slot()
    def _forget_windows(self) -> None:
        self._windows = [w for w in self._windows if shiboken6.isValid(w)]
        self._plugins_actions = [a for a in self._plugins_actions if shiboken6.isValid(a)]

    def _live_windows(self) -> list[QMainWindow]:
        return [w for w in self._windows if shiboken6.isValid(w)]

    def open_dialog(self, parent: QWidget | None = None) -> QWidget:
        from agentdesk_desktop.plugins.plugins_dialog import PluginsDialog  # Help ▸ Plugins… (start-up)

        dialog = PluginsDialog(self, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def problem_text(self) -> str:
        problems = self.problems()
        if not problems:
            return ""
        names = ", ".join(f"{self.display_name(p)}: {state_text(p.state)}" for p in problems)
        return fill(self.tr("Some department plugins are not in use: %1. See Help ▸ Plugins."), names)

    def _show_problems(self) -> None:
        """The problems stay in the status bar (no timeout) until they are gone or replaced."""
        text = self.problem_text()
        for window in self._live_windows():
            bar = window.statusBar()
            if text:
                bar.showMessage(text)
            elif self._shown_problem and bar.currentMessage() == self._shown_problem:
                bar.clearMessage()
        self._shown_problem = text

    def _retranslate(self) -> None:
        for action in self._plugins_actions:
            if shiboken6.isValid(action):
                action.setText(self.tr("&Plugins…"))

    @Slot(str)
    def _language_changed(self, code: str) -> None:
        self._retranslate()
        self._show_problems()
        self.language_changed.emit(code)


def _not_running() -> CallOutcome:
    return CallOutcome(PanelState.ERROR, error="plugins are not running", error_kind="denied")


def _deliver(done: ActionDone, outcome: CallOutcome, stored: StoredReference | None) -> None:
    # The one probe left: a bound method's ``__self__`` is how Python names its object (a plain
    # function has none); an asker that is a deleted QObject gets no answer.
    owner = getattr(done, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return
    done(outcome, stored)
