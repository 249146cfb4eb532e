"""The audit log becomes a hash chain: seq, prev_hash and entry_hash on every entry, the chain's head
row, and the chain computed for the entries already there (in id order, the order they were written).

Revision ID: 0007
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from agentdesk.audit_chain import GENESIS, MAIN_CHAIN, canonical, link_hash
from agentdesk.storage.tables.base import UTCDateTime, utcnow

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None

_entries = sa.table(
    "audit_entry",
    sa.column("id", sa.BigInteger()),
    sa.column("at", UTCDateTime()),
    sa.column("actor", sa.String()),
    sa.column("subject_customer_id", sa.Integer()),
    sa.column("action", sa.String()),
    sa.column("purpose", sa.String()),
    sa.column("detail", sa.Text()),
    sa.column("seq", sa.BigInteger()),
    sa.column("prev_hash", sa.String()),
    sa.column("entry_hash", sa.String()),
)
_head = sa.table(
    "audit_chain_head",
    sa.column("chain", sa.String()),
    sa.column("seq", sa.BigInteger()),
    sa.column("last_hash", sa.String()),
    sa.column("updated_at", UTCDateTime()),
)


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no batch copy, so SQLite's append-only triggers stay).
    op.add_column("audit_entry", sa.Column("seq", sa.BigInteger(), nullable=True))
    op.add_column("audit_entry", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_entry", sa.Column("entry_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_chain_head",
        sa.Column("chain", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chain", name=op.f("pk_audit_chain_head")),
    )
    seq, last = _chain_existing_entries()
    op.bulk_insert(_head, [{"chain": MAIN_CHAIN, "seq": seq, "last_hash": last, "updated_at": utcnow()}])
    op.create_index("ix_audit_entry_seq", "audit_entry", ["seq"], unique=True)


def _chain_existing_entries() -> tuple[int, str]:
    bind = op.get_bind()
    rows = bind.execute(sa.select(_entries).order_by(_entries.c.id)).all()
    if not rows:
        return 0, GENESIS
    sqlite = bind.dialect.name == "sqlite"
    # The migration owns the table: the append-only triggers step aside for these updates only.
    if sqlite:
        op.execute("DROP TRIGGER audit_entry_no_update")
    else:
        op.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        digest = link_hash(
            prev, canonical(seq, row.at, row.actor, row.subject_customer_id, row.action, row.purpose, row.detail)
        )
        bind.execute(
            sa.update(_entries).where(_entries.c.id == row.id).values(seq=seq, prev_hash=prev, entry_hash=digest)
        )
        prev = digest
    if sqlite:
        op.execute(
            "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
        )
    else:
        op.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
    return len(rows), prev


def downgrade() -> None:
    op.drop_index("ix_audit_entry_seq", table_name="audit_entry")
    op.drop_table("audit_chain_head")
    for column in ("entry_hash", "prev_hash", "seq"):
        op.drop_column("audit_entry", column)
