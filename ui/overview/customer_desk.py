"""The customer side of the desk for one signed-in agent: what the composition root hands the main
window as its ``customer_view_factory`` and ``new_customer_dialog_factory``.

::

    parts = CustomerDesk.for_database(db, background, user, open_customer=window.open_customer)
    MainWindow(..., customer_view_factory=parts.customer_view,
               new_customer_dialog_factory=parts.new_customer_dialog)

Every tab gets the same services, the taxonomy of contact topics and the agent's draft folder;
a relative clicked in an overview, or a duplicate chosen in the customer dialog, opens through
``open_customer``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerRegister
from agentdesk.drafts import DraftStore
from agentdesk.duplicate_check import DuplicateCheck
from agentdesk.interaction_log import InteractionLog
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.topics import Topic, load_topics
from ui.background import Background
from ui.customer_form.customer_dialog import CustomerDialog
from ui.logging.draft_offer import offer_unsaved_contacts
from ui.logging.interaction_panel import NEW_CONTACT_KEY, InteractionPanel
from ui.logging.unidentified_contact_dock import UnidentifiedContactDock
from ui.overview.customer_overview_view import CustomerOverviewView

NEW_CUSTOMER_KEY = "Ctrl+Shift+N"  # New customer, when Ctrl+N is the contact panel's


@dataclass
class CustomerDesk:
    overviews: CustomerOverviewService
    interactions: InteractionLog
    register: CustomerRegister
    duplicates: DuplicateCheck
    drafts: DraftStore
    background: Background
    staff: StaffMember
    topics: Sequence[Topic]
    open_customer: Callable[[int], object]
    unidentified_dock: UnidentifiedContactDock | None = None

    @staticmethod
    def prepare(_db: Database) -> list[Topic]:
        """What every tab shares that comes from a file: the topic taxonomy. The composition root
        runs this on the background helper before the window is made and hands the result to
        :meth:`for_database` as ``prepared``."""
        return load_topics()

    @classmethod
    def for_database(cls, db: Database, background: Background, staff: StaffMember, *,
                     open_customer: Callable[[int], object], topics: Sequence[Topic] | None = None,
                     drafts: DraftStore | None = None, prepared: Sequence[Topic] | None = None) -> CustomerDesk:
        """The customer side for ``staff``. Without ``topics`` (or ``prepared``) the taxonomy is read
        here, on the calling thread (tests); the desk passes what :meth:`prepare` read."""
        topics = topics if topics is not None else prepared
        topics = list(topics) if topics is not None else load_topics()
        return cls(CustomerOverviewService(db), InteractionLog(db, known_topics={t.code for t in topics}),
                   CustomerRegister(db), DuplicateCheck(db), drafts or DraftStore(), background, staff, topics,
                   open_customer)

    def customer_view(self, customer_id: int) -> CustomerOverviewView:
        view = CustomerOverviewView(customer_id, overview_service=self.overviews, interactions=self.interactions,
                                    drafts=self.drafts, background=self.background, staff=self.staff,
                                    topics=self.topics, edit_dialog_factory=self.edit_customer_dialog)
        view.open_customer_requested.connect(self._open)
        return view

    def new_customer_dialog(self, parent: QWidget) -> QDialog:
        dialog = CustomerDialog(self.register, self.duplicates, self.background, self.staff, parent=parent)
        dialog.open_customer_requested.connect(self._open)
        return dialog

    def edit_customer_dialog(self, customer_id: int, parent: QWidget) -> QDialog:
        return CustomerDialog(self.register, self.duplicates, self.background, self.staff, customer_id=customer_id,
                              parent=parent)

    def window_ready(self, window: QWidget) -> None:
        """Called by the composition root once the main window exists.

        Contact logging in a customer tab owns Ctrl+N ("new contact"), so the window's
        New customer action moves to Ctrl+Shift+N. A dock logs contacts before anyone is
        identified. Contacts left unsaved by the last session (a crash) are offered back.
        """
        action = getattr(window, "new_customer_action", None)
        if action is not None and action.shortcut() == QKeySequence(NEW_CONTACT_KEY):
            action.setShortcut(QKeySequence(NEW_CUSTOMER_KEY))
        tabs = getattr(window, "tabs", None)
        if isinstance(window, QMainWindow) and tabs is not None:
            self.unidentified_dock = UnidentifiedContactDock(self.contact_panel(None), window, tabs)
        offer_unsaved_contacts(window, self.background, self.drafts, self.open_customer)

    def contact_panel(self, customer_id: int | None, name: str = "") -> InteractionPanel:
        return InteractionPanel(self.interactions, self.background, self.drafts, self.staff, self.topics,
                                customer_id=customer_id, customer_name=name)

    def _open(self, customer_id: int) -> None:
        self.open_customer(customer_id)
