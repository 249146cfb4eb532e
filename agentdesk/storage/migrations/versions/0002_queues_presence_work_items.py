"""Queues with service-level targets, queue membership, agent presence (current state and history),
work items from every channel, and the per-day walk-in ticket counters.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 21:11:54.173445
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_counter",
        sa.Column("letter", sa.String(length=2), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("letter", "day", name=op.f("pk_ticket_counter")),
    )
    op.create_table(
        "queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column(
            "channel",
            sa.Enum(
                "phone", "email", "walk_in", "web", name="channel", native_enum=False, create_constraint=True, length=24
            ),
            nullable=False,
        ),
        sa.Column("target_seconds", sa.Integer(), nullable=False),
        sa.Column("target_share", sa.Float(), nullable=False),
        sa.Column("working_hours", sa.Boolean(), nullable=False),
        sa.Column("alarm_waiting", sa.Integer(), nullable=True),
        sa.Column("alarm_longest_wait_seconds", sa.Integer(), nullable=True),
        sa.Column("ticket_letter", sa.String(length=2), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], name=op.f("fk_queue_department_id_department")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue")),
        sa.UniqueConstraint("code", name=op.f("uq_queue_code")),
    )
    with op.batch_alter_table("queue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_queue_department_id"), ["department_id"], unique=False)

    op.create_table(
        "agent_presence",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "available",
                "busy",
                "wrap_up",
                "break",
                "offline",
                name="presence_state",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_user.id"], name=op.f("fk_agent_presence_staff_id_staff_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("staff_id", name=op.f("pk_agent_presence")),
    )
    op.create_table(
        "presence_change",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "available",
                "busy",
                "wrap_up",
                "break",
                "offline",
                name="presence_state",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_user.id"], name=op.f("fk_presence_change_staff_id_staff_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presence_change")),
    )
    with op.batch_alter_table("presence_change", schema=None) as batch_op:
        batch_op.create_index("ix_presence_change_staff_started", ["staff_id", "started_at"], unique=False)

    op.create_table(
        "queue_member",
        sa.Column("queue_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["queue_id"], ["queue.id"], name=op.f("fk_queue_member_queue_id_queue"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_user.id"], name=op.f("fk_queue_member_staff_id_staff_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("queue_id", "staff_id", name=op.f("pk_queue_member")),
    )
    with op.batch_alter_table("queue_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_queue_member_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "work_item",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("queue_id", sa.Integer(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "phone", "email", "walk_in", "web", name="channel", native_enum=False, create_constraint=True, length=24
            ),
            nullable=False,
        ),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("external_ref", sa.String(length=128), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "waiting",
                "offered",
                "in_progress",
                "done",
                "abandoned",
                name="work_item_state",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("service_point", sa.String(length=64), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["claimed_by"], ["staff_user.id"], name=op.f("fk_work_item_claimed_by_staff_user")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_work_item_customer_id_customer"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_work_item_interaction_id_interaction"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["queue_id"], ["queue.id"], name=op.f("fk_work_item_queue_id_queue")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_item")),
    )
    with op.batch_alter_table("work_item", schema=None) as batch_op:
        batch_op.create_index("ix_work_item_claimed_by", ["claimed_by"], unique=False)
        batch_op.create_index("ix_work_item_created", ["created_at"], unique=False)
        batch_op.create_index("ix_work_item_external_ref", ["external_ref"], unique=False)
        batch_op.create_index("ix_work_item_lease_until", ["lease_until"], unique=False)
        batch_op.create_index("ix_work_item_queue_state_created", ["queue_id", "state", "created_at"], unique=False)
        batch_op.create_index("ix_work_item_claim_order", ["state", "priority", "created_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("work_item", schema=None) as batch_op:
        batch_op.drop_index("ix_work_item_claim_order")
        batch_op.drop_index("ix_work_item_queue_state_created")
        batch_op.drop_index("ix_work_item_lease_until")
        batch_op.drop_index("ix_work_item_external_ref")
        batch_op.drop_index("ix_work_item_created")
        batch_op.drop_index("ix_work_item_claimed_by")

    op.drop_table("work_item")
    with op.batch_alter_table("queue_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_queue_member_staff_id"))

    op.drop_table("queue_member")
    with op.batch_alter_table("presence_change", schema=None) as batch_op:
        batch_op.drop_index("ix_presence_change_staff_started")

    op.drop_table("presence_change")
    op.drop_table("agent_presence")
    with op.batch_alter_table("queue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_queue_department_id"))

    op.drop_table("queue")
    op.drop_table("ticket_counter")
