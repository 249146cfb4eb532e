"""Logging contacts across channels, linked to customers and cases.

An interaction may start for an unidentified caller (``customer_id=None``) and be linked to a
customer later. Saving validates every field at once (:class:`InteractionInvalid` maps field →
message), can open a new case with a due date or link an existing one, and is audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import select

from agentdesk import audit
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    CaseStatus,
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

    def to_json(self) -> dict:
        """Plain JSON for the draft store."""
        data = asdict(self)
        data["channel"] = self.channel.value
        data["direction"] = self.direction.value
        data["outcome"] = self.outcome.value if self.outcome else None
        data["started_at"] = self.started_at.isoformat()
        data["new_case_due"] = self.new_case_due.isoformat() if self.new_case_due else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> InteractionDraft:
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


class InteractionInvalid(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def check(draft: InteractionDraft, *, known_topics: set[str] | None = None, today: dt.date | None = None,
          now: dt.datetime | None = None) -> dict[str, str]:
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
    if draft.outcome is Outcome.CASE_CREATED:
        if draft.case_id is None and not draft.new_case_title.strip():
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


class InteractionLog:
    def __init__(self, db: Database, *, known_topics: set[str] | None = None) -> None:
        self._db = db
        self._topics = known_topics

    def save(self, draft: InteractionDraft, *, agent_id: int | None, actor: str,
             ended_at: dt.datetime | None = None) -> SavedInteraction:
        errors = check(draft, known_topics=self._topics)
        if errors:
            raise InteractionInvalid(errors)
        with self._db.session() as s, s.begin():
            if draft.customer_id is not None and s.get(Customer, draft.customer_id) is None:
                raise InteractionInvalid({"customer": "the customer no longer exists"})
            case_id = draft.case_id
            if case_id is not None:
                case = s.get(ServiceCase, case_id)
                if case is None or case.customer_id != draft.customer_id:
                    raise InteractionInvalid({"case": "the linked case does not belong to this customer"})
            if draft.new_case_title.strip():
                case = ServiceCase(customer_id=draft.customer_id, title=draft.new_case_title.strip(),
                                   status=CaseStatus.OPEN, department_id=draft.department_id,
                                   due_date=draft.new_case_due)
                s.add(case)
                s.flush()
                case_id = case.id
            row = Interaction(
                customer_id=draft.customer_id, channel=draft.channel, direction=draft.direction,
                started_at=draft.started_at, ended_at=ended_at or utcnow(), agent_id=agent_id,
                department_id=draft.department_id, topic=draft.topic, notes=draft.notes,
                outcome=draft.outcome, case_id=case_id, external_ref=draft.external_ref,
            )
            s.add(row)
            s.flush()
            audit.record(s, actor=actor, action="interaction.log", subject_customer_id=draft.customer_id,
                         detail=f"interaction={row.id} channel={draft.channel.value}")
            return SavedInteraction(row.id, draft.customer_id, case_id)

    def link_customer(self, interaction_id: int, customer_id: int, *, actor: str) -> None:
        """Attach a contact logged for an unidentified caller to the customer found later."""
        with self._db.session() as s, s.begin():
            row = s.get(Interaction, interaction_id)
            if row is None:
                raise LookupError(interaction_id)
            if row.customer_id not in (None, customer_id):
                raise InteractionInvalid({"customer": "the contact is already linked to another customer"})
            row.customer_id = customer_id
            audit.record(s, actor=actor, action="interaction.link", subject_customer_id=customer_id,
                         detail=f"interaction={interaction_id}")

    def departments(self) -> list[tuple[int, str, str]]:
        with self._db.session() as s:
            return [(d.id, d.code, d.name) for d in s.scalars(select(Department).order_by(Department.name))]
