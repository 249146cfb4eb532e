"""E-mail that could not be taken in is kept in quarantine: raw message, mailbox, UID, reason, version.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quarantined_mail",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("quarantined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mailbox", sa.String(length=254), nullable=False),
        sa.Column("mailbox_key", sa.String(length=400), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("queue_code", sa.String(length=32), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.String(length=128), nullable=False),
        sa.Column("sender_domain", sa.String(length=254), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("error_class", sa.String(length=64), nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_tried_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantined_mail")),
    )
    with op.batch_alter_table("quarantined_mail", schema=None) as batch_op:
        batch_op.create_index("ix_quarantined_mail_mailbox_uid", ["mailbox_key", "uidvalidity", "uid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("quarantined_mail", schema=None) as batch_op:
        batch_op.drop_index("ix_quarantined_mail_mailbox_uid")
    op.drop_table("quarantined_mail")
