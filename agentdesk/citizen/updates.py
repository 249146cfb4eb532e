"""A citizen's own update as a work item: new phone, new e-mail, preferred language, address change notice.

:meth:`SelfServiceUpdates.submit` checks what was typed by the identity rules (the identity code's check
character, a phone number that can be put in E.164, an e-mail address, a Finnish postal code, a
municipality, a moving date not far off) and refuses with a code per field
(:class:`SelfServiceInvalid`: the page shows each at its field and keeps what was typed). What passes
is stored as it came (``self_service_update``) and queued as a work item of the profile's self-service
queue (channel web, ``external_ref`` ``self-service:<id>``). The register's match — the identity code
and the last name of one person — is recorded for the agent, never told to the sender: the answer is
the same whether or not anyone matched.

An agent or a steward then :meth:`~SelfServiceUpdates.accept`\\ s it into the register (one transaction:
the change, its lineage ``self-service`` in ``field_source``, the search document, the work item
done, the audit entry) or :meth:`~SelfServiceUpdates.reject`\\ s it with a reason. Both only once.

The citizen's identity here is what they typed; a city puts its strong electronic identification
(Suomi.fi) in front of the web service, and the agent checks the match before accepting.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.citizen.update_form import FIELDS, SelfServiceForm, SelfServiceInvalid, check
from agentdesk.queues.work_queue import NewWorkItem, add_items
from agentdesk.queues.working_hours import HELSINKI, OFFICE_HOURS, WorkingHours
from agentdesk.search import index_writer
from agentdesk.search.address_protection import protection_of
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    FieldSource,
    IdentifierScheme,
    Language,
    Queue,
    SelfServiceState,
    SelfServiceUpdate,
    WorkItem,
    WorkItemState,
    utcnow,
)

LINEAGE = "self-service"
ACTOR = "citizen:web"
DEFAULT_QUEUE = "self_service"
REF_PREFIX = "self-service:"
REASON_MAX = 500


class SelfServiceUnavailable(RuntimeError):
    """The city has not set up the self-service queue (the profile names it; IT creates it)."""


class AlreadyDecided(RuntimeError):
    def __init__(self, update_id: int, state: SelfServiceState) -> None:
        super().__init__(f"self-service update {update_id} is already {state.value}")
        self.state = state


class AddressProtected(PermissionError):
    """An address change of a person with a protected address (turvakielto): only a role that sees
    protected addresses (a steward, an administrator) may read and accept it."""


class NoCustomer(RuntimeError):
    """Accepting needs the register's match; this update has none (reject it, or the steward links it)."""


@dataclass(frozen=True, slots=True)
class Received:
    update_id: int
    reference: str  # what the citizen is told to quote: "SS-000123"
    changes: Changes


@dataclass(frozen=True, slots=True)
class UpdateView:
    id: int
    reference: str
    received_at: dt.datetime
    via: str
    kind: str
    state: SelfServiceState
    customer_id: int | None
    customer_name: str
    current: Mapping[str, str]  # what the register says now, for the fields of the kind
    proposed: Mapping[str, str]
    flags: tuple[str, ...]  # for the agent: "customer.no_match", "phone.other_customer", ...
    decided_by: str
    decided_at: dt.datetime | None
    reason: str
    work_item_id: int | None
    shown_fields: tuple[str, ...]  # the proposed fields in form order


def reference(update_id: int) -> str:
    return f"SS-{update_id:06d}"


class SelfServiceUpdates:
    def __init__(self, db: Database, *, queue_code: str = DEFAULT_QUEUE, hours: WorkingHours = OFFICE_HOURS) -> None:
        self._db, self.queue_code, self._hours = db, queue_code, hours

    # -- the citizen's side ------------------------------------------------------------------------

    def submit(self, form: SelfServiceForm, *, via: str = "web", now: dt.datetime | None = None) -> Received:
        now = now or utcnow()
        proposed = check(form, today=now.date())
        with self._db.session() as s, s.begin():
            queue_id = s.scalar(select(Queue.id).where(Queue.code == self.queue_code, Queue.active.is_(True)))
            if queue_id is None:
                raise SelfServiceUnavailable(f"no active queue {self.queue_code!r} for self-service updates")
            customer_id = _match(s, proposed["hetu"], form.last_name)
            flags = _flags(s, form.kind, proposed, customer_id)
            row = SelfServiceUpdate(
                received_at=now,
                via=via,
                kind=form.kind,
                hetu=proposed.pop("hetu"),
                last_name=form.last_name.strip()[:200],
                customer_id=customer_id,
                proposed=json.dumps(proposed, ensure_ascii=False, sort_keys=True),
                problems=json.dumps(flags),
                state=SelfServiceState.NEW,
                decided_by="",
                reason="",
            )
            s.add(row)
            s.flush()
            item = NewWorkItem(
                external_ref=f"{REF_PREFIX}{row.id}",
                subject=f"{reference(row.id)} {form.kind}",  # no personal data in the subject
                customer_id=customer_id,
                arrived_at=now,
            )
            row.work_item_id = add_items(s, queue_id, [item], self._hours, returning=True)[0].id
            audit.record(
                s, actor=ACTOR, action="self_service.submit", subject_customer_id=customer_id, detail=f"update {row.id}"
            )
            return Received(row.id, reference(row.id), Changes.of(queues=[queue_id]))

    # -- the desk's side ---------------------------------------------------------------------------

    def view(self, update_id: int, *, actor: str, sees_protected: bool = False) -> UpdateView:
        """The update beside what the register says now (audited: it shows personal data). An address
        change of a person with a protected address shows neither address (flag ``address.protected``)
        unless ``sees_protected`` (the viewer's role sees protected addresses)."""
        with self._db.session() as s, s.begin():
            row = s.get(SelfServiceUpdate, update_id)
            if row is None:
                raise LookupError(f"no self-service update {update_id}")
            name, current = "", {}
            hidden = False
            if row.customer_id is not None:
                c = s.get(Customer, row.customer_id)
                if c is not None:
                    name = f"{c.first_names} {c.last_name}".strip()
                    current = _current(s, c, row.kind)
                    hidden = _protected(s, row.kind, c.id) and not sees_protected
            audit.record(s, actor=actor, action="self_service.view", subject_customer_id=row.customer_id)
            view = _view(row, name, current)
            if hidden:
                masked = dict.fromkeys(view.shown_fields, "")
                view = replace(view, current={}, proposed=masked, flags=(*view.flags, "address.protected"))
            return view

    def open_items(self, *, limit: int = 100) -> list[tuple[int, str, str, dt.datetime]]:
        """(id, reference, kind, received) of the undecided updates, oldest first (no personal data)."""
        with self._db.session() as s:
            rows = s.execute(
                select(SelfServiceUpdate.id, SelfServiceUpdate.kind, SelfServiceUpdate.received_at)
                .where(SelfServiceUpdate.state == SelfServiceState.NEW)
                .order_by(SelfServiceUpdate.id)
                .limit(limit)
            ).all()
        return [(i, reference(i), k, at) for i, k, at in rows]

    def accept(
        self, update_id: int, *, actor: str, sees_protected: bool = False, now: dt.datetime | None = None
    ) -> Changes:
        now = now or utcnow()
        with self._db.session() as s, s.begin():
            row = _undecided(s, update_id)
            if row.customer_id is None:
                raise NoCustomer(f"self-service update {update_id} matched no customer")
            c = s.get(Customer, row.customer_id)
            if c is None:
                raise NoCustomer(f"self-service update {update_id}: the customer is gone")
            if not sees_protected and _protected(s, row.kind, c.id):
                raise AddressProtected(f"self-service update {update_id}: the address is protected")
            proposed = json.loads(row.proposed)
            _apply(s, c, row.kind, proposed, now)
            for name, value in _lineage_fields(row.kind, proposed).items():
                s.merge(
                    FieldSource(
                        customer_id=c.id, field=name, register=LINEAGE, observed_at=row.received_at, value=value
                    )
                )
            c.updated_at = now
            queue_id = _decide(s, row, SelfServiceState.ACCEPTED, actor, now, "")
            audit.record(
                s, actor=actor, action="self_service.accept", subject_customer_id=c.id, detail=f"update {row.id}"
            )
            return Changes.of(customers=[c.id], timelines=[c.id], queues=[queue_id] if queue_id else [])

    def reject(self, update_id: int, reason: str, *, actor: str, now: dt.datetime | None = None) -> Changes:
        now = now or utcnow()
        reason = reason.strip()
        if not reason:
            raise SelfServiceInvalid({"reason": ("reason.required", "Say why the update is rejected")})
        if len(reason) > REASON_MAX:
            raise SelfServiceInvalid({"reason": ("reason.too_long", f"At most {REASON_MAX} characters")})
        with self._db.session() as s, s.begin():
            row = _undecided(s, update_id)
            queue_id = _decide(s, row, SelfServiceState.REJECTED, actor, now, reason)
            audit.record(
                s,
                actor=actor,
                action="self_service.reject",
                subject_customer_id=row.customer_id,
                detail=f"update {row.id}",
            )
            customers = [row.customer_id] if row.customer_id is not None else []
            return Changes.of(customers=customers, queues=[queue_id] if queue_id else [])


def update_id_of(external_ref: str) -> int | None:
    """The update a work item stands for (``self-service:<id>``), else None."""
    if external_ref.startswith(REF_PREFIX) and external_ref[len(REF_PREFIX) :].isdigit():
        return int(external_ref[len(REF_PREFIX) :])
    return None


def _match(s: Session, hetu: str, last_name: str) -> int | None:
    rows = s.execute(
        select(Customer.id, Customer.merged_into)
        .join(CustomerIdentifier, CustomerIdentifier.customer_id == Customer.id)
        .where(
            CustomerIdentifier.scheme == IdentifierScheme.HETU,
            CustomerIdentifier.value == hetu,
            func.lower(Customer.last_name) == last_name.strip().lower(),
        )
    ).all()
    ids = {merged or cid for cid, merged in rows}
    return ids.pop() if len(ids) == 1 else None


def _flags(s: Session, kind: str, proposed: Mapping[str, str], customer_id: int | None) -> list[str]:
    flags = [] if customer_id is not None else ["customer.no_match"]
    if kind in ("phone", "email"):
        others = s.scalars(
            select(ContactPoint.customer_id).where(
                ContactPoint.kind == (ContactKind.PHONE if kind == "phone" else ContactKind.EMAIL),
                ContactPoint.value == proposed[kind],
            )
        ).all()
        if any(o != customer_id for o in others):
            flags.append(f"{kind}.other_customer")
    return flags


def _current(s: Session, c: Customer, kind: str) -> dict[str, str]:
    if kind in ("phone", "email"):
        value = s.scalar(
            select(ContactPoint.value)
            .where(
                ContactPoint.customer_id == c.id,
                ContactPoint.kind == (ContactKind.PHONE if kind == "phone" else ContactKind.EMAIL),
            )
            .order_by(ContactPoint.is_primary.desc(), ContactPoint.id)
            .limit(1)
        )
        return {kind: value or ""}
    if kind == "language":
        return {"language": c.preferred_language.value}
    address = _current_address(s, c.id)
    if address is None:
        return {"street": "", "postal_code": "", "municipality": ""}
    return {"street": address.street, "postal_code": address.postal_code, "municipality": address.municipality}


def _protected(s: Session, kind: str, customer_id: int) -> bool:
    return kind == "address" and protection_of(s, customer_id, dt.datetime.now(HELSINKI).date()) is not None


def _current_address(s: Session, customer_id: int) -> Address | None:
    return s.scalars(
        select(Address)
        .where(Address.customer_id == customer_id, Address.valid_to.is_(None))
        .order_by(Address.id.desc())
        .limit(1)
    ).first()


def _apply(s: Session, c: Customer, kind: str, proposed: Mapping[str, str], now: dt.datetime) -> None:
    if kind in ("phone", "email"):
        contact_kind = ContactKind.PHONE if kind == "phone" else ContactKind.EMAIL
        points = s.scalars(
            select(ContactPoint).where(ContactPoint.customer_id == c.id, ContactPoint.kind == contact_kind)
        ).all()
        for p in points:
            p.is_primary = p.value == proposed[kind]
        if not any(p.value == proposed[kind] for p in points):
            s.add(
                ContactPoint(customer_id=c.id, kind=contact_kind, value=proposed[kind], label=LINEAGE, is_primary=True)
            )
    elif kind == "language":
        c.preferred_language = Language(proposed["language"])
    else:
        moved = dt.date.fromisoformat(proposed["moved_on"])
        old = _current_address(s, c.id)
        if old is not None:
            old.valid_to = max(moved - dt.timedelta(days=1), old.valid_from or dt.date.min)
        s.add(
            Address(
                customer_id=c.id,
                street=proposed["street"],
                postal_code=proposed["postal_code"],
                municipality=proposed["municipality"],
                valid_from=moved,
            )
        )
        s.flush()
        index_writer.write(
            s,
            [
                index_writer.Indexed(
                    c.id,
                    c.first_names,
                    c.last_name,
                    c.birth_date.year if c.birth_date else None,
                    proposed["street"],
                    proposed["postal_code"],
                    proposed["municipality"],
                )
            ],
            now.date(),
        )


def _lineage_fields(kind: str, proposed: Mapping[str, str]) -> dict[str, str]:
    if kind == "address":
        return {k: proposed[k] for k in ("street", "postal_code", "municipality")}
    return {kind: proposed[kind]}


def _undecided(s: Session, update_id: int) -> SelfServiceUpdate:
    stmt = select(SelfServiceUpdate).where(SelfServiceUpdate.id == update_id)
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = s.scalars(stmt).first()
    if row is None:
        raise LookupError(f"no self-service update {update_id}")
    if row.state is not SelfServiceState.NEW:
        raise AlreadyDecided(update_id, row.state)
    return row


def _decide(
    s: Session, row: SelfServiceUpdate, state: SelfServiceState, actor: str, now: dt.datetime, reason: str
) -> int | None:
    """Record the decision and finish the work item; returns its queue."""
    row.state, row.decided_by, row.decided_at, row.reason = state, actor, now, reason
    if row.work_item_id is None:
        return None
    item = s.get(WorkItem, row.work_item_id)
    if item is None:
        return None
    if item.state is not WorkItemState.DONE:
        s.execute(
            update(WorkItem)
            .where(WorkItem.id == item.id)
            .values(
                state=WorkItemState.DONE,
                finished_at=now,
                lease_until=None,
                answered_at=func.coalesce(WorkItem.answered_at, now),
                wrap_up_code=state.value,
            )
        )
    return item.queue_id


def _view(row: SelfServiceUpdate, name: str, current: Mapping[str, str]) -> UpdateView:
    proposed = json.loads(row.proposed)
    return UpdateView(
        id=row.id,
        reference=reference(row.id),
        received_at=row.received_at,
        via=row.via,
        kind=row.kind,
        state=row.state,
        customer_id=row.customer_id,
        customer_name=name,
        current=current,
        proposed=proposed,
        flags=tuple(json.loads(row.problems)),
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        reason=row.reason,
        work_item_id=row.work_item_id,
        shown_fields=FIELDS[row.kind],
    )
