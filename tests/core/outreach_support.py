"""A small register for the notice tests: people on Hämeenkatu and around it, written through the ORM."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import insert

from agentdesk.storage.models import (
    Address,
    Alert,
    AlertKind,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerKind,
    CustomerRelationship,
    CustomerRole,
    Language,
    RelationshipKind,
)

PAST = dt.date(2020, 1, 1)


@dataclass
class Town:
    ids: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


def person(
    s,
    last: str,
    first: str,
    street: str,
    *,
    postal: str = "33100",
    municipality: str = "Tampere",
    language: Language = Language.FI,
    email: str | None = None,
    phone: str | None = None,
    moved_out: bool = False,
) -> Customer:
    c = Customer(kind=CustomerKind.PERSON, first_names=first, last_name=last, preferred_language=language)
    c.addresses.append(
        Address(
            street=street,
            postal_code=postal,
            municipality=municipality,
            valid_to=PAST if moved_out else None,
        )
    )
    if email:
        c.contact_points.append(ContactPoint(kind=ContactKind.EMAIL, value=email, is_primary=True))
    if phone:
        c.contact_points.append(ContactPoint(kind=ContactKind.PHONE, value=phone, is_primary=True))
    s.add(c)
    s.flush()
    return c


def build_town(db) -> Town:
    town = Town()
    with db.session() as s, s.begin():
        add = lambda key, *a, **k: town.ids.__setitem__(key, person(s, *a, **k).id)
        add("aino", "Aalto", "Aino", "Hämeenkatu 1", email="aino@example.fi", phone="+358401000001")
        add(
            "bertil",
            "Berg",
            "Bertil",
            "Hämeenkatu 12 B 5",
            language=Language.SV,
            email="bertil@example.fi",
            phone="+358401000002",
        )
        add(
            "chris",
            "Carter",
            "Chris",
            "Hämeenkatu 40",
            language=Language.EN,
            email="chris@example.fi",
            phone="+358401000003",
        )
        add("olga", "Orlova", "Olga", "Hämeenkatu 7", language=Language.OTHER, phone="+358401000004")
        add("salli", "Suojattu", "Salli", "Hämeenkatu 20 A 3", email="salli@example.fi", phone="+358401000005")
        add("far", "Kaukonen", "Kalle", "Hämeenkatu 41", email="kalle@example.fi")
        add("other_street", "Hämeenkatuntie", "Heikki", "Hämeenkatuntie 3", email="heikki@example.fi")
        add("moved", "Muuttanut", "Mirja", "Hämeenkatu 5", moved_out=True, email="mirja@example.fi")
        add("dead", "Edesmennyt", "Eero", "Hämeenkatu 9", email="eero@example.fi")
        add("turku", "Turkulainen", "Tuula", "Hämeenkatu 3", postal="20100", municipality="Turku", email="t@example.fi")
        add("child", "Aalto", "Aapo", "Hämeenkatu 1")
        add("guardian_elsewhere", "Aalto", "Antti", "Pispalan valtatie 9", postal="33250", email="antti@example.fi")
        s.add(Alert(customer_id=town["salli"], kind=AlertKind.PROTECTED_ADDRESS, note="Turvakielto"))
        s.add(Alert(customer_id=town["dead"], kind=AlertKind.DECEASED))
        s.add(CustomerRole(customer_id=town["aino"], role_code="water_customer", external_ref="VES-1"))
        s.add(CustomerRole(customer_id=town["salli"], role_code="water_customer", external_ref="VES-2"))
        s.add(CustomerRole(customer_id=town["far"], role_code="water_customer", external_ref="VES-3"))
        s.add(CustomerRole(customer_id=town["chris"], role_code="water_customer", valid_to=PAST))  # ended
        s.add(CustomerRole(customer_id=town["child"], role_code="daycare_child", external_ref="VAKA-1"))
        for g in ("aino", "guardian_elsewhere"):
            s.add(
                CustomerRelationship(
                    from_customer_id=town[g], to_customer_id=town["child"], kind=RelationshipKind.GUARDIAN
                )
            )
    return town


def bulk_people(
    db, n: int, *, street: str = "Sammonkatu", phone_base: int = 358402000000, email: str | None = None
) -> list[int]:
    """``n`` people on one street with a phone (and an e-mail address when given), in few statements."""
    with db.session() as s, s.begin():
        first = (
            s.execute(
                insert(Customer).returning(Customer.id),
                [
                    {
                        "kind": CustomerKind.PERSON,
                        "first_names": "Testi",
                        "last_name": f"Henkilö{i}",
                        "preferred_language": (Language.FI, Language.SV, Language.EN)[i % 3],
                        "version": 1,
                    }
                    for i in range(n)
                ],
            )
            .scalars()
            .all()
        )
        ids = list(first)
        s.execute(
            insert(Address),
            [
                {
                    "customer_id": cid,
                    "street": f"{street} {1 + i % 90}",
                    "postal_code": "33500",
                    "municipality": "Tampere",
                    "country": "FI",
                }
                for i, cid in enumerate(ids)
            ],
        )
        points = [
            {
                "customer_id": cid,
                "kind": ContactKind.PHONE,
                "value": f"+{phone_base + i}",
                "label": "",
                "is_primary": True,
            }
            for i, cid in enumerate(ids)
        ]
        if email:
            points += [
                {"customer_id": cid, "kind": ContactKind.EMAIL, "value": email, "label": "", "is_primary": True}
                for cid in ids
            ]
        s.execute(insert(ContactPoint), points)
    return ids
