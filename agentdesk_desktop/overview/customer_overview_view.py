"""The one-screen customer overview: the content of a customer tab.

Everything fits on one screen at 1920×1080 without scrolling (long lists scroll inside their own box). Opening
reads the overview off the UI thread and writes the audit entry in the same transaction
(:meth:`CustomerOverviewService.open`, as the signed-in staff member may see it: a restricted customer shows
the break-the-glass page); the first page of the contact timeline is read in parallel and held until that open
has succeeded, then header, boxes and timeline are filled in one slice of the UI thread and painted together.
After the first full paint the structured log event ``overview.painted id=<customer id>`` is written
(:class:`~agentdesk_desktop.overview.first_paint.FirstPaint`; benchmarks wait for it). The right-hand
column holds the contact logging panel and ``pluginPanels``, the region where department plugins put
their panels; the facts on the left are arranged by
:class:`~agentdesk_desktop.overview.facts_grid.FactsGrid`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from agentdesk.changes import Changes
from agentdesk.customer_overview import CustomerOverview, CustomerOverviewService
from agentdesk.customer_register import CustomerMerged, CustomerNotFound
from agentdesk.drafts import DraftStore
from agentdesk.interaction_log import InteractionLog
from agentdesk.need_to_know import viewer_of
from agentdesk.restricted_customers import CustomerRestricted, RestrictedCustomers
from agentdesk.staff import StaffMember
from agentdesk.storage.reachability import is_unreachable
from agentdesk.topics import Topic
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.logging.contact_outbox import ContactOutbox
from agentdesk_desktop.logging.interaction_panel import InteractionPanel
from agentdesk_desktop.overview.break_glass import BreakGlassPage
from agentdesk_desktop.overview.edit_dialog import EditDialog, EditDialogFactory
from agentdesk_desktop.overview.facts_grid import FactsGrid
from agentdesk_desktop.overview.first_paint import FirstPaint
from agentdesk_desktop.overview.light_box import LightBox
from agentdesk_desktop.overview.open_failure import OpenFailurePage
from agentdesk_desktop.overview.overview_header import OverviewHeader
from agentdesk_desktop.overview.overview_sections import CasesSection, ContactSection, RelationsSection
from agentdesk_desktop.overview.roles_section import RolesSection
from agentdesk_desktop.overview.stale_note import StaleNote
from agentdesk_desktop.overview.timeline_model import TimelineModel
from agentdesk_desktop.overview.timeline_section import TimelineSection
from agentdesk_desktop.widgets.labels import department_names

log = logging.getLogger(__name__)

NO_CUSTOMER_YET = 0  # the contact panel's customer in a view built before it is bound (no customer has id 0)


class CustomerOverviewView(QWidget):
    open_customer_requested = Signal(int)  # a relative was clicked
    merged_away = Signal(int, int)  # this customer was merged (id, survivor id): the desk opens the survivor
    case_requested = Signal(int)  # an open case was double-clicked: its dialog
    title_changed = Signal(str)  # the main window retitles the tab
    painted = Signal(int)  # after the first full paint (customer id)

    def __init__(
        self,
        customer_id: int | None,
        *,
        overview_service: CustomerOverviewService,
        interactions: InteractionLog,
        drafts: DraftStore,
        background: Background,
        staff: StaffMember,
        topics: Sequence[Topic],
        edit_dialog_factory: EditDialogFactory | None = None,
        parent: QWidget | None = None,
        staged: bool = False,
        new_case_due: Callable[[dt.date], dt.date] | None = None,
        restricted: RestrictedCustomers | None = None,
        outbox: ContactOutbox | None = None,
    ) -> None:
        """``outbox``: where the contact panel's saves go while the database cannot be reached.
        ``staged``: build nothing yet (a spare tab of the desk's pool, ``customer_id`` None): the
        parts are made one :meth:`build_step` at a time, each well within a frame, and
        :meth:`bind` gives the view its customer and opens it. Otherwise the view is built and
        opened at once."""
        super().__init__(parent)
        self.setObjectName("customerOverview")
        # NO_CUSTOMER_YET until bind() (a spare view of the desk's pool)
        self.customer_id: int = NO_CUSTOMER_YET if customer_id is None else customer_id
        self._service, self._interactions, self._bg, self._staff = overview_service, interactions, background, staff
        self._new_case_due, self._restricted = new_case_due, restricted
        self._viewer = viewer_of(staff)
        self._outbox = outbox
        self._drafts, self._topics = drafts, list(topics)
        self._edit_factory = edit_dialog_factory
        self.overview: CustomerOverview | None = None
        self.edit_dialog: EditDialog | None = None
        self._error: BaseException | None = None
        self._first_paint = FirstPaint(self, lambda: self.customer_id)
        self._first_paint.painted.connect(self.painted)
        self._bound = False
        self._laid_out = False
        self._steps: Iterator[None] | None = self._build_steps()
        if not staged:
            assert customer_id is not None
            self.bind(customer_id)

    def build_step(self) -> bool:
        """Build the next part of a staged view; False when every part is built."""
        if self._steps is None:
            return False
        if next(self._steps, StopIteration) is StopIteration:
            self._steps = None
            return False
        return True

    @property
    def built(self) -> bool:
        return self._steps is None

    def bind(self, customer_id: int) -> None:
        """Show ``customer_id`` in this view (once): the parts not built yet are built now, the
        contact logging panel gets the customer (and looks for its unsaved contacts), and the customer is read."""
        if self._bound:
            raise RuntimeError("an overview view shows one customer")
        self._bound = True
        while self.build_step():
            pass
        self.customer_id = customer_id
        self._first_paint.restart_clock()
        self.timeline_model.customer_id = customer_id
        self.panel.set_customer(customer_id)
        self.load()

    def _build_steps(self) -> Iterator[None]:
        """The parts of the view, one slice of the UI thread each (a few milliseconds)."""
        self._stack = QStackedWidget(self)
        self._build_failure()
        content = QWidget(self)
        self._stack.addWidget(content)
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self.header = OverviewHeader(content)
        self.header.reveal_requested.connect(self.reveal_hetu)
        self.header.edit_requested.connect(self.edit_customer)
        self.header.edit_button.setEnabled(self._edit_factory is not None)
        yield

        self.contact = ContactSection(content)
        self.roles = RolesSection(content)
        self.roles.purpose_chosen.connect(self._show_sensitive)
        yield
        self.relations = RelationsSection(content)
        self.relations.open_requested.connect(self.open_customer_requested)
        self.cases = CasesSection(content)
        self.cases.case_requested.connect(self.case_requested)
        yield
        topic_map = {t.code: t for t in self._topics}
        self.timeline_model = TimelineModel(self._service, self._bg, self.customer_id, topics=topic_map, parent=self)
        self.timeline_model.page_loaded.connect(self._first_paint.timeline_page)
        self.timeline = TimelineSection(self.timeline_model, self._topics, content)
        yield

        self.logging_box = LightBox(content)
        self.logging_box.setObjectName("loggingBox")
        box = QVBoxLayout(self.logging_box)
        box.setContentsMargins(8, 6, 8, 8)
        # Made before the customer is known (a spare view): NO_CUSTOMER_YET matches no draft, and
        # bind() gives the panel its customer, which looks for that customer's unsaved contacts.
        self.panel = InteractionPanel(
            self._interactions,
            self._bg,
            self._drafts,
            self._staff,
            self._topics,
            customer_id=self.customer_id,
            outbox=self._outbox,
            parent=self.logging_box,
        )
        # What the panel saves reaches this view through the change bus (apply_changes). This lambda,
        # which holds the view, stays as it was before the bus: without it PySide6 frees a part of the
        # view too early and the desk crashes once an edit dialog closes (test_overview.py's
        # protected-address test) — the cause is not found yet.
        self.panel.saved.connect(lambda saved: setattr(self, "last_saved", saved))
        box.addWidget(self.panel)
        yield

        self.plugin_panels = QWidget(content)
        self.plugin_panels.setObjectName("pluginPanels")
        self.plugin_panels_layout = QVBoxLayout(self.plugin_panels)
        self.plugin_panels_layout.setContentsMargins(0, 0, 0, 0)
        self.department_panels = LightBox(self.plugin_panels)
        self.department_panels.setObjectName("departmentPanels")
        self._department_note = QLabel(self.department_panels)
        self._department_note.setObjectName("departmentPanelsNote")
        self._department_note.setWordWrap(True)
        self._department_note.setEnabled(False)
        self._department_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        note = QVBoxLayout(self.department_panels)
        note.addWidget(self._department_note)
        self.plugin_panels_layout.addWidget(self.department_panels)
        self.plugin_panel_area: QWidget | None = None  # see mount_plugin_panels()

        self._lay_out(content)
        self._laid_out = True
        self._retranslate()
        yield
        self.header.set_loading()
        for section in (self.contact, self.roles, self.relations, self.cases):
            section.set_loading()
        self.ensurePolished()

    # -- building ------------------------------------------------------------------------------

    def _build_failure(self) -> None:
        self._failure = OpenFailurePage(self)
        self._failure_text, self.retry_button = self._failure.text, self._failure.retry_button
        self.retry_button.clicked.connect(self.load)
        self._stack.addWidget(self._failure)
        self.break_glass = BreakGlassPage(self._bg, self._viewer, self._restricted, lambda: self.customer_id, self)
        self.break_glass.opened.connect(self.load)
        self._stack.addWidget(self.break_glass)

    def _lay_out(self, content: QWidget) -> None:
        """Header across the top; below it the customer on the left, logging and plugins right."""
        self._facts = FactsGrid(self.contact, self.roles, self.relations)
        for section in (self.contact, self.roles, self.relations, self.cases):
            section.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        left = self._left = QWidget(content)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(self._facts)
        column.addWidget(self.cases)
        column.addWidget(self.timeline, 1)

        right = QWidget(content)
        right.setObjectName("overviewSide")
        side = self._side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(8)
        side.addWidget(self.logging_box, 3)
        side.addWidget(self.plugin_panels, 1)
        right.setMinimumWidth(400)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, content)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        self.stale_note = StaleNote(content)
        self.stale_note.retry_requested.connect(self.refresh)
        layout.addWidget(self.stale_note)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._laid_out:
            return
        self._facts.fit(self._left.width())

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._laid_out:  # else the last step translates
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._failure.retranslate()
        self.logging_box.setTitle(self.tr("Contact logging"))
        self.department_panels.setTitle(self.tr("Department panels"))
        self._department_note.setText(
            self.tr(
                "Panels from the department plugins installed on this workstation (social services, health care, "
                "technical services and others) appear here: what each back-office system knows about this "
                "customer, for the staff allowed to see it."
            )
        )
        if self._error is not None:
            self._show_failure(self._error)

    def title(self) -> str:
        return self.overview.header.display_name if self.overview else ""

    @property
    def customer_language(self) -> str | None:
        return self.overview.header.preferred_language.value if self.overview else None

    def mount_plugin_panels(self, area: QWidget) -> None:
        """Put the department plugins' panels (agentdesk_desktop.plugins) in the pluginPanels region, in place of the
        note; the region then shares the right-hand column evenly with contact logging, and the column
        gets a little more of the width. When the panels store something on the customer (a filed
        service request), the overview reads again."""
        self.department_panels.hide()
        self.plugin_panels_layout.addWidget(area)
        self._side.setStretchFactor(self.logging_box, 1)
        self._side.setStretchFactor(self.plugin_panels, 1)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([3000, 2000])  # proportions: scaled to the width when shown
        self.plugin_panel_area = area

    @Slot(object)
    def apply_changes(self, changes: Changes) -> None:
        """A write somewhere in the desk changed data (the change bus): read again what is stale here.
        A new contact reloads the timeline; a new case or an edited record reads the overview again."""
        if self.customer_id in changes.timelines:
            self.timeline_model.reload()
        if self.customer_id in changes.cases or self.customer_id in changes.customers:
            self.refresh()

    # -- loading -------------------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        """Open the customer: an audited read on the background writer."""
        if self._bg.closed:  # the desk is closing (a retry or refresh that came too late)
            return
        self._error = None
        self._stack.setCurrentWidget(self._content)
        if self.overview is None:
            self.header.set_loading()
            for section in (self.contact, self.roles, self.relations, self.cases):
                section.set_loading()
            # The first page of the timeline is read on a reader thread while the writer opens the
            # customer (the audited read): the two no longer wait for each other. The page is held
            # until the open has succeeded, so no contact shows before the view is audited.
            self.timeline_model.reload(hold=True)
        job = partial(self._service.open, self.customer_id, actor=self._staff.username, viewer=self._viewer)
        self._bg.write(job, owner=self).on_success(self._opened).on_failure(self._open_failed)
        if not self.timeline.has_departments:
            self._bg.read(self._interactions.departments, owner=self).on_success(self._departments).on_failure(
                lambda exc: log.info("departments unavailable: %s", type(exc).__name__)
            )

    def refresh(self) -> None:
        """Read the overview again (after an edit or a new case); the screen stays as it is meanwhile."""
        self.load()

    def _departments(self, departments: list[tuple[int, str, str]]) -> None:
        self.timeline.set_departments(departments)
        self.panel.set_departments(departments)
        names = department_names(departments)  # the sections and the timeline carry a department's stored name
        self.roles.set_department_names(names)
        self.cases.set_department_names(names)
        self.timeline_model.set_department_names(names)

    def _opened(self, overview: CustomerOverview) -> None:
        # Header, boxes and the held first page of the timeline in one slice (a few milliseconds
        # together): the tab is painted once with all of it, not once per part.
        first = self.overview is None
        self.overview = overview
        self.stale_note.fresh()
        self.header.set_overview(overview)
        self.title_changed.emit(self.title())
        self._fill_sections(overview)
        if first:
            self.timeline_model.release()
        elif self.roles.sensitive_purpose:  # read again: the roles shown for a purpose are read again too
            self._show_sensitive(self.roles.sensitive_purpose)

    @Slot(str)
    def _show_sensitive(self, purpose: str) -> None:  # the roles held back, for the purpose chosen (audited)
        job = partial(self._service.sensitive_roles, self.customer_id, viewer=self._viewer, purpose=purpose)
        self._bg.write(job, owner=self).on_success(partial(self.roles.set_sensitive, purpose)).on_failure(
            self._open_failed
        )

    def _fill_sections(self, overview: CustomerOverview) -> None:
        self.contact.set_overview(overview)
        self.roles.set_overview(overview)
        self.relations.set_overview(overview)
        self.cases.set_overview(overview)
        self.panel.set_customer(self.customer_id, overview.header.display_name)
        self.panel.set_open_cases(overview.open_cases)
        self._first_paint.sections_filled()

    def _open_failed(self, exc: BaseException) -> None:
        if self.overview is not None and is_unreachable(exc):
            # A refresh without the database: what is on screen stays, with the time it was read.
            log.info("customer %s not refreshed: the database cannot be reached", self.customer_id)
            self.stale_note.stale()
            return
        self._error = exc
        if not isinstance(exc, CustomerNotFound | CustomerRestricted):
            log.error("opening customer %s failed: %s", self.customer_id, type(exc).__name__)
        self._show_failure(exc)
        if isinstance(exc, CustomerMerged):
            self.merged_away.emit(exc.customer_id, exc.survivor_id)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, CustomerRestricted):
            self.break_glass.show_restricted(exc.reason)
            self._stack.setCurrentWidget(self.break_glass)
            return
        self._failure.show_error(exc)
        self._stack.setCurrentWidget(self._failure)

    # -- the first full paint -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._first_paint.view_painted()

    @property
    def is_painted(self) -> bool:
        return self._first_paint.done

    # -- actions ---------------------------------------------------------------------------------

    @Slot()
    def reveal_hetu(self) -> None:
        job = partial(self._service.reveal_hetu, self.customer_id, actor=self._staff.username)
        self._bg.write(job, owner=self).on_success(self._revealed).on_failure(self._reveal_failed)

    def _revealed(self, value: str | None) -> None:
        self.header.set_revealed(value)
        events.emit("hetu.revealed", id=self.customer_id)

    def _reveal_failed(self, exc: BaseException) -> None:
        log.error("revealing the identity code failed: %s", type(exc).__name__)
        self.header.reveal_failed()

    @Slot()
    def edit_customer(self) -> EditDialog | None:
        if self._edit_factory is None:
            return None
        if self.edit_dialog is not None:
            self.edit_dialog.raise_()
            self.edit_dialog.activateWindow()
            return self.edit_dialog
        dialog = self._edit_factory(self.customer_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_saved.connect(self._edited)
        dialog.newer_version_seen.connect(self._edited)
        dialog.open_customer_requested.connect(self.open_customer_requested)
        dialog.destroyed.connect(self._edit_closed)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _edited(self, _customer_id: int) -> None:
        self.refresh()

    @Slot()
    def _edit_closed(self) -> None:
        self.edit_dialog = None
