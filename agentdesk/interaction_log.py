"""Logging contacts across channels, linked to customers and cases.

An interaction may start for an unidentified caller (``customer_id=None``) and be linked to a
customer later. Saving validates every field at once (:class:`InteractionInvalid` maps field →
message), can open a new case with a due date or link an existing one, and is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.contact_records import ContactRow, NewCase, record_contact
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Channel,
    Customer,
    Department,
    Direction,
    Interaction,
    Outcome,
    ServiceCase,
    utcnow,
)

MAX_NOTES = 20_000


@dataclass(frozen=True)
class InteractionDraft:
    channel: Channel
    started_at: dt.datetime
    customer_id: int | None = None
    direction: Direction = Direction.INBOUND
    topic: str = ""
    department_id: int | None = None
    notes: str = ""
    outcome: Outcome | None = None
    case_id: int | None = None  # link an existing case
    new_case_title: str = ""  # or open a new one
    new_case_due: dt.date | None = None
    external_ref: str = ""  # call unique id, Message-ID, ticket number

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for the draft store."""
        data = asdict(self)
        data["channel"] = self.channel.value
        data["direction"] = self.direction.value
        data["outcome"] = self.outcome.value if self.outcome else None
        data["started_at"] = self.started_at.isoformat()
        data["new_case_due"] = self.new_case_due.isoformat() if self.new_case_due else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InteractionDraft:
        return cls(
            channel=Channel(data["channel"]),
            started_at=dt.datetime.fromisoformat(data["started_at"]),
            customer_id=data.get("customer_id"),
            direction=Direction(data.get("direction", "inbound")),
            topic=data.get("topic", ""),
            department_id=data.get("department_id"),
            notes=data.get("notes", ""),
            outcome=Outcome(data["outcome"]) if data.get("outcome") else None,
            case_id=data.get("case_id"),
            new_case_title=data.get("new_case_title", ""),
            new_case_due=dt.date.fromisoformat(data["new_case_due"]) if data.get("new_case_due") else None,
            external_ref=data.get("external_ref", ""),
        )


@dataclass(frozen=True, slots=True)
class SavedInteraction:
    id: int
    customer_id: int | None
    case_id: int | None
    new_case: bool = False  # the save opened case_id
    already_saved: bool = False  # its idempotency key was stored before: nothing was written now

    @property
    def changes(self) -> Changes:
        """The customer's timeline, and their cases when a new one was opened."""
        return Changes.of(timelines=[self.customer_id], cases=[self.customer_id] if self.new_case else [])


class InteractionInvalid(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def check(
    draft: InteractionDraft,
    *,
    known_topics: Container[str] | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> dict[str, str]:
    """Field → message for everything wrong with the draft (empty when it can be saved)."""
    today = today or dt.date.today()
    now = now or utcnow()
    errors: dict[str, str] = {}
    if not draft.topic:
        errors["topic"] = "choose a topic"
    elif known_topics is not None and draft.topic not in known_topics:
        errors["topic"] = f"unknown topic {draft.topic!r}"
    if draft.outcome is None:
        errors["outcome"] = "choose an outcome"
    if len(draft.notes) > MAX_NOTES:
        errors["notes"] = f"notes are limited to {MAX_NOTES:,} characters ({len(draft.notes):,} now)"
    if draft.started_at.tzinfo is None:
        errors["started_at"] = "start time has no time zone"
    elif draft.started_at > now + dt.timedelta(minutes=5):
        errors["started_at"] = "start time is in the future"
    if draft.outcome is Outcome.CASE_CREATED and draft.case_id is None and not draft.new_case_title.strip():
        errors["case"] = "give the new case a title or link an existing case"
    if draft.new_case_title.strip():
        if draft.new_case_due is None:
            errors["new_case_due"] = "a new case needs a due date"
        elif draft.new_case_due < today:
            errors["new_case_due"] = "the due date is in the past"
        if draft.customer_id is None:
            errors["case"] = "identify the customer before opening a case"
    if draft.outcome is Outcome.FORWARDED and draft.department_id is None:
        errors["department"] = "choose the department the contact is forwarded to"
    return errors


def _already_saved(s: Session, client_uuid: str) -> SavedInteraction | None:
    row = s.execute(
        select(Interaction.id, Interaction.customer_id, Interaction.case_id).where(
            Interaction.client_uuid == client_uuid
        )
    ).first()
    if row is None:
        return None
    return SavedInteraction(row.id, row.customer_id, row.case_id, already_saved=True)


class InteractionLog:
    def __init__(self, db: Database, *, known_topics: Container[str] | None = None) -> None:
        """``known_topics``: the topic codes a contact may carry (any container: the desk passes its
        topic catalogue, read once off the UI thread); None accepts any topic."""
        self._db = db
        self._topics = known_topics

    def save(
        self,
        draft: InteractionDraft,
        *,
        agent_id: int | None,
        actor: str,
        ended_at: dt.datetime | None = None,
        client_uuid: str | None = None,
    ) -> SavedInteraction:
        """Check and store the contact (and its new case) in one transaction.

        ``client_uuid`` is the contact's idempotency key (the desk makes one per contact): when a
        contact with that key is stored already (a save whose answer was lost, sent again from the
        offline outbox), that contact is returned (``already_saved``) and nothing is written."""
        try:
            with self._db.session() as s, s.begin():
                return self.save_in(
                    s, draft, agent_id=agent_id, actor=actor, ended_at=ended_at, client_uuid=client_uuid
                )
        except IntegrityError:
            stored = self.saved_with(client_uuid) if client_uuid else None
            if stored is None:
                raise
            return stored  # written meanwhile by another send of the same contact

    def saved_with(self, client_uuid: str) -> SavedInteraction | None:
        """The contact stored with this idempotency key, if any."""
        with self._db.session() as s:
            return _already_saved(s, client_uuid)

    def save_in(
        self,
        s: Session,
        draft: InteractionDraft,
        *,
        agent_id: int | None,
        actor: str,
        ended_at: dt.datetime | None = None,
        client_uuid: str | None = None,
    ) -> SavedInteraction:
        """:meth:`save` inside the caller's transaction (a walk-in visit closes its ticket in the same one)."""
        if client_uuid is not None:
            stored = _already_saved(s, client_uuid)
            if stored is not None:
                return stored
        errors = check(draft, known_topics=self._topics)
        if errors:
            raise InteractionInvalid(errors)
        if draft.customer_id is not None and s.get(Customer, draft.customer_id) is None:
            raise InteractionInvalid({"customer": "the customer no longer exists"})
        if draft.case_id is not None:
            case = s.get(ServiceCase, draft.case_id)
            if case is None or case.customer_id != draft.customer_id:
                raise InteractionInvalid({"case": "the linked case does not belong to this customer"})
        title = draft.new_case_title.strip()
        new_case = NewCase(title=title, due_date=draft.new_case_due) if title else None
        contact = ContactRow(
            customer_id=draft.customer_id,
            channel=draft.channel,
            direction=draft.direction,
            started_at=draft.started_at,
            ended_at=ended_at or utcnow(),
            agent_id=agent_id,
            department_id=draft.department_id,
            topic=draft.topic,
            notes=draft.notes,
            outcome=draft.outcome,
            case_id=draft.case_id,
            external_ref=draft.external_ref,
            client_uuid=client_uuid,
        )
        recorded = record_contact(s, contact, actor=actor, new_case=new_case)
        return SavedInteraction(
            recorded.interaction_id, draft.customer_id, recorded.case_id, new_case=new_case is not None
        )

    def link_customer(self, interaction_id: int, customer_id: int, *, actor: str) -> Changes:
        """Attach a contact logged for an unidentified caller to the customer found later (one
        transaction); the customer's timeline (and cases, if the contact has one) changed."""
        with self._db.session() as s, s.begin():
            row = s.get(Interaction, interaction_id)
            if row is None:
                raise LookupError(interaction_id)
            if row.customer_id not in (None, customer_id):
                raise InteractionInvalid({"customer": "the contact is already linked to another customer"})
            row.customer_id = customer_id
            audit.record(
                s,
                actor=actor,
                action="interaction.link",
                subject_customer_id=customer_id,
                detail=f"interaction={interaction_id}",
            )
            return Changes.of(timelines=[customer_id], cases=[customer_id] if row.case_id else [])

    def departments(self) -> list[tuple[int, str, str]]:
        with self._db.session() as s:
            return [(d.id, d.code, d.name) for d in s.scalars(select(Department).order_by(Department.name))]
