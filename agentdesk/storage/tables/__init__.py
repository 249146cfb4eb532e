"""AgentDesk's tables, by responsibility: :mod:`.register` (people, organisations, staff, search
vocabulary), :mod:`.contacts` (interactions, service cases, audit), :mod:`.knowledge` (quick texts,
articles, call scripts), :mod:`.queues` (queues, presence,
work items, quarantined mail), :mod:`.citizen` (feedback surveys, self-service updates),
:mod:`.email_messages` (e-mail messages and attachments), on the shared :mod:`.base`.

Importing any one of them imports them all, so ``Base.metadata`` and the mapper registry are always
complete (relationships are resolved by class name). Import the names from
:mod:`agentdesk.storage.models`, which re-exports every one.
"""

from agentdesk.storage.tables import (
    base,
    citizen,
    contacts,
    email_messages,
    knowledge,
    notices,
    queues,
    register,
    reports,
)

__all__ = ["base", "citizen", "contacts", "email_messages", "knowledge", "notices", "queues", "register", "reports"]
