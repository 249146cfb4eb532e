"""What ``agentdesk db upgrade`` would do, without doing it (``--dry-run``)."""

from __future__ import annotations

from dataclasses import dataclass

from alembic.config import Config
from alembic.script import ScriptDirectory

from agentdesk.storage import schema
from agentdesk.storage.database import Database


@dataclass(frozen=True)
class PendingRevision:
    revision: str
    title: str  # the first sentence of the migration's docstring


@dataclass(frozen=True)
class UpgradePlan:
    current: str | None
    head: str
    pending: tuple[PendingRevision, ...]

    def describe(self) -> str:
        if not self.pending:
            return f"dry run: database schema is current (revision {self.head}); nothing to apply"
        steps = "; ".join(f"{p.revision} ({p.title})" if p.title else p.revision for p in self.pending)
        return f"dry run: would upgrade schema from {self.current or 'empty'} to {self.head}: {steps}"


def _scripts() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS))
    return ScriptDirectory.from_config(cfg)


def _first_sentence(doc: str) -> str:
    paragraph = " ".join(doc.strip().split("\n\n")[0].split())
    return paragraph.split(". ")[0].rstrip(".")


def upgrade_plan(db: Database) -> UpgradePlan:
    """The revisions an upgrade would apply, oldest first; SchemaMismatch for a newer schema."""
    scripts = _scripts()
    head = schema.expected_revision()
    current = schema.current_revision(db)
    known = {s.revision for s in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise schema.SchemaMismatch(
            f"the database schema ({current}) is newer than this AgentDesk expects "
            f"({head}); upgrade AgentDesk on this workstation"
        )
    pending = [
        PendingRevision(s.revision, _first_sentence(s.doc or "")) for s in scripts.iterate_revisions(head, current)
    ]
    pending.reverse()
    return UpgradePlan(current, head, tuple(pending))
