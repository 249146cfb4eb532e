"""Indexes for the management reports: a year's contacts and work items are read from covering
indexes (no table rows); a report filtered by queue finds a contact's work item by its interaction
through ``ix_work_item_interaction_id`` (made by 0010).

Revision ID: 0009
Revises: 0012
"""

from alembic import op

revision = "0009"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_report_cover",
            ["started_at", "channel", "department_id", "topic", "outcome", "ended_at"],
            unique=False,
        )
    with op.batch_alter_table("work_item", schema=None) as batch_op:
        batch_op.create_index(
            "ix_work_item_report_cover",
            ["created_at", "channel", "queue_id", "state", "answered_at", "due_at", "finished_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("work_item", schema=None) as batch_op:
        batch_op.drop_index("ix_work_item_report_cover")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_report_cover")
