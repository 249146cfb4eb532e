"""Helpers for the quick-text and knowledge-base desk tests: a few entries written through the core."""

from __future__ import annotations

from agentdesk.knowledge import EntryEdit, EntryText, KnowledgeBase
from agentdesk.staff import StaffMember
from agentdesk.storage.models import StaffRole

EDITOR = StaffMember(0, "super.sari", "Sari Esihenkilö", StaffRole.SUPERVISOR, None, None, None)


def seed_knowledge(db) -> dict[str, int]:
    kb = KnowledgeBase(db)
    ids = {}
    ids["greet"] = kb.save(
        EntryEdit(
            "quick_text",
            {
                "fi": EntryText("Tervehdys", "Hei {customer_name}, asianne {case_number}. T. {agent_name}"),
                "sv": EntryText("Hälsning", "Hej {customer_name}, ärende {case_number}. Hälsningar {agent_name}"),
                "en": EntryText("Greeting", "Hello {customer_name}, case {case_number}. {agent_name}"),
            },
            shortcut="greet",
        ),
        EDITOR,
    ).id
    ids["bye"] = kb.save(
        EntryEdit("quick_text", {"fi": EntryText("Lopetus", "Kiitos yhteydenotosta {today}.")}, shortcut="bye"),
        EDITOR,
    ).id
    ids["script"] = kb.save(
        EntryEdit(
            "script",
            {
                "fi": EntryText("Vesilaskun soitto", "1. Tarkista mittarilukema.\n2. Kerro arviolaskutuksesta."),
                "sv": EntryText("Samtal om vattenräkning", "1. Kontrollera mätarställningen."),
            },
            topic="water.billing",
        ),
        EDITOR,
    ).id
    ids["article"] = kb.save(
        EntryEdit(
            "article",
            {"fi": EntryText("Jäteastian tyhjennys", "Sekajäte tyhjennetään kahden viikon välein.")},
            topic="waste.pickup",
        ),
        EDITOR,
    ).id
    return ids
