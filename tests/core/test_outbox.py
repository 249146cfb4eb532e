"""The offline outbox: contacts kept encrypted per staff user while the database cannot be reached,
sent once, in order, when it answers again (against a PostgreSQL server of the test's own that is
stopped and started; the shared test server is never touched)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from agentdesk.drafts import new_key
from agentdesk.interaction_log import InteractionDraft, InteractionInvalid, InteractionLog
from agentdesk.outbox import Outbox, QueuedContact, contact_uuid, new_entry_key, send_pending
from agentdesk.storage.models import Channel, Interaction, Outcome
from agentdesk.storage.reachability import is_unreachable
from tests.pg_server_support import own_postgres, running_postgres  # noqa: F401 - fixtures

NOTE = "Soittaja kertoi salaisen asian: ovikoodi 4711"


def _draft(notes: str = NOTE, customer_id: int | None = None) -> InteractionDraft:
    return InteractionDraft(
        channel=Channel.PHONE,
        started_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=3),
        customer_id=customer_id,
        topic="general.advice",
        notes=notes,
        outcome=Outcome.RESOLVED_FIRST_CONTACT,
    )


def _entry(notes: str = NOTE, contact_key: str | None = None, customer_id: int | None = None) -> QueuedContact:
    key = new_entry_key()
    return QueuedContact(
        key=key,
        client_uuid=contact_uuid(contact_key or f"contact-{key}"),
        draft=_draft(notes, customer_id),
        agent_id=None,
        actor="agent.aino",
        ended_at=dt.datetime.now(dt.UTC),
    )


def _notes(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Interaction.notes).order_by(Interaction.id)))


def test_a_contact_saved_twice_with_its_key_is_stored_once(db):
    log = InteractionLog(db)
    key = contact_uuid("contact-0123456789abcdef")
    first = log.save(_draft(), agent_id=None, actor="agent.aino", client_uuid=key)
    again = log.save(_draft("typed again"), agent_id=None, actor="agent.aino", client_uuid=key)
    assert (again.id, again.already_saved, first.already_saved) == (first.id, True, False)
    assert _notes(db) == [NOTE]
    other = log.save(_draft("another contact"), agent_id=None, actor="agent.aino", client_uuid=contact_uuid("x"))
    assert other.id != first.id
    with db.session() as s, s.begin():  # the database itself refuses a second row with the key
        s.add(Interaction(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC), client_uuid=key))
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()


@pytest.mark.expect_log_warnings  # the file read under another key is logged as undecryptable
def test_the_outbox_is_encrypted_per_staff_user_and_survives_a_restart(tmp_path):
    aino_key, bea_key = new_key(), new_key()
    aino = Outbox.opened(tmp_path, "agent.aino", aino_key)
    first, second = _entry("ensimmäinen " + NOTE), _entry("toinen " + NOTE)
    aino.put(first)
    aino.put(second)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(files) == 2
    for path in files:  # nothing the agent typed, nor the username, is readable on the disk
        raw = path.read_bytes()
        assert b"ovikoodi" not in raw and "ovikoodi".encode("utf-16-le") not in raw
        assert b"agent.aino" not in raw and b"agent.aino" not in str(path).encode()

    again = Outbox.opened(tmp_path, "agent.aino", aino_key)  # the desk started again
    assert [e.draft.notes for e in again.pending()] == [first.draft.notes, second.draft.notes]
    assert again.pending()[0].client_uuid == first.client_uuid

    bea = Outbox.opened(tmp_path, "agent.bea", bea_key)  # another staff user on this workstation
    assert bea.pending() == []
    # Even pointed at Aino's folder with her own key, Bea reads nothing of it.
    assert again.folder is not None
    assert Outbox.opened(again.folder.parent, "agent.aino", bea_key).pending() == []


def test_unreachable_is_told_apart_from_what_the_agent_must_fix():
    assert not is_unreachable(InteractionInvalid({"topic": "choose a topic"}))
    assert not is_unreachable(IntegrityError("insert", {}, Exception("duplicate key")))
    assert not is_unreachable(ValueError("bad"))
    assert is_unreachable(ConnectionRefusedError())


def test_waiting_contacts_are_sent_in_order_and_once_after_the_server_comes_back(running_postgres, tmp_path):  # noqa: F811
    server = running_postgres
    db = server.database()
    log = InteractionLog(db)
    outbox = Outbox.opened(tmp_path, "agent.aino", new_key())
    try:
        # A save whose answer was lost: it reached the database, and waits in the outbox too.
        lost = _entry("vastaus katosi", contact_key="contact-lost-answer")
        log.save(lost.draft, agent_id=None, actor="agent.aino", ended_at=lost.ended_at, client_uuid=lost.client_uuid)
        outbox.put(lost)
        server.stop()
        with pytest.raises(OperationalError) as refused:
            log.save(_draft(), agent_id=None, actor="agent.aino", client_uuid=contact_uuid("contact-while-down"))
        assert is_unreachable(refused.value)
        for n in range(3):
            outbox.put(_entry(f"odottaa {n}"))
        report = send_pending(outbox, log)
        assert report.unreachable and not report.sent and len(report.waiting) == 4

        server.start()
        report = send_pending(outbox, log)
        assert not report.unreachable and report.waiting == ()
        assert [saved.already_saved for _key, saved in report.sent] == [True, False, False, False]
        assert _notes(db) == ["vastaus katosi", "odottaa 0", "odottaa 1", "odottaa 2"]
        assert send_pending(outbox, log).sent == ()  # nothing twice
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Interaction)) == 4
    finally:
        server.start()
        db.dispose()


def test_a_contact_the_database_refuses_is_handed_back_and_not_retried(db, tmp_path):
    outbox = Outbox.opened(tmp_path, "agent.aino", new_key())
    refused = _entry("asiakas poistettiin", customer_id=987654)  # no such customer any more
    fine = _entry("tallentuu")
    outbox.put(refused)
    outbox.put(fine)
    handed: list[tuple[str, dict[str, str]]] = []
    report = send_pending(outbox, InteractionLog(db), on_rejected=lambda e, errors: handed.append((e.key, errors)))
    assert handed == [(refused.key, {"customer": "the customer no longer exists"})]
    assert [key for key, _saved in report.sent] == [fine.key] and report.waiting == ()
    assert _notes(db) == ["tallentuu"]
