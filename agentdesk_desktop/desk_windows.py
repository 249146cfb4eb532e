"""The windows and channels a main window brings up besides itself: the supervisor dashboard, the
reports, the steward's desk (duplicate review), walk-in reception, the agent's presence and inbox, the
phone (screen pop) and the demo calls. One per main window, made by :class:`agentdesk_desktop.app.Desk`.
Work moves the presence here: a call answered or an item taken with Next → busy, an answered call
hung up → wrap-up (the phone and the inbox do not know the presence).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole
from agentdesk_desktop.main_window import MainWindow
from agentdesk_desktop.seams import CaseOpener, CustomerParts, QuickTextSource
from agentdesk_desktop.services import DeskServices

if TYPE_CHECKING:  # the phone's modules are imported when a phone starts (start-up time)
    from agentdesk.channels.ami import AmiSettings
    from agentdesk.queues import WorkItemView
    from agentdesk_desktop.mail.mail_status import MailWatchers
    from agentdesk_desktop.mail.thread_dock import EmailThreadDock
    from agentdesk_desktop.phone.demo_calls import DemoCalls, DemoCallSource
    from agentdesk_desktop.phone.phone_connector import SecretLookup
    from agentdesk_desktop.phone.phone_desk import PhoneDesk
    from agentdesk_desktop.work.inbox_dock import InboxDock
    from agentdesk_desktop.work.presence_button import PresenceButton
    from agentdesk_desktop.work.self_service_dialog import SelfServiceDialog

# A side window's opener: the window for this user (None: their role may not have it).
SideWindowFactory = Callable[[DeskServices, StaffMember, QWidget], QWidget | None]


class DeskWindows(QObject):
    def __init__(
        self,
        services: DeskServices,
        window: MainWindow,
        user: StaffMember,
        parts: CustomerParts | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.window, self.user = services, window, user
        self.parts = parts  # the window's customer side, once the desk has completed the window
        self.dashboard: QWidget | None = None
        self.reception: QWidget | None = None
        self._side: dict[str, QWidget] = {}  # the reports, the steward's desk, the data protection view
        self.phone: PhoneDesk | None = None
        self.presence: PresenceButton | None = None
        self.inbox: InboxDock | None = None
        self.email: EmailThreadDock | None = None  # the e-mail conversation beside the overview
        self.mail: MailWatchers | None = None  # the profile's mailbox watchers
        self._demo_calls: DemoCalls | None = None
        self._self_service_dialogs: dict[int, SelfServiceDialog] = {}  # update id → its open dialog
        window.dashboard_requested.connect(self.open_dashboard)
        window.reports_requested.connect(self.open_reports)
        window.steward_requested.connect(self.open_steward_desk)
        window.data_protection_requested.connect(self.open_data_protection)
        window.notices_requested.connect(self.open_notice_composer)
        window.reception_requested.connect(self.open_reception)

    @Slot()
    def open_dashboard(self) -> QWidget | None:
        """The supervisor dashboard (supervisors only), a window of its own; raised if already open."""
        from agentdesk_desktop.dashboard.dashboard_window import DashboardWindow

        if self.user.role is not StaffRole.SUPERVISOR:
            return None
        if self.dashboard is None:
            services = self.services
            # Its figures come from the stored snapshot every open dashboard shares (computed once per interval).
            self.dashboard = DashboardWindow(
                services.dashboard_feed.current,
                services.statistics.items,
                services.background,
                quarantine=services.quarantine,
                parent=self.window,
            )
            self.dashboard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dashboard.destroyed.connect(self._dashboard_gone)
        return _raise(self.dashboard)

    @Slot()
    def _dashboard_gone(self) -> None:
        self.dashboard = None

    @Slot()
    def open_reports(self) -> QWidget | None:
        """Management reports (supervisors and admins), a window of its own; raised if already open."""
        from agentdesk_desktop.reports import open_reports

        return self._open_once("reports", open_reports)

    @Slot()
    def open_steward_desk(self) -> QWidget | None:
        """The steward's desk: the duplicate review queue (stewards and supervisors), a window of its own."""
        from agentdesk_desktop.steward import open_steward_desk

        return self._open_once("steward", open_steward_desk)

    @Slot()
    def open_data_protection(self) -> QWidget | None:
        """Who handled a citizen's data (supervisors and data protection officers); raised if already open."""
        from agentdesk_desktop.data_protection import open_data_protection

        return self._open_once("data_protection", open_data_protection)

    @Slot()
    def open_notice_composer(self) -> QWidget | None:
        """The notice composer (supervisors and admins), a window of its own; raised if already open."""
        from agentdesk_desktop.notices import open_notice_composer

        return self._open_once("notices", open_notice_composer)

    def _open_once(self, name: str, make: SideWindowFactory) -> QWidget | None:
        """A side window made once (``make`` gives None to a role that may not have it), raised when
        asked again, forgotten when it closes (they delete themselves on close)."""
        window = self._side.get(name)
        if window is None:
            window = make(self.services, self.user, self.window)
            if window is None:
                return None
            self._side[name] = window
            window.destroyed.connect(lambda *_: self._side.pop(name, None))
        return _raise(window)

    @property
    def reports(self) -> QWidget | None:
        return self._side.get("reports")

    @property
    def steward(self) -> QWidget | None:
        return self._side.get("steward")

    @property
    def data_protection(self) -> QWidget | None:
        return self._side.get("data_protection")

    @Slot()
    def open_reception(self) -> QWidget | None:
        """Walk-in reception: the ticket machine and the agent's service point."""
        from agentdesk_desktop.reception.reception_host import reception_for_window

        if self.reception is None:
            self.reception = reception_for_window(self.window, self.services, self.user)
            self.reception.destroyed.connect(self._reception_gone)
        return _raise(self.reception)

    @Slot()
    def _reception_gone(self) -> None:
        self.reception = None

    def start_work(self) -> None:
        """The presence in the status bar and the inbox dock (Queues ▸ Inbox)."""
        from agentdesk_desktop.work.inbox_dock import InboxDock
        from agentdesk_desktop.work.presence_button import PresenceButton

        services, window = self.services, self.window
        presence = self.presence = PresenceButton(
            services.background,
            services.presence,
            self.user.id,
            wrap_up_seconds=services.work_settings.wrap_up_seconds,
            parent=window,
        )
        window.statusBar().addPermanentWidget(presence)
        presence.start()
        inbox = self.inbox = InboxDock(services, self.user.id, open_customer=window.open_customer, parent=window)
        parts: object = self.parts
        if isinstance(parts, CaseOpener):  # the inbox's overdue and soon-due cases open their dialog
            inbox.open_case = parts.open_case
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, inbox)
        toggle = inbox.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+Shift+I"))
        window.queues_menu.addAction(toggle)
        inbox.claimed.connect(presence.work_started)
        inbox.claimed.connect(self._open_item)
        inbox.opened.connect(self._open_item)
        self.start_mail()

    def start_mail(self) -> None:
        """The e-mail dock (an e-mail item taken with Next or double-clicked opens its conversation
        there) and, when the profile has an ``[email]``, its mailbox watchers with their state in the
        status bar."""
        from agentdesk_desktop.mail.mail_status import MailStatus, MailWatchers
        from agentdesk_desktop.mail.thread_dock import EmailThreadDock

        services, window = self.services, self.window
        dock = self.email = EmailThreadDock(services, self.user, open_customer=window.open_customer, parent=window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        parts: object = self.parts
        if isinstance(parts, QuickTextSource):  # ;shortcut + Tab and Ctrl+Space in the reply, as in the notes
            dock.quick_texts = parts.quick_texts_for_reply(
                dock.reply_editor,
                lambda: dock.current.customer_name if dock.current is not None else "",
                lambda: dock.current.case_id if dock.current is not None else None,
            )
        dock.hide()
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+Shift+E"))
        window.queues_menu.addAction(toggle)
        if services.email_settings is not None:
            status = MailStatus(window)
            window.statusBar().addPermanentWidget(status)
            self.mail = MailWatchers(services, status, parent=self)
            self.mail.start()

    @Slot(object)
    def _open_item(self, item: WorkItemView) -> None:
        """An item taken with Next or double-clicked: an e-mail's conversation opens in the e-mail dock,
        a citizen's self-service update in its dialog."""
        from agentdesk.citizen.updates import update_id_of
        from agentdesk.storage.kinds import Channel

        if item.channel is Channel.EMAIL and self.email is not None and item.external_ref:
            self.email.open_message(item.external_ref)
        update_id = update_id_of(item.external_ref) if item.channel is Channel.WEB else None
        if update_id is not None:
            self.open_self_service(update_id)

    def open_self_service(self, update_id: int) -> SelfServiceDialog:
        """The self-service update's dialog (one per update: asked again, it comes to the front)."""
        from agentdesk.need_to_know import viewer_of
        from agentdesk_desktop.work.self_service_dialog import SelfServiceDialog

        dialog = self._self_service_dialogs.get(update_id)
        if dialog is None:
            services = self.services
            dialog = SelfServiceDialog(
                services.self_service,
                services.background,
                update_id,
                actor=self.user.username,
                sees_protected=viewer_of(self.user).sees_protected_addresses,
                parent=self.window,
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda _=None, u=update_id: self._self_service_dialogs.pop(u, None))
            self._self_service_dialogs[update_id] = dialog
        _raise(dialog)
        return dialog

    def start_phone(self, settings: AmiSettings, secret_lookup: SecretLookup) -> PhoneDesk:
        from agentdesk.channels.phone import ScreenPop
        from agentdesk_desktop.phone.phone_desk import PhoneDesk

        if self.parts is None:
            raise RuntimeError("the phone starts with the window's customer side")

        self.phone = PhoneDesk(
            self.window,
            settings,
            self.services.background,
            ScreenPop(self.services.search).resolve,
            parts=self.parts,
            secret_lookup=secret_lookup,
            parent=self,
        )
        if self.presence is not None:
            self.phone.screen_pop.answered.connect(self.presence.work_started)
            self.phone.screen_pop.hung_up.connect(self.presence.work_ended)
        self.phone.start()
        return self.phone

    def start_demo_calls(self, caller: DemoCallSource) -> None:
        from agentdesk_desktop.phone.demo_calls import DemoCalls

        self._demo_calls = DemoCalls(caller, self.services.background, parent=self)
        self.window.enable_demo_menu()
        self.window.simulate_call_requested.connect(self._demo_calls.call_now)
        self._demo_calls.start()

    def stop(self) -> None:
        """Before the window goes: the demo calls stop, the phone logs off, the mailbox watchers end
        and the opened attachments' temporary files go (idempotent)."""
        if self.mail is not None:
            mail, self.mail = self.mail, None
            mail.stop()
        if self.email is not None:
            self.email.stop()
        if self._demo_calls is not None:
            demo, self._demo_calls = self._demo_calls, None
            demo.stop()
        if self.phone is not None:
            phone, self.phone = self.phone, None
            phone.stop()
            phone.deleteLater()


def _raise(window: QWidget) -> QWidget:
    if window.isVisible():
        window.raise_()
        window.activateWindow()
    window.show()
    return window
