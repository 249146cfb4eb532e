"""What the desk adds to a contact panel: quick texts in its notes, and the scripts and articles of the
chosen topic beside its form.

::

    assist = ContactAssist(services.knowledge, library, services.background, staff)
    pane = assist.attach(panel.form.notes, ContactFacts(...))
    panel.add_side_pane(pane)

:class:`ContactFacts` is how the panel tells the assist what it knows at each moment (the customer's
name and language, the linked case, the topic); the assist asks it at every insertion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QPlainTextEdit

from agentdesk.knowledge import KnowledgeBase, KnowledgeItem
from agentdesk.staff import StaffMember
from agentdesk_desktop.background import Background
from agentdesk_desktop.knowledge.knowledge_pane import KnowledgePane
from agentdesk_desktop.knowledge.library import KnowledgeLibrary
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.labels import HELSINKI, ui_language
from agentdesk_desktop.widgets.quick_texts import QuickTextInserter, attach_quick_texts


def helsinki_today() -> str:
    return format_day(dt.datetime.now(HELSINKI).date())


@dataclass(frozen=True)
class ContactFacts:
    """Callables the assist asks at the moment of use."""

    customer_name: Callable[[], str]
    customer_language: Callable[[], str | None]
    case_number: Callable[[], int | None]


class EditorQuickTexts:
    """A :class:`~agentdesk_desktop.widgets.quick_texts.QuickTextContext` for one editor."""

    def __init__(self, library: KnowledgeLibrary, staff: StaffMember, facts: ContactFacts) -> None:
        self._library, self._staff, self._facts = library, staff, facts

    def quick_texts(self) -> Sequence[KnowledgeItem]:
        return self._library.quick_texts()

    def placeholder_values(self) -> Mapping[str, str]:
        case = self._facts.case_number()
        return {
            "customer_name": self._facts.customer_name(),
            "case_number": f"#{case}" if case else "",
            "agent_name": self._staff.display_name,
            "today": helsinki_today(),
        }

    def customer_language(self) -> str | None:
        return self._facts.customer_language()

    def agent_language(self) -> str | None:
        return ui_language()


class ContactAssist:
    def __init__(
        self, knowledge: KnowledgeBase, library: KnowledgeLibrary, background: Background, staff: StaffMember
    ) -> None:
        self.knowledge, self.library, self.background, self.staff = knowledge, library, background, staff

    def quick_texts_for(self, editor: QPlainTextEdit, facts: ContactFacts) -> QuickTextInserter:
        return attach_quick_texts(editor, EditorQuickTexts(self.library, self.staff, facts))

    def pane(self, facts: ContactFacts) -> KnowledgePane:
        pane = KnowledgePane(self.knowledge, self.background, customer_language=facts.customer_language)
        self.library.changed.connect(pane.reload)
        return pane
