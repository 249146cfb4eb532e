"""The typed seams between the main window and the views it hosts (instead of ``getattr`` probes).

The main window, the phone's screen pop, the contact dock and the plugin views meet customer tabs,
dialogs and the window itself only through these Protocols, so none of them imports the other's
module (they sit in different layers, see docs/ARCHITECTURE.md):

- a customer tab (:class:`RetitlingTab`, :class:`TitledTab`, the full :class:`CustomerTab` of the
  overview, ``agentdesk_desktop.overview.customer_overview_view.CustomerOverviewView``);
- the contact panel of a tab (:class:`ContactStarter`,
  ``agentdesk_desktop.logging.interaction_panel.InteractionPanel``);
- the New customer dialog (:class:`CustomerCreatingDialog`, :class:`CustomerFormDialog`,
  ``agentdesk_desktop.customer_form.customer_dialog.CustomerDialog``);
- the main window (:class:`MainWindowLike`, ``agentdesk_desktop.main_window.MainWindow``).

The tab, dialog and window Protocols are ``runtime_checkable``: a tab really may be a full overview,
the register summary (retitling only) or a plain widget, a dialog may or may not create a customer,
and the plugins may be shown any ``QMainWindow``; the checks with ``isinstance`` say what each one
offers (some 40 µs each). :class:`ContactStarter` and :class:`SearchBox` are only typed: their
objects always are one. Signals are members typed ``SignalInstance``
(a class's ``Signal`` read on an instance).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QTabWidget, QWidget

from agentdesk.interaction_log import InteractionDraft


class ContactStarter(Protocol):
    """A contact logging panel the phone can start a call's contact in (and take it back from)."""

    @property
    def in_progress(self) -> bool: ...

    def start_contact_from(self, draft: InteractionDraft) -> bool:
        """Start a contact carrying ``draft``'s channel, start and reference; False: one is in progress."""
        ...

    def cancel_contact(self) -> None: ...


@runtime_checkable
class RetitlingTab(Protocol):
    """A customer tab that names its customer once loaded: ``title_changed(str)``."""

    @property
    def title_changed(self) -> SignalInstance: ...


@runtime_checkable
class TitledTab(RetitlingTab, Protocol):
    """A customer tab that also says its title now ("" until the customer has loaded)."""

    def title(self) -> str: ...


@runtime_checkable
class CustomerTab(TitledTab, Protocol):
    """The full customer tab (the overview): contact logging, plugin panels, a first-paint signal."""

    @property
    def customer_id(self) -> int | None: ...

    @property
    def painted(self) -> SignalInstance:
        """``painted(int)``: the first full paint of the customer (customer id)."""
        ...

    @property
    def is_painted(self) -> bool: ...

    @property
    def panel(self) -> ContactStarter: ...

    def mount_plugin_panels(self, area: QWidget) -> None:
        """Show the department plugins' panel area in the tab."""
        ...


@runtime_checkable
class CustomerCreatingDialog(Protocol):
    """A New customer dialog that says which customer it created: ``customer_created(int)``."""

    @property
    def customer_created(self) -> SignalInstance: ...


@runtime_checkable
class CustomerFormDialog(CustomerCreatingDialog, Protocol):
    """The register's New customer dialog: its fields by name ("phones", "emails", ...) can be prefilled."""

    @property
    def fields(self) -> Mapping[str, QLineEdit]: ...


class SearchBox(Protocol):
    """The main window's search box."""

    @property
    def field(self) -> QLineEdit: ...

    def focus_search(self) -> None: ...


@runtime_checkable
class MainWindowLike(Protocol):
    """What the phone and the plugin views use of the desk's main window besides its ``QMainWindow`` side."""

    plugins_action: QAction | None  # Help ▸ Plugins…, once the plugins have joined the window

    @property
    def tabs(self) -> QTabWidget: ...

    @property
    def search_panel(self) -> SearchBox: ...

    @property
    def help_menu(self) -> QMenu: ...

    @property
    def about_action(self) -> QAction: ...

    def open_customer(self, customer_id: int, title: str = "") -> QWidget:
        """Open the customer in a tab (or focus their open tab); the tab's content."""
        ...

    def current_customer_id(self) -> int | None: ...
