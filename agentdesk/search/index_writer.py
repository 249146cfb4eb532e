"""Writing customers' search documents: the one path every writer takes, knowing both rules.

- A **restricted** customer (:mod:`agentdesk.restricted_customers`) is indexed by name only: no
  address and no birth year, so that a search shows of the record no more than that its name matched.
- A customer whose address is **shielded** — their own protected address or a relative's
  (:func:`agentdesk.search.address_protection.shielded_address_clause`) — is indexed without the address.

The register's editor, the register import, a merge (and its undo), restricting and lifting a
restriction, and a new protected-address alert all write through :func:`write` or :func:`reindex`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.search import text_index
from agentdesk.search.address_protection import shielded_among
from agentdesk.storage.models import Address, Customer, CustomerRestriction


@dataclass(frozen=True, slots=True)
class Indexed:
    """What a writer knows of one customer; :func:`write` decides what of it the document holds."""

    customer_id: int
    first_names: str
    last_name: str
    birth_year: int | None
    street: str | None = None
    postal_code: str | None = None
    municipality: str | None = None

    @classmethod
    def of(cls, c: Customer, address: Address | None) -> Indexed:
        return cls(
            c.id,
            c.first_names,
            c.last_name,
            c.birth_date.year if c.birth_date else None,
            address.street if address else None,
            address.postal_code if address else None,
            address.municipality if address else None,
        )


def write(s: Session, customers: Sequence[Indexed], today: dt.date) -> None:
    """Insert or replace these customers' documents (one query for the restrictions, one for shielding)."""
    if not customers:
        return
    ids = [c.customer_id for c in customers]
    s.flush()  # a restriction or an alert added in this transaction counts
    restricted = set(s.scalars(select(CustomerRestriction.customer_id).where(CustomerRestriction.customer_id.in_(ids))))
    shielded = shielded_among(s, ids, today)
    text_index.write_documents(
        s,
        [
            text_index.build_document(
                c.customer_id,
                c.first_names,
                c.last_name,
                None if c.customer_id in restricted else c.birth_year,
                c.street,
                c.postal_code,
                c.municipality,
                c.customer_id in restricted or c.customer_id in shielded,
            )
            for c in customers
        ],
    )


def current_address(addresses: Sequence[Address], today: dt.date) -> Address | None:
    """As the search and the overview pick it: valid today, the latest begun first."""
    valid = [a for a in addresses if a.valid_to is None or a.valid_to >= today]
    if not valid:
        return None
    return max(valid, key=lambda a: (a.valid_from is not None, a.valid_from or dt.date.min, a.id))


def reindex(s: Session, ids: Sequence[int], today: dt.date) -> None:
    """Rewrite the search documents of these customers from what they hold now."""
    if not ids:
        return
    s.flush()
    customers = list(s.scalars(select(Customer).where(Customer.id.in_(ids)).execution_options(populate_existing=True)))
    addresses: dict[int, list[Address]] = {c.id: [] for c in customers}
    for a in s.scalars(select(Address).where(Address.customer_id.in_(list(addresses)))):
        addresses[a.customer_id].append(a)
    write(s, [Indexed.of(c, current_address(addresses[c.id], today)) for c in customers], today)
