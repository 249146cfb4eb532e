"""The append-only audit log: who looked at or changed whose data, why, and when.

Entries are written in the same transaction as the operation they describe, so a view that is
shown has been logged, and each is a link of the tamper-evident chain of :mod:`agentdesk.audit_chain`
(write it last in the transaction: the chain's head stays locked until commit). ``detail`` holds ids
and codes only, with one exception: a search's own words (:func:`record_search`).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk import audit_chain
from agentdesk.merge.tombstones import absorbed_ids
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


@functools.cache
def this_workstation() -> str:
    """The workstation an entry is written from: this machine's host name (the desk writes its own
    entries, so that is the workstation the staff member sat at; a CLI run names its server)."""
    return socket.gethostname()[:64] or "unknown"


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    subject_customer_id: int | None,
    purpose: str = "",
    detail: str = "",
) -> None:
    audit_chain.append(
        session,
        at=utcnow(),
        actor=actor,
        subject_customer_id=subject_customer_id,
        action=action,
        purpose=purpose,
        detail=detail,
        workstation=this_workstation(),
    )


SEARCH_ACTION = "search.results"


def record_search(session: Session, *, actor: str, kind: str, query: str, shown_ids: Sequence[int]) -> None:
    """A result list shown to ``actor``: the query kind, the words searched, how many and which
    customers were shown (their ids), as JSON in ``detail``.

    The words are kept as typed, a henkilötunnus too: the audit table is the protected log (insert-only
    for the desk, readable by the data protection officer), and a citizen asking who looked them up
    must also learn of the searches by their identity code that showed nothing. The application log
    never carries them (only the kind and the count)."""
    ids = [int(i) for i in shown_ids]
    detail = json.dumps({"kind": kind, "query": query, "shown": len(ids), "ids": ids}, ensure_ascii=False)
    subject = ids[0] if len(ids) == 1 else None  # one person shown: the entry is about them
    record(session, actor=actor, action=SEARCH_ACTION, subject_customer_id=subject, detail=detail)


def entries_for(session: Session, subject_customer_id: int, limit: int = 200) -> list[AuditRecord]:
    """The entries about this customer, and about every customer merged into it (the merge map of
    :mod:`agentdesk.merge.tombstones`: the chained entries keep the subject they were written with)."""
    subjects = absorbed_ids(session, subject_customer_id)
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.subject_customer_id.in_(subjects))
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
