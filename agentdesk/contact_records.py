"""The one "case + contact + audit" write, and the plugin-reference write built on it.

:func:`record_contact` adds a contact (an :class:`Interaction` row), optionally opening a new service
case for it first, and writes the ``interaction.log`` audit entry, all inside the caller's
transaction. The interaction log (:meth:`agentdesk.interaction_log.InteractionLog.save`), a walk-in
visit and a plugin action's stored reference (:func:`store_plugin_reference`) all go through it.
Qt-free and blocking: the desk runs these on its background writer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.changes import Changes
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    CaseEvent,
    CaseStatus,
    Channel,
    Department,
    Direction,
    Interaction,
    Outcome,
    ServiceCase,
    utcnow,
)

STORED_TOPIC = "general.feedback"  # a service request filed for the customer is their report to the city


@dataclass(frozen=True, slots=True)
class NewCase:
    title: str
    due_date: dt.date | None = None
    status: CaseStatus = CaseStatus.OPEN
    backoffice_system: str = ""
    backoffice_ref: str = ""


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One contact as stored: what :func:`record_contact` writes."""

    customer_id: int | None
    channel: Channel
    direction: Direction
    started_at: dt.datetime
    ended_at: dt.datetime
    agent_id: int | None
    department_id: int | None
    topic: str
    notes: str
    outcome: Outcome | None
    case_id: int | None = None
    external_ref: str = ""
    client_uuid: str | None = None  # the desk's idempotency key (see agentdesk.outbox)


@dataclass(frozen=True, slots=True)
class RecordedContact:
    interaction_id: int
    customer_id: int | None
    case_id: int | None

    @property
    def changes(self) -> Changes:
        return Changes.of(timelines=[self.customer_id], cases=[self.customer_id] if self.case_id else [])


def record_creation(s: Session, case: ServiceCase, *, actor: str) -> None:
    """The first history row of a case just added in the session ``s`` (flushed, so it has an id);
    :mod:`agentdesk.cases.lifecycle` adds the rest."""
    s.add(_history_row(case, None, actor=actor, note=""))


def _history_row(case: ServiceCase, came_from: CaseStatus | None, *, actor: str, note: str) -> CaseEvent:
    """The case as it stands now, as one ``case_event`` row (``came_from``: the state before, None when filed)."""
    return CaseEvent(
        case_id=case.id,
        actor=actor,
        from_status=came_from,
        to_status=case.status,
        department_id=case.department_id,
        assignee_id=case.assignee_id,
        due_date=case.due_date,
        note=note,
    )


def move_case(s: Session, case: ServiceCase, to: CaseStatus, *, actor: str, note: str = "") -> CaseEvent:
    """Set the case's state and add its history row, in the caller's transaction. No rules are checked
    here: :mod:`agentdesk.cases.lifecycle` checks them for a person's change; the e-mail intake uses
    this directly for a citizen's follow-up (resolved → reopened, waiting → open)."""
    current = case.status
    case.status = to
    now = utcnow()
    if to is CaseStatus.RESOLVED:
        case.resolved_at = now
    elif to is CaseStatus.REOPENED:
        case.resolved_at = None
    event = _history_row(case, current, actor=actor, note=note)
    event.at = now
    s.add(event)
    return event


def _open_case(
    s: Session, new_case: NewCase, *, customer_id: int | None, department_id: int | None, actor: str
) -> ServiceCase:
    """Add the case and its first history row in the caller's transaction (flushed: it has its id)."""
    case = ServiceCase(
        customer_id=customer_id,
        title=new_case.title,
        status=new_case.status,
        department_id=department_id,
        due_date=new_case.due_date,
        backoffice_system=new_case.backoffice_system,
        backoffice_ref=new_case.backoffice_ref,
    )
    s.add(case)
    s.flush()
    record_creation(s, case, actor=actor)
    return case


def record_contact(s: Session, contact: ContactRow, *, actor: str, new_case: NewCase | None = None) -> RecordedContact:
    """Add the contact (and first its new case, which the contact then belongs to) and audit it, in
    the caller's transaction. A case filed in a back end names it in the audit entry."""
    case_id = contact.case_id
    if new_case is not None:
        case_id = _open_case(
            s, new_case, customer_id=contact.customer_id, department_id=contact.department_id, actor=actor
        ).id
    row = Interaction(
        customer_id=contact.customer_id,
        channel=contact.channel,
        direction=contact.direction,
        started_at=contact.started_at,
        ended_at=contact.ended_at,
        agent_id=contact.agent_id,
        department_id=contact.department_id,
        topic=contact.topic,
        notes=contact.notes,
        outcome=contact.outcome,
        case_id=case_id,
        external_ref=contact.external_ref,
        client_uuid=contact.client_uuid,
    )
    s.add(row)
    s.flush()
    detail = f"interaction={row.id} channel={contact.channel.value} direction={contact.direction.value}"
    if case_id is not None:
        detail += f" case={case_id}"
    if new_case is not None and new_case.backoffice_system:
        detail += f" backoffice={new_case.backoffice_system}"
    audit.record(s, actor=actor, action="interaction.log", subject_customer_id=contact.customer_id, detail=detail)
    return RecordedContact(row.id, contact.customer_id, case_id)


# -- what a plugin action created in its back end -------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredReference:
    case_id: int
    interaction_id: int  # 0: no contact of its own (filed during a contact in progress, which links the case)
    customer_id: int = 0
    title: str = ""

    @property
    def changes(self) -> Changes:
        return Changes.of(timelines=[self.customer_id], cases=[self.customer_id])


def stored_references(db: Database, customer_id: int) -> tuple[tuple[str, str], ...]:
    """``(backoffice_system, backoffice_ref)`` of the customer's service cases, newest first."""
    with db.session() as s:
        rows = s.execute(
            select(ServiceCase.backoffice_system, ServiceCase.backoffice_ref)
            .where(
                ServiceCase.customer_id == customer_id,
                ServiceCase.backoffice_system != "",
                ServiceCase.backoffice_ref != "",
            )
            .order_by(ServiceCase.created_at.desc(), ServiceCase.id.desc())
        )
        return tuple(dict.fromkeys((system, ref) for system, ref in rows))


def store_plugin_reference(
    db: Database,
    customer_id: int,
    staff: StaffMember,
    *,
    plugin_id: str,
    system: str,
    reference: str,
    title: str,
    message: str,
    during_contact: bool = False,
) -> StoredReference:
    """One transaction: a new open service case with ``backoffice_system``/``backoffice_ref`` and a
    contact (channel web, outgoing: the desk filed it) that opened it, with ``external_ref`` = the
    reference. Audited.

    ``during_contact``: the agent filed it while logging a contact with the customer (a call): the case
    is filed without a contact of its own (``interaction_id`` 0) and the desk links it to the contact in
    progress, which is saved with it; the audit entry ``case.file`` names the back end."""
    now = utcnow()
    with db.session() as s, s.begin():
        department = s.scalar(select(Department.id).where(Department.code == plugin_id))
        case = NewCase(title=title[:200], backoffice_system=system[:64], backoffice_ref=reference[:128])
        if during_contact:
            filed = _open_case(s, case, customer_id=customer_id, department_id=department, actor=staff.username)
            audit.record(
                s,
                actor=staff.username,
                action="case.file",
                subject_customer_id=customer_id,
                detail=f"case={filed.id} backoffice={system[:64]} during_contact",
            )
            return StoredReference(filed.id, 0, customer_id, filed.title)
        contact = ContactRow(
            customer_id=customer_id,
            channel=Channel.WEB,
            direction=Direction.OUTBOUND,
            started_at=now - dt.timedelta(seconds=1),
            ended_at=now,
            agent_id=staff.id,
            department_id=department,
            topic=STORED_TOPIC,
            notes=message[:2000],
            outcome=Outcome.CASE_CREATED,
            external_ref=reference[:128],
        )
        recorded = record_contact(s, contact, actor=staff.username, new_case=case)
        return StoredReference(recorded.case_id or 0, recorded.interaction_id, customer_id, title[:200])
