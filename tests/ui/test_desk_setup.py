"""What the applied department profile gives the desk at start: its database with its connection
settings, and its cases' working days (closed days) in the case service."""

from __future__ import annotations

import datetime as dt

from agentdesk.deployment.profile_store import ProfileStore
from agentdesk_desktop.commands import desk_setup

PROFILE = """\
profile_version = 1
[department]
code = "water"
name = { fi = "Vesihuolto", sv = "Vattenförsörjning", en = "Water" }
[database]
url = "postgresql://agentdesk_desk@db.city.example:6432/agentdesk"
pgbouncer = true
pool_size = 3
application_name = "agentdesk-water"
[cases]
due_working_days = 7
closed_days = [2026-12-28]
"""


def test_without_a_profile_the_desk_uses_its_embedded_database():
    setup = desk_setup(None)
    assert setup.url is None and setup.connection.pool_size == 2 and setup.cases.due_working_days == 10


def test_the_applied_profile_gives_the_database_its_settings_and_the_closed_days(tmp_path):
    source = tmp_path / "water.toml"
    source.write_text(PROFILE, encoding="utf-8")
    assert ProfileStore(installed=None).apply(source).applied
    setup = desk_setup(None)
    assert setup.url == "postgresql://agentdesk_desk@db.city.example:6432/agentdesk"
    assert setup.connection.pgbouncer and setup.connection.pool_size == 3
    assert setup.connection.application_name == "agentdesk-water"
    assert setup.cases.due_working_days == 7 and setup.cases.closed_days == (dt.date(2026, 12, 28),)
    named = desk_setup("sqlite:////tmp/other.sqlite3")  # --db wins over the profile's database ...
    assert named.url == "sqlite:////tmp/other.sqlite3" and named.cases.closed_days == (dt.date(2026, 12, 28),)


def test_the_case_service_counts_the_profiles_closed_days(tmp_path, sqlite_db, bg, change_bus):
    from agentdesk.deployment.profile_cases import CaseSettings
    from agentdesk_desktop.services import build_services

    services = build_services(sqlite_db, bg, change_bus, cases=CaseSettings(7, (dt.date(2026, 12, 28),)))
    # Wed 23 Dec 2026 + 1 working day: 24th-27th holidays and weekend, 28th closed -> 29th
    assert services.cases.due_date(1, start=dt.date(2026, 12, 23)) == dt.date(2026, 12, 29)


def test_a_new_cases_default_due_date_counts_the_departments_working_days(qtbot, sqlite_db, bg, change_bus):
    from PySide6.QtCore import QDate

    from agentdesk.cases import FINNISH_CALENDAR
    from agentdesk.deployment.profile_cases import CaseSettings
    from agentdesk.interaction_log import InteractionDraft
    from agentdesk.storage.models import Channel
    from agentdesk_desktop.logging.contact_form import ContactForm
    from agentdesk_desktop.services import build_services

    services = build_services(sqlite_db, bg, change_bus, cases=CaseSettings(3, (dt.date(2026, 12, 28),)))
    assert services.new_case_due(dt.date(2026, 12, 22)) == dt.date(2026, 12, 30)  # 23rd, (24-28 off), 29th, 30th
    form = ContactForm([])
    qtbot.addWidget(form)
    form.fill(InteractionDraft(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC)))
    expected = FINNISH_CALENDAR.add_working_days(dt.date.today(), 10)  # the default without a profile
    assert form.case_due.date() == QDate(expected.year, expected.month, expected.day)
    form.new_case_due = services.new_case_due
    form.fill(InteractionDraft(channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC)))
    expected = services.new_case_due(dt.date.today())
    assert form.case_due.date() == QDate(expected.year, expected.month, expected.day)
