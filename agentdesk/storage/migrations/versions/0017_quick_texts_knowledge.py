"""Quick texts, knowledge articles and call scripts (``knowledge_entry``), with their texts per
language (``knowledge_text``).

Revision ID: 0017
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "knowledge_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("shortcut", sa.String(length=32), nullable=True),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_entry")),
    )
    with op.batch_alter_table("knowledge_entry", schema=None) as batch_op:
        batch_op.create_index("ix_knowledge_entry_shortcut", ["shortcut"], unique=True)
        batch_op.create_index("ix_knowledge_entry_kind_topic", ["kind", "topic"], unique=False)
    op.create_table(
        "knowledge_text",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["knowledge_entry.id"],
            name=op.f("fk_knowledge_text_entry_id_knowledge_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "language", name=op.f("pk_knowledge_text")),
    )


def downgrade() -> None:
    op.drop_table("knowledge_text")
    with op.batch_alter_table("knowledge_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_knowledge_entry_kind_topic")
        batch_op.drop_index("ix_knowledge_entry_shortcut")
    op.drop_table("knowledge_entry")
