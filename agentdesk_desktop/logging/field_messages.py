"""Translated texts for the field messages of :func:`agentdesk.interaction_log.check`.

The core says what is wrong in English, keyed by field; the panel shows the text for it in the
desk's language. A message this module does not know is shown as the core wrote it, so nothing
is ever hidden.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from agentdesk_desktop.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_NUMBERS = re.compile(r"\d[\d,]*")


def interaction_error_text(field: str, message: str) -> str:
    known = {
        "choose a topic": translate("ContactMessages", "Choose a topic from the list"),
        "choose an outcome": translate("ContactMessages", "Choose how the contact ended"),
        "start time has no time zone": translate("ContactMessages", "The start time has no time zone"),
        "start time is in the future": translate("ContactMessages", "The start time is in the future"),
        "give the new case a title or link an existing case": translate(
            "ContactMessages", "Give the new case a title or link an existing case"
        ),
        "identify the customer before opening a case": translate(
            "ContactMessages", "Identify the customer before opening a case"
        ),
        "the linked case does not belong to this customer": translate(
            "ContactMessages", "The linked case does not belong to this customer"
        ),
        "a new case needs a due date": translate("ContactMessages", "A new case needs a due date"),
        "the due date is in the past": translate("ContactMessages", "The due date is in the past"),
        "choose the department the contact is forwarded to": translate(
            "ContactMessages", "Choose the department the contact is forwarded to"
        ),
        "the customer no longer exists": translate("ContactMessages", "The customer is no longer in the register"),
        "the contact is already linked to another customer": translate(
            "ContactMessages", "The contact is already linked to another customer"
        ),
    }
    if message in known:
        return known[message]
    if message.startswith("unknown topic"):
        return translate("ContactMessages", "Choose a topic from the list")
    if message.startswith("notes are limited to"):
        numbers = _NUMBERS.findall(message)
        if len(numbers) >= 2:
            limit, now = (QLocale().toString(int(n.replace(",", ""))) for n in numbers[:2])
            return fill(translate("ContactMessages", "Notes can be at most %1 characters (now %2)"), limit, now)
    return message
