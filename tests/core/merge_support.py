"""Two duplicate customers with every kind of link, and a snapshot of everything held on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from agentdesk.merge.journal import table
from agentdesk.search.index_writer import reindex
from agentdesk.storage.models import (
    Address,
    Alert,
    AlertKind,
    CaseStatus,
    Channel,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    CustomerRelationship,
    CustomerRole,
    Department,
    FieldSource,
    IdentifierScheme,
    Interaction,
    Language,
    Queue,
    RelationshipKind,
    ServiceCase,
    WorkItem,
)

HETU = "010594Y9032"
WATER_ID = "W-1007"
POPULATION_ID = "PD-101"
UTC = dt.UTC


@dataclass(frozen=True)
class People:
    survivor: int  # Anna Virtanen, known to the water utility (W7), Helsinki address
    merged: int  # Anna Maria Virtanen, from the population data (PD-101, her hetu), Tampere address
    child: int
    org: int
    queue: int


def seed(db) -> People:
    with db.session() as s, s.begin():
        dep = Department(code="SOC", name="Social services")
        s.add(dep)
        s.flush()
        queue = Queue(
            code="SOC-P",
            name="Social phone",
            department_id=dep.id,
            channel=Channel.PHONE,
            target_seconds=60,
            target_share=0.8,
        )
        a = Customer(
            kind=CustomerKind.PERSON,
            first_names="Anna",
            last_name="Virtanen",
            birth_date=dt.date(1994, 5, 1),
            preferred_language=Language.FI,
        )
        b = Customer(
            kind=CustomerKind.PERSON,
            first_names="Anna Maria",
            last_name="Virtanen",
            birth_date=dt.date(1994, 5, 1),
            preferred_language=Language.FI,
        )
        child = Customer(
            kind=CustomerKind.PERSON, first_names="Eetu", last_name="Virtanen", birth_date=dt.date(2018, 3, 3)
        )
        org = Customer(kind=CustomerKind.ORGANISATION, first_names="", last_name="Asunto Oy Kuusi")
        s.add_all([queue, a, b, child, org])
        s.flush()
        s.add_all(
            [
                CustomerIdentifier(
                    customer_id=a.id, scheme=IdentifierScheme.REGISTER, register="water-utility", value=WATER_ID
                ),
                CustomerIdentifier(
                    customer_id=b.id, scheme=IdentifierScheme.REGISTER, register="population data", value=POPULATION_ID
                ),
                CustomerIdentifier(customer_id=b.id, scheme=IdentifierScheme.HETU, register="dvv", value=HETU),
                ContactPoint(customer_id=a.id, kind=ContactKind.PHONE, value="+358401234567", is_primary=True),
                ContactPoint(customer_id=b.id, kind=ContactKind.PHONE, value="+358401234567", is_primary=True),
                ContactPoint(customer_id=b.id, kind=ContactKind.PHONE, value="+358409999999", is_primary=False),
                ContactPoint(customer_id=b.id, kind=ContactKind.EMAIL, value="anna.maria@example.fi", is_primary=True),
                Address(
                    customer_id=a.id,
                    street="Mannerheimintie 5 A 3",
                    postal_code="00100",
                    municipality="Helsinki",
                    valid_from=dt.date(2020, 1, 1),
                ),
                Address(
                    customer_id=b.id,
                    street="Hämeenkatu 12",
                    postal_code="33100",
                    municipality="Tampere",
                    valid_from=dt.date(2025, 6, 1),
                ),
                Alert(customer_id=a.id, kind=AlertKind.INTERPRETER_NEEDED, note="sign language"),
                Alert(customer_id=b.id, kind=AlertKind.SAFETY_WARNING, note="two staff on home visits"),
                CustomerRole(customer_id=a.id, role_code="water_customer", external_ref=WATER_ID),
                CustomerRole(customer_id=b.id, role_code="daycare_guardian"),
                CustomerRelationship(from_customer_id=a.id, to_customer_id=child.id, kind=RelationshipKind.GUARDIAN),
                CustomerRelationship(from_customer_id=b.id, to_customer_id=child.id, kind=RelationshipKind.GUARDIAN),
                CustomerRelationship(
                    from_customer_id=b.id, to_customer_id=a.id, kind=RelationshipKind.HOUSEHOLD_MEMBER
                ),
                CustomerRelationship(
                    from_customer_id=b.id, to_customer_id=org.id, kind=RelationshipKind.REPRESENTATIVE
                ),
                CustomerRelationship(  # the merged customer at the "to" end
                    from_customer_id=child.id, to_customer_id=b.id, kind=RelationshipKind.HOUSEHOLD_MEMBER
                ),
            ]
        )
        for cid, register, when in (
            (a.id, "water-utility", dt.datetime(2026, 10, 1, tzinfo=UTC)),
            (b.id, "population data", dt.datetime(2026, 11, 2, tzinfo=UTC)),
        ):
            for name in ("first_names", "last_name", "birth_date", "street", "postal_code", "municipality"):
                s.add(FieldSource(customer_id=cid, field=name, register=register, observed_at=when, value="x", flag=""))
        # Both registers said b's phone: the lineage row of the same register collides after the merge.
        s.add(
            FieldSource(
                customer_id=a.id,
                field="phone",
                register="daycare",
                observed_at=dt.datetime(2026, 9, 1, tzinfo=UTC),
                value="+358401234567",
                flag="",
            )
        )
        s.add(
            FieldSource(
                customer_id=b.id,
                field="phone",
                register="daycare",
                observed_at=dt.datetime(2026, 9, 5, tzinfo=UTC),
                value="+358401234567",
                flag="",
            )
        )
        t0 = dt.datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
        for cid, title in ((a.id, "Water bill"), (b.id, "Daycare place")):
            case = ServiceCase(customer_id=cid, title=title, status=CaseStatus.OPEN, department_id=dep.id)
            s.add(case)
            s.flush()
            s.add(
                Interaction(
                    customer_id=cid,
                    channel=Channel.PHONE,
                    started_at=t0,
                    topic="general",
                    notes=f"about {title}",
                    case_id=case.id,
                )
            )
        s.add(WorkItem(queue_id=queue.id, channel=Channel.PHONE, customer_id=b.id, due_at=t0, external_ref="call-1"))
        s.flush()
        reindex(s, [a.id, b.id, child.id, org.id], dt.date.today())  # as the register import indexes them
        return People(a.id, b.id, child.id, org.id, queue.id)


# Every table that holds a customer id, and its customer columns.
CUSTOMER_COLUMNS = {
    "customer_identifier": ("customer_id",),
    "contact_point": ("customer_id",),
    "address": ("customer_id",),
    "alert": ("customer_id",),
    "customer_role": ("customer_id",),
    "customer_relationship": ("from_customer_id", "to_customer_id"),
    "field_source": ("customer_id",),
    "interaction": ("customer_id",),
    "service_case": ("customer_id",),
    "work_item": ("customer_id",),
}
_VOLATILE = {"version", "updated_at"}  # a merge and its undo are edits: these move on, as they must


def snapshot(db, ids: tuple[int, ...]) -> dict[str, list[tuple]]:
    """Every row of every table that holds these customers (their own customer rows too)."""
    out: dict[str, list[tuple]] = {}
    with db.session() as s:
        for name, columns in {"customer": ("id",), **CUSTOMER_COLUMNS}.items():
            t = table(name)
            cols = [c for c in t.c if c.name not in _VOLATILE]
            rows = s.execute(select(*cols).where(or_(*(t.c[c].in_(ids) for c in columns)))).all()
            out[name] = sorted(tuple(r) for r in rows)
    return out


def rows_of(db, name: str, customer_id: int) -> int:
    t = table(name)
    with db.session() as s:
        return len(s.execute(select(t).where(or_(*(t.c[c] == customer_id for c in CUSTOMER_COLUMNS[name])))).all())


def customer(db, cid: int) -> Customer:
    with db.session() as s:
        c = s.get(Customer, cid)
        assert c is not None
        return c
