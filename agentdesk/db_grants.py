"""The grants of the shared PostgreSQL: the desk's group roles, what each may do, and each staff member's
database login in the group roles of their directory role and department.

``agentdesk db grants`` (IT, as the tables' owner) makes the group roles of
:func:`agentdesk.need_to_know.all_groups` (NOLOGIN) and grants them their privileges on the desk's
schema; ``agentdesk staff sync --db-logins`` then grants every active staff member's login the groups of
:func:`agentdesk.need_to_know.group_roles` and takes every desk group from a leaver. The row-level
security policies of migration 0014 do the rest: what a login may not see, it never receives.

What a desk login may do:

- read and write the register's ordinary tables (customers, contacts, cases, queues, ...), within the
  row-level policies (sensitive roles, protected addresses, restricted customers);
- ``INSERT`` into the audit log, never ``UPDATE``/``DELETE``/``TRUNCATE`` it, and read nothing of it but
  the new entry's id (``RETURNING id``); the chain's head row it reads and moves (that is how it appends);
- read the restrictions; mark a customer restricted only as a supervisor or administrator;
- read its own break-the-glass grants, never write one (the audit entry's trigger does).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection

from agentdesk.need_to_know import DESK_GROUP, all_groups, group_roles, role_group
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import StaffRole

# Tables the desk group does not get the ordinary read-write grant on (their own grants follow).
_SPECIAL = ("audit_entry", "audit_chain_head", "break_glass_grant", "customer_restriction", "alembic_version")
_AUDIT_READERS = (role_group(StaffRole.SUPERVISOR), role_group(StaffRole.ADMIN), role_group("dpo"))
_RESTRICTERS = (role_group(StaffRole.SUPERVISOR), role_group(StaffRole.ADMIN))


class GrantsError(RuntimeError):
    pass


def _q(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote_identifier(name))


def grant_statements(conn: Connection) -> list[str]:
    """The statements that bring the group roles and their privileges up to date (idempotent)."""
    schema = _q(conn, str(conn.execute(text("SELECT current_schema()")).scalar_one()))
    tables = [
        r[0]
        for r in conn.execute(
            text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY 1")
        )
    ]
    if "customer" not in tables:
        raise GrantsError("the schema has no desk tables: run `agentdesk db upgrade` first")
    out = [
        # Made once per cluster; a concurrent run that made it first is fine.
        f"DO $$ BEGIN CREATE ROLE {g} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        for g in all_groups()
    ]
    desk = DESK_GROUP
    ordinary = [t for t in tables if t not in _SPECIAL]
    out.append(f"GRANT USAGE ON SCHEMA {schema} TO {desk}")
    # ALL takes TRUNCATE too: agentdesk_sees_all() is "may TRUNCATE customer" (migration 0022).
    out.append(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {', '.join(all_groups())}")
    out += [f"GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.{_q(conn, t)} TO {desk}" for t in ordinary]
    out += [
        f"GRANT INSERT, SELECT (id) ON {schema}.audit_entry TO {desk}",
        f"GRANT SELECT, UPDATE ON {schema}.audit_chain_head TO {desk}",
        f"GRANT SELECT ON {schema}.break_glass_grant, {schema}.customer_restriction TO {desk}",
        f"GRANT SELECT ON {schema}.alembic_version TO {desk}",
        f"GRANT INSERT, UPDATE, DELETE ON {schema}.customer_restriction TO {', '.join(_RESTRICTERS)}",
        f"GRANT SELECT ON {schema}.audit_entry TO {', '.join(_AUDIT_READERS)}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {desk}",
    ]
    return out


def apply_grants(db: Database, *, dry_run: bool = False) -> list[str]:
    """Run (or, dry, only list) the grant statements in one transaction; returns them."""
    if db.dialect != "postgresql":
        raise GrantsError("database grants are for the shared PostgreSQL; SQLite keeps the desk's own checks")
    with db.engine.connect() as conn:
        statements = grant_statements(conn)
        if not dry_run:
            for sql in statements:  # one transaction: all of them or none
                conn.execute(text(sql))
            conn.commit()
    return statements


@dataclass
class LoginReport:
    granted: dict[str, tuple[str, ...]] = field(default_factory=dict)  # login -> its groups now
    revoked: list[str] = field(default_factory=list)  # leavers' logins that lost every desk group
    created: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # staff without a login (not created)

    def describe(self) -> str:
        return (
            f"database logins: {len(self.granted)} granted, {len(self.revoked)} revoked, "
            f"{len(self.created)} created, {len(self.missing)} without a login"
        )


def login_statements(
    conn: Connection,
    staff: Iterable[tuple[str, StaffRole, str | None]],
    leavers: Sequence[str] = (),
    *,
    create: bool = False,
    report: LoginReport | None = None,
) -> list[str]:
    """Grant each (username, role, department) login exactly its desk groups; leavers lose all of them."""
    report = report if report is not None else LoginReport()
    existing = {r[0] for r in conn.execute(text("SELECT rolname FROM pg_catalog.pg_roles"))}
    groups = all_groups()
    out: list[str] = []
    for username, role, department in staff:
        login = _q(conn, username)
        if username not in existing:
            if not create:
                report.missing.append(username)
                continue
            out.append(f"CREATE ROLE {login} LOGIN")  # authenticated by pg_hba (ldap), no password here
            report.created.append(username)
        mine = group_roles(role, department)
        out.append(f"REVOKE {', '.join(g for g in groups if g not in mine)} FROM {login}")
        out.append(f"GRANT {', '.join(mine)} TO {login}")
        report.granted[username] = mine
    for username in leavers:
        if username in existing:
            out.append(f"REVOKE {', '.join(groups)} FROM {_q(conn, username)}")
            report.revoked.append(username)
    return out


def staff_logins(db: Database) -> tuple[list[tuple[str, StaffRole, str | None]], list[str]]:
    """The active staff as (username, role, department code), and the inactive staff's usernames."""
    from sqlalchemy import select

    from agentdesk.storage.models import Department, StaffUser

    active: list[tuple[str, StaffRole, str | None]] = []
    leavers: list[str] = []
    with db.session() as s:
        rows = s.execute(
            select(StaffUser.username, StaffUser.role, StaffUser.active, Department.code).outerjoin(
                Department, Department.id == StaffUser.department_id
            )
        ).all()
    for username, role, is_active, code in rows:
        if is_active:
            active.append((username, role, code))
        else:
            leavers.append(username)
    return active, leavers


def sync_logins(
    db: Database,
    staff: Iterable[tuple[str, StaffRole, str | None]],
    leavers: Sequence[str] = (),
    *,
    create: bool = False,
    dry_run: bool = False,
) -> LoginReport:
    if db.dialect != "postgresql":
        raise GrantsError("database logins are for the shared PostgreSQL")
    report = LoginReport()
    with db.engine.connect() as conn:
        statements = login_statements(conn, staff, leavers, create=create, report=report)
        if not dry_run:
            for sql in statements:
                conn.execute(text(sql))
            conn.commit()
    return report
