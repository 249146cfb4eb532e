"""The data protection officer: a ``dpo`` staff role, and the workstation each audit entry was
written from (``audit_entry.workstation``; empty for the entries written before it, which their
hash keeps as they were). An index on alert (kind, customer) for the protected-address rule, which
looks up the protected people of a household.

Revision ID: 0015
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

OLD = ("agent", "supervisor", "steward", "admin")
NEW = ("agent", "supervisor", "steward", "admin", "dpo")  # StaffRole order


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _role_check(values: tuple[str, ...]) -> None:
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_staff_user_staff_role"), type_="check")
        batch_op.create_check_constraint("staff_role", _in("role", values))


def upgrade() -> None:
    _role_check(NEW)
    # A plain ADD COLUMN on both back ends (no table copy: the append-only triggers stay as they are).
    # A database downgraded before still has it (see downgrade).
    if "workstation" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("audit_entry")}:
        op.add_column("audit_entry", sa.Column("workstation", sa.String(length=64), nullable=True))
    op.create_index("ix_alert_kind_customer", "alert", ["kind", "customer_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_alert_kind_customer", table_name="alert")
    # The workstation column stays: each entry's hash covers it, so dropping it would break the chain
    # of every entry written since (the older program never reads it).
    op.execute("UPDATE staff_user SET role = 'supervisor' WHERE role = 'dpo'")
    _role_check(OLD)
