"""Translated texts for the field messages of :class:`agentdesk.customer_register.DraftInvalid`.

The register says what is wrong in English, keyed by field. For the identity code, business ID,
phone numbers and e-mail addresses the desk checks the typed value again with the same core rule
to learn the error *code*, and shows :func:`agentdesk_desktop.core_messages.identity_error_text` for it (e.g.
"Tarkistusmerkin pitäisi olla P"). A message this module does not know is shown as the core
wrote it, so nothing is ever hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from agentdesk import identity
from agentdesk.customer_register import CustomerDraft
from agentdesk_desktop.core_messages import identity_error_text
from agentdesk_desktop.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_MATCH_DATE = re.compile(r"\((\d{1,2}\.\d{1,2}\.\d{4})\)")


def _identity_text(parse: Callable[[str], object], raw: str) -> str | None:
    try:
        parse(raw)
    except identity.IdentityError as exc:
        return identity_error_text(exc)
    return None


def _first_bad(values: tuple[str, ...], parse: Callable[[str], object]) -> str | None:
    for raw in values:
        if not raw.strip():
            continue
        text = _identity_text(parse, raw)
        if text is not None:
            return f"{raw.strip()}: {text}"
    return None


def customer_error_text(field: str, message: str, draft: CustomerDraft) -> str:
    if field == "hetu":
        if message == "a customer with this identity code already exists":
            return translate("CustomerMessages", "A customer with this identity code already exists")
        if message == "the identity code's birth date is in the future":
            return translate("CustomerMessages", "The identity code's birth date is in the future")
        return _identity_text(identity.parse_hetu, draft.hetu) or message
    if field == "ytunnus":
        return _identity_text(identity.parse_ytunnus, draft.ytunnus) or message
    if field == "phones":
        return _first_bad(draft.phones, identity.normalise_phone) or message
    if field == "emails":
        return _first_bad(draft.emails, identity.normalise_email) or message
    if field == "birth_date":
        if message.startswith("write the date as"):
            return translate("CustomerMessages", "Write the date as d.m.yyyy, e.g. 5.1.1980")
        if message == "birth date is in the future":
            return translate("CustomerMessages", "The birth date is in the future")
        if message.startswith("does not match the identity code"):
            match = _MATCH_DATE.search(message)
            return fill(
                translate("CustomerMessages", "Does not match the identity code (%1)"), match.group(1) if match else ""
            )
    known = {
        "last name is required": translate("CustomerMessages", "The last name is required"),
        "a name is required": translate("CustomerMessages", "The name is required"),
        "first name is required": translate("CustomerMessages", "The first name is required"),
        "a Finnish postal code has five digits": translate("CustomerMessages", "A Finnish postal code has five digits"),
        "municipality is required with an address": translate(
            "CustomerMessages", "The municipality is required with an address"
        ),
    }
    return known.get(message, message)
