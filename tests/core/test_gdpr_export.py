"""``agentdesk gdpr export``: everything the desk holds on one person, JSON and HTML, nothing of another
person's, and the export itself audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from agentdesk import audit, cli
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.search.audited import audited_search
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.kinds import AlertKind, CaseStatus, Channel, RelationshipKind
from agentdesk.storage.models import (
    Alert,
    CustomerRelationship,
    CustomerRole,
    Department,
    Interaction,
    Queue,
    ServiceCase,
    WorkItem,
    utcnow,
)

ANNA_HETU = "010594Y9032"


def url_of(db) -> str:
    return db.url.render_as_string(hide_password=False)


@pytest.fixture
def family(db):
    reg = CustomerRegister(db)
    anna = reg.create(
        CustomerDraft(
            first_names="Anna",
            last_name="Mäkinen",
            hetu=ANNA_HETU,
            phones=("040 123 4567",),
            emails=("anna.makinen@example.fi",),
            street="Hämeenkatu 12 B 5",
            postal_code="33100",
            municipality="Tampere",
        ),
        actor="agent.aino",
    ).id
    pekka = reg.create(
        CustomerDraft(
            first_names="Pekka",
            last_name="Virtanen",
            hetu="030594W903B",
            phones=("050 765 4321",),
            street="Koivukuja 4",
            municipality="Tampere",
        ),
        actor="agent.aino",
    ).id
    now = utcnow()
    with db.session() as s, s.begin():
        dept = Department(code="social", name="Sosiaalipalvelut")
        s.add(dept)
        s.flush()
        queue = Queue(
            code="social-phone",
            name="Social",
            department_id=dept.id,
            channel=Channel.PHONE,
            target_seconds=60,
            target_share=0.8,
        )
        s.add(queue)
        s.add(CustomerRole(customer_id=anna, role_code="daycare_guardian", department_id=dept.id))
        s.add(Alert(customer_id=anna, kind=AlertKind.INTERPRETER_NEEDED, note="Needs a Swedish interpreter"))
        s.add(Alert(customer_id=anna, kind=AlertKind.SAFETY_WARNING, note="<script>alert(1)</script>"))
        s.add(CustomerRelationship(from_customer_id=anna, to_customer_id=pekka, kind=RelationshipKind.HOUSEHOLD_MEMBER))
        case = ServiceCase(customer_id=anna, title="Daycare place for the autumn", status=CaseStatus.OPEN)
        s.add(case)
        s.flush()
        for who, note in ((anna, "Asked about the daycare place"), (pekka, "Pekka's rent question")):
            s.add(
                Interaction(
                    customer_id=who,
                    channel=Channel.PHONE,
                    started_at=now,
                    topic="daycare",
                    notes=note,
                    department_id=dept.id,
                    case_id=case.id if who == anna else None,
                )
            )
            s.add(
                WorkItem(
                    queue_id=queue.id,
                    channel=Channel.PHONE,
                    customer_id=who,
                    subject=f"call {note}",
                    due_at=now + dt.timedelta(minutes=5),
                )
            )
    search = CustomerSearch(db)
    audited_search(search, db, ANNA_HETU, actor="agent.aino")  # a search that showed Anna only
    audited_search(search, db, "tampere", actor="agent.ville")  # one that showed both
    audited_search(search, db, "virtanen", actor="agent.ville")  # one that showed Pekka only
    return {"anna": anna, "pekka": pekka}


def run_export(db, who: str, out, capsys) -> tuple[dict, str]:
    assert (
        cli.main(
            [
                "gdpr",
                "export",
                "--customer",
                who,
                "--db",
                url_of(db),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    capsys.readouterr()
    return json.loads(out.read_text(encoding="utf-8")), out.with_suffix(".html").read_text(encoding="utf-8")


def test_the_export_by_hetu_holds_the_persons_data_and_not_anothers(db, family, tmp_path, capsys):
    data, page = run_export(db, ANNA_HETU, tmp_path / "anna.json", capsys)
    assert data["customer"]["id"] == family["anna"] and data["customer"]["last_name"] == "Mäkinen"
    assert [i["value"] for i in data["identifiers"]] == [ANNA_HETU]
    assert {c["value"] for c in data["contact_points"]} == {"+358401234567", "anna.makinen@example.fi"}
    assert [a["street"] for a in data["addresses"]] == ["Hämeenkatu 12 B 5"]
    assert [r["role_code"] for r in data["roles"]] == ["daycare_guardian"]
    assert [a["note"] for a in data["alerts"]] == ["Needs a Swedish interpreter", "<script>alert(1)</script>"]
    assert data["relationships"] == [
        {
            "kind": "household_member",
            "direction": "from",
            "other_customer_id": family["pekka"],
            "valid_from": None,
            "valid_to": None,
        }
    ]
    assert [i["notes"] for i in data["interactions"]] == ["Asked about the daycare place"]
    assert [c["title"] for c in data["cases"]] == ["Daycare place for the autumn"]
    assert [w["subject"] for w in data["work_items"]] == ["call Asked about the daycare place"]
    searches = [json.loads(e["detail"])["query"] for e in data["audit_entries"] if e["action"] == "search.results"]
    assert searches == [ANNA_HETU, "tampere"]  # not the search that showed only Pekka
    assert "customer.create" in {e["action"] for e in data["audit_entries"]}
    everything = json.dumps(data, ensure_ascii=False) + page
    for theirs in ("Virtanen", "030594W903B", "Koivukuja", "765 4321", "+358507654321", "rent question"):
        assert theirs not in everything
    assert "Hämeenkatu 12 B 5" in page and "Asked about the daycare place" in page and "<h2>Asiat</h2>" in page


@pytest.mark.parametrize(("language", "heading"), [("fi", "Asiat"), ("sv", "Ärenden"), ("en", "Service cases")])
def test_the_html_document_is_in_the_language_asked_for(db, family, tmp_path, capsys, language, heading):
    out = tmp_path / "anna.json"
    argv = [
        "gdpr",
        "export",
        "--customer",
        ANNA_HETU,
        "--db",
        url_of(db),
        "--out",
        str(out),
        "--language",
        language,
    ]
    assert cli.main(argv) == 0
    page = out.with_suffix(".html").read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in page and f"<h2>{heading}</h2>" in page
    assert "&lt;script&gt;" in page and "<script>" not in page  # a note typed by an agent is text, not markup


def test_the_export_is_audited_and_the_chain_still_verifies(db, family, tmp_path, capsys):
    run_export(db, str(family["pekka"]), tmp_path / "pekka.json", capsys)
    with db.session() as s:
        exports = [e for e in audit.entries_for(s, family["pekka"]) if e.action == "gdpr.export"]
    assert len(exports) == 1 and exports[0].actor.startswith("cli:")
    assert json.loads(exports[0].detail)["counts"]["interactions"] == 1
    assert cli.main(["audit", "verify", "--db", url_of(db)]) == 0


def test_an_unknown_person_is_a_clear_message(db, family, tmp_path, capsys):
    out = tmp_path / "nobody.json"
    assert (
        cli.main(
            [
                "gdpr",
                "export",
                "--customer",
                "020594X903P",
                "--db",
                url_of(db),
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert "no customer has that henkilötunnus" in capsys.readouterr().err
    assert (
        cli.main(
            [
                "gdpr",
                "export",
                "--customer",
                "010594Y9033",
                "--db",
                url_of(db),
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert "customer id or a henkilötunnus" in capsys.readouterr().err
    assert not out.exists()
