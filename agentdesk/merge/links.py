"""The links of a merge that need more than a new customer id: contact points (one of each value,
one primary per kind), relationships (none to oneself, none twice) and lineage (one row per field
and register: the more recent observation stays). Every change goes through the journal."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from agentdesk.merge import journal as jr
from agentdesk.storage.models import ContactPoint, CustomerRelationship, FieldSource


def contact_points(
    s: Session, j: jr.Journal, survivor_id: int, merged_id: int, moved: Counter[str], removed: Counter[str]
) -> None:
    own = list(s.scalars(select(ContactPoint).where(ContactPoint.customer_id == survivor_id)))
    have = {(p.kind, p.value) for p in own}
    primary = {p.kind for p in own if p.is_primary}
    for p in s.scalars(select(ContactPoint).where(ContactPoint.customer_id == merged_id).order_by(ContactPoint.id)):
        if (p.kind, p.value) in have:
            j.delete_row("contact_point", {"id": p.id})
            removed["contact_point"] += 1
            continue
        values: dict[str, object] = {"customer_id": survivor_id}
        if p.is_primary and p.kind in primary:
            values["is_primary"] = False  # the survivor's primary number stays primary
        moved["contact_point"] += j.set_rows("contact_point", [{"id": p.id}], values)
        have.add((p.kind, p.value))


def relationships(
    s: Session, j: jr.Journal, survivor_id: int, merged_id: int, moved: Counter[str], removed: Counter[str]
) -> None:
    rel = CustomerRelationship
    involved = list(
        s.scalars(
            select(rel)
            .where(
                or_(
                    rel.from_customer_id.in_((survivor_id, merged_id)), rel.to_customer_id.in_((survivor_id, merged_id))
                )
            )
            .order_by(rel.id)
        )
    )
    touches_merged = [r for r in involved if merged_id in (r.from_customer_id, r.to_customer_id)]
    seen = {(r.from_customer_id, r.to_customer_id, r.kind) for r in involved if r not in touches_merged}
    for r in touches_merged:
        new_from = survivor_id if r.from_customer_id == merged_id else r.from_customer_id
        new_to = survivor_id if r.to_customer_id == merged_id else r.to_customer_id
        if new_from == new_to or (new_from, new_to, r.kind) in seen:
            j.delete_row("customer_relationship", {"id": r.id})
            removed["customer_relationship"] += 1
            continue
        moved["customer_relationship"] += j.set_rows(
            "customer_relationship", [{"id": r.id}], {"from_customer_id": new_from, "to_customer_id": new_to}
        )
        seen.add((new_from, new_to, r.kind))


def lineage(
    s: Session, j: jr.Journal, survivor_id: int, merged_id: int, moved: Counter[str], removed: Counter[str]
) -> None:
    """Lineage moves too; where both have a register's word on a field, the more recent stays."""
    own = {
        (f.field, f.register): f.observed_at
        for f in s.scalars(select(FieldSource).where(FieldSource.customer_id == survivor_id))
    }
    theirs = list(s.scalars(select(FieldSource).where(FieldSource.customer_id == merged_id)))
    for f in sorted(theirs, key=lambda f: (f.field, f.register)):
        key = {"customer_id": merged_id, "field": f.field, "register": f.register}
        mine = own.get((f.field, f.register))
        if mine is not None and mine >= f.observed_at:
            j.delete_row("field_source", key)
            removed["field_source"] += 1
            continue
        if mine is not None:
            j.delete_row("field_source", {**key, "customer_id": survivor_id})
            removed["field_source"] += 1
        moved["field_source"] += j.set_rows("field_source", [key], {"customer_id": survivor_id})
