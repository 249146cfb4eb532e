"""Indexes a year's report reads in their own order, and (PostgreSQL) the same-address rule of protected
addresses checked with the owner's rights.

Reports: the daily work-item summary's counts by day and
channel and its answered waits by channel and bucket (covering, so the GROUP BYs need no sort), the
cases resolved in a period (by status and time), and the cases of the contacts of a channel, topic or
department (covering, the contacts with a case only).

The summaries are set to be rolled up again from nothing (their rows deleted, ``summarized_before``
cleared): a contact in the last half millisecond before Helsinki midnight was summarized on the next
day on SQLite. Until the next ``agentdesk report update-summaries`` the reports read the raw rows.

Protected addresses (PostgreSQL): a customer whose current address is a protected person's is shielded
(:mod:`agentdesk.search.address_protection`), but row-level security hides that person's address from
the desk logins, so the rule never matched for them. ``agentdesk_shares_protected_address(customer,
day)`` answers it as SECURITY DEFINER (true or false, never the address); for it to see past the
policies, ``agentdesk_sees_all()`` asks about ``current_user`` — the function's owner inside such a
function, the login everywhere else (a login cannot ``SET ROLE`` to the owner).

``agentdesk_sees_all()`` is also made cheap: "may TRUNCATE ``customer``", which only the tables' owner
and its members may (``agentdesk db grants`` never grants TRUNCATE, and revokes it from the desk roles),
is one expression PostgreSQL inlines into the policies. The former body (the owner from ``pg_class``, a
sub-select) could not be inlined: run as a function in every policy of every statement, ~20 µs each, it
was most of what row-level security cost an open (``benchmarks/rls.py``).

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

WITH_A_WAIT = sa.text("wait_bucket IS NOT NULL")
WITH_A_CASE = sa.text("case_id IS NOT NULL")

_CURRENT = "({a}.valid_from IS NULL OR {a}.valid_from <= today) AND ({a}.valid_to IS NULL OR {a}.valid_to >= today)"
_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION agentdesk_sees_all() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT pg_catalog.has_table_privilege(current_user, '{{schema}}.customer'::regclass, 'TRUNCATE')
$$;
CREATE FUNCTION agentdesk_shares_protected_address(cid bigint, today date) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  WITH mine AS (
    SELECT a.postal_code, lower(trim(a.street)) AS street FROM address a
    WHERE a.customer_id = cid AND {_CURRENT.format(a="a")}
    ORDER BY a.valid_from DESC NULLS LAST, a.id DESC LIMIT 1)
  SELECT EXISTS (
    SELECT 1 FROM mine JOIN address t ON t.postal_code = mine.postal_code AND lower(trim(t.street)) = mine.street
    WHERE t.customer_id <> cid
      AND EXISTS (SELECT 1 FROM alert al WHERE al.customer_id = t.customer_id AND al.kind = 'protected_address'
                  AND {_CURRENT.format(a="al")})
      AND t.id = (SELECT c.id FROM address c WHERE c.customer_id = t.customer_id AND {_CURRENT.format(a="c")}
                  ORDER BY c.valid_from DESC NULLS LAST, c.id DESC LIMIT 1))
$$;
"""
_OLD_SEES_ALL = """
CREATE OR REPLACE FUNCTION agentdesk_sees_all() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER')
                   FROM pg_catalog.pg_class c WHERE c.oid = '{schema}.customer'::regclass), false)
$$;
"""


def _schema() -> str:
    return str(op.get_bind().execute(sa.text("SELECT quote_ident(current_schema())")).scalar_one())


def upgrade() -> None:
    op.create_index(
        "ix_report_work_day_cover",
        "report_work_day",
        [
            "day",
            "channel",
            "queue_id",
            "topic",
            "answered",
            "within_target",
            "abandoned",
            "abandoned_late",
            "waits_s",
        ],
    )
    op.create_index(
        "ix_report_work_day_waits",
        "report_work_day",
        ["channel", "wait_bucket", "day", "answered", "queue_id", "topic"],
        sqlite_where=WITH_A_WAIT,
        postgresql_where=WITH_A_WAIT,
    )
    op.create_index("ix_case_event_status_at", "case_event", ["to_status", "at", "due_date", "case_id"])
    op.create_index(
        "ix_interaction_case_cover",
        "interaction",
        ["case_id", "channel", "topic", "department_id"],
        sqlite_where=WITH_A_CASE,
        postgresql_where=WITH_A_CASE,
    )
    if op.get_bind().dialect.name != "sqlite":
        op.execute(_FUNCTIONS.replace("{schema}", _schema()))
    op.execute("DELETE FROM report_contact_day")
    op.execute("DELETE FROM report_work_day")
    op.execute("UPDATE report_summary_state SET summarized_before = NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS agentdesk_shares_protected_address(bigint, date)")
        op.execute(_OLD_SEES_ALL.replace("{schema}", _schema()))
    op.drop_index("ix_interaction_case_cover", table_name="interaction")
    op.drop_index("ix_case_event_status_at", table_name="case_event")
    op.drop_index("ix_report_work_day_waits", table_name="report_work_day")
    op.drop_index("ix_report_work_day_cover", table_name="report_work_day")
