"""A customer named on a command line or in a request: a customer id, or a henkilötunnus."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from agentdesk.identity import IdentityError, parse_hetu
from agentdesk.storage.kinds import IdentifierScheme
from agentdesk.storage.models import Customer, CustomerIdentifier

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class CustomerNotFound(LookupError):
    pass


def find_customer(session: Session, customer: str, *, today: dt.date | None = None) -> int:
    """The customer id of ``customer``: a number is an id, anything else must be a valid henkilötunnus."""
    text = customer.strip()
    if text.isdigit():
        if session.get(Customer, int(text)) is None:
            raise CustomerNotFound(f"no customer with id {text}")
        return int(text)
    try:
        hetu = parse_hetu(text, today=today)
    except IdentityError as exc:
        raise CustomerNotFound(f"--customer takes a customer id or a henkilötunnus: {exc}") from None
    found = session.scalar(
        select(CustomerIdentifier.customer_id).where(
            CustomerIdentifier.scheme == IdentifierScheme.HETU, CustomerIdentifier.value == hetu.value
        )
    )
    if found is None:
        raise CustomerNotFound("no customer has that henkilötunnus")
    return int(found)
