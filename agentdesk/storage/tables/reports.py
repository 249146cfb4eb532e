"""The management reports' daily summaries (:mod:`agentdesk.reports.summaries` keeps them).

``report_contact_day`` and ``report_work_day`` hold, per Helsinki day, the additive parts of the
report's figures (counts and sums) grouped by the dimensions a report filters on; a year's report reads a
few thousand of these rows instead of millions of contacts. ``report_summary_state`` says up to which
day they are complete; ``report_dirty_day`` lists the UTC days written to since (back-dated or late
writes), marked by database triggers on ``interaction`` and ``work_item`` (migration 0019), so a report
reads those days from the raw rows until the next roll-up.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, Float, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.storage.kinds import Channel
from agentdesk.storage.tables.base import Base, enum_column


class ReportContactDay(Base):
    """Contacts started on ``day`` (Helsinki) by department, channel and topic. No foreign keys: a
    deleted queue or department takes its contacts with it, and the triggers mark their days dirty."""

    __tablename__ = "report_contact_day"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    department_id: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    topic: Mapped[str] = mapped_column(String(100))
    contacts: Mapped[int] = mapped_column(Integer)
    with_outcome: Mapped[int] = mapped_column(Integer)
    resolved_first: Mapped[int] = mapped_column(Integer)
    duration_s: Mapped[float] = mapped_column(Float)
    ended: Mapped[int] = mapped_column(Integer)


class ReportWorkDay(Base):
    """Work items that arrived on ``day`` (Helsinki) by queue, channel, their contact's topic (None: no
    contact) and wait bucket (the report's percentile bucket of an answered item; None: not answered)."""

    __tablename__ = "report_work_day"
    __table_args__ = (
        # A report reads each of its two queries from one of these alone, in the index's order (no sort;
        # migration 0022): the counts by day and channel, and the answered waits by channel and bucket.
        Index(
            "ix_report_work_day_cover",
            "day",
            "channel",
            "queue_id",
            "topic",
            "answered",
            "within_target",
            "abandoned",
            "abandoned_late",
            "waits_s",
        ),
        Index(
            "ix_report_work_day_waits",
            "channel",
            "wait_bucket",
            "day",
            "answered",
            "queue_id",
            "topic",
            sqlite_where=text("wait_bucket IS NOT NULL"),
            postgresql_where=text("wait_bucket IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    queue_id: Mapped[int] = mapped_column(Integer)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    topic: Mapped[str | None] = mapped_column(String(100))
    wait_bucket: Mapped[float | None] = mapped_column(Float)
    answered: Mapped[int] = mapped_column(Integer)
    within_target: Mapped[int] = mapped_column(Integer)
    abandoned: Mapped[int] = mapped_column(Integer)
    abandoned_late: Mapped[int] = mapped_column(Integer)
    waits_s: Mapped[float] = mapped_column(Float)


class ReportSummaryState(Base):
    """One row (id 1). ``summarized_before``: the summaries hold every Helsinki day before it (None:
    none yet). ``mark_before``: the triggers mark writes to UTC days before it (set ahead of a roll-up)."""

    __tablename__ = "report_summary_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    summarized_before: Mapped[dt.date | None] = mapped_column(Date)
    mark_before: Mapped[dt.date | None] = mapped_column(Date)


class ReportDirtyDay(Base):
    """A UTC day with contacts or work items written since it was summarized (its Helsinki day and the
    next are read from the raw rows until the next roll-up)."""

    __tablename__ = "report_dirty_day"

    utc_day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    touches: Mapped[int] = mapped_column(Integer, default=1)
