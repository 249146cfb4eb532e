"""The daily summaries give the reports exactly the raw rows' figures (SQLite and PostgreSQL): on the
hand-worked month, on a generated period over a daylight-saving change with every filter, and after
back-dated and late writes, before and after the next roll-up."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from sqlalchemy import delete, func, select, update

from agentdesk.reports import ReportQuery, Reports
from agentdesk.reports.summaries import ReportSummaries, summarized_days
from agentdesk.storage.models import Channel, Interaction, Outcome, WorkItem, WorkItemState
from agentdesk.storage.tables.reports import ReportContactDay, ReportDirtyDay, ReportWorkDay
from tests.core.reports_month import COSTS, TOPICS, build_month, hki

MAY_DAY = dt.date(2026, 5, 1)  # "today" for the roll-ups: every generated day is before it
MARCH = ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
SPRING = ReportQuery(dt.date(2026, 2, 2), dt.date(2026, 4, 30))  # charted by week; previous from 5 Nov
P, E, W = Channel.PHONE, Channel.EMAIL, Channel.WALK_IN
FILTERS = [
    {},
    {"channels": (P,)},
    {"departments": ("tech",)},
    {"topics": ("water",)},
    {"topics": ("benefit",), "channels": (P, W)},
    {"departments": ("social",), "channels": (P,)},
    {"queues": ("water-phone",)},  # contacts by named queue: raw rows only, still the same figures
    {"municipalities": ("tampere",)},  # raw rows only
]


def _flat(value: object, prefix: str = "") -> dict[str, object]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _flat(item, f"{prefix}.{key}").items()}
    if isinstance(value, tuple | list):
        return {k: v for n, item in enumerate(value) for k, v in _flat(item, f"{prefix}[{n}]").items()}
    return {prefix: value}


def assert_same(summarized: object, raw: object) -> None:
    a, b = _flat(summarized), _flat(raw)
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(b[key], float):
            assert a[key] == pytest.approx(b[key], rel=1e-9, abs=1e-9), key
        else:
            assert a[key] == b[key], key


def compare(db, queries=(MARCH, SPRING)) -> None:
    now = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)
    summed = Reports(db, cost_per_contact=COSTS, topics=TOPICS)
    raw = Reports(db, cost_per_contact=COSTS, topics=TOPICS, use_summaries=False)
    for query in queries:
        for filters in FILTERS:
            q = dataclasses.replace(query, **filters)
            assert_same(summed.run(q, now=now), raw.run(q, now=now))


def generate(db, seed: int = 13) -> None:
    """Two hundred contacts with their work items (and some callers who gave up) from November to
    April, on every channel, department, queue and topic of the hand-worked month."""
    rng = random.Random(seed)
    queues = {1: (P, 1, 60), 2: (E, 1, 3600), 3: (P, 2, 60)}
    first = hki(2025, 11, 1)
    with db.session() as s, s.begin():
        for n in range(200):
            start = first + dt.timedelta(seconds=rng.uniform(0, 181 * 86400))
            queue = rng.choice(list(queues))
            channel, dept, target = queues[queue]
            iid = 1000 + n
            if rng.random() < 0.85:
                ended = start + dt.timedelta(seconds=rng.uniform(20, 900)) if rng.random() < 0.9 else None
                outcome = rng.choice([*Outcome, None])
                topic = rng.choice(["water", "benefit", ""])
                s.add(
                    Interaction(
                        id=iid,
                        channel=rng.choice([channel, W]) if channel is P else channel,
                        department_id=dept,
                        topic=topic,
                        customer_id=rng.choice([1, 2, None]),
                        started_at=start,
                        ended_at=ended,
                        outcome=outcome,
                    )
                )
                s.flush()
            else:
                iid = None
            created = start - dt.timedelta(seconds=rng.uniform(0, 7200 if channel is E else 200))
            answered = iid is not None and rng.random() < 0.9
            wait = dt.timedelta(seconds=rng.uniform(1, 3 * target))
            state = WorkItemState.DONE if answered else WorkItemState.ABANDONED
            s.add(
                WorkItem(
                    id=1000 + n,
                    queue_id=queue,
                    channel=channel,
                    customer_id=rng.choice([1, 2, None]),
                    created_at=created,
                    due_at=created + dt.timedelta(seconds=target),
                    answered_at=created + wait if answered else None,
                    finished_at=created + wait + dt.timedelta(seconds=60),
                    state=state,
                    interaction_id=iid,
                )
            )


@pytest.fixture
def month(db):
    build_month(db)
    generate(db)
    return db


def test_the_hand_worked_month_from_the_summaries(db):
    build_month(db)
    done = ReportSummaries(db).update(today=MAY_DAY)
    assert done.summarized_before == MAY_DAY
    with db.session() as s:
        assert len(summarized_days(s, MARCH.start, MARCH.end)) == 31
        assert s.scalar(select(func.sum(ReportContactDay.contacts))) == 9  # every contact, in its day
    t = Reports(db, cost_per_contact=COSTS, topics=TOPICS).run(MARCH).current.total
    assert (t.contacts, t.answered, t.answered_within_target, t.abandoned, t.abandoned_after_target) == (5, 4, 3, 2, 1)
    assert t.speed_of_answer_mean == pytest.approx((30 + 90 + 10 + 1800) / 4)
    assert t.speed_of_answer_p90 == pytest.approx(1800)
    assert t.handle_time_mean == pytest.approx((300 + 100 + 200 + 600) / 4)
    assert t.first_contact_resolution == pytest.approx(2 / 4)
    compare(db, (MARCH,))


def test_a_generated_period_is_the_same_from_the_summaries_as_from_the_rows(month):
    compare(month)  # nothing summarized yet: both read the rows
    ReportSummaries(month).update(today=MAY_DAY)
    with month.session() as s:
        assert len(summarized_days(s, SPRING.previous().start, SPRING.end)) == 2 * SPRING.days
        assert s.scalar(select(func.count()).select_from(ReportWorkDay)) > 50
    compare(month)


def test_back_dated_and_late_writes_are_read_from_the_rows_until_the_next_roll_up(month):
    summaries = ReportSummaries(month)
    summaries.update(today=MAY_DAY)
    with month.session() as s, s.begin():
        # A contact logged afterwards for 5 March, with its work item.
        s.add(Interaction(id=5000, channel=P, department_id=1, topic="water", started_at=hki(2026, 3, 5, 14)))
        s.flush()
        s.add(
            WorkItem(
                id=5000,
                queue_id=1,
                channel=P,
                created_at=hki(2026, 3, 5, 13, 59),
                due_at=hki(2026, 3, 5, 14, 0),
                answered_at=hki(2026, 3, 5, 14, 0, 30),
                finished_at=hki(2026, 3, 5, 14, 10),
                state=WorkItemState.DONE,
                interaction_id=5000,
            )
        )
        # The call still waiting since 20 March answered (late), a contact's topic corrected (its work
        # item of 2 March counts under the new topic), a contact of February deleted.
        s.execute(
            update(WorkItem)
            .where(WorkItem.id == 8)
            .values(answered_at=hki(2026, 3, 20, 9, 5), finished_at=hki(2026, 3, 20, 9, 9), state=WorkItemState.DONE)
        )
        s.execute(update(Interaction).where(Interaction.id == 1).values(topic="benefit"))
        gone = s.scalar(
            select(Interaction.id).where(Interaction.id >= 1000, Interaction.started_at < hki(2026, 2, 20)).limit(1)
        )
        s.execute(update(WorkItem).where(WorkItem.interaction_id == gone).values(interaction_id=None))
        s.execute(delete(Interaction).where(Interaction.id == gone))
    with month.session() as s:
        fresh = summarized_days(s, SPRING.previous().start, SPRING.end)
        assert s.scalar(select(func.count()).select_from(ReportDirtyDay)) >= 3
    for day in (dt.date(2026, 3, 5), dt.date(2026, 3, 20), dt.date(2026, 3, 2)):
        assert day not in fresh  # read from the rows
    assert dt.date(2026, 3, 25) in fresh
    compare(month)
    summaries.update(today=MAY_DAY)
    with month.session() as s:
        assert s.scalar(select(func.count()).select_from(ReportDirtyDay)) == 0
        assert len(summarized_days(s, SPRING.previous().start, SPRING.end)) == 2 * SPRING.days
    compare(month)
    phone = Reports(month, topics=TOPICS).run(dataclasses.replace(MARCH, topics=("benefit",)))
    raw = Reports(month, topics=TOPICS, use_summaries=False).run(dataclasses.replace(MARCH, topics=("benefit",)))
    assert phone.current.total.contacts == raw.current.total.contacts


def test_a_rebuild_gives_the_same_summaries(month):
    summaries = ReportSummaries(month)
    summaries.update(today=MAY_DAY)
    with month.session() as s:
        before = sorted(s.execute(select(ReportWorkDay.day, ReportWorkDay.answered, ReportWorkDay.queue_id)).all())
    assert summaries.rebuild(today=MAY_DAY).days > 150
    with month.session() as s:
        after = sorted(s.execute(select(ReportWorkDay.day, ReportWorkDay.answered, ReportWorkDay.queue_id)).all())
    assert after == before
    compare(month, (MARCH,))


def test_the_command_keeps_the_summaries_and_the_report_stays_the_same(sqlite_db, tmp_path, capsys):
    from agentdesk.cli import main

    build_month(sqlite_db)
    url = f"sqlite:///{tmp_path / 'agentdesk.sqlite3'}"
    report = ["report", "--db", url, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv"]
    assert main(report) == 0
    from_rows = capsys.readouterr().out
    assert main(["report", "update-summaries", "--db", url]) == 0
    assert "complete up to" in capsys.readouterr().out
    with sqlite_db.session() as s:
        assert len(summarized_days(s, MARCH.start, MARCH.end)) == 31
    assert main(report) == 0
    cut = from_rows.index("\n")  # the first line says when it was made
    assert capsys.readouterr().out[cut:] == from_rows[cut:]
    assert main(["report", "rebuild-summaries", "--db", url]) == 0
    assert "day(s) computed" in capsys.readouterr().out
    assert main(["report", "--db", url, "--format", "csv"]) == 2
    assert "a report needs --from, --to" in capsys.readouterr().err
