"""What the plugin panels of one customer tab need from the register. Qt-free and blocking: run it
through the background helper.

- :func:`load_panel_customer`: the customer as plugins see it (protected address withheld), the
  protected address itself (for the host's guard, never shown), and the back-office references the
  desk has stored on the customer's service cases, as ``(system, id)`` pairs.

Storing what an action created is a core write: :func:`agentdesk.contact_records.store_plugin_reference`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from agentdesk.contact_records import StoredReference, stored_references
from agentdesk.customer_register import CustomerRegister
from agentdesk.plugin_api import CustomerContext
from agentdesk.plugin_host.host import customer_context
from agentdesk.plugin_host.related_people import children_of
from agentdesk.storage.database import Database

__all__ = ["PanelCustomer", "StoredReference", "load_panel_customer"]


@dataclass(frozen=True)
class PanelCustomer:
    context: CustomerContext
    protected_text: tuple[str, ...]  # the protected address: the host refuses output that mentions it
    references: tuple[tuple[str, str], ...]  # (backoffice_system, backoffice_ref) of the customer's cases


def load_panel_customer(
    register: CustomerRegister, db: Database, customer_id: int, *, children: bool = False
) -> PanelCustomer:
    """``children``: read the customer's children too (an active plugin asks for them, API 1.4)."""
    record = register.get(customer_id)
    context = customer_context(record)
    if children:
        context = replace(context, children=children_of(db, customer_id))
    return PanelCustomer(context, register.protected_address_text(customer_id), stored_references(db, customer_id))
