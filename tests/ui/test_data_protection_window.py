"""The data protection view, as a data protection officer uses it, on SQLite and PostgreSQL: only
supervisors and data protection officers get it; find the citizen, see who handled their data,
narrow it, export the CSV and the citizen's document; the break-the-glass alerts; every read off
the UI thread, and opening a citizen audited."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import threading

import pytest

from agentdesk.access_log import HELSINKI, REVIEW_ACTION, AccessLog
from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import AuditEntry
from agentdesk_desktop.data_protection import open_data_protection
from agentdesk_desktop.data_protection.dpo_window import ACTION, PURPOSE, STAFF, WORKSTATION, DataProtectionWindow
from agentdesk_desktop.services import build_services
from tests.access_log_support import CITIZEN_HETU, add_dpo_staff, write_accesses


def member(role: StaffRole, username: str = "dpo.tuula") -> StaffMember:
    return StaffMember(3, username, "Tuula Tietosuoja", role, None, None, None)


@pytest.fixture
def accesses(db):
    add_dpo_staff(db)
    return write_accesses(db)


@pytest.fixture
def window(qtbot, db, accesses, bg, change_bus):
    services = build_services(db, bg, change_bus)
    w = open_data_protection(services, member(StaffRole.DPO))
    assert w is not None
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.alerts_shown):
        pass
    return w


def table_rows(w: DataProtectionWindow) -> list[list[str]]:
    t = w.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def find(qtbot, w: DataProtectionWindow, text: str) -> None:
    w.query.setText(text)
    with qtbot.waitSignal(w.shown, timeout=10000):
        w.find_button.click()


def test_only_supervisors_and_data_protection_officers_get_it(qtbot, db, bg, change_bus):
    services = build_services(db, bg, change_bus)
    for role in (StaffRole.AGENT, StaffRole.STEWARD, StaffRole.ADMIN):
        assert open_data_protection(services, member(role)) is None
    for role in (StaffRole.SUPERVISOR, StaffRole.DPO):
        w = open_data_protection(services, member(role))
        assert w is not None
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.alerts_shown):
            pass
        w.close()


class ThreadNoting(AccessLog):
    """The real service, noting which thread each read ran on."""

    threads: list[str]

    def review(self, *args, **kwargs):
        self.threads.append(threading.current_thread().name)
        return super().review(*args, **kwargs)

    def break_glass(self, *args, **kwargs):
        self.threads.append(threading.current_thread().name)
        return super().break_glass(*args, **kwargs)


def test_every_read_runs_off_the_ui_thread(qtbot, db, accesses, bg):
    log = ThreadNoting(db)
    log.threads = []
    w = DataProtectionWindow(log, bg, actor="dpo.tuula", find=lambda q: None)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.alerts_shown):
        w.load_alerts()
    with qtbot.waitSignal(w.shown, timeout=10000):
        w.query.setText(str(accesses.citizen))
        w.find_button.click()
    ui = threading.current_thread().name
    assert len(log.threads) == 2 and ui not in log.threads, log.threads


def test_who_viewed_the_citizen_when_why_from_where_and_the_opening_is_audited(qtbot, window, db, accesses):
    find(qtbot, window, CITIZEN_HETU)  # one hit: straight to the accesses
    rows = table_rows(window)
    views = [r for r in rows if r[ACTION] == "Customer viewed"]
    assert len(views) == 2
    assert views[0][STAFF] == "Aino Agentti (agent.aino)" and views[0][PURPOSE] == "phone call: water bill"
    assert views[0][WORKSTATION]  # the machine the entry was written from
    searches = [r for r in rows if r[ACTION].startswith("Search")]
    assert [(r[STAFF], r[ACTION]) for r in searches] == [
        ("Aino Agentti (agent.aino)", "Search (listed among 2)"),
        ("Tuula Tietosuoja (dpo.tuula)", "Search"),  # finding the citizen here is a search too
    ]
    assert "Anna Mäkinen" in window.status.text() and f"#{accesses.citizen}" in window.status.text()
    with db.session() as s:
        (review,) = s.query(AuditEntry).filter_by(action=REVIEW_ACTION, subject_customer_id=accesses.citizen).all()
    assert review.actor == "dpo.tuula" and json.loads(review.detail)["shown"] == len(rows)


def test_a_name_search_lists_the_citizens_to_choose_from(qtbot, window, accesses):
    window.query.setText("Mäkinen")
    window.find_button.click()
    qtbot.waitUntil(lambda: window.hits.count() == 2)
    item = next(window.hits.item(i) for i in range(2) if "Anna" in window.hits.item(i).text())
    with qtbot.waitSignal(window.shown, timeout=10000):
        window.hits.itemActivated.emit(item)
    assert window.report is not None and window.report.citizen.customer_id == accesses.citizen


def test_filters_narrow_by_staff_action_purpose_and_period(qtbot, window, accesses):
    find(qtbot, window, str(accesses.citizen))
    everyone = len(table_rows(window))
    window.staff_filter.setCurrentIndex(window.staff_filter.findData("social.siiri"))
    assert [r[ACTION] for r in table_rows(window)] == ["Identity code shown", "Break the glass"]
    window.staff_filter.setCurrentIndex(0)
    window.action_filter.setCurrentIndex(window.action_filter.findData("customer.view"))
    assert len(table_rows(window)) == 2
    window.action_filter.setCurrentIndex(0)
    window.purpose_filter.setText("child protection")
    assert [r[PURPOSE] for r in table_rows(window)] == ["urgent child protection notice"]
    window.purpose_filter.clear()
    assert len(table_rows(window)) == everyone
    # a period before any of it: a new (audited) read that finds nothing
    old = accesses.today - dt.timedelta(days=30)
    window.start.setDate(window.start.date().addDays(-400))
    window.end.setDate(window.end.date().addDays(-30))
    assert window.period().end == old
    with qtbot.waitSignal(window.shown, timeout=10000):
        window.apply_period.click()
    assert table_rows(window) == [] and "0 of 0" in window.status.text()
    window.end.setDate(window.start.date().addDays(-1))
    window.apply_period.click()
    assert window.status.text() == "The period ends before it starts."


def test_the_csv_export_parses_back_to_what_the_table_shows(qtbot, window, accesses, tmp_path):
    find(qtbot, window, str(accesses.citizen))
    window.staff_filter.setCurrentIndex(window.staff_filter.findData("agent.aino"))
    shown = table_rows(window)
    out = tmp_path / "accesses.csv"
    with qtbot.waitSignal(window.exported, timeout=10000):
        window.export_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["staff_id"], r["purpose"], r["workstation"]) for r in rows] == [
        ("agent.aino", r[PURPOSE], r[WORKSTATION]) for r in shown
    ]
    assert len(rows) == 3  # two views and the search, no one else's


def test_the_citizens_document_matches_the_audit_rows(qtbot, window, db, accesses, tmp_path):
    find(qtbot, window, str(accesses.citizen))
    assert window.language.currentIndex() == 1  # the citizen's own language: Swedish
    out = tmp_path / "access-log.html"
    with qtbot.waitSignal(window.exported, timeout=10000):
        window.write_document(out)
    page = out.read_text(encoding="utf-8")
    assert '<html lang="sv">' in page
    with db.session() as s:
        entries = (
            s.query(AuditEntry)
            .filter(AuditEntry.subject_customer_id == accesses.citizen, AuditEntry.action != REVIEW_ACTION)
            .all()
        )
    for e in entries:  # every entry about the citizen, at its Helsinki minute, with its purpose
        assert e.at.astimezone(HELSINKI).strftime("%d.%m.%Y %H.%M") in page
        if e.purpose:
            assert f"<td>{e.purpose}</td>" in page
    assert page.count("<td>visning av kunduppgifter</td>") == 2
    assert "<td>Siiri Sosiaali (Sosiaalipalvelut)</td>" in page
    assert "sökning där du var bland 2 träffar" in page


def test_break_the_glass_alerts_open_the_citizen(qtbot, window, accesses):
    assert window.alerts_table.rowCount() == 1
    assert window.alerts_table.item(0, 3).text() == "urgent child protection notice"
    assert "Anna Mäkinen" in window.alerts_table.item(0, 2).text()
    with qtbot.waitSignal(window.shown, timeout=10000):
        window.alerts_table.cellActivated.emit(0, 0)
    assert window.report is not None and window.report.citizen.customer_id == accesses.citizen
