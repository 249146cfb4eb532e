"""What the customer overview needs of the dialog that edits its customer: a typed seam instead of
probing the dialog for its signals. In the desk the factory is
:meth:`agentdesk_desktop.customer_desk.CustomerDesk.edit_customer_dialog`, which makes a
:class:`agentdesk_desktop.customer_form.customer_dialog.CustomerDialog`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QWidget


class EditDialog(Protocol):
    """What the overview needs of the customer dialog its factory makes (a
    :class:`agentdesk_desktop.customer_form.customer_dialog.CustomerDialog`, in the desk)."""

    @property
    def customer_saved(self) -> SignalInstance: ...  # (customer id): the overview reads again

    @property
    def newer_version_seen(self) -> SignalInstance: ...  # (customer id): saved elsewhere meanwhile; read again

    @property
    def open_customer_requested(self) -> SignalInstance: ...  # (customer id): "open this customer instead"

    @property
    def destroyed(self) -> SignalInstance: ...

    def setAttribute(self, attribute: Qt.WidgetAttribute, on: bool = ...) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...
    def open(self) -> None: ...


# edit_dialog_factory(customer_id, parent) -> the customer's edit dialog
EditDialogFactory = Callable[[int, QWidget], EditDialog]
