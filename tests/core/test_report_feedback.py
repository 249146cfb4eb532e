"""Feedback figures in the reports: the surveys after the hand-worked month's contacts
(tests/core/reports_month.py), in total, by queue and by agent, with the trend and the exports."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from agentdesk.reports import ReportQuery, Reports
from agentdesk.reports.exports import to_csv
from agentdesk.storage.models import Channel
from tests.core.reports_month import COSTS, TOPICS, add_feedback, build_month

MARCH = ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


@pytest.fixture
def reports(db):
    build_month(db)
    add_feedback(db)
    return Reports(db, cost_per_contact=COSTS, topics=TOPICS)


def test_feedback_in_total_with_the_trend(reports):
    r = reports.run(MARCH)
    f = r.current.feedback.total
    assert (f.surveys_sent, f.feedback_answers) == (4, 3)
    assert f.feedback_response_rate == pytest.approx(3 / 4)
    assert f.feedback_score_mean == pytest.approx((5 + 2 + 4) / 3)
    t = r.trend("feedback_score_mean")
    assert t.previous == pytest.approx(3.0)
    assert t.change == pytest.approx(11 / 3 - 3)
    assert r.trend("feedback_response_rate").change == pytest.approx(3 / 4 - 1)


def test_feedback_by_queue_and_by_agent(reports):
    f = reports.run(MARCH).current.feedback
    assert list(f.by_queue) == ["social-phone", "tech-mail", "water-phone"]
    water = f.by_queue["water-phone"]
    assert (water.surveys_sent, water.feedback_answers, water.feedback_score_mean) == (2, 2, 3.5)
    assert f.by_queue["social-phone"].feedback_response_rate == 0.0
    assert f.by_queue["social-phone"].feedback_score_mean is None
    assert {a: (g.surveys_sent, g.feedback_score_mean) for a, g in f.by_agent.items()} == {
        "aino.agent": (2, 3.5),
        "bert.agent": (1, 4.0),
    }


def test_feedback_follows_the_filters(reports):
    r = reports.run(ReportQuery(MARCH.start, MARCH.end, channels=(Channel.EMAIL,)))
    assert (r.current.feedback.total.surveys_sent, r.current.feedback.total.feedback_score_mean) == (1, 4.0)
    assert list(r.current.feedback.by_agent) == ["bert.agent"]


def test_feedback_rows_in_the_export(reports):
    rows = list(csv.reader(io.StringIO(to_csv(reports.run(MARCH)))))
    mean = {row[2]: row[3:6] for row in rows if row and row[0] == "feedback_score_mean"}
    assert list(mean) == [
        "total",
        "queue:social-phone",
        "queue:tech-mail",
        "queue:water-phone",
        "agent:aino.agent",
        "agent:bert.agent",
    ]
    assert float(mean["total"][0]) == pytest.approx(11 / 3)
    assert mean["queue:social-phone"] == ["", "", ""]  # sent, never answered: no mean
    assert mean["agent:aino.agent"] == ["3.5", "3.0", "0.5"]  # contact 6 of the previous period: a 3
