"""Safe schema upgrades on SQLite and PostgreSQL: a dry run changes nothing, an upgrade from the
previous revision keeps every row, a failing migration leaves the schema as it was, and the desk's
check refuses a schema older or newer than the program.

The tests work with whatever migrations exist: with one revision only, a harmless extra revision
on top of a copy of the migrations plays "the newest migration".
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass

import pytest
from sqlalchemy import func, inspect, select, table, text
from sqlalchemy.exc import DBAPIError

from agentdesk import cli
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.interaction_log import InteractionDraft, InteractionLog
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage import schema
from agentdesk.storage.models import Channel, Outcome


def _scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS))
    return ScriptDirectory.from_config(cfg)


def add_revision(folder, revision: str, down: str, body: str) -> None:
    (folder / "versions" / f"{revision}_test_only.py").write_text(
        f'"""Test-only revision {revision}."""\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        f"revision = {revision!r}\ndown_revision = {down!r}\nbranch_labels = None\ndepends_on = None\n\n\n"
        f"def upgrade() -> None:\n{body}\n\n\ndef downgrade() -> None:\n    pass\n"
    )


@pytest.fixture
def migrations_copy(tmp_path, monkeypatch):
    """A copy of the real migrations that schema.upgrade uses for this test; add revisions to it."""
    folder = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(schema, "MIGRATIONS", folder)
    return folder


@dataclass(frozen=True)
class Chain:
    previous: str
    head: str


@pytest.fixture
def chain(request) -> Chain:
    """The previous and the newest revision: the real ones, or the real head and a test-only one."""
    head = _scripts().get_revision("head")
    if head.down_revision is not None:
        return Chain(head.down_revision, head.revision)
    folder = request.getfixturevalue("migrations_copy")
    add_revision(
        folder,
        "9000",
        head.revision,
        "    op.create_table('upgrade_probe', sa.Column('id', sa.Integer, primary_key=True))",
    )
    return Chain(head.revision, "9000")


def row_counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        names = [
            n
            for n in inspect(conn).get_table_names()
            if n != "alembic_version" and not n.startswith("customer_search_")
        ]  # SQLite FTS5 shadow tables
        return {n: conn.execute(select(func.count()).select_from(table(n))).scalar_one() for n in names}


# -- upgrade from the previous revision keeps the data ---------------------------------------------


def downgrade(db, target: str) -> None:
    """Alembic's downgrade in one transaction, as schema.upgrade runs the upgrades."""
    from alembic import command

    cfg = schema._config()
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.exec_driver_sql("BEGIN")
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def test_upgrade_from_the_previous_revision_keeps_every_row(empty_db, chain):
    # The rows are written by this program on the newest schema, which then goes back to the previous
    # revision: a migration may add columns this program's writes need (the audit chain's, 0007), so
    # it cannot write on the previous schema itself.
    db = empty_db
    schema.upgrade(db)
    register = CustomerRegister(db)
    aino = register.create(
        CustomerDraft(
            first_names="Aino Maria",
            last_name="Virtanen",
            hetu="010594Y9032",
            phones=("040 765 1234",),
            emails=("aino.virtanen@example.com",),
            street="Rantatie 5",
            postal_code="40100",
            municipality="Jyväskylä",
        ),
        actor="it",
    )
    sven = register.create(
        CustomerDraft(first_names="Sven", last_name="Åkerlund", phones=("050 111 2233",)), actor="it"
    )
    log = InteractionLog(db)
    started = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
    for i, who in enumerate((aino.id, aino.id, sven.id)):
        log.save(
            InteractionDraft(
                Channel.PHONE,
                started + dt.timedelta(hours=i),
                who,
                topic="water.billing",
                outcome=Outcome.RESOLVED_FIRST_CONTACT,
                notes=f"call {i}",
            ),
            agent_id=None,
            actor="agent.aino",
        )
    downgrade(db, chain.previous)
    assert schema.current_revision(db) == chain.previous
    before = row_counts(db)
    assert before["customer"] == 2 and before["interaction"] == 3

    report = schema.upgrade(db)
    assert (report.before, report.after) == (chain.previous, chain.head) and report.applied[-1] == chain.head
    schema.check_current(db)
    after = row_counts(db)
    assert {name: after[name] for name in before} == before  # every old table, every row
    assert register.get(aino.id) == aino  # the record reads back identical
    hits = CustomerSearch(db).search("Aino Virtanen").hits
    assert [h.customer_id for h in hits] == [aino.id]  # the search documents survived
    assert [h.customer_id for h in CustomerSearch(db).search("040 765 1234").hits] == [aino.id]
    overview = CustomerOverviewService(db).open(aino.id, actor="agent.aino")
    assert overview.contact_count == 2 and overview.header.last_name == "Virtanen"
    from agentdesk import audit_chain

    with db.session() as s:
        assert audit_chain.verify(s).ok  # the entries written before the upgrade are chained


# -- dry run ---------------------------------------------------------------------------------------


def test_dry_run_lists_pending_revisions_and_applies_nothing(empty_db, chain, capsys, monkeypatch):
    schema.upgrade(empty_db, chain.previous)
    monkeypatch.setattr(cli, "_database", lambda args: empty_db)
    assert cli.main(["db", "upgrade", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f": dry run: would upgrade schema from {chain.previous} to {chain.head}: {chain.head} (" in out
    assert schema.current_revision(empty_db) == chain.previous
    assert cli.main(["db", "upgrade"]) == 0
    assert f"upgraded schema from {chain.previous} to {chain.head}: applied {chain.head}" in capsys.readouterr().out
    assert cli.main(["db", "upgrade", "--dry-run"]) == 0
    assert capsys.readouterr().out.endswith(
        f": dry run: database schema is current (revision {chain.head}); nothing to apply\n"
    )


# -- a failing migration leaves the schema unchanged -----------------------------------------------


def test_a_failing_migration_rolls_the_whole_upgrade_back(empty_db, migrations_copy):
    db = empty_db
    head = schema.expected_revision()
    schema.upgrade(db)
    CustomerRegister(db).create(CustomerDraft(first_names="Aino", last_name="Virtanen"), actor="it")
    add_revision(
        migrations_copy,
        "9001",
        head,
        "    op.create_table('half_done', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    op.add_column('customer', sa.Column('nickname', sa.String(40)))",
    )
    add_revision(migrations_copy, "9002", "9001", "    op.execute('INSERT INTO no_such_table VALUES (1)')")
    tables_before = set(inspect(db.engine).get_table_names())

    with pytest.raises(DBAPIError, match="no_such_table"):
        schema.upgrade(db)

    assert schema.current_revision(db) == head
    insp = inspect(db.engine)
    assert set(insp.get_table_names()) == tables_before  # 9001's table was rolled back too
    assert "nickname" not in {c["name"] for c in insp.get_columns("customer")}
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT last_name FROM customer")).scalars().all() == ["Virtanen"]


# -- the desk refuses an older or newer schema -----------------------------------------------------


def test_older_schema_is_refused_with_a_clear_message(empty_db, chain, capsys, monkeypatch):
    schema.upgrade(empty_db, chain.previous)
    with pytest.raises(schema.SchemaMismatch) as caught:
        schema.check_current(empty_db)
    assert str(caught.value) == (
        f"the database schema ({chain.previous}) is older than this AgentDesk expects "
        f"({chain.head}); ask IT to run 'agentdesk db upgrade'"
    )
    monkeypatch.setattr(cli, "_database", lambda args: empty_db)
    assert cli.main(["search", "Virtanen"]) == 2
    assert capsys.readouterr().err == f"agentdesk: {caught.value}\n"


def test_newer_schema_is_refused_by_the_cli_and_by_the_dry_run(db, capsys, monkeypatch):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    monkeypatch.setattr(cli, "_database", lambda args: db)
    for argv in (["search", "Virtanen"], ["db", "upgrade", "--dry-run"]):
        assert cli.main(argv) == 2
        assert capsys.readouterr().err == (
            f"agentdesk: the database schema (9999) is newer than this AgentDesk expects "
            f"({schema.expected_revision()}); upgrade AgentDesk on this workstation\n"
        )


def test_an_installation_without_migrations_never_takes_an_empty_database_for_current(
    empty_db, migrations_copy, capsys, monkeypatch
):
    for revision_file in (migrations_copy / "versions").glob("*.py"):
        revision_file.unlink()
    with pytest.raises(schema.SchemaMismatch, match="has no schema migrations"):
        schema.check_current(empty_db)
    monkeypatch.setattr(cli, "_database", lambda args: empty_db)
    assert cli.main(["search", "Virtanen"]) == 2
    assert "has no schema migrations" in capsys.readouterr().err
