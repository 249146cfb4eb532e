"""The steward's review queue: the candidate pairs the last duplicate scans found, with the steward's
decision on each (open, not sure, accepted = merged, rejected).

Revision ID: 0013
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicate_candidate",
        sa.Column("customer_a", sa.Integer(), nullable=False),
        sa.Column("customer_b", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("decision", sa.String(length=8), nullable=False),
        sa.Column("match_weight", sa.Float(), nullable=False),
        sa.Column("refs", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("merge_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("customer_a", "customer_b", name=op.f("pk_duplicate_candidate")),
    )
    op.create_index("ix_duplicate_candidate_status_score", "duplicate_candidate", ["status", "score"])


def downgrade() -> None:
    op.drop_index("ix_duplicate_candidate_status_score", table_name="duplicate_candidate")
    op.drop_table("duplicate_candidate")
