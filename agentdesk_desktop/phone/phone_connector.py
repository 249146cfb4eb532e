"""The desk's line to the PBX: owns an :class:`~agentdesk.channels.ami.AmiClient` and hands its
events to the UI thread.

::

    connector = PhoneConnector(AmiSettings(host="pbx.city.example", username="desk-aino",
                                           interface="PJSIP/aino"), background)
    connector.event_received.connect(...)     # IncomingCall, CallAnswered, CallEnded, CallAbandoned
    connector.status_changed.connect(...)     # PhoneStatus: connecting, connected, reconnecting, ...
    connector.start()                         # reads the secret off the UI thread, then connects
    ...
    connector.stop()                          # logs off and ends the client's thread

The AMI secret lives only in the OS keyring (service ``agentdesk-ami``, account
``username@host:port``; IT provisions it per workstation). The keyring is read on the background
helper, never on the UI thread. The client calls back on its own thread; those calls only send the
event through a :meth:`agentdesk_desktop.background.Background.channel` (the desk's one bridge to the UI thread),
where :attr:`event_received` and :attr:`status_changed` are emitted.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from agentdesk.channels.ami import AmiClient, AmiSettings
from agentdesk.channels.ami_events import AmiEvent, ConnectionState, ConnectionStatus
from agentdesk_desktop import events
from agentdesk_desktop.background import Background

log = logging.getLogger(__name__)

AMI_SERVICE = "agentdesk-ami"  # keyring service of the AMI secret

SecretLookup = Callable[[AmiSettings], "str | None"]  # runs on a background thread


def ami_account(settings: AmiSettings) -> str:
    """The keyring user name of the AMI login: ``username@host:port``."""
    return f"{settings.username}@{settings.host}:{settings.port}"


def keyring_secret(settings: AmiSettings) -> str | None:
    """The AMI secret from the OS keyring (None when there is none or the keyring fails)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(AMI_SERVICE, ami_account(settings))
    except KeyringError as exc:
        log.error("the keyring could not be read for the phone connection: %s", type(exc).__name__)
        return None


class PhoneStatus(str, enum.Enum):
    OFF = "off"  # not started, or stopped
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"  # lost; the client retries with backoff
    LOGIN_REFUSED = "login_refused"  # final until the secret is changed
    NO_SECRET = "no_secret"  # nothing in the keyring for the account


class PhoneConnector(QObject):
    event_received = Signal(object)  # a desk event (IncomingCall, CallAnswered, ...), on the UI thread
    status_changed = Signal(object)  # PhoneStatus, on the UI thread

    def __init__(
        self,
        settings: AmiSettings,
        background: Background,
        *,
        secret_lookup: SecretLookup = keyring_secret,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneConnector")
        self.settings = settings
        self._bg, self._secret_lookup = background, secret_lookup
        self.client: AmiClient | None = None
        self.status = PhoneStatus.OFF
        self.detail = ""
        self._was_connected = False
        self._stopped = False
        self._from_client = background.channel(self._deliver, owner=self)  # the client's thread -> UI thread

    def start(self) -> None:
        if self.client is not None or self._stopped:
            return
        self._set_status(PhoneStatus.CONNECTING, "")
        self._bg.read(self._secret_lookup, self.settings, owner=self).on_success(self._connect).on_failure(
            self._secret_failed
        )

    def _connect(self, secret: str | None) -> None:
        if self._stopped:
            return
        if not secret:
            log.warning(
                "no AMI secret in the keyring for %s (service %s); the phone stays off",
                ami_account(self.settings),
                AMI_SERVICE,
            )
            self._set_status(PhoneStatus.NO_SECRET, "")
            return
        self.client = AmiClient(self.settings, secret, on_event=self._on_client_thread)
        self.client.start()

    def _secret_failed(self, exc: BaseException) -> None:
        log.error("reading the AMI secret failed: %s", type(exc).__name__)
        self._set_status(PhoneStatus.NO_SECRET, "")

    def _on_client_thread(self, event: AmiEvent) -> None:
        """Called by the AMI client on its thread: hand the event over, nothing else."""
        if not self._stopped:
            self._from_client.send(event)

    def _deliver(self, event: AmiEvent) -> None:
        if self._stopped:
            return
        if isinstance(event, ConnectionState):
            self._connection(event)
        else:
            self.event_received.emit(event)

    def _connection(self, state: ConnectionState) -> None:
        if state.state is ConnectionStatus.CONNECTED:
            self._was_connected = True
            self._set_status(PhoneStatus.CONNECTED, state.detail)
        elif state.state is ConnectionStatus.LOGIN_FAILED:
            self._set_status(PhoneStatus.LOGIN_REFUSED, state.detail)
        elif state.state is ConnectionStatus.CONNECTING:
            self._set_status(PhoneStatus.RECONNECTING if self._was_connected else PhoneStatus.CONNECTING, state.detail)
        elif state.detail != "stopped":
            self._set_status(PhoneStatus.RECONNECTING, state.detail)

    def _set_status(self, status: PhoneStatus, detail: str) -> None:
        self.detail = detail
        if status is not self.status:
            self.status = status
            events.emit("phone.status", state=status.value)
            self.status_changed.emit(status)

    def stop(self) -> None:
        """Log off and end the client's thread (idempotent); no event is delivered afterwards."""
        self._stopped = True
        self._from_client.close()
        client, self.client = self.client, None
        if client is not None:
            client.stop()
        self._set_status(PhoneStatus.OFF, "")
