"""The audit log's hash chain: every entry carries the SHA-256 of the previous entry's hash and its own
canonical content, so an entry changed, removed or inserted afterwards (by someone who switched the
append-only triggers off) breaks the chain at that place.

One chain for the whole database. An appending transaction moves the chain's head row
(``audit_chain_head``: ``UPDATE ... RETURNING``, which locks it like ``SELECT ... FOR UPDATE``), takes
the last link from it, inserts its entry and stores the new link in the head, all in one
transaction: concurrent writers on PostgreSQL chain one after another, and a transaction that rolls
back leaves no link behind. The cost is that audited transactions on PostgreSQL
serialise from their audit write to their commit (the desk writes its audit entry last, so that is one
short insert and update); on SQLite writers are serialised anyway.

The chain proves the log was not altered *by someone who cannot recompute it*; a DBA who rewrites
every later hash and the head too is caught only against a copy of the head kept elsewhere, which is
why ``agentdesk audit verify`` prints the head's position and hash (keep them, e.g. in the daily
operations log, and compare).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import insert, select, update

from agentdesk.storage.models import AuditChainHead, AuditEntry

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.orm import Session

MAIN_CHAIN = "main"
GENESIS = "0" * 64  # the "previous hash" of the first entry
_HEAD = cast("Table", AuditChainHead.__table__)
_ENTRY = cast("Table", AuditEntry.__table__)


def canonical(
    seq: int,
    at: dt.datetime,
    actor: str,
    subject_customer_id: int | None,
    action: str,
    purpose: str,
    detail: str,
    workstation: str | None = None,
) -> bytes:
    """The bytes an entry's hash covers: its place and every column a reader sees, as one JSON array
    (UTC time to the microsecond, which both databases keep). The workstation (migration 0015) is the
    last element when there is one, so the entries written before it keep their hashes."""
    when = at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fields: list[object] = [seq, when, actor, subject_customer_id, action, purpose, detail]
    if workstation is not None:
        fields.append(workstation)
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def link_hash(prev_hash: str, content: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + content).hexdigest()


def append(
    session: Session,
    *,
    at: dt.datetime,
    actor: str,
    subject_customer_id: int | None,
    action: str,
    purpose: str,
    detail: str,
    workstation: str | None = None,
) -> AuditEntry:
    """Add one chained entry in the session's transaction (the head row stays locked until commit)."""
    # Move the head first: the UPDATE takes the head row's lock on PostgreSQL and the write lock on
    # SQLite (a SELECT first would start a read snapshot that a concurrent writer makes stale).
    # Core statements on the table (the ORM's bulk-update path adds its own bookkeeping for nothing).
    head = session.execute(
        update(_HEAD)
        .where(_HEAD.c.chain == MAIN_CHAIN)
        .values(seq=_HEAD.c.seq + 1)
        .returning(_HEAD.c.seq, _HEAD.c.last_hash)
    ).one_or_none()
    if head is None:  # a database whose migration made no head (never expected): start the chain
        session.add(AuditChainHead(chain=MAIN_CHAIN, seq=1, last_hash=GENESIS, updated_at=at))
        session.flush()
        seq, prev = 1, GENESIS
    else:
        seq, prev = int(head.seq), str(head.last_hash)
    digest = link_hash(prev, canonical(seq, at, actor, subject_customer_id, action, purpose, detail, workstation))
    values: dict[str, Any] = {
        "at": at,
        "actor": actor,
        "subject_customer_id": subject_customer_id,
        "action": action,
        "purpose": purpose,
        "detail": detail,
        "workstation": workstation,
        "seq": seq,
        "prev_hash": prev,
        "entry_hash": digest,
    }
    add = insert(_ENTRY).values(**values)
    move = update(_HEAD).where(_HEAD.c.chain == MAIN_CHAIN).values(last_hash=digest, updated_at=at)
    if session.get_bind().dialect.name == "postgresql":
        # The entry and the head's new hash in one statement (one round trip less for every audited view):
        # a data-modifying WITH runs to completion whether or not the INSERT reads it.
        session.execute(add.add_cte(move.returning(_HEAD.c.chain).cte("moved")))
    else:  # SQLite has no data-modifying WITH
        session.execute(add)
        session.execute(move)
    return AuditEntry(**values)  # what was written (not in the session: the row is already in the table)


@dataclass(frozen=True)
class VerifyReport:
    count: int  # entries checked before the first problem (all of them when ok)
    head_seq: int
    head_hash: str
    problem: str | None = None
    entry_id: int | None = None  # the entry the problem names

    @property
    def ok(self) -> bool:
        return self.problem is None

    def describe(self) -> str:
        if self.ok:
            return f"audit chain intact: {self.count} entries; head {self.head_seq} {self.head_hash}"
        return f"audit chain broken after {self.count} good entries: {self.problem}"


def _name(row: Any) -> str:
    when = row.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S") if row.at else "?"
    return f"entry {row.id} (#{row.seq if row.seq is not None else '-'}, {when} {row.action} by {row.actor})"


def verify(session: Session) -> VerifyReport:
    """Walk the chain in order and name the first entry that was changed, removed or inserted."""
    if session.get_bind().dialect.name == "postgresql":
        # One snapshot for the head and the entries: a writer committing meanwhile is not "inserted".
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    head = session.execute(
        select(AuditChainHead.seq, AuditChainHead.last_hash).where(AuditChainHead.chain == MAIN_CHAIN)
    ).one_or_none()
    head_seq, head_hash = (int(head.seq), str(head.last_hash)) if head else (0, GENESIS)
    rows = session.execute(
        select(
            AuditEntry.id,
            AuditEntry.seq,
            AuditEntry.at,
            AuditEntry.actor,
            AuditEntry.subject_customer_id,
            AuditEntry.action,
            AuditEntry.purpose,
            AuditEntry.detail,
            AuditEntry.workstation,
            AuditEntry.prev_hash,
            AuditEntry.entry_hash,
        )
        .order_by(AuditEntry.seq.is_(None), AuditEntry.seq, AuditEntry.id)
        .execution_options(yield_per=5000)
    )
    try:
        return _walk(rows, head_seq, head_hash)
    finally:
        rows.close()  # a server-side cursor on PostgreSQL, left early at the first problem


def _walk(rows: Iterable[Any], head_seq: int, head_hash: str) -> VerifyReport:
    def broken(count: int, problem: str, entry_id: int | None) -> VerifyReport:
        return VerifyReport(count, head_seq, head_hash, problem, entry_id)

    prev_hash = GENESIS
    prev: Any = None
    count = 0
    for row in rows:
        if row.seq is None or row.entry_hash is None or row.prev_hash is None:
            return broken(count, f"{_name(row)} was inserted: it carries no chain hash", row.id)
        content = canonical(
            row.seq, row.at, row.actor, row.subject_customer_id, row.action, row.purpose, row.detail, row.workstation
        )
        if link_hash(row.prev_hash, content) != row.entry_hash:
            return broken(count, f"{_name(row)} was changed: its content does not match its hash", row.id)
        expected = count + 1
        if row.seq < expected:
            return broken(count, f"{_name(row)} was inserted: its place #{row.seq} is {_name(prev)}'s", row.id)
        if row.seq > expected:
            gap = f"#{expected}" if row.seq == expected + 1 else f"#{expected}–#{row.seq - 1}"
            after = f"after {_name(prev)} " if prev is not None else ""
            return broken(count, f"entry {gap} was removed {after}(before {_name(row)})", row.id)
        if row.prev_hash != prev_hash:
            if prev is None:
                return broken(count, f"{_name(row)} was changed: the first entry must follow the start", row.id)
            return broken(
                count,
                f"{_name(prev)} was changed and its hash rewritten: {_name(row)} is chained to another hash",
                prev.id,
            )
        if row.seq > head_seq:
            return broken(
                count, f"{_name(row)} was inserted after the last entry the chain head records (#{head_seq})", row.id
            )
        prev_hash, prev = row.entry_hash, row
        count += 1
    if count < head_seq:
        after = f" after {_name(prev)}" if prev is not None else ""
        gone = f"entry #{head_seq} was" if head_seq == count + 1 else f"entries #{count + 1}–#{head_seq} were"
        return broken(count, f"the last {gone} removed{after}", None)
    if prev_hash != head_hash:
        if prev is None:
            return broken(count, "the chain head was changed: it records a hash with no entry", None)
        return broken(count - 1, f"{_name(prev)} was changed: the chain head records another hash", prev.id)
    return VerifyReport(count, head_seq, head_hash)
