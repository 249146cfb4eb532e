"""Merged-away customers are tombstones (``customer.merged_into``): their old ids resolve to the
survivor, and the audit entries about them count as entries about the survivor.

The audit log is append-only and hash-chained, so a merge never rewrites ``audit_entry``: an entry
keeps the subject id it was written with, and the readers that answer "what was logged about this
person" (:func:`agentdesk.audit.entries_for`, ``agentdesk gdpr export``) ask for the survivor's id
and every id merged into it (:func:`absorbed_ids`). Undoing the merge clears ``merged_into``, so
the entries are the merged customer's own again with nothing to rewrite.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.storage.models import Customer

MAX_CHAIN = 64  # a merge of a merge of ...: far more than any steward makes; stops a corrupt loop


def resolve(session: Session, customer_id: int) -> int:
    """The customer an id stands for now: itself, or the survivor it was (transitively) merged into."""
    current = customer_id
    for _ in range(MAX_CHAIN):
        nxt = session.scalar(select(Customer.merged_into).where(Customer.id == current))
        if nxt is None:
            return current
        current = nxt
    return current


def absorbed_ids(session: Session, customer_id: int) -> list[int]:
    """The customer's id and the ids of every customer merged into it (transitively), in that order."""
    out = [customer_id]
    frontier = [customer_id]
    for _ in range(MAX_CHAIN):
        found = [
            i for i in session.scalars(select(Customer.id).where(Customer.merged_into.in_(frontier))) if i not in out
        ]
        if not found:
            break
        out.extend(sorted(found))
        frontier = found
    return out
