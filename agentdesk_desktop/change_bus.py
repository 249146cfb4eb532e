"""The desk's change bus: one notice per user action, published on the UI thread.

The core's write services say what they changed (:class:`agentdesk.changes.Changes`); the
background helper hands each write's notice to :meth:`ChangeBus.publish` once, on the UI thread,
before the writer's own callback runs. Every view that shows data subscribes and refreshes what is
stale — the overview of a customer whose contact was just linked from another tab, the timeline of
a visitor whose walk-in visit was finished in the reception window. Views never go looking through
other windows' tabs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from agentdesk.changes import Changes

log = logging.getLogger(__name__)


class ChangeBus(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeBus")
        self.published = 0

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        self.published += 1
        log.debug(
            "changes: %d customers, %d timelines, %d cases, %d queues",
            len(changes.customers),
            len(changes.timelines),
            len(changes.cases),
            len(changes.queues),
        )
        self.changed.emit(changes)
