"""Schema migrations, the append-only audit log and optimistic concurrency on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from agentdesk import audit
from agentdesk.customer_register import CustomerDraft, CustomerRegister, EditConflict
from agentdesk.storage import schema
from agentdesk.storage.database import Database, DatabaseUrlError
from agentdesk.storage.models import AuditEntry, Base


def test_migrations_from_empty_create_every_table(empty_db):
    assert schema.current_revision(empty_db) is None
    with pytest.raises(schema.SchemaMismatch, match="no AgentDesk schema"):
        schema.check_current(empty_db)
    report = schema.upgrade(empty_db)
    assert report.before is None and report.after == schema.expected_revision()
    from alembic.script import ScriptDirectory

    every = ScriptDirectory.from_config(schema._config()).walk_revisions()
    assert report.applied == tuple(reversed([r.revision for r in every]))
    tables = set(inspect(empty_db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "customer_search" in tables
    schema.check_current(empty_db)
    again = schema.upgrade(empty_db)
    assert again.applied == () and "current" in again.describe()


def test_migrated_columns_match_the_models(db):
    insp = inspect(db.engine)
    for name, table in Base.metadata.tables.items():
        have = {c["name"] for c in insp.get_columns(name)}
        assert have == {c.name for c in table.columns}, name


def test_schema_newer_than_program_is_refused(db):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(schema.SchemaMismatch, match="newer than this AgentDesk"):
        schema.check_current(db)


def test_audit_log_is_append_only(db):
    with db.session() as s, s.begin():
        audit.record(s, actor="agent.aino", action="customer.view", subject_customer_id=7, purpose="call")
    with db.session() as s:
        entries = audit.entries_for(s, 7)
    assert [(e.actor, e.action, e.purpose) for e in entries] == [("agent.aino", "customer.view", "call")]
    for statement in ("UPDATE audit_entry SET actor = 'someone'", "DELETE FROM audit_entry"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    with db.session() as s:
        assert s.scalar(select(AuditEntry.actor)) == "agent.aino"


def test_stale_save_from_second_workstation_is_a_conflict(db):
    register = CustomerRegister(db)
    created = register.create(
        CustomerDraft(first_names="Aino", last_name="Laine", phones=("040 111 2222",)), actor="ws1"
    )
    # Both workstations opened version 1; the first saves a new phone number.
    first = register.update(
        created.id,
        created.version,
        CustomerDraft(first_names="Aino", last_name="Laine", phones=("040 333 4444",)),
        actor="ws1",
    )
    assert first.version == created.version + 1
    mine = CustomerDraft(first_names="Aino", last_name="Laine-Korhonen", phones=("040 111 2222",))
    with pytest.raises(EditConflict) as caught:
        register.update(created.id, created.version, mine, actor="ws2")
    assert caught.value.theirs.phones == ("+358403334444",)
    assert caught.value.mine.last_name == "Laine-Korhonen"
    kept = register.get(created.id)
    assert kept.last_name == "Laine" and kept.phones == ("+358403334444",)


def test_password_in_postgres_url_is_refused():
    with pytest.raises(DatabaseUrlError, match="keyring"):
        Database("postgresql://agent:secret@db.example/agentdesk")


def test_postgres_password_comes_from_the_keyring():
    from sqlalchemy.engine import make_url

    from agentdesk import credentials

    pg = make_url("postgresql+psycopg://desk@db.example:5432/agentdesk")
    credentials.set_database_password(pg, "s3cret")
    assert credentials.database_password(pg) == "s3cret"
    db = Database("postgresql://desk@db.example:5432/agentdesk")
    assert db.engine.url.password == "s3cret"
    assert "s3cret" not in db.display_url()


def test_unsupported_url_is_explained():
    with pytest.raises(DatabaseUrlError, match="unsupported database"):
        Database("mysql://x/y")
