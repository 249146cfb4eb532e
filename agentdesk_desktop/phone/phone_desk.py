"""The phone of one main window: the PBX connection, the screen pop, the call clock and the
connection state in the status bar.

::

    phone = PhoneDesk(window, AmiSettings(...), background, ScreenPop(search).resolve, parts=customer_parts)
    phone.start()
    ...
    phone.stop()        # before the window goes: logs off and ends the AMI client's thread

``parts`` are the customer parts of the desk (a :class:`agentdesk_desktop.seams.CustomerParts`): their
``unidentified_panel()`` logs a call whose caller is not known yet, and their
``new_customer_dialog`` adds an unknown caller as a customer (either may give None).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMainWindow

from agentdesk.channels.ami import AmiSettings
from agentdesk_desktop.background import Background
from agentdesk_desktop.phone.call_bar import CallBar, PhoneStatusLabel
from agentdesk_desktop.phone.phone_connector import PhoneConnector, PhoneStatus, SecretLookup, keyring_secret
from agentdesk_desktop.phone.screen_pop_controller import Resolve, ScreenPopController
from agentdesk_desktop.seams import CustomerParts


class PhoneDesk(QObject):
    def __init__(
        self,
        window: QMainWindow,
        settings: AmiSettings,
        background: Background,
        resolve: Resolve,
        *,
        parts: CustomerParts | None = None,
        secret_lookup: SecretLookup = keyring_secret,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneDesk")
        self.connector = PhoneConnector(settings, background, secret_lookup=secret_lookup, parent=self)
        self.status_label = PhoneStatusLabel(window)
        self.call_bar = CallBar(window)
        window.statusBar().addWidget(self.call_bar)
        window.statusBar().addPermanentWidget(self.status_label)

        self.screen_pop = ScreenPopController(
            resolve,
            background,
            window,
            self.call_bar,
            unidentified_panel=parts.unidentified_panel if parts else lambda: None,
            new_customer_dialog=parts.new_customer_dialog if parts else None,
            parent=self,
        )
        self.connector.event_received.connect(self.screen_pop.handle)
        self.connector.status_changed.connect(self._status)

    def start(self) -> None:
        self.connector.start()

    def stop(self) -> None:
        self.connector.stop()

    @property
    def status(self) -> PhoneStatus:
        return self.connector.status

    @Slot(object)
    def _status(self, status: PhoneStatus) -> None:
        if shiboken6.isValid(self.status_label):  # the window may be gone before the phone stops
            self.status_label.set_status(status, self.connector.detail)
