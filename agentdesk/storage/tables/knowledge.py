"""What agents read and insert while they serve: quick texts (short answers with placeholders, inserted
by keyboard), knowledge articles and call scripts per contact topic, each with its text per language."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.storage.tables.base import Base, UTCDateTime, utcnow


class KnowledgeEntry(Base):
    """One quick text (``kind`` "quick_text", with its ``shortcut``), article or call script (``kind``
    "article" / "script", usually for one ``topic``)."""

    __tablename__ = "knowledge_entry"
    __table_args__ = (
        Index("ix_knowledge_entry_shortcut", "shortcut", unique=True),  # NULL for articles and scripts
        Index("ix_knowledge_entry_kind_topic", "kind", "topic"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # quick_text, article, script
    shortcut: Mapped[str | None] = mapped_column(String(32))
    topic: Mapped[str] = mapped_column(String(100), default="")  # a topic code (agentdesk.topics), or "" for any
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class KnowledgeText(Base):
    """An entry's title and body in one language (fi, sv, en)."""

    __tablename__ = "knowledge_text"

    entry_id: Mapped[int] = mapped_column(ForeignKey("knowledge_entry.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(2), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
