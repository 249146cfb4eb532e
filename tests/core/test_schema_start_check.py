"""The desk's start-up schema check: a current database is judged without Alembic, and agrees with it."""

from __future__ import annotations

from sqlalchemy import text

from agentdesk.storage import schema


def test_the_migration_files_name_the_same_head_as_alembic():
    assert schema.shipped_head() == schema.expected_revision()


def test_prepare_tells_empty_older_newer_and_current_apart(empty_db):
    assert schema.stored_revision(empty_db) is None
    assert schema.prepare(empty_db) is schema.SchemaState.EMPTY
    schema.upgrade(empty_db, "0002")
    assert schema.prepare(empty_db) is schema.SchemaState.OLDER
    assert schema.prepare(empty_db, upgrade_first=True) is schema.SchemaState.CURRENT
    assert schema.stored_revision(empty_db) == schema.expected_revision()
    with empty_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert schema.prepare(empty_db) is schema.SchemaState.NEWER
    assert schema.prepare(empty_db, upgrade_first=False) is not schema.SchemaState.CURRENT
