"""Walk-in tickets: the numbered slip a visitor takes at the service point's ticket machine.

A ticket is a work item of the walk-in queue (channel ``walk_in``, ``external_ref`` = the ticket
number), so its waiting and service times are the work item's timestamps and it shows on the
dashboard like any other contact. Numbers run per ticket letter and Helsinki day: A001, A002, ...
The visit itself is logged by the desk through :mod:`agentdesk.interaction_log`;
:func:`interaction_draft` fills in what the ticket already knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from agentdesk.changes import Changes
from agentdesk.interaction_log import InteractionDraft, InteractionLog, SavedInteraction
from agentdesk.queues.queue_directory import UnknownQueue
from agentdesk.queues.work_queue import (
    DEFAULT_LEASE_SECONDS,
    NewWorkItem,
    WorkItemView,
    WorkQueue,
    add_items,
    aware_utc,
    change_held,
    completed,
)
from agentdesk.queues.working_hours import HELSINKI, OFFICE_HOURS, WorkingHours
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, Direction, Outcome, Queue, TicketCounter


@dataclass(frozen=True, slots=True)
class Ticket:
    number: str  # "A042"
    work_item_id: int
    queue_id: int
    created_at: dt.datetime
    customer_id: int | None = None
    called_at: dt.datetime | None = None
    called_by: int | None = None
    service_point: str = ""  # "Desk 3", once called


class NotAWalkInQueue(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class FinishedVisit:
    saved: SavedInteraction
    queue_id: int

    @property
    def changes(self) -> Changes:
        return self.saved.changes | Changes.of(queues=[self.queue_id])


class WalkIn:
    def __init__(self, db: Database, *, hours: WorkingHours = OFFICE_HOURS) -> None:
        self._db = db
        self._hours = hours
        self._work = WorkQueue(db, hours=hours)

    def issue_ticket(self, queue_id: int, customer_id: int | None = None, *, now: dt.datetime | None = None) -> Ticket:
        """Draw the next number of the queue's letter for today and put the visitor in the queue."""
        now = aware_utc(now)
        with self._db.session() as s, s.begin():
            queue = s.get(Queue, queue_id)
            if queue is None:
                raise UnknownQueue(queue_id)
            if queue.channel is not Channel.WALK_IN or not queue.ticket_letter:
                raise NotAWalkInQueue(f"queue {queue.code!r} does not issue tickets")
            number = f"{queue.ticket_letter}{self._next_number(s, queue.ticket_letter, now):03d}"
            item = add_items(
                s,
                queue_id,
                [NewWorkItem(external_ref=number, customer_id=customer_id, arrived_at=now)],
                self._hours,
                returning=True,
            )[0]
            return ticket_of(item)

    def call_next(
        self,
        staff_id: int,
        queue_ids: Sequence[int] | None = None,
        service_point: str = "Desk 3",
        *,
        lease_seconds: int = DEFAULT_LEASE_SECONDS,
        now: dt.datetime | None = None,
    ) -> Ticket | None:
        """Call the next visitor to the agent's service point; the visitor's wait ends now."""
        item = self._work.claim_next(
            staff_id, queue_ids, lease_seconds, answer=True, service_point=service_point, now=now
        )
        if item is not None and item.channel is not Channel.WALK_IN:
            self._work.release(item.id, staff_id)  # queue_ids named a non-walk-in queue
            raise NotAWalkInQueue(f"work item {item.id} is not a walk-in ticket")
        return ticket_of(item) if item else None

    def finish(
        self, ticket: Ticket, staff_id: int, interaction_id: int | None = None, *, now: dt.datetime | None = None
    ) -> WorkItemView:
        return self._work.complete(ticket.work_item_id, staff_id, interaction_id, now=now)

    def finish_visit(
        self,
        ticket: Ticket,
        draft: InteractionDraft,
        log: InteractionLog,
        staff: StaffMember,
        *,
        now: dt.datetime | None = None,
    ) -> FinishedVisit:
        """Log the visit (:meth:`InteractionLog.save_in`) and close the ticket, in one transaction: a
        visit is never logged with its ticket still open, nor closed without its contact."""
        now = aware_utc(now)
        with self._db.session() as s, s.begin():
            saved = log.save_in(s, draft, agent_id=staff.id, actor=staff.username, ended_at=now)
            change_held(s, ticket.work_item_id, staff.id, completed(saved.id, now))
            return FinishedVisit(saved, ticket.queue_id)

    def _next_number(self, s: Session, letter: str, now: dt.datetime) -> int:
        day = now.astimezone(HELSINKI).date()
        dialect = postgresql if self._db.dialect == "postgresql" else sqlite
        stmt = dialect.insert(TicketCounter).values(letter=letter, day=day, last_number=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[TicketCounter.letter, TicketCounter.day],
            set_={"last_number": TicketCounter.last_number + 1},
        )
        number: int = s.execute(stmt.returning(TicketCounter.last_number)).scalar_one()
        return number


def ticket_of(item: WorkItemView) -> Ticket:
    return Ticket(
        number=item.external_ref,
        work_item_id=item.id,
        queue_id=item.queue_id,
        created_at=item.created_at,
        customer_id=item.customer_id,
        called_at=item.answered_at,
        called_by=item.claimed_by,
        service_point=item.service_point,
    )


def interaction_draft(
    ticket: Ticket,
    *,
    topic: str = "",
    outcome: Outcome | None = None,
    customer_id: int | None = None,
    department_id: int | None = None,
    notes: str = "",
) -> InteractionDraft:
    """The walk-in visit as an interaction draft: channel walk_in, the ticket number as external
    reference, started when the visitor was called (or when the ticket was drawn)."""
    return InteractionDraft(
        channel=Channel.WALK_IN,
        started_at=ticket.called_at or ticket.created_at,
        customer_id=customer_id if customer_id is not None else ticket.customer_id,
        direction=Direction.INBOUND,
        topic=topic,
        department_id=department_id,
        notes=notes,
        outcome=outcome,
        external_ref=ticket.number,
    )
