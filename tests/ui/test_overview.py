"""The customer overview as an agent sees it, against a real SQLite database.

Opening is audited, the identity code is masked until Show (audited too), alerts are badges at the
top, a protected address never reaches any widget, relatives open with a click, overdue cases are
red and the contact timeline loads page by page as it is scrolled.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QApplication, QLabel, QScrollArea, QWidget
from sqlalchemy import select

from agentdesk import audit
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerRegister, set_alert
from agentdesk.drafts import DraftStore, new_key
from agentdesk.duplicate_check import DuplicateCheck
from agentdesk.interaction_log import InteractionDraft, InteractionLog
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import (
    AlertKind,
    CaseStatus,
    Channel,
    CustomerRelationship,
    CustomerRole,
    Department,
    FeedbackSurvey,
    Interaction,
    Language,
    Outcome,
    RelationshipKind,
    ServiceCase,
    SurveyState,
)
from agentdesk.topics import load_topics
from agentdesk_desktop.customer_form.customer_dialog import CustomerDialog
from agentdesk_desktop.overview.customer_overview_view import CustomerOverviewView
from agentdesk_desktop.overview.timeline_model import NOTES, OUTCOME, TimelineModel

NOW = dt.datetime.now(dt.UTC)
TODAY = dt.date.today()


@pytest.fixture
def family(sqlite_db, seeded):
    """Anna Virtanen is Matti's guardian and Anne's household member, has roles and two open cases."""
    with sqlite_db.session() as s, s.begin():
        water = s.query(Department).filter_by(code="customer_service").one()
        s.add_all(
            [
                CustomerRelationship(
                    from_customer_id=seeded.anna, to_customer_id=seeded.matti, kind=RelationshipKind.GUARDIAN
                ),
                CustomerRelationship(
                    from_customer_id=seeded.anna, to_customer_id=seeded.anne, kind=RelationshipKind.HOUSEHOLD_MEMBER
                ),
                CustomerRole(
                    customer_id=seeded.anna,
                    role_code="water_customer",
                    description="Water utility customer",
                    department_id=water.id,
                    valid_from=dt.date(2015, 3, 1),
                ),
                CustomerRole(
                    customer_id=seeded.anna,
                    role_code="tenant",
                    description="City rental tenant",
                    valid_from=dt.date(2012, 1, 1),
                    valid_to=dt.date(2016, 12, 31),
                ),
                ServiceCase(
                    customer_id=seeded.anna,
                    title="Water bill dispute",
                    status=CaseStatus.OPEN,
                    due_date=TODAY - dt.timedelta(days=3),
                ),
                ServiceCase(
                    customer_id=seeded.anna,
                    title="Daycare place",
                    status=CaseStatus.WAITING,
                    due_date=TODAY + dt.timedelta(days=10),
                ),
            ]
        )
    return seeded


def add_contacts(db, customer_id: int, count: int, *, channel_of=lambda i: Channel.PHONE) -> None:
    """Many contacts at once, straight into the table (InteractionLog.save per row would be slow)."""
    with db.session() as s, s.begin():
        s.add_all(
            [
                Interaction(
                    customer_id=customer_id,
                    channel=channel_of(i),
                    started_at=NOW - dt.timedelta(hours=i + 1),
                    topic="general.advice",
                    notes=f"contact #{i}",
                    outcome=Outcome.RESOLVED_FIRST_CONTACT,
                )
                for i in range(count)
            ]
        )


@pytest.fixture
def open_overview(qtbot, sqlite_db, seeded, bg, change_bus, tmp_path):
    """open_overview(customer_id) -> the overview widget, shown at the size of a maximized desk tab."""
    staff = StaffDirectory(sqlite_db).get("agent.aino")
    register, duplicates = CustomerRegister(sqlite_db), DuplicateCheck(sqlite_db)

    def edit_dialog(customer_id, parent):
        return CustomerDialog(register, duplicates, bg, staff, customer_id=customer_id, parent=parent)

    def make(customer_id: int, *, service=None, wait: bool = True) -> CustomerOverviewView:
        view = CustomerOverviewView(
            customer_id,
            overview_service=service or CustomerOverviewService(sqlite_db),
            interactions=InteractionLog(sqlite_db),
            drafts=DraftStore.opened(tmp_path / "drafts", "agent.test", new_key()),
            background=bg,
            staff=staff,
            topics=load_topics(),
            edit_dialog_factory=edit_dialog,
        )
        change_bus.changed.connect(view.apply_changes)  # as agentdesk_desktop.customer_desk wires every tab
        qtbot.addWidget(view)
        view.resize(1040, 940)
        view.show()
        if wait:
            qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
        return view

    return make


def widget_texts(root: QWidget) -> list[str]:
    """Every text and tooltip in the widget tree, visible or not, and every item model's data."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        texts.append(w.toolTip())
        texts.append(w.accessibleName())
        texts.append(w.windowTitle())
        for getter in ("text", "toPlainText", "title", "placeholderText", "currentText"):
            value = getattr(w, getter, None)
            if callable(value):
                with contextlib.suppress(TypeError):  # a getter that needs arguments
                    texts.append(str(value()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += model_texts(w.model())
    return texts


def model_texts(model) -> list[str]:
    out = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.StatusTipRole,
                Qt.ItemDataRole.WhatsThisRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                out.append(str(model.index(r, c).data(role) or ""))
    return out


def audit_actions(db, customer_id: int) -> list[tuple[str, str]]:
    with db.session() as s:
        return [(e.actor, e.action) for e in audit.entries_for(s, customer_id)]


# -- opening ------------------------------------------------------------------------------------


def test_opening_shows_the_whole_customer_and_writes_an_audit_entry(open_overview, family, sqlite_db, caplog):
    view = open_overview(family.anna)
    header = view.header
    assert header.name.text() == "Anna Virtanen"
    assert header.hetu.text() == family.anna_hetu[:7] + "****", "the identity code is masked"
    assert family.anna_hetu not in widget_texts(view)
    assert ("agent.aino", "customer.view") in audit_actions(sqlite_db, family.anna)
    assert f"overview.painted id={family.anna}" in caplog.messages
    assert view.title() == "Anna Virtanen"

    assert view.contact.values["phones"].text().startswith("040")
    assert view.contact.values["address"].text() == "Hämeenkatu 12 A 3\n33100 Tampere"
    roles = view.roles.table
    assert [roles.item(r, 0).text() for r in range(roles.rowCount())] == [
        "Water utility customer",
        "City rental tenant",
    ]
    assert roles.item(1, 2).text().endswith("(ended)")
    relations = view.relations.table
    assert {relations.item(r, 1).text(): relations.item(r, 0).text() for r in range(relations.rowCount())} == {
        "Matti Meikäläinen": "Child",
        "Anne Virtanen": "Household",
    }
    assert view.cases.title() == "Open cases (2)"
    assert view.cases.overdue_rows() == [0], "the overdue case is red"
    assert "overdue" in view.cases.table.item(0, 3).text()


def test_the_header_the_boxes_and_the_timeline_arrive_together(open_overview, family, sqlite_db, qtbot):
    add_contacts(sqlite_db, family.anna, 3)
    view = open_overview(family.anna, wait=False)
    assert view.header.name.text() == "Loading…"
    assert view.roles.is_loading
    assert view.timeline_model.rowCount() == 0
    seen = []
    view.painted.connect(lambda _id: seen.append((view.header.name.text(), view.roles.is_loading)))
    qtbot.waitUntil(lambda: view.is_painted)
    # One fill, one paint: the first paint after "Loading…" shows the customer whole.
    assert seen == [("Anna Virtanen", False)]
    assert view.timeline_model.rowCount() == 3


def test_show_reveals_the_identity_code_and_is_audited(open_overview, family, sqlite_db, qtbot):
    view = open_overview(family.anna)
    assert ("agent.aino", "hetu.reveal") not in audit_actions(sqlite_db, family.anna)
    qtbot.mouseClick(view.header.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.header.hetu.text() == family.anna_hetu)
    assert view.header.reveal_button.isHidden()
    assert audit_actions(sqlite_db, family.anna)[0] == ("agent.aino", "hetu.reveal")


def test_alerts_are_coloured_badges_at_the_top(open_overview, seeded, sqlite_db):
    for kind in (AlertKind.SAFETY_WARNING, AlertKind.INTERPRETER_NEEDED, AlertKind.DECEASED):
        set_alert(sqlite_db, seeded.matti, kind, actor="test", note="note for " + kind.value)
    view = open_overview(seeded.matti)
    assert view.header.badge_texts() == ["Safety warning", "Deceased", "Needs an interpreter"]
    badge = view.header.badges.findChild(QLabel, "alert_safety_warning")
    assert "#b00020" in badge.styleSheet()
    assert badge.toolTip() == "note for safety_warning"
    assert view.header.badges.geometry().top() < view.header.name.geometry().top(), "alerts come first"


def test_a_protected_address_is_never_rendered(open_overview, seeded, sqlite_db, qtbot):
    add_contacts(sqlite_db, seeded.secret, 3)
    set_alert(sqlite_db, seeded.secret, AlertKind.SAFETY_WARNING, actor="test")
    view = open_overview(seeded.secret)
    assert view.contact.values["address"].text() == "Address protected"
    assert "Address protected" in view.header.badge_texts()
    dialog = view.edit_customer()
    qtbot.waitUntil(lambda: dialog.record is not None)
    assert dialog.protected_note.isVisibleTo(dialog)
    for root in (view, dialog):
        texts = "\n".join(widget_texts(root))
        for part in (seeded.protected_street, "Piilopolku", "02100", "Espoo"):
            assert part not in texts, f"{part!r} appears in {type(root).__name__}"
    assert seeded.protected_street not in "\n".join(model_texts(view.timeline_model))
    dialog.reject()


def test_clicking_a_relative_asks_to_open_them(open_overview, family, qtbot):
    view = open_overview(family.anna)
    table = view.relations.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "Matti Meikäläinen")
    with qtbot.waitSignal(view.open_customer_requested) as opened:
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(row, 1)).center()
        )
    assert opened.args == [family.matti]


def test_the_overview_fits_a_maximized_desk_without_scrolling(open_overview, family, sqlite_db):
    add_contacts(sqlite_db, family.anna, 60)
    view = open_overview(family.anna)
    hint = view.minimumSizeHint()
    # A maximized 1920×1080 desk leaves its customer tab about 1150×1000 (the search results take 40 %,
    # then menus and the status bar); the overview must fit in less than that.
    assert hint.width() <= 1040 and hint.height() <= 940, hint
    assert not view.findChildren(QScrollArea), "no part of the overview is a scrolled page"
    for box in (
        view.header,
        view.contact,
        view.roles,
        view.relations,
        view.cases,
        view.timeline,
        view.logging_box,
        view.plugin_panels,
    ):
        top_left = box.mapTo(view, box.rect().topLeft())
        bottom_right = box.mapTo(view, box.rect().bottomRight())
        assert view.rect().contains(top_left) and view.rect().contains(bottom_right), box.objectName()
    for table in (view.roles.table, view.relations.table, view.cases.table):
        assert isinstance(table, QAbstractScrollArea)
        assert not table.verticalScrollBar().isVisible(), f"{table.objectName()} shows all its rows"


def test_department_panel_region_says_what_will_appear(open_overview, seeded):
    view = open_overview(seeded.matti)
    region = view.findChild(QWidget, "pluginPanels")
    assert region is not None and region.isVisible()
    assert view.department_panels.title() == "Department panels"
    assert "department plugins" in view._department_note.text()


# -- errors ----------------------------------------------------------------------------------------


class FlakyOverviews(CustomerOverviewService):
    """The real service, failing its first open() as a dropped connection would."""

    def __init__(self, db) -> None:
        super().__init__(db)
        self.failures = 1

    def open(self, customer_id, **kwargs):
        if self.failures:
            self.failures -= 1
            raise ConnectionError("database connection lost")
        return super().open(customer_id, **kwargs)


@pytest.mark.expect_log_warnings
def test_a_failed_open_shows_the_error_with_a_retry(open_overview, seeded, sqlite_db, qtbot):
    view = open_overview(seeded.anna, service=FlakyOverviews(sqlite_db), wait=False)
    qtbot.waitUntil(lambda: view.retry_button.isVisible())
    assert "could not be opened" in view._failure_text.text()
    qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.is_painted)
    assert view.header.name.text() == "Anna Virtanen"


def test_a_customer_removed_meanwhile_says_so_without_retry(open_overview, qtbot):
    view = open_overview(999_999, wait=False)
    qtbot.waitUntil(lambda: view._failure.isVisible())
    assert view._failure_text.text() == "This customer is no longer in the register."
    assert view.retry_button.isHidden()


# -- the timeline ------------------------------------------------------------------------------------


def test_the_timeline_loads_the_first_page_only_until_scrolled(open_overview, seeded, sqlite_db, qtbot):
    add_contacts(sqlite_db, seeded.anna, 500)
    view = open_overview(seeded.anna)
    model, table = view.timeline_model, view.timeline.table
    assert model.rowCount() == 50 and model.pages_loaded == 1
    assert model.index(0, NOTES).data() == "contact #0", "newest first"
    assert model.canFetchMore(QModelIndex())
    qtbot.wait(100)
    assert model.rowCount() == 50, "nothing more is loaded while the end is not in view"
    assert view.timeline.status.text() == "50 shown, scroll for more"

    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert model.index(99, NOTES).data() == "contact #99"
    assert model.pages_loaded == 2


def test_the_citizens_feedback_shows_on_the_contact_it_answers(qtbot, seeded, sqlite_db, bg):
    add_contacts(sqlite_db, seeded.anna, 2)
    with sqlite_db.session() as s, s.begin():
        contact = s.scalars(select(Interaction.id).where(Interaction.notes == "contact #1")).one()
        s.add(
            FeedbackSurvey(
                interaction_id=contact,
                customer_id=seeded.anna,
                channel=Channel.SMS,
                language=Language.FI,
                destination="+358401234567",
                idempotency_key="survey-1",
                state=SurveyState.SENT,
                expires_at=NOW + dt.timedelta(days=14),
                sent_at=NOW,
                answered_at=NOW,
                score=2,
                comment="Jonotin puoli tuntia",
            )
        )
    model = TimelineModel(CustomerOverviewService(sqlite_db), bg, seeded.anna)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    rows = {model.index(r, NOTES).data(): r for r in range(2)}
    answered, other = model.index(rows["contact #1"], OUTCOME), model.index(rows["contact #0"], OUTCOME)
    assert answered.data() == "Resolved at first contact · Feedback 2/5"
    assert "The citizen's feedback: Jonotin puoli tuntia" in answered.data(Qt.ItemDataRole.ToolTipRole)
    assert "Feedback" not in other.data() and "feedback" not in other.data(Qt.ItemDataRole.ToolTipRole)


def test_the_timeline_model_passes_the_model_tester(qtmodeltester, qtbot, seeded, sqlite_db, bg):
    add_contacts(sqlite_db, seeded.anna, 45)
    model = TimelineModel(
        CustomerOverviewService(sqlite_db), bg, seeded.anna, topics={t.code: t for t in load_topics()}, page_size=20
    )
    qtmodeltester.check(model, force_py=True)
    model.reload()
    # The tester calls fetchMore after every change, as a view scrolled to its last row does.
    qtbot.waitUntil(lambda: not model.has_more and not model.loading)
    assert model.rowCount() == 45 and model.pages_loaded == 3, "each page once"
    assert len({model.item(r).id for r in range(45)}) == 45
    assert not model.canFetchMore(QModelIndex())
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 45 and not model.loading)


def test_a_held_first_page_shows_no_contact_until_released(qtbot, seeded, sqlite_db, bg):
    # The overview reads the first page beside its audited open and shows it only once that open succeeded.
    add_contacts(sqlite_db, seeded.anna, 30)
    model = TimelineModel(CustomerOverviewService(sqlite_db), bg, seeded.anna, page_size=20)
    model.reload(hold=True)
    qtbot.waitUntil(lambda: model.held)
    assert model.rowCount() == 0 and model.loading, "still loading, as far as the table shows"
    model.release()
    assert model.rowCount() == 20 and not model.loading and model.has_more
    model.release()  # nothing held any more: nothing changes
    assert model.rowCount() == 20 and model.pages_loaded == 1


def test_the_timeline_model_passes_qts_own_tester(qtmodeltester, qtbot, seeded, sqlite_db, bg):
    from PySide6.QtCore import qInstallMessageHandler

    add_contacts(sqlite_db, seeded.anna, 60)
    model = TimelineModel(CustomerOverviewService(sqlite_db), bg, seeded.anna)
    reports: list[str] = []  # the C++ tester reports failures as qt.modeltest warnings
    previous = qInstallMessageHandler(
        lambda _mode, context, message: reports.append(message) if context.category == "qt.modeltest" else None
    )
    try:
        qtmodeltester.check(model)
        model.reload()
        # Qt's tester, too, asks for more after every change.
        qtbot.waitUntil(lambda: not model.has_more and not model.loading)
    finally:
        qInstallMessageHandler(previous)
    assert model.rowCount() == 60 and model.pages_loaded == 2
    assert not reports, reports


def test_timeline_filters_ask_the_service_again(open_overview, seeded, sqlite_db, qtbot):
    add_contacts(sqlite_db, seeded.anna, 12, channel_of=lambda i: Channel.EMAIL if i % 3 == 0 else Channel.PHONE)
    view = open_overview(seeded.anna)
    model, section = view.timeline_model, view.timeline
    assert model.rowCount() == 12
    section.channel_filter.setCurrentIndex(section.channel_filter.findData(Channel.EMAIL.value))
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 4)
    assert {model.item(r).channel for r in range(4)} == {Channel.EMAIL}
    section.topic_filter.setCurrentIndex(section.topic_filter.findData("water.billing"))
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 0)
    assert section.status.text() == "No contacts match these filters."
    section.topic_filter.setCurrentIndex(0)
    section.channel_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 12)


def test_the_customer_desk_builds_tabs_and_dialogs_that_open_customers(qtbot, sqlite_db, family, bg, tmp_path):
    from agentdesk_desktop.change_bus import ChangeBus
    from agentdesk_desktop.customer_desk import CustomerDesk
    from agentdesk_desktop.services import build_services

    opened: list[int] = []
    staff = StaffDirectory(sqlite_db).get("agent.aino")
    services = build_services(
        sqlite_db, bg, ChangeBus(), drafts=DraftStore.opened(tmp_path / "drafts", "agent.test", new_key())
    )
    parts = CustomerDesk(services, staff, opened.append)
    view = parts.customer_view(family.anna)
    qtbot.addWidget(view)
    view.resize(1040, 940)
    view.show()
    qtbot.waitUntil(lambda: view.is_painted)
    view.relations.open_requested.emit(family.matti)
    assert opened == [family.matti]

    dialog = view.edit_customer()
    assert isinstance(dialog, CustomerDialog) and dialog.customer_id == family.anna
    qtbot.waitUntil(lambda: dialog.record is not None)
    dialog.fields["first_names"].setText("Anna Maria")
    with qtbot.waitSignal(dialog.customer_saved, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: view.header.name.text() == "Anna Maria Virtanen", timeout=5000)

    new = parts.new_customer_dialog(view)
    qtbot.addWidget(new)
    new.duplicate_panel.open_requested.emit(family.anne)
    assert opened == [family.matti, family.anne]


# -- in the desk ------------------------------------------------------------------------------------


@pytest.fixture
def overview_desk(qtbot, sqlite_db, family):
    """The real desk with its default customer tabs (the overview), signed in as agent.aino."""
    from agentdesk_desktop.app import build_app

    desk = build_app(sqlite_db, install_hooks=False)
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        desk.shutdown()
        from PySide6.QtCore import QCoreApplication, QEvent

        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()


def test_in_the_desk_a_customer_tab_is_the_overview_and_relatives_open_in_tabs(overview_desk, qtbot, family):
    window = overview_desk.window
    view = window.open_customer(family.anna)
    assert isinstance(view, CustomerOverviewView)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    assert window.tabs.tabText(0) == "Anna Virtanen"
    assert view.logging_box.title() == "Yhteydenottojen kirjaus", "the desk's language (Finnish by default)"

    view.timeline.table.setFocus()
    qtbot.keyClick(view.timeline.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.panel.in_progress, "Ctrl+N in a customer tab starts a new contact"
    assert window.new_customer_action.shortcut().toString() == "Ctrl+Shift+N"

    table = view.relations.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "Matti Meikäläinen")
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(row, 1)).center()
    )
    qtbot.waitUntil(lambda: window.tabs.count() == 2)
    assert window.current_customer_id() == family.matti
    view.panel.cancel_contact()


def test_an_edit_conflict_refreshes_the_overview_behind_the_dialog(open_overview, family, sqlite_db, qtbot):
    import dataclasses

    view = open_overview(family.anna)
    dialog = view.edit_customer()
    qtbot.waitUntil(lambda: dialog.record is not None)
    register = CustomerRegister(sqlite_db)
    register.update(
        family.anna,
        dialog.base_version,
        dataclasses.replace(register.get(family.anna).as_draft(), last_name="Virtanen-Lahti"),
        actor="agent.other",
    )
    dialog.fields["first_names"].setText("Anna Maria")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: view.header.name.text() == "Anna Virtanen-Lahti", timeout=5000)
    dialog.reject()


def test_an_imported_address_says_which_register_and_is_in_the_citizens_language(open_overview, sqlite_db, tmp_path):
    from sqlalchemy import select

    from agentdesk.register_import.importer import RegisterImport
    from agentdesk.register_import.mapping import load_mapping
    from agentdesk.storage.models import Customer

    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        '[source]\nid_column = "id"\nobserved = "2026-11-02"\n[columns]\nfirst_names = "first"\n'
        'last_name = "last"\nstreet = "street"\npostal_code = "postcode"\nmunicipality = "town"\nlanguage = "lang"\n',
        encoding="utf-8",
    )
    data = tmp_path / "register.csv"
    data.write_text("id,first,last,street,postcode,town,lang\nDV-100,Eva,Ek,Esplanaden 2,00130,Helsinki,sv\n")
    RegisterImport(sqlite_db).run(data, "population data", load_mapping(mapping))
    with sqlite_db.session() as s:
        eva = s.scalar(select(Customer.id).where(Customer.last_name == "Ek"))
    address = open_overview(eva).contact.values["address"]
    assert address.text() == "Esplanaden 2\n00130 Helsingfors", "a Swedish speaker's municipality in Swedish"
    assert address.toolTip() == "Address: population data, 2.11.2026"


def test_in_the_desk_a_double_clicked_case_opens_its_dialog_with_its_history(overview_desk, qtbot, sqlite_db, family):
    from agentdesk.cases import FINNISH_CALENDAR
    from agentdesk_desktop.cases.case_dialog import CaseDialog

    saved = InteractionLog(sqlite_db).save(
        InteractionDraft(
            channel=Channel.PHONE,
            started_at=dt.datetime.now(dt.UTC),
            customer_id=family.anna,
            topic="general.feedback",
            outcome=Outcome.CASE_CREATED,
            new_case_title="Katuvalo rikki",
            new_case_due=FINNISH_CALENDAR.add_working_days(dt.date.today(), 5),
        ),
        agent_id=None,
        actor="agent.aino",
    )
    view = overview_desk.window.open_customer(family.anna)
    qtbot.waitUntil(lambda: view.is_painted and not view.cases.is_loading, timeout=5000)
    table = view.cases.table
    row = next(r for r in range(table.rowCount()) if "Katuvalo rikki" in table.item(r, 0).text())
    table.scrollTo(table.model().index(row, 0))
    rect = table.visualRect(table.model().index(row, 0))
    with qtbot.waitSignal(view.case_requested, timeout=2000):
        qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real double click:
        qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, release,
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # then the double
    qtbot.waitUntil(lambda: any(isinstance(w, CaseDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CaseDialog))
    assert dialog.case_id == saved.case_id
    qtbot.waitUntil(lambda: dialog.snapshot is not None)
    assert dialog.heading.text() == "Katuvalo rikki" and dialog.history.rowCount() == 1
    dialog.close()


def test_a_phones_register_label_is_shown_in_the_desks_language(open_overview, seeded, sqlite_db, qapp, qtbot):
    from agentdesk.storage.models import ContactPoint
    from agentdesk_desktop.i18n import Translations
    from agentdesk_desktop.widgets.labels import contact_label

    with sqlite_db.session() as s, s.begin():
        for point in s.query(ContactPoint).filter_by(customer_id=seeded.anna):
            point.label = "mobile"
    view = open_overview(seeded.anna)
    phones = view.contact.values["phones"]
    assert "(mobile" in phones.text()
    translations = Translations(qapp)
    try:
        translations.set_language("fi")
        qtbot.waitUntil(lambda: "matkapuhelin" in phones.text())
        assert "mobile" not in phones.text()
        assert contact_label("Mökki") == "Mökki"  # a label the code list does not know, as the register wrote it
    finally:
        translations.clear()
        translations.deleteLater()
