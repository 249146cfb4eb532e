"""The customer side of the desk for one signed-in agent (a :class:`agentdesk_desktop.seams.CustomerParts`).

::

    parts = CustomerDesk(services, user, open_customer=window.open_customer)
    MainWindow(..., customer_view_factory=parts.customer_view,
               new_customer_dialog_factory=parts.new_customer_dialog)

Every tab gets the desk's services (built once by the composition root, :mod:`agentdesk_desktop.services`), the
taxonomy of contact topics and the agent's draft folder, and follows the change bus: a write
anywhere in the desk that touches the tab's customer refreshes it. A relative clicked in an
overview, or a duplicate chosen in the customer dialog, opens through ``open_customer``.

Opening a customer must not hold the UI thread for more than a frame, and building an overview's
widgets takes several. So once the window is there, the desk keeps one spare tab ready: its parts
are built one slice at a time through the event loop (:meth:`CustomerOverviewView.build_step`,
each a few milliseconds), polished and sized to the tabs; opening a customer takes the spare,
makes its contact logging panel and reads the customer (:meth:`CustomerOverviewView.bind`), and
the next spare starts building a little after the opened one has painted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QWidget

from agentdesk.knowledge.knowledge_base import may_edit
from agentdesk.staff import StaffMember
from agentdesk_desktop.customer_form.customer_dialog import CustomerDialog
from agentdesk_desktop.knowledge.contact_assist import ContactAssist, ContactFacts
from agentdesk_desktop.knowledge.library import KnowledgeLibrary
from agentdesk_desktop.logging.contact_outbox import ContactOutbox
from agentdesk_desktop.logging.draft_offer import offer_unsaved_contacts
from agentdesk_desktop.logging.interaction_panel import NEW_CONTACT_KEY, InteractionPanel
from agentdesk_desktop.logging.outbox_status import OutboxStatus
from agentdesk_desktop.logging.unidentified_contact_dock import UnidentifiedContactDock
from agentdesk_desktop.logging.unsaved_contacts_guard import UnsavedContactsGuard
from agentdesk_desktop.main_window import MainWindow
from agentdesk_desktop.overview.customer_overview_view import CustomerOverviewView
from agentdesk_desktop.seams import OpenCustomer
from agentdesk_desktop.services import DeskServices

if TYPE_CHECKING:
    from agentdesk_desktop.cases.case_dialog import CaseDialog

NEW_CUSTOMER_KEY = "Ctrl+Shift+N"  # New customer, when Ctrl+N is the contact panel's
SPARE_SLICE_S = 0.006  # UI-thread CPU per turn of the event loop for building the spare tab
SPARE_DELAY_MS = 60  # after a tab's first paint, before the next spare starts


class CustomerDesk:
    creates_customers = True

    def __init__(self, services: DeskServices, staff: StaffMember, open_customer: OpenCustomer) -> None:
        self.services, self.staff, self.open_customer = services, staff, open_customer
        self.topics = services.topics.all
        self.unidentified_dock: UnidentifiedContactDock | None = None
        self.quit_guard: UnsavedContactsGuard | None = None
        self._window: MainWindow | None = None
        self._spare: CustomerOverviewView | None = None  # built slice by slice, not yet a customer's
        # Quick texts for every editor of this agent (the contact notes, e-mail replies), and the
        # scripts and articles beside each contact form.
        self.knowledge_library = KnowledgeLibrary(services.knowledge, services.background, services.changes)
        self.knowledge_action: QAction | None = None  # Customer ▸ Knowledge base… for the roles that edit it
        self.assist = ContactAssist(services.knowledge, self.knowledge_library, services.background, staff)
        # Contacts saved while the database cannot be reached wait here (the staff user's outbox).
        self.outbox = ContactOutbox(services.outbox, services.interactions, services.drafts, services.background)
        self.outbox_status: OutboxStatus | None = None

    def customer_view(self, customer_id: int) -> CustomerOverviewView:
        s = self.services
        view = self._take_spare()
        if view is None:
            view = CustomerOverviewView(
                None,
                overview_service=s.overviews,
                interactions=s.interactions,
                drafts=s.drafts,
                background=s.background,
                staff=self.staff,
                topics=self.topics,
                edit_dialog_factory=self.edit_customer_dialog,
                new_case_due=s.new_case_due,
                staged=True,
                restricted=s.restricted,
                outbox=self.outbox,
            )
        view.bind(customer_id)
        self.assist_panel(view.panel, lambda: view.customer_language)
        view.open_customer_requested.connect(self._open)
        view.merged_away.connect(self._merged_away)
        view.case_requested.connect(self.open_case)
        s.changes.changed.connect(view.apply_changes)
        if self._window is not None:
            view.painted.connect(self._spare_after_paint)
        return view

    # -- the spare tab ----------------------------------------------------------------------------

    def _take_spare(self) -> CustomerOverviewView | None:
        spare, self._spare = self._spare, None
        if spare is None or not shiboken6.isValid(spare):
            return None
        return spare

    def _spare_after_paint(self, _customer_id: int) -> None:
        """A little after a tab's first paint, when what starts with it (the department panels'
        first requests) has had its turn."""
        window = self._window
        if window is not None and shiboken6.isValid(window):
            QTimer.singleShot(SPARE_DELAY_MS, window, self._prepare_spare)

    def _prepare_spare(self) -> None:
        """Start building the next spare tab (hidden, a child of the window) one slice at a time."""
        window = self._window
        if self._spare is not None or window is None or not shiboken6.isValid(window):
            return
        if self.services.background.closed:
            return
        s = self.services
        spare = CustomerOverviewView(
            None,
            overview_service=s.overviews,
            interactions=s.interactions,
            drafts=s.drafts,
            background=s.background,
            staff=self.staff,
            topics=self.topics,
            edit_dialog_factory=self.edit_customer_dialog,
            parent=window,
            staged=True,
            new_case_due=s.new_case_due,
            restricted=s.restricted,
            outbox=self.outbox,
        )
        spare.hide()
        self._spare = spare
        QTimer.singleShot(0, spare, lambda: self._build_spare(spare))

    def _build_spare(self, spare: CustomerOverviewView) -> None:
        if spare is not self._spare or self.services.background.closed:
            return
        budget = time.thread_time() + SPARE_SLICE_S
        while spare.build_step():
            if time.thread_time() >= budget:  # the rest on the next turn of the event loop
                QTimer.singleShot(0, spare, lambda: self._build_spare(spare))
                return
        window = self._window
        tabs = window.tabs if window is not None and shiboken6.isValid(window) else None
        if tabs is not None:  # the size of a tab's page, so that showing it needs no new layout
            page = tabs.currentWidget() if tabs.count() else None  # None without tabs (the stubs say never)
            spare.resize(page.size() if page is not None else tabs.size())

    def new_customer_dialog(self, parent: QWidget) -> QDialog:
        s = self.services
        dialog = CustomerDialog(s.register, s.duplicates, s.background, self.staff, parent=parent)
        dialog.open_customer_requested.connect(self._open)
        return dialog

    def edit_customer_dialog(self, customer_id: int, parent: QWidget) -> CustomerDialog:
        s = self.services
        return CustomerDialog(
            s.register, s.duplicates, s.background, self.staff, customer_id=customer_id, parent=parent
        )

    def window_ready(self, window: MainWindow) -> None:
        """Called by the composition root once the main window exists.

        Contact logging in a customer tab owns Ctrl+N ("new contact"), so the window's
        New customer action moves to Ctrl+Shift+N. A dock logs contacts before anyone is
        identified. Contacts left unsaved by the last session (a crash) are offered back; closing the
        window with a contact in progress asks first. Contacts waiting in the outbox are sent, and
        the status bar says how many wait.
        """
        self._window = window
        action = window.new_customer_action
        if action.shortcut() == QKeySequence(NEW_CONTACT_KEY):
            action.setShortcut(QKeySequence(NEW_CUSTOMER_KEY))
        self.unidentified_dock = UnidentifiedContactDock(self.contact_panel(None), window, window.tabs)
        self.quit_guard = UnsavedContactsGuard(window, window.tabs)
        window.close_guard = self.quit_guard.may_close  # Ctrl+Q with a contact in progress asks first
        offer_unsaved_contacts(window, self.services.background, self.services.drafts, self.open_customer)
        self.knowledge_library.load()
        if may_edit(self.staff):
            action = self.knowledge_action = QAction(window)
            action.setObjectName("knowledgeEditorAction")
            action.setText(QCoreApplication.translate("CustomerDesk", "&Knowledge base…"))
            action.setShortcut(QKeySequence("Ctrl+Shift+K"))
            action.triggered.connect(self.open_knowledge_editor)
            window.customer_menu.addAction(action)
        self.outbox.setParent(window)
        self.outbox_status = OutboxStatus(self.outbox, window.statusBar())
        self.outbox.start()  # contacts left waiting by the last session are sent now
        QTimer.singleShot(0, window, self._prepare_spare)

    def unidentified_panel(self) -> InteractionPanel | None:
        return self.unidentified_dock.panel if self.unidentified_dock is not None else None

    def assist_panel(self, panel: InteractionPanel, customer_language: Callable[[], str | None]) -> None:
        """Quick texts in the panel's notes; the scripts and articles of its topic beside the form."""
        form = panel.form

        def case_number() -> int | None:
            data = form.case.currentData()
            return data if isinstance(data, int) and data > 0 else None

        facts = ContactFacts(lambda: form.customer_name or panel.customer_name, customer_language, case_number)
        panel.quick_texts = self.assist.quick_texts_for(form.notes, facts)
        pane = self.assist.pane(facts)
        form.topic.currentTextChanged.connect(lambda _text: pane.show_topic(form.topic_code()))
        panel.add_side_pane(pane)
        panel.knowledge_pane = pane

    def open_knowledge_editor(self) -> QDialog:
        """The knowledge base editor (supervisors and administrators)."""
        from agentdesk_desktop.knowledge.knowledge_editor import KnowledgeEditor

        s = self.services
        dialog = KnowledgeEditor(s.knowledge, s.background, self.staff, self.topics, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def contact_panel(self, customer_id: int | None, name: str = "") -> InteractionPanel:
        s = self.services
        panel = InteractionPanel(
            s.interactions,
            s.background,
            s.drafts,
            self.staff,
            self.topics,
            customer_id=customer_id,
            customer_name=name,
            new_case_due=s.new_case_due,
            outbox=self.outbox,
        )
        self.assist_panel(panel, lambda: None)
        return panel

    def quick_texts_for_reply(
        self, editor: QPlainTextEdit, customer_name: Callable[[], str], case_number: Callable[[], int | None]
    ) -> object:
        """Quick texts in another editor (the e-mail reply), in the agent's language."""
        return self.assist.quick_texts_for(editor, ContactFacts(customer_name, lambda: None, case_number))

    def open_case(self, case_id: int) -> CaseDialog:
        """A case's dialog (non-modal, over the main window): history and the next step."""
        from agentdesk_desktop.cases.case_dialog import CaseDialog

        s = self.services
        dialog = CaseDialog(
            case_id,
            s.cases,
            s.background,
            actor=self.staff.username,
            departments=s.staff.departments,
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _open(self, customer_id: int) -> None:
        self.open_customer(customer_id)

    def _merged_away(self, customer_id: int, survivor_id: int) -> None:
        """A tab opened (or refreshed) a merged-away customer: the survivor's tab takes its place."""
        if self._window is not None:
            self._window.redirect_customer(customer_id, survivor_id)
        else:
            self.open_customer(survivor_id)
