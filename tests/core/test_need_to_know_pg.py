"""Need-to-know on the real PostgreSQL, as someone with psql and a desk login would try it: raw SQL
cannot read a sensitive role, a protected address or a restricted customer the login may not see, nor
alter the audit log; the logins that may see them can; the desk itself still opens customers for
every role through its own login."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select

from agentdesk import audit_chain
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.db_grants import GrantsError, apply_grants, sync_logins
from agentdesk.need_to_know import BREAK_GLASS_ACTION
from agentdesk.restricted_customers import CustomerRestricted, RestrictedCustomers
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import AuditEntry
from tests.core.need_to_know_support import (
    HEALTH_ROLE,
    PROTECTED_STREET,
    SOCIAL_ROLE,
    TECHNICAL_ROLE,
    Logins,
    seed,
)

pytestmark = pytest.mark.postgresql


@pytest.fixture
def pg(pg_db):
    seeded = seed(pg_db)
    logins = Logins(pg_db)
    yield pg_db, seeded, logins
    logins.close()


def _roles_seen(conn: psycopg.Connection, customer_id: int) -> set[str]:
    rows = conn.execute("SELECT description FROM customer_role WHERE customer_id = %s", (customer_id,)).fetchall()
    return {r[0] for r in rows}


def test_a_technical_agent_cannot_select_social_or_health_roles_with_raw_sql(pg):
    _db, seeded, logins = pg
    with logins.raw("tech_agent") as conn:
        assert _roles_seen(conn, seeded.client_id) == {TECHNICAL_ROLE}
        # Not by another way round either: no row of the table carries them for this login.
        assert conn.execute("SELECT count(*) FROM customer_role WHERE description = %s", (SOCIAL_ROLE,)).fetchone() == (
            0,
        )
    with logins.raw("social_agent") as conn:
        assert _roles_seen(conn, seeded.client_id) == {TECHNICAL_ROLE, SOCIAL_ROLE}
    with logins.raw("service_agent") as conn:
        assert _roles_seen(conn, seeded.client_id) == {TECHNICAL_ROLE, SOCIAL_ROLE, HEALTH_ROLE}


def test_a_desk_login_cannot_lift_the_policy_by_switching_roles_or_settings(pg):
    _db, seeded, logins = pg
    with logins.raw("tech_agent") as conn:
        conn.autocommit = True
        for sql in (
            "SET ROLE postgres",
            "SET ROLE agentdesk_social",
            "ALTER TABLE customer_role DISABLE ROW LEVEL SECURITY",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        conn.execute("SET row_security = off")  # allowed, but then a policy-filtered query fails instead of leaking
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT description FROM customer_role WHERE customer_id = %s", (seeded.client_id,))


def test_the_audit_log_is_insert_only_for_a_desk_login(pg):
    db, seeded, logins = pg
    # The desk's own session appends (and chains) its entry through the login.
    desk = logins.database("tech_agent")
    CustomerOverviewService(desk).open(
        seeded.client_id, actor=logins.names["tech_agent"], viewer=logins.viewer("tech_agent")
    )
    with db.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.actor == logins.names["tech_agent"]))
            == 1
        )
    for sql in (
        "UPDATE audit_entry SET purpose = 'edited'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
        "SELECT actor, purpose FROM audit_entry",
        "INSERT INTO break_glass_grant (customer_id, login, actor, granted_at) VALUES (1, current_user, 'x', now())",
    ):
        with (
            logins.raw("supervisor" if sql.startswith("TRUNCATE") else "tech_agent") as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute(sql)
    with db.session() as s:
        assert audit_chain.verify(s).ok
    # The supervisor (and the data protection officer) may read the log, not change it.
    with logins.raw("supervisor") as conn:
        assert conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0] >= 2
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit_entry")


def test_a_protected_address_is_visible_to_stewards_only(pg):
    _db, seeded, logins = pg
    sql = "SELECT street FROM address WHERE customer_id = %s"
    for who in ("tech_agent", "service_agent", "supervisor"):
        with logins.raw(who) as conn:
            assert conn.execute(sql, (seeded.protected_id,)).fetchall() == [], who
            assert conn.execute("SELECT count(*) FROM address WHERE street = %s", (PROTECTED_STREET,)).fetchone() == (
                0,
            )
            assert conn.execute(sql, (seeded.client_id,)).fetchall() == [("Avoin katu 1",)]
    with logins.raw("steward") as conn:
        assert conn.execute(sql, (seeded.protected_id,)).fetchall() == [(PROTECTED_STREET,)]


def test_a_restricted_customer_opens_for_named_roles_and_after_breaking_the_glass(pg):
    db, seeded, logins = pg
    sql = "SELECT last_name FROM customer WHERE id = %s"
    with logins.raw("tech_agent") as conn:
        assert conn.execute(sql, (seeded.restricted_id,)).fetchall() == []
        assert conn.execute(
            "SELECT 1 FROM customer_restriction WHERE customer_id = %s", (seeded.restricted_id,)
        ).fetchall()
    with logins.raw("supervisor") as conn:
        assert conn.execute(sql, (seeded.restricted_id,)).fetchall() == [("Rajattu",)]

    agent = logins.database("tech_agent")
    viewer = logins.viewer("tech_agent")
    with pytest.raises(CustomerRestricted):
        CustomerOverviewService(agent).open(seeded.restricted_id, actor=viewer.username, viewer=viewer)
    hit = CustomerSearch(agent).search("Rajattu", viewer=viewer).hits[0]
    assert (hit.customer_id, hit.restricted, hit.last_name) == (seeded.restricted_id, True, "")

    RestrictedCustomers(agent).break_glass(seeded.restricted_id, viewer=viewer, purpose="caller in danger")
    with logins.raw("tech_agent") as conn:
        assert conn.execute(sql, (seeded.restricted_id,)).fetchall() == [("Rajattu",)]
    with logins.raw("social_agent") as conn:  # the glass was broken for one login only
        assert conn.execute(sql, (seeded.restricted_id,)).fetchall() == []
    opened = CustomerOverviewService(agent).open(seeded.restricted_id, actor=viewer.username, viewer=viewer)
    assert opened.header.last_name == "Rajattu"
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == BREAK_GLASS_ACTION)).one()
    assert (entry.actor, entry.subject_customer_id, entry.purpose) == (
        viewer.username,
        seeded.restricted_id,
        "caller in danger",
    )


def test_the_desk_opens_customers_for_every_role_through_its_own_login(pg):
    _db, seeded, logins = pg
    expected = {
        "tech_agent": (set(), 0),
        "social_agent": ({SOCIAL_ROLE}, 1),
        "service_agent": ({SOCIAL_ROLE, HEALTH_ROLE}, 2),
        "supervisor": ({SOCIAL_ROLE, HEALTH_ROLE}, 2),
        "steward": (set(), 0),
        "admin": (set(), 0),
    }
    for who, (sensitive, withheld) in expected.items():
        desk, viewer = logins.database(who), logins.viewer(who)
        service = CustomerOverviewService(desk)
        overview = service.open(seeded.client_id, actor=viewer.username, viewer=viewer)
        assert [r.description for r in overview.roles] == [TECHNICAL_ROLE], who
        assert overview.sensitive_withheld == withheld, who
        shown = service.sensitive_roles(seeded.client_id, viewer=viewer, purpose="statutory_task")
        assert {r.description for r in shown} == sensitive, who
        protected = service.open(seeded.protected_id, actor=viewer.username, viewer=viewer)
        assert protected.address_protected and protected.address is None, who


def test_staff_sync_takes_every_desk_group_from_a_leaver(pg):
    db, seeded, logins = pg
    report = sync_logins(db, [], leavers=[logins.names["social_agent"]])
    assert report.revoked == [logins.names["social_agent"]]
    # Without the desk group the schema is not even visible to the login.
    denied = (psycopg.errors.InsufficientPrivilege, psycopg.errors.UndefinedTable)
    with logins.raw("social_agent") as conn, pytest.raises(denied):
        conn.execute("SELECT description FROM customer_role WHERE customer_id = %s", (seeded.client_id,))


def test_grants_are_refused_on_sqlite_and_listed_on_a_dry_run(pg, sqlite_db):
    db, _seeded, _logins = pg
    statements = apply_grants(db, dry_run=True)
    assert any(s.startswith("GRANT INSERT, SELECT (id) ON") and "audit_entry" in s for s in statements)
    assert not any("UPDATE" in s and "audit_entry TO" in s for s in statements)
    with pytest.raises(GrantsError):
        apply_grants(sqlite_db)


def test_db_grants_command_lists_the_statements_on_a_dry_run(pg_db, capsys):
    from agentdesk.cli import main

    url = pg_db.url.render_as_string(hide_password=False)
    assert main(["db", "grants", "--dry-run", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "CREATE ROLE agentdesk_social NOLOGIN" in out
    assert "audit_entry TO agentdesk_desk" in out


def test_staff_logins_name_the_active_staff_and_the_leavers(pg):
    from agentdesk.db_grants import staff_logins
    from agentdesk.storage.kinds import StaffRole
    from agentdesk.storage.models import Department, StaffUser

    db, _seeded, _logins = pg
    with db.session() as s, s.begin():
        social = s.scalars(select(Department).where(Department.code == "social")).one()
        s.add(StaffUser(username="sanna", display_name="Sanna", role=StaffRole.AGENT, department_id=social.id))
        s.add(StaffUser(username="left", display_name="Lähtijä", role=StaffRole.AGENT, active=False))
    active, leavers = staff_logins(db)
    assert ("sanna", StaffRole.AGENT, "social") in active
    assert leavers == ["left"]


def test_a_neighbour_at_a_protected_address_is_shielded_for_a_desk_login_that_cannot_see_it(pg):
    # The rule "someone else's current address is a protected person's" needs the protected address,
    # which row-level security hides from the login: the check runs with the owner's rights, and says
    # only yes or no (the address itself stays hidden).
    db, seeded, logins = pg
    from agentdesk.storage.models import Address, Customer, CustomerKind

    with db.session() as s, s.begin():
        neighbour = Customer(kind=CustomerKind.PERSON, first_names="Nelli", last_name="Naapuri")
        s.add(neighbour)
        s.flush()
        s.add(
            Address(
                customer_id=neighbour.id,
                street=f" {PROTECTED_STREET.upper()} ",
                postal_code="33100",
                municipality="Tampere",
            )
        )
        neighbour_id = neighbour.id
    desk = logins.database("tech_agent")
    overview = CustomerOverviewService(desk).open(
        neighbour_id, actor=logins.names["tech_agent"], viewer=logins.viewer("tech_agent")
    )
    assert overview.address_protected and overview.address is None
    client = CustomerOverviewService(desk).open(
        seeded.client_id, actor=logins.names["tech_agent"], viewer=logins.viewer("tech_agent")
    )
    assert not client.address_protected and client.address is not None and client.address.street == "Avoin katu 1"
    with logins.raw("tech_agent") as conn:  # the yes-or-no, and nothing more
        assert conn.execute("SELECT count(*) FROM address WHERE street = %s", (PROTECTED_STREET,)).fetchone() == (0,)


def test_only_the_owner_sees_all_and_no_desk_login_may_truncate(pg):
    # agentdesk_sees_all() is "may TRUNCATE customer" (migration 0022): a desk login must never hold it.
    db, _seeded, logins = pg
    for who in ("tech_agent", "service_agent", "supervisor", "steward"):
        with logins.raw(who) as conn:
            assert conn.execute("SELECT agentdesk_sees_all()").fetchone() == (False,), who
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("TRUNCATE customer_role")
    with db.session() as s:
        assert s.scalar(select(func.agentdesk_sees_all())) is True
