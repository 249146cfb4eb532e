"""Queues per department or service and channel, their service-level targets and alarm thresholds,
and which staff work which queues.

A target reads "``target_share`` of the contacts answered within ``target_seconds``": phone 80 % in
20 s, walk-in 80 % in 15 min. With ``working_hours`` the seconds are counted in office time
(:mod:`agentdesk.queues.working_hours`), as for e-mail: "first reply within 8 working hours" is
``target_seconds = 8 * 3600`` and ``working_hours = True``.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from agentdesk.queues.working_hours import OFFICE_HOURS, WorkingHours
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, Queue, QueueMember, QueueMemberSkill, StaffUser

_LETTER = re.compile(r"[A-Z]{1,2}")


@dataclass(frozen=True, slots=True)
class QueueSpec:
    """What a new queue is: the fields an administrator fills in."""

    code: str
    name: str
    channel: Channel
    target_seconds: int
    target_share: float = 0.8
    department_id: int | None = None
    working_hours: bool = False
    alarm_waiting: int | None = None
    alarm_longest_wait_seconds: int | None = None
    ticket_letter: str = ""

    @classmethod
    def email(cls, code: str, name: str, *, hours: float, share: float = 0.8, **more: Any) -> QueueSpec:
        """An e-mail queue whose target is a first reply within ``hours`` working hours."""
        return cls(
            code,
            name,
            Channel.EMAIL,
            target_seconds=round(hours * 3600),
            target_share=share,
            working_hours=True,
            **more,
        )


@dataclass(frozen=True, slots=True)
class QueueInfo:
    id: int
    code: str
    name: str
    department_id: int | None
    channel: Channel
    target_seconds: int
    target_share: float
    working_hours: bool
    alarm_waiting: int | None
    alarm_longest_wait_seconds: int | None
    ticket_letter: str
    active: bool

    def due_at(self, arrived: dt.datetime, hours: WorkingHours = OFFICE_HOURS) -> dt.datetime:
        """The service-level deadline of a contact that arrived at ``arrived``."""
        if self.working_hours:
            return hours.add(arrived, self.target_seconds)
        return (arrived + dt.timedelta(seconds=self.target_seconds)).astimezone(dt.UTC)

    def waited_seconds(self, arrived: dt.datetime, until: dt.datetime, hours: WorkingHours = OFFICE_HOURS) -> float:
        """How long a contact has waited as the target counts it (office time for working-hours queues)."""
        if self.working_hours:
            return hours.seconds_between(arrived, until)
        return max(0.0, (until - arrived).total_seconds())


class QueueInvalid(ValueError):
    """Field → message for everything wrong with a queue definition."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class UnknownQueue(LookupError):
    pass


def check(spec: QueueSpec) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not spec.code.strip():
        errors["code"] = "give the queue a code"
    elif len(spec.code) > 32:
        errors["code"] = "the code is limited to 32 characters"
    if not spec.name.strip():
        errors["name"] = "give the queue a name"
    if spec.target_seconds <= 0:
        errors["target_seconds"] = "the target time must be positive"
    if not 0 < spec.target_share <= 1:
        errors["target_share"] = "the target share must be more than 0 and at most 1 (e.g. 0.80)"
    for name in ("alarm_waiting", "alarm_longest_wait_seconds"):
        value = getattr(spec, name)
        if value is not None and value <= 0:
            errors[name] = "an alarm threshold must be positive (or empty for no alarm)"
    if spec.channel is Channel.WALK_IN:
        if not _LETTER.fullmatch(spec.ticket_letter):
            errors["ticket_letter"] = "a walk-in queue needs a ticket letter (one or two capital letters A–Z)"
    elif spec.ticket_letter:
        errors["ticket_letter"] = "only walk-in queues issue tickets"
    return errors


class QueueDirectory:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, spec: QueueSpec) -> QueueInfo:
        errors = check(spec)
        if errors:
            raise QueueInvalid(errors)
        try:
            with self._db.session() as s, s.begin():
                row = Queue(
                    code=spec.code.strip(),
                    name=spec.name.strip(),
                    department_id=spec.department_id,
                    channel=spec.channel,
                    target_seconds=spec.target_seconds,
                    target_share=spec.target_share,
                    working_hours=spec.working_hours,
                    alarm_waiting=spec.alarm_waiting,
                    alarm_longest_wait_seconds=spec.alarm_longest_wait_seconds,
                    ticket_letter=spec.ticket_letter,
                    active=True,
                )
                s.add(row)
                s.flush()
                return to_info(row)
        except IntegrityError:
            raise QueueInvalid({"code": f"the code {spec.code!r} is already used"}) from None

    def set_target(
        self,
        queue_id: int,
        *,
        target_seconds: int | None = None,
        target_share: float | None = None,
        alarm_waiting: int | None = None,
        alarm_longest_wait_seconds: int | None = None,
    ) -> QueueInfo:
        """Change the target or alarm thresholds. Items already queued keep the deadline they got on arrival."""
        with self._db.session() as s, s.begin():
            row = s.get(Queue, queue_id)
            if row is None:
                raise UnknownQueue(queue_id)
            info = to_info(row)
            spec = QueueSpec(
                info.code,
                info.name,
                info.channel,
                target_seconds if target_seconds is not None else info.target_seconds,
                target_share if target_share is not None else info.target_share,
                info.department_id,
                info.working_hours,
                alarm_waiting if alarm_waiting is not None else info.alarm_waiting,
                alarm_longest_wait_seconds
                if alarm_longest_wait_seconds is not None
                else info.alarm_longest_wait_seconds,
                info.ticket_letter,
            )
            errors = check(spec)
            if errors:
                raise QueueInvalid(errors)
            row.target_seconds, row.target_share = spec.target_seconds, spec.target_share
            row.alarm_waiting, row.alarm_longest_wait_seconds = spec.alarm_waiting, spec.alarm_longest_wait_seconds
            return to_info(row)

    def get(self, queue_id: int) -> QueueInfo:
        with self._db.session() as s:
            row = s.get(Queue, queue_id)
            if row is None:
                raise UnknownQueue(queue_id)
            return to_info(row)

    def by_code(self, code: str) -> QueueInfo | None:
        with self._db.session() as s:
            row = s.scalar(select(Queue).where(Queue.code == code))
            return to_info(row) if row else None

    def list(self, *, active_only: bool = True) -> list[QueueInfo]:
        query = select(Queue).order_by(Queue.name, Queue.id)
        if active_only:
            query = query.where(Queue.active.is_(True))
        with self._db.session() as s:
            return [to_info(q) for q in s.scalars(query)]

    def add_member(self, queue_id: int, staff_id: int, *, skills: Iterable[str] | None = None) -> None:
        """Make the agent a member; with ``skills``, the skills they bring to this queue (replacing any)."""
        with self._db.session() as s, s.begin():
            if s.get(Queue, queue_id) is None:
                raise UnknownQueue(queue_id)
            if s.get(StaffUser, staff_id) is None:
                raise LookupError(f"no staff user {staff_id}")
            if s.get(QueueMember, (queue_id, staff_id)) is None:
                s.add(QueueMember(queue_id=queue_id, staff_id=staff_id))
                s.flush()
            if skills is not None:
                s.execute(
                    delete(QueueMemberSkill).where(
                        QueueMemberSkill.queue_id == queue_id, QueueMemberSkill.staff_id == staff_id
                    )
                )
                s.add_all(
                    QueueMemberSkill(queue_id=queue_id, staff_id=staff_id, skill=skill)
                    for skill in sorted({k.strip()[:32] for k in skills if k.strip()})
                )

    def skills_of(self, queue_id: int, staff_id: int) -> frozenset[str]:
        with self._db.session() as s:
            return frozenset(
                s.scalars(
                    select(QueueMemberSkill.skill).where(
                        QueueMemberSkill.queue_id == queue_id, QueueMemberSkill.staff_id == staff_id
                    )
                )
            )

    def remove_member(self, queue_id: int, staff_id: int) -> None:
        with self._db.session() as s, s.begin():
            s.execute(delete(QueueMember).where(QueueMember.queue_id == queue_id, QueueMember.staff_id == staff_id))

    # builtins.list: inside the class, `list` is the method above.
    def members(self, queue_id: int) -> builtins.list[int]:
        with self._db.session() as s:
            return list(
                s.scalars(
                    select(QueueMember.staff_id).where(QueueMember.queue_id == queue_id).order_by(QueueMember.staff_id)
                )
            )

    def queues_of(self, staff_id: int) -> builtins.list[QueueInfo]:
        with self._db.session() as s:
            rows = s.scalars(
                select(Queue)
                .join(QueueMember, QueueMember.queue_id == Queue.id)
                .where(QueueMember.staff_id == staff_id, Queue.active.is_(True))
                .order_by(Queue.name, Queue.id)
            )
            return [to_info(q) for q in rows]


def to_info(row: Queue) -> QueueInfo:
    return QueueInfo(**{f.name: getattr(row, f.name) for f in fields(QueueInfo)})
