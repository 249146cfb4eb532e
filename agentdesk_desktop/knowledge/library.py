"""The desk's quick texts, read once off the UI thread and again whenever the knowledge base changes.

One :class:`KnowledgeLibrary` per desk (the composition root makes it); every editor with quick texts
(the contact notes, an e-mail reply) reads :meth:`quick_texts` from it at the moment of insertion, so
an editor's change reaches every open editor without a query per keystroke.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from agentdesk.changes import Changes
from agentdesk.knowledge import KnowledgeBase, KnowledgeItem
from agentdesk_desktop.background import Background
from agentdesk_desktop.change_bus import ChangeBus

log = logging.getLogger(__name__)


class KnowledgeLibrary(QObject):
    loaded = Signal()  # the quick texts were (re)read
    changed = Signal()  # the knowledge base was edited: panes showing articles re-read them

    def __init__(
        self, knowledge: KnowledgeBase, background: Background, changes: ChangeBus, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.knowledge, self.background = knowledge, background
        self._quick: list[KnowledgeItem] = []
        self.is_loaded = False
        changes.changed.connect(self._bus)

    def load(self) -> None:
        self.background.read(self.knowledge.quick_texts, owner=self).on_success(self._loaded).on_failure(self._failed)

    def quick_texts(self) -> list[KnowledgeItem]:
        return self._quick

    def _loaded(self, items: list[KnowledgeItem]) -> None:
        self._quick, self.is_loaded = items, True
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        log.warning("quick texts could not be read: %s", type(exc).__name__)

    def _bus(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.knowledge:
            self.load()
            self.changed.emit()
