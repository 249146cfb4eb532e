"""Lineage of register imports: which register said each field of a customer, and when
(``field_source``; the value as the register wrote it and the identity rule it failed, if any).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "field_source",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("register", sa.String(length=64), nullable=False),
        sa.Column("observed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("flag", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_field_source_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("customer_id", "field", "register", name=op.f("pk_field_source")),
    )


def downgrade() -> None:
    op.drop_table("field_source")
