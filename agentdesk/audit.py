"""The append-only audit log: who looked at or changed whose data, why, and when.

Entries are written in the same transaction as the operation they describe, so a view that is
shown has been logged. ``detail`` holds ids and codes only, never personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.storage.models import AuditEntry, utcnow

if TYPE_CHECKING:
    from agentdesk.storage.database import Database


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: dt.datetime
    actor: str
    subject_customer_id: int | None
    action: str
    purpose: str
    detail: str


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    subject_customer_id: int | None,
    purpose: str = "",
    detail: str = "",
) -> None:
    session.add(
        AuditEntry(
            at=utcnow(),
            actor=actor,
            subject_customer_id=subject_customer_id,
            action=action,
            purpose=purpose,
            detail=detail,
        )
    )


def entries_for(session: Session, subject_customer_id: int, limit: int = 200) -> list[AuditRecord]:
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.subject_customer_id == subject_customer_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return [AuditRecord(e.id, e.at, e.actor, e.subject_customer_id, e.action, e.purpose, e.detail) for e in rows]


class DatabaseAuditSink:
    """An audit writer for services that are not inside a transaction of their own (plugin host)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def __call__(
        self, *, actor: str, subject_customer_id: int | None, action: str, purpose: str = "", detail: str = ""
    ) -> None:
        with self._db.session() as s, s.begin():
            record(
                s, actor=actor, action=action, subject_customer_id=subject_customer_id, purpose=purpose, detail=detail
            )
