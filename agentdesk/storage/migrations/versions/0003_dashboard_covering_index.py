"""The interaction start-time index also covers channel, department and outcome, so the supervisor
dashboard's figures for today are one index-only range scan.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_started_cover", ["started_at", "channel", "department_id", "outcome"], unique=False
        )
        batch_op.drop_index("ix_interaction_started")


def downgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_started", ["started_at"], unique=False)
        batch_op.drop_index("ix_interaction_started_cover")
