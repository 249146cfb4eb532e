"""The data protection view of the desk (supervisors and data protection officers):
:func:`open_data_protection` makes it for a signed-in user, or returns None for other roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from agentdesk.search.customer_search import SearchPage
    from agentdesk_desktop.data_protection.dpo_window import DataProtectionWindow
    from agentdesk_desktop.services import DeskServices

DPO_ROLES = frozenset({StaffRole.SUPERVISOR, StaffRole.DPO})


def may_review_access(user: StaffMember) -> bool:
    return user.role in DPO_ROLES


def open_data_protection(
    services: DeskServices, user: StaffMember, parent: QWidget | None = None
) -> DataProtectionWindow | None:
    """A data protection window on the desk's services (deleted when closed), or None for other roles."""
    if not may_review_access(user):
        return None
    from agentdesk_desktop.data_protection.dpo_window import DataProtectionWindow

    def find(query: str) -> SearchPage:
        return services.search_as(user, query, limit=20)

    window = DataProtectionWindow(
        services.access_log, services.background, actor=user.username, find=find, parent=parent
    )
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.load_alerts()
    return window
