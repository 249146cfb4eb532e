"""The supervisor dashboard computed once: one stored snapshot that every open dashboard reads; an
index for its count of overdue and soon-due cases.

Revision ID: 0010
Revises: 0008
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "dashboard_snapshot",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dashboard_snapshot")),
    )
    # Scope 1, the whole contact centre: never computed yet (the first dashboard computes it).
    never = (
        dt.datetime(2000, 1, 1) if op.get_bind().dialect.name == "sqlite" else dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    )
    op.bulk_insert(table, [{"id": 1, "computed_at": never, "claimed_until": None, "seq": 0, "payload": ""}])
    # The dashboard counts overdue and soon-due cases: a range over the due dates.
    with op.batch_alter_table("service_case", schema=None) as batch_op:
        batch_op.create_index("ix_service_case_due_status", ["due_date", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("service_case", schema=None) as batch_op:
        batch_op.drop_index("ix_service_case_due_status")
    op.drop_table("dashboard_snapshot")
