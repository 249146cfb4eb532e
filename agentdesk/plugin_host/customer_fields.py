"""Data minimisation: a plugin sees only the customer fields its manifest asks for.

``customer_fields = ["hetu"]`` in ``agentdesk-plugin.toml`` (plugin API 1.1) lists them; a
manifest without the key gets the least — the customer id and the display name (and the
preferred language and the protected-address flag, which let a plugin hold back what it must
not show). The names are :data:`agentdesk.plugin_api.CUSTOMER_FIELDS`.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import replace

from agentdesk.plugin_api import CustomerContext

References = tuple[tuple[str, str], ...]


def for_plugin(
    customer: CustomerContext, references: References, asked: AbstractSet[str]
) -> tuple[CustomerContext, References]:
    """The customer and the stored references as a plugin that asked for ``asked`` may see them."""
    address = "address" in asked and not customer.address_protected
    minimal = replace(
        customer,
        hetu=customer.hetu if "hetu" in asked else None,
        birth_date=customer.birth_date if "birth_date" in asked else None,
        phones=tuple(customer.phones) if "phones" in asked else (),
        emails=tuple(customer.emails) if "emails" in asked else (),
        street=customer.street if address else None,
        postal_code=customer.postal_code if address else None,
        municipality=customer.municipality if address else None,
        children=tuple(
            replace(
                child,
                hetu=child.hetu if "hetu" in asked else None,
                birth_date=child.birth_date if "birth_date" in asked else None,
            )
            for child in customer.children
        )
        if "children" in asked
        else (),
    )
    return minimal, (tuple(references) if "references" in asked else ())
