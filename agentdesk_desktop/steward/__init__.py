"""The steward's desk (data stewards and supervisors): the duplicate review queue.
:func:`open_steward_desk` makes it for a signed-in user, or returns None for a role that may not review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from agentdesk_desktop.services import DeskServices
    from agentdesk_desktop.steward.steward_window import StewardWindow

STEWARD_ROLES = frozenset({StaffRole.STEWARD, StaffRole.SUPERVISOR})


def may_review_duplicates(user: StaffMember) -> bool:
    return user.role in STEWARD_ROLES


def open_steward_desk(services: DeskServices, user: StaffMember, parent: QWidget | None = None) -> StewardWindow | None:
    """The steward's desk on the desk's services (deleted when closed), or None for other roles."""
    if not may_review_duplicates(user):
        return None
    from agentdesk_desktop.steward.steward_window import StewardWindow

    window = StewardWindow(lambda: services.duplicate_review, services.background, user.username, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowFlag(Qt.WindowType.Window, True)
    return window
