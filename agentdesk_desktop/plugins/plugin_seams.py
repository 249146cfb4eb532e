"""What the plugin views (panel area, panel widget, action dialog, Help ▸ Plugins) need of the desk's
plugins: :class:`PluginDesk`, which :class:`agentdesk_desktop.plugins.desk_plugins.DeskPlugins` provides. The views
type against it, so ``desk_plugins`` may make them without an import circle."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QObject, SignalInstance

from agentdesk.contact_records import StoredReference
from agentdesk.customer_overview import CaseView
from agentdesk.plugin_host.host import PluginStatus
from agentdesk.plugin_host.manifest import ActionSpec, PanelSpec
from agentdesk.plugin_host.runner import CallOutcome
from agentdesk.staff import StaffMember
from agentdesk_desktop.background import Background, Op
from agentdesk_desktop.plugins.panel_customer import PanelCustomer
from agentdesk_desktop.plugins.panel_requests import PanelRequest
from agentdesk_desktop.plugins.plugin_setup import PluginSetup


@runtime_checkable
class CaseLinkingContact(Protocol):
    """The contact logging panel of the customer's tab: a service request filed while a contact is in
    progress (a call) belongs to that contact, which is saved linked to the new case."""

    @property
    def in_progress(self) -> bool: ...

    def link_case(self, case: CaseView) -> bool: ...


def contact_in_progress(contact: CaseLinkingContact | None) -> bool:
    """Whether ``contact`` (a panel that may have been deleted) has a contact in progress."""
    if contact is None or (isinstance(contact, QObject) and not shiboken6.isValid(contact)):
        return False
    return contact.in_progress


class PluginDesk(Protocol):
    changed: SignalInstance  # the plugins' states or the panels on offer changed (UI thread)
    ready: SignalInstance
    language_changed: SignalInstance  # (str)
    reference_stored: SignalInstance  # (customer id, plugin id)
    background: Background
    setup: PluginSetup
    disabled_here: set[str]

    @property
    def is_ready(self) -> bool: ...

    @property
    def language(self) -> str: ...

    def statuses(self) -> list[PluginStatus]: ...

    def panels_for(self, staff: StaffMember) -> list[PanelSpec]: ...

    def actions_for(self, staff: StaffMember, plugin_id: str) -> list[ActionSpec]: ...

    def display_name(self, status: PluginStatus) -> str: ...

    def backend_label(self, plugin_id: str) -> str: ...

    def can_enable(self, status: PluginStatus) -> bool: ...

    def disable(self, plugin_id: str) -> None: ...

    def enable(self, plugin_id: str) -> Op[PluginStatus] | None: ...

    def load_customer(self, customer_id: int, owner: QObject) -> Op[PanelCustomer]: ...

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
    ) -> PanelRequest: ...

    def cancel(self, request: PanelRequest | None) -> None: ...

    def action_form(
        self, action: ActionSpec, action_id: str, *, staff: StaffMember, customer: PanelCustomer, owner: QObject
    ) -> Op[CallOutcome]: ...

    def run_action(
        self,
        action: ActionSpec,
        action_id: str,
        values: dict[str, str | list[str]],
        *,
        staff: StaffMember,
        customer: PanelCustomer,
        title: str,
        done: Callable[[CallOutcome, StoredReference | None], None],
        contact: CaseLinkingContact | None = None,
    ) -> None: ...
