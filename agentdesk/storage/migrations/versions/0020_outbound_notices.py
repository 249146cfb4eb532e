"""Outbound notices to a segment (agentdesk.outreach): the notice and its recipients with their send
state; the SMS channel on contacts (the channel CHECKs widened); indexes for the segments (address
street by prefix, postal code, municipality; customer role by code).

On SQLite a CHECK cannot be altered in place: the widened constraint is written into the schema text
(the documented "writable_schema" change that does not touch stored rows: every stored value still
passes), so the big ``interaction`` table is not copied and its triggers stay.

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

OLD = ("phone", "email", "walk_in", "web")
NEW = (*OLD, "sms")
CHANNEL_TABLES = ("interaction", "work_item", "report_contact_day", "report_work_day")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _widen(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("PRAGMA writable_schema = ON")
        for table in CHANNEL_TABLES:
            op.execute(
                sa.text(
                    "UPDATE sqlite_master SET sql = replace(sql, :old, :new) WHERE type = 'table' AND name = :t"
                ).bindparams(old=f"channel IN ({_in(old)})", new=f"channel IN ({_in(new)})", t=table)
            )
        version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
        op.execute(f"PRAGMA schema_version = {int(version) + 1}")
        op.execute("PRAGMA writable_schema = OFF")
    else:
        for table in CHANNEL_TABLES:
            op.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS ck_{table}_channel")
            op.execute(f"ALTER TABLE {table} ADD CONSTRAINT ck_{table}_channel CHECK (channel IN ({_in(new)}))")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    _widen(OLD, NEW)
    op.create_index(
        "ix_address_street",
        "address",
        ["street", "customer_id", "valid_from", "valid_to"],  # covering: a street's residents from the index
        postgresql_ops={"street": "varchar_pattern_ops"},
    )
    op.create_index("ix_address_postal_code", "address", ["postal_code"])
    op.create_index("ix_address_municipality", "address", ["municipality"])
    op.create_index("ix_customer_role_role_code", "customer_role", ["role_code"])
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("channel", _enum("notice_channel", *NEW), nullable=False),
        sa.Column("segment", sa.Text(), nullable=False),
        sa.Column("subject_fi", sa.String(length=200), nullable=False),
        sa.Column("subject_sv", sa.String(length=200), nullable=False),
        sa.Column("subject_en", sa.String(length=200), nullable=False),
        sa.Column("body_fi", sa.Text(), nullable=False),
        sa.Column("body_sv", sa.Text(), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], name=op.f("fk_notice_department_id_department")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
    )
    op.create_table(
        "notice_recipient",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("language", _enum("notice_language", "fi", "sv", "en", "other"), nullable=False),
        sa.Column("destination", sa.String(length=254), nullable=False),
        sa.Column(
            "state",
            _enum("notice_recipient_state", "pending", "sending", "sent", "failed", "unreachable"),
            nullable=False,
        ),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_notice_recipient_notice_id_notice"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_notice_recipient_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_recipient")),
        sa.UniqueConstraint("notice_id", "customer_id", name="uq_notice_recipient_customer"),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_notice_recipient_idempotency_key")),
    )
    op.create_index("ix_notice_recipient_notice_state", "notice_recipient", ["notice_id", "state", "id"])
    op.create_index("ix_notice_recipient_customer_id", "notice_recipient", ["customer_id"])
    if op.get_bind().dialect.name != "sqlite":  # need-to-know as in migration 0014
        column = "notice_recipient.customer_id"
        rule = (
            f"(SELECT agentdesk_sees_all()) OR (NOT EXISTS (SELECT 1 FROM customer_restriction r"
            f" WHERE r.customer_id = {column}) OR agentdesk_may_open_restricted({column}))"
        )
        op.execute("ALTER TABLE notice_recipient ENABLE ROW LEVEL SECURITY")
        op.execute("ALTER TABLE notice_recipient FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY need_to_know ON notice_recipient USING ({rule}) WITH CHECK ({rule})")


def downgrade() -> None:
    op.drop_table("notice_recipient")
    op.drop_table("notice")
    for name, table in (
        ("ix_customer_role_role_code", "customer_role"),
        ("ix_address_municipality", "address"),
        ("ix_address_postal_code", "address"),
        ("ix_address_street", "address"),
    ):
        op.drop_index(name, table_name=table)
    op.execute("DELETE FROM interaction WHERE channel = 'sms'")
    _widen(NEW, OLD)
