"""The data steward's review queue: the pairs the duplicate scans found, and the steward's decision on each.

::

    review = DuplicateReview(db, rules=profile.survivorship)
    review.queue()                                  # open and not-sure pairs, highest score first
    review.pair(17, 980, actor="steward.sanna")     # both records side by side (audited: personal data)
    review.accept(17, 980, actor=...)               # = merge, through agentdesk.merge with its survivorship
    review.reject(17, 980, actor=...)               # two people: never a candidate again
    review.not_sure(17, 980, actor=...)             # stays in the queue, marked
    review.accept_many([(17, 980), (23, 411)], actor=...)

The queue is filled by ``agentdesk duplicates scan`` (:mod:`agentdesk.duplicates.review_record`). A pair
leaves it when decided, and a pair one of whose customers has since been merged away (a tombstone)
is not listed. A rejected pair is kept in ``duplicate_rejected_pair``, which the scan leaves out
of its candidates, and the queue leaves out too. Every decision and every view of a pair is audited
(``duplicates.decision``; ``customer.view`` with the purpose ``duplicate review``); an accepted
pair's merge is audited by the merge as well (``customer.merge``).

The survivor of an accepted pair is the older customer (the smaller id); which *values* it keeps
the survivorship rules decide (population data wins identity and address unless a profile says
otherwise), so the choice of id changes nothing a citizen would see.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, aliased

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.customer_overview import mask_hetu
from agentdesk.duplicates.review_record import ACCEPTED, OPEN, QUEUED, REJECTED, UNSURE
from agentdesk.duplicates.scan import FieldEvidence
from agentdesk.duplicates.state import DuplicateCandidate, RejectedDuplicatePair, reject
from agentdesk.merge import tombstones
from agentdesk.merge.rules import DEFAULT_RULES, SurvivorshipRules
from agentdesk.merge.service import MergeError, merge_in
from agentdesk.search.customer_search import protected_address_clause
from agentdesk.search.index_writer import current_address
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    IdentifierScheme,
    utcnow,
)

__all__ = [
    "ACCEPTED",
    "OPEN",
    "REJECTED",
    "UNSURE",
    "BulkResult",
    "Candidate",
    "Decided",
    "DuplicateReview",
    "PairDetail",
    "ReviewError",
    "Side",
]

DECISION_ACTION = "duplicates.decision"
VIEW_ACTION = "customer.view"
VIEW_PURPOSE = "duplicate review"
# The rows of the side-by-side comparison, in order.
SIDE_FIELDS = (
    "first_names",
    "last_name",
    "birth_date",
    "hetu",
    "language",
    "address",
    "phones",
    "emails",
    "register_ids",
)


class ReviewError(ValueError):
    """A decision that cannot be made; ``code`` is stable, the message English."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Candidate:
    a: int  # the smaller customer id
    b: int
    score: float
    decision: str  # the scan's: "match" | "review"
    status: str  # OPEN | UNSURE (in the queue), ACCEPTED | REJECTED
    refs: tuple[tuple[str, str], tuple[str, str]]  # (register, register id) of a and b
    evidence: dict[str, FieldEvidence]
    found_at: dt.datetime

    @property
    def key(self) -> tuple[int, int]:
        return (self.a, self.b)


@dataclass(frozen=True)
class Side:
    customer_id: int
    values: dict[str, str]  # SIDE_FIELDS -> the value as shown ("" when none)
    address_protected: bool


@dataclass(frozen=True)
class PairDetail:
    candidate: Candidate
    a: Side
    b: Side
    # The fields whose values differ (one side blank counts as different); the identity codes are
    # compared whole, though shown masked.
    differing: frozenset[str]


@dataclass(frozen=True)
class Decided:
    a: int
    b: int
    status: str
    merge_id: int | None = None
    survivor_id: int | None = None
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class BulkResult:
    accepted: tuple[Decided, ...]
    refused: tuple[tuple[int, int, str, str], ...]  # (a, b, code, English message)
    changes: Changes


def _key(a: int, b: int) -> tuple[int, int]:
    if a == b:
        raise ReviewError("same_customer", f"customer {a} cannot be a duplicate of itself")
    return (min(a, b), max(a, b))


def _candidate(row: DuplicateCandidate) -> Candidate:
    refs = json.loads(row.refs or "[]")
    pair = tuple((str(r[0]), str(r[1])) for r in refs) if len(refs) == 2 else ()
    if len(pair) != 2:
        pair = (("agentdesk", str(row.customer_a)), ("agentdesk", str(row.customer_b)))
    evidence = {k: FieldEvidence(str(v[0]), float(v[1])) for k, v in json.loads(row.evidence or "{}").items()}
    return Candidate(
        row.customer_a,
        row.customer_b,
        float(row.score),
        row.decision,
        row.status,
        (pair[0], pair[1]),
        evidence,
        row.found_at,
    )


class DuplicateReview:
    def __init__(self, db: Database, *, rules: SurvivorshipRules = DEFAULT_RULES) -> None:
        self._db = db
        self.rules = rules

    # -- reading -----------------------------------------------------------------------------------

    def queue(self, limit: int = 2000) -> list[Candidate]:
        """The pairs waiting for the steward (open and not sure), highest score first; no pair with a
        merged-away customer, none a steward rejected. Names no one (ids, registers, evidence)."""
        ca, cb = aliased(Customer), aliased(Customer)
        d = DuplicateCandidate
        rejected = exists().where(
            RejectedDuplicatePair.customer_a == d.customer_a, RejectedDuplicatePair.customer_b == d.customer_b
        )
        stmt = (
            select(d)
            .join(ca, and_(ca.id == d.customer_a, ca.merged_into.is_(None)))
            .join(cb, and_(cb.id == d.customer_b, cb.merged_into.is_(None)))
            .where(d.status.in_(QUEUED), ~rejected)
            .order_by(d.score.desc(), d.customer_a, d.customer_b)
            .limit(limit)
        )
        with self._db.session() as s:
            return [_candidate(r) for r in s.scalars(stmt)]

    def pair(self, a: int, b: int, *, actor: str, today: dt.date | None = None) -> PairDetail:
        """Both records side by side. Shows personal data: audited for each customer."""
        today = today or dt.date.today()
        key = _key(a, b)
        with self._db.session() as s, s.begin():
            row = s.get(DuplicateCandidate, key)
            if row is None:
                raise ReviewError("not_a_candidate", f"customers {key[0]} and {key[1]} are not a candidate pair")
            (side_a, hetu_a), (side_b, hetu_b) = (_side(s, cid, today) for cid in key)
            differing = {f for f in SIDE_FIELDS if f != "hetu" and side_a.values[f] != side_b.values[f]}
            if hetu_a != hetu_b:
                differing.add("hetu")
            for cid in key:
                audit.record(
                    s,
                    actor=actor,
                    action=VIEW_ACTION,
                    subject_customer_id=cid,
                    purpose=VIEW_PURPOSE,
                    detail=json.dumps({"pair": list(key)}),
                )
            return PairDetail(_candidate(row), side_a, side_b, frozenset(differing))

    # -- deciding ----------------------------------------------------------------------------------

    def reject(self, a: int, b: int, *, actor: str) -> Decided:
        """Two people: the pair leaves the queue and never comes back from a scan."""
        key = _key(a, b)
        with self._db.session() as s, s.begin():
            row = self._queued(s, key)
            reject(s, key[0], key[1], by=actor)
            self._decide(s, row, REJECTED, actor)
        return Decided(key[0], key[1], REJECTED)

    def not_sure(self, a: int, b: int, *, actor: str) -> Decided:
        """Left for later (or for someone who knows): stays in the queue, marked."""
        key = _key(a, b)
        with self._db.session() as s, s.begin():
            row = self._queued(s, key)
            self._decide(s, row, UNSURE, actor)
        return Decided(key[0], key[1], UNSURE)

    def accept(self, a: int, b: int, *, actor: str, today: dt.date | None = None) -> Decided:
        """One person: merged (the survivorship rules choose the values), one transaction with the
        decision. :class:`MergeError` when the merge is refused (nothing changes)."""
        key = _key(a, b)
        with self._db.session() as s, s.begin():
            return self._accept(s, key, actor, today)

    def accept_many(self, pairs: Sequence[tuple[int, int]], *, actor: str, today: dt.date | None = None) -> BulkResult:
        """Accept each pair, each in a transaction of its own: a refused merge (two identity codes, say)
        is reported and the others are still made. A pair whose customers an earlier pair of the same
        batch already made one is accepted without a merge."""
        done: list[Decided] = []
        refused: list[tuple[int, int, str, str]] = []
        changes = Changes()
        for a, b in pairs:
            key = _key(a, b)
            try:
                with self._db.session() as s, s.begin():
                    decided = self._accept(s, key, actor, today)
            except (MergeError, ReviewError) as exc:
                refused.append((key[0], key[1], exc.code, exc.message))
                continue
            done.append(decided)
            changes = changes | decided.changes
        return BulkResult(tuple(done), tuple(refused), changes)

    # -- inside a transaction --------------------------------------------------------------------

    def _queued(self, s: Session, key: tuple[int, int]) -> DuplicateCandidate:
        row = s.get(DuplicateCandidate, key, with_for_update=True)
        if row is None:
            raise ReviewError("not_a_candidate", f"customers {key[0]} and {key[1]} are not a candidate pair")
        if row.status not in QUEUED:
            raise ReviewError("already_decided", f"the pair {key[0]}, {key[1]} was already {row.status}")
        return row

    def _accept(self, s: Session, key: tuple[int, int], actor: str, today: dt.date | None) -> Decided:
        row = self._queued(s, key)
        a, b = (tombstones.resolve(s, cid) for cid in key)
        if a == b:  # made one by an earlier decision (a chain A~B, B~C): nothing left to merge
            self._decide(s, row, ACCEPTED, actor)
            return Decided(key[0], key[1], ACCEPTED, None, a)
        survivor, merged = min(a, b), max(a, b)
        result = merge_in(s, survivor, merged, actor, self.rules, today)
        self._decide(s, row, ACCEPTED, actor, result.merge_id)
        return Decided(key[0], key[1], ACCEPTED, result.merge_id, survivor, result.changes)

    @staticmethod
    def _decide(s: Session, row: DuplicateCandidate, status: str, actor: str, merge_id: int | None = None) -> None:
        row.status, row.decided_at, row.decided_by, row.merge_id = status, utcnow(), actor, merge_id
        detail = json.dumps(
            {
                "decision": status,
                "pair": [row.customer_a, row.customer_b],
                "score": row.score,
                "merge_id": merge_id,
            }
        )
        for cid in (row.customer_a, row.customer_b):
            audit.record(s, actor=actor, action=DECISION_ACTION, subject_customer_id=cid, detail=detail)


def _side(s: Session, customer_id: int, today: dt.date) -> tuple[Side, str]:
    """The customer's side of the comparison, and the identity code unmasked (to compare)."""
    c = s.get(Customer, customer_id)
    if c is None:
        raise ReviewError("not_found", f"there is no customer {customer_id}")
    idents = list(s.scalars(select(CustomerIdentifier).where(CustomerIdentifier.customer_id == customer_id)))
    hetu = next((i.value for i in idents if i.scheme is IdentifierScheme.HETU), "")
    register_ids = sorted(f"{i.register}: {i.value}" for i in idents if i.scheme is IdentifierScheme.REGISTER)
    points = list(
        s.scalars(
            select(ContactPoint)
            .where(ContactPoint.customer_id == customer_id)
            .order_by(ContactPoint.is_primary.desc(), ContactPoint.id)
        )
    )
    protected = bool(s.scalar(select(protected_address_clause(customer_id, today))))
    address = ""
    if not protected:
        addr = current_address(list(s.scalars(select(Address).where(Address.customer_id == customer_id))), today)
        if addr is not None:
            address = " ".join(p for p in (f"{addr.street},", addr.postal_code, addr.municipality) if p)
    values = {
        "first_names": c.first_names,
        "last_name": c.last_name,
        "birth_date": c.birth_date.isoformat() if c.birth_date else "",
        "hetu": mask_hetu(hetu) if hetu else "",
        "language": c.preferred_language.value,
        "address": address,
        "phones": ", ".join(sorted(p.value for p in points if p.kind is ContactKind.PHONE)),
        "emails": ", ".join(sorted(p.value for p in points if p.kind is ContactKind.EMAIL)),
        "register_ids": ", ".join(register_ids),
    }
    return Side(customer_id, values, protected), hetu
