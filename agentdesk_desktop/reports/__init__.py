"""The Reports window of the desk (supervisors and admins): :func:`open_reports` makes it for a signed-in
user, or returns None for a role that may not see reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from agentdesk_desktop.reports.reports_window import ReportsWindow
    from agentdesk_desktop.services import DeskServices

REPORT_ROLES = frozenset({StaffRole.SUPERVISOR, StaffRole.ADMIN})


def may_see_reports(user: StaffMember) -> bool:
    return user.role in REPORT_ROLES


def open_reports(services: DeskServices, user: StaffMember, parent: QWidget | None = None) -> ReportsWindow | None:
    """A Reports window on the desk's services (deleted when closed), or None for other roles."""
    if not may_see_reports(user):
        return None
    from agentdesk_desktop.reports.reports_window import ReportsWindow

    window = ReportsWindow(lambda: services.reports, services.background, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowFlag(Qt.WindowType.Window, True)
    return window
