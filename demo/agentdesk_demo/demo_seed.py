"""The demo people the plugins' demo back ends seed themselves from: :class:`DatabaseDemoSeed` is the
:class:`agentdesk.plugin_api.demo.DemoSeed` of a demo database.

People are chosen deterministically: the people with a featured customer role first (the
social-services clients, so that the health and technical demos show the same multi-service
people), then the people with the most contacts in the contact history, then by customer id.
Only persons with a henkilötunnus take part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select, tuple_

from agentdesk.plugin_api.demo import DemoCaseReference, DemoPerson
from agentdesk.search.customer_search import protected_address_clause
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    CaseStatus,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    CustomerRelationship,
    CustomerRole,
    Department,
    IdentifierScheme,
    Interaction,
    RelationshipKind,
    ServiceCase,
)

FEATURED_ROLES = ("social_services_client",)
_CHUNK = 500


def _chunks(ids: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


class DatabaseDemoSeed:
    """The demo people of ``db``. ``people_limit`` caps every ``people(n)`` (small demos, tests);
    ``today``/``now`` fix the seeds' dates (tests)."""

    def __init__(
        self,
        db: Database,
        *,
        people_limit: int | None = None,
        today: dt.date | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        self._db, self.people_limit = db, people_limit
        self._today = today or dt.date.today()
        now = now or dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
        self._now = now if now.tzinfo else now.replace(tzinfo=dt.UTC)
        self._ranked: list[DemoPerson] = []
        self._ranked_for = -1
        self._details: dict[int, DemoPerson] = {}

    @property
    def today(self) -> dt.date:
        return self._today

    @property
    def now(self) -> dt.datetime:
        return self._now

    def people(self, limit: int) -> Sequence[DemoPerson]:
        if self.people_limit is not None:
            limit = min(limit, self.people_limit)
        limit = max(limit, 0)
        if limit > self._ranked_for:
            self._ranked, self._ranked_for = self._rank(limit), limit
        return tuple(self._ranked[:limit])

    def with_role(self, role: str) -> Sequence[DemoPerson]:
        with self._db.session() as s:
            ids = list(s.scalars(self._role_holders(role)))
        people = self._people(ids)
        return tuple(people[i] for i in ids if i in people and role in people[i].roles)

    def _role_holders(self, *roles: str):
        hetu_of = self._hetu_of()
        return (
            select(CustomerRole.customer_id)
            .join(hetu_of, hetu_of.c.customer_id == CustomerRole.customer_id)
            .where(CustomerRole.role_code.in_(roles))
            .distinct()
            .order_by(CustomerRole.customer_id)
        )

    @staticmethod
    def _hetu_of():
        return (
            select(CustomerIdentifier.customer_id, CustomerIdentifier.value)
            .where(CustomerIdentifier.scheme == IdentifierScheme.HETU)
            .subquery()
        )

    def _rank(self, limit: int) -> list[DemoPerson]:
        with self._db.session() as s:
            featured = list(s.scalars(self._role_holders(*FEATURED_ROLES)))
            hetu_of = self._hetu_of()
            contacts = (
                select(Interaction.customer_id, func.count().label("n"))
                .where(Interaction.customer_id.is_not(None))
                .group_by(Interaction.customer_id)
                .subquery()
            )
            ranked = list(
                s.scalars(
                    select(Customer.id)
                    .join(hetu_of, hetu_of.c.customer_id == Customer.id)
                    .outerjoin(contacts, contacts.c.customer_id == Customer.id)
                    .where(Customer.kind == CustomerKind.PERSON)
                    .order_by(func.coalesce(contacts.c.n, 0).desc(), Customer.id)
                    .limit(limit + len(featured))
                )
            )
        order = list(dict.fromkeys(featured + ranked))
        people = self._people(order)
        return [people[i] for i in order if i in people][:limit]

    def _people(self, ids: Sequence[int]) -> dict[int, DemoPerson]:
        missing = [i for i in ids if i not in self._details]
        if missing:
            self._details.update(_details(self._db, missing, self._today))
        return {i: self._details[i] for i in ids if i in self._details}

    def store_case_references(self, cases: Sequence[DemoCaseReference]) -> int:
        return store_case_references(self._db, cases)


def _details(db: Database, ids: Sequence[int], today: dt.date) -> dict[int, DemoPerson]:
    out: dict[int, DemoPerson] = {}
    with db.session() as s:
        for chunk in _chunks(ids):
            customers = {c.id: c for c in s.scalars(select(Customer).where(Customer.id.in_(chunk)))}
            hetus = dict(
                s.execute(
                    select(CustomerIdentifier.customer_id, CustomerIdentifier.value).where(
                        CustomerIdentifier.customer_id.in_(chunk), CustomerIdentifier.scheme == IdentifierScheme.HETU
                    )
                ).all()
            )
            roles: dict[int, list[str]] = {}
            for cid, code in s.execute(
                select(CustomerRole.customer_id, CustomerRole.role_code).where(CustomerRole.customer_id.in_(chunk))
            ):
                roles.setdefault(cid, []).append(code)
            emails: dict[int, str] = {}
            phones: dict[int, str] = {}
            for cid, kind, value in s.execute(
                select(ContactPoint.customer_id, ContactPoint.kind, ContactPoint.value)
                .where(ContactPoint.customer_id.in_(chunk))
                .order_by(ContactPoint.is_primary.desc(), ContactPoint.id)
            ):
                (emails if kind is ContactKind.EMAIL else phones).setdefault(cid, value)
            addresses: dict[int, tuple[str, str]] = {}
            for cid, street, municipality in s.execute(
                select(Address.customer_id, Address.street, Address.municipality)
                .where(Address.customer_id.in_(chunk), (Address.valid_to.is_(None)) | (Address.valid_to >= today))
                .order_by(Address.valid_from.desc().nulls_last(), Address.id.desc())
            ):
                addresses.setdefault(cid, (street, municipality))
            children: dict[int, list[str]] = {}
            child_hetu = DatabaseDemoSeed._hetu_of()
            for cid, hetu in s.execute(
                select(CustomerRelationship.from_customer_id, child_hetu.c.value)
                .join(child_hetu, child_hetu.c.customer_id == CustomerRelationship.to_customer_id)
                .join(Customer, Customer.id == CustomerRelationship.to_customer_id)
                .where(
                    CustomerRelationship.from_customer_id.in_(chunk),
                    CustomerRelationship.kind == RelationshipKind.GUARDIAN,
                    (CustomerRelationship.valid_to.is_(None)) | (CustomerRelationship.valid_to >= today),
                )
                .order_by(Customer.birth_date, Customer.id)
            ):
                children.setdefault(cid, []).append(hetu)
            protected = set(
                s.scalars(
                    select(Customer.id).where(Customer.id.in_(chunk), protected_address_clause(Customer.id, today))
                )
            )
            for cid, c in customers.items():
                if cid not in hetus:
                    continue
                street, municipality = addresses.get(cid, (None, None))
                out[cid] = DemoPerson(
                    cid,
                    hetus[cid],
                    c.first_names,
                    c.last_name,
                    c.birth_date,
                    tuple(roles.get(cid, ())),
                    emails.get(cid),
                    phones.get(cid),
                    None if cid in protected else street,
                    municipality,
                    tuple(children.get(cid, ())),
                )
    return out


def store_case_references(db: Database, cases: Sequence[DemoCaseReference]) -> int:
    """A service case per reference (``backoffice_system``/``backoffice_ref``) on its customer; cases
    already there are kept. The number of cases added."""
    if not cases:
        return 0
    added = 0
    with db.session() as s, s.begin():
        departments = dict(s.execute(select(Department.code, Department.id)).all())
        existing: set[tuple[str, int, str]] = set()
        by_system: dict[str, list[tuple[int, str]]] = {}
        for case in cases:
            by_system.setdefault(case.system, []).append((case.customer_id, case.reference))
        for system, keys in by_system.items():
            for chunk in _chunks(keys):
                existing |= {
                    (system, cid, ref)
                    for cid, ref in s.execute(
                        select(ServiceCase.customer_id, ServiceCase.backoffice_ref).where(
                            ServiceCase.backoffice_system == system,
                            tuple_(ServiceCase.customer_id, ServiceCase.backoffice_ref).in_(chunk),
                        )
                    )
                }
        for case in cases:
            key = (case.system, case.customer_id, case.reference)
            if key in existing:
                continue
            existing.add(key)
            row = ServiceCase(
                customer_id=case.customer_id,
                title=case.title[:200],
                status=CaseStatus.OPEN if case.open else CaseStatus.CLOSED,
                department_id=departments.get(case.department) if case.department else None,
                backoffice_system=case.system,
                backoffice_ref=case.reference,
            )
            if case.created_at is not None:
                row.created_at = case.created_at
                row.updated_at = case.updated_at or case.created_at
            s.add(row)
            added += 1
    return added
