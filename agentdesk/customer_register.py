"""Creating and editing customer records, with validation and optimistic concurrency.

The UI hands in a :class:`CustomerDraft` (plain strings as typed); the register validates every
field at once (:class:`DraftInvalid` maps field name → message, so each message can be shown at
its field and nothing typed is lost), stores canonical values, keeps the search document in step
and writes the audit log. A save based on a stale version raises :class:`EditConflict` carrying
both versions; nothing is overwritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from agentdesk import audit, identity
from agentdesk.search import index_writer
from agentdesk.search.address_protection import shielded_address_clause
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    AlertKind,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    IdentifierScheme,
    Language,
)


@dataclass(frozen=True)
class CustomerDraft:
    """A customer as typed into the form. Empty strings mean "not given"."""

    kind: CustomerKind = CustomerKind.PERSON
    first_names: str = ""
    last_name: str = ""
    birth_date: str = ""  # d.m.yyyy or yyyy-mm-dd; derived from the hetu when empty
    preferred_language: Language = Language.FI
    hetu: str = ""
    ytunnus: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    street: str = ""
    postal_code: str = ""
    municipality: str = ""


@dataclass(frozen=True)
class CustomerRecord:
    id: int
    version: int
    kind: CustomerKind
    first_names: str
    last_name: str
    birth_date: dt.date | None
    preferred_language: Language
    hetu: str
    ytunnus: str
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    street: str
    postal_code: str
    municipality: str
    address_protected: bool

    def as_draft(self) -> CustomerDraft:
        return CustomerDraft(
            kind=self.kind,
            first_names=self.first_names,
            last_name=self.last_name,
            birth_date=self.birth_date.isoformat() if self.birth_date else "",
            preferred_language=self.preferred_language,
            hetu=self.hetu,
            ytunnus=self.ytunnus,
            phones=self.phones,
            emails=self.emails,
            street=self.street,
            postal_code=self.postal_code,
            municipality=self.municipality,
        )


class DraftInvalid(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class EditConflict(RuntimeError):
    """Another workstation saved this customer after the edit began."""

    def __init__(self, theirs: CustomerRecord, mine: CustomerDraft, base_version: int) -> None:
        super().__init__(
            f"customer {theirs.id} was changed elsewhere (version {theirs.version}, edit began at {base_version})"
        )
        self.theirs, self.mine, self.base_version = theirs, mine, base_version


class CustomerNotFound(LookupError):
    pass


class CustomerMerged(CustomerNotFound):
    """The id is a merged-away customer's (a tombstone, ``customer.merged_into``): the person is now
    ``survivor_id`` (an old search result, a register's id, a screen pop opened it)."""

    def __init__(self, customer_id: int, survivor_id: int) -> None:
        super().__init__(customer_id)
        self.customer_id = customer_id
        self.survivor_id = survivor_id


@dataclass(frozen=True)
class _Clean:
    kind: CustomerKind
    first_names: str
    last_name: str
    birth_date: dt.date | None
    language: Language
    hetu: str
    ytunnus: str
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    street: str
    postal_code: str
    municipality: str
    notes: dict[str, str] = field(default_factory=dict)


def parse_date(value: str) -> dt.date:
    text = value.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("write the date as d.m.yyyy, e.g. 5.1.1980")


def validate(draft: CustomerDraft, today: dt.date | None = None) -> _Clean:
    """Check every field; raise DraftInvalid with a message per bad field."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    first, last = " ".join(draft.first_names.split()), " ".join(draft.last_name.split())
    if not last:
        organisation = draft.kind is CustomerKind.ORGANISATION
        errors["last_name"] = "a name is required" if organisation else "last name is required"
    if draft.kind is CustomerKind.PERSON and not first:
        errors["first_names"] = "first name is required"
    hetu_value, birth = "", None
    if draft.hetu.strip():
        try:
            parsed = identity.parse_hetu(draft.hetu, today=today)  # refuses a birth date in the future
            hetu_value, birth = parsed.value, parsed.birth_date
        except identity.IdentityError as exc:
            errors["hetu"] = exc.message
    if draft.birth_date.strip():
        try:
            given = parse_date(draft.birth_date)
            if given > today:
                errors["birth_date"] = "birth date is in the future"
            elif birth and given != birth:
                errors["birth_date"] = f"does not match the identity code ({birth.day}.{birth.month}.{birth.year})"
            birth = given
        except ValueError as exc:
            errors["birth_date"] = str(exc)
    ytunnus = ""
    if draft.ytunnus.strip():
        try:
            ytunnus = identity.parse_ytunnus(draft.ytunnus)
        except identity.IdentityError as exc:
            errors["ytunnus"] = exc.message
    phones: list[str] = []
    for raw in (p for p in draft.phones if p.strip()):
        try:
            phones.append(identity.normalise_phone(raw))
        except identity.IdentityError as exc:
            errors.setdefault("phones", f"{raw.strip()}: {exc.message}")
    emails: list[str] = []
    for raw in (e for e in draft.emails if e.strip()):
        try:
            emails.append(identity.normalise_email(raw))
        except identity.IdentityError as exc:
            errors.setdefault("emails", f"{raw.strip()}: {exc.message}")
    street, postal, municipality = (" ".join(v.split()) for v in (draft.street, draft.postal_code, draft.municipality))
    if postal and not (postal.isdigit() and len(postal) == 5):
        errors["postal_code"] = "a Finnish postal code has five digits"
    if (street or postal) and not municipality:
        errors["municipality"] = "municipality is required with an address"
    if errors:
        raise DraftInvalid(errors)
    return _Clean(
        draft.kind,
        first,
        last,
        birth,
        draft.preferred_language,
        hetu_value,
        ytunnus,
        tuple(dict.fromkeys(phones)),
        tuple(dict.fromkeys(emails)),
        street,
        postal,
        municipality,
    )


class CustomerRegister:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading -------------------------------------------------------------------------------

    def get(self, customer_id: int, *, today: dt.date | None = None) -> CustomerRecord:
        with self._db.session() as s:
            return self._record(s, customer_id, today or dt.date.today())

    @staticmethod
    def _record(s: Session, customer_id: int, today: dt.date) -> CustomerRecord:
        c = s.get(Customer, customer_id, populate_existing=True)
        if c is None:
            raise CustomerNotFound(customer_id)
        idents = s.scalars(select(CustomerIdentifier).where(CustomerIdentifier.customer_id == customer_id)).all()
        points = s.scalars(
            select(ContactPoint)
            .where(ContactPoint.customer_id == customer_id)
            .order_by(ContactPoint.is_primary.desc(), ContactPoint.id)  # the primary first, as the form saves it
        ).all()
        addr = s.scalars(
            select(Address)
            .where(Address.customer_id == customer_id, Address.valid_to.is_(None))
            .order_by(Address.id.desc())
            .limit(1)
        ).first()
        protected = bool(s.scalar(select(shielded_address_clause(customer_id, today))))
        return CustomerRecord(
            id=c.id,
            version=c.version,
            kind=c.kind,
            first_names=c.first_names,
            last_name=c.last_name,
            birth_date=c.birth_date,
            preferred_language=c.preferred_language,
            hetu=next((i.value for i in idents if i.scheme is IdentifierScheme.HETU), ""),
            ytunnus=next((i.value for i in idents if i.scheme is IdentifierScheme.YTUNNUS), ""),
            phones=tuple(p.value for p in points if p.kind is ContactKind.PHONE),
            emails=tuple(p.value for p in points if p.kind is ContactKind.EMAIL),
            street="" if protected or addr is None else addr.street,
            postal_code="" if protected or addr is None else addr.postal_code,
            municipality="" if protected or addr is None else addr.municipality,
            address_protected=protected,
        )

    def protected_address_text(self, customer_id: int) -> tuple[str, ...]:
        """The protected address itself, for guards that must keep it from being shown (never display it)."""
        today = dt.date.today()
        with self._db.session() as s:
            if not s.scalar(select(shielded_address_clause(customer_id, today))):
                return ()
            rows = s.execute(select(Address.street, Address.postal_code).where(Address.customer_id == customer_id))
            return tuple(v for row in rows for v in row if v and len(v) >= 4 and not v.isdigit())

    # -- writing -------------------------------------------------------------------------------

    def create(self, draft: CustomerDraft, *, actor: str) -> CustomerRecord:
        clean = validate(draft)
        with self._db.session() as s, s.begin():
            if clean.hetu and s.scalar(
                select(CustomerIdentifier.customer_id).where(
                    CustomerIdentifier.scheme == IdentifierScheme.HETU, CustomerIdentifier.value == clean.hetu
                )
            ):
                raise DraftInvalid({"hetu": "a customer with this identity code already exists"})
            c = Customer(
                kind=clean.kind,
                first_names=clean.first_names,
                last_name=clean.last_name,
                birth_date=clean.birth_date,
                preferred_language=clean.language,
            )
            s.add(c)
            s.flush()
            self._write_details(s, c, clean, dt.date.today())
            audit.record(s, actor=actor, action="customer.create", subject_customer_id=c.id)
            s.flush()
            return self._record(s, c.id, dt.date.today())

    def update(self, customer_id: int, base_version: int, draft: CustomerDraft, *, actor: str) -> CustomerRecord:
        clean = validate(draft)
        today = dt.date.today()
        try:
            with self._db.session() as s, s.begin():
                c = s.get(Customer, customer_id, with_for_update=False)
                if c is None:
                    raise CustomerNotFound(customer_id)
                if c.version != base_version:
                    raise EditConflict(self._record(s, customer_id, today), draft, base_version)
                # Own or a relative's protection (agentdesk.search.address_protection): the form showed no address.
                protected = bool(s.scalar(select(shielded_address_clause(customer_id, today))))
                if protected and not (clean.street or clean.postal_code or clean.municipality):
                    # The form never saw the protected address; keep it.
                    clean = _keep_address(clean, s, customer_id)
                c.kind, c.first_names, c.last_name = clean.kind, clean.first_names, clean.last_name
                c.birth_date, c.preferred_language = clean.birth_date, clean.language
                c.updated_at = dt.datetime.now(dt.UTC)  # bumps the version even if only details change
                s.flush()
                for ident in s.scalars(select(CustomerIdentifier).where(CustomerIdentifier.customer_id == customer_id)):
                    if ident.scheme is not IdentifierScheme.REGISTER:
                        s.delete(ident)
                for point in s.scalars(select(ContactPoint).where(ContactPoint.customer_id == customer_id)):
                    s.delete(point)
                for a in s.scalars(
                    select(Address).where(Address.customer_id == customer_id, Address.valid_to.is_(None))
                ):
                    s.delete(a)
                s.flush()
                self._write_details(s, c, clean, today)
                audit.record(s, actor=actor, action="customer.edit", subject_customer_id=customer_id)
                s.flush()
                return self._record(s, customer_id, today)
        except StaleDataError:
            raise EditConflict(self.get(customer_id), draft, base_version) from None

    @staticmethod
    def _write_details(s: Session, c: Customer, clean: _Clean, today: dt.date) -> None:
        if clean.hetu:
            s.add(CustomerIdentifier(customer_id=c.id, scheme=IdentifierScheme.HETU, register="dvv", value=clean.hetu))
        if clean.ytunnus:
            s.add(
                CustomerIdentifier(
                    customer_id=c.id, scheme=IdentifierScheme.YTUNNUS, register="prh", value=clean.ytunnus
                )
            )
        for i, p in enumerate(clean.phones):
            s.add(ContactPoint(customer_id=c.id, kind=ContactKind.PHONE, value=p, is_primary=i == 0))
        for i, e in enumerate(clean.emails):
            s.add(ContactPoint(customer_id=c.id, kind=ContactKind.EMAIL, value=e, is_primary=i == 0))
        if clean.street or clean.municipality:
            s.add(
                Address(
                    customer_id=c.id,
                    street=clean.street,
                    postal_code=clean.postal_code,
                    municipality=clean.municipality,
                )
            )
        # The index writer leaves out what a restriction or a shielded address keeps out of the search.
        index_writer.write(
            s,
            [
                index_writer.Indexed(
                    c.id,
                    clean.first_names,
                    clean.last_name,
                    clean.birth_date.year if clean.birth_date else None,
                    clean.street,
                    clean.postal_code,
                    clean.municipality,
                )
            ],
            today,
        )


def _keep_address(clean: _Clean, s: Session, customer_id: int) -> _Clean:
    addr = s.scalars(
        select(Address)
        .where(Address.customer_id == customer_id, Address.valid_to.is_(None))
        .order_by(Address.id.desc())
        .limit(1)
    ).first()
    if addr is None:
        return clean
    from dataclasses import replace

    return replace(clean, street=addr.street, postal_code=addr.postal_code, municipality=addr.municipality)


def set_alert(db: Database, customer_id: int, kind: AlertKind, *, actor: str, note: str = "") -> None:
    """Add an alert; a protected address also removes the address from the search index."""
    from agentdesk.storage.models import Alert

    with db.session() as s, s.begin():
        s.add(Alert(customer_id=customer_id, kind=kind, note=note))
        s.flush()
        if kind is AlertKind.PROTECTED_ADDRESS:
            index_writer.reindex(s, [customer_id], dt.date.today())
        audit.record(s, actor=actor, action=f"alert.add.{kind.value}", subject_customer_id=customer_id)
