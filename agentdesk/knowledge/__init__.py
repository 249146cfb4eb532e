"""Quick texts, knowledge articles and call scripts: what agents insert and read while they serve.

- :mod:`agentdesk.knowledge.placeholders` — filling ``{customer_name}``, ``{case_number}``,
  ``{agent_name}``, ``{today}`` and choosing the language of a text (the customer's, when it exists).
- :mod:`agentdesk.knowledge.knowledge_base` — the entries in the database (``knowledge_entry``,
  ``knowledge_text``, migration 0017): quick texts by shortcut, articles and scripts per topic, a
  search, and the editors' writes (supervisors and administrators), each one transaction.

Qt-free.
"""

from agentdesk.knowledge.knowledge_base import (
    EDITOR_ROLES,
    EntryEdit,
    EntryText,
    KnowledgeBase,
    KnowledgeConflict,
    KnowledgeDenied,
    KnowledgeInvalid,
    KnowledgeItem,
    SavedEntry,
)
from agentdesk.knowledge.placeholders import LANGUAGES, PLACEHOLDERS, choose_language, fill_placeholders

__all__ = [
    "EDITOR_ROLES",
    "LANGUAGES",
    "PLACEHOLDERS",
    "EntryEdit",
    "EntryText",
    "KnowledgeBase",
    "KnowledgeConflict",
    "KnowledgeDenied",
    "KnowledgeInvalid",
    "KnowledgeItem",
    "SavedEntry",
    "choose_language",
    "fill_placeholders",
]
