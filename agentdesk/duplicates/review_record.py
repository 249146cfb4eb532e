"""A scan's pairs into the steward's queue (``duplicate_candidate``), keeping the decisions made.

``record_scan(db, report)`` is what ``agentdesk duplicates scan`` runs after each scan (the scan itself
stays a pure read of the register, as the benchmark times it):

- a pair found for the first time enters the queue ``open``;
- a pair already there gets the new score and evidence; an ``unsure`` pair stays marked;
- a pair once ``accepted`` that is found again was unmerged since (a tombstone is never scanned): it
  is ``open`` again;
- a ``rejected`` pair is never reported by the scan (:func:`agentdesk.duplicates.state.rejected_pairs`),
  and is left as it is here too;
- an ``open`` pair the scan no longer finds leaves the queue: after a full scan any such pair, after an
  incremental one the pairs of the customers it compared (they changed). ``unsure`` pairs stay until
  the steward decides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, tuple_

from agentdesk.duplicates.state import DuplicateCandidate
from agentdesk.storage.database import Database
from agentdesk.storage.models import utcnow

if TYPE_CHECKING:
    from agentdesk.duplicates.scan import DuplicatePair, ScanReport

OPEN, UNSURE, ACCEPTED, REJECTED = "open", "unsure", "accepted", "rejected"
QUEUED = (OPEN, UNSURE)
_CHUNK = 500


@dataclass(frozen=True)
class Recorded:
    added: int
    updated: int
    reopened: int
    dropped: int


def _values(p: DuplicatePair) -> dict[str, object]:
    return {
        "score": p.score,
        "decision": p.decision,
        "match_weight": p.match_weight,
        "refs": json.dumps([[p.a.register, p.a.register_id], [p.b.register, p.b.register_id]], ensure_ascii=False),
        "evidence": json.dumps({k: [e.level, e.weight] for k, e in p.evidence.items()}, ensure_ascii=False),
    }


def record_scan(db: Database, report: ScanReport) -> Recorded:
    """Put the pairs of ``report`` into the review queue; one transaction."""
    found = {(min(p.a.customer_id, p.b.customer_id), max(p.a.customer_id, p.b.customer_id)): p for p in report.pairs}
    added = updated = reopened = dropped = 0
    now = utcnow()
    with db.session() as s, s.begin():
        existing = {
            (r.customer_a, r.customer_b): r
            for r in s.scalars(select(DuplicateCandidate).where(DuplicateCandidate.status != REJECTED))
        }
        for key, pair in found.items():
            row = existing.get(key)
            if row is None:
                s.add(
                    DuplicateCandidate(customer_a=key[0], customer_b=key[1], found_at=now, status=OPEN, **_values(pair))
                )
                added += 1
                continue
            for name, value in _values(pair).items():
                setattr(row, name, value)
            row.found_at = now
            if row.status == ACCEPTED:
                row.status, row.merge_id, row.decided_at, row.decided_by = OPEN, None, None, ""
                reopened += 1
            else:
                updated += 1
        compared = set(report.compared_customer_ids)
        gone = [
            key
            for key, row in existing.items()
            if row.status == OPEN
            and key not in found
            and (report.mode == "full" or key[0] in compared or key[1] in compared)
        ]
        for i in range(0, len(gone), _CHUNK):
            chunk = gone[i : i + _CHUNK]
            s.execute(
                delete(DuplicateCandidate).where(
                    tuple_(DuplicateCandidate.customer_a, DuplicateCandidate.customer_b).in_(chunk)
                )
            )
        dropped = len(gone)
    return Recorded(added, updated, reopened, dropped)
