"""What the plugin panels of one customer tab need from the register, and storing what an action
created. Qt-free and blocking: run these through the background helper.

- :func:`load_panel_customer`: the customer as plugins see it (protected address withheld), the
  protected address itself (for the host's guard, never shown), and the back-office references the
  desk has stored on the customer's service cases, as ``(system, id)`` pairs.
- :func:`store_action_reference`: after a plugin action created something in its back end (an
  Open311 service request), a service case carrying the reference and a contact that says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from agentdesk import audit
from agentdesk.customer_register import CustomerRegister
from agentdesk.plugin_api import CustomerContext
from agentdesk.plugin_host.host import customer_context
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
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


@dataclass(frozen=True)
class PanelCustomer:
    context: CustomerContext
    protected_text: tuple[str, ...]  # the protected address: the host refuses output that mentions it
    references: tuple[tuple[str, str], ...]  # (backoffice_system, backoffice_ref) of the customer's cases


def stored_references(db: Database, customer_id: int) -> tuple[tuple[str, str], ...]:
    with db.session() as s:
        rows = s.execute(select(ServiceCase.backoffice_system, ServiceCase.backoffice_ref)
                         .where(ServiceCase.customer_id == customer_id, ServiceCase.backoffice_system != "",
                                ServiceCase.backoffice_ref != "")
                         .order_by(ServiceCase.created_at.desc(), ServiceCase.id.desc()))
        return tuple(dict.fromkeys((system, ref) for system, ref in rows))


def load_panel_customer(register: CustomerRegister, db: Database, customer_id: int) -> PanelCustomer:
    record = register.get(customer_id)
    return PanelCustomer(customer_context(record), register.protected_address_text(customer_id),
                         stored_references(db, customer_id))


@dataclass(frozen=True, slots=True)
class StoredReference:
    case_id: int
    interaction_id: int


def store_action_reference(db: Database, customer_id: int, staff: StaffMember, *, plugin_id: str, system: str,
                           reference: str, title: str, message: str) -> StoredReference:
    """A new open service case with ``backoffice_system``/``backoffice_ref`` and a contact (channel web,
    outgoing: the desk filed it) that opened it, with ``external_ref`` = the reference. Audited."""
    now = utcnow()
    with db.session() as s, s.begin():
        department = s.scalar(select(Department.id).where(Department.code == plugin_id))
        case = ServiceCase(customer_id=customer_id, title=title[:200], status=CaseStatus.OPEN,
                           department_id=department, backoffice_system=system[:64], backoffice_ref=reference[:128])
        s.add(case)
        s.flush()
        row = Interaction(customer_id=customer_id, channel=Channel.WEB, direction=Direction.OUTBOUND,
                          started_at=now - dt.timedelta(seconds=1), ended_at=now, agent_id=staff.id,
                          department_id=department, topic=STORED_TOPIC, notes=message[:2000],
                          outcome=Outcome.CASE_CREATED, case_id=case.id, external_ref=reference[:128])
        s.add(row)
        s.flush()
        audit.record(s, actor=staff.username, action="interaction.log", subject_customer_id=customer_id,
                     detail=f"interaction={row.id} channel=web case={case.id} backoffice={system[:64]}")
        return StoredReference(case.id, row.id)
