"""The contact's idempotency key: a save kept in the desk's offline outbox and sent again after its
answer was lost is stored once (``interaction.client_uuid``, unique; NULL for older rows).

Revision ID: 0018
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_uuid", sa.String(length=36), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_interaction_client_uuid"), ["client_uuid"])


def downgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_interaction_client_uuid"), type_="unique")
        batch_op.drop_column("client_uuid")
