"""Citizens' own input (agentdesk.citizen): a feedback survey per closed contact with its signed link's
expiry and the answer, the survey opt-outs, and the self-service updates waiting for a decision. On
PostgreSQL the rows of a restricted customer follow the need-to-know rule of migration 0014.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

CHANNELS = ("phone", "email", "walk_in", "web", "sms")
LANGUAGES = ("fi", "sv", "en", "other")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def _big_id() -> sa.Column[int]:
    return sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "feedback_survey",
        _big_id(),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("channel", _enum("survey_channel", *CHANNELS), nullable=False),
        sa.Column("language", _enum("survey_language", *LANGUAGES), nullable=False),
        sa.Column("destination", sa.String(length=254), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("state", _enum("survey_state", "pending", "sending", "sent", "failed"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_feedback_survey_interaction_id_interaction"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_feedback_survey_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_survey")),
        sa.UniqueConstraint("interaction_id", name=op.f("uq_feedback_survey_interaction_id")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_feedback_survey_idempotency_key")),
    )
    op.create_index("ix_feedback_survey_state", "feedback_survey", ["state", "id"])
    op.create_index("ix_feedback_survey_customer_id", "feedback_survey", ["customer_id"])
    op.create_index("ix_feedback_survey_answered_at", "feedback_survey", ["answered_at"])
    op.create_table(
        "feedback_opt_out",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_feedback_opt_out_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_feedback_opt_out")),
    )
    op.create_table(
        "self_service_update",
        _big_id(),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("via", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("hetu", sa.String(length=16), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("proposed", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("state", _enum("self_service_state", "new", "accepted", "rejected"), nullable=False),
        sa.Column("work_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_self_service_update_customer_id_customer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["work_item_id"],
            ["work_item.id"],
            name=op.f("fk_self_service_update_work_item_id_work_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_service_update")),
    )
    op.create_index("ix_self_service_update_state", "self_service_update", ["state", "id"])
    op.create_index("ix_self_service_update_customer_id", "self_service_update", ["customer_id"])
    if op.get_bind().dialect.name != "sqlite":  # need-to-know as in migration 0014
        for table in ("feedback_survey", "feedback_opt_out", "self_service_update"):
            column = f"{table}.customer_id"
            rule = (
                f"(SELECT agentdesk_sees_all()) OR {column} IS NULL OR (NOT EXISTS (SELECT 1 FROM"
                f" customer_restriction r WHERE r.customer_id = {column}) OR agentdesk_may_open_restricted({column}))"
            )
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
            op.execute(f"CREATE POLICY need_to_know ON {table} USING ({rule}) WITH CHECK ({rule})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table in ("feedback_survey", "feedback_opt_out", "self_service_update"):
            op.execute(f"DROP POLICY IF EXISTS need_to_know ON {table}")
    op.drop_table("self_service_update")
    op.drop_table("feedback_opt_out")
    op.drop_table("feedback_survey")
