"""Schema upgrades and the schema-version check, driven by Alembic without an alembic.ini.

``upgrade(db)`` runs all pending migrations in one transaction (PostgreSQL has transactional DDL;
SQLite too, for everything our migrations do) and reports what it did.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from agentdesk.storage.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpgradeReport:
    before: str | None
    after: str | None
    applied: tuple[str, ...]

    def describe(self) -> str:
        if not self.applied:
            return f"database schema is current (revision {self.after})"
        return (f"upgraded schema from {self.before or 'empty'} to {self.after}: "
                f"applied {', '.join(self.applied)}")


class SchemaMismatch(RuntimeError):
    """The database schema is older or newer than this program expects."""


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def expected_revision() -> str:
    """The newest revision this program's migrations know; SchemaMismatch if it ships none (a broken
    installation), so that an empty database is never taken for a current one."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise SchemaMismatch(f"this AgentDesk has no schema migrations in {MIGRATIONS}; reinstall it")
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, target: str = "head") -> UpgradeReport:
    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    before = current_revision(db)
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            # pysqlite runs DDL outside any transaction unless one is open: open it, so a
            # failing migration leaves the embedded database exactly as it was.
            conn.exec_driver_sql("BEGIN")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    after = current_revision(db)
    applied: list[str] = []
    if after != before:
        for rev in script.iterate_revisions(after, before):
            applied.append(rev.revision)
        applied.reverse()
    return UpgradeReport(before, after, tuple(applied))


def check_current(db: Database) -> None:
    """Refuse to run against a schema older or newer than this program's migrations."""
    have = current_revision(db)
    want = expected_revision()
    if have == want:
        return
    if have is None:
        raise SchemaMismatch(f"the database {db.display_url()} has no AgentDesk schema; "
                             "run 'agentdesk db upgrade' first")
    known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
    if have not in known:
        raise SchemaMismatch(f"the database schema ({have}) is newer than this AgentDesk expects ({want}); "
                             "upgrade AgentDesk on this workstation")
    raise SchemaMismatch(f"the database schema ({have}) is older than this AgentDesk expects ({want}); "
                         "ask IT to run 'agentdesk db upgrade'")


class SchemaState(enum.Enum):
    """How the database's schema relates to this program's migrations."""

    CURRENT = "current"
    EMPTY = "empty"  # no AgentDesk schema at all
    OLDER = "older"  # a known earlier revision: ``agentdesk db upgrade`` brings it up to date
    NEWER = "newer"  # a revision this program does not know: made by a newer AgentDesk


def known_revision(revision: str) -> bool:
    """Whether ``revision`` is one of this program's migrations."""
    return revision in {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def schema_state(db: Database) -> SchemaState:
    have = current_revision(db)
    if have == expected_revision():
        return SchemaState.CURRENT
    if have is None:
        return SchemaState.EMPTY
    return SchemaState.OLDER if known_revision(have) else SchemaState.NEWER


def prepare(db: Database, *, upgrade_first: bool = False) -> SchemaState:
    """What a desk runs at start-up (off its UI thread): upgrade the embedded database if asked, then
    say whether the schema is the one this program expects."""
    if upgrade_first:
        report = upgrade(db)
        if report.applied:
            log.info("%s", report.describe())
    return schema_state(db)
