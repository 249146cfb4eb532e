"""The notice composer (supervisors and admins): :func:`open_notice_composer` makes it for a signed-in
user, or returns None for a role that may not send notices to citizens."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import Channel, StaffRole

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from agentdesk.outreach.transports import Transport
    from agentdesk_desktop.notices.composer_window import NoticeComposer
    from agentdesk_desktop.services import DeskServices

NOTICE_ROLES = frozenset({StaffRole.SUPERVISOR, StaffRole.ADMIN})
SMS_GATEWAY_ENV = "AGENTDESK_SMS_GATEWAY_URL"


def may_send_notices(user: StaffMember) -> bool:
    return user.role in NOTICE_ROLES


def desk_transports(services: DeskServices) -> tuple[Channel, ...]:
    """The channels this desk can send notices by: e-mail with the profile's SMTP server, SMS with a
    gateway URL in ``AGENTDESK_SMS_GATEWAY_URL``."""
    out = []
    settings = services.email_settings
    if settings is not None and settings.smtp is not None and settings.mailboxes:
        out.append(Channel.EMAIL)
    if os.environ.get(SMS_GATEWAY_ENV):
        out.append(Channel.SMS)
    return tuple(out)


def make_transport(services: DeskServices, channel: Channel) -> tuple[Transport, str]:
    """The transport of ``channel`` and the sender address (called off the UI thread: keyring)."""
    from agentdesk.outreach.transports import GatewayTransport, SmtpTransport, load_gateway

    if channel is Channel.EMAIL:
        settings = services.email_settings
        if settings is None or settings.smtp is None or not settings.mailboxes:
            raise LookupError("this desk's profile has no SMTP server")
        box = settings.mailboxes[0]
        transport = SmtpTransport(
            settings.smtp, sender=box.address, sender_name=box.display_name, login=settings.smtp_login or None
        )
        return transport, box.address
    url = os.environ.get(SMS_GATEWAY_ENV, "")
    if not url:
        raise LookupError("no SMS gateway is configured")
    return GatewayTransport(load_gateway("sms-http", url)), ""


def open_notice_composer(
    services: DeskServices, user: StaffMember, parent: QWidget | None = None
) -> NoticeComposer | None:
    """A notice composer on the desk's database (deleted when closed), or None for other roles."""
    if not may_send_notices(user):
        return None
    from agentdesk_desktop.notices.composer_window import NoticeComposer

    window = NoticeComposer(
        services.db,
        services.background,
        actor=user.username,
        channels=desk_transports(services),
        transport_for=lambda channel: make_transport(services, channel),
        parent=parent,
    )
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowFlag(Qt.WindowType.Window, True)
    return window
