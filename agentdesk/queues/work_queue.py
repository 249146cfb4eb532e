"""Work items from every channel, queued and handed to agents one at a time.

Life of an item::

    waiting               --claim_next-->               offered (in_progress with answer=True)
    offered               --answer-->                   in_progress
    offered, in_progress  --complete-->                 done (from offered: answered now)
    offered, in_progress  --release, expired lease-->   waiting, at its old place in line
    waiting, offered      --abandon-->                  abandoned (the customer gave up)

``claim_next`` hands out the most urgent waiting item (smallest ``priority``, then oldest) under a
lease. It is safe when many workstations claim at once — no item goes to two agents and none is
lost — with one code path per database behind one method:

- PostgreSQL: ``UPDATE work_item SET ... WHERE id = (SELECT id ... ORDER BY priority, created_at, id
  LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING ...``: claimers skip rows another claimer has locked
  instead of waiting for them.
- SQLite (one writer at a time): the same single ``UPDATE ... WHERE id = (SELECT ...) AND
  state = 'waiting' RETURNING ...`` without the lock clause. The transaction's first statement is a
  write, so it takes the database write lock (waiting on ``busy_timeout``) before it reads anything.

A workstation holding an item renews its lease with ``heartbeat``; when it crashes, the lease runs
out and ``requeue_expired`` puts the item back at its old place in the queue. ``claim_next`` does
that first, in the same transaction, so an item is never stranded even if no timer runs.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, overload

from sqlalchemy import Integer, String, Table, bindparam, func, insert, literal, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Update

from agentdesk.queues.queue_directory import UnknownQueue, to_info
from agentdesk.queues.working_hours import OFFICE_HOURS, WorkingHours
from agentdesk.storage.database import Database
from agentdesk.storage.models import Base, Channel, Queue, QueueMember, UTCDateTime, WorkItem, WorkItemState, utcnow

log = logging.getLogger(__name__)

DEFAULT_LEASE_SECONDS = 120
DEFAULT_PRIORITY = 5  # smaller is served first

_HELD = (WorkItemState.OFFERED, WorkItemState.IN_PROGRESS)


@dataclass(frozen=True, slots=True)
class WorkItemView:
    id: int
    queue_id: int
    channel: Channel
    state: WorkItemState
    customer_id: int | None
    external_ref: str
    subject: str
    priority: int
    created_at: dt.datetime
    due_at: dt.datetime
    claimed_by: int | None
    claimed_at: dt.datetime | None
    lease_until: dt.datetime | None
    answered_at: dt.datetime | None
    finished_at: dt.datetime | None
    attempts: int
    service_point: str
    interaction_id: int | None
    skill: str = ""  # "": any member of the queue; else only members with this skill
    wrap_up_code: str = ""  # how the agent closed it (agentdesk.queues.inbox)

    def waited_seconds(self, now: dt.datetime) -> float:
        """Wall-clock wait from arrival to the answer (or to ``now`` while unanswered)."""
        end = self.answered_at or self.finished_at or now
        return max(0.0, (end - self.created_at).total_seconds())


VIEW_COLUMNS = tuple(getattr(WorkItem, f.name) for f in fields(WorkItemView))
# The state changes below use the Core table: an update per claim or completion without ORM work.


def _table_of(mapped: type[Base]) -> Table:
    """A mapped class's Core table (``__table__`` is typed as any FromClause)."""
    table = mapped.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{mapped.__name__} is not mapped to a table")
    return table


_ITEMS = _table_of(WorkItem)
_VIEW_TABLE_COLUMNS = tuple(_ITEMS.c[f.name] for f in fields(WorkItemView))


def view_of(row: Sequence[Any]) -> WorkItemView:
    return WorkItemView(*row)


@dataclass(frozen=True, slots=True)
class NewWorkItem:
    """A contact arriving from a channel adapter."""

    external_ref: str = ""  # call unique id, Message-ID, ticket number
    subject: str = ""  # only what the channel gives (e-mail subject, IVR choice); no extra personal data
    customer_id: int | None = None
    priority: int = DEFAULT_PRIORITY
    arrived_at: dt.datetime | None = None  # default: now
    skill: str = ""  # a skill the agent needs ("sv", "benefits"); "": anyone in the queue


class LeaseLost(RuntimeError):
    """The item is no longer held by this agent (its lease ran out and it went back to the queue,
    or it was finished, released or abandoned meanwhile)."""

    def __init__(self, item_id: int, staff_id: int | None) -> None:
        super().__init__(f"work item {item_id} is not held by staff {staff_id}")
        self.item_id = item_id
        self.staff_id = staff_id


class WorkQueue:
    def __init__(self, db: Database, *, hours: WorkingHours = OFFICE_HOURS) -> None:
        self._db = db
        self._hours = hours

    # --- arrival ---------------------------------------------------------------------------

    def enqueue(
        self,
        queue_id: int,
        *,
        external_ref: str = "",
        subject: str = "",
        customer_id: int | None = None,
        priority: int = DEFAULT_PRIORITY,
        arrived_at: dt.datetime | None = None,
        skill: str = "",
    ) -> WorkItemView:
        item = NewWorkItem(external_ref, subject, customer_id, priority, arrived_at, skill[:32])
        with self._db.session() as s, s.begin():
            return add_items(s, queue_id, [item], self._hours, returning=True)[0]

    def enqueue_many(self, queue_id: int, items: Iterable[NewWorkItem]) -> int:
        """Queue a batch (a mailbox backlog, an import) in one transaction; returns how many."""
        with self._db.session() as s, s.begin():
            return len(add_items(s, queue_id, list(items), self._hours, returning=False))

    # --- claiming --------------------------------------------------------------------------

    def claim_next(
        self,
        staff_id: int,
        queue_ids: Sequence[int] | None = None,
        lease_seconds: int = DEFAULT_LEASE_SECONDS,
        *,
        answer: bool = False,
        service_point: str = "",
        now: dt.datetime | None = None,
    ) -> WorkItemView | None:
        """Give the agent the most urgent waiting item of the queues (``None``: the queues the agent
        is a member of), or None when nothing waits.

        The item is ``offered`` under a lease of ``lease_seconds``; with ``answer=True`` it goes
        straight to ``in_progress`` (a called walk-in ticket, an opened e-mail).
        """
        if lease_seconds <= 0:
            raise ValueError("lease_seconds must be positive")
        if queue_ids is not None and not queue_ids:
            return None
        now = aware_utc(now)
        params = {
            "p_staff": staff_id,
            "p_now": now,
            "p_lease_until": now + dt.timedelta(seconds=lease_seconds),
            "p_state": WorkItemState.IN_PROGRESS if answer else WorkItemState.OFFERED,
            "p_answered_at": now if answer else None,
            "p_service_point": service_point,
        }
        if queue_ids is not None:
            params["p_queue_ids"] = list(queue_ids)
        with self._db.session() as s, s.begin():
            _requeue_expired(s, now)
            row = s.execute(_claim_statement(self._db.dialect, by_membership=queue_ids is None), params).first()
            return view_of(row) if row else None

    def answer(self, item_id: int, staff_id: int, *, now: dt.datetime | None = None) -> WorkItemView:
        """The agent picked up the offered call (or sent the first reply): the wait ends now."""
        now = aware_utc(now)
        return self._change_held(
            item_id,
            staff_id,
            {
                "state": WorkItemState.IN_PROGRESS,
                "answered_at": func.coalesce(_ITEMS.c.answered_at, literal(now, UTCDateTime)),
            },
        )

    def heartbeat(
        self, item_id: int, staff_id: int, lease_seconds: int = DEFAULT_LEASE_SECONDS, *, now: dt.datetime | None = None
    ) -> dt.datetime:
        """Extend the lease; returns the new expiry. Raises :class:`LeaseLost` if the item was taken back."""
        now = aware_utc(now)
        view = self._change_held(item_id, staff_id, {"lease_until": now + dt.timedelta(seconds=lease_seconds)})
        assert view.lease_until is not None
        return view.lease_until

    def complete(
        self, item_id: int, staff_id: int, interaction_id: int | None = None, *, now: dt.datetime | None = None
    ) -> WorkItemView:
        """Finish the item; an item completed straight from ``offered`` counts as answered now."""
        return self._change_held(item_id, staff_id, completed(interaction_id, aware_utc(now)))

    def release(self, item_id: int, staff_id: int | None = None) -> WorkItemView:
        """Put a held item back in the queue at its old place (declined, not answered, wrong queue).
        With ``staff_id`` only that agent's item is released."""
        return self._change_held(item_id, staff_id, _BACK_TO_WAITING)

    def abandon(self, item_id: int, *, now: dt.datetime | None = None) -> bool:
        """The customer gave up before being answered (caller hung up). False if the item was already
        answered or finished, which leaves it unchanged."""
        now = aware_utc(now)
        with self._db.session() as s, s.begin():
            done = s.execute(
                update(_ITEMS)
                .where(_ITEMS.c.id == item_id, _ITEMS.c.state.in_([WorkItemState.WAITING, WorkItemState.OFFERED]))
                .values(state=WorkItemState.ABANDONED, finished_at=now, lease_until=None)
                .returning(_ITEMS.c.id)
            ).first()
            return done is not None

    def requeue_expired(self, now: dt.datetime | None = None) -> list[int]:
        """Return items whose lease ran out (a crashed or disconnected workstation) to waiting."""
        with self._db.session() as s, s.begin():
            return _requeue_expired(s, aware_utc(now))

    # --- reading ---------------------------------------------------------------------------

    def get(self, item_id: int) -> WorkItemView | None:
        with self._db.session() as s:
            row = s.execute(select(*VIEW_COLUMNS).where(WorkItem.id == item_id)).first()
            return view_of(row) if row else None

    def find(self, external_ref: str, channel: Channel | None = None) -> WorkItemView | None:
        """The newest item with this call id / Message-ID / ticket number."""
        query = select(*VIEW_COLUMNS).where(WorkItem.external_ref == external_ref)
        if channel is not None:
            query = query.where(WorkItem.channel == channel)
        with self._db.session() as s:
            row = s.execute(query.order_by(WorkItem.created_at.desc(), WorkItem.id.desc()).limit(1)).first()
            return view_of(row) if row else None

    def held_by(self, staff_id: int) -> list[WorkItemView]:
        """Items the agent holds now (after a restart of the desk, to resume them)."""
        with self._db.session() as s:
            rows = s.execute(
                select(*VIEW_COLUMNS)
                .where(WorkItem.claimed_by == staff_id, WorkItem.state.in_(_HELD))
                .order_by(WorkItem.claimed_at, WorkItem.id)
            )
            return [view_of(r) for r in rows]

    # --- internals -------------------------------------------------------------------------

    def _change_held(self, item_id: int, staff_id: int | None, values: dict[str, Any]) -> WorkItemView:
        with self._db.session() as s, s.begin():
            return change_held(s, item_id, staff_id, values)


def change_held(s: Session, item_id: int, staff_id: int | None, values: dict[str, Any]) -> WorkItemView:
    """Update a held item (of ``staff_id`` if given) in the caller's transaction; :class:`LeaseLost` if none."""
    query = update(_ITEMS).where(_ITEMS.c.id == item_id, _ITEMS.c.state.in_(_HELD))
    if staff_id is not None:
        query = query.where(_ITEMS.c.claimed_by == staff_id)
    row = s.execute(query.values(**values).returning(*_VIEW_TABLE_COLUMNS)).first()
    if row is None:
        raise LeaseLost(item_id, staff_id)
    return view_of(row)


def completed(interaction_id: int | None, now: dt.datetime) -> dict[str, Any]:
    """The values that finish a held item; one completed straight from ``offered`` counts as answered now."""
    return {
        "state": WorkItemState.DONE,
        "finished_at": now,
        "lease_until": None,
        "interaction_id": interaction_id,
        "answered_at": func.coalesce(_ITEMS.c.answered_at, literal(now, UTCDateTime)),
    }


def aware_utc(value: dt.datetime | None) -> dt.datetime:
    """``value`` in UTC (now when None); a naive time is refused, as the storage layer does."""
    if value is None:
        return utcnow()
    if value.tzinfo is None:
        raise ValueError("naive datetime given; AgentDesk works with aware times")
    return value.astimezone(dt.UTC)


_BACK_TO_WAITING = {
    "state": WorkItemState.WAITING,
    "claimed_by": None,
    "claimed_at": None,
    "lease_until": None,
    "answered_at": None,
    "service_point": "",
}


def requeue_expired_in(s: Session, now: dt.datetime) -> list[int]:
    """Return expired leases to waiting in the caller's transaction (the inbox's claim does it first too)."""
    return _requeue_expired(s, now)


BACK_TO_WAITING = _BACK_TO_WAITING
VIEW_TABLE_COLUMNS = _VIEW_TABLE_COLUMNS
ITEMS = _ITEMS


def _requeue_expired(s: Session, now: dt.datetime) -> list[int]:
    ids = list(s.scalars(_requeue_statement(s.get_bind().dialect.name), {"p_now": now}))
    if ids:
        log.info(
            "returned %d work item(s) with an expired lease to their queues: %s",
            len(ids),
            ", ".join(map(str, sorted(ids))),
        )
    return ids


# The statements run on every claim are built once per dialect, with bind parameters, so a claim
# costs two cached statements and no statement construction.


@functools.cache
def _claim_statement(dialect: str, *, by_membership: bool) -> Update:
    candidate = _ITEMS.alias("candidate")
    if by_membership:
        members = QueueMember.__table__
        in_queues = candidate.c.queue_id.in_(
            select(members.c.queue_id).where(members.c.staff_id == bindparam("p_staff", type_=Integer))
        )
    else:
        in_queues = candidate.c.queue_id.in_(bindparam("p_queue_ids", expanding=True, type_=Integer))
    pick = (
        select(candidate.c.id)
        .where(candidate.c.state == WorkItemState.WAITING, in_queues)
        .order_by(candidate.c.priority, candidate.c.created_at, candidate.c.id)
        .limit(1)
    )
    if dialect == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    state_type = _ITEMS.c.state.type
    return (
        update(_ITEMS)
        .where(_ITEMS.c.id == pick.scalar_subquery(), _ITEMS.c.state == WorkItemState.WAITING)
        .values(
            state=bindparam("p_state", type_=state_type),
            claimed_by=bindparam("p_staff", type_=Integer),
            claimed_at=bindparam("p_now", type_=UTCDateTime),
            answered_at=bindparam("p_answered_at", type_=UTCDateTime),
            lease_until=bindparam("p_lease_until", type_=UTCDateTime),
            service_point=bindparam("p_service_point", type_=String),
            attempts=_ITEMS.c.attempts + 1,
        )
        .returning(*_VIEW_TABLE_COLUMNS)
    )


@functools.cache
def _requeue_statement(dialect: str) -> Update:
    held = _ITEMS.alias("held")
    expired = select(held.c.id).where(
        held.c.lease_until < bindparam("p_now", type_=UTCDateTime), held.c.state.in_(_HELD)
    )
    if dialect == "postgresql":
        expired = expired.with_for_update(skip_locked=True)
    return update(_ITEMS).where(_ITEMS.c.id.in_(expired)).values(**_BACK_TO_WAITING).returning(_ITEMS.c.id)


@overload
def add_items(
    s: Session, queue_id: int, items: Sequence[NewWorkItem], hours: WorkingHours, *, returning: Literal[True]
) -> list[WorkItemView]: ...
@overload
def add_items(
    s: Session, queue_id: int, items: Sequence[NewWorkItem], hours: WorkingHours, *, returning: Literal[False]
) -> list[dict[str, Any]]: ...
def add_items(
    s: Session, queue_id: int, items: Sequence[NewWorkItem], hours: WorkingHours, *, returning: bool
) -> list[WorkItemView] | list[dict[str, Any]]:
    """Insert items into a queue (channel and service-level deadline from the queue); one statement."""
    row = s.get(Queue, queue_id)
    if row is None:
        raise UnknownQueue(queue_id)
    queue = to_info(row)
    now = utcnow()
    values: list[dict[str, Any]] = []
    for item in items:
        arrived = aware_utc(item.arrived_at or now)
        values.append(
            {
                "queue_id": queue_id,
                "channel": queue.channel,
                "customer_id": item.customer_id,
                "external_ref": item.external_ref[:128],
                "subject": item.subject[:200],
                "priority": item.priority,
                "state": WorkItemState.WAITING,
                "created_at": arrived,
                "due_at": queue.due_at(arrived, hours),
                "attempts": 0,
                "service_point": "",
                "skill": item.skill[:32],
                "wrap_up_code": "",
            }
        )
    if not values:
        return []
    if returning:
        rows = s.execute(insert(WorkItem).values(values).returning(*VIEW_COLUMNS))
        return [view_of(r) for r in rows]
    s.execute(insert(WorkItem), values)
    return values
