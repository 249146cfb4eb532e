"""Schema upgrades and the schema-version check, driven by Alembic without an alembic.ini.

``upgrade(db)`` runs all pending migrations in one transaction (PostgreSQL has transactional DDL;
SQLite too, for everything our migrations do) and reports what it did.
"""

from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agentdesk.storage.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported where it is used: a desk starting on a current schema never needs it (its
# import is about a quarter of the desk's start-up), see prepare().

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
        return f"upgraded schema from {self.before or 'empty'} to {self.after}: applied {', '.join(self.applied)}"


class SchemaMismatch(RuntimeError):
    """The database schema is older or newer than this program expects."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def expected_revision() -> str:
    """The newest revision this program's migrations know; SchemaMismatch if it ships none (a broken
    installation), so that an empty database is never taken for a current one."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise SchemaMismatch(f"this AgentDesk has no schema migrations in {MIGRATIONS}; reinstall it")
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, target: str = "head") -> UpgradeReport:
    from alembic import command
    from alembic.script import ScriptDirectory

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
        raise SchemaMismatch(
            f"the database {db.display_url()} has no AgentDesk schema; run 'agentdesk db upgrade' first"
        )
    if not known_revision(have):
        raise SchemaMismatch(
            f"the database schema ({have}) is newer than this AgentDesk expects ({want}); "
            "upgrade AgentDesk on this workstation"
        )
    raise SchemaMismatch(
        f"the database schema ({have}) is older than this AgentDesk expects ({want}); "
        "ask IT to run 'agentdesk db upgrade'"
    )


class SchemaState(enum.Enum):
    """How the database's schema relates to this program's migrations."""

    CURRENT = "current"
    EMPTY = "empty"  # no AgentDesk schema at all
    OLDER = "older"  # a known earlier revision: ``agentdesk db upgrade`` brings it up to date
    NEWER = "newer"  # a revision this program does not know: made by a newer AgentDesk


def known_revision(revision: str) -> bool:
    """Whether ``revision`` is one of this program's migrations."""
    from alembic.script import ScriptDirectory

    return revision in {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def schema_state(db: Database) -> SchemaState:
    have = current_revision(db)
    if have == expected_revision():
        return SchemaState.CURRENT
    if have is None:
        return SchemaState.EMPTY
    return SchemaState.OLDER if known_revision(have) else SchemaState.NEWER


_REVISION = re.compile(r"^revision\s*(?::[^=]+)?=\s*['\"]([^'\"]+)['\"]\s*$", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(None|['\"]([^'\"]+)['\"])\s*$", re.MULTILINE)


def shipped_head() -> str | None:
    """The head revision read from the migration files' ``revision``/``down_revision`` lines,
    without Alembic; None when any file does not say both plainly or there is not exactly one head
    (then only Alembic may judge)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0][1]:
            downs.add(down[0][1])
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def stored_revision(db: Database) -> str | None:
    """The database's revision from Alembic's ``alembic_version`` table, read without Alembic (and,
    for a plain SQLite file, without SQLAlchemy: see :meth:`Database.first_read`)."""
    if not db.has_table("alembic_version"):
        return None
    rows = db.first_read("SELECT version_num FROM alembic_version")
    return str(rows[0][0]) if len(rows) == 1 else None


def prepare(db: Database, *, upgrade_first: bool = False) -> SchemaState:
    """What a desk runs at start-up (off its UI thread): upgrade the embedded database if asked, then
    say whether the schema is the one this program expects. A database already at the shipped head
    is current without importing Alembic; anything else goes through Alembic."""
    head = shipped_head()
    if head is not None and stored_revision(db) == head:
        return SchemaState.CURRENT
    if upgrade_first:
        report = upgrade(db)
        if report.applied:
            log.info("%s", report.describe())
    return schema_state(db)
