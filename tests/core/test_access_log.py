"""The data protection officer reads who handled one citizen's data: the service, the CSV, the
citizen's document and ``agentdesk audit access-log``, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from agentdesk import audit_chain, cli
from agentdesk.access_log import DOCUMENT_ACTION, REVIEW_ACTION, AccessFilter, AccessLog, CustomerNotFound
from agentdesk.access_log_document import CSV_COLUMNS, StaffShown, render_csv, render_html
from agentdesk.storage.models import AuditEntry
from tests.access_log_support import CITIZEN_HETU, add_dpo_staff, write_accesses


@pytest.fixture
def accesses(db):
    add_dpo_staff(db)
    return write_accesses(db)


def _entries(db, customer_id, action):
    with db.session() as s:
        return s.query(AuditEntry).filter_by(subject_customer_id=customer_id, action=action).all()


def test_the_review_lists_who_viewed_when_why_and_from_where(db, accesses):
    report = AccessLog(db).review(accesses.citizen, actor="dpo.tuula")
    rows = [(a.actor, a.action, a.purpose) for a in report.accesses if a.action != "customer.create"]
    assert rows == [
        ("agent.aino", "customer.view", "phone call: water bill"),
        ("agent.aino", "customer.view", "phone call: water bill"),
        ("agent.aino", "search.results", ""),
        ("social.siiri", "hetu.reveal", "social services: client identification"),
        ("social.siiri", "break_glass", "urgent child protection notice"),
    ]
    search = next(a for a in report.accesses if a.action == "search.results")
    assert search.shown_with_others == 2
    first = report.accesses[1]
    assert first.staff_name == "Aino Agentti" and first.department == "Neuvonta"
    assert first.workstation and first.workstation == audit_chain_host(db, first.id)
    assert report.citizen.name == "Anna Mäkinen" and report.citizen.hetu == CITIZEN_HETU
    # the other person's view is not the citizen's
    assert all(a.subject_customer_id in (accesses.citizen, None) for a in report.accesses)
    # the review itself is audited, about the citizen, and the chain holds
    (review,) = _entries(db, accesses.citizen, REVIEW_ACTION)
    assert review.actor == "dpo.tuula" and json.loads(review.detail)["shown"] == len(report.accesses)
    with db.session() as s:
        assert audit_chain.verify(s).ok


def audit_chain_host(db, entry_id):
    with db.session() as s:
        return s.get(AuditEntry, entry_id).workstation


def test_filters_period_staff_action_purpose(db, accesses):
    log = AccessLog(db)
    today = accesses.today
    yesterday = today - dt.timedelta(days=1)
    assert log.review(accesses.citizen, AccessFilter(start=yesterday, end=yesterday), actor="d").accesses == ()
    assert len(log.review(accesses.citizen, AccessFilter(start=today, end=today), actor="d").accesses) >= 6
    by_siiri = log.review(accesses.citizen, AccessFilter(actor="social.siiri"), actor="d").accesses
    assert [a.action for a in by_siiri] == ["hetu.reveal", "break_glass"]
    views = log.review(accesses.citizen, AccessFilter(action="customer.view"), actor="d").accesses
    assert len(views) == 2
    water = log.review(accesses.citizen, AccessFilter(purpose="WATER"), actor="d").accesses
    assert [a.purpose for a in water] == ["phone call: water bill"] * 2
    assert log.review(accesses.citizen, AccessFilter(purpose="100%_"), actor="d").accesses == ()
    assert AccessFilter(start=today, end=yesterday).problem() == "the period ends before it starts"


def test_the_csv_parses_back_to_the_view(db, accesses):
    report = AccessLog(db).review(CITIZEN_HETU, actor="dpo.tuula")
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["staff_id"], r["action"], r["purpose"]) for r in rows] == [
        (a.actor, a.action, a.purpose) for a in report.accesses
    ]
    assert {r["workstation"] for r in rows} == {a.workstation for a in report.accesses}
    assert rows[-1]["staff_name"] == "Siiri Sosiaali"


def test_break_the_glass_openings_to_review(db, accesses):
    (alert,) = AccessLog(db).break_glass()
    assert alert.actor == "social.siiri" and alert.staff_name == "Siiri Sosiaali"
    assert alert.subject_customer_id == accesses.citizen and alert.subject_name == "Anna Mäkinen"
    assert alert.purpose == "urgent child protection notice"
    assert AccessLog(db).break_glass(since=accesses.today + dt.timedelta(days=1)) == ()


@pytest.mark.parametrize(
    ("language", "view", "glass"),
    [
        ("fi", "asiakastietojen katselu", "rajatun asiakkaan tietojen avaus poikkeusperusteella"),
        ("sv", "visning av kunduppgifter", "öppning av begränsad kund av särskilt skäl"),
        ("en", "customer data viewed", "restricted record opened for an exceptional reason"),
    ],
)
def test_the_document_lists_the_accesses_in_the_citizens_language(db, accesses, language, view, glass):
    report = AccessLog(db).review(accesses.citizen, actor="dpo.tuula")
    page = render_html(report, language=language)
    assert f'<html lang="{language}">' in page
    assert page.count(f"<td>{view}</td>") == 2 and f"<td>{glass}</td>" in page
    assert page.count("<td>Aino Agentti (Neuvonta)</td>") == 3  # two views and the search
    assert "<td>phone call: water bill</td>" in page
    assert "agent.aino" not in page  # by name, by the default policy
    for a in report.accesses:
        assert a.local_time.strftime("%d.%m.%Y %H.%M") in page
    by_id = render_html(report, language=language, staff=StaffShown.ID)
    assert by_id.count("<td>agent.aino</td>") == 3 and "Aino Agentti" not in by_id
    assert a.workstation not in page  # the workstation stays the city's internal detail


def test_the_cli_writes_the_document_in_the_citizens_language_and_audits_it(db, accesses, tmp_path, capsys):
    url = db.url.render_as_string(hide_password=False)
    out = tmp_path / "log.html"
    today = accesses.today.isoformat()
    args = ["audit", "access-log", "--customer", CITIZEN_HETU, "--from", today, "--to", today]
    assert cli.main([*args, "--out", str(out), "--db", url]) == 0
    said = capsys.readouterr().out
    assert "wrote" in said and "(sv)" in said  # the citizen's own language
    page = out.read_text(encoding="utf-8")
    assert '<html lang="sv">' in page and page.count("<td>visning av kunduppgifter</td>") == 2
    assert (out.stat().st_mode & 0o777) == 0o600
    (entry,) = _entries(db, accesses.citizen, DOCUMENT_ACTION)
    assert entry.actor.startswith("cli:") and entry.purpose == "citizen's access-log request"
    # bad input: a clear message and exit 1
    assert cli.main(["audit", "access-log", "--customer", "999999", "--db", url]) == 1
    assert "no customer with id 999999" in capsys.readouterr().err
    backwards = ["audit", "access-log", "--customer", "1", "--from", today, "--to", "2000-01-01", "--db", url]
    assert cli.main(backwards) == 1
    assert "ends before it starts" in capsys.readouterr().err


def test_an_unknown_citizen(db):
    with pytest.raises(CustomerNotFound):
        AccessLog(db).review("020594X903P", actor="dpo.tuula")
