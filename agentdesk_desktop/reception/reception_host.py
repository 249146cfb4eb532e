"""The reception window of a main window (:func:`reception_for_window`) and what it needs of that
window (:class:`ReceptionHost`, a typed seam instead of probing the window)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from agentdesk.staff import StaffMember
from agentdesk_desktop.reception.reception_services import ReceptionServices
from agentdesk_desktop.reception.reception_window import ReceptionWindow
from agentdesk_desktop.services import DeskServices


class ReceptionHost(Protocol):
    """What the reception needs of the main window."""

    tabs: QTabWidget

    def current_customer_id(self) -> int | None: ...

    def open_customer(self, customer_id: int, title: str = "") -> QWidget: ...

    def window(self) -> QWidget:
        """The host's top-level window (``QWidget.window()``: the main window itself), the
        reception's parent."""
        ...


def reception_for_window(window: ReceptionHost, services: DeskServices, staff: StaffMember) -> ReceptionWindow:
    """The reception window of a main window: "the current customer" is its current tab's and a
    called visitor opens in a tab. A logged visit reaches that customer's open tab through the
    change bus, like every other write."""

    def current_customer() -> tuple[int, str] | None:
        customer_id = window.current_customer_id()
        if customer_id is None:
            return None
        return customer_id, window.tabs.tabText(window.tabs.currentIndex())

    reception = ReceptionWindow(
        ReceptionServices.of(services),
        services.background,
        staff,
        services.topics.all,
        current_customer=current_customer,
        parent=window.window(),
    )
    reception.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    reception.open_customer_requested.connect(lambda customer_id: window.open_customer(customer_id))
    window.tabs.currentChanged.connect(reception.refresh_current_customer)
    return reception
