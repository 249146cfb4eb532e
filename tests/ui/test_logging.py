"""Logging a contact from the overview: keyboard-first, messages at the fields, drafts that survive
a crash, and the new contact at the top of the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QWidget

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.drafts import DraftStore, new_key
from agentdesk.interaction_log import InteractionLog
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import Channel, Interaction, Outcome, ServiceCase
from agentdesk.topics import load_topics
from agentdesk_desktop.logging.contact_drafts import DRAFT_KIND
from agentdesk_desktop.logging.interaction_panel import InteractionPanel
from agentdesk_desktop.overview.customer_overview_view import CustomerOverviewView
from agentdesk_desktop.overview.timeline_model import NOTES, TOPIC
from agentdesk_desktop.widgets.panel_parts import clock_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def drafts(tmp_path) -> DraftStore:
    return DraftStore.opened(tmp_path / "drafts", "agent.test", new_key())


@pytest.fixture
def staff(sqlite_db, seeded):
    return StaffDirectory(sqlite_db).get("agent.aino")


@pytest.fixture
def overview(qtbot, sqlite_db, seeded, bg, change_bus, drafts, staff):
    """The overview of Anna Virtanen with one earlier contact, shown and painted."""
    InteractionLog(sqlite_db).save(
        _draft(seeded.anna, notes="an older call", started=dt.datetime.now(dt.UTC) - dt.timedelta(days=2)),
        agent_id=staff.id,
        actor="test",
    )
    view = CustomerOverviewView(
        seeded.anna,
        overview_service=CustomerOverviewService(sqlite_db),
        interactions=InteractionLog(sqlite_db, known_topics={t.code for t in load_topics()}),
        drafts=drafts,
        background=bg,
        staff=staff,
        topics=load_topics(),
    )
    change_bus.changed.connect(view.apply_changes)  # as agentdesk_desktop.customer_desk wires every tab
    qtbot.addWidget(view)
    view.resize(1040, 940)
    view.show()
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    return view


def _draft(customer_id, *, notes: str, started: dt.datetime):
    from agentdesk.interaction_log import InteractionDraft

    return InteractionDraft(
        Channel.EMAIL, started, customer_id, topic="general.advice", notes=notes, outcome=Outcome.RESOLVED_FIRST_CONTACT
    )


def make_panel(qtbot, sqlite_db, bg, drafts, staff, customer_id, name="Anna Virtanen") -> InteractionPanel:
    panel = InteractionPanel(
        InteractionLog(sqlite_db), bg, drafts, staff, load_topics(), customer_id=customer_id, customer_name=name
    )
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    return panel


def choose_topic(qtbot, panel, label: str) -> None:
    field = panel.form.topic.lineEdit()
    field.selectAll()
    qtbot.keyClicks(field, label)


def interactions(db) -> list[Interaction]:
    with db.session() as s:
        return list(s.query(Interaction).order_by(Interaction.id))


# -- the whole flow ------------------------------------------------------------------------------


def test_a_phone_contact_logged_from_the_keyboard_appears_at_the_top_of_the_timeline(
    overview, qtbot, sqlite_db, drafts, caplog
):
    panel = overview.panel
    overview.timeline.table.setFocus()
    qtbot.keyClick(overview.timeline.table, Qt.Key.Key_N, CTRL)
    assert panel.in_progress, "Ctrl+N starts a contact"
    assert panel.form.topic.hasFocus(), "typing goes straight into the topic"
    assert panel.form.channel.currentText() == "Phone"
    assert panel.clock.text() == "00:00"

    qtbot.keyClicks(panel.form.topic.lineEdit(), "Water billing")
    assert panel.form.topic_code() == "water.billing"
    panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    panel.form.notes.setFocus()
    qtbot.keyClicks(panel.form.notes, "Asked why the bill doubled; explained the estimate.")
    with qtbot.waitSignal(panel.saved, timeout=5000) as saved:
        qtbot.keyClick(panel.form.notes, Qt.Key.Key_Return, CTRL)

    model = overview.timeline_model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading)
    assert model.index(0, NOTES).data() == "Asked why the bill doubled; explained the estimate."
    assert model.index(0, TOPIC).data() == "Water billing"
    assert model.index(1, NOTES).data() == "an older call"
    assert not panel.in_progress and panel.pages.currentIndex() == 0, "the panel resets"
    assert panel.form.notes.toPlainText() == ""
    row = interactions(sqlite_db)[-1]
    assert (row.id, row.channel, row.topic, row.outcome, row.customer_id) == (
        saved.args[0].id,
        Channel.PHONE,
        "water.billing",
        Outcome.RESOLVED_FIRST_CONTACT,
        overview.customer_id,
    )
    assert row.agent_id is not None
    qtbot.waitUntil(lambda: not panel.drafts_pending)
    assert drafts.load_all(DRAFT_KIND) == [], "the saved contact leaves no draft"
    assert any(m.startswith(f"contact.saved id={row.id}") for m in caplog.messages)


def test_messages_appear_at_the_fields_and_the_typed_text_stays(overview, qtbot, sqlite_db):
    panel = overview.panel
    panel.start_contact(Channel.WALK_IN)
    qtbot.keyClicks(panel.form.notes, "Customer at the desk about a parking permit")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    errors = panel.field_errors()
    assert errors == {"topic": "Choose a topic from the list", "outcome": "Choose how the contact ended"}
    topic_message = panel.form.rows.messages["topic"]
    assert topic_message.isVisible()
    assert topic_message.parentWidget() is panel.form.rows.holders["topic"], "the message is under its field"
    assert panel.form.topic.hasFocus(), "the focus goes to the first field to fix"
    assert panel.form.notes.toPlainText() == "Customer at the desk about a parking permit"
    assert panel.in_progress
    assert len(interactions(sqlite_db)) == 1, "nothing was saved"

    # Forwarded needs a department; a new case needs a title and a due date not in the past.
    choose_topic(qtbot, panel, "General advice")
    panel.form.outcome_buttons[Outcome.FORWARDED].click()
    panel.form.department.setCurrentIndex(0)
    panel.save()
    assert panel.field_errors() == {"department": "Choose the department the contact is forwarded to"}
    panel.form.outcome_buttons[Outcome.CASE_CREATED].click()
    panel.save()
    assert panel.field_errors() == {"case": "Give the new case a title or link an existing case"}
    assert panel.form.notes.toPlainText() == "Customer at the desk about a parking permit"


def test_a_new_case_with_a_due_date_shows_up_in_the_overview(overview, qtbot, sqlite_db):
    panel = overview.panel
    panel.start_contact()
    choose_topic(qtbot, panel, "Water billing")
    panel.form.outcome_buttons[Outcome.CASE_CREATED].click()
    panel.form.case.setCurrentIndex(panel.form.case.findData(-2))
    assert panel.form.case_title.isVisible() and panel.form.case_due.isVisible()
    qtbot.keyClicks(panel.form.case_title, "Meter reading check")
    due = QDate.currentDate().addDays(7)
    panel.form.case_due.setDate(due)
    with qtbot.waitSignal(panel.saved, timeout=5000) as saved:
        panel.save()
    assert saved.args[0].case_id is not None
    with sqlite_db.session() as s:
        case = s.get(ServiceCase, saved.args[0].case_id)
        assert (case.title, case.due_date, case.customer_id) == (
            "Meter reading check",
            due.toPython(),
            overview.customer_id,
        )
    qtbot.waitUntil(lambda: overview.cases.title() == "Open cases (1)")
    assert "Meter reading check" in overview.cases.table.item(0, 0).text()
    assert any("Meter reading check" in panel.form.case.itemText(i) for i in range(panel.form.case.count())), (
        "the new case can be linked from the next contact"
    )


# -- drafts ----------------------------------------------------------------------------------------


def test_a_contact_left_by_a_crash_is_offered_back_and_restored(qtbot, sqlite_db, seeded, bg, drafts, staff):
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact(Channel.EMAIL)
    choose_topic(qtbot, panel, "Water billing")
    qtbot.keyClicks(panel.form.notes, "Half-written note about the meter")
    with qtbot.waitSignal(panel.drafts.written, timeout=3000):
        pass  # written half a second after the last key
    saved_at = drafts.load_all(DRAFT_KIND)[0].saved_at
    # The desk dies here: the widget goes away without saving or cancelling.
    panel.setParent(None)
    panel.hide()
    panel.deleteLater()
    del panel

    again = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    qtbot.waitUntil(lambda: again.restore_banner.isVisible())
    when = dt.datetime.fromtimestamp(saved_at)
    assert again.restore_text.text() == f"Restore unsaved contact from {when.hour:02d}:{when.minute:02d}?"
    assert not again.in_progress
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert again.in_progress
    assert again.form.notes.toPlainText() == "Half-written note about the meter"
    assert again.form.topic_code() == "water.billing"
    assert again.form.channel.currentText() == "E-mail"
    assert not again.restore_banner.isVisible()
    # Carrying on overwrites the same draft; saving removes it.
    again.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    with qtbot.waitSignal(again.saved, timeout=5000):
        again.save()
    qtbot.waitUntil(lambda: not again.drafts_pending)
    assert drafts.load_all(DRAFT_KIND) == []
    assert interactions(sqlite_db)[-1].notes == "Half-written note about the meter"


def test_steady_typing_still_writes_drafts_while_it_goes_on(qtbot, sqlite_db, seeded, bg, drafts, staff):
    """An agent who types without pausing (a key every 100 ms, never the half-second idle the draft
    timer waits for) still gets a draft within seconds, and newer ones as typing goes on."""
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact(Channel.PHONE)
    typed: list[str] = []
    words = "the customer reports that the water meter in the basement shows a leak since monday "

    def one_key() -> None:
        key = words[len(typed) % len(words)]
        qtbot.keyClick(panel.form.notes, key)
        typed.append(key)

    def draft_notes() -> str:
        found = drafts.load_all(DRAFT_KIND)
        return found[0].data["contact"]["notes"] if found else ""

    typist = QTimer(panel)
    typist.setInterval(100)
    typist.timeout.connect(one_key)
    typist.start()
    try:
        qtbot.waitUntil(lambda: draft_notes() != "", timeout=10_000)
        first = draft_notes()
        assert "".join(typed).startswith(first), "the draft holds what was typed, in order"
        qtbot.waitUntil(lambda: len(draft_notes()) > len(first), timeout=10_000)
    finally:
        typist.stop()
    assert "".join(typed).startswith(draft_notes())
    assert panel.in_progress, "the drafts were written while the contact was still being typed"


def test_a_draft_belongs_to_the_customer_whose_panel_wrote_it(qtbot, sqlite_db, seeded, bg, drafts, staff):
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact()
    qtbot.keyClicks(panel.form.notes, "about Anna")
    panel.write_draft()
    qtbot.waitUntil(lambda: not panel.drafts_pending)
    other = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.matti, "Matti Meikäläinen")
    bg.wait_idle()
    assert not other.restore_banner.isVisible(), "Matti's tab does not offer Anna's contact"
    discard = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    qtbot.waitUntil(lambda: discard.restore_banner.isVisible())
    qtbot.mouseClick(discard.drop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not discard.drafts_pending)
    assert drafts.load_all(DRAFT_KIND) == []


# -- unidentified callers, the clock, topics ---------------------------------------------------------


def test_an_unidentified_caller_can_be_linked_afterwards(qtbot, sqlite_db, seeded, bg, drafts, staff):
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact()
    panel.form.unidentified.setChecked(True)
    assert panel.form.customer_label.text() == "Unidentified caller"
    choose_topic(qtbot, panel, "General advice")
    panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    with qtbot.waitSignal(panel.saved, timeout=5000) as saved:
        panel.save()
    assert saved.args[0].customer_id is None
    assert interactions(sqlite_db)[-1].customer_id is None
    assert panel.link_button.isVisible()
    assert panel.link_button.text() == "Link the last contact to Anna Virtanen"
    with qtbot.waitSignal(panel.linked, timeout=5000):
        qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    assert interactions(sqlite_db)[-1].customer_id == seeded.anna


def test_a_panel_without_a_customer_logs_unidentified_callers(qtbot, sqlite_db, seeded, bg, drafts, staff):
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, None, "")
    panel.start_contact(Channel.WEB)
    assert panel.form.customer_label.text() == "Unidentified caller"
    assert panel.form.unidentified.isHidden()
    choose_topic(qtbot, panel, "General advice")
    panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    with qtbot.waitSignal(panel.saved, timeout=5000):
        panel.save()
    assert panel.link_button.isHidden(), "nobody to link to yet"
    panel.set_customer(seeded.anna, "Anna Virtanen")
    assert panel.link_button.isVisible()


def test_the_handle_time_clock_runs_from_the_start_of_the_contact(qtbot, sqlite_db, seeded, bg, drafts, staff):
    assert (clock_text(0), clock_text(75.9), clock_text(3600 + 5)) == ("00:00", "01:15", "60:05")
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    assert not panel.clock.isEnabled()
    panel.start_contact()
    assert panel.clock.isEnabled() and panel.clock.text() == "00:00"
    assert panel._clock_timer.isActive() and panel._clock_timer.interval() == 1000
    panel._clock_start -= 61  # as if the call had gone on for a minute
    qtbot.waitUntil(lambda: panel.clock.text() in ("01:01", "01:02"), timeout=1500)  # the next tick
    panel.cancel_contact()
    assert panel.clock.text() == "00:00" and not panel.in_progress


def test_the_topic_list_filters_as_you_type(qtbot, sqlite_db, seeded, bg, drafts, staff):
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact()
    completer = panel.form.topic.completer()
    completer.setCompletionPrefix("bill")
    matches = [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())]
    assert matches and all("bill" in m.lower() for m in matches)
    assert "Water billing" in matches


def test_tab_order_follows_the_form(qtbot, sqlite_db, seeded, bg, drafts, staff):
    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact()
    order, widget = [], panel.form.channel
    for _ in range(5):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while (
            not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            or not widget.isVisible()
            or widget.focusProxy() is not None
        ):
            widget = widget.nextInFocusChain()
    assert order[:4] == ["contactChannel", "contactTopic", "contactDepartment", "contactNotes"]
    assert isinstance(widget, QWidget)


def test_the_next_start_offers_the_unsaved_contacts_by_customer(qtbot, sqlite_db, seeded, bg, drafts, staff):
    from PySide6.QtWidgets import QMessageBox

    from agentdesk_desktop.logging.draft_offer import offer_unsaved_contacts

    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact()
    qtbot.keyClicks(panel.form.notes, "cut off mid-sentence")
    panel.write_draft()
    qtbot.waitUntil(lambda: not panel.drafts_pending)

    window = QWidget()
    qtbot.addWidget(window)
    opened: list[int] = []
    offer_unsaved_contacts(window, bg, drafts, opened.append)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "unsavedContacts") is not None)
    box = window.findChild(QMessageBox, "unsavedContacts")
    assert box.informativeText().startswith("Anna Virtanen, unsaved contact from ")
    next(b for b in box.buttons() if b.text() == "Open").click()
    assert opened == [seeded.anna], "Open opens the customer, whose panel then offers the draft"


def test_the_panel_follows_a_language_switch_at_run_time(qtbot, qapp, sqlite_db, seeded, bg, drafts, staff):
    from agentdesk_desktop.i18n import Translations

    panel = make_panel(qtbot, sqlite_db, bg, drafts, staff, seeded.anna)
    panel.start_contact()
    choose_topic(qtbot, panel, "Water billing")
    translations = Translations(qapp)
    try:
        translations.set_language("sv")
        qtbot.waitUntil(lambda: panel.save_button.text() == "Spara kontakten")
        qtbot.waitUntil(lambda: panel.form.topic.currentText() == "Vattenräkning")  # the topics too
        assert panel.form.topic_code() == "water.billing", "the chosen topic stays"
        assert panel.form.channel.currentText() == "Telefon"
        translations.set_language("fi")
        qtbot.waitUntil(lambda: panel.form.topic.currentText() == "Vesilasku")
        assert panel.save_button.text() == "Tallenna yhteydenotto"
    finally:
        translations.clear()  # back to English and the locale it found
        translations.deleteLater()


# -- in the desk: a caller nobody has identified yet ----------------------------------------------


@pytest.fixture
def desk_with_overview(qtbot, sqlite_db, seeded):
    from PySide6.QtCore import QCoreApplication, QEvent

    from agentdesk_desktop.app import build_app

    desk = build_app(sqlite_db, install_hooks=False, language="en")
    try:
        with qtbot.waitSignal(desk.window_ready, timeout=10_000):
            desk.start(username="agent.aino")
        qtbot.waitExposed(desk.window)
        yield desk
    finally:
        desk.shutdown()
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()


def test_an_unidentified_caller_is_logged_from_the_dock_and_linked_once_found(
    desk_with_overview, qtbot, sqlite_db, seeded
):
    from agentdesk_desktop.logging.unidentified_contact_dock import UnidentifiedContactDock

    window = desk_with_overview.window
    dock = window.findChild(UnidentifiedContactDock, "unidentifiedContactDock")
    assert dock.isVisible() and dock.windowTitle() == "Contact without a customer"
    panel = dock.panel
    window.search_panel.field.setFocus()
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_N, CTRL)
    assert panel.in_progress, "with no customer open, Ctrl+N starts a contact in the dock"
    assert panel.form.customer_label.text() == "Unidentified caller"
    choose_topic(qtbot, panel, "General advice")
    panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.keyClick(panel.form.topic, Qt.Key.Key_Return, CTRL)
    assert interactions(sqlite_db)[-1].customer_id is None
    assert panel.link_button.isHidden(), "no customer to link to yet"

    view = window.open_customer(seeded.anna)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    assert dock.isVisible(), "the dock stays while the contact waits for its customer"
    assert panel.link_button.isVisible()
    assert panel.link_button.text() == "Link the last contact to Anna Virtanen"
    with qtbot.waitSignal(panel.linked, timeout=5000):
        qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    assert interactions(sqlite_db)[-1].customer_id == seeded.anna
    assert not dock.isVisible(), "nothing left to do here: the customer tab has the room"
    qtbot.keyClick(view.timeline.table, Qt.Key.Key_N, CTRL)
    assert view.panel.in_progress and not panel.in_progress, "Ctrl+N now belongs to the customer tab"
    view.panel.cancel_contact()


def test_a_contact_linked_from_the_dock_appears_in_the_open_tab_of_its_customer(desk_with_overview, qtbot, seeded):
    """The open tab refreshes itself from the change bus: before the bus, the linked contact showed
    only once the tab was closed and opened again."""
    from agentdesk_desktop.logging.unidentified_contact_dock import UnidentifiedContactDock

    window = desk_with_overview.window
    view = window.open_customer(seeded.anna)
    qtbot.waitUntil(lambda: view.is_painted and not view.timeline_model.loading, timeout=5000)
    before = view.timeline_model.rowCount()
    window.open_customer(seeded.matti)  # another tab in front: Anna's stays open behind it
    window.tabs.setCurrentIndex(0)  # and back, so the dock offers to link to Anna
    dock = window.findChild(UnidentifiedContactDock, "unidentifiedContactDock")
    panel = dock.panel
    panel.start_contact(Channel.PHONE)
    choose_topic(qtbot, panel, "General advice")
    panel.form.notes.setPlainText("asked about parking permits")
    panel.form.outcome_buttons[Outcome.RESOLVED_FIRST_CONTACT].click()
    with qtbot.waitSignal(panel.saved, timeout=5000):
        panel.save_button.click()
    assert view.timeline_model.rowCount() == before, "an unidentified contact is nobody's yet"
    window.open_customer(seeded.matti)  # Matti's tab in front: Anna's is not the current one
    panel.set_link_target(seeded.anna, "Anna Virtanen")
    with qtbot.waitSignal(panel.linked, timeout=5000):
        panel.link_button.click()
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == before + 1, timeout=5000)
    texts = [
        view.timeline_model.index(r, c).data()
        for r in range(view.timeline_model.rowCount())
        for c in range(view.timeline_model.columnCount())
    ]
    assert any("parking permits" in str(t) for t in texts), "the linked contact shows in Anna's open tab"
