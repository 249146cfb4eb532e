"""The tamper-evident audit log: ``agentdesk audit verify`` finds an entry a DBA changed, removed or
inserted with raw SQL (the append-only triggers switched off first, as a DBA can), on both databases;
search result lists are audited without the words reaching the application log."""

from __future__ import annotations

import json
import logging

from sqlalchemy import text

from agentdesk import audit, cli
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.search.audited import audited_search
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage import schema
from agentdesk.storage.database import Database


def url_of(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def write_entries(db: Database, n: int) -> None:
    for i in range(n):
        with db.session() as s, s.begin():
            audit.record(s, actor=f"agent.{i}", action="customer.view", subject_customer_id=100 + i, purpose="call")


def as_dba(db: Database, *statements: str) -> None:
    """Run raw SQL with the append-only triggers off, as someone who owns the table could."""
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.execute(text("DROP TRIGGER audit_entry_no_update"))
            conn.execute(text("DROP TRIGGER audit_entry_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"))
        for statement in statements:
            conn.execute(text(statement))


def entry_ids(db: Database) -> list[int]:
    with db.engine.connect() as conn:
        return [row[0] for row in conn.execute(text("SELECT id FROM audit_entry ORDER BY seq"))]


def verify(db: Database, capsys) -> tuple[int, str]:
    code = cli.main(["audit", "verify", "--db", url_of(db)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_untouched_log_verifies_with_its_count(db, capsys):
    write_entries(db, 5)
    code, said = verify(db, capsys)
    assert code == 0, said
    assert "intact: 5 entries" in said


def test_an_edited_entry_is_named(db, capsys):
    write_entries(db, 5)
    third = entry_ids(db)[2]
    as_dba(db, f"UPDATE audit_entry SET actor = 'someone.else' WHERE id = {third}")
    code, said = verify(db, capsys)
    assert code == 1
    assert f"entry {third} " in said and "was changed" in said, said


def test_an_edit_with_its_hash_recomputed_still_breaks_the_next_link(db, capsys):
    write_entries(db, 4)
    second = entry_ids(db)[1]
    with db.engine.connect() as conn:
        row = conn.execute(text(f"SELECT seq, at FROM audit_entry WHERE id = {second}")).one()
    from agentdesk.audit_chain import canonical, link_hash
    from agentdesk.storage.models import AuditEntry

    with db.session() as s:
        e = s.get(AuditEntry, second)
        assert e is not None and e.prev_hash is not None
        content = canonical(row.seq, e.at, "someone.else", e.subject_customer_id, e.action, "", "", e.workstation)
        forged = link_hash(e.prev_hash, content)
    as_dba(
        db,
        f"UPDATE audit_entry SET actor = 'someone.else', purpose = '', detail = '', entry_hash = '{forged}' "
        f"WHERE id = {second}",
    )
    code, said = verify(db, capsys)
    assert code == 1
    assert f"entry {second} " in said and "hash rewritten" in said, said


def test_a_deleted_entry_is_named_by_its_place(db, capsys):
    write_entries(db, 5)
    ids = entry_ids(db)
    as_dba(db, f"DELETE FROM audit_entry WHERE id = {ids[2]}")
    code, said = verify(db, capsys)
    assert code == 1
    assert "#3 was removed" in said and f"entry {ids[1]} " in said and f"entry {ids[3]} " in said, said


def test_deleting_the_last_entries_is_caught_by_the_head(db, capsys):
    write_entries(db, 4)
    last = entry_ids(db)[-1]
    as_dba(db, f"DELETE FROM audit_entry WHERE id = {last}")
    code, said = verify(db, capsys)
    assert code == 1
    assert f"the last entry #4 was removed after entry {entry_ids(db)[-1]} " in said, said


def test_an_inserted_entry_is_named(db, capsys):
    write_entries(db, 3)
    as_dba(
        db,
        "INSERT INTO audit_entry (id, at, actor, subject_customer_id, action, purpose, detail) "
        "VALUES (9000, '2026-12-01 10:00:00', 'agent.x', 42, 'customer.view', 'call', '')",
    )
    code, said = verify(db, capsys)
    assert code == 1
    assert "entry 9000 " in said and "was inserted" in said, said


def test_an_inserted_entry_with_a_forged_link_is_caught_by_the_head(db, capsys):
    write_entries(db, 3)
    from agentdesk.audit_chain import canonical, link_hash
    from agentdesk.storage.models import AuditEntry, utcnow

    with db.session() as s:
        prev = s.query(AuditEntry).order_by(AuditEntry.seq.desc()).first()
        assert prev is not None and prev.entry_hash is not None
        at = utcnow()
        forged = link_hash(prev.entry_hash, canonical(4, at, "agent.x", 42, "customer.view", "", ""))
    with db.session() as s, s.begin():  # an ORM insert of a link that looks right; the head is not moved
        s.add(
            AuditEntry(
                id=9001,
                at=at,
                actor="agent.x",
                subject_customer_id=42,
                action="customer.view",
                purpose="",
                detail="",
                seq=4,
                prev_hash=prev.entry_hash,
                entry_hash=forged,
            )
        )
    code, said = verify(db, capsys)
    assert code == 1
    assert "entry 9001 " in said and "inserted after the last entry" in said, said


def test_entries_written_before_the_chain_are_chained_by_the_migration(empty_db, capsys):
    schema.upgrade(empty_db, "0004")
    with empty_db.engine.begin() as conn:
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO audit_entry (at, actor, subject_customer_id, action, purpose, detail) "
                    f"VALUES ('2026-11-0{i + 1} 08:00:00.123456', 'agent.aino', {i}, 'customer.view', 'call', '')"
                )
            )
    schema.upgrade(empty_db)
    write_entries(empty_db, 2)
    code, said = verify(empty_db, capsys)
    assert code == 0, said
    assert "intact: 5 entries" in said


def test_a_search_result_list_is_audited_but_its_words_stay_out_of_the_log(db, caplog):
    reg = CustomerRegister(db)
    anna = reg.create(CustomerDraft(first_names="Anna", last_name="Mäkinen", hetu="010594Y9032"), actor="t").id
    reg.create(CustomerDraft(first_names="Anna", last_name="Mäkelä"), actor="t")
    caplog.set_level(logging.DEBUG)
    search = CustomerSearch(db)
    by_hetu = audited_search(search, db, "010594Y9032", actor="agent.aino")
    by_name = audited_search(search, db, "anna", actor="agent.aino")
    assert [h.customer_id for h in by_hetu.hits] == [anna] and len(by_name.hits) == 2
    with db.session() as s:
        entries = [e for e in audit.entries_for(s, anna) if e.action == audit.SEARCH_ACTION]
    assert len(entries) == 1 and entries[0].actor == "agent.aino"
    assert json.loads(entries[0].detail) == {"kind": "hetu", "query": "010594Y9032", "shown": 1, "ids": [anna]}
    assert "010594Y9032" not in caplog.text and "anna" not in caplog.text.lower()


def test_the_command_line_search_is_audited(db, capsys):
    CustomerRegister(db).create(CustomerDraft(first_names="Pekka", last_name="Virtanen"), actor="t")
    assert cli.main(["search", "virtanen", "--db", url_of(db)]) == 0
    capsys.readouterr()
    with db.engine.connect() as conn:
        detail, actor = conn.execute(
            text("SELECT detail, actor FROM audit_entry WHERE action = 'search.results'")
        ).one()
    assert actor.startswith("cli:") and json.loads(detail)["shown"] == 1
    assert verify(db, capsys)[0] == 0


def test_concurrent_writers_make_one_unbroken_chain(db, capsys):
    import threading

    def writer(n: int) -> None:
        for i in range(10):
            with db.session() as s, s.begin():
                audit.record(s, actor=f"ws{n}", action="customer.view", subject_customer_id=i)

    failures: list[BaseException] = []

    def run(n: int) -> None:
        try:
            writer(n)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
    code, said = verify(db, capsys)
    assert code == 0 and "intact: 40 entries" in said, said
