"""Retention of contacts (``agentdesk retention run [--dry-run]``): a department's contacts older than
its profile's ``[retention] contacts_years`` are anonymised.

Anonymised means the personal part goes and the statistics stay. An interaction loses its notes, its
customer link and its external reference (a call id, a Message-ID); its channel, direction, times,
agent, department, topic, outcome and case stay, so the dashboards' past figures do not change. A
queued contact (work item) of that department loses its subject (an e-mail's subject line), customer
link and external reference the same way. With ``legal_hold_open_cases`` (the default) nothing of a
customer who has an open service case in the department is touched, nor any contact of an open case.

A dry run reads and reports; a run changes exactly what the same report lists, in one transaction,
and writes one audit entry (``retention.run``) with the counts.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import or_, select, update

from agentdesk import audit
from agentdesk.deployment.profile_model import RetentionRule
from agentdesk.storage.kinds import CaseStatus
from agentdesk.storage.models import Department, Interaction, Queue, ServiceCase, WorkItem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import ColumnElement

    from agentdesk.storage.database import Database

ACTOR = "system:retention"
ACTION = "retention.run"
OPEN_CASE = (CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING)


class RetentionError(ValueError):
    pass


@dataclass(frozen=True)
class RetentionReport:
    department: str
    cutoff: dt.datetime
    interaction_ids: tuple[int, ...]  # anonymised (or, in a dry run, to be)
    work_item_ids: tuple[int, ...]
    held_interactions: int  # older than the cutoff but under legal hold
    dry_run: bool

    def describe(self) -> str:
        verb = "would anonymise" if self.dry_run else "anonymised"
        return (
            f"department {self.department}: contacts before {self.cutoff.date().isoformat()}: "
            f"{verb} {len(self.interaction_ids)} interaction(s) (notes, customer link, external reference) and "
            f"{len(self.work_item_ids)} queued contact(s) (subject, customer link, external reference); "
            f"{self.held_interactions} held for open cases"
        )


def cutoff_for(rule: RetentionRule, today: dt.date) -> dt.datetime:
    """Midnight UTC of the same day ``contacts_years`` years ago (28 February for a 29th)."""
    year = today.year - rule.contacts_years
    try:
        day = today.replace(year=year)
    except ValueError:
        day = dt.date(year, 2, 28)
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _not_yet_anonymised(model: type[Interaction | WorkItem]) -> ColumnElement[bool]:
    text = Interaction.notes if model is Interaction else WorkItem.subject
    return or_(model.customer_id.is_not(None), text != "", model.external_ref != "")


def _plan(
    s: Session, department_code: str, rule: RetentionRule, today: dt.date
) -> tuple[int, dt.datetime, list[int], list[int], int]:
    department_id = s.scalar(select(Department.id).where(Department.code == department_code))
    if department_id is None:
        raise RetentionError(f"the database has no department {department_code!r} (the profile's [department] code)")
    cutoff = cutoff_for(rule, today)
    old = select(Interaction.id, Interaction.customer_id, Interaction.case_id).where(
        Interaction.department_id == department_id,
        Interaction.started_at < cutoff,
        _not_yet_anonymised(Interaction),
    )
    open_cases: set[int] = set()  # any department's: a contact of an open case is kept
    held_customers: set[int] = set()  # a customer with an open case in this department: all kept
    if rule.legal_hold_open_cases:
        for case_id, customer_id, case_department in s.execute(
            select(ServiceCase.id, ServiceCase.customer_id, ServiceCase.department_id).where(
                ServiceCase.status.in_(OPEN_CASE)
            )
        ):
            open_cases.add(case_id)
            if customer_id is not None and case_department == department_id:
                held_customers.add(customer_id)
    interactions: list[int] = []
    held_ids: set[int] = set()
    for iid, contact_customer, contact_case in s.execute(old.order_by(Interaction.id)):
        if contact_case in open_cases or contact_customer in held_customers:
            held_ids.add(iid)
        else:
            interactions.append(iid)
    work_items = [
        wid
        for wid, item_customer, interaction_id in s.execute(
            select(WorkItem.id, WorkItem.customer_id, WorkItem.interaction_id)
            .join(Queue, Queue.id == WorkItem.queue_id)
            .where(Queue.department_id == department_id, WorkItem.created_at < cutoff, _not_yet_anonymised(WorkItem))
            .order_by(WorkItem.id)
        )
        if item_customer not in held_customers and interaction_id not in held_ids
    ]
    held = len(held_ids)
    return department_id, cutoff, interactions, work_items, held


def run(
    db: Database, department_code: str, rule: RetentionRule, *, dry_run: bool, today: dt.date | None = None
) -> RetentionReport:
    today = today or dt.date.today()
    with db.session() as s, s.begin():
        _, cutoff, interactions, work_items, held = _plan(s, department_code, rule, today)
        if not dry_run:
            for chunk in _chunks(interactions):
                s.execute(
                    update(Interaction)
                    .where(Interaction.id.in_(chunk))
                    .values(notes="", customer_id=None, external_ref="", version=Interaction.version + 1)
                    .execution_options(synchronize_session=False)
                )
            for chunk in _chunks(work_items):
                s.execute(
                    update(WorkItem)
                    .where(WorkItem.id.in_(chunk))
                    .values(subject="", customer_id=None, external_ref="")
                    .execution_options(synchronize_session=False)
                )
            detail = {
                "department": department_code,
                "cutoff": cutoff.date().isoformat(),
                "contacts_years": rule.contacts_years,
                "interactions": len(interactions),
                "work_items": len(work_items),
                "held": held,
            }
            audit.record(s, actor=ACTOR, action=ACTION, subject_customer_id=None, detail=json.dumps(detail))
    return RetentionReport(department_code, cutoff, tuple(interactions), tuple(work_items), held, dry_run)


def _chunks(ids: list[int], size: int = 1000) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
