"""Feedback after a contact: a survey by SMS (the loopback reference gateway) and by e-mail (the real
SMTP server), answered once through the real web service; expired, tampered and reused links each get
their own answer; an opt-out is respected; the answer joins the contact's timeline."""

from __future__ import annotations

import datetime as dt
import email
import json
import time
import uuid

import pytest
import requests
from agentdesk_sms.client import HttpSmsGateway
from agentdesk_sms.reference_gateway import ReferenceGateway
from sqlalchemy import select

from agentdesk.citizen import links
from agentdesk.citizen.feedback import MESSAGES, FeedbackSurveys, SurveyAnswered, SurveyPolicy
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.outreach.transports import GatewayTransport, SmtpTransport
from agentdesk.plugin_api import GatewayConfig
from agentdesk.storage.models import AuditEntry, Channel, FeedbackSurvey, SurveyState
from tests.core.citizen_support import SECRET, closed_contact, start_web, token_in
from tests.core.mail_support import CITIZEN, MailKit, servers_from_env
from tests.core.outreach_support import build_town, bulk_people

SMS_ONLY = SurveyPolicy(send_by=(Channel.SMS,))


@pytest.fixture
def gateway():
    g = ReferenceGateway()
    yield g
    g.close()


@pytest.fixture
def web(db):
    server, surveys = start_web(db, policy=SMS_ONLY)
    yield server, surveys
    server.stop()


def sms_to(gateway, number: str) -> str:
    texts = [m["text"] for m in gateway.state.delivered.values() if m["to"] == number]
    assert len(texts) == 1, texts
    return texts[0]


def test_a_survey_reaches_the_citizen_in_their_language_and_its_answer_joins_the_contact(db, gateway, web):
    server, surveys = web
    town = build_town(db)
    contact = closed_contact(db, town["bertil"])  # Swedish
    assert surveys.plan() == 1
    outcome = surveys.send(GatewayTransport(HttpSmsGateway(GatewayConfig(gateway.url)), 50))
    assert (outcome.sent, outcome.failed, outcome.stopped) == (1, 0, "")
    text = sms_to(gateway, "+358401000002")
    assert text.startswith("Tack för att du kontaktade")
    token = token_in(text)

    page = requests.get(f"{server.url}/feedback/{token}", timeout=5)
    assert page.status_code == 200 and 'lang="sv"' in page.text and "Hur lyckades vi" in page.text
    assert page.headers["Referrer-Policy"] == "no-referrer"  # the token does not travel on
    answered = requests.post(
        f"{server.url}/feedback/{token}", data={"score": "4", "comment": "Snabb hjälp, tack"}, timeout=5
    )
    assert answered.status_code == 200 and "Tack för din respons" in answered.text

    item = CustomerOverviewService(db).timeline(town["bertil"]).items[0]
    assert item.id == contact and item.feedback_score == 4 and item.feedback_comment == "Snabb hjälp, tack"
    with db.session() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.subject_customer_id == town["bertil"])).all()
    assert "feedback.answer" in actions


def test_a_reused_link_is_told_it_was_answered_and_the_first_answer_stays(db, gateway, web):
    server, surveys = web
    town = build_town(db)
    closed_contact(db, town["aino"])
    surveys.plan()
    surveys.send(GatewayTransport(HttpSmsGateway(GatewayConfig(gateway.url)), 50))
    token = token_in(sms_to(gateway, "+358401000001"))
    assert requests.post(f"{server.url}/feedback/{token}", data={"score": "5"}, timeout=5).status_code == 200
    again = requests.post(f"{server.url}/feedback/{token}", data={"score": "1"}, timeout=5)
    assert again.status_code == 409 and "on jo vastattu" in again.text  # Aino reads Finnish
    api = requests.post(f"{server.url}/api/v1/feedback/{token}", json={"score": 2}, timeout=5)
    assert api.status_code == 409 and api.json() == {"error": "answered"}
    with pytest.raises(SurveyAnswered):
        surveys.answer(token, 3)
    with db.session() as s:
        assert s.scalar(select(FeedbackSurvey.score)) == 5


def test_a_tampered_link_and_an_expired_one_each_get_their_own_answer(db, web):
    server, _surveys = web
    town = build_town(db)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=20)
    closed_contact(db, town["aino"], ended=long_ago - dt.timedelta(hours=1))
    old = FeedbackSurveys(db, SECRET, link_base=server.url, policy=SMS_ONLY)
    assert old.plan(now=long_ago) == 1  # its link expired six days ago (valid 14 days)
    with db.session() as s, s.begin():
        survey = s.scalars(select(FeedbackSurvey)).one()
        survey.state = SurveyState.SENT
        expired = links.sign(SECRET, "feedback", survey.id, survey.expires_at)
        later = survey.expires_at + dt.timedelta(days=30)
    page = requests.get(f"{server.url}/feedback/{expired}", timeout=5)
    assert page.status_code == 410 and "vanhentunut" in page.text

    # the same survey with a later expiry written in, and another survey's id: the signature gives both away
    forged = links.sign(b"not the city's secret", "feedback", survey.id, later)
    payload, signature = links.sign(SECRET, "feedback", survey.id, later).split(".")
    swapped = f"{payload}.{expired.split('.')[1]}"
    for token in (forged, swapped):
        r = requests.post(f"{server.url}/feedback/{token}", data={"score": "5"}, timeout=5)
        assert r.status_code == 403 and "ei ole kelvollinen" in r.text
    assert requests.get(f"{server.url}/feedback/not-a-link", timeout=5).status_code == 403
    with db.session() as s:
        assert s.scalar(select(FeedbackSurvey.answered_at)) is None  # nothing was taken
    assert signature  # the genuine signature of the later expiry differs from the forgery's
    assert forged.split(".")[1] != signature


def test_a_bad_score_keeps_the_typed_comment_and_says_what_to_fix(db, gateway, web):
    server, surveys = web
    town = build_town(db)
    closed_contact(db, town["chris"])  # English
    surveys.plan()
    surveys.send(GatewayTransport(HttpSmsGateway(GatewayConfig(gateway.url)), 50))
    token = token_in(sms_to(gateway, "+358401000003"))
    r = requests.post(f"{server.url}/feedback/{token}", data={"comment": "Long wait <b>but</b> kind"}, timeout=5)
    assert r.status_code == 422 and "Choose a score from 1 to 5" in r.text
    assert "Long wait &lt;b&gt;but&lt;/b&gt; kind" in r.text  # kept, and escaped


def test_an_opted_out_citizen_gets_no_more_surveys_and_one_survey_per_quiet_period(db, gateway, web):
    server, surveys = web
    town = build_town(db)
    closed_contact(db, town["aino"])
    closed_contact(db, town["bertil"])
    assert surveys.plan() == 2
    assert surveys.plan() == 0  # each contact once
    surveys.send(GatewayTransport(HttpSmsGateway(GatewayConfig(gateway.url)), 50))
    token = token_in(sms_to(gateway, "+358401000001"))
    r = requests.post(f"{server.url}/feedback/{token}/opt-out", timeout=5)
    assert r.status_code == 200 and "Emme lähetä sinulle enää" in r.text
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=40)  # past the quiet period
    closed_contact(db, town["aino"], ended=later - dt.timedelta(hours=1))
    closed_contact(db, town["bertil"], ended=later - dt.timedelta(hours=1))
    assert surveys.plan(now=later) == 1
    with db.session() as s:
        assert set(s.scalars(select(FeedbackSurvey.customer_id))) == {town["aino"], town["bertil"]}
        assert (
            s.scalars(select(FeedbackSurvey.customer_id).order_by(FeedbackSurvey.id.desc())).first() == town["bertil"]
        )


def test_surveys_by_email_go_through_the_smtp_server_and_an_interrupted_one_is_not_sent_twice(sqlite_db, tmp_path):
    servers = servers_from_env()
    kit = MailKit(servers, tmp_path)
    db = sqlite_db
    domain = f"palaute-{uuid.uuid4().hex[:8]}.city.example"
    people = bulk_people(db, 6, email=CITIZEN)
    for cid in people:
        closed_contact(db, cid)
    surveys = FeedbackSurveys(db, SECRET, link_base="https://palaute.example", policy=SurveyPolicy())
    assert surveys.plan() == 6
    with db.session() as s, s.begin():  # a run that died after claiming one
        s.scalars(select(FeedbackSurvey).order_by(FeedbackSurvey.id)).first().state = SurveyState.SENDING
    transport = SmtpTransport(servers.smtp, sender=f"palaute@{domain}", batch_size=2)
    try:
        outcome = surveys.send(transport)
    finally:
        transport.close()
    assert (outcome.sent, outcome.recovered) == (5, 1)
    deadline = time.monotonic() + 15
    while True:
        got = [
            email.message_from_bytes(raw)
            for _f, raw in kit.messages(CITIZEN)
            if f"@{domain}>" in "".join(str(email.message_from_bytes(raw).get("Message-ID", "")).split())
        ]
        if len(got) >= 5 or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert len(got) == 5
    assert all(token_in(m.get_payload(decode=True).decode()) for m in got)
    assert {m["Subject"] for m in got} <= {subject for subject, _body in MESSAGES.values()}


def test_the_feedback_command_plans_and_sends_and_its_links_open_the_service_it_serves(sqlite_db, gateway, capsys):
    from agentdesk.citizen.feedback import FeedbackSurveys as Surveys
    from agentdesk.citizen.links import link_secret
    from agentdesk.cli import main

    db = sqlite_db
    town = build_town(db)
    closed_contact(db, town["chris"])
    url = db.url.render_as_string(hide_password=False)
    with pytest.raises(SystemExit) as refused:  # no --link-base: the links would point nowhere
        main(["feedback", "send", "--db", url, "--gateway-url", gateway.url])
    assert refused.value.code == 2 and "--link-base" in capsys.readouterr().err
    args = ["feedback", "send", "--db", url, "--link-base", "https://palaute.example", "--gateway-url", gateway.url]
    args += ["--prefer", "sms"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result == {"planned": 1, "sms": {"sent": 1, "failed": 0, "stopped": ""}}
    text = sms_to(gateway, "+358401000003")
    assert "https://palaute.example/feedback/" in text
    secret = link_secret()  # made in the keyring on first use; the service signs and checks with it
    assert secret is not None
    assert Surveys(db, secret, link_base="https://palaute.example").view(token_in(text)).language.value == "en"
