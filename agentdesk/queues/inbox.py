"""One work inbox for an agent: the items of every queue they are a member of (phone, e-mail, walk-in,
web), "Next", transfers with a note, and wrap-up codes. Qt-free; every method reads or writes the
database, so the desk calls them off the UI thread.

Routing (:meth:`Inbox.next`): of the waiting items in the agent's queues that the agent may take —
the item needs no skill (``work_item.skill = ''``) or the agent's membership of that queue has the
skill (``queue_member_skill``) — the smallest ``priority`` first, then the oldest, then the lowest id.
The claim is one ``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`` on PostgreSQL
and the same statement, first in its transaction (so holding the write lock), on SQLite: as safe under
concurrency as :meth:`agentdesk.queues.WorkQueue.claim_next` (no item to two agents, none lost).
Items whose lease ran out (a crashed desk) go back to their place in line first, in the same
transaction — at most every 5 s per desk, and always when nothing else waits — so a Next is
usually one statement and a commit.

A transfer hands a held item on: to another queue (it waits there at its old place in line, its age
kept), or to another agent (it is offered to them under a longer lease; when they do not take it, it
goes back to its queue as any expired lease does). Each transfer is kept with its note
(``work_item_transfer``); the inbox shows an item's latest note. The note is stored, never logged.

Wrap-up (:meth:`Inbox.wrap_up`) completes a held item with one of the wrap-up codes (the profile's ``[work]``,
:mod:`agentdesk.deployment.profile_work`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, Table, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Update
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.selectable import FromClause

from agentdesk.changes import Changes
from agentdesk.deployment.profile_work import DEFAULT_WRAP_UP_CODES
from agentdesk.queues.work_queue import (
    BACK_TO_WAITING,
    DEFAULT_LEASE_SECONDS,
    ITEMS,
    VIEW_TABLE_COLUMNS,
    LeaseLost,
    WorkItemView,
    aware_utc,
    change_held,
    completed,
    requeue_expired_in,
    view_of,
)
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Queue,
    QueueMember,
    QueueMemberSkill,
    StaffUser,
    UTCDateTime,
    WorkItemState,
    WorkItemTransfer,
)

REQUEUE_EVERY_SECONDS = 5  # a desk returns expired leases before a Next at most this often (or when none waits)
TRANSFER_LEASE_SECONDS = 15 * 60  # an item transferred to an agent waits this long for them
MAX_NOTE = 500
_HELD = (WorkItemState.OFFERED, WorkItemState.IN_PROGRESS)


def _table(mapped: type[QueueMember | QueueMemberSkill | WorkItemTransfer]) -> Table:
    table = mapped.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{mapped.__name__} is not mapped to a table")
    return table


_MEMBERS = _table(QueueMember)
_SKILLS = _table(QueueMemberSkill)
_TRANSFERS = _table(WorkItemTransfer)


class Refusal(str, enum.Enum):
    NO_TARGET = "no_target"  # neither a queue nor an agent to transfer to
    SAME_QUEUE = "same_queue"  # transferred to the queue it is in, to nobody
    UNKNOWN_QUEUE = "unknown_queue"  # no such queue, or it is closed
    UNKNOWN_AGENT = "unknown_agent"  # no such agent, or not active
    NOTE_TOO_LONG = "note_too_long"
    UNKNOWN_CODE = "unknown_code"  # not one of the wrap-up codes


class InboxRefused(ValueError):
    """A transfer or wrap-up that cannot be done as asked; ``reason`` says why (the desk words it)."""

    def __init__(self, reason: Refusal, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class InboxItem:
    item: WorkItemView
    queue_code: str
    queue_name: str
    note: str  # the latest transfer's note, "" if none


@dataclass(frozen=True, slots=True)
class InboxView:
    held: tuple[InboxItem, ...]  # what the agent holds now (offered to them, or in progress)
    waiting: tuple[InboxItem, ...]  # what waits in their queues for them, in the order Next takes it
    waiting_total: int  # how many wait for them in all (``waiting`` is the first ones)


@dataclass(frozen=True, slots=True)
class InboxChange:
    """What Next, a transfer or a wrap-up did: the item as it is now, and the queues it changed."""

    item: WorkItemView
    changes: Changes


class Inbox:
    def __init__(self, db: Database, *, wrap_up_codes: Sequence[str] = DEFAULT_WRAP_UP_CODES) -> None:
        self._db = db
        self.wrap_up_codes = tuple(wrap_up_codes)
        self._requeued_at: dt.datetime | None = None  # when this desk last returned expired leases

    # -- reading ---------------------------------------------------------------------------------

    def view(self, staff_id: int, *, limit: int = 50) -> InboxView:
        latest_note = (
            select(_TRANSFERS.c.note)
            .where(_TRANSFERS.c.item_id == ITEMS.c.id)
            .order_by(_TRANSFERS.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        base = select(*VIEW_TABLE_COLUMNS, Queue.code, Queue.name, func.coalesce(latest_note, "")).join(
            Queue, Queue.id == ITEMS.c.queue_id
        )
        routable = (ITEMS.c.state == WorkItemState.WAITING, _member_of(ITEMS, staff_id), _skilled(ITEMS, staff_id))
        with self._db.session() as s:
            held = s.execute(
                base.where(ITEMS.c.claimed_by == staff_id, ITEMS.c.state.in_(_HELD)).order_by(
                    ITEMS.c.claimed_at, ITEMS.c.id
                )
            ).all()
            waiting = s.execute(
                base.where(*routable).order_by(ITEMS.c.priority, ITEMS.c.created_at, ITEMS.c.id).limit(limit)
            ).all()
            total = s.scalar(select(func.count()).select_from(ITEMS).where(*routable)) or 0
        return InboxView(tuple(map(_inbox_item, held)), tuple(map(_inbox_item, waiting)), total)

    def transfers(self, item_id: int) -> list[tuple[dt.datetime, int, int, int | None, str]]:
        """An item's transfers, oldest first: (at, from staff, to queue, to staff, note)."""
        with self._db.session() as s:
            rows = s.execute(
                select(
                    _TRANSFERS.c.at,
                    _TRANSFERS.c.from_staff_id,
                    _TRANSFERS.c.to_queue_id,
                    _TRANSFERS.c.to_staff_id,
                    _TRANSFERS.c.note,
                )
                .where(_TRANSFERS.c.item_id == item_id)
                .order_by(_TRANSFERS.c.id)
            ).all()
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    # -- Next ------------------------------------------------------------------------------------

    def next(
        self,
        staff_id: int,
        *,
        lease_seconds: int = DEFAULT_LEASE_SECONDS,
        answer: bool = True,
        now: dt.datetime | None = None,
    ) -> InboxChange | None:
        """Claim the item the routing picks for the agent (None: nothing waits for them). With
        ``answer`` (the default: the agent asked for it) it is in progress at once."""
        if lease_seconds <= 0:
            raise ValueError("lease_seconds must be positive")
        now = aware_utc(now)
        params = {
            "p_staff": staff_id,
            "p_now": now,
            "p_lease_until": now + dt.timedelta(seconds=lease_seconds),
            "p_state": WorkItemState.IN_PROGRESS if answer else WorkItemState.OFFERED,
            "p_answered_at": now if answer else None,
        }
        with self._db.session() as s, s.begin():
            if self._requeued_at is None or abs((now - self._requeued_at).total_seconds()) >= REQUEUE_EVERY_SECONDS:
                self._requeued_at = now
                requeue_expired_in(s, now)  # a crashed desk's item goes back to its place in line
            row = s.execute(_next_statement(self._db.dialect), params).first()
            if row is None and requeue_expired_in(s, now):  # nothing else waits: an expired lease is next
                row = s.execute(_next_statement(self._db.dialect), params).first()
            if row is None:
                return None
            item = view_of(row)
            return InboxChange(item, Changes.of(queues=[item.queue_id]))

    # -- transfer and wrap-up --------------------------------------------------------------------

    def transfer(
        self,
        item_id: int,
        staff_id: int,
        *,
        to_queue_id: int | None = None,
        to_staff_id: int | None = None,
        note: str = "",
        now: dt.datetime | None = None,
    ) -> InboxChange:
        """Hand a held item on to another queue (waiting there) or agent (offered to them), with a note."""
        note = note.strip()
        if len(note) > MAX_NOTE:
            raise InboxRefused(Refusal.NOTE_TOO_LONG, f"{len(note)} characters, at most {MAX_NOTE}")
        if to_queue_id is None and to_staff_id is None:
            raise InboxRefused(Refusal.NO_TARGET)
        now = aware_utc(now)
        with self._db.session() as s, s.begin():
            _lock_for_write(s)
            held = s.execute(
                select(ITEMS.c.queue_id).where(
                    ITEMS.c.id == item_id, ITEMS.c.claimed_by == staff_id, ITEMS.c.state.in_(_HELD)
                )
            ).first()
            if held is None:
                raise LeaseLost(item_id, staff_id)
            from_queue = held[0]
            target_queue = from_queue if to_queue_id is None else to_queue_id
            if to_staff_id is None and target_queue == from_queue:
                raise InboxRefused(Refusal.SAME_QUEUE)
            queue = s.get(Queue, target_queue)
            if queue is None or not queue.active:
                raise InboxRefused(Refusal.UNKNOWN_QUEUE, str(target_queue))
            if to_staff_id is not None:
                agent = s.get(StaffUser, to_staff_id)
                if agent is None or not agent.active:
                    raise InboxRefused(Refusal.UNKNOWN_AGENT, str(to_staff_id))
                values: dict[str, object] = {
                    "queue_id": target_queue,
                    "state": WorkItemState.OFFERED,
                    "claimed_by": to_staff_id,
                    "claimed_at": now,
                    "lease_until": now + dt.timedelta(seconds=TRANSFER_LEASE_SECONDS),
                }
            else:
                values = {**BACK_TO_WAITING, "queue_id": target_queue}
            item = change_held(s, item_id, staff_id, values)
            s.execute(
                insert(_TRANSFERS).values(
                    item_id=item_id,
                    at=now,
                    from_staff_id=staff_id,
                    from_queue_id=from_queue,
                    to_queue_id=target_queue,
                    to_staff_id=to_staff_id,
                    note=note,
                )
            )
            return InboxChange(item, Changes.of(queues={from_queue, target_queue}))

    def wrap_up(
        self,
        item_id: int,
        staff_id: int,
        code: str,
        *,
        interaction_id: int | None = None,
        now: dt.datetime | None = None,
    ) -> InboxChange:
        """Finish a held item with a wrap-up code."""
        if code not in self.wrap_up_codes:
            raise InboxRefused(Refusal.UNKNOWN_CODE, code)
        with self._db.session() as s, s.begin():
            values = {**completed(interaction_id, aware_utc(now)), "wrap_up_code": code}
            item = change_held(s, item_id, staff_id, values)
            return InboxChange(item, Changes.of(queues=[item.queue_id]))


def _inbox_item(row: Sequence[object]) -> InboxItem:
    n = len(VIEW_TABLE_COLUMNS)
    code, name, note = row[n], row[n + 1], row[n + 2]
    return InboxItem(view_of(row[:n]), str(code), str(name), str(note or ""))


def _member_of(items: FromClause, staff_id: int | BindParameter[int]) -> ColumnElement[bool]:
    return items.c.queue_id.in_(select(_MEMBERS.c.queue_id).where(_MEMBERS.c.staff_id == staff_id))


def _skilled(items: FromClause, staff_id: int | BindParameter[int]) -> ColumnElement[bool]:
    return or_(
        items.c.skill == "",
        exists().where(
            _SKILLS.c.queue_id == items.c.queue_id, _SKILLS.c.staff_id == staff_id, _SKILLS.c.skill == items.c.skill
        ),
    )


def _lock_for_write(s: Session) -> None:
    """SQLite: take the write lock before the first read (PostgreSQL's UPDATE locks the row)."""
    if s.get_bind().dialect.name == "sqlite":
        s.connection().exec_driver_sql("BEGIN IMMEDIATE")


@functools.cache
def _next_statement(dialect: str) -> Update:
    candidate = ITEMS.alias("candidate")
    staff = bindparam("p_staff", type_=Integer)
    pick = (
        select(candidate.c.id)
        .where(candidate.c.state == WorkItemState.WAITING, _member_of(candidate, staff), _skilled(candidate, staff))
        .order_by(candidate.c.priority, candidate.c.created_at, candidate.c.id)
        .limit(1)
    )
    if dialect == "postgresql":
        pick = pick.with_for_update(skip_locked=True, of=candidate)
    return (
        update(ITEMS)
        .where(ITEMS.c.id == pick.scalar_subquery(), ITEMS.c.state == WorkItemState.WAITING)
        .values(
            state=bindparam("p_state", type_=ITEMS.c.state.type),
            claimed_by=staff,
            claimed_at=bindparam("p_now", type_=UTCDateTime),
            answered_at=bindparam("p_answered_at", type_=UTCDateTime),
            lease_until=bindparam("p_lease_until", type_=UTCDateTime),
            service_point="",
            attempts=ITEMS.c.attempts + 1,
        )
        .returning(*VIEW_TABLE_COLUMNS)
    )
