"""Report figures against a hand-worked month (tests/core/reports_month.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from agentdesk.reports import ReportQuery, ReportQueryError, Reports
from agentdesk.storage.models import Channel
from tests.core.reports_month import COSTS, TOPICS, build_month

MARCH = ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
P, E, W, WEB = Channel.PHONE, Channel.EMAIL, Channel.WALK_IN, Channel.WEB


@pytest.fixture
def reports(db):
    build_month(db)
    return Reports(db, cost_per_contact=COSTS, topics=TOPICS)


def test_the_month_in_total(reports):
    r = reports.run(MARCH)
    t = r.current.total
    assert (t.contacts, t.answered, t.answered_within_target, t.abandoned, t.abandoned_after_target) == (5, 4, 3, 2, 1)
    assert t.service_level == pytest.approx(3 / 5)  # within / (answered + abandoned after target)
    assert t.speed_of_answer_mean == pytest.approx((30 + 90 + 10 + 1800) / 4)
    assert t.speed_of_answer_p90 == pytest.approx(1800)  # nearest rank 4 of 4
    assert t.handle_time_mean == pytest.approx((300 + 100 + 200 + 600) / 4)
    assert t.abandonment_rate == pytest.approx(2 / 6)
    assert t.first_contact_resolution == pytest.approx(2 / 4)  # of the 4 contacts with an outcome
    assert t.cost == pytest.approx(3 * 6.5 + 4.0 + 12.0)
    assert t.cost_per_contact == pytest.approx(35.5 / 5)
    assert t.share_of_contacts == 1.0


def test_the_month_per_channel(reports):
    c = reports.run(MARCH).current.by_channel
    assert [c[ch].contacts for ch in (P, E, W, WEB)] == [3, 1, 1, 0]
    assert [c[ch].share_of_contacts for ch in (P, E, W, WEB)] == pytest.approx([0.6, 0.2, 0.2, 0.0])
    phone = c[P]
    assert phone.service_level == pytest.approx(2 / 4)
    assert phone.speed_of_answer_mean == pytest.approx(130 / 3)
    assert phone.speed_of_answer_p90 == pytest.approx(90)
    assert phone.abandonment_rate == pytest.approx(2 / 5)
    assert phone.handle_time_mean == pytest.approx(200)
    assert phone.first_contact_resolution == pytest.approx(2 / 3)
    assert (phone.cost_per_contact, phone.cost) == (6.5, pytest.approx(19.5))
    assert (c[E].service_level, c[E].speed_of_answer_p90, c[E].abandonment_rate) == (1.0, 1800, 0.0)
    assert (c[E].handle_time_mean, c[E].first_contact_resolution) == (None, 0.0)
    assert (c[W].handle_time_mean, c[W].first_contact_resolution, c[W].service_level) == (
        pytest.approx(600),
        None,
        None,
    )
    assert (c[WEB].cost_per_contact, c[WEB].cost) == (1.5, 0.0)


def test_cases_backlog_ageing_and_breaches_at_the_end_of_the_month(reports):
    r = reports.run(MARCH)
    cases = r.current.cases
    assert cases.backlog == 4  # cases 1, 2, 6, 7; case 5 was resolved then (reopened in April)
    assert cases.ageing == (1, 0, 2, 1)  # case 2 | - | cases 6 and 7 | case 1
    assert (cases.resolved_late, cases.open_overdue, cases.deadline_breaches) == (1, 1, 2)
    assert r.previous.cases.backlog == 1  # case 4 at the end of February
    assert r.previous.cases.ageing == (1, 0, 0, 0)


def test_trend_against_the_previous_period(reports):
    r = reports.run(MARCH)
    assert (r.previous.start, r.previous.end) == (dt.date(2026, 1, 29), dt.date(2026, 2, 28))
    contacts = r.trend("contacts")
    assert (contacts.value, contacts.previous, contacts.change) == (5, 2, 3)
    sl = r.trend("service_level")
    assert (sl.previous, sl.change) == (1.0, pytest.approx(-0.4))
    assert r.trend("speed_of_answer_mean", P).previous == pytest.approx(40)
    assert r.trend("handle_time_mean").previous == pytest.approx(400)
    assert r.trend("backlog").change == 3
    assert r.trend("cost_per_contact").previous == pytest.approx(10.5 / 2)


def test_daily_series_in_helsinki_days(reports):
    r = reports.run(MARCH)
    assert r.granularity == "day"
    assert len(r.series) == 31
    by_day = {p.start: p for p in r.series}
    assert by_day[dt.date(2026, 3, 1)].contacts[W] == 1  # 00:30 Helsinki, 22:30 UTC the day before
    assert by_day[dt.date(2026, 3, 31)].contacts[P] == 1  # 23:30 Helsinki summer time
    assert by_day[dt.date(2026, 3, 2)].total == 2
    assert by_day[dt.date(2026, 3, 2)].service_level == pytest.approx(0.5)
    assert sum(p.total for p in r.series) == 5


def test_weekly_series_for_a_longer_period(reports):
    r = reports.run(ReportQuery(dt.date(2026, 1, 1), dt.date(2026, 3, 31)))
    assert r.granularity == "week"
    assert r.series[0].start == dt.date(2026, 1, 1)  # clipped to the period
    assert r.series[1].start == dt.date(2026, 1, 5)  # then Mondays
    assert sum(p.total for p in r.series) == 8  # every contact from 1 January to 31 March


@pytest.mark.parametrize(
    ("filters", "contacts", "service_level", "backlog"),
    [
        ({"departments": ("tech",)}, 3, 2 / 4, 3),
        ({"municipalities": ("TAMPERE",)}, 3, 2 / 3, 4),  # every case is customer 1's
        ({"topics": ("benefit",)}, 2, 1.0, 0),
        ({"queues": ("social-phone",)}, 1, 1.0, 0),
        ({"channels": (Channel.EMAIL,)}, 1, 1.0, 0),
        ({"departments": ("social",), "queues": ("water-phone",)}, 0, None, 0),
    ],
)
def test_filters(reports, filters, contacts, service_level, backlog):
    r = reports.run(ReportQuery(MARCH.start, MARCH.end, **filters))
    assert r.current.total.contacts == contacts
    assert r.current.total.service_level == (pytest.approx(service_level) if service_level is not None else None)
    assert r.current.cases.backlog == backlog


@pytest.mark.parametrize(
    ("filters", "field", "text"),
    [
        ({"departments": ("nope",)}, "department", "unknown department: 'nope'"),
        ({"queues": ("x", "y")}, "queue", "unknown queues: 'x', 'y'"),
        ({"topics": ("parking",)}, "topic", "unknown topic: 'parking'"),
        ({"municipalities": ("Atlantis",)}, "municipality", "unknown municipality: 'Atlantis'"),
    ],
)
def test_unknown_codes_are_named(reports, filters, field, text):
    with pytest.raises(ReportQueryError) as caught:
        reports.run(ReportQuery(MARCH.start, MARCH.end, **filters))
    assert (caught.value.field, caught.value.message) == (field, text)


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ReportQueryError, match="ends"):
        ReportQuery(dt.date(2026, 3, 31), dt.date(2026, 3, 1))


@pytest.mark.parametrize("use_summaries", [False, True])
def test_a_contact_a_fraction_of_a_second_before_midnight_counts_on_its_own_day(reports, db, use_summaries):
    from agentdesk.reports.summaries import ReportSummaries
    from agentdesk.storage.models import Interaction
    from tests.core.reports_month import hki

    with db.session() as s, s.begin():
        s.add(Interaction(id=50, channel=P, started_at=hki(2026, 3, 30, 23, 59, 59, 999800), topic="water"))
    if use_summaries:
        ReportSummaries(db).update(today=dt.date(2026, 4, 15))
    reports.use_summaries = use_summaries
    r = reports.run(MARCH)
    assert r.current.total.contacts == 6 == sum(p.total for p in r.series)
    assert r.series[29].contacts[P] == 1 and r.series[30].contacts[P] == 1  # 30 March, and contact 3 on the 31st
