"""Service cases get a lifecycle: two more states (waiting for the back office, reopened), an assignee,
the time they were resolved, and a history of every status change (``case_event``).

Existing cases get one history row, "created", at their creation time in their current state.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OLD = ("new", "open", "waiting", "resolved", "closed")
NEW = ("new", "open", "waiting", "waiting_backoffice", "resolved", "closed", "reopened")  # CaseStatus order


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _status_check(values: tuple[str, ...]) -> None:
    with op.batch_alter_table("service_case", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_service_case_case_status"), type_="check")
        batch_op.create_check_constraint("case_status", _in("status", values))


def upgrade() -> None:
    _status_check(NEW)
    with op.batch_alter_table("service_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assignee_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_service_case_assignee_id_staff_user"),
            "staff_user",
            ["assignee_id"],
            ["id"],
            ondelete="SET NULL",
        )
    status = {
        "values_callable": None,
        "native_enum": False,
        "create_constraint": True,
        "length": 24,
    }
    op.create_table(
        "case_event",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("from_status", sa.Enum(*NEW, name="case_event_from", **status), nullable=True),
        sa.Column("to_status", sa.Enum(*NEW, name="case_event_to", **status), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["service_case.id"], name=op.f("fk_case_event_case_id_service_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_case_event_department_id_department")
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["staff_user.id"], name=op.f("fk_case_event_assignee_id_staff_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_event")),
    )
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.create_index("ix_case_event_case_at", ["case_id", "at"], unique=False)
    op.execute(
        "INSERT INTO case_event (case_id, at, actor, from_status, to_status, department_id, due_date, note) "
        "SELECT id, created_at, 'migration', NULL, status, department_id, due_date, '' FROM service_case"
    )


def downgrade() -> None:
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.drop_index("ix_case_event_case_at")
    op.drop_table("case_event")
    op.execute("UPDATE service_case SET status = 'open' WHERE status = 'reopened'")
    op.execute("UPDATE service_case SET status = 'waiting' WHERE status = 'waiting_backoffice'")
    with op.batch_alter_table("service_case", schema=None) as batch_op:
        batch_op.drop_constraint("fk_service_case_assignee_id_staff_user", type_="foreignkey")
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("assignee_id")
    _status_check(OLD)
