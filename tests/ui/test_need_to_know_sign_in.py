"""The directory sign-in with ``database_login``: the desk then connects to the shared PostgreSQL as the staff
member's own login, so the row-level security of that login's group roles applies to what the desk reads."""

from __future__ import annotations

import psycopg
import pytest

from agentdesk.db_grants import sync_logins
from agentdesk.storage.kinds import StaffRole
from tests.core.need_to_know_support import Logins, seed

pytestmark = pytest.mark.postgresql


@pytest.fixture
def pg(pg_db):
    seeded = seed(pg_db)
    logins = Logins(pg_db)
    yield pg_db, seeded, logins
    logins.close()


def test_after_a_directory_sign_in_the_desk_connects_as_the_staff_members_login(pg, directory, directory_admin):
    from dataclasses import replace

    from sqlalchemy import text

    from agentdesk.directory.client import DirectoryError
    from agentdesk.storage.database import Database
    from agentdesk_desktop.start_up import directory_check
    from tests.ldap_support import PASSWORD

    owner, seeded, logins = pg
    uid = directory_admin.add_person("rls", "Riikka Rivitaso", ["asiakaspalvelu"])
    settings = replace(directory, database_login=True)
    desk = Database(owner.url.render_as_string(hide_password=False), password_lookup=None)
    try:
        with pytest.raises(DirectoryError, match="database login refused"):  # no PostgreSQL login yet
            directory_check(settings, uid, PASSWORD, db=desk)
        with psycopg.connect(logins.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE ROLE "{uid}" LOGIN')
        sync_logins(owner, [(uid, *_AGENT_TECHNICAL)])
        directory_check(settings, uid, PASSWORD, db=desk)
        with desk.engine.connect() as conn:
            assert conn.execute(text("SELECT session_user")).scalar_one() == uid
            assert (
                conn.execute(
                    text("SELECT count(*) FROM customer_role WHERE customer_id = :c"), {"c": seeded.client_id}
                ).scalar_one()
                == 1
            )  # the technical role only
    finally:
        desk.dispose()
        with psycopg.connect(logins.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{uid}"')
            conn.execute(f'DROP ROLE IF EXISTS "{uid}"')


_AGENT_TECHNICAL = (StaffRole.AGENT, "technical")
