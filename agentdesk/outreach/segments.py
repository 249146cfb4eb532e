"""A segment of citizens chosen by what the register knows, its count and a sample of names.

The location filters match a person's current address: a street (exactly as the register writes its
name, "Hämeenkatu") with an optional house-number range, a postal code, a municipality. ``role_code``
keeps the persons holding that current role (``water_customer``, ``daycare_child``, ...).
``guardians`` replaces the matched persons by their current guardians (the guardian relationship):
"guardians of daycare children on Hämeenkatu" is ``role_code="daycare_child", guardians=True`` with
the street. (The register knows no daycare units; the children's daycare role and their home are what
it has.) Merged-away and deceased persons are never in a segment.

Persons with a protected address are in the segment like everyone else (they get the notice), but a
segment answer carries names only, never an address, and the count of protected persons is not told.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Integer, Select, and_, cast, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from agentdesk import audit
from agentdesk.storage.models import (
    Address,
    Alert,
    AlertKind,
    Customer,
    CustomerRelationship,
    CustomerRole,
    RelationshipKind,
)

SAMPLE_SIZE = 10
SEGMENT_VIEW_ACTION = "notice.segment_view"
_POSTAL = re.compile(r"^[0-9]{5}$")
_ROLE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_HOUSES = re.compile(r"^\s*(\d+)\s*(?:[-–—]\s*(\d+))?\s*$")


class SegmentInputError(ValueError):
    """What is wrong with a segment's filters: field → (code, English message)."""

    def __init__(self, problems: Mapping[str, tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{k}: {m}" for k, (_c, m) in problems.items()))
        self.problems = dict(problems)


def parse_house_range(text: str) -> tuple[int | None, int | None]:
    """House numbers as typed ("1–40", "1-40" or one number "12") → (from, to); (None, None) when
    empty. Raises :class:`SegmentInputError` (``segment.house_range``) for anything else."""
    if not text.strip():
        return None, None
    m = _HOUSES.match(text)
    if not m:
        problem = ("segment.house_range", "Give house numbers as 1–40 or a single number")
        raise SegmentInputError({"house_from": problem})
    lo = int(m.group(1))
    return lo, int(m.group(2)) if m.group(2) else lo


@dataclass(frozen=True, slots=True)
class SegmentFilter:
    street: str = ""
    house_from: int | None = None
    house_to: int | None = None
    postal_code: str = ""
    municipality: str = ""
    role_code: str = ""
    guardians: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SegmentFilter:
        data = json.loads(text)
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def cleaned(self) -> SegmentFilter:
        """The filters with spaces trimmed; raises :class:`SegmentInputError` for bad input."""
        f = SegmentFilter(
            street=" ".join(self.street.split()),
            house_from=self.house_from,
            house_to=self.house_to,
            postal_code=self.postal_code.strip(),
            municipality=" ".join(self.municipality.split()),
            role_code=self.role_code.strip(),
            guardians=self.guardians,
        )
        problems: dict[str, tuple[str, str]] = {}
        if (f.house_from is not None or f.house_to is not None) and not f.street:
            problems["street"] = ("segment.street_needed", "A house-number range needs a street")
        for name, value in (("house_from", f.house_from), ("house_to", f.house_to)):
            if value is not None and value < 1:
                problems[name] = ("segment.house_number", "A house number is 1 or more")
        if f.house_from is not None and f.house_to is not None and f.house_from > f.house_to:
            problems["house_to"] = (
                "segment.house_range_reversed",
                f"The range {f.house_from}–{f.house_to} runs backwards: the first number must be the smaller",
            )
        if f.postal_code and not _POSTAL.match(f.postal_code):
            problems["postal_code"] = ("segment.postal_code", "A postal code is five digits")
        if f.role_code and not _ROLE.match(f.role_code):
            problems["role_code"] = ("segment.role_code", "A role code is lower-case letters, digits and _")
        if not (f.street or f.postal_code or f.municipality or f.role_code) and "street" not in problems:
            problems["street"] = (
                "segment.empty",
                "Choose a street, a postal code, a municipality or a role",
            )
        if problems:
            raise SegmentInputError(problems)
        return f


@dataclass(frozen=True, slots=True)
class SegmentAnswer:
    count: int
    sample: tuple[str, ...]  # display names only ("Virtanen, Matti"), never an address


_DateColumn = InstrumentedAttribute[dt.date | None]


def _current(valid_from: _DateColumn, valid_to: _DateColumn, today: dt.date) -> ColumnElement[bool]:
    return and_(or_(valid_from.is_(None), valid_from <= today), or_(valid_to.is_(None), valid_to >= today))


def _street_match(session: Session, street: str) -> ColumnElement[bool]:
    if session.get_bind().dialect.name == "sqlite":  # a range of the binary index: 'Hämeenkatu ' ≤ s < 'Hämeenkatu!'
        return and_(Address.street >= street + " ", Address.street < street + "!")
    escaped = street.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Address.street.like(escaped + " %", escape="\\")  # the varchar_pattern_ops index


def _house_number(session: Session, street: str) -> ColumnElement[int]:
    rest = func.substr(Address.street, len(street) + 2)
    if session.get_bind().dialect.name == "sqlite":
        return cast(rest, Integer)  # SQLite reads the leading digits: '12 B 5' -> 12, 'A' -> 0
    return cast(func.nullif(func.substring(rest, "^[0-9]+"), ""), Integer)


def segment_query(session: Session, segment: SegmentFilter, today: dt.date | None = None) -> Select[int]:
    """The ids of the segment's customers (distinct), as a query to count, sample or plan from."""
    return _segment(session, segment, today, Customer.id)


def _segment(session: Session, segment: SegmentFilter, today: dt.date | None, *columns: Any) -> Select[Any]:
    today = today or dt.date.today()
    f = segment.cleaned()
    located: Select[int] | None = None
    if f.street or f.postal_code or f.municipality:
        where: list[ColumnElement[bool]] = [_current(Address.valid_from, Address.valid_to, today)]
        if f.street:
            where.append(_street_match(session, f.street))
            number = _house_number(session, f.street)
            if f.house_from is not None:
                where.append(number >= f.house_from)
            if f.house_to is not None:
                where.append(number <= f.house_to)
        if f.postal_code:
            where.append(Address.postal_code == f.postal_code)
        if f.municipality:
            where.append(Address.municipality == f.municipality)
        located = select(Address.customer_id).where(*where)
    matched: Select[int]
    if f.role_code:
        role = [CustomerRole.role_code == f.role_code, _current(CustomerRole.valid_from, CustomerRole.valid_to, today)]
        if located is not None:
            role.append(CustomerRole.customer_id.in_(located))
        matched = select(CustomerRole.customer_id).where(*role)
    else:
        assert located is not None  # cleaned() asks for a location or a role
        matched = located
    if f.guardians:
        rel = CustomerRelationship
        matched = select(rel.from_customer_id).where(
            rel.kind == RelationshipKind.GUARDIAN,
            _current(rel.valid_from, rel.valid_to, today),
            rel.to_customer_id.in_(matched),
        )
    deceased = aliased(Alert)
    return (
        select(*columns)
        .where(
            Customer.id.in_(matched),
            # not merged away; coalesce keeps the planner on the primary key (the merged_into index is slower here)
            func.coalesce(Customer.merged_into, 0) == 0,
            ~exists().where(
                deceased.customer_id == Customer.id,
                deceased.kind == AlertKind.DECEASED,
                _current(deceased.valid_from, deceased.valid_to, today),
            ),
        )
        .order_by(Customer.id)
    )


def select_segment(
    session: Session,
    segment: SegmentFilter,
    *,
    actor: str,
    sample_size: int = SAMPLE_SIZE,
    today: dt.date | None = None,
) -> SegmentAnswer:
    """The segment's count and the names of its first ``sample_size`` customers, audited (the
    sample is personal data shown to ``actor``: its ids are in the entry; the filters too)."""
    # one pass over the segment for its ids (ints only: a street is some thousands), then the names of a
    # sample spread evenly over it (not only the lowest ids: an old district is not the whole street)
    ids = list(session.scalars(segment_query(session, segment, today)))
    count = len(ids)
    step = max(1, count // sample_size)
    picked = ids[::step][:sample_size]
    rows = session.execute(
        select(Customer.id, Customer.first_names, Customer.last_name)
        .where(Customer.id.in_(picked))
        .order_by(Customer.last_name, Customer.first_names, Customer.id)
    ).all()
    sample = tuple(f"{r.last_name}, {r.first_names}" if r.first_names else r.last_name for r in rows)
    detail = json.dumps(
        {"segment": json.loads(segment.cleaned().to_json()), "count": count, "ids": [r.id for r in rows]},
        ensure_ascii=False,
    )
    audit.record(session, actor=actor, action=SEGMENT_VIEW_ACTION, subject_customer_id=None, detail=detail)
    return SegmentAnswer(count, sample)
