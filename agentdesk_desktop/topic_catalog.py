"""The contact topics of a running desk, read from their file once (see :class:`TopicCatalog`)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

from agentdesk.topics import Topic, load_topics


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
