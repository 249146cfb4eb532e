"""E-mail stored in its own tables (email_message, email_attachment) on SQLite and PostgreSQL: decoded
text, HTML reduced to safe text, attachments kept, one row per mailbox and Message-ID however many
intake services take the mail in; the conversation read, answered over the real SMTP server and
linked to a customer."""

from __future__ import annotations

import threading
from email import message_from_bytes, policy

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import select

from agentdesk.audit import entries_for
from agentdesk.channels.email_channel import EmailIntake, EmailReplier, MailboxWatcher, QueueMailbox, UidStateFile
from agentdesk.channels.email_threads import EmailThreads
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.queues import QueueDirectory, QueueSpec
from agentdesk.storage.models import Direction, EmailMessage, Interaction, ServiceCase, WorkItem, utcnow
from tests.core.email_store_support import CITIZEN, NEUVONTA, PDF, rich_mail, stored_attachments, stored_messages
from tests.core.mail_support import mail, wait_until

BOX = QueueMailbox(NEUVONTA, queue_code="posti", display_name="Kaupungin neuvonta")


@pytest.fixture
def posti(db) -> int:
    return QueueDirectory(db).create(QueueSpec.email("posti", "Kirjaamo", hours=8)).id


@pytest.fixture
def anna(db, posti) -> int:
    draft = CustomerDraft(first_names="Anna", last_name="Asiakas", emails=(CITIZEN,))
    return CustomerRegister(db).create(draft, actor="t").id


def work_items(db) -> list[WorkItem]:
    with db.session() as s:
        return list(s.scalars(select(WorkItem).order_by(WorkItem.id)))


def test_a_mail_is_stored_decoded_with_its_html_as_safe_text_and_its_attachment(db, anna):
    mid, raw = rich_mail()
    result = EmailIntake(db).receive(raw, BOX)
    assert result is not None

    [row] = stored_messages(db)
    assert (row.mailbox, row.message_id, row.direction) == (NEUVONTA, mid, Direction.INBOUND)
    assert (row.customer_id, row.case_id, row.interaction_id) == (anna, result.case_id, result.interaction_id)
    assert row.thread_id == mid, "a first message is the root of its conversation"
    assert (row.from_addr, row.from_name, row.subject) == (CITIZEN, "Anna Asiakas", "Katuvalo Hämeenkadulla")
    # Latin-1 quoted-printable, decoded.
    assert row.text_body == "Hyvää päivää,\nkatuvalo on pimeänä jo viikon. Äiti."
    # The HTML part as text: the words, none of the script, the remote pictures, frames or link targets.
    assert "Hei, katuvalo on pimeänä." in row.html_text and "Klikkaa tästä" in row.html_text
    for unsafe in ("alert", "script", "evil.example", "tracker.example", "phish.example", "<", "color:red"):
        assert unsafe not in row.html_text, unsafe
    [part] = stored_attachments(db)
    assert (part.message_id, part.filename, part.content_type, part.size) == (
        row.id,
        "kuva ja lasku ä.pdf",
        "application/pdf",
        len(PDF),
    )
    assert part.content == PDF
    [item] = work_items(db)
    assert (item.external_ref, item.customer_id, item.subject) == (mid, anna, "Katuvalo Hämeenkadulla")


def test_an_html_only_mail_is_shown_as_its_text(db, anna):
    _, raw = rich_mail(text=None, attachment=None)
    EmailIntake(db).receive(raw, BOX)
    thread = EmailThreads(db).for_message(stored_messages(db)[0].message_id, actor="agent.aino")
    [shown] = thread.messages
    assert "Hei, katuvalo on pimeänä." in shown.text
    assert "alert" not in shown.text and "evil.example" not in shown.text


def test_a_malformed_mail_is_stored_readably(db, posti):
    raw = (
        b"From: =?x-unknown?B?broken?= <not an address\r\n"
        b"Subject: =?utf-8?Q?Rikki=C3?= \xe4\xe4kk\xf6set\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"\r\n"
        b"Teksti =E4 ja NUL \x00 ja rikki =ZZ loppu\r\n"
    )
    result = EmailIntake(db).receive(raw, BOX)
    assert result is not None and result.customer_id is None
    [row] = stored_messages(db)
    assert row.message_id.startswith("<") and row.thread_id == row.message_id, "a made-up, stable Message-ID"
    assert "\x00" not in row.text_body and "loppu" in row.text_body
    assert "ääkköset" in row.subject
    # Taking the same broken mail in again stores nothing new.
    assert EmailIntake(db).receive(raw, BOX) is None
    assert len(stored_messages(db)) == 1


def test_the_unique_index_refuses_a_second_row_for_one_mailbox_and_message_id(db, posti):
    _, raw = rich_mail(attachment=None)
    EmailIntake(db).receive(raw, BOX)
    [row] = stored_messages(db)
    with pytest.raises(sa_exc.IntegrityError), db.session() as s, s.begin():
        s.add(
            EmailMessage(
                mailbox=row.mailbox,
                message_id=row.message_id,
                thread_id=row.thread_id,
                sent_at=utcnow(),
                direction=Direction.INBOUND,
            )
        )
    # Another mailbox may hold the same Message-ID.
    with db.session() as s, s.begin():
        s.add(
            EmailMessage(
                mailbox="tekniset@city.example",
                message_id=row.message_id,
                thread_id=row.thread_id,
                sent_at=utcnow(),
                direction=Direction.INBOUND,
            )
        )


def test_a_mail_another_intake_service_stored_is_skipped(db, posti):
    """The race's other side: the row is there (another service's intake), the contact not yet seen."""
    mid, raw = rich_mail(attachment=None)
    with db.session() as s, s.begin():
        s.add(
            EmailMessage(mailbox=NEUVONTA, message_id=mid, thread_id=mid, sent_at=utcnow(), direction=Direction.INBOUND)
        )
    assert EmailIntake(db).receive(raw, BOX) is None
    with db.session() as s:
        assert s.scalars(select(Interaction)).all() == []
    assert work_items(db) == []


def test_two_intake_services_watching_one_mailbox_store_a_mail_once(kit, db, anna):
    """Two desks (or a desk and a server) each run a watcher and an intake on the same Dovecot mailbox."""
    mid, raw = mail("Kaksi vastaanottajaa")
    kit.append(NEUVONTA, raw)
    taken: list[object] = []
    watchers = [
        MailboxWatcher(
            kit.servers.imap,
            BOX,
            EmailIntake(db, on_new_mail=taken.append).handler_for(BOX),
            state=UidStateFile(kit.state_file.with_name(f"uid-state-{n}.json")),
        )
        for n in (1, 2)
    ]
    kit.watchers.extend(watchers)
    for w in watchers:
        w.start()
    wait_until(lambda: all(w.processed >= 1 for w in watchers), timeout=15, what="both watchers took the mail in")
    for w in watchers:
        w.stop()
    assert len(taken) == 1, "one intake took it in, the other found it taken"
    [row] = stored_messages(db)
    assert (row.message_id, row.customer_id) == (mid, anna)
    with db.session() as s:
        assert len(s.scalars(select(Interaction)).all()) == 1
    assert len(work_items(db)) == 1


def test_concurrent_intakes_of_one_mail_make_one_row(db, posti):
    """The same raw message handed to two intake services at the same moment (threads)."""
    _, raw = rich_mail()
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def take_in() -> None:
        intake = EmailIntake(db)
        start.wait()
        try:
            outcomes.append(intake.receive(raw, BOX))
        except Exception as exc:  # noqa: BLE001 - a RetryLater on SQLite's lock is an allowed outcome
            outcomes.append(exc)

    threads = [threading.Thread(target=take_in) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(stored_messages(db)) == 1
    assert len(stored_attachments(db)) == 1
    assert len(work_items(db)) == 1
    assert sum(1 for o in outcomes if o is not None and not isinstance(o, Exception)) == 1


def test_an_unknown_sender_is_linked_and_the_whole_conversation_moves(db, anna, posti):
    _, first = rich_mail("Kysymys", sender="Tuntematon <outo@example.net>", attachment=None)
    intake = EmailIntake(db)
    a = intake.receive(first, BOX)
    first_mid = stored_messages(db)[0].message_id
    _, second = rich_mail(
        "Re: Kysymys",
        sender="Tuntematon <outo@example.net>",
        attachment=None,
        headers={"In-Reply-To": first_mid, "References": first_mid},
    )
    b = intake.receive(second, BOX)
    assert a is not None and b is not None and a.case_id == b.case_id and a.customer_id is None
    threads = EmailThreads(db)
    thread = threads.for_message(first_mid, actor="agent.aino")
    assert thread.customer_id is None and len(thread.messages) == 2

    changes = threads.link_sender(thread.messages[0].id, anna, actor="agent.aino")
    assert anna in changes.timelines and changes.queues == {posti}
    assert {m.customer_id for m in stored_messages(db)} == {anna}
    with db.session() as s:
        assert {i.customer_id for i in s.scalars(select(Interaction))} == {anna}
        assert s.get(ServiceCase, a.case_id).customer_id == anna
    assert {w.customer_id for w in work_items(db)} == {anna}
    assert threads.thread(thread.messages[0].id, actor="agent.aino").customer_name == "Anna Asiakas"
    with db.session() as s:
        actions = [e.action for e in entries_for(s, anna)]
    assert "email.link" in actions and "email.view" in actions

    other = CustomerRegister(db).create(CustomerDraft(first_names="Olli", last_name="Muu"), actor="t").id
    with pytest.raises(ValueError, match="another customer"):
        threads.link_sender(thread.messages[0].id, other, actor="agent.aino")


def test_the_reply_goes_out_threaded_and_is_stored_and_logged(kit, db, anna):
    root = "<alku@example.fi>"
    mid, raw = rich_mail(headers={"In-Reply-To": root, "References": root})
    incoming = EmailIntake(db).receive(raw, BOX)
    assert incoming is not None
    threads = EmailThreads(db, replier=EmailReplier(db, kit.servers.smtp, domain="city.example"), mailboxes=[BOX])
    thread = threads.for_message(mid, actor="agent.aino")
    assert thread.answer is not None and thread.answer.message_id == mid
    assert thread.messages[0].attachments[0].filename == "kuva ja lasku ä.pdf"
    assert threads.attachment(thread.messages[0].attachments[0].id, actor="agent.aino").content == PDF

    sent = threads.reply(
        thread.answer.id, "Hei Anna,\n\nkatuvalo korjataan torstaina.", agent_id=None, actor="agent.aino"
    )

    [(_, delivered)] = wait_until(lambda: kit.messages(CITIZEN), what="the reply in the citizen's mailbox")
    reply = message_from_bytes(delivered, policy=policy.default)
    assert reply["In-Reply-To"] == mid
    assert reply["References"].split() == [root, mid]
    assert reply["Subject"] == "Re: Katuvalo Hämeenkadulla"
    out = stored_messages(db)[-1]
    assert (out.id, out.direction, out.case_id, out.customer_id) == (
        sent.email_id,
        Direction.OUTBOUND,
        incoming.case_id,
        anna,
    )
    assert (out.message_id, out.in_reply_to, out.thread_id) == (reply["Message-ID"], mid, root)
    assert out.text_body == "Hei Anna,\n\nkatuvalo korjataan torstaina."
    with db.session() as s:
        contact = s.get(Interaction, out.interaction_id)
    assert (contact.direction, contact.case_id, contact.customer_id) == (Direction.OUTBOUND, incoming.case_id, anna)
    assert anna in sent.changes.timelines
    after = threads.for_message(mid, actor="agent.aino")
    assert [m.direction for m in after.messages] == [Direction.INBOUND, Direction.OUTBOUND]
    with pytest.raises(ValueError, match="empty"):
        threads.reply(thread.answer.id, "  \n", agent_id=None, actor="agent.aino")
