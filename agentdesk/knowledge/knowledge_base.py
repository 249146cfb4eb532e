"""The knowledge base in the database: quick texts, articles and call scripts with their texts per language.

Agents read it (:meth:`KnowledgeBase.quick_texts`, :meth:`for_topic`, :meth:`search`); supervisors and
administrators (:data:`EDITOR_ROLES`) edit it (:meth:`save`, :meth:`delete`), each one transaction that
returns a :class:`~agentdesk.changes.Changes` with ``knowledge`` set, so every open desk reloads its
quick texts and the articles it shows. A stale edit (someone saved the entry since it was opened) is
refused with :class:`KnowledgeConflict`. Qt-free and blocking: the desk runs these off its UI thread.

The knowledge base is small (hundreds of entries, not millions): the search reads the articles and
scripts and matches every word of the query in the title or body of any language, folded (case and
accents as Python's ``casefold``), so "jate" needs "jäte" to be typed, but "JÄTE" finds "jäte".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agentdesk.changes import Changes
from agentdesk.knowledge.placeholders import LANGUAGES, choose_language
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import KnowledgeEntry, KnowledgeText, utcnow

KINDS = ("quick_text", "article", "script")
EDITOR_ROLES = frozenset({StaffRole.SUPERVISOR, StaffRole.ADMIN})
SHORTCUT = re.compile(r"^[a-z0-9][a-z0-9_-]{1,30}$")
MAX_TITLE = 200
MAX_BODY = 20_000


@dataclass(frozen=True, slots=True)
class EntryText:
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class KnowledgeItem:
    id: int
    kind: str  # quick_text, article, script
    shortcut: str  # "" for articles and scripts
    topic: str  # a topic code, "" for any topic
    texts: Mapping[str, EntryText]  # language → text
    version: int
    updated_at: dt.datetime
    updated_by: str

    def text(self, customer_language: str | None, agent_language: str | None = None) -> tuple[str, EntryText]:
        """The language chosen (:func:`~agentdesk.knowledge.placeholders.choose_language`) and its text."""
        language = choose_language(self.texts.keys(), customer_language, agent_language)
        if language is None:
            return "", EntryText("", "")
        return language, self.texts[language]

    def matches(self, words: Sequence[str]) -> bool:
        haystack = " ".join(f"{self.shortcut} {t.title} {t.body}" for t in self.texts.values()).casefold()
        return all(w in haystack for w in words)


@dataclass(frozen=True, slots=True)
class EntryEdit:
    """What an editor saved. ``entry_id`` None: a new entry; ``expected_version``: the version opened."""

    kind: str
    texts: Mapping[str, EntryText]
    shortcut: str = ""
    topic: str = ""
    entry_id: int | None = None
    expected_version: int | None = None


@dataclass(frozen=True, slots=True)
class SavedEntry:
    id: int
    version: int
    changes: Changes = field(default_factory=lambda: Changes(knowledge=True))


class KnowledgeDenied(PermissionError):
    """The staff member's role may not edit the knowledge base."""


class KnowledgeInvalid(ValueError):
    """Field → message (``shortcut``, ``kind``, ``topic``, ``title_fi``, ``body``, …): nothing was written."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class KnowledgeConflict(RuntimeError):
    """The entry was changed (or removed) elsewhere after it was opened; nothing was written."""


def may_edit(staff: StaffMember) -> bool:
    return staff.role in EDITOR_ROLES


class KnowledgeBase:
    def __init__(self, db: Database, *, known_topics: Container[str] | None = None) -> None:
        """``known_topics``: a container of topic codes an entry's topic is checked against (None: any)."""
        self._db = db
        self._topics = known_topics

    # -- reading -----------------------------------------------------------------------------------

    def entries(self, kind: str | None = None) -> list[KnowledgeItem]:
        """Every entry (of ``kind``), quick texts by shortcut, the rest by topic and id."""
        with self._db.session() as s:
            return _items(s, kind)

    def quick_texts(self) -> list[KnowledgeItem]:
        return self.entries("quick_text")

    def for_topic(self, topic: str) -> list[KnowledgeItem]:
        """The call scripts, then the articles, of ``topic`` (none for an empty topic)."""
        if not topic:
            return []
        with self._db.session() as s:
            items = [i for i in _items(s, None, topic=topic) if i.kind != "quick_text"]
        return sorted(items, key=lambda i: (i.kind != "script", i.id))

    def search(self, query: str, *, limit: int = 50) -> list[KnowledgeItem]:
        """Articles and scripts with every word of ``query`` in a title or body (any language)."""
        words = query.casefold().split()
        if not words:
            return []
        with self._db.session() as s:
            items = [i for i in _items(s, None) if i.kind != "quick_text"]
        return [i for i in items if i.matches(words)][:limit]

    # -- editing -----------------------------------------------------------------------------------

    def save(self, edit: EntryEdit, staff: StaffMember) -> SavedEntry:
        if not may_edit(staff):
            raise KnowledgeDenied(f"role {staff.role.value} may not edit the knowledge base")
        errors = self._check(edit)
        if errors:
            raise KnowledgeInvalid(errors)
        shortcut = edit.shortcut.strip().lower() if edit.kind == "quick_text" else None
        try:
            with self._db.session() as s, s.begin():
                if edit.entry_id is None:
                    entry = KnowledgeEntry(kind=edit.kind)
                    s.add(entry)
                else:
                    found = s.get(KnowledgeEntry, edit.entry_id, with_for_update=True)
                    if found is None or found.version != edit.expected_version:
                        raise KnowledgeConflict(f"knowledge entry {edit.entry_id} was changed elsewhere")
                    entry = found
                entry.kind, entry.shortcut, entry.topic = edit.kind, shortcut, edit.topic.strip()
                entry.updated_by, entry.updated_at = (
                    staff.username,
                    utcnow(),
                )  # a new version even if only a text changed
                s.flush()
                existing = {
                    t.language: t for t in s.scalars(select(KnowledgeText).where(KnowledgeText.entry_id == entry.id))
                }
                for language in LANGUAGES:
                    text = edit.texts.get(language)
                    row = existing.get(language)
                    if text is None or not (text.title.strip() or text.body.strip()):
                        if row is not None:
                            s.delete(row)
                        continue
                    if row is None:
                        row = KnowledgeText(entry_id=entry.id, language=language)
                        s.add(row)
                    row.title, row.body = text.title.strip(), text.body.rstrip()
                s.flush()
                return SavedEntry(entry.id, entry.version)
        except IntegrityError:
            raise KnowledgeInvalid({"shortcut": f"another quick text already has the shortcut {shortcut}"}) from None

    def delete(self, entry_id: int, expected_version: int, staff: StaffMember) -> Changes:
        if not may_edit(staff):
            raise KnowledgeDenied(f"role {staff.role.value} may not edit the knowledge base")
        with self._db.session() as s, s.begin():
            entry = s.get(KnowledgeEntry, entry_id, with_for_update=True)
            if entry is None or entry.version != expected_version:
                raise KnowledgeConflict(f"knowledge entry {entry_id} was changed elsewhere")
            s.delete(entry)
        return Changes(knowledge=True)

    def _check(self, edit: EntryEdit) -> dict[str, str]:
        errors: dict[str, str] = {}
        if edit.kind not in KINDS:
            errors["kind"] = f"unknown kind {edit.kind!r}"
        if edit.kind == "quick_text" and not SHORTCUT.match(edit.shortcut.strip().lower()):
            errors["shortcut"] = "a shortcut is 2–31 letters a–z, digits, - or _, e.g. greet"
        topic = edit.topic.strip()
        if topic and self._topics is not None and topic not in self._topics:
            errors["topic"] = f"unknown topic {topic!r}"
        if edit.kind == "script" and not topic:
            errors["topic"] = "a call script belongs to a topic"
        filled = 0
        for language, text in edit.texts.items():
            if language not in LANGUAGES:
                errors[f"body_{language}"] = f"unknown language {language!r}"
                continue
            if len(text.title) > MAX_TITLE:
                errors[f"title_{language}"] = f"a title is limited to {MAX_TITLE} characters"
            if len(text.body) > MAX_BODY:
                errors[f"body_{language}"] = f"a text is limited to {MAX_BODY:,} characters"
            if text.body.strip():
                filled += 1
                if not text.title.strip():
                    errors[f"title_{language}"] = "give the text a title"
            elif text.title.strip():
                errors[f"body_{language}"] = "the title has no text"
        if not filled:
            errors["body"] = "write the text in at least one language"
        return errors


def _items(s: Session, kind: str | None, *, topic: str | None = None) -> list[KnowledgeItem]:
    q = select(KnowledgeEntry)
    if kind is not None:
        q = q.where(KnowledgeEntry.kind == kind)
    if topic is not None:
        q = q.where(KnowledgeEntry.topic == topic)
    entries = list(s.scalars(q.order_by(KnowledgeEntry.shortcut, KnowledgeEntry.topic, KnowledgeEntry.id)))
    texts: dict[int, dict[str, EntryText]] = {e.id: {} for e in entries}
    if entries:
        rows = s.scalars(select(KnowledgeText).where(KnowledgeText.entry_id.in_(list(texts))))
        for t in rows:
            texts[t.entry_id][t.language] = EntryText(t.title, t.body)
    return [
        KnowledgeItem(e.id, e.kind, e.shortcut or "", e.topic, texts[e.id], e.version, e.updated_at, e.updated_by)
        for e in entries
    ]
