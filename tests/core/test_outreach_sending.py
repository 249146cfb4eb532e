"""Sending notices: by SMS through the plugin's loopback reference gateway and by e-mail through the
real test SMTP server; a 10,000-notice job killed halfway (SIGKILL) and resumed sends every notice
once; each send is an outbound contact on the citizen's timeline."""

from __future__ import annotations

import email
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from agentdesk_sms.client import HttpSmsGateway
from agentdesk_sms.reference_gateway import ReferenceGateway
from sqlalchemy import func, select

from agentdesk.outreach.notices import NoticeDraft, NoticeText, plan_notice
from agentdesk.outreach.segments import SegmentFilter
from agentdesk.outreach.sending import INTERRUPTED, progress_of, send_notice, unfinished_notices
from agentdesk.outreach.transports import GatewayTransport, SmtpTransport
from agentdesk.plugin_api import GatewayConfig
from agentdesk.storage.models import (
    Channel,
    Direction,
    Interaction,
    Language,
    NoticeRecipient,
    NoticeRecipientState,
)
from tests.core.mail_support import CITIZEN, MailKit, servers_from_env
from tests.core.outreach_support import build_town, bulk_people

TEXTS = {
    Language.FI: NoticeText("Vesikatko", "Vesikatko Hämeenkatu 1–40 tiistaina 8–12."),
    Language.SV: NoticeText("Vattenavbrott", "Vattenavbrott på Hämeenkatu 1–40 på tisdag 8–12."),
    Language.EN: NoticeText("Water outage", "Water outage on Hämeenkatu 1–40 on Tuesday 8–12."),
}


@pytest.fixture
def gateway():
    g = ReferenceGateway()
    yield g
    g.close()


def plan(db, segment: SegmentFilter, channel: Channel) -> int:
    with db.session() as s, s.begin():
        return plan_notice(s, NoticeDraft("Vesikatko", channel, segment, TEXTS), actor="super.sanna").notice_id


def sms(gateway_url: str) -> GatewayTransport:
    return GatewayTransport(HttpSmsGateway(GatewayConfig(gateway_url)), 200)


def test_an_sms_notice_reaches_each_citizen_in_their_language_and_is_on_their_timeline(db, gateway):
    town = build_town(db)
    notice_id = plan(
        db, SegmentFilter(street="Hämeenkatu", house_from=1, house_to=40, municipality="Tampere"), Channel.SMS
    )
    outcome = send_notice(db, notice_id, sms(gateway.url), actor="super.sanna")
    assert outcome.progress.finished and outcome.progress.sent == 5 and outcome.progress.unreachable == 1  # the child
    texts = {m["to"]: m["text"] for m in gateway.state.delivered.values()}
    assert texts["+358401000002"].startswith("Vattenavbrott")  # Bertil, Swedish
    assert texts["+358401000003"].startswith("Water outage")  # Chris, English
    assert texts["+358401000004"].startswith("Vesikatko")  # Olga, other language: Finnish
    assert texts["+358401000005"].startswith("Vesikatko")  # the protected person gets it too
    with db.session() as s:
        contacts = s.scalars(select(Interaction).where(Interaction.customer_id == town["bertil"])).all()
    assert len(contacts) == 1
    c = contacts[0]
    assert c.channel is Channel.SMS and c.direction is Direction.OUTBOUND and c.topic == "general.notice"
    assert "Vattenavbrott" in c.notes and c.external_ref.startswith("sms:")
    assert town["bertil"] in outcome.changes.timelines


def test_a_dead_gateway_stops_the_job_and_a_resume_finishes_it_once(db, gateway):
    ids = bulk_people(db, 50)
    notice_id = plan(db, SegmentFilter(street="Sammonkatu"), Channel.SMS)
    gateway.state.fail_next = 1
    first = send_notice(db, notice_id, sms(gateway.url), actor="super.sanna")
    assert first.stopped and first.progress.pending == 50 and not first.progress.finished
    assert [p.notice_id for p in unfinished_notices(db)] == [notice_id]
    second = send_notice(db, notice_id, sms(gateway.url), actor="super.sanna")
    assert not second.stopped and second.progress.sent == 50
    assert len(gateway.state.delivered) == len(ids)
    assert unfinished_notices(db) == []


def test_ten_thousand_sms_killed_halfway_and_resumed_send_each_exactly_once(sqlite_db, gateway, tmp_path):
    db = sqlite_db
    n = 10_000
    bulk_people(db, n)
    notice_id = plan(db, SegmentFilter(street="Sammonkatu"), Channel.SMS)
    url = db.url.render_as_string(hide_password=False)
    cmd = [
        sys.executable, "-m", "agentdesk", "notices", "resume", str(notice_id), "--db", url,
        "--gateway-url", gateway.url, "--batch", "100", "--actor", "super.sanna",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while progress_of(db, notice_id).sent < n // 2:
            assert proc.poll() is None, "the send job ended before it was killed"
            assert time.monotonic() < deadline, "the send job did not get halfway"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    halfway = progress_of(db, notice_id)
    assert halfway.remaining > 0 and halfway.sent < n, "killed too late to test a resume"
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    done = progress_of(db, notice_id)
    assert done.finished and done.sent == n and done.failed == 0
    # at the gateway: every recipient's key delivered exactly once (repeats after the kill refused)
    with db.session() as s:
        keys = set(s.scalars(select(NoticeRecipient.idempotency_key).where(NoticeRecipient.notice_id == notice_id)))
        per_customer = s.execute(
            select(Interaction.customer_id, func.count())
            .where(Interaction.channel == Channel.SMS)
            .group_by(Interaction.customer_id)
        ).all()
    assert set(gateway.state.delivered) == keys and len(keys) == n
    assert len(per_customer) == n and all(count == 1 for _cid, count in per_customer)  # one contact each


def _received_ids(kit: MailKit, domain: str) -> list[str]:
    out = []
    for _flags, raw in kit.messages(CITIZEN):
        mid = "".join(str(email.message_from_bytes(raw).get("Message-ID", "")).split())  # unfolded
        if mid.endswith(f"@{domain}>"):
            out.append(mid)
    return out


def test_email_notices_go_through_the_smtp_server_once_even_after_an_interrupted_run(sqlite_db, tmp_path):
    servers = servers_from_env()
    kit = MailKit(servers, tmp_path)
    db = sqlite_db
    domain = f"notices-{uuid.uuid4().hex[:8]}.city.example"  # this test's messages only, on the shared mailbox
    sender = f"tiedotteet@{domain}"
    bulk_people(db, 40, email=CITIZEN)
    notice_id = plan(db, SegmentFilter(street="Sammonkatu"), Channel.EMAIL)
    # a run that died after claiming a batch: its rows are left 'sending'
    with db.session() as s, s.begin():
        stuck = s.scalars(
            select(NoticeRecipient).where(NoticeRecipient.notice_id == notice_id).order_by(NoticeRecipient.id).limit(5)
        ).all()
        for r in stuck:
            r.state = NoticeRecipientState.SENDING
    transport = SmtpTransport(servers.smtp, sender=sender, sender_name="Tampereen kaupunki", batch_size=10)
    try:
        outcome = send_notice(db, notice_id, transport, actor="super.sanna", sender=sender)
    finally:
        transport.close()
    assert outcome.progress.finished and outcome.progress.sent == 35 and outcome.progress.failed == 5
    with db.session() as s:
        errors = set(
            s.scalars(select(NoticeRecipient.error).where(NoticeRecipient.state == NoticeRecipientState.FAILED))
        )
        refs = set(s.scalars(select(Interaction.external_ref).where(Interaction.channel == Channel.EMAIL)))
    assert errors == {INTERRUPTED}  # at most once: an e-mail whose fate is unknown is not sent again
    deadline = time.monotonic() + 15
    received = _received_ids(kit, domain)
    while len(received) < 35 and time.monotonic() < deadline:
        time.sleep(0.3)
        received = _received_ids(kit, domain)
    assert len(received) == 35 and len(set(received)) == 35  # no double send
    assert set(received) == refs  # the Message-ID recorded on each contact is the one delivered


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_the_cli_refuses_a_backwards_house_range_and_keeps_nothing(sqlite_db):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "notices",
            "segment",
            "--db",
            str(sqlite_db.url),
            "--street",
            "Hämeenkatu",
            "--houses",
            "40-1",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "runs backwards" in result.stderr
