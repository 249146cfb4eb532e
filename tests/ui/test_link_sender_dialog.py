"""Linking an unknown e-mail sender searches as the agent does: a restricted customer the agent may not
open is listed only as a restricted record, and cannot be picked."""

from __future__ import annotations

from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.need_to_know import Viewer
from agentdesk.restricted_customers import RestrictedCustomers
from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole
from agentdesk_desktop.mail.link_sender_dialog import LinkSenderDialog
from agentdesk_desktop.services import build_services

AGENT = StaffMember(7, "agent.aino", "Aino Asiakaspalvelija", StaffRole.AGENT, None, None, None)


def test_a_restricted_customer_is_listed_without_name_and_cannot_be_picked(qtbot, sqlite_db, bg, change_bus):
    register = CustomerRegister(sqlite_db)
    hidden = register.create(CustomerDraft(first_names="Julia", last_name="Julkkis"), actor="t").id
    register.create(CustomerDraft(first_names="Jussi", last_name="Julkkis"), actor="t")
    admin = Viewer("it.admin", StaffRole.ADMIN, None)
    RestrictedCustomers(sqlite_db).restrict(hidden, viewer=admin, reason="public figure", allowed_roles="admin")

    dialog = LinkSenderDialog(build_services(sqlite_db, bg, change_bus), AGENT, "tuntematon@example.net")
    qtbot.addWidget(dialog)
    dialog.query.setText("Julkkis")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=5000)
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert "Julkkis, Jussi" in texts
    assert not any("Julia" in t for t in texts), texts
    assert "Restricted record" in texts
    restricted = next(dialog.results.item(i) for i in range(dialog.results.count()) if "Restricted" in texts[i])
    dialog.results.setCurrentItem(restricted)
    assert dialog.customer_id is None and not dialog.link_button.isEnabled()
