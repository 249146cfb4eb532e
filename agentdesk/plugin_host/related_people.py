"""The people the register relates to a customer, as a plugin may see them (plugin API 1.4).

:func:`children_of` reads the customer's active guardian relationships (from = guardian, to = child)
and gives each child as a :class:`agentdesk.plugin_api.RelatedPerson`: name, birth date and
henkilötunnus, nothing else. A restricted child (``customer_restriction``) is left out: the panels
of a guardian must not become a way round the restriction. What a plugin finally gets is cut down
to its manifest's ``customer_fields`` by :func:`agentdesk.plugin_host.customer_fields.for_plugin`.
Blocking: call it off the UI thread.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from agentdesk.plugin_api import RelatedPerson
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Customer,
    CustomerIdentifier,
    CustomerRelationship,
    CustomerRestriction,
    IdentifierScheme,
    RelationshipKind,
)

MAX_CHILDREN = 20  # more than any family has; a register error must not make a panel ask 500 questions


def children_of(db: Database, customer_id: int, today: dt.date | None = None) -> tuple[RelatedPerson, ...]:
    """The children ``customer_id`` is an active guardian of, oldest first."""
    today = today or dt.date.today()
    rel = CustomerRelationship
    with db.session() as s:
        rows = s.execute(
            select(Customer.id, Customer.first_names, Customer.last_name, Customer.birth_date)
            .join(rel, rel.to_customer_id == Customer.id)
            .where(
                rel.from_customer_id == customer_id,
                rel.kind == RelationshipKind.GUARDIAN,
                or_(rel.valid_from.is_(None), rel.valid_from <= today),
                or_(rel.valid_to.is_(None), rel.valid_to >= today),
                ~select(CustomerRestriction.customer_id).where(CustomerRestriction.customer_id == Customer.id).exists(),
            )
            .distinct()
            .order_by(Customer.birth_date.nulls_last(), Customer.id)
            .limit(MAX_CHILDREN)
        ).all()
        ids = [r[0] for r in rows]
        hetus = (
            dict(
                s.execute(
                    select(CustomerIdentifier.customer_id, CustomerIdentifier.value).where(
                        CustomerIdentifier.customer_id.in_(ids), CustomerIdentifier.scheme == IdentifierScheme.HETU
                    )
                ).all()
            )
            if ids
            else {}
        )
    return tuple(
        RelatedPerson(
            customer_id=cid,
            hetu=hetus.get(cid) or None,
            first_names=first,
            last_name=last,
            birth_date=born.isoformat() if born else None,
        )
        for cid, first, last, born in rows
    )
