"""A PostgreSQL server of the test's own, to stop and start mid-test (the offline outbox's tests).

Never the shared test server (``AGENTDESK_TEST_PG_URL``): others use it. This runs
``scripts/postgres.sh`` with a data folder (``AGENTDESK_PG_DIR``) and a free port
(``AGENTDESK_PG_PORT``) of its own, and stops it (``pg_ctl -m fast``, the clients are cut off) and
starts it again on the same folder and port. Skipped when no PostgreSQL server binaries are
installed, unless ``AGENTDESK_REQUIRE_PG=1``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from agentdesk.storage import schema
from agentdesk.storage.connection import ConnectionSettings
from agentdesk.storage.database import Database

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "postgres.sh"
# A desk's settings, but quick to give up: a stopped server refuses at once anyway.
OFFLINE_TEST_CONNECTION = ConnectionSettings(
    pool_size=2, max_overflow=2, pool_timeout=5.0, application_name="agentdesk-outbox-test", connect_timeout=3
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OwnPostgres:
    def __init__(self) -> None:
        # In /tmp, readable by the postgres user when the tests run as root (initdb refuses root).
        self.folder = Path(tempfile.mkdtemp(prefix="agentdesk-own-pg-", dir="/tmp"))
        self.folder.chmod(0o755)
        self.port = _free_port()
        self.url = ""

    def _run(self, command: str) -> str:
        env = {**os.environ, "AGENTDESK_PG_DIR": str(self.folder), "AGENTDESK_PG_PORT": str(self.port)}
        done = subprocess.run(
            ["bash", str(SCRIPT), command], env=env, capture_output=True, text=True, timeout=180, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"postgres.sh {command} failed: {done.stderr[-2000:]}")
        return done.stdout.strip()

    def start(self) -> str:
        self.url = self._run("start")
        return self.url

    def stop(self) -> None:
        self._run("stop")

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def database(self) -> Database:
        """A fresh, migrated schema of its own on this server."""
        import psycopg

        name = "o_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        db = Database(
            f"{self.url}?options=-csearch_path%3D{name}", password_lookup=None, settings=OFFLINE_TEST_CONNECTION
        )
        schema.upgrade(db)
        return db


def _binaries_found() -> bool:
    return any(Path(p).exists() for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")) or bool(
        shutil.which("initdb")
    )


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[OwnPostgres]:
    """A running PostgreSQL server of this test module's own (see the module)."""
    if not _binaries_found():
        if os.environ.get("AGENTDESK_REQUIRE_PG") == "1":
            pytest.fail("AGENTDESK_REQUIRE_PG=1 but no PostgreSQL server binaries (initdb) are installed")
        pytest.skip("no PostgreSQL server binaries (initdb)")
    server = OwnPostgres()
    server.start()
    yield server
    server.remove()


@pytest.fixture
def running_postgres(own_postgres: OwnPostgres) -> OwnPostgres:
    """``own_postgres``, started again if a test left it stopped."""
    own_postgres.start()
    return own_postgres
