"""Shared fixtures: fresh settings and keyring per test, and a migrated database on each backend.

``db`` runs a test on a SQLite file and, when scripts/test.sh has started the throwaway server
(``AGENTDESK_TEST_PG_URL``), on PostgreSQL in a schema of its own. Set ``AGENTDESK_REQUIRE_PG=1``
(scripts/test.sh does) to make a missing server an error instead of a skip.
"""

from __future__ import annotations

import logging
import os
import uuid

import pytest
from hypothesis import HealthCheck, settings

from agentdesk.storage import schema
from agentdesk.storage.database import Database
from tests.ldap_support import directory, directory_admin  # noqa: F401 - the directory's fixtures, for every package

PG_URL = os.environ.get("AGENTDESK_TEST_PG_URL", "")

# Property-based (fuzz) tests: the default profile keeps the suite within its time; a release runs
# `pytest --hypothesis-profile=long` (about 10,000 inputs per property). Fuzz tests never set
# max_examples themselves, so the profile decides. No deadline: a loaded CI machine is not a bug,
# and search timing is measured by benchmarks/fuzz_search.py, not here.
_FUZZ_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "default",
    max_examples=150,
    deadline=None,
    suppress_health_check=_FUZZ_HEALTH,
    derandomize=True,
    database=None,
    print_blob=True,
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=_FUZZ_HEALTH, print_blob=True
)
settings.load_profile(os.environ.get("AGENTDESK_HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Never the developer's own settings, data folder or keyring."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AGENTDESK_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    # The test-only switch: agentdesk.credentials refuses a plaintext keyring everywhere else.
    monkeypatch.setenv("AGENTDESK_ALLOW_PLAINTEXT_KEYRING", "1")
    import keyring.core

    keyring.core.set_keyring(keyring.core.load_keyring("keyrings.alt.file.PlaintextKeyring"))
    return home


@pytest.fixture(autouse=True)
def _no_unexpected_warning_logs(request, caplog):
    """A WARNING or worse in the log fails the test unless it is marked ``expect_log_warnings``."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("expect_log_warnings"):
        return
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if bad:
        pytest.fail("unexpected log messages:\n" + "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in bad))


def _pg_available() -> bool:
    if PG_URL:
        return True
    if os.environ.get("AGENTDESK_REQUIRE_PG") == "1":
        pytest.fail("AGENTDESK_REQUIRE_PG=1 but AGENTDESK_TEST_PG_URL is not set")
    return False


def make_database(backend: str, tmp_path) -> tuple[Database, callable]:
    """An empty database on the backend and a function that throws it away."""
    if backend == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'agentdesk.sqlite3'}")
        return db, db.dispose
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    admin_url = PG_URL
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in PG_URL else "?"
    db = Database(f"{PG_URL}{sep}options=-csearch_path%3D{name}", password_lookup=None)

    def drop() -> None:
        db.dispose()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")

    return db, drop


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def empty_db(request, tmp_path):
    if request.param == "postgresql" and not _pg_available():
        pytest.skip("no PostgreSQL server (run the suite with scripts/test.sh)")
    db, drop = make_database(request.param, tmp_path)
    yield db
    drop()


@pytest.fixture
def db(empty_db):
    schema.upgrade(empty_db)
    return empty_db


@pytest.fixture
def pg_db(tmp_path):
    """A migrated database on the real PostgreSQL only (row-level security and grants have no SQLite twin)."""
    if not _pg_available():
        pytest.skip("no PostgreSQL server (run the suite with scripts/test.sh)")
    db, drop = make_database("postgresql", tmp_path)
    schema.upgrade(db)
    yield db
    drop()


@pytest.fixture
def sqlite_db(tmp_path):
    db, drop = make_database("sqlite", tmp_path)
    schema.upgrade(db)
    yield db
    drop()
