"""``agentdesk retention run [--dry-run]``: a department's contacts older than its profile's
``[retention] contacts_years`` lose their personal part and keep their statistics; open cases hold
them; a dry run changes nothing and the run changes exactly what it reported."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from agentdesk import audit, cli
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.deployment.profile import check_profile
from agentdesk.storage.kinds import CaseStatus, Channel, Outcome
from agentdesk.storage.models import AuditEntry, Department, Interaction, Queue, ServiceCase, WorkItem, utcnow

PROFILE = """\
profile_version = 1
[department]
code = "social"
name = { fi = "Sosiaalipalvelut", sv = "Socialtjänster", en = "Social services" }
default_language = "fi"
[retention]
contacts_years = 6
"""


def url_of(db) -> str:
    return db.url.render_as_string(hide_password=False)


@pytest.fixture
def contacts(db):
    reg = CustomerRegister(db)
    anna = reg.create(CustomerDraft(first_names="Anna", last_name="Mäkinen"), actor="t").id
    pekka = reg.create(CustomerDraft(first_names="Pekka", last_name="Virtanen"), actor="t").id
    now = utcnow()
    old, recent = now - dt.timedelta(days=365 * 8), now - dt.timedelta(days=365)
    ids = {}
    with db.session() as s, s.begin():
        social, health = Department(code="social", name="Social"), Department(code="health", name="Health")
        s.add_all([social, health])
        s.flush()
        queue = Queue(
            code="social-mail", name="Social", department_id=social.id, channel=Channel.EMAIL, target_seconds=3600,
            target_share=0.8,
        )  # fmt: skip
        s.add(queue)
        open_case = ServiceCase(customer_id=anna, title="Ongoing", status=CaseStatus.OPEN, department_id=health.id)
        pekka_case = ServiceCase(customer_id=pekka, title="Pekka's", status=CaseStatus.WAITING, department_id=social.id)
        closed = ServiceCase(customer_id=anna, title="Done", status=CaseStatus.CLOSED, department_id=social.id)
        s.add_all([open_case, pekka_case, closed])
        s.flush()

        def contact(key, who, when, dept, case=None):
            i = Interaction(
                customer_id=who, channel=Channel.EMAIL, started_at=when, ended_at=when, department_id=dept.id,
                topic="income_support", notes=f"note {key}", outcome=Outcome.RESOLVED_FIRST_CONTACT,
                case_id=case.id if case else None, external_ref=f"<{key}@mail.example>",
            )  # fmt: skip
            s.add(i)
            s.flush()
            ids[key] = i.id
            return i

        contact("old", anna, old, social, closed)
        contact("old_open_case", anna, old, social, open_case)
        contact("old_pekka_held", pekka, old, social)
        contact("recent", anna, recent, social)
        contact("old_health", anna, old, health)
        for key, when, interaction in (("wi_old", old, ids["old"]), ("wi_recent", recent, ids["recent"])):
            w = WorkItem(
                queue_id=queue.id, channel=Channel.EMAIL, customer_id=anna, subject=f"Re: {key}",
                external_ref=f"<{key}@mail.example>", created_at=when, due_at=when, interaction_id=interaction,
            )  # fmt: skip
            s.add(w)
            s.flush()
            ids[key] = w.id
    return ids


def snapshot(db):
    with db.session() as s:
        interactions = {
            i.id: (i.customer_id, i.notes, i.external_ref, i.channel, i.started_at, i.department_id, i.topic, i.outcome)
            for i in s.scalars(select(Interaction))
        }
        items = {w.id: (w.customer_id, w.subject, w.external_ref) for w in s.scalars(select(WorkItem))}
    return interactions, items


def retention(db, tmp_path, capsys, *extra: str) -> str:
    profile = tmp_path / "social.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    assert (
        cli.main(
            [
                "retention",
                "run",
                *extra,
                "--profile",
                str(profile),
                "--db",
                url_of(db),
            ]
        )
        == 0
    )
    return capsys.readouterr().out


def test_a_dry_run_reports_and_changes_nothing(db, contacts, tmp_path, capsys):
    before = snapshot(db)
    said = retention(db, tmp_path, capsys, "--dry-run")
    assert "would anonymise 1 interaction(s)" in said and "1 queued contact(s)" in said, said
    assert "2 held for open cases" in said
    assert snapshot(db) == before
    with db.session() as s:
        assert not s.scalars(select(AuditEntry).where(AuditEntry.action == "retention.run")).all()


def test_the_run_changes_what_the_dry_run_reported_and_keeps_the_statistics(db, contacts, tmp_path, capsys):
    before_i, before_w = snapshot(db)
    dry = retention(db, tmp_path, capsys, "--dry-run")
    said = retention(db, tmp_path, capsys)
    assert said.replace("anonymised", "would anonymise") == dry
    after_i, after_w = snapshot(db)
    changed_i = {k for k in before_i if before_i[k] != after_i[k]}
    changed_w = {k for k in before_w if before_w[k] != after_w[k]}
    assert changed_i == {contacts["old"]} and changed_w == {contacts["wi_old"]}
    old = after_i[contacts["old"]]
    assert old[:3] == (None, "", "")  # customer link, notes, Message-ID gone
    assert old[3:] == before_i[contacts["old"]][3:]  # channel, time, department, topic, outcome kept
    assert after_w[contacts["wi_old"]] == (None, "", "")
    for held in ("old_open_case", "old_pekka_held"):
        assert after_i[contacts[held]] == before_i[contacts[held]]
    with db.session() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "retention.run")).all()
    assert entry.actor == "system:retention"
    assert json.loads(entry.detail) | {"cutoff": "-"} == {
        "department": "social", "cutoff": "-", "contacts_years": 6, "interactions": 1, "work_items": 1, "held": 2,
    }  # fmt: skip
    assert "anonymise 0 interaction(s)" in retention(db, tmp_path, capsys, "--dry-run")  # nothing left to do
    assert cli.main(["audit", "verify", "--db", url_of(db)]) == 0


def test_without_legal_hold_open_cases_do_not_hold(db, contacts, tmp_path, capsys):
    profile = tmp_path / "social.toml"
    profile.write_text(PROFILE + "legal_hold_open_cases = false\n", encoding="utf-8")
    assert (
        cli.main(
            [
                "retention",
                "run",
                "--dry-run",
                "--profile",
                str(profile),
                "--db",
                url_of(db),
            ]
        )
        == 0
    )
    assert "would anonymise 3 interaction(s)" in capsys.readouterr().out


def test_the_retention_table_is_checked_with_the_profile():
    bad = PROFILE.replace("contacts_years = 6", "contacts_years = 0\nkeep_forever = true")
    problems = {(p.key, p.message.split(";")[0]) for p in check_profile(bad, "social.toml", installed=None)}
    assert ("retention.contacts_years", "expected a whole number of years from 1 to 100, got 0") in problems
    assert any(key == "retention.keep_forever" for key, _ in problems)
    assert check_profile(PROFILE, "social.toml", installed=None) == []


def test_audit_entries_are_never_anonymised(db, contacts, tmp_path, capsys):
    with db.session() as s:
        before = [(e.id, e.detail) for e in audit.entries_for(s, 1)]
    retention(db, tmp_path, capsys)
    with db.session() as s:
        assert [(e.id, e.detail) for e in audit.entries_for(s, 1)][-len(before) :] == before
