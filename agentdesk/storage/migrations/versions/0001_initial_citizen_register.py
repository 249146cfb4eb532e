"""Initial citizen register: customers, identifiers, contact points, roles, relationships,
interactions, cases, staff, the append-only audit log and the customer search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 20:52:16.173434
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("subject_customer_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_actor_at", ["actor", "at"], unique=False)
        batch_op.create_index("ix_audit_entry_subject_at", ["subject_customer_id", "at"], unique=False)

    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "person", "organisation", name="customer_kind", native_enum=False, create_constraint=True, length=24
            ),
            nullable=False,
        ),
        sa.Column("first_names", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column(
            "preferred_language",
            sa.Enum("fi", "sv", "en", "other", name="language", native_enum=False, create_constraint=True, length=24),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
    )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_birth_date"), ["birth_date"], unique=False)

    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department")),
        sa.UniqueConstraint("code", name=op.f("uq_department_code")),
    )
    op.create_table(
        "search_term",
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_search_term")),
    )
    op.create_table(
        "search_term_variant",
        sa.Column("variant", sa.String(length=100), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("variant", "term", name=op.f("pk_search_term_variant")),
    )
    op.create_table(
        "address",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_address_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address")),
    )
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_address_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "safety_warning",
                "interpreter_needed",
                "deceased",
                "protected_address",
                name="alert_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_alert_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert")),
    )
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alert_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "contact_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("phone", "email", name="contact_kind", native_enum=False, create_constraint=True, length=24),
            nullable=False,
        ),
        sa.Column("value", sa.String(length=254), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_contact_point_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_point")),
    )
    with op.batch_alter_table("contact_point", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_point_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index("ix_contact_point_kind_value", ["kind", "value"], unique=False)

    op.create_table(
        "customer_identifier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "scheme",
            sa.Enum(
                "hetu",
                "ytunnus",
                "register",
                name="identifier_scheme",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("register", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_identifier_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_identifier")),
        sa.UniqueConstraint("scheme", "register", "value", name="uq_customer_identifier_value"),
    )
    with op.batch_alter_table("customer_identifier", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_identifier_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index("ix_customer_identifier_value", ["value"], unique=False)

    op.create_table(
        "customer_relationship",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_customer_id", sa.Integer(), nullable=False),
        sa.Column("to_customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "guardian",
                "household_member",
                "representative",
                name="relationship_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.CheckConstraint("from_customer_id <> to_customer_id", name=op.f("ck_customer_relationship_not_self")),
        sa.ForeignKeyConstraint(
            ["from_customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_relationship_from_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_relationship_to_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_relationship")),
    )
    with op.batch_alter_table("customer_relationship", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_relationship_from_customer_id"), ["from_customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customer_relationship_to_customer_id"), ["to_customer_id"], unique=False)

    op.create_table(
        "customer_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("role_code", sa.String(length=64), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("external_ref", sa.String(length=64), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_customer_role_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_customer_role_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_role")),
    )
    with op.batch_alter_table("customer_role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_role_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "service_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "open",
                "waiting",
                "resolved",
                "closed",
                name="case_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("backoffice_system", sa.String(length=64), nullable=False),
        sa.Column("backoffice_ref", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_service_case_customer_id_customer"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_service_case_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_case")),
    )
    with op.batch_alter_table("service_case", schema=None) as batch_op:
        batch_op.create_index("ix_service_case_customer_status", ["customer_id", "status"], unique=False)

    op.create_table(
        "staff_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "agent",
                "supervisor",
                "steward",
                "admin",
                name="staff_role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_staff_user_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_user")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_user_username")),
    )
    op.create_table(
        "synthetic_duplicate",
        sa.Column("duplicate_customer_id", sa.Integer(), nullable=False),
        sa.Column("original_customer_id", sa.Integer(), nullable=False),
        sa.Column("source_register", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_customer_id"],
            ["customer.id"],
            name=op.f("fk_synthetic_duplicate_duplicate_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["original_customer_id"],
            ["customer.id"],
            name=op.f("fk_synthetic_duplicate_original_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("duplicate_customer_id", name=op.f("pk_synthetic_duplicate")),
    )
    with op.batch_alter_table("synthetic_duplicate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_synthetic_duplicate_original_customer_id"), ["original_customer_id"], unique=False
        )

    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column(
            "channel",
            sa.Enum(
                "phone", "email", "walk_in", "web", name="channel", native_enum=False, create_constraint=True, length=24
            ),
            nullable=False,
        ),
        sa.Column(
            "direction",
            sa.Enum("inbound", "outbound", name="direction", native_enum=False, create_constraint=True, length=24),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "resolved_first_contact",
                "forwarded",
                "case_created",
                "unresolved",
                name="outcome",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("external_ref", sa.String(length=128), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["staff_user.id"], name=op.f("fk_interaction_agent_id_staff_user")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["service_case.id"], name=op.f("fk_interaction_case_id_service_case"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_interaction_customer_id_customer"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_interaction_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interaction_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_interaction_customer_started", ["customer_id", "started_at"], unique=False)
        batch_op.create_index("ix_interaction_started", ["started_at"], unique=False)

    _create_search_index()
    _make_audit_log_append_only()


def _create_search_index() -> None:
    """One search document per customer: names, place (municipality, postal code), street, birth year.

    Text is folded by agentdesk.search.text_index before it is stored (lower case, Nordic letters
    to ASCII), so both backends index the same words.
    """
    if op.get_bind().dialect.name == "sqlite":
        # detail=column: column filters and prefix queries work, positions are not kept (smaller).
        op.execute(
            "CREATE VIRTUAL TABLE customer_search USING fts5("
            "names, place, street, born, "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3 4', detail=column)"
        )
    else:
        op.execute(
            "CREATE TABLE customer_search ("
            " customer_id integer PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,"
            " names text NOT NULL DEFAULT '', place text NOT NULL DEFAULT '',"
            " street text NOT NULL DEFAULT '', born text NOT NULL DEFAULT '',"
            " doc tsvector GENERATED ALWAYS AS ("
            "  setweight(to_tsvector('simple', names), 'A') ||"
            "  setweight(to_tsvector('simple', place), 'B') ||"
            "  setweight(to_tsvector('simple', street), 'C') ||"
            "  setweight(to_tsvector('simple', born), 'D')) STORED)"
        )
        op.execute("CREATE INDEX ix_customer_search_doc ON customer_search USING gin (doc)")


def _make_audit_log_append_only() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
    op.execute("DROP TABLE IF EXISTS customer_search")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_started")
        batch_op.drop_index("ix_interaction_customer_started")
        batch_op.drop_index(batch_op.f("ix_interaction_case_id"))

    op.drop_table("interaction")
    with op.batch_alter_table("synthetic_duplicate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_synthetic_duplicate_original_customer_id"))

    op.drop_table("synthetic_duplicate")
    op.drop_table("staff_user")
    with op.batch_alter_table("service_case", schema=None) as batch_op:
        batch_op.drop_index("ix_service_case_customer_status")

    op.drop_table("service_case")
    with op.batch_alter_table("customer_role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_role_customer_id"))

    op.drop_table("customer_role")
    with op.batch_alter_table("customer_relationship", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_relationship_to_customer_id"))
        batch_op.drop_index(batch_op.f("ix_customer_relationship_from_customer_id"))

    op.drop_table("customer_relationship")
    with op.batch_alter_table("customer_identifier", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_identifier_value")
        batch_op.drop_index(batch_op.f("ix_customer_identifier_customer_id"))

    op.drop_table("customer_identifier")
    with op.batch_alter_table("contact_point", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_point_kind_value")
        batch_op.drop_index(batch_op.f("ix_contact_point_customer_id"))

    op.drop_table("contact_point")
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alert_customer_id"))

    op.drop_table("alert")
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_address_customer_id"))

    op.drop_table("address")
    op.drop_table("search_term_variant")
    op.drop_table("search_term")
    op.drop_table("department")
    op.drop_table("customer")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_subject_at")
        batch_op.drop_index("ix_audit_entry_actor_at")

    op.drop_table("audit_entry")
