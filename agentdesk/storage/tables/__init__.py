"""AgentDesk's tables, by responsibility: :mod:`.register` (people, organisations, staff, search
vocabulary), :mod:`.contacts` (interactions, service cases, audit), :mod:`.queues` (queues, presence,
work items, quarantined mail), on the shared :mod:`.base`.

Importing any one of them imports them all, so ``Base.metadata`` and the mapper registry are always
complete (relationships are resolved by class name). Import the names from
:mod:`agentdesk.storage.models`, which re-exports every one.
"""

from agentdesk.storage.tables import base, contacts, queues, register, reports

__all__ = ["base", "contacts", "queues", "register", "reports"]
