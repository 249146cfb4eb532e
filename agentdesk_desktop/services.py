"""The desk's services, built once: the composition root's one typed bag of everything the windows use.

:func:`build_services` is the only place that constructs a core service; windows and views get the
services (or the few they need) from the :class:`DeskServices` it returns::

    services = build_services(db, background, changes)
    CustomerOverviewView(customer_id, overview_service=services.overviews, ...)

Every service is Qt-free and thread-safe to call from the background helper (each opens a short
session per operation). The topic taxonomy comes from a file: :class:`TopicCatalog` reads it once,
off the UI thread (the desk loads it while the agent signs in).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerRegister
from agentdesk.drafts import DraftStore
from agentdesk.duplicate_check import DuplicateCheck
from agentdesk.interaction_log import InteractionLog
from agentdesk.queues import QueueDirectory, Statistics, WalkIn
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.staff import StaffDirectory
from agentdesk.storage.database import Database
from agentdesk.topics import Topic, load_topics
from agentdesk_desktop.background import Background
from agentdesk_desktop.change_bus import ChangeBus

if TYPE_CHECKING:
    from agentdesk.channels.email_quarantine import MailQuarantine


class TopicCatalog:
    """The contact topics, read from their file once (on first use, or :meth:`load` on the background
    helper). A container of topic codes, so the interaction log checks a contact's topic against it."""

    def __init__(self, topics: Sequence[Topic] | None = None) -> None:
        self._topics: list[Topic] | None = list(topics) if topics is not None else None
        self._codes: frozenset[str] = frozenset(t.code for t in self._topics or ())
        self._lock = threading.Lock()

    def load(self) -> list[Topic]:
        with self._lock:
            if self._topics is None:
                self._topics = load_topics()
                self._codes = frozenset(t.code for t in self._topics)
            return self._topics

    @property
    def loaded(self) -> bool:
        return self._topics is not None

    @property
    def all(self) -> list[Topic]:
        return self._topics if self._topics is not None else self.load()

    def __contains__(self, code: object) -> bool:
        if self._topics is None:
            self.load()
        return code in self._codes

    def __iter__(self) -> Iterator[Topic]:
        return iter(self.all)


@dataclass(frozen=True)
class DeskServices:
    """Every service of one running desk."""

    db: Database
    background: Background
    changes: ChangeBus
    search: CustomerSearch
    register: CustomerRegister
    overviews: CustomerOverviewService
    interactions: InteractionLog
    duplicates: DuplicateCheck
    staff: StaffDirectory
    queues: QueueDirectory
    walk_in: WalkIn
    statistics: Statistics
    topics: TopicCatalog
    drafts: DraftStore

    @cached_property
    def quarantine(self) -> MailQuarantine:
        """The e-mail quarantine (made on first use: the e-mail channel is not needed to start the desk)."""
        from agentdesk.channels.email_quarantine import MailQuarantine

        return MailQuarantine(self.db)


def build_services(
    db: Database,
    background: Background,
    changes: ChangeBus,
    *,
    topics: TopicCatalog | None = None,
    drafts: DraftStore | None = None,
) -> DeskServices:
    """The one place a core service is made. Cheap: nothing is read here (the topics on first use)."""
    topics = topics or TopicCatalog()
    return DeskServices(
        db=db,
        background=background,
        changes=changes,
        search=CustomerSearch(db),
        register=CustomerRegister(db),
        overviews=CustomerOverviewService(db),
        interactions=InteractionLog(db, known_topics=topics),
        duplicates=DuplicateCheck(db),
        staff=StaffDirectory(db),
        queues=QueueDirectory(db),
        walk_in=WalkIn(db),
        statistics=Statistics(db),
        topics=topics,
        drafts=drafts or DraftStore(),
    )
