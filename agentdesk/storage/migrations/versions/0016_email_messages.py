"""E-mail messages and their attachments in tables of their own: one row per (mailbox, Message-ID).

Revision ID: 0016
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0018"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "email_message",
        sa.Column("id", _ID, nullable=False),
        sa.Column("mailbox", sa.String(length=254), nullable=False),
        sa.Column("message_id", sa.String(length=128), nullable=False),
        sa.Column("in_reply_to", sa.String(length=128), nullable=False),
        sa.Column("refs", sa.Text(), nullable=False),
        sa.Column("thread_id", sa.String(length=128), nullable=False),
        sa.Column("from_addr", sa.String(length=254), nullable=False),
        sa.Column("from_name", sa.String(length=200), nullable=False),
        sa.Column("reply_to", sa.String(length=254), nullable=False),
        sa.Column("to_addrs", sa.Text(), nullable=False),
        sa.Column("cc_addrs", sa.Text(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text_body", sa.Text(), nullable=False),
        sa.Column("html_text", sa.Text(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("inbound", "outbound", name="direction", native_enum=False, create_constraint=True, length=24),
            nullable=False,
        ),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_email_message_customer_id_customer"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["service_case.id"], name=op.f("fk_email_message_case_id_service_case"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_email_message_interaction_id_interaction"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_message")),
    )
    with op.batch_alter_table("email_message", schema=None) as batch_op:
        batch_op.create_index("ux_email_message_mailbox_message_id", ["mailbox", "message_id"], unique=True)
        batch_op.create_index("ix_email_message_case", ["case_id", "sent_at"], unique=False)
        batch_op.create_index("ix_email_message_thread", ["thread_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_email_message_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_email_message_interaction_id"), ["interaction_id"], unique=False)
    op.create_table(
        "email_attachment",
        sa.Column("id", _ID, nullable=False),
        sa.Column("message_id", _ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=255), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["email_message.id"],
            name=op.f("fk_email_attachment_message_id_email_message"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_attachment")),
    )
    with op.batch_alter_table("email_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_email_attachment_message_id"), ["message_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("email_attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_attachment_message_id"))
    op.drop_table("email_attachment")
    with op.batch_alter_table("email_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_message_interaction_id"))
        batch_op.drop_index(batch_op.f("ix_email_message_customer_id"))
        batch_op.drop_index("ix_email_message_thread")
        batch_op.drop_index("ix_email_message_case")
        batch_op.drop_index("ux_email_message_mailbox_message_id")
    op.drop_table("email_message")
