"""Need-to-know in the desk's services (both backends; on SQLite these are the only barrier): the overview
holds social and health roles back until a purpose is given and never reads those a role may not see;
a restricted customer opens only for its named roles or after breaking the glass, which is audited."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.need_to_know import BREAK_GLASS_ACTION, SENSITIVE_VIEW_ACTION, Viewer, group_roles
from agentdesk.restricted_customers import CustomerRestricted, RestrictedCustomers, RestrictionError
from agentdesk.search.audited import audited_search
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import AuditEntry
from tests.core.need_to_know_support import HEALTH_ROLE, SOCIAL_ROLE, TECHNICAL_ROLE, seed

TECH = Viewer("tech.teemu", StaffRole.AGENT, "technical")
SOCIAL = Viewer("social.sanna", StaffRole.AGENT, "social")
SERVICE = Viewer("neuvonta.niina", StaffRole.AGENT, "customer_service")
SUPERVISOR = Viewer("super.sirpa", StaffRole.SUPERVISOR, "customer_service")


def _entries(db, action):
    with db.session() as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_sensitive_roles_wait_for_a_purpose_and_are_audited_with_it(db):
    ids = seed(db)
    service = CustomerOverviewService(db)
    overview = service.open(ids.client_id, actor=SOCIAL.username, viewer=SOCIAL)
    assert [r.description for r in overview.roles] == [TECHNICAL_ROLE]
    assert overview.sensitive_withheld == 1
    shown = service.sensitive_roles(ids.client_id, viewer=SOCIAL, purpose="statutory_task")
    assert [r.description for r in shown] == [SOCIAL_ROLE]
    (entry,) = _entries(db, SENSITIVE_VIEW_ACTION)
    assert (entry.actor, entry.subject_customer_id, entry.purpose) == (SOCIAL.username, ids.client_id, "statutory_task")
    with pytest.raises(ValueError, match="purpose"):
        service.sensitive_roles(ids.client_id, viewer=SOCIAL, purpose=" ")


def test_a_role_that_may_not_see_them_never_gets_the_rows(db):
    ids = seed(db)
    service = CustomerOverviewService(db)
    overview = service.open(ids.client_id, actor=TECH.username, viewer=TECH)
    assert ([r.description for r in overview.roles], overview.sensitive_withheld) == ([TECHNICAL_ROLE], 0)
    assert service.sensitive_roles(ids.client_id, viewer=TECH, purpose="emergency") == ()
    both = service.sensitive_roles(ids.client_id, viewer=SERVICE, purpose="consent")
    assert {r.description for r in both} == {SOCIAL_ROLE, HEALTH_ROLE}


def test_a_restricted_customer_shows_in_search_only_as_restricted(db):
    ids = seed(db)
    hits = audited_search(CustomerSearch(db), db, "Rajattu", actor=TECH.username, staff=TECH).hits
    assert [(h.customer_id, h.restricted, h.display_name, h.street) for h in hits] == [
        (ids.restricted_id, True, "", None)
    ]
    (hit,) = CustomerSearch(db).search("Rajattu", viewer=SUPERVISOR).hits
    assert (hit.restricted, hit.last_name) == (False, "Rajattu")


def test_breaking_the_glass_opens_the_record_for_that_person_and_is_audited(db):
    ids = seed(db)
    service = CustomerOverviewService(db)
    with pytest.raises(CustomerRestricted) as refused:
        service.open(ids.restricted_id, actor=TECH.username, viewer=TECH)
    assert refused.value.reason == "staff member"
    assert service.open(ids.restricted_id, actor=SUPERVISOR.username, viewer=SUPERVISOR).header.last_name == "Rajattu"

    restricted = RestrictedCustomers(db)
    with pytest.raises(ValueError, match="purpose"):
        restricted.break_glass(ids.restricted_id, viewer=TECH, purpose="")
    restricted.break_glass(ids.restricted_id, viewer=TECH, purpose="threat to life")
    assert service.open(ids.restricted_id, actor=TECH.username, viewer=TECH).header.last_name == "Rajattu"
    with pytest.raises(CustomerRestricted):
        service.open(ids.restricted_id, actor=SOCIAL.username, viewer=SOCIAL)
    (entry,) = _entries(db, BREAK_GLASS_ACTION)
    assert (entry.actor, entry.subject_customer_id, entry.purpose) == (
        TECH.username,
        ids.restricted_id,
        "threat to life",
    )


def test_only_supervisors_and_admins_restrict_and_the_roles_are_checked(db):
    ids = seed(db)
    restricted = RestrictedCustomers(db)
    with pytest.raises(RestrictionError):
        restricted.restrict(ids.client_id, viewer=SERVICE, reason="public figure", allowed_roles="agent")
    with pytest.raises(ValueError, match="nurse"):
        restricted.restrict(ids.client_id, viewer=SUPERVISOR, reason="public figure", allowed_roles="nurse")
    restricted.restrict(ids.client_id, viewer=SUPERVISOR, reason="public figure", allowed_roles="admin")
    r = restricted.restriction(ids.client_id)
    assert r is not None and set(r.allowed_roles) == {"admin", "supervisor"}
    restricted.lift(ids.client_id, viewer=SUPERVISOR)
    assert restricted.restriction(ids.client_id) is None


def test_an_edited_restricted_customer_stays_out_of_a_street_search_until_lifted(db):
    register = CustomerRegister(db)
    made = register.create(
        CustomerDraft(
            first_names="Reijo",
            last_name="Rajala",
            birth_date="3.4.1971",
            street="Kätkökuja 9",
            postal_code="33200",
            municipality="Tampere",
        ),
        actor="test",
    )
    search = CustomerSearch(db)

    def found(query):
        return made.id in [h.customer_id for h in search.search(query, viewer=SUPERVISOR).hits]

    assert found("kätkökuja 9") and found("rajala 1971")
    restricted = RestrictedCustomers(db)
    restricted.restrict(made.id, viewer=SUPERVISOR, reason="staff member", allowed_roles="supervisor")
    assert not found("kätkökuja 9") and not found("rajala 1971")
    # An edit rewrites the search document: it still holds the name only.
    record = register.get(made.id)
    register.update(made.id, record.version, replace(record.as_draft(), first_names="Reijo Kalevi"), actor="test")
    assert not found("kätkökuja 9") and not found("rajala 1971")
    assert found("reijo kalevi rajala")
    restricted.lift(made.id, viewer=SUPERVISOR)
    assert found("kätkökuja 9") and found("rajala 1971")


def test_group_roles_follow_the_role_and_the_department():
    assert group_roles(StaffRole.AGENT, "technical") == ("agentdesk_desk", "agentdesk_agent")
    assert group_roles(StaffRole.AGENT, "customer_service") == (
        "agentdesk_desk",
        "agentdesk_agent",
        "agentdesk_health",
        "agentdesk_social",
    )
    assert group_roles(StaffRole.STEWARD, None) == (
        "agentdesk_desk",
        "agentdesk_steward",
        "agentdesk_protected_address",
    )


def test_restrict_command_marks_and_lifts_a_restriction(sqlite_db, capsys):
    from agentdesk.cli import main

    ids = seed(sqlite_db)
    url = f"sqlite:///{sqlite_db.sqlite_file}"
    assert (
        main(
            [
                "restrict",
                "--customer",
                str(ids.client_id),
                "--reason",
                "public figure",
                "--roles",
                "supervisor",
                "--db",
                url,
            ]
        )
        == 0
    )
    assert "restricted (public figure); may open: supervisor admin" in capsys.readouterr().out
    with pytest.raises(CustomerRestricted):
        CustomerOverviewService(sqlite_db).open(ids.client_id, actor=TECH.username, viewer=TECH)
    assert main(["restrict", "--customer", str(ids.client_id), "--roles", "nurse", "--db", url]) == 1
    assert "unknown staff role(s): nurse" in capsys.readouterr().err
    assert main(["restrict", "--customer", str(ids.client_id), "--lift", "--db", url]) == 0
    assert (
        CustomerOverviewService(sqlite_db).open(ids.client_id, actor=TECH.username, viewer=TECH).header.last_name
        == "Asiakas"
    )
