"""Steward merges: a merged-away customer is kept as a tombstone (``customer.merged_into``) and each
merge is recorded with the journal that undoes it (``customer_merge``).

Revision ID: 0011
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch): on SQLite a batch would copy and drop ``customer``, and the drop
    # cascades into every table that references it.
    op.add_column("customer", sa.Column("merged_into", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_customer_merged_into"), "customer", ["merged_into"], unique=False)
    op.create_table(
        "customer_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("choices", sa.Text(), nullable=False),
        sa.Column("journal", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merge")),
    )
    op.create_index(op.f("ix_customer_merge_survivor_id"), "customer_merge", ["survivor_id"], unique=False)
    op.create_index(op.f("ix_customer_merge_merged_id"), "customer_merge", ["merged_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_customer_merge_merged_id"), table_name="customer_merge")
    op.drop_index(op.f("ix_customer_merge_survivor_id"), table_name="customer_merge")
    op.drop_table("customer_merge")
    op.drop_index(op.f("ix_customer_merged_into"), table_name="customer")
    op.drop_column("customer", "merged_into")  # SQLite 3.35+ drops a plain column in place
