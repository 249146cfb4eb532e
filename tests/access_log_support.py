"""Accesses to one citizen's data written through the core services, for the data protection
officer's tests (core and desk): staff, a citizen, views with purposes, searches, a hetu reveal,
a "break the glass" opening, and accesses to someone else that must not appear."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from agentdesk import audit
from agentdesk.access_log import HELSINKI
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.need_to_know import BREAK_GLASS_ACTION
from agentdesk.search.audited import audited_search
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import Department, Language, StaffRole, StaffUser

CITIZEN_HETU = "010594Y9032"


@dataclass(frozen=True)
class Accesses:
    citizen: int
    other: int
    today: dt.date  # Helsinki


def add_dpo_staff(db) -> None:
    with db.session() as s, s.begin():
        service = Department(code="customer_service", name="Neuvonta")
        social = Department(code="social", name="Sosiaalipalvelut")
        s.add_all([service, social])
        s.flush()
        s.add_all(
            [
                StaffUser(
                    username="agent.aino", display_name="Aino Agentti", role=StaffRole.AGENT, department_id=service.id
                ),
                StaffUser(
                    username="social.siiri",
                    display_name="Siiri Sosiaali",
                    role=StaffRole.AGENT,
                    department_id=social.id,
                ),
                StaffUser(
                    username="dpo.tuula",
                    display_name="Tuula Tietosuoja",
                    role=StaffRole.DPO,
                    department_id=service.id,
                ),
            ]
        )


def write_accesses(db) -> Accesses:
    """Six accesses to the citizen: 2 views by Aino (phone call), 1 search by Aino that listed the
    citizen with another Mäkinen, 1 hetu reveal by Siiri, 1 break-the-glass view by Siiri; and one
    view of the other person only (not the citizen's)."""
    reg = CustomerRegister(db)
    citizen = reg.create(
        CustomerDraft(
            first_names="Anna",
            last_name="Mäkinen",
            hetu=CITIZEN_HETU,
            street="Hämeenkatu 12 B 5",
            postal_code="33100",
            municipality="Tampere",
            preferred_language=Language.SV,
        ),
        actor="register.import",
    ).id
    other = reg.create(CustomerDraft(first_names="Pekka", last_name="Mäkinen"), actor="register.import").id
    overview = CustomerOverviewService(db)
    overview.open(citizen, actor="agent.aino", purpose="phone call: water bill")
    overview.open(citizen, actor="agent.aino", purpose="phone call: water bill")
    audited_search(CustomerSearch(db), db, "Mäkinen", actor="agent.aino")  # lists both
    overview.reveal_hetu(citizen, actor="social.siiri", purpose="social services: client identification")
    with db.session() as s, s.begin():
        audit.record(
            s,
            actor="social.siiri",
            action=BREAK_GLASS_ACTION,
            subject_customer_id=citizen,
            purpose="urgent child protection notice",
        )
    overview.open(other, actor="agent.aino", purpose="walk-in")
    return Accesses(citizen, other, dt.datetime.now(HELSINKI).date())
