"""scripts/backup-check.sh: a backup of a real AgentDesk database restores with every row."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest

from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.storage import schema
from agentdesk.storage.database import Database

PG_URL = os.environ.get("AGENTDESK_TEST_PG_URL", "")
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "backup-check.sh"


@pytest.mark.postgresql
def test_a_backup_restores_every_table_and_the_schema_revision(tmp_path):
    if not PG_URL:
        if os.environ.get("AGENTDESK_REQUIRE_PG") == "1":
            pytest.fail("AGENTDESK_REQUIRE_PG=1 but AGENTDESK_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server (run the suite with scripts/test.sh)")
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = PG_URL.rsplit("/", 1)[0] + "/" + name
    db = Database(url, password_lookup=None)
    try:
        schema.upgrade(db)
        register = CustomerRegister(db)
        for i in range(25):
            register.create(CustomerDraft(first_names=f"Backup{i}", last_name="Virtanen"), actor="test")
        db.dispose()
        dump = tmp_path / "agentdesk.dump"
        done = subprocess.run(
            ["bash", str(SCRIPT), url, "--out", str(dump)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("backup-check: OK (")
        assert "schema " in done.stdout and dump.stat().st_size > 0
    finally:
        db.dispose()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
