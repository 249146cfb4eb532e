"""At start-up: contacts left unsaved by the last session (a crash, a killed desk) are offered back.

The offer names the customer and the time; **Open** opens the customers' tabs, where each contact
panel offers its draft ("Restore unsaved contact from 14:32?"). Nothing is opened without the
agent's say-so: opening a customer is an audited view.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from agentdesk.drafts import Draft, DraftStore
from agentdesk_desktop import events
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.logging.contact_drafts import DRAFT_KIND, panel_customer

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _moment(draft: Draft) -> str:
    when = dt.datetime.fromtimestamp(draft.saved_at)
    time = f"{when.hour:02d}:{when.minute:02d}"
    return time if when.date() == dt.date.today() else f"{when.day}.{when.month}.{when.year} {time}"


def offer_unsaved_contacts(
    parent: QWidget, background: Background, store: DraftStore, open_customer: Callable[[int], object]
) -> None:
    """Look for drafts off the UI thread; if there are any, ask (non-modal) whether to open them."""

    def found(drafts: list[Draft]) -> None:
        _offer(parent, drafts, open_customer)

    background.read(store.load_all, DRAFT_KIND, owner=parent).success(found).failure(
        lambda exc: log.info("contact drafts unreadable: %s", type(exc).__name__)
    )


def _offer(parent: QWidget, drafts: list[Draft], open_customer: Callable[[int], object]) -> QMessageBox | None:
    customers: dict[int, Draft] = {}
    for draft in sorted(drafts, key=lambda d: d.saved_at, reverse=True):
        customer_id = panel_customer(draft)
        if customer_id is not None:
            customers.setdefault(customer_id, draft)
    if not customers:
        return None
    lines = []
    for customer_id, draft in customers.items():
        name = str(draft.data.get("customer_name") or fill(translate("DraftOffer", "Customer %1"), customer_id))
        lines.append(fill(translate("DraftOffer", "%1, unsaved contact from %2"), name, _moment(draft)))
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("DraftOffer", "Unsaved contacts"),
        translate(
            "DraftOffer", "AgentDesk closed before these contacts were saved. Open the customers to restore them?"
        ),
        parent=parent,
    )
    box.setObjectName("unsavedContacts")
    box.setInformativeText("\n".join(lines))
    open_button = box.addButton(translate("DraftOffer", "Open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("DraftOffer", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(_result: int) -> None:
        if box.clickedButton() is open_button:
            for customer_id in customers:
                open_customer(customer_id)

    box.finished.connect(chosen)
    box.open()
    events.emit("contact.drafts_offered", count=len(customers))
    return box
