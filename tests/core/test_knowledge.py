"""Quick texts, articles and call scripts: placeholders, the language a text is shown in, and the
knowledge base in the database (SQLite and PostgreSQL), edited only by the roles that may."""

from __future__ import annotations

import pytest

from agentdesk.knowledge import (
    EntryEdit,
    EntryText,
    KnowledgeBase,
    KnowledgeConflict,
    KnowledgeDenied,
    KnowledgeInvalid,
    choose_language,
    fill_placeholders,
)
from agentdesk.knowledge.placeholders import placeholders_in
from agentdesk.staff import StaffMember
from agentdesk.storage.models import StaffRole

EDITOR = StaffMember(1, "sanna", "Sanna Supervisor", StaffRole.SUPERVISOR, None, None, None)
AGENT = StaffMember(2, "aino", "Aino Agent", StaffRole.AGENT, None, None, None)


# -- placeholders and languages --------------------------------------------------------------------


def test_placeholders_are_filled_with_the_values_given():
    text = "Hei {customer_name}, asianne {case_number} on vastaanotettu. T. {agent_name}, {today}"
    values = {"customer_name": "Maija Meikäläinen", "case_number": "#42", "agent_name": "Aino", "today": "3.12.2026"}
    assert fill_placeholders(text, values) == (
        "Hei Maija Meikäläinen, asianne #42 on vastaanotettu. T. Aino, 3.12.2026"
    )


def test_a_placeholder_without_a_value_stays_visible_for_the_agent_to_complete():
    filled = fill_placeholders("Asianne {case_number} käsitellään, {customer_name}.", {"customer_name": "Maija"})
    assert filled == "Asianne {case_number} käsitellään, Maija."
    assert fill_placeholders("{case_number}", {"case_number": ""}) == "{case_number}"


def test_braces_that_are_no_placeholder_are_left_as_written():
    text = "Katso https://example.fi/{path} tai {Iso} tai { customer_name } tai {{customer_name}}"
    assert fill_placeholders(text, {"customer_name": "X", "path": ""}) == (
        "Katso https://example.fi/{path} tai {Iso} tai { customer_name } tai {X}"
    )
    assert placeholders_in("{a} {b} {a}") == ["a", "b"]


@pytest.mark.parametrize(
    ("available", "customer", "agent", "chosen"),
    [
        ({"fi", "sv", "en"}, "sv", "fi", "sv"),  # the customer's language when the text has it
        ({"fi", "en"}, "sv", "en", "en"),  # else the agent's own
        ({"fi", "en"}, "other", None, "fi"),  # else Finnish first
        ({"sv", "en"}, None, None, "sv"),
        ({"en"}, "fi", "fi", "en"),
        (set(), "fi", "fi", None),
    ],
)
def test_the_text_is_in_the_customers_language_when_one_exists(available, customer, agent, chosen):
    assert choose_language(available, customer, agent) == chosen


# -- the knowledge base ------------------------------------------------------------------------------


def _greet() -> EntryEdit:
    return EntryEdit(
        "quick_text",
        {
            "fi": EntryText("Tervehdys", "Hei {customer_name}!"),
            "sv": EntryText("Hälsning", "Hej {customer_name}!"),
            "en": EntryText("Greeting", "Hello {customer_name}!"),
        },
        shortcut="Greet",
    )


def test_an_editor_saves_a_quick_text_in_three_languages_and_agents_read_it(db):
    kb = KnowledgeBase(db)
    saved = kb.save(_greet(), EDITOR)
    assert saved.changes.knowledge
    [greet] = kb.quick_texts()
    assert (greet.id, greet.shortcut, greet.updated_by) == (saved.id, "greet", "sanna")
    assert greet.text("sv") == ("sv", EntryText("Hälsning", "Hej {customer_name}!"))
    assert greet.text("other", "en")[0] == "en"


def test_an_agent_may_not_edit_the_knowledge_base(db):
    kb = KnowledgeBase(db)
    with pytest.raises(KnowledgeDenied):
        kb.save(_greet(), AGENT)
    assert kb.quick_texts() == []


def test_bad_input_names_each_field_and_writes_nothing(db):
    kb = KnowledgeBase(db, known_topics={"waste.collection"})
    edit = EntryEdit(
        "quick_text",
        {"fi": EntryText("", "Teksti ilman otsikkoa"), "sv": EntryText("Rubrik", "")},
        shortcut="x y",
        topic="no.such",
    )
    with pytest.raises(KnowledgeInvalid) as refused:
        kb.save(edit, EDITOR)
    assert set(refused.value.errors) == {"shortcut", "topic", "title_fi", "body_sv"}
    with pytest.raises(KnowledgeInvalid) as empty:
        kb.save(EntryEdit("script", {}, topic=""), EDITOR)
    assert set(empty.value.errors) == {"topic", "body"}
    assert kb.entries() == []


def test_a_shortcut_is_unique(db):
    kb = KnowledgeBase(db)
    kb.save(_greet(), EDITOR)
    with pytest.raises(KnowledgeInvalid) as twice:
        kb.save(_greet(), EDITOR)
    assert "greet" in twice.value.errors["shortcut"]
    assert len(kb.quick_texts()) == 1


def test_a_stale_edit_is_refused_and_a_current_one_replaces_the_texts(db):
    kb = KnowledgeBase(db)
    first = kb.save(_greet(), EDITOR)
    edit = EntryEdit(
        "quick_text", {"fi": EntryText("Tervehdys", "Päivää {customer_name}.")}, "greet", "", first.id, first.version
    )
    second = kb.save(edit, EDITOR)
    assert second.version == first.version + 1
    [greet] = kb.quick_texts()
    assert set(greet.texts) == {"fi"}  # the emptied Swedish and English texts are gone
    with pytest.raises(KnowledgeConflict):
        kb.save(edit, EDITOR)  # made from the first version
    with pytest.raises(KnowledgeConflict):
        kb.delete(first.id, first.version, EDITOR)
    assert kb.delete(first.id, second.version, EDITOR).knowledge
    assert kb.quick_texts() == []


def test_scripts_come_first_for_their_topic_and_the_search_finds_any_language(db):
    kb = KnowledgeBase(db)
    article = kb.save(
        EntryEdit(
            "article",
            {
                "fi": EntryText("Jäteastian tyhjennys", "Tyhjennysväli on kaksi viikkoa."),
                "sv": EntryText("Sophämtning", "Varannan vecka."),
            },
            topic="waste.collection",
        ),
        EDITOR,
    )
    script = kb.save(
        EntryEdit("script", {"fi": EntryText("Soittokäsikirjoitus", "1. Kysy osoite.")}, topic="waste.collection"),
        EDITOR,
    )
    kb.save(EntryEdit("article", {"en": EntryText("Parking", "Permits")}, topic="streets.parking"), EDITOR)
    kb.save(_greet(), EDITOR)
    assert [i.id for i in kb.for_topic("waste.collection")] == [script.id, article.id]
    assert kb.for_topic("") == []
    assert [i.id for i in kb.search("SOPHÄMTNING")] == [article.id]
    assert [i.id for i in kb.search("jäte kaksi")] == [article.id]
    assert kb.search("jäte parking") == []
    assert kb.search("greet") == []  # quick texts are inserted, not searched as articles


def test_the_demo_knowledge_is_valid_and_seeded_once(db):
    from agentdesk_demo.demo_knowledge import DEMO_ENTRIES, seed_demo_knowledge

    assert seed_demo_knowledge(db) == len(DEMO_ENTRIES)
    assert seed_demo_knowledge(db) == 0
    kb = KnowledgeBase(db)
    assert {q.shortcut for q in kb.quick_texts()} == {"greet", "case", "bye"}
    [script] = kb.for_topic("water.billing")
    assert script.kind == "script" and set(script.texts) == {"fi", "sv", "en"}
