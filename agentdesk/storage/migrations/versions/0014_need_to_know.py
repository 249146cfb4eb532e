"""Need-to-know: restricted customers, break-the-glass grants, and on PostgreSQL row-level security on
the register's personal tables (sensitive roles, protected addresses, restricted customers).

The policies name no login: they ask whether ``session_user`` is a member of a group role
(``agentdesk_social``, ``agentdesk_health``, ``agentdesk_protected_address``, ``agentdesk_<staff role>``;
:mod:`agentdesk.need_to_know`), which ``agentdesk db grants`` makes and ``agentdesk staff sync`` grants.
The tables' owner (the account that runs migrations and imports) sees every row. A break-the-glass
grant is written only by a trigger on the audit entry that records it, so the record opens only
together with its audit entry.

Revision ID: 0014
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# Every table whose rows belong to one customer; the restriction applies to all of them.
CUSTOMER_TABLES = (
    ("customer", "id"),
    ("customer_identifier", "customer_id"),
    ("contact_point", "customer_id"),
    ("address", "customer_id"),
    ("alert", "customer_id"),
    ("customer_role", "customer_id"),
    ("interaction", "customer_id"),
    ("service_case", "customer_id"),
)
SENSITIVE_DEPARTMENTS = ("social", "health")  # agentdesk.need_to_know.Category
BREAK_GLASS_HOURS = 8  # agentdesk.need_to_know.BREAK_GLASS_HOURS

# The plain SQL functions name their tables with the schema (``{schema}``) instead of pinning the search
# path, so that PostgreSQL can inline them into the policies (a SET clause prevents that), and a
# temporary table of the same name cannot stand in for them. The SECURITY DEFINER ones pin it.
_FUNCTIONS = f"""
CREATE FUNCTION agentdesk_member_of(grp text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                 WHERE r.rolname = grp AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
CREATE FUNCTION agentdesk_sees_all() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER')
                   FROM pg_catalog.pg_class c WHERE c.oid = '{{schema}}.customer'::regclass), false)
$$;
CREATE FUNCTION agentdesk_may_open_restricted(cid integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (SELECT 1 FROM customer_restriction r, unnest(string_to_array(r.allowed_roles, ' ')) AS g(name)
                 WHERE r.customer_id = cid AND g.name <> '' AND agentdesk_member_of('agentdesk_' || g.name))
      OR EXISTS (SELECT 1 FROM break_glass_grant b
                 WHERE b.customer_id = cid AND b.login = session_user
                   AND b.granted_at > now() - interval '{BREAK_GLASS_HOURS} hours')
$$;
CREATE FUNCTION agentdesk_role_visible(dept integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (SELECT 1 FROM {{schema}}.department d WHERE d.id = dept AND d.code IN {SENSITIVE_DEPARTMENTS!r})
      OR EXISTS (SELECT 1 FROM {{schema}}.department d
                 WHERE d.id = dept AND {{schema}}.agentdesk_member_of('agentdesk_' || d.code))
$$;
CREATE FUNCTION agentdesk_break_glass_grant() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO break_glass_grant (customer_id, login, actor, granted_at)
  VALUES (NEW.subject_customer_id, session_user, NEW.actor, now());
  RETURN NULL;
END $$;
"""


def _restricted(column: str) -> str:
    return (
        f"(NOT EXISTS (SELECT 1 FROM customer_restriction r WHERE r.customer_id = {column})"
        f" OR agentdesk_may_open_restricted({column}))"
    )


def upgrade() -> None:
    op.create_table(
        "customer_restriction",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("allowed_roles", sa.String(length=200), nullable=False),
        sa.Column("set_by", sa.String(length=64), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_restriction_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_restriction")),
    )
    op.create_table(
        "break_glass_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_glass_grant")),
    )
    op.create_index("ix_break_glass_grant_customer_login", "break_glass_grant", ["customer_id", "login"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER audit_entry_break_glass AFTER INSERT ON audit_entry"
            " WHEN NEW.action = 'break_glass' AND NEW.subject_customer_id IS NOT NULL BEGIN"
            " INSERT INTO break_glass_grant (customer_id, login, actor, granted_at)"
            " VALUES (NEW.subject_customer_id, NEW.actor, NEW.actor, NEW.at); END"
        )
        return
    schema = op.get_bind().execute(sa.text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(_FUNCTIONS.replace("{schema}", schema))
    op.execute(
        "CREATE TRIGGER audit_entry_break_glass AFTER INSERT ON audit_entry FOR EACH ROW"
        " WHEN (NEW.action = 'break_glass' AND NEW.subject_customer_id IS NOT NULL)"
        " EXECUTE FUNCTION agentdesk_break_glass_grant()"
    )
    owner = "(SELECT agentdesk_sees_all())"
    for table, key in CUSTOMER_TABLES:
        column = f"{table}.{key}"
        rule = f"{owner} OR {_restricted(column)}"
        if table == "customer_role":
            rule = f"{owner} OR (agentdesk_role_visible(department_id) AND {_restricted(column)})"
        elif table == "address":
            unprotected = (
                "NOT EXISTS (SELECT 1 FROM alert a WHERE a.customer_id = address.customer_id"
                " AND a.kind = 'protected_address'"
                " AND (a.valid_from IS NULL OR a.valid_from <= CURRENT_DATE)"
                " AND (a.valid_to IS NULL OR a.valid_to >= CURRENT_DATE))"
            )
            rule = (
                f"{owner} OR (((SELECT agentdesk_member_of('agentdesk_protected_address')) OR {unprotected})"
                f" AND {_restricted(column)})"
            )
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY need_to_know ON {table} USING ({rule}) WITH CHECK ({rule})")
    # A desk login reads only its own grants (the owner writes them through the trigger).
    op.execute("ALTER TABLE break_glass_grant ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY own_grants ON break_glass_grant FOR SELECT USING (login = session_user OR agentdesk_sees_all())"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_break_glass")
    else:
        for table, _ in CUSTOMER_TABLES:
            op.execute(f"DROP POLICY IF EXISTS need_to_know ON {table}")
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_break_glass ON audit_entry")
    op.drop_index("ix_break_glass_grant_customer_login", table_name="break_glass_grant")
    op.drop_table("break_glass_grant")
    op.drop_table("customer_restriction")
    if op.get_bind().dialect.name != "sqlite":
        for fn in (
            "agentdesk_break_glass_grant()",
            "agentdesk_role_visible(integer)",
            "agentdesk_may_open_restricted(integer)",
            "agentdesk_sees_all()",
            "agentdesk_member_of(text)",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}")
