"""The agent's inbox: skills per queue membership, the skill an item needs, its wrap-up code, and
transfers to another queue or agent with a note.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _big_id() -> sa.types.TypeEngine[int]:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "queue_member_skill",
        sa.Column("queue_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("skill", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["queue_id", "staff_id"],
            ["queue_member.queue_id", "queue_member.staff_id"],
            name=op.f("fk_queue_member_skill_queue_id_queue_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("queue_id", "staff_id", "skill", name=op.f("pk_queue_member_skill")),
    )
    with op.batch_alter_table("work_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skill", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("wrap_up_code", sa.String(length=32), nullable=False, server_default=""))
    op.create_table(
        "work_item_transfer",
        sa.Column("id", _big_id(), nullable=False),
        sa.Column("item_id", _big_id(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_staff_id", sa.Integer(), nullable=False),
        sa.Column("from_queue_id", sa.Integer(), nullable=False),
        sa.Column("to_queue_id", sa.Integer(), nullable=False),
        sa.Column("to_staff_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["work_item.id"], name=op.f("fk_work_item_transfer_item_id_work_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["from_staff_id"], ["staff_user.id"], name=op.f("fk_work_item_transfer_from_staff_id_staff_user")
        ),
        sa.ForeignKeyConstraint(
            ["from_queue_id"], ["queue.id"], name=op.f("fk_work_item_transfer_from_queue_id_queue")
        ),
        sa.ForeignKeyConstraint(["to_queue_id"], ["queue.id"], name=op.f("fk_work_item_transfer_to_queue_id_queue")),
        sa.ForeignKeyConstraint(
            ["to_staff_id"], ["staff_user.id"], name=op.f("fk_work_item_transfer_to_staff_id_staff_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_item_transfer")),
    )
    with op.batch_alter_table("work_item_transfer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_item_transfer_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("work_item_transfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_item_transfer_item_id"))
    op.drop_table("work_item_transfer")
    with op.batch_alter_table("work_item", schema=None) as batch_op:
        batch_op.drop_column("wrap_up_code")
        batch_op.drop_column("skill")
    op.drop_table("queue_member_skill")
