"""Open311 status changes reach the linked service case: the plugin answers where the reference server is
with the requests the desk filed, and the desk's sync resolves a closed one's case with a history row
that says it came from the back end (SQLite and PostgreSQL, the real reference server on loopback)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from agentdesk.cases import CaseChange, CaseService
from agentdesk.cases.backoffice_status import BackofficeState, BackofficeSync
from agentdesk.contact_records import store_plugin_reference
from agentdesk.plugin_api import ReferenceStatuses
from agentdesk.staff import StaffMember
from agentdesk.storage.models import (
    AuditEntry,
    CaseStatus,
    Customer,
    CustomerKind,
    Department,
    Interaction,
    StaffRole,
    StaffUser,
)
from tests.plugins.technical.technical_support import call

AGENT = StaffMember(1, "aino", "Aino Agent", StaffRole.AGENT, 1, "technical", "Technical")


@pytest.fixture
def world(db):
    with db.session() as s, s.begin():
        s.add(Department(id=1, code="technical", name="Technical services"))
        s.flush()
        s.add(StaffUser(id=1, username="aino", display_name="Aino Agent", role=StaffRole.AGENT, department_id=1))
        maija = Customer(kind=CustomerKind.PERSON, first_names="Maija", last_name="Meikäläinen")
        s.add(maija)
        s.flush()
        return db, maija.id


def _file(db, customer_id: int, reference: str, *, during_contact: bool = False):
    return store_plugin_reference(
        db,
        customer_id,
        AGENT,
        plugin_id="technical",
        system="open311",
        reference=reference,
        title="Katuvalo rikki",
        message="Filed",
        during_contact=during_contact,
    )


def test_the_plugin_says_which_filed_requests_the_back_office_closed(open311, plugin):
    open311.store.set_status("502", "closed", "Aurattu.")
    answer = plugin.reference_statuses("open311", ["502", "503", "999"], call())
    assert isinstance(answer, ReferenceStatuses)
    by_id = {s.reference: s for s in answer.items}
    assert set(by_id) == {"502", "503"}  # an unknown id is left out
    assert (by_id["502"].closed, by_id["502"].detail) == (True, "Aurattu.")
    assert (by_id["503"].status, by_id["503"].closed) == ("open", False)


def test_a_closed_open311_request_resolves_its_case_with_history_from_the_back_end(world, open311, plugin):
    db, customer_id = world
    closed = _file(db, customer_id, "502")
    still_open = _file(db, customer_id, "503")
    open311.store.set_status("502", "closed", "Aurattu aamulla.")
    sync = BackofficeSync(db, CaseService(db))
    linked = sync.linked("open311")
    assert {c.case_id for c in linked} == {closed.case_id, still_open.case_id}
    answer = plugin.reference_statuses("open311", [c.reference for c in linked], call())
    states = [BackofficeState(s.reference, s.status, s.closed, s.detail) for s in answer.items]
    result = sync.apply("open311", linked, states)

    assert [c.case_id for c in result.changed] == [closed.case_id]
    assert customer_id in result.changes.cases
    snapshot = CaseService(db).snapshot(closed.case_id)
    assert snapshot.status is CaseStatus.RESOLVED
    last = snapshot.history[-1]
    assert (last.actor, last.from_status, last.to_status) == (
        "backoffice:open311",
        CaseStatus.OPEN,
        CaseStatus.RESOLVED,
    )
    assert last.note == "open311: closed — Aurattu aamulla."
    assert CaseService(db).snapshot(still_open.case_id).status is CaseStatus.OPEN
    with db.session() as s:
        actions = s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "case.status")).all()
    assert actions == ["backoffice:open311"]
    # the next poll finds nothing more to do: the resolved case is no longer linked as active
    assert {c.case_id for c in sync.linked("open311")} == {still_open.case_id}
    assert sync.apply("open311", sync.linked("open311"), states).changed == ()


def test_a_case_moved_by_an_agent_meanwhile_is_left_for_the_next_poll(world):
    db, customer_id = world
    filed = _file(db, customer_id, "502")
    sync = BackofficeSync(db, CaseService(db))
    linked = sync.linked("open311")
    CaseService(db).change(
        CaseChange(filed.case_id, CaseStatus.WAITING, linked[0].version, note="Soitetaan takaisin"), actor="aino"
    )
    result = sync.apply("open311", linked, [BackofficeState("502", "closed", True)])
    assert result.changed == ()
    assert CaseService(db).snapshot(filed.case_id).status is CaseStatus.WAITING
    again = sync.apply("open311", sync.linked("open311"), [BackofficeState("502", "closed", True)])
    assert [c.case_id for c in again.changed] == [filed.case_id]


def test_filed_during_a_contact_the_case_has_no_web_contact_of_its_own(world):
    db, customer_id = world
    stored = _file(db, customer_id, "777", during_contact=True)
    assert stored.interaction_id == 0 and stored.title == "Katuvalo rikki"
    with db.session() as s:
        assert s.scalars(select(Interaction)).all() == []
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "case.file")).one()
    assert f"case={stored.case_id}" in audit.detail and "backoffice=open311" in audit.detail
    assert CaseService(db).snapshot(stored.case_id).backoffice_ref == "777"
