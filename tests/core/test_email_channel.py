"""The e-mail channel against real mail servers on loopback: Dovecot (IMAP, IDLE) and an SMTP
server delivering into it over LMTP, both started by scripts/mailservers.sh (scripts/test.sh does).

Each test starts from empty mailboxes; the customer's side is played with imaplib and smtplib.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import threading
from email import message_from_bytes, policy

import pytest
from sqlalchemy import select

from agentdesk.cases import CaseService
from agentdesk.channels.email_channel import (
    EmailChannel,
    EmailIntake,
    EmailReplier,
    MailboxWatcher,
    MailServer,
    QueueMailbox,
    ReplyNotSent,
    RetryLater,
    UidStateFile,
    WatcherStatus,
    set_keyring_password,
)
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.queues import QueueDirectory, QueueSpec
from agentdesk.storage.models import CaseStatus, Channel, Direction, ServiceCase, WorkItem
from tests.core.mail_support import (
    CITIZEN,
    NEUVONTA,
    QUEUE,
    TEKNISET,
    case,
    interactions,
    mail,
    run_intake,
    wait_until,
)


@pytest.fixture
def queues(sqlite_db) -> dict[str, int]:
    directory = QueueDirectory(sqlite_db)
    return {
        code: directory.create(QueueSpec.email(code, code.title(), hours=8)).id for code in ("neuvonta", "tekniset")
    }


@pytest.fixture
def customer(sqlite_db, queues) -> int:
    return (
        CustomerRegister(sqlite_db)
        .create(CustomerDraft(first_names="Anna", last_name="Asiakas", emails=(CITIZEN,)), actor="t")
        .id
    )


# --- intake --------------------------------------------------------------------------------


def test_appended_mail_becomes_an_interaction_of_the_senders_customer(kit, sqlite_db, queues, customer):
    mid, raw = mail("Jäteastia", body="Hei,\r\njäteastia jäi tyhjentämättä Hämeenkadulla.")
    kit.append(NEUVONTA, raw)
    [result] = run_intake(kit, sqlite_db)

    [row] = interactions(sqlite_db)
    assert (row.customer_id, row.channel, row.direction) == (customer, Channel.EMAIL, Direction.INBOUND)
    assert row.external_ref == mid
    assert row.topic == "general.advice"
    assert row.notes.startswith(f"From: Anna Asiakas <{CITIZEN}>\nTo: {NEUVONTA}\nSubject: Jäteastia\n\n")
    assert row.notes.endswith("jäteastia jäi tyhjentämättä Hämeenkadulla.")
    new_case = case(sqlite_db, row.case_id)
    assert (new_case.title, new_case.customer_id, new_case.status) == ("Jäteastia", customer, CaseStatus.NEW)
    # A work item waits in the mailbox's queue, and the desk was told.
    assert (result.interaction_id, result.case_id, result.customer_id) == (row.id, row.case_id, customer)
    assert (result.mail.message_id, result.mail.subject, result.mailbox.queue_code) == (mid, "Jäteastia", "neuvonta")
    with sqlite_db.session() as s:
        [item] = s.scalars(select(WorkItem)).all()
    assert (item.id, item.queue_id, item.channel, item.external_ref, item.subject, item.customer_id) == (
        result.work_item_id,
        queues["neuvonta"],
        Channel.EMAIL,
        mid,
        "Jäteastia",
        customer,
    )
    assert item.state.value == "waiting"
    # The mailbox is left as it was: the message is there, unread.
    [(flags, _)] = kit.messages(NEUVONTA)
    assert b"\\Seen" not in flags


def test_replies_over_smtp_thread_into_the_same_case_by_their_headers(kit, sqlite_db, customer):
    first_id, first = mail("Vesimaksu")
    kit.append(NEUVONTA, first)
    second_id, second = mail(
        "Vs: Vesimaksu on liian suuri", headers=(f"In-Reply-To: {first_id}", f"References: {first_id}")
    )  # a changed subject does not matter
    kit.send(second, NEUVONTA)
    third_id, third = mail("AW: anything", headers=(f"References: <unknown@x> {first_id} {second_id}",))
    kit.send(third, NEUVONTA)
    results = run_intake(kit, sqlite_db, count=3)
    assert [r.threaded_by for r in results] == ["new", "references", "references"]
    assert len({r.case_id for r in results}) == 1
    assert [i.external_ref for i in interactions(sqlite_db)] == [first_id, second_id, third_id]


def test_a_reply_reopens_a_resolved_case_and_a_closed_case_gets_a_new_one(kit, sqlite_db, customer):
    first_id, first = mail("Rakennuslupa")
    kit.append(NEUVONTA, first)
    [opened] = run_intake(kit, sqlite_db)
    with sqlite_db.session() as s, s.begin():
        s.get(ServiceCase, opened.case_id).status = CaseStatus.RESOLVED
    kit.append(NEUVONTA, mail("Re: Rakennuslupa", headers=(f"In-Reply-To: {first_id}",))[1])
    [reopened] = run_intake(kit, sqlite_db)
    assert reopened.case_id == opened.case_id
    assert case(sqlite_db, opened.case_id).status is CaseStatus.REOPENED
    last = CaseService(sqlite_db).history(opened.case_id)[-1]
    assert (last.from_status, last.to_status, last.note) == (
        CaseStatus.RESOLVED,
        CaseStatus.REOPENED,
        "follow-up e-mail",
    )
    with sqlite_db.session() as s, s.begin():
        s.get(ServiceCase, opened.case_id).status = CaseStatus.CLOSED
    kit.append(NEUVONTA, mail("Re: Rakennuslupa", headers=(f"In-Reply-To: {first_id}",))[1])
    [later] = run_intake(kit, sqlite_db)
    assert later.new_case and later.case_id != opened.case_id
    assert case(sqlite_db, later.case_id).title == "Rakennuslupa"


def test_a_client_that_drops_the_headers_is_threaded_by_subject_and_sender(kit, sqlite_db, customer):
    kit.append(NEUVONTA, mail("Jäteastia")[1])
    kit.append(NEUVONTA, mail("VS: jäteastia")[1])  # no In-Reply-To, no References
    kit.append(NEUVONTA, mail("Jäteastia", frm="Toinen <toinen@example.fi>")[1])  # another sender
    first, reply, other = run_intake(kit, sqlite_db, count=3)
    assert (reply.threaded_by, reply.case_id) == ("subject", first.case_id)
    assert other.threaded_by == "new" and other.case_id != first.case_id


def test_encoded_word_subjects_are_decoded(kit, sqlite_db, customer):
    kit.append(NEUVONTA, mail("=?utf-8?q?Vesimaksu_=E2=80=93_kysymys?=")[1])
    kit.append(
        NEUVONTA, mail("=?iso-8859-1?b?SuR0ZWFzdGlh?=", frm="=?iso-8859-1?q?=C4ij=E4_Asiakas?= <Asiakas@Example.FI>")[1]
    )
    first, second = run_intake(kit, sqlite_db, count=2)
    assert case(sqlite_db, first.case_id).title == "Vesimaksu – kysymys"
    assert case(sqlite_db, second.case_id).title == "Jäteastia"
    row = interactions(sqlite_db)[1]
    assert row.notes.startswith(f"From: Äijä Asiakas <{CITIZEN}>\n")
    assert row.customer_id == customer  # the upper-case From address still finds the customer


def test_attachments_are_listed_without_their_content(kit, sqlite_db, customer):
    content = "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K" * 40
    body = "\r\n".join(  # noqa: FLY002 - one MIME line per element
        [
            "--b",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Lasku liitteenä.",
            "--b",
            "Content-Type: application/pdf",
            'Content-Disposition: attachment; filename="=?utf-8?q?lasku_kes=C3=A4kuu.pdf?="',
            "Content-Transfer-Encoding: base64",
            "",
            content,
            "--b--",
        ]
    )
    raw = mail("Lasku", headers=(), body="")[1].replace(
        b"Content-Type: text/plain; charset=utf-8", b'Content-Type: multipart/mixed; boundary="b"'
    )
    raw = raw.rstrip(b"\r\n") + b"\r\n\r\n" + body.encode() + b"\r\n"
    kit.append(NEUVONTA, raw)
    [result] = run_intake(kit, sqlite_db)
    assert [(a.filename, a.content_type, a.size) for a in result.mail.attachments] == [
        ("lasku kesäkuu.pdf", "application/pdf", 1920)
    ]
    [row] = interactions(sqlite_db)
    assert "Attachments: lasku kesäkuu.pdf (application/pdf, 2 kB)\n" in row.notes
    assert row.notes.endswith("Lasku liitteenä.")
    assert content[:40] not in row.notes


def test_mail_from_an_unknown_sender_is_logged_without_a_customer(kit, sqlite_db, customer):
    kit.append(NEUVONTA, mail("Pysäköinti", frm="Tuntematon <tuntematon@example.org>")[1])
    kit.append(NEUVONTA, mail("Re: Pysäköinti", frm="tuntematon@example.org")[1])
    kit.append(NEUVONTA, mail("Re: Pysäköinti", frm="kolmas@example.org")[1])
    first, again, third = run_intake(kit, sqlite_db, count=3)
    assert first.customer_id is None and case(sqlite_db, first.case_id).customer_id is None
    assert interactions(sqlite_db)[0].customer_id is None
    # Unknown senders are told apart by their address.
    assert (again.threaded_by, again.case_id) == ("subject", first.case_id)
    assert third.case_id != first.case_id


def test_mail_from_a_queues_own_address_is_not_taken_in(kit, sqlite_db, queues):
    kit.append(NEUVONTA, mail("Loop", frm=TEKNISET)[1])
    intake = EmailIntake(sqlite_db, own_addresses=[NEUVONTA, TEKNISET])
    w = kit.watcher(QUEUE, intake.handler_for(QUEUE))
    w.start()
    wait_until(lambda: w.state.status is WatcherStatus.IDLE, what="idle")
    w.stop()
    assert interactions(sqlite_db) == []


def test_automatic_replies_are_logged_but_not_queued(kit, sqlite_db, customer):
    kit.append(NEUVONTA, mail("Automaattinen vastaus: Jäteastia", headers=("Auto-Submitted: auto-replied",))[1])
    [result] = run_intake(kit, sqlite_db)
    assert result.work_item_id is None
    assert len(interactions(sqlite_db)) == 1
    with sqlite_db.session() as s:
        assert s.scalars(select(WorkItem)).all() == []


@pytest.mark.expect_log_warnings
def test_a_mailbox_without_its_queue_logs_mail_and_warns(kit, sqlite_db, caplog):
    kit.append(NEUVONTA, mail("Jonoton")[1])
    [result] = run_intake(kit, sqlite_db, QueueMailbox(NEUVONTA, queue_code="poistettu"))
    assert result.work_item_id is None and len(interactions(sqlite_db)) == 1
    assert "no active queue 'poistettu'" in caplog.text


# --- replies -------------------------------------------------------------------------------


def test_the_desks_reply_arrives_threaded_and_the_answer_comes_back_to_the_case(kit, sqlite_db, customer):
    root = "<root@example.fi>"
    mid, raw = mail("RE: Jäteastia", headers=(f"References: {root}", f"In-Reply-To: {root}"))
    kit.send(raw, NEUVONTA)
    [incoming] = run_intake(kit, sqlite_db)

    replier = EmailReplier(sqlite_db, kit.servers.smtp, domain="city.example")
    sent = replier.reply(
        incoming.reply_target,
        "Hei Anna,\n\nastia tyhjennetään huomenna.",
        mailbox=QUEUE,
        agent_id=None,
        actor="agent.aino",
    )

    [(_, delivered)] = wait_until(lambda: kit.messages(CITIZEN), what="the reply in the citizen's mailbox")
    reply = message_from_bytes(delivered, policy=policy.default)
    assert reply["Subject"] == "Re: Jäteastia"
    assert reply["In-Reply-To"] == mid
    assert reply["References"].split() == [root, mid]
    assert reply["Message-ID"] == sent.message_id and sent.message_id.endswith("@city.example>")
    assert reply["From"].addresses[0].addr_spec == NEUVONTA
    assert reply["From"].addresses[0].display_name == "Kaupungin neuvonta"
    assert reply["To"].addresses[0].addr_spec == CITIZEN
    assert reply.get_content().replace("\r\n", "\n").strip() == "Hei Anna,\n\nastia tyhjennetään huomenna."

    out = interactions(sqlite_db)[-1]
    assert (out.direction, out.case_id, out.customer_id) == (Direction.OUTBOUND, incoming.case_id, customer)
    assert out.external_ref == sent.message_id

    # The target rebuilt from the database after a restart says the same.
    rebuilt = replier.target_for(incoming.interaction_id)
    assert (rebuilt.message_id, rebuilt.to_addr, rebuilt.subject, rebuilt.case_id) == (
        mid,
        CITIZEN,
        "RE: Jäteastia",
        incoming.case_id,
    )

    # The customer answers the reply: it lands in the same case.
    kit.empty(NEUVONTA)
    _, answer = mail(
        "Re: Jäteastia", headers=(f"In-Reply-To: {sent.message_id}", f"References: {root} {mid} {sent.message_id}")
    )
    kit.send(answer, NEUVONTA)
    [back] = run_intake(kit, sqlite_db)
    assert (back.threaded_by, back.case_id) == ("references", incoming.case_id)


def test_a_reply_to_an_address_the_server_refuses_is_not_logged(kit, sqlite_db, customer):
    kit.append(NEUVONTA, mail("Kysymys", frm="nobody@city.example")[1])
    [incoming] = run_intake(kit, sqlite_db)
    replier = EmailReplier(sqlite_db, kit.servers.smtp, domain="city.example")
    with pytest.raises(ReplyNotSent, match="refused the recipient"):
        replier.reply(incoming.reply_target, "Hei", mailbox=QUEUE, agent_id=None, actor="agent.aino")
    assert [i.direction for i in interactions(sqlite_db)] == [Direction.INBOUND]


# --- the watcher -------------------------------------------------------------------------------


def test_idle_delivers_new_mail_without_waiting_for_the_next_poll(kit, sqlite_db):
    got = []
    w = kit.watcher(QUEUE, lambda raw, m: got.append(m.uid), poll_interval=300)
    w.start()
    w.wait_for(WatcherStatus.IDLE, timeout=5)
    assert w.uses_idle
    kit.send(mail("Uusi")[1], NEUVONTA)
    # Polling would find it only after 300 s: arriving at all within the wait is IDLE's doing.
    wait_until(lambda: got, timeout=5, what="the message announced by IDLE")


def test_polling_takes_over_when_idle_is_off(kit, sqlite_db):
    got = []
    w = kit.watcher(QUEUE, lambda raw, m: got.append(raw), use_idle=False, poll_interval=0.3)
    w.start()
    w.wait_for(WatcherStatus.POLLING, timeout=5)
    assert w.uses_idle is False
    kit.append(NEUVONTA, mail("Pollattu")[1])
    wait_until(lambda: got, timeout=3, what="the polled message")
    assert b"Subject: Pollattu" in got[0]


def test_the_watcher_stops_promptly(kit):
    w = kit.watcher(QUEUE, lambda raw, m: None, poll_interval=300, idle_timeout=300)
    w.start()
    w.wait_for(WatcherStatus.IDLE, timeout=5)
    stopper = threading.Thread(target=w.stop)
    stopper.start()
    stopper.join(timeout=10)
    assert not stopper.is_alive(), "stop() does not wait out the 300 s IDLE"
    assert not w.is_alive
    assert w.state.status is WatcherStatus.STOPPED


def test_nothing_is_taken_in_twice_after_a_restart(kit, sqlite_db, customer):
    for subject in ("Yksi", "Kaksi"):
        kit.append(NEUVONTA, mail(subject)[1])
    assert len(run_intake(kit, sqlite_db, count=2)) == 2

    kit.append(NEUVONTA, mail("Kolme")[1])
    later = run_intake(kit, sqlite_db, count=1)  # a new watcher, the same UID marks
    assert [r.mail.subject for r in later] == ["Kolme"]

    # Even with the marks lost, the intake knows the messages by Message-ID.
    kit.state_file.unlink()
    seen = []
    intake = EmailIntake(sqlite_db, on_new_mail=seen.append)
    w = kit.watcher(QUEUE, lambda raw, m: seen.append(intake.receive(raw, QUEUE)))
    w.start()
    wait_until(lambda: len(seen) == 3, what="the mailbox read again")
    w.stop()
    assert seen == [None, None, None]
    assert len(interactions(sqlite_db)) == 3


def test_one_channel_watches_every_queue_mailbox(kit, sqlite_db, customer):
    results = []
    tekniset = QueueMailbox(TEKNISET, queue_code="tekniset", topic="technical.street")
    channel = EmailChannel(
        sqlite_db, kit.servers.imap, [QUEUE, tekniset], on_new_mail=results.append, state=UidStateFile(kit.state_file)
    )
    kit.watchers.extend(channel.watchers)
    channel.start()
    kit.send(mail("Neuvontaan")[1], NEUVONTA)
    kit.send(mail("Katuvalo", to=TEKNISET)[1], TEKNISET)
    wait_until(lambda: len(results) == 2, what="both mailboxes")
    channel.stop()
    by_queue = {r.mailbox.queue_code: r for r in results}
    assert by_queue["tekniset"].mail.subject == "Katuvalo"
    topics = {i.external_ref: i.topic for i in interactions(sqlite_db)}
    assert topics[by_queue["tekniset"].mail.message_id] == "technical.street"
    assert topics[by_queue["neuvonta"].mail.message_id] == "general.advice"


@pytest.mark.expect_log_warnings
def test_a_refused_login_is_final(kit, servers, caplog):
    set_keyring_password(servers.imap.account("imap", NEUVONTA), "wrong password")
    w = kit.watcher(QUEUE, lambda raw, m: None)
    w.start()
    state = w.wait_for(WatcherStatus.LOGIN_FAILED, timeout=10)
    assert "login refused" in state.detail
    wait_until(lambda: not w.is_alive, what="the thread to end")
    assert "wrong password" not in caplog.text


@pytest.mark.expect_log_warnings
def test_a_failing_message_is_retried_then_skipped_and_the_queue_goes_on(kit):
    kit.append(NEUVONTA, mail("Myrkky")[1])
    kit.append(NEUVONTA, mail("Terve")[1])
    tries, got = [], []

    def handler(raw, m):
        if b"Myrkky" in raw:
            tries.append(m.uid)
            raise ValueError("cannot handle this one")
        got.append(raw)

    w = kit.watcher(QUEUE, handler, reconnect_initial=0.05, max_attempts=3)
    w.start()
    wait_until(lambda: got, what="the next message")
    assert len(tries) == 3


@pytest.mark.expect_log_warnings
def test_retry_later_keeps_the_message_until_it_succeeds(kit):
    kit.append(NEUVONTA, mail("Tietokanta alhaalla")[1])
    calls = []

    def handler(raw, m):
        calls.append(m.uid)
        if len(calls) < 5:  # more than max_attempts: never skipped for a passing failure
            raise RetryLater("database unavailable")

    w = kit.watcher(QUEUE, handler, reconnect_initial=0.02, reconnect_max=0.05, max_attempts=2)
    w.start()
    wait_until(lambda: w.processed == 1, what="the message taken in at last")
    assert len(set(calls)) == 1 and len(calls) == 5


class CuttableProxy:
    """A loopback TCP relay to the IMAP server whose connections the test can cut."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.live: list[socket.socket] = []
        self.every: list[socket.socket] = []
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self._start(self._accept)

    def _start(self, target, *args) -> None:
        t = threading.Thread(target=target, args=args, daemon=True)
        self.threads.append(t)
        t.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target, timeout=5)
            upstream.settimeout(None)
            with self.lock:
                self.live += [client, upstream]
                self.every += [client, upstream]
            self._start(self._pump, client, upstream)
            self._start(self._pump, upstream, client)

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        with self.lock:
            live, self.live = self.live, []
        for s in live:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() (close alone does not)
        self.listener.close()
        self.cut()
        for t in self.threads:
            t.join(5)
        for s in self.every:
            s.close()


@pytest.mark.expect_log_warnings
def test_the_watcher_reconnects_after_the_connection_drops(kit, servers, caplog):
    proxy = CuttableProxy((servers.imap.host, servers.imap.port))
    try:
        got = []
        via_proxy = MailServer("127.0.0.1", proxy.port, security="none", timeout=5)
        set_keyring_password(via_proxy.account("imap", NEUVONTA), servers.password)
        w = MailboxWatcher(
            via_proxy,
            QUEUE,
            lambda raw, m: got.append(m.uid),
            state=UidStateFile(kit.state_file),
            reconnect_initial=0.1,
        )
        kit.watchers.append(w)
        w.start()
        w.wait_for(WatcherStatus.IDLE, timeout=5)
        proxy.cut()
        w.wait_for(WatcherStatus.RETRYING, timeout=5)
        w.wait_for(WatcherStatus.IDLE, timeout=5)
        kit.send(mail("Yhteyden jälkeen")[1], NEUVONTA)
        wait_until(lambda: got, what="mail after the reconnect")
        assert "retrying in" in caplog.text
        w.stop()
    finally:
        proxy.close()


def test_uid_marks_survive_in_the_state_file(tmp_path):
    from agentdesk.channels.email_config import UidMark

    store = UidStateFile(tmp_path / "marks.json")
    assert store.get("a") is None
    store.set("a", UidMark(7, 12))
    store.set("b", UidMark(1, 3))
    assert UidStateFile(tmp_path / "marks.json").get("a") == UidMark(7, 12)
    assert list(tmp_path.iterdir()) == [tmp_path / "marks.json"]  # no temporary files left


def test_started_at_is_the_arrival_time(kit, sqlite_db, queues):
    kit.append(NEUVONTA, mail("Aika", headers=())[1].replace(b"Date: ", b"X-Old-Date: "))
    before = dt.datetime.now(dt.UTC)
    run_intake(kit, sqlite_db)
    [row] = interactions(sqlite_db)
    assert before - dt.timedelta(seconds=1) <= row.started_at <= dt.datetime.now(dt.UTC)
