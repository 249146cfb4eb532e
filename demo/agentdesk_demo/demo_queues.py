"""Demo queues with a day of work behind them, so the dashboard looks alive in ``agentdesk demo``.

No Qt here: ``agentdesk demo``, the screenshot script and the dashboard benchmark call
:func:`seed_demo_queues` on a database whose schema is current and whose demo staff exist
(:func:`agentdesk_demo.population.bulk_load.seed_population` makes them).

- Queues of the customer service department: phone "Neuvonta" (80 % within 20 s; alarm at 5
  waiting or a 2-minute wait), e-mail "Sähköposti" (80 % within 8 working hours) and walk-in
  "Palvelupiste" (80 % within 15 min, tickets A001, A002, ...). The AMI simulator's queue of the
  demo is ``neuvonta`` too.
- Every customer-service agent and supervisor (the population's plus a few extra demo agents)
  is a member of all three, with a presence state since a while ago.
- Today's arrivals from the opening (or the last few hours, outside office hours) until now:
  answered, abandoned, still in service and a few waiting now, one of them long enough to turn
  the phone tile red; each finished contact is also logged as an interaction of a random
  customer, so first-contact resolution and the contact charts have something to show.

The rows are written straight into the tables (a few hundred, one transaction); seeding a
second time changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import func, select

from agentdesk.queues import HELSINKI, Presence, QueueDirectory, QueueInfo, QueueSpec
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Channel,
    Customer,
    Department,
    Interaction,
    Outcome,
    PresenceState,
    StaffRole,
    StaffUser,
    TicketCounter,
    WorkItem,
    WorkItemState,
)

PHONE_QUEUE = "neuvonta"  # also the AMI simulator's queue in the demo
EMAIL_QUEUE = "sahkoposti"
WALK_IN_QUEUE = "palvelupiste"

EXTRA_AGENTS = (
    ("agent.eeva", "Eeva Eskola"),
    ("agent.jussi", "Jussi Järvinen"),
    ("agent.kaisa", "Kaisa Koskinen"),
    ("agent.lauri", "Lauri Laine"),
    ("agent.minna", "Minna Mäkelä"),
    ("agent.niko", "Niko Nieminen"),
    ("agent.outi", "Outi Ojala"),
    ("agent.pekka", "Pekka Peltonen"),
    ("agent.riikka", "Riikka Rantanen"),
)
TOPICS = ("general.advice", "water.billing", "waste.pickup", "daycare.application", "school.enrolment")
HOURLY = {Channel.PHONE: 24, Channel.EMAIL: 6, Channel.WALK_IN: 8}


@dataclass(frozen=True)
class DemoQueues:
    phone: QueueInfo
    email: QueueInfo
    walk_in: QueueInfo
    members: tuple[int, ...]
    items: int  # work items written today (0 when the queues already existed)


def seed_demo_queues(db: Database, *, now: dt.datetime | None = None, seed: int = 1) -> DemoQueues:
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    rng = random.Random(seed)
    directory = QueueDirectory(db)
    existing = directory.by_code(PHONE_QUEUE)
    if existing is not None:
        email, walk_in = directory.by_code(EMAIL_QUEUE), directory.by_code(WALK_IN_QUEUE)
        return DemoQueues(existing, email, walk_in, tuple(directory.members(existing.id)), 0)

    with db.session() as s, s.begin():
        dept = s.scalar(select(Department.id).where(Department.code == "customer_service"))
        known = set(s.scalars(select(StaffUser.username)))
        s.add_all(
            [
                StaffUser(username=u, display_name=n, role=StaffRole.AGENT, department_id=dept, active=True)
                for u, n in EXTRA_AGENTS
                if u not in known
            ]
        )
    with db.session() as s:
        members = tuple(
            s.scalars(
                select(StaffUser.id)
                .where(
                    StaffUser.department_id == dept,
                    StaffUser.active.is_(True),
                    StaffUser.role.in_([StaffRole.AGENT, StaffRole.SUPERVISOR]),
                )
                .order_by(StaffUser.id)
            )
        )
        customers = list(s.scalars(select(Customer.id).order_by(func.random()).limit(400)))

    phone = directory.create(
        QueueSpec(
            PHONE_QUEUE,
            "Neuvonta",
            Channel.PHONE,
            target_seconds=20,
            target_share=0.8,
            department_id=dept,
            alarm_waiting=5,
            alarm_longest_wait_seconds=120,
        )
    )
    email = directory.create(
        QueueSpec.email(EMAIL_QUEUE, "Sähköposti", hours=8, share=0.8, department_id=dept, alarm_waiting=25)
    )
    walk_in = directory.create(
        QueueSpec(
            WALK_IN_QUEUE,
            "Palvelupiste",
            Channel.WALK_IN,
            target_seconds=900,
            target_share=0.8,
            department_id=dept,
            alarm_waiting=8,
            alarm_longest_wait_seconds=1800,
            ticket_letter="A",
        )
    )
    for queue in (phone, email, walk_in):
        for staff_id in members:
            directory.add_member(queue.id, staff_id)

    day = now.astimezone(HELSINKI).date()
    opening = dt.datetime.combine(day, dt.time(8, 0), HELSINKI).astimezone(dt.UTC)
    start = opening if now - opening >= dt.timedelta(hours=2) else now - dt.timedelta(hours=4)
    start = max(start, dt.datetime.combine(day, dt.time(0, 0), HELSINKI).astimezone(dt.UTC))
    busy: dict[int, int] = {}  # agent -> the item they serve now
    rows, interactions, tickets = [], [], 0
    for queue in (phone, email, walk_in):
        arrivals = _arrivals(rng, start, now, HOURLY[queue.channel])
        for arrived in arrivals:
            if queue.channel is Channel.WALK_IN:
                tickets += 1
            row = _item(rng, queue, arrived, now, members, busy, tickets, customers)
            rows.append(row)
    # A few callers waiting right now, one for two and a half minutes: the phone tile turns red.
    for seconds in (150, 40, 12):
        rows.append(_waiting(phone, now - dt.timedelta(seconds=seconds)))

    with db.session() as s, s.begin():
        for row in rows:
            s.add(row)
        s.flush()
        for row in rows:
            if row.state is WorkItemState.DONE:
                interaction = Interaction(
                    customer_id=row.customer_id,
                    channel=row.channel,
                    started_at=row.answered_at,
                    ended_at=row.finished_at,
                    agent_id=row.claimed_by,
                    department_id=dept,
                    topic=rng.choice(TOPICS),
                    notes="",
                    external_ref=row.external_ref,
                    outcome=rng.choices(
                        [Outcome.RESOLVED_FIRST_CONTACT, Outcome.FORWARDED, Outcome.UNRESOLVED], [78, 12, 10]
                    )[0],
                )
                interactions.append(interaction)
                s.add(interaction)
        s.flush()
        for row, interaction in zip([r for r in rows if r.state is WorkItemState.DONE], interactions, strict=True):
            row.interaction_id = interaction.id
        if tickets:
            s.add(TicketCounter(letter=walk_in.ticket_letter, day=day, last_number=tickets))

    presence = Presence(db)
    states = [
        PresenceState.AVAILABLE,
        PresenceState.AVAILABLE,
        PresenceState.WRAP_UP,
        PresenceState.BREAK,
        PresenceState.OFFLINE,
    ]
    for staff_id in members:
        state = PresenceState.BUSY if staff_id in busy else rng.choice(states)
        presence.set_state(staff_id, state, now=now - dt.timedelta(seconds=rng.randint(20, 2400)))
    return DemoQueues(phone, email, walk_in, members, len(rows))


def _arrivals(rng: random.Random, start: dt.datetime, end: dt.datetime, per_hour: float) -> list[dt.datetime]:
    out, t = [], start
    while True:
        t += dt.timedelta(seconds=rng.expovariate(per_hour / 3600))
        if t >= end - dt.timedelta(minutes=3):
            return out
        out.append(t)


def _waiting(queue: QueueInfo, arrived: dt.datetime, ref: str = "", customer_id: int | None = None) -> WorkItem:
    return WorkItem(
        queue_id=queue.id,
        channel=queue.channel,
        customer_id=customer_id,
        external_ref=ref,
        subject="",
        priority=5,
        state=WorkItemState.WAITING,
        created_at=arrived,
        due_at=queue.due_at(arrived),
        attempts=0,
        service_point="",
    )


def _item(
    rng: random.Random,
    queue: QueueInfo,
    arrived: dt.datetime,
    now: dt.datetime,
    members: tuple[int, ...],
    busy: dict[int, int],
    ticket: int,
    customers: list[int],
) -> WorkItem:
    channel = queue.channel
    ref = (
        f"{queue.ticket_letter}{ticket:03d}"
        if channel is Channel.WALK_IN
        else (f"{int(arrived.timestamp())}.{rng.randint(1, 9999)}" if channel is Channel.PHONE else "")
    )
    customer = rng.choice(customers) if customers and rng.random() < 0.85 else None
    row = _waiting(queue, arrived, ref, customer)
    if channel is Channel.PHONE:
        if rng.random() < 0.07:
            row.state, row.finished_at = WorkItemState.ABANDONED, arrived + dt.timedelta(seconds=rng.uniform(5, 80))
            return row
        wait, handle = rng.expovariate(1 / 14), rng.uniform(90, 480)
    elif channel is Channel.EMAIL:
        wait, handle = rng.uniform(600, 4 * 3600), rng.uniform(240, 1200)
    else:
        wait, handle = rng.uniform(60, 1300), rng.uniform(240, 900)
    answered = arrived + dt.timedelta(seconds=wait)
    if answered >= now:
        return row  # still waiting
    free = [m for m in members if m not in busy]
    agent = rng.choice(free or list(members))
    finished = answered + dt.timedelta(seconds=handle)
    row.claimed_by, row.claimed_at, row.answered_at, row.attempts = agent, answered, answered, 1
    row.service_point = f"Palvelupiste {members.index(agent) % 4 + 1}" if channel is Channel.WALK_IN else ""
    if finished >= now and agent not in busy:
        row.state, row.lease_until = WorkItemState.IN_PROGRESS, now + dt.timedelta(hours=8)
        busy[agent] = 1
    else:
        row.state, row.finished_at = WorkItemState.DONE, min(finished, now - dt.timedelta(seconds=1))
    return row
