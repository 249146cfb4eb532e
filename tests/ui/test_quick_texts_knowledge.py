"""Quick texts in the contact notes and the knowledge base beside the contact form, as an agent uses
them: ``;greet`` + Tab and Ctrl+Space insert the text in the customer's language with the name, case
and agent filled in; choosing a topic shows its call script; a search finds an article; a supervisor's
edit in the knowledge base editor reaches the open desk, and bad input is shown at its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agentdesk.customer_overview import CaseView
from agentdesk.drafts import DraftStore, new_key
from agentdesk.knowledge import KnowledgeBase
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import CaseStatus, Customer, Language
from agentdesk_desktop.customer_desk import CustomerDesk
from agentdesk_desktop.knowledge.knowledge_editor import KnowledgeEditor
from agentdesk_desktop.knowledge.knowledge_pane import KnowledgePane
from agentdesk_desktop.services import build_services
from agentdesk_desktop.widgets.quick_texts import QuickTextPicker
from tests.ui.knowledge_support import seed_knowledge

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def kb_ids(sqlite_db, seeded):
    return seed_knowledge(sqlite_db)


@pytest.fixture
def parts(sqlite_db, seeded, kb_ids, bg, change_bus, tmp_path):
    staff = StaffDirectory(sqlite_db).get("agent.aino")
    services = build_services(
        sqlite_db, bg, change_bus, drafts=DraftStore.opened(tmp_path / "drafts", "agent.test", new_key())
    )
    parts = CustomerDesk(services, staff, lambda _id: None)
    parts.knowledge_library.load()
    return parts


def _open(qtbot, parts, customer_id):
    view = parts.customer_view(customer_id)
    qtbot.addWidget(view)
    view.resize(1200, 940)
    view.show()
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    qtbot.waitUntil(lambda: parts.knowledge_library.is_loaded, timeout=5000)
    return view


def _speaks(db, customer_id: int, language: Language) -> None:
    with db.session() as s, s.begin():
        s.get(Customer, customer_id).preferred_language = language


def _start_contact(qtbot, view):
    view.panel.start_contact()
    assert view.panel.in_progress
    notes = view.panel.form.notes
    notes.setFocus()
    return notes


def test_greet_and_tab_inserts_the_greeting_in_the_customers_language_with_name_and_agent(
    qtbot, parts, sqlite_db, seeded
):
    _speaks(sqlite_db, seeded.anna, Language.SV)
    view = _open(qtbot, parts, seeded.anna)
    notes = _start_contact(qtbot, view)
    qtbot.keyClicks(notes, "Ringde. ;greet")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert notes.toPlainText() == (
        "Ringde. Hej Anna Virtanen, ärende {case_number}. Hälsningar Aino Asiakaspalvelija"
    ), "the Swedish text; no case chosen, so {case_number} stays for the agent"
    assert notes.hasFocus(), "Tab after a shortcut inserts, it does not move on"

    qtbot.keyClicks(notes, " ;nosuch")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert notes.toPlainText().endswith(";nosuch"), "an unknown shortcut is left as typed"
    assert not notes.hasFocus(), "and Tab moves on as before"


def test_a_finnish_speaker_gets_the_finnish_text_and_the_linked_case_number(qtbot, parts, seeded):
    view = _open(qtbot, parts, seeded.anna)
    view.panel.set_open_cases([CaseView(77, "Lasku", CaseStatus.OPEN, None, None, "", "", False)])
    notes = _start_contact(qtbot, view)
    view.panel.form.case.setCurrentIndex(view.panel.form.case.findData(77))
    notes.setFocus()
    qtbot.keyClicks(notes, ";gr")  # a shortened shortcut that names one quick text
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert notes.toPlainText() == "Hei Anna Virtanen, asianne #77. T. Aino Asiakaspalvelija"


def test_ctrl_space_opens_a_picker_that_filters_and_inserts_with_enter(qtbot, parts, seeded):
    view = _open(qtbot, parts, seeded.anna)
    notes = _start_contact(qtbot, view)
    qtbot.keyClicks(notes, "Alku. ")
    qtbot.keyClick(notes, Qt.Key.Key_Space, CTRL)
    picker = view.panel.quick_texts.picker
    assert isinstance(picker, QuickTextPicker) and picker.isVisible()
    assert picker.list.count() == 2
    qtbot.keyClicks(picker.filter, "kiitos")
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == [";bye — Lopetus"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    text = notes.toPlainText()
    assert text.startswith("Alku. Kiitos yhteydenotosta ") and "{today}" not in text


def test_escape_in_the_picker_changes_nothing(qtbot, parts, seeded):
    view = _open(qtbot, parts, seeded.anna)
    notes = _start_contact(qtbot, view)
    qtbot.keyClicks(notes, "Kesken")
    qtbot.keyClick(notes, Qt.Key.Key_Space, CTRL)
    picker = view.panel.quick_texts.picker
    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert notes.toPlainText() == "Kesken"


def test_choosing_a_topic_shows_its_call_script_beside_the_form(qtbot, parts, seeded):
    view = _open(qtbot, parts, seeded.anna)
    pane = view.panel.knowledge_pane
    assert isinstance(pane, KnowledgePane) and pane.isVisible()
    _start_contact(qtbot, view)
    field = view.panel.form.topic.lineEdit()
    field.setFocus()
    qtbot.keyClicks(field, "Water billing")
    qtbot.waitUntil(lambda: "Tarkista mittarilukema" in pane.text.toPlainText(), timeout=5000)
    assert pane.results.item(0).text() == "Script: Vesilaskun soitto"

    field.selectAll()
    qtbot.keyClicks(field, "Parking permit")
    qtbot.waitUntil(lambda: pane.status.text() == "No script or article for this topic yet.", timeout=5000)
    assert pane.text.toPlainText() == ""


def test_the_search_finds_an_article_of_another_topic(qtbot, parts, seeded):
    view = _open(qtbot, parts, seeded.anna)
    pane = view.panel.knowledge_pane
    pane.search_box.setFocus()
    pane.search_box.setText("SEKAJÄTE")
    qtbot.keyClick(pane.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "kahden viikon" in pane.text.toPlainText(), timeout=5000)
    assert pane.results.count() == 1


def test_a_contact_filed_with_a_case_during_the_call_links_that_case(qtbot, parts, seeded):
    view = _open(qtbot, parts, seeded.anna)
    assert not view.panel.link_case(CaseView(5, "X", CaseStatus.OPEN, None, None, "open311", "9", False))
    _start_contact(qtbot, view)
    assert view.panel.link_case(CaseView(5, "Katuvalo", CaseStatus.OPEN, None, None, "open311", "9", False))
    assert view.panel.form.case.currentData() == 5
    assert view.panel.form.draft(view.panel.form.case_due.dateTime().toPython()).case_id == 5


# -- the editor ---------------------------------------------------------------------------------------


def _editor(qtbot, sqlite_db, bg, username="super.sari"):
    staff = StaffDirectory(sqlite_db).get(username)
    editor = KnowledgeEditor(KnowledgeBase(sqlite_db), bg, staff, parts_topics())
    qtbot.addWidget(editor)
    editor.show()
    return editor


def parts_topics():
    from agentdesk.topics import load_topics

    return load_topics()


def test_a_supervisor_adds_a_quick_text_and_the_open_desk_can_insert_it(qtbot, parts, sqlite_db, seeded, bg):
    view = _open(qtbot, parts, seeded.anna)
    editor = KnowledgeEditor(parts.services.knowledge, bg, StaffDirectory(sqlite_db).get("super.sari"), parts.topics)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.entries.count() == 4, timeout=5000)
    editor.new_entry()
    qtbot.keyClicks(editor.shortcut, "wait")
    qtbot.keyClicks(editor.titles["fi"], "Odota")
    qtbot.keyClicks(editor.bodies["fi"], "Hetki, {customer_name}, tarkistan.")
    with qtbot.waitSignal(parts.knowledge_library.loaded, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text() == "Saved.", timeout=5000)
    qtbot.waitUntil(lambda: editor.entries.count() == 5, timeout=5000)
    notes = _start_contact(qtbot, view)
    qtbot.keyClicks(notes, ";wait")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert notes.toPlainText() == "Hetki, Anna Virtanen, tarkistan."


def test_bad_input_in_the_editor_is_shown_at_the_field_and_kept(qtbot, sqlite_db, kb_ids, bg):
    editor = _editor(qtbot, sqlite_db, bg)
    qtbot.waitUntil(lambda: editor.entries.count() == 4, timeout=5000)
    editor.new_entry()
    qtbot.keyClicks(editor.shortcut, "greet")  # taken
    qtbot.keyClicks(editor.bodies["sv"], "Text utan rubrik")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text() == "Nothing was saved: see the messages above.", timeout=5000)
    assert editor.text_errors["sv"].isVisibleTo(editor)
    assert editor.languages.currentIndex() == 1, "the Swedish tab, where the message is"
    assert editor.bodies["sv"].toPlainText() == "Text utan rubrik"
    qtbot.keyClicks(editor.titles["sv"], "Rubrik")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: editor.shortcut_error.text() == "Another quick text already has this shortcut.", timeout=5000
    )
    assert len(KnowledgeBase(sqlite_db).quick_texts()) == 2


def test_an_agent_gets_no_editor_and_the_core_refuses_one_anyway(qtbot, parts, sqlite_db, bg, kb_ids):
    assert parts.knowledge_action is None  # the window was never made: no menu item for an agent either
    editor = _editor(qtbot, sqlite_db, bg, username="agent.aino")
    qtbot.waitUntil(lambda: editor.entries.count() == 4, timeout=5000)
    editor.show_entry(KnowledgeBase(sqlite_db).quick_texts()[0])
    editor.bodies["fi"].setPlainText("Muutettu")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text() == "Your role may not edit the knowledge base.", timeout=5000)
    assert "Muutettu" not in KnowledgeBase(sqlite_db).quick_texts()[0].texts["fi"].body
    QApplication.processEvents()
