"""Indexes a year's report reads in their own order: the daily work-item summary's counts by day and
channel and its answered waits by channel and bucket (covering, so the GROUP BYs need no sort), and the
cases resolved in a period (by status and time).

The summaries are set to be rolled up again from nothing (their rows deleted, ``summarized_before``
cleared): a contact in the last half millisecond before Helsinki midnight was summarized on the next
day on SQLite. Until the next ``agentdesk report update-summaries`` the reports read the raw rows.

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

WITH_A_WAIT = sa.text("wait_bucket IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_report_work_day_cover",
        "report_work_day",
        [
            "day",
            "channel",
            "queue_id",
            "topic",
            "answered",
            "within_target",
            "abandoned",
            "abandoned_late",
            "waits_s",
        ],
    )
    op.create_index(
        "ix_report_work_day_waits",
        "report_work_day",
        ["channel", "wait_bucket", "day", "answered", "queue_id", "topic"],
        sqlite_where=WITH_A_WAIT,
        postgresql_where=WITH_A_WAIT,
    )
    op.create_index("ix_case_event_status_at", "case_event", ["to_status", "at", "due_date", "case_id"])
    op.execute("DELETE FROM report_contact_day")
    op.execute("DELETE FROM report_work_day")
    op.execute("UPDATE report_summary_state SET summarized_before = NULL")


def downgrade() -> None:
    op.drop_index("ix_case_event_status_at", table_name="case_event")
    op.drop_index("ix_report_work_day_waits", table_name="report_work_day")
    op.drop_index("ix_report_work_day_cover", table_name="report_work_day")
