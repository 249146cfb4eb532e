"""What the duplicate scan keeps between runs: the last scan's high-water marks and model, the prepared
register of the last full read (so that an incremental scan reads only what changed), and the pairs a
data steward rejected (they never come back as candidates), and the steward's review queue: the pairs
the scans found with the steward's decision on each (:mod:`agentdesk.duplicates.review`).

Tables of their own (migrations 0006 and 0013), declared on the shared ``Base`` so that the schema tests check
them against the migration.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Float, Index, Integer, LargeBinary, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from agentdesk.storage.models import Base, UTCDateTime, utcnow

STATE_ID = 1


class DuplicateScanState(Base):
    """The one row (id 1) the scan updates: up to where it has compared, and the model it trained."""

    __tablename__ = "duplicate_scan_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scanned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    max_customer_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    changed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # latest created/updated seen
    records: Mapped[int] = mapped_column(Integer, default=0)
    model: Mapped[str] = mapped_column(Text, default="")  # JSON: m, u, prior (agentdesk.duplicates.model)


class DuplicateScanSnapshot(Base):
    """The prepared register as the last full read left it (agentdesk.duplicates.snapshot), id 1."""

    __tablename__ = "duplicate_scan_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    max_customer_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    changed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    records: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RejectedDuplicatePair(Base):
    """Two customers a steward said are different people (the smaller customer id first)."""

    __tablename__ = "duplicate_rejected_pair"

    customer_a: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_b: Mapped[int] = mapped_column(Integer, primary_key=True)
    rejected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    rejected_by: Mapped[str] = mapped_column(String(64), default="")


class DuplicateCandidate(Base):
    """A pair a scan found (the smaller customer id first), in the steward's queue until decided.

    ``status``: ``open`` (not looked at), ``unsure`` (the steward said "not sure": stays, marked),
    ``accepted`` (merged: ``merge_id``) or ``rejected`` (two people; also in ``duplicate_rejected_pair``).
    ``refs``: JSON ``[[register, register_id], [register, register_id]]``; ``evidence``: JSON
    ``{field: [level, weight]}`` as the scan explained it."""

    __tablename__ = "duplicate_candidate"
    __table_args__ = (Index("ix_duplicate_candidate_status_score", "status", "score"),)

    customer_a: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_b: Mapped[int] = mapped_column(Integer, primary_key=True)
    score: Mapped[float] = mapped_column(Float)
    decision: Mapped[str] = mapped_column(String(8))
    match_weight: Mapped[float] = mapped_column(Float, default=0.0)
    refs: Mapped[str] = mapped_column(Text, default="[]")
    evidence: Mapped[str] = mapped_column(Text, default="{}")
    found_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="open")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    merge_id: Mapped[int | None] = mapped_column(Integer)


@dataclass(frozen=True)
class ScanMark:
    max_customer_id: int
    changed_until: dt.datetime | None
    model: dict[str, Any]


def load(session: Session) -> ScanMark | None:
    row = session.get(DuplicateScanState, STATE_ID)
    if row is None or not row.model:
        return None
    return ScanMark(row.max_customer_id, row.changed_until, json.loads(row.model))


def save(session: Session, mark: ScanMark, records: int) -> None:
    row = session.get(DuplicateScanState, STATE_ID)
    if row is None:
        row = DuplicateScanState(id=STATE_ID)
        session.add(row)
    row.scanned_at = utcnow()
    row.max_customer_id = mark.max_customer_id
    row.changed_until = mark.changed_until
    row.records = records
    row.model = json.dumps(mark.model)


@dataclass(frozen=True)
class Snapshot:
    max_customer_id: int
    changed_until: dt.datetime | None
    data: bytes


def load_snapshot(session: Session) -> Snapshot | None:
    row = session.get(DuplicateScanSnapshot, STATE_ID)
    return None if row is None else Snapshot(row.max_customer_id, row.changed_until, row.data)


def save_snapshot(session: Session, snapshot: Snapshot, records: int) -> None:
    row = session.get(DuplicateScanSnapshot, STATE_ID)
    if row is None:
        row = DuplicateScanSnapshot(id=STATE_ID)
        session.add(row)
    row.taken_at = utcnow()
    row.max_customer_id = snapshot.max_customer_id
    row.changed_until = snapshot.changed_until
    row.records = records
    row.data = snapshot.data


def reject(session: Session, a: int, b: int, by: str = "") -> None:
    """Record that customers ``a`` and ``b`` are different people (idempotent)."""
    lo, hi = min(a, b), max(a, b)
    if session.get(RejectedDuplicatePair, (lo, hi)) is None:
        session.add(RejectedDuplicatePair(customer_a=lo, customer_b=hi, rejected_by=by))


def rejected_pairs(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(select(RejectedDuplicatePair.customer_a, RejectedDuplicatePair.customer_b))
    return {(int(a), int(b)) for a, b in rows}
