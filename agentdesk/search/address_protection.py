"""Protected addresses (turvakielto) through relatives: one rule for every view of a customer.

A person with an active protected-address alert never has their address shown. Their household
would give it away: a spouse or child who lives there shows the same street in the overview, in a
search result, in a plugin panel or an export. So a customer's current address is *shielded* when

- they have an active protected-address alert themselves (``own``), or
- they are in an active household or guardianship relationship (either direction) with a person
  who has one — household members live at the same address, a guardian's child usually does, and
  the population register may not give the city the protected person's address at all (``related``), or
- their current address is the current address of a person with an active protected-address alert
  (street compared without case and outer spaces, and the postal code): a relative the registers do
  not link, or a link that has ended (``related``).

A shielded address is shown to no role in the desk (no desk role may see protected addresses): the
overview says "address protected (related person)", search results show no street, a search by that
street, postal code or municipality does not find the relative, plugins get no address and the host
refuses panel output that names it, and exports leave it out. The relative's name and relationships
are not hidden: only where they live.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Exists, and_, case, exists, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute, Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from agentdesk.search import text_index
from agentdesk.storage.models import (
    Address,
    Alert,
    AlertKind,
    Customer,
    CustomerRelationship,
    RelationshipKind,
)

_CustomerId = int | ColumnElement[int] | QueryableAttribute[int]
_Today = dt.date | ColumnElement[dt.date]

# Relationships that mean "lives with": household members, and a guardian with their child.
SHARED_HOME = (RelationshipKind.HOUSEHOLD_MEMBER, RelationshipKind.GUARDIAN)


class AddressProtection(str, enum.Enum):
    OWN = "own"  # the person's own protected-address alert
    RELATED = "related"  # shielded because a person they live with has one


def _protected(customer_id: _CustomerId, today: _Today) -> Exists:
    al = aliased(Alert)
    return (
        exists()
        .where(
            al.customer_id == customer_id,
            al.kind == AlertKind.PROTECTED_ADDRESS,
            or_(al.valid_from.is_(None), al.valid_from <= today),
            or_(al.valid_to.is_(None), al.valid_to >= today),
        )
        .correlate_except(al)
    )


def _current_address_id(customer_id: _CustomerId, today: _Today) -> ColumnElement[int]:
    a = aliased(Address)
    return (
        select(a.id)
        .where(
            a.customer_id == customer_id,
            or_(a.valid_from.is_(None), a.valid_from <= today),
            or_(a.valid_to.is_(None), a.valid_to >= today),
        )
        .order_by(a.valid_from.desc().nulls_last(), a.id.desc())
        .limit(1)
        .correlate_except(a)
        .scalar_subquery()
    )


def related_protection_clause(customer_id: _CustomerId, today: _Today) -> ColumnElement[bool]:
    """True when the customer's address is shielded by someone else's protected address."""
    r = aliased(CustomerRelationship)
    active = and_(or_(r.valid_from.is_(None), r.valid_from <= today), or_(r.valid_to.is_(None), r.valid_to >= today))
    by_relationship = (
        exists()
        .where(
            r.kind.in_(SHARED_HOME),
            active,
            or_(
                and_(r.from_customer_id == customer_id, _protected(r.to_customer_id, today)),
                and_(r.to_customer_id == customer_id, _protected(r.from_customer_id, today)),
            ),
        )
        .correlate_except(r)
    )
    by_address = shares_protected_address(customer_id, today)
    return or_(by_relationship, by_address)


class shares_protected_address(FunctionElement[bool]):
    """True when the customer's current address is the current address of someone else with an active
    protected-address alert (street without case and outer spaces, and the postal code).

    On PostgreSQL the function of migration 0022: row-level security hides the protected person's
    address from a desk login, so the check runs with the owner's rights and gives only yes or no.
    Elsewhere (SQLite: no row-level security) the same rule as a subquery."""

    type = Boolean()
    inherit_cache = True
    name = "agentdesk_shares_protected_address"


@compiles(shares_protected_address)
def _shares_portably(element: shares_protected_address, compiler: SQLCompiler, **kw: Any) -> str:
    customer_id, today = element.clauses.clauses
    mine, theirs, al = aliased(Address), aliased(Address), aliased(Alert)
    same_address = (
        select(literal(1))
        .select_from(al)
        .join(theirs, theirs.id == _current_address_id(al.customer_id, today))
        .join(
            mine,
            and_(
                theirs.postal_code == mine.postal_code,
                func.lower(func.trim(theirs.street)) == func.lower(func.trim(mine.street)),
            ),
        )
        .where(
            mine.id == _current_address_id(customer_id, today),
            al.kind == AlertKind.PROTECTED_ADDRESS,
            al.customer_id != customer_id,
            or_(al.valid_from.is_(None), al.valid_from <= today),
            or_(al.valid_to.is_(None), al.valid_to >= today),
        )
        .correlate_except(mine, theirs, al)
        .exists()
    )
    return str(compiler.process(same_address, **kw))


@compiles(shares_protected_address, "postgresql")
def _shares_on_postgresql(element: shares_protected_address, compiler: SQLCompiler, **kw: Any) -> str:
    return f"agentdesk_shares_protected_address({compiler.process(element.clauses, **kw)})"


def shielded_address_clause(customer_id: _CustomerId, today: _Today) -> ColumnElement[bool]:
    """True when the customer's address must not be shown: their own protection or a relative's."""
    return or_(_protected(customer_id, today), related_protection_clause(customer_id, today))


def protection_kind_column(customer_id: _CustomerId, today: _Today) -> ColumnElement[str | None]:
    """``'own'``, ``'related'`` or NULL, as a column (for result lists)."""
    return case(
        (_protected(customer_id, today), literal(AddressProtection.OWN.value)),
        (related_protection_clause(customer_id, today), literal(AddressProtection.RELATED.value)),
        else_=None,
    )


def protection_of(session: Session, customer_id: int, today: dt.date) -> AddressProtection | None:
    """The customer's address protection, if any."""
    value = session.scalar(select(protection_kind_column(customer_id, today)))
    return AddressProtection(value) if value else None


def shielded_among(session: Session, ids: list[int], today: dt.date) -> set[int]:
    """Which of these customers have a shielded address (one statement)."""
    if not ids:
        return set()
    return set(
        session.scalars(
            select(Customer.id).where(Customer.id.in_(ids), shielded_address_clause(Customer.id, today))
        ).all()
    )


def found_without_address(names: str, born: str, words: Sequence[str]) -> bool:
    """Would these search words (folded) find the document by its names and birth year alone?
    Initials are ignored as the search ignores them; a prefix or one typo counts as the search counts it."""
    tokens = names.split() + born.split()

    def known(word: str) -> bool:
        return any(
            t == word or t.startswith(word) or (len(word) >= 4 and text_index.within_one_edit(t, word)) for t in tokens
        )

    return all(known(w) for w in words if not (len(w) == 1 and w.isalpha() and len(words) > 1))


def drop_found_by_address(
    session: Session,
    found: dict[int, int],
    words: Sequence[str],
    today: dt.date,
    documents: Callable[[list[int]], Mapping[int, text_index.SearchDocument]],
) -> None:
    """A customer whose address is shielded is found by name and birth year only: a search by the
    protected street, postal code or municipality must not list the household. ``found`` loses them."""
    shielded = shielded_among(session, list(found), today)
    docs = documents(sorted(shielded)) if shielded else {}
    for cid in shielded:
        doc = docs.get(cid)
        if doc is None or not found_without_address(doc.names, doc.born, words):
            del found[cid]
