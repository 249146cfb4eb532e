"""Daily summaries for the management reports (a year over millions of contacts in a second): the
summary tables, their state row, the dirty-day list and the triggers on ``interaction`` and ``work_item``
that mark a summarized day dirty when a contact or work item of it is written (back-dated or late).

The triggers mark the UTC day of the row's time only when it is before ``report_summary_state.mark_before``
(NULL until the first roll-up), so the writes of today cost one read of a one-row table.

Revision ID: 0019
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0016"
branch_labels = None
depends_on = None

CHANNELS = ("phone", "email", "walk_in", "web")
# (table, its report time column, the columns whose change alters a summary)
WATCHED = (
    ("interaction", "started_at", "started_at, ended_at, channel, department_id, topic, outcome"),
    (
        "work_item",
        "created_at",
        "created_at, answered_at, due_at, finished_at, state, channel, queue_id, interaction_id",
    ),
)


def _channel() -> sa.Enum:
    return sa.Enum(*CHANNELS, name="channel", native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    op.create_table(
        "report_contact_day",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("channel", _channel(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("contacts", sa.Integer(), nullable=False),
        sa.Column("with_outcome", sa.Integer(), nullable=False),
        sa.Column("resolved_first", sa.Integer(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.Column("ended", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_contact_day")),
    )
    op.create_index("ix_report_contact_day_day", "report_contact_day", ["day"])
    op.create_table(
        "report_work_day",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("queue_id", sa.Integer(), nullable=False),
        sa.Column("channel", _channel(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=True),
        sa.Column("wait_bucket", sa.Float(), nullable=True),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("within_target", sa.Integer(), nullable=False),
        sa.Column("abandoned", sa.Integer(), nullable=False),
        sa.Column("abandoned_late", sa.Integer(), nullable=False),
        sa.Column("waits_s", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_work_day")),
    )
    op.create_index("ix_report_work_day_day", "report_work_day", ["day"])
    state = op.create_table(
        "report_summary_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("summarized_before", sa.Date(), nullable=True),
        sa.Column("mark_before", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_summary_state")),
    )
    op.bulk_insert(state, [{"id": 1, "summarized_before": None, "mark_before": None}])
    op.create_table(
        "report_dirty_day",
        sa.Column("utc_day", sa.Date(), nullable=False),
        sa.Column("touches", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("utc_day", name=op.f("pk_report_dirty_day")),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


def _sqlite_mark(value: str) -> str:
    return (
        f"INSERT OR IGNORE INTO report_dirty_day (utc_day, touches) SELECT date({value}), 1 "
        f"WHERE date({value}) < (SELECT mark_before FROM report_summary_state WHERE id = 1);"
    )


def _sqlite_triggers() -> None:
    for table, column, watched in WATCHED:
        op.execute(
            f"CREATE TRIGGER report_mark_{table}_insert AFTER INSERT ON {table} BEGIN "
            f"{_sqlite_mark('NEW.' + column)} END"
        )
        extra = ""
        if table == "interaction":  # its work items are summarized under its topic
            extra = (
                "INSERT OR IGNORE INTO report_dirty_day (utc_day, touches) SELECT DISTINCT date(w.created_at), 1 "
                "FROM work_item AS w WHERE w.interaction_id = NEW.id AND OLD.topic IS NOT NEW.topic "
                "AND date(w.created_at) < (SELECT mark_before FROM report_summary_state WHERE id = 1);"
            )
        op.execute(
            f"CREATE TRIGGER report_mark_{table}_update AFTER UPDATE OF {watched} ON {table} BEGIN "
            f"{_sqlite_mark('OLD.' + column)} {_sqlite_mark('NEW.' + column)} {extra} END"
        )
        op.execute(
            f"CREATE TRIGGER report_mark_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"{_sqlite_mark('OLD.' + column)} END"
        )


def _pg_mark(value: str) -> str:
    # DO UPDATE (not DO NOTHING) locks the mark until this write commits: a roll-up deleting the
    # mark waits for it, and so reads this write (see agentdesk.reports.summaries).
    day = f"({value} AT TIME ZONE 'UTC')::date"
    return (
        f"IF {day} < until THEN INSERT INTO report_dirty_day (utc_day, touches) VALUES ({day}, 1) "
        "ON CONFLICT (utc_day) DO UPDATE SET touches = report_dirty_day.touches + 1; END IF;"
    )


def _postgresql_triggers() -> None:
    for table, column, watched in WATCHED:
        extra = ""
        if table == "interaction":
            extra = (
                "IF TG_OP = 'UPDATE' AND OLD.topic IS DISTINCT FROM NEW.topic THEN "
                "INSERT INTO report_dirty_day (utc_day, touches) "
                "SELECT DISTINCT (w.created_at AT TIME ZONE 'UTC')::date, 1 FROM work_item AS w "
                "WHERE w.interaction_id = NEW.id AND (w.created_at AT TIME ZONE 'UTC')::date < until "
                "ON CONFLICT (utc_day) DO UPDATE SET touches = report_dirty_day.touches + 1; END IF;"
            )
        op.execute(
            f"CREATE FUNCTION report_mark_{table}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "DECLARE until date;\n"
            "BEGIN\n"
            "SELECT mark_before INTO until FROM report_summary_state WHERE id = 1;\n"
            "IF until IS NULL THEN RETURN NULL; END IF;\n"
            f"IF TG_OP <> 'INSERT' THEN {_pg_mark('OLD.' + column)} END IF;\n"
            f"IF TG_OP <> 'DELETE' THEN {_pg_mark('NEW.' + column)} END IF;\n"
            f"{extra}\n"
            "RETURN NULL;\n"
            "END $$"
        )
        op.execute(
            f"CREATE TRIGGER report_mark_{table} AFTER INSERT OR DELETE OR UPDATE OF {watched} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION report_mark_{table}()"
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, _, _ in WATCHED:
        if sqlite:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS report_mark_{table}_{event}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS report_mark_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS report_mark_{table}()")
    for name in ("report_dirty_day", "report_summary_state", "report_work_day", "report_contact_day"):
        op.drop_table(name)
