"""The citizen's right of access: everything the desk holds on one person, as JSON and as a readable
HTML document (``agentdesk gdpr export``).

What is in it: the customer's own fields, identifiers, addresses, contact points, alerts, roles, the
relationships (the other party by id and kind only: their data is theirs), interactions, service
cases, work items, and the audit entries about the person, those of searches that showed them
included. The export itself is audited (``gdpr.export``) in the transaction that reads the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from agentdesk import audit
from agentdesk.access_log import entries_about, listed
from agentdesk.customer_lookup import CustomerNotFound, find_customer
from agentdesk.gdpr_document import SECTIONS
from agentdesk.merge.tombstones import absorbed_ids
from agentdesk.search.address_protection import AddressProtection, protection_of
from agentdesk.storage.models import (
    Address,
    Alert,
    AuditEntry,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerRelationship,
    CustomerRole,
    Interaction,
    ServiceCase,
    WorkItem,
    utcnow,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from agentdesk.storage.database import Database

__all__ = ["EXPORT_ACTION", "FORMAT", "SECTIONS", "CustomerNotFound", "Export", "collect", "export", "find_customer"]

FORMAT = "agentdesk-gdpr-export/1"
EXPORT_ACTION = "gdpr.export"


def _value(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def _row(obj: object, leave_out: Iterable[str] = ()) -> dict[str, Any]:
    table = obj.__table__  # type: ignore[attr-defined]
    return {c.key: _value(getattr(obj, c.key)) for c in table.columns if c.key not in leave_out}


def _audit_entries(session: Session, customer_id: int) -> list[dict[str, Any]]:
    """Entries about the person, under their own id or any id merged into theirs (the merge map), in
    the chain's order; the access log's rule of what concerns a person."""
    subjects = absorbed_ids(session, customer_id)
    stmt = entries_about(session, customer_id, subjects=subjects).order_by(None).order_by(AuditEntry.seq, AuditEntry.id)
    return [
        _row(e, leave_out=("prev_hash", "entry_hash")) for e in session.scalars(stmt) if listed(e, subjects) is not None
    ]


RELATED_WITHHELD = "address protected (related person)"


def _addresses(
    found: list[dict[str, Any]], protection: AddressProtection | None, today: dt.date
) -> list[dict[str, Any]]:
    """A relative's export leaves out the current address they share with a protected person: the
    export may be handed to someone else (a guardian, a representative) the protection is against.
    The protected person's own export keeps it (it is theirs; the city checks who receives it)."""
    if protection is not AddressProtection.RELATED:
        return found
    out = []
    for a in found:
        current = (a["valid_from"] is None or a["valid_from"] <= today.isoformat()) and (
            a["valid_to"] is None or a["valid_to"] >= today.isoformat()
        )
        if current:
            a = a | {"street": RELATED_WITHHELD, "postal_code": "", "municipality": ""}
        out.append(a)
    return out


def collect(session: Session, customer_id: int) -> dict[str, Any]:
    c = session.get(Customer, customer_id)
    if c is None:
        raise CustomerNotFound(f"no customer with id {customer_id}")

    def rows(model: Any, column: Any) -> list[dict[str, Any]]:
        return [_row(r) for r in session.scalars(select(model).where(column == customer_id).order_by(model.id))]

    relationships = [
        {
            "kind": _value(r.kind),
            "direction": "from" if r.from_customer_id == customer_id else "to",
            "other_customer_id": r.to_customer_id if r.from_customer_id == customer_id else r.from_customer_id,
            "valid_from": _value(r.valid_from),
            "valid_to": _value(r.valid_to),
        }
        for r in session.scalars(
            select(CustomerRelationship)
            .where(
                or_(
                    CustomerRelationship.from_customer_id == customer_id,
                    CustomerRelationship.to_customer_id == customer_id,
                )
            )
            .order_by(CustomerRelationship.id)
        )
    ]
    today = dt.date.today()
    protection = protection_of(session, customer_id, today)
    return {
        "format": FORMAT,
        "generated_at": utcnow().isoformat(),
        "customer": _row(c),
        "address_protection": protection.value if protection else None,
        "identifiers": rows(CustomerIdentifier, CustomerIdentifier.customer_id),
        "addresses": _addresses(rows(Address, Address.customer_id), protection, today),
        "contact_points": rows(ContactPoint, ContactPoint.customer_id),
        "alerts": rows(Alert, Alert.customer_id),
        "roles": rows(CustomerRole, CustomerRole.customer_id),
        "relationships": relationships,
        "interactions": rows(Interaction, Interaction.customer_id),
        "cases": rows(ServiceCase, ServiceCase.customer_id),
        "work_items": rows(WorkItem, WorkItem.customer_id),
        "audit_entries": _audit_entries(session, customer_id),
    }


@dataclasses.dataclass(frozen=True)
class Export:
    customer_id: int
    data: dict[str, Any]

    def json_text(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2)

    def html_text(self, language: str = "fi") -> str:
        from agentdesk.gdpr_document import render_html

        return render_html(self.data, language)


def export(db: Database, customer: str, *, actor: str, today: dt.date | None = None) -> Export:
    """Read everything on the person and audit the export, in one transaction."""
    with db.session() as s, s.begin():
        customer_id = find_customer(s, customer, today=today)
        data = collect(s, customer_id)
        counts = {k: len(data[k]) for k in SECTIONS}
        audit.record(
            s,
            actor=actor,
            action=EXPORT_ACTION,
            subject_customer_id=customer_id,
            purpose="data subject access request",
            detail=json.dumps({"format": FORMAT, "counts": counts}),
        )
    return Export(customer_id, data)
