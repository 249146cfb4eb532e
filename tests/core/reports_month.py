"""A hand-worked month for the report tests: March 2026 in Helsinki (the previous period of equal
length is 29 January – 28 February). Every figure the tests assert is worked out in the comments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from agentdesk.queues import HELSINKI
from agentdesk.storage.models import (
    Address,
    CaseEvent,
    CaseStatus,
    Channel,
    Customer,
    CustomerKind,
    Department,
    FeedbackSurvey,
    Interaction,
    Language,
    Outcome,
    Queue,
    ServiceCase,
    StaffRole,
    StaffUser,
    SurveyState,
    WorkItem,
    WorkItemState,
)

COSTS = {Channel.PHONE: 6.5, Channel.EMAIL: 4.0, Channel.WALK_IN: 12.0, Channel.WEB: 1.5}
TOPICS = ("water", "benefit")


def hki(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=HELSINKI)


def _s(seconds: float) -> dt.timedelta:
    return dt.timedelta(seconds=seconds)


def build_month(db) -> None:
    with db.session() as s, s.begin():
        s.add_all(
            [
                Department(id=1, code="tech", name="Technical services"),
                Department(id=2, code="social", name="Social services"),
            ]
        )
        s.flush()
        s.add_all(
            [
                Queue(
                    id=1,
                    code="water-phone",
                    name="Water: phone",
                    department_id=1,
                    channel=Channel.PHONE,
                    target_seconds=60,
                    target_share=0.8,
                ),
                Queue(
                    id=2,
                    code="tech-mail",
                    name="Technical: e-mail",
                    department_id=1,
                    channel=Channel.EMAIL,
                    target_seconds=3600,
                    target_share=0.9,
                ),
                Queue(
                    id=3,
                    code="social-phone",
                    name="Social: phone",
                    department_id=2,
                    channel=Channel.PHONE,
                    target_seconds=60,
                    target_share=0.8,
                ),
            ]
        )
        s.flush()
        s.add_all(
            [
                Customer(id=1, kind=CustomerKind.PERSON, first_names="Aino", last_name="Virtanen"),
                Customer(id=2, kind=CustomerKind.PERSON, first_names="Bertil", last_name="Nieminen"),
            ]
        )
        s.flush()
        s.add_all(
            [
                Address(customer_id=1, street="Hämeenkatu 1", municipality="Tampere"),
                Address(customer_id=2, street="Tapiontori 2", municipality="Espoo"),
            ]
        )

        def contact(iid, channel, dept, topic, cust, start, seconds, outcome):
            s.add(
                Interaction(
                    id=iid,
                    channel=channel,
                    department_id=dept,
                    topic=topic,
                    customer_id=cust,
                    started_at=start,
                    ended_at=start + _s(seconds) if seconds is not None else None,
                    outcome=outcome,
                )
            )

        P, E, W = Channel.PHONE, Channel.EMAIL, Channel.WALK_IN
        R, F, C, U = Outcome.RESOLVED_FIRST_CONTACT, Outcome.FORWARDED, Outcome.CASE_CREATED, Outcome.UNRESOLVED
        contact(1, P, 1, "water", 1, hki(2026, 3, 2, 9), 300, R)
        contact(2, P, 1, "water", 2, hki(2026, 3, 2, 10), 100, F)
        contact(3, P, 2, "benefit", 1, hki(2026, 3, 31, 23, 30), 200, R)  # 20:30 UTC (summer time): still March
        contact(4, E, 1, "water", 2, hki(2026, 3, 10, 12), None, C)
        contact(5, W, 2, "benefit", 1, hki(2026, 3, 1, 0, 30), 600, None)  # 28 Feb 22:30 UTC: March in Helsinki
        contact(6, P, 1, "water", 1, hki(2026, 2, 28, 23, 30), 400, R)  # previous period
        contact(7, E, 1, "water", 2, hki(2026, 2, 10, 9), None, U)  # previous period
        contact(8, P, 1, "water", 1, hki(2026, 1, 15, 9), 50, R)  # before both
        contact(9, P, 1, "water", 1, hki(2026, 4, 1, 0, 10), 50, R)  # April
        s.flush()

        def item(wid, queue, channel, cust, created, target, answered=None, abandoned=None, iid=None, state=None):
            done = (
                WorkItemState.DONE
                if answered is not None
                else WorkItemState.ABANDONED
                if abandoned is not None
                else WorkItemState.WAITING
            )
            s.add(
                WorkItem(
                    id=wid,
                    queue_id=queue,
                    channel=channel,
                    customer_id=cust,
                    created_at=created,
                    due_at=created + _s(target),
                    answered_at=created + _s(answered) if answered is not None else None,
                    finished_at=created + _s(answered + 300 if answered is not None else abandoned)
                    if done is not WorkItemState.WAITING
                    else None,
                    state=state or done,
                    interaction_id=iid,
                )
            )

        s.flush()
        item(1, 1, P, 1, hki(2026, 3, 2, 9), 60, answered=30, iid=1)  # within
        item(2, 1, P, 2, hki(2026, 3, 2, 10), 60, answered=90, iid=2)  # late
        item(3, 1, P, 1, hki(2026, 3, 3, 10), 60, abandoned=120)  # abandoned after target
        item(4, 1, P, None, hki(2026, 3, 3, 11), 60, abandoned=20)  # gave up before the target
        item(5, 3, P, 1, hki(2026, 3, 31, 23, 25), 60, answered=10, iid=3)  # within
        item(6, 2, E, 2, hki(2026, 3, 10, 11), 3600, answered=1800, iid=4)  # within
        item(7, 1, P, 1, hki(2026, 2, 28, 23, 50), 60, answered=40, iid=6)  # previous period, within
        item(8, 1, P, None, hki(2026, 3, 20, 9), 60)  # still waiting: counts nowhere

        def case(cid, dept, created, due, *moves):
            status = moves[-1][1] if moves else CaseStatus.NEW
            s.add(
                ServiceCase(
                    id=cid,
                    title=f"case {cid}",
                    department_id=dept,
                    customer_id=1,
                    created_at=created,
                    due_date=due,
                    status=status,
                )
            )
            s.flush()
            s.add(
                CaseEvent(
                    case_id=cid,
                    at=created,
                    actor="t",
                    from_status=None,
                    to_status=CaseStatus.NEW,
                    department_id=dept,
                    due_date=due,
                )
            )
            before = CaseStatus.NEW
            for when, to in moves:
                s.add(
                    CaseEvent(
                        case_id=cid,
                        at=when,
                        actor="t",
                        from_status=before,
                        to_status=to,
                        department_id=dept,
                        due_date=due,
                    )
                )
                before = to
            s.flush()

        D = dt.date
        case(1, 1, hki(2026, 3, 2, 9), D(2026, 3, 16))  # active, 21 working days old, overdue
        case(2, 1, hki(2026, 3, 25, 9), D(2026, 4, 8))  # active, 4 working days old
        case(3, 1, hki(2026, 3, 5, 9), D(2026, 3, 10), (hki(2026, 3, 12, 10), CaseStatus.RESOLVED))  # resolved late
        case(4, 1, hki(2026, 2, 20, 9), D(2026, 3, 6), (hki(2026, 3, 5, 10), CaseStatus.RESOLVED))  # in time
        case(
            5,
            1,
            hki(2026, 3, 9, 9),
            D(2026, 3, 23),
            (hki(2026, 3, 20, 9), CaseStatus.RESOLVED),
            (hki(2026, 4, 2, 9), CaseStatus.REOPENED),
        )
        case(
            6, 1, hki(2026, 3, 16, 9), D(2026, 3, 31), (hki(2026, 3, 17, 9), CaseStatus.OPEN)
        )  # 11 days, due on the last day
        case(7, 2, hki(2026, 3, 3, 9), None, (hki(2026, 3, 4, 9), CaseStatus.WAITING))  # 20 working days old


def add_feedback(db) -> None:
    """Two agents on the month's contacts and the surveys after them: in March 4 sent (contacts 1, 2,
    3, 4), 3 answered (5, 2, 4: mean 11/3), one not sent yet (5); contact 6 of the previous period a 3;
    contact 9 (April) outside both. Queues: 1, 2, 6 water-phone, 3 social-phone, 4 tech-mail; agents:
    1, 2, 6 aino.agent, 4 bert.agent, 3 none."""
    with db.session() as s, s.begin():
        s.add_all(
            [
                StaffUser(id=71, username="aino.agent", display_name="Aino Agent", role=StaffRole.AGENT),
                StaffUser(id=72, username="bert.agent", display_name="Bert Agent", role=StaffRole.AGENT),
            ]
        )
        s.flush()
        for iid, agent in ((1, 71), (2, 71), (4, 72), (6, 71)):
            s.execute(update(Interaction).where(Interaction.id == iid).values(agent_id=agent))

        def survey(iid: int, customer: int, score: int | None, *, sent: bool = True) -> None:
            s.add(
                FeedbackSurvey(
                    interaction_id=iid,
                    customer_id=customer,
                    channel=Channel.EMAIL,
                    language=Language.FI,
                    destination="someone@example.org",
                    idempotency_key=f"key-{iid}",
                    state=SurveyState.SENT if sent else SurveyState.PENDING,
                    expires_at=hki(2026, 5, 1),
                    sent_at=hki(2026, 4, 1) if sent else None,
                    answered_at=hki(2026, 4, 2) if score is not None else None,
                    score=score,
                )
            )

        survey(1, 1, 5)  # water-phone, aino
        survey(2, 2, 2)  # water-phone, aino
        survey(3, 1, None)  # social-phone, no agent: sent, not answered
        survey(4, 2, 4)  # tech-mail, bert
        survey(5, 1, None, sent=False)  # not sent yet: not counted
        survey(6, 1, 3)  # previous period
        survey(9, 1, 1)  # April: outside both periods
