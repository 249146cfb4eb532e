"""Alembic environment: run from agentdesk.storage.schema with a live connection."""

from alembic import context

from agentdesk.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
