"""Report exports opened back, the ``agentdesk report`` command and the profile's [reports] table."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from agentdesk.cli import main
from agentdesk.deployment.profile import check_profile, parse_profile
from agentdesk.reports import ReportQuery, Reports
from agentdesk.reports.exports import to_csv, to_pdf, to_xlsx
from agentdesk.storage.models import Channel
from tests.core.reports_month import COSTS, TOPICS, build_month

MARCH = ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
HEAD = 'profile_version = 1\n[department]\ncode = "water"\nname = { fi = "Vesihuolto", sv = "Vatten", en = "Water" }\n'


@pytest.fixture
def month(sqlite_db):
    build_month(sqlite_db)
    return sqlite_db


@pytest.fixture
def report(month):
    return Reports(month, cost_per_contact=COSTS, topics=TOPICS).run(MARCH)


def _figures(text: str) -> dict[tuple[str, str], dict[str, str]]:
    table = text.split("\r\n\r\n")[0]
    return {(r["figure"], r["channel"]): r for r in csv.DictReader(io.StringIO(table))}


def test_csv_holds_every_figure_with_its_trend_and_the_series(report):
    text = to_csv(report)
    rows = _figures(text)
    assert rows["contacts", "total"]["value"] == "5"
    assert (rows["contacts", "total"]["previous"], rows["contacts", "total"]["change"]) == ("2", "3")
    assert float(rows["service_level", "phone"]["value"]) == pytest.approx(0.5)
    assert rows["deadline_breaches", "total"]["value"] == "2"
    assert rows["first_contact_resolution", "walk_in"]["value"] == ""  # no contact with an outcome
    series = list(csv.reader(io.StringIO(text.split("\r\n\r\n")[1])))
    # sms (migration 0020) is added after the earlier columns, which keep their places
    assert series[0] == ["period_start", "phone", "email", "walk_in", "web", "total", "service_level", "sms"]
    assert len(series) == 32 and series[1][:2] == ["2026-03-01", "0"] and series[1][3] == "1"


def test_xlsx_reads_back_with_openpyxl(report, tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(to_xlsx(report))
    wb = load_workbook(path)
    rows = list(wb["Figures"].iter_rows(values_only=True))
    assert rows[0][0] == "Contact centre report" and "2026-03-01 - 2026-03-31" in rows[0][1]
    by_key = {(r[0], r[2]): r for r in rows[2:]}
    assert by_key["contacts", "total"][3:] == (5, 2, 3)
    assert by_key["cost", "total"][3] == pytest.approx(35.5)
    series = list(wb["Series"].iter_rows(values_only=True))
    assert series[2][0] == "2026-03-02" and series[2][5] == 2


def test_pdf_is_a_pdf_with_the_title(report):
    data = to_pdf(report, title="Raportti maaliskuu")
    assert data.startswith(b"%PDF")
    assert b"Raportti maaliskuu" in data  # the document's title in its info dictionary


def test_the_command_writes_each_format(month, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'agentdesk.sqlite3'}"
    profile = tmp_path / "p.toml"
    profile.write_text(HEAD + "[reports]\ncost_per_contact = { phone = 6.5, email = 4.0, walk_in = 12.0 }\n")
    base = ["report", "--db", url, "--from", "2026-03-01", "--to", "2026-03-31", "--profile", str(profile)]
    assert main([*base, "--format", "csv"]) == 0
    rows = _figures(capsys.readouterr().out)
    assert float(rows["cost", "total"]["value"]) == pytest.approx(35.5)
    assert main([*base, "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"), "--department", "tech"]) == 0
    assert "3 contacts" in capsys.readouterr().out
    assert load_workbook(tmp_path / "r.xlsx")["Figures"]["D3"].value == 3
    assert main([*base, "--format", "pdf", "--out", str(tmp_path / "r.pdf"), "--channel", "phone"]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "2026-02-30", "--to", "2026-03-31"], "--from: '2026-02-30' is not a date: write it as YYYY-MM-DD"),
        (["--from", "2026-03-31", "--to", "2026-03-01"], "--to: the period ends (2026-03-01) before it starts"),
        (["--from", "2026-03-01", "--to", "2026-03-31", "--queue", "nope"], "--queue: unknown queue: 'nope'"),
        (["--from", "2026-03-01", "--to", "2026-03-31", "--channel", "fax"], "--channel: unknown channel 'fax'"),
        (["--from", "2026-03-01", "--to", "2026-03-31", "--department", "x"], "--department: unknown department"),
    ],
)
def test_the_command_says_what_is_wrong(month, tmp_path, capsys, extra, message):
    url = f"sqlite:///{tmp_path / 'agentdesk.sqlite3'}"
    assert main(["report", "--db", url, *extra, "--format", "csv"]) == 2
    assert message in capsys.readouterr().err


def test_xlsx_and_pdf_need_a_file(month, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'agentdesk.sqlite3'}"
    assert main(["report", "--db", url, "--from", "2026-03-01", "--to", "2026-03-02", "--format", "pdf"]) == 2
    assert "--format pdf writes a file: give --out FILE" in capsys.readouterr().err


def test_profile_costs_per_channel():
    text = HEAD + "[reports]\ncost_per_contact = { phone = 6.5, email = 4.0, walk_in = 12.0, web = 1.5 }\n"
    costs = parse_profile(text, "p.toml", installed=None).reports.cost_per_contact
    assert costs == {Channel.PHONE: 6.5, Channel.EMAIL: 4.0, Channel.WALK_IN: 12.0, Channel.WEB: 1.5}
    assert parse_profile(HEAD, "p.toml", installed=None).reports.cost_per_contact == {}


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("cost_per_contact = { fax = 1.0 }", "p.toml: reports.cost_per_contact.fax: unknown channel 'fax'"),
        ('cost_per_contact = { phone = "6,5" }', "p.toml: reports.cost_per_contact.phone: expected euros per contact"),
        ("cost_per_contact = 6.5", "p.toml: reports.cost_per_contact: expected a table like"),
        ("costs = 1", "p.toml: reports.costs: "),
    ],
)
def test_profile_report_problems_name_the_key(table, expected):
    problems = [str(p) for p in check_profile(HEAD + "[reports]\n" + table + "\n", "p.toml", installed=None)]
    assert any(p.startswith(expected) for p in problems), problems
