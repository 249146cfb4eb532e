"""The typed seams between the desk's windows and the parts they host (instead of ``getattr`` probes).

- :class:`CustomerParts`: what the customer side (``agentdesk_desktop.customer_desk.CustomerDesk``, or the
  minimal ``agentdesk_desktop.customer_summary.RegisterSummaryParts``) gives the main window for one signed-in agent.
- :data:`CustomerPartsFactory`: how the composition root makes them from the desk's services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QWidget

from agentdesk.staff import StaffMember

if TYPE_CHECKING:
    from agentdesk_desktop.logging.interaction_panel import InteractionPanel
    from agentdesk_desktop.main_window import MainWindow
    from agentdesk_desktop.services import DeskServices

OpenCustomer = Callable[[int], object]


class CustomerParts(Protocol):
    creates_customers: bool  # whether new_customer_dialog gives a dialog (else New customer… is disabled)

    def customer_view(self, customer_id: int) -> QWidget:
        """The content of a customer tab."""
        ...

    def new_customer_dialog(self, parent: QWidget) -> QDialog | None:
        """Customer ▸ New customer…; None: this desk cannot create customers (the action is disabled)."""
        ...

    def window_ready(self, window: MainWindow) -> None:
        """Called once the main window exists (shortcuts, docks, drafts offered back)."""
        ...

    def unidentified_panel(self) -> InteractionPanel | None:
        """The contact panel for a caller nobody has identified yet (the phone logs calls there)."""
        ...


@runtime_checkable
class CaseOpener(Protocol):
    """Customer parts that open a case's dialog (history and next step)."""

    def open_case(self, case_id: int) -> object: ...


@runtime_checkable
class QuickTextSource(Protocol):
    """Customer parts that give any editor the agent's quick texts (the e-mail reply uses it).

    ``customer_name`` and ``case_number`` are asked at the moment a quick text is inserted."""

    def quick_texts_for_reply(
        self, editor: QPlainTextEdit, customer_name: Callable[[], str], case_number: Callable[[], int | None]
    ) -> object: ...


CustomerPartsFactory = Callable[["DeskServices", StaffMember, OpenCustomer], CustomerParts]
