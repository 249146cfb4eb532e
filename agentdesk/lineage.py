"""Where a customer's data came from: the ``field_source`` rows written by ``agentdesk register import``,
read as the desk shows them ("address: population data, 2026-11-02").

The import records each AgentDesk field (street, house_number, postal_code, municipality, ...); the
desk shows groups of them, so :func:`read_lineage` gives, per shown item, the latest register that
said any of its fields. Flagged values (a failed identity rule, kept as the source said it) carry
their flag code so the desk and the steward can say what was wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.storage.models import FieldSource

# Shown item -> the imported fields it is made of.
GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("first_names", "last_name"),
    "birth_date": ("birth_date",),
    "hetu": ("hetu",),
    "address": ("street", "house_number", "postal_code", "municipality"),
    "phone": ("phone",),
    "email": ("email",),
    "language": ("language",),
    "external_id": ("external_id",),
}
_GROUP_OF = {f: g for g, fields in GROUPS.items() for f in fields}


@dataclass(frozen=True, slots=True)
class FieldLineage:
    item: str  # a key of GROUPS: "address", "name", ...
    register: str
    observed_at: dt.datetime
    flags: tuple[str, ...] = ()  # rule codes of this register's values that failed ("hetu.check_char")

    def describe(self) -> str:
        """ "address: population data, 2026-11-02" (the register's name as the import gave it)."""
        return f"{self.item.replace('_', ' ')}: {self.register}, {self.observed_at.date().isoformat()}"


def read_lineage(s: Session, customer_id: int) -> tuple[FieldLineage, ...]:
    """Per shown item, the register that said it most recently (ties: the register's name), in GROUPS order."""
    latest: dict[str, FieldLineage] = {}
    rows = s.scalars(select(FieldSource).where(FieldSource.customer_id == customer_id)).all()
    per_register: dict[tuple[str, str], list[FieldSource]] = {}
    for r in rows:
        group = _GROUP_OF.get(r.field)
        if group:
            per_register.setdefault((group, r.register), []).append(r)
    for (group, register), entries in sorted(per_register.items()):
        when = max(e.observed_at for e in entries)
        flags = tuple(sorted({e.flag for e in entries if e.flag}))
        candidate = FieldLineage(group, register, when, flags)
        if group not in latest or when > latest[group].observed_at:
            latest[group] = candidate
    return tuple(latest[g] for g in GROUPS if g in latest)
