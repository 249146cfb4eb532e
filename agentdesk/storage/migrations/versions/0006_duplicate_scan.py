"""Duplicate scan: its state (high-water marks, the trained model), the prepared register and rejected pairs.

Revision ID: 0006
Revises: 0010 (numbered 0006 when written; chained after main's 0010 when main was merged in)
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicate_scan_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("max_customer_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("changed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("model", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_scan_state")),
    )
    op.create_table(
        "duplicate_scan_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("max_customer_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("changed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_scan_snapshot")),
    )
    op.create_table(
        "duplicate_rejected_pair",
        sa.Column("customer_a", sa.Integer(), nullable=False),
        sa.Column("customer_b", sa.Integer(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rejected_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("customer_a", "customer_b", name=op.f("pk_duplicate_rejected_pair")),
    )


def downgrade() -> None:
    op.drop_table("duplicate_rejected_pair")
    op.drop_table("duplicate_scan_snapshot")
    op.drop_table("duplicate_scan_state")
