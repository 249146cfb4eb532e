"""The channels a notice goes by. A :class:`Transport` sends one batch and answers per recipient;
``resend_interrupted`` says whether a message whose outcome a crash left unknown may be sent again
(an SMS gateway that honours the idempotency key: yes; SMTP: no, so such e-mails are never resent).

- :class:`SmtpTransport` — one SMTP connection for the whole job (reconnected when the server drops
  it), the server and login settings of the e-mail channel (:class:`agentdesk.channels.email_config.MailServer`,
  password from the OS keyring); each e-mail's Message-ID is made from the recipient's idempotency key,
  written to the database before the message is sent.
- :class:`GatewayTransport` — SMS through a plugin's :class:`agentdesk.plugin_api.MessageGateway`
  (entry point group ``agentdesk.message_gateways``), batches of the gateway's size.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from email.headerregistry import Address as MailAddress
from email.message import EmailMessage
from email.utils import formatdate
from typing import Protocol

from agentdesk.channels.email_config import (
    MailServer,
    PasswordLookup,
    SmtpPasswordMissing,
    connect_smtp,
    keyring_password,
)
from agentdesk.plugin_api import (
    MESSAGE_GATEWAY_GROUP,
    BackendError,
    GatewayConfig,
    MessageGateway,
    OutboundText,
)
from agentdesk.storage.models import Channel

log = logging.getLogger(__name__)

SMS_KEYRING_SERVICE = "agentdesk-sms"


class TransportDown(RuntimeError):
    """The channel cannot send now (server or gateway unreachable). ``done`` holds the outcomes of
    the messages of the batch that were settled before it went down; ``uncertain`` the one being
    handed over when it did (its outcome unknown: never resent by a channel that cannot tell)."""

    def __init__(self, message: str, done: dict[int, str] | None = None, uncertain: int | None = None) -> None:
        super().__init__(message)
        self.done = dict(done or {})
        self.uncertain = uncertain


@dataclass(frozen=True, slots=True)
class Outgoing:
    recipient_id: int
    idempotency_key: str
    destination: str  # e-mail address or E.164 number
    subject: str
    body: str


class Transport(Protocol):
    channel: Channel
    batch_size: int
    resend_interrupted: bool

    def send(self, items: Sequence[Outgoing]) -> dict[int, str]:
        """recipient id → "" when sent, else a short reason it failed (not to be retried)."""
        ...

    def close(self) -> None: ...


def message_id(key: str, sender: str) -> str:
    domain = sender.rsplit("@", 1)[-1] or "agentdesk.invalid"
    return f"<notice-{key}@{domain}>"


class SmtpTransport:
    channel = Channel.EMAIL
    resend_interrupted = False

    def __init__(
        self,
        server: MailServer,
        *,
        sender: str,
        sender_name: str = "",
        login: str | None = None,
        password_lookup: PasswordLookup = keyring_password,
        batch_size: int = 25,
    ) -> None:
        self.server = server
        self.sender = sender
        self.sender_name = sender_name
        self.login = login
        self.password_lookup = password_lookup
        self.batch_size = batch_size
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        try:
            return connect_smtp(self.server, self.login, self.password_lookup)
        except SmtpPasswordMissing as exc:
            raise TransportDown(str(exc)) from None
        except smtplib.SMTPAuthenticationError:
            raise TransportDown("the mail server refused the login") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TransportDown(f"the mail server could not be reached ({type(exc).__name__})") from None

    def compose(self, item: Outgoing) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = MailAddress(self.sender_name, addr_spec=self.sender) if self.sender_name else self.sender
        msg["To"] = item.destination
        msg["Subject"] = item.subject
        msg["Date"] = formatdate(localtime=False, usegmt=True)
        msg["Message-ID"] = message_id(item.idempotency_key, self.sender)
        msg["Auto-Submitted"] = "auto-generated"
        msg.set_content(item.body)
        return msg

    def send(self, items: Sequence[Outgoing]) -> dict[int, str]:
        done: dict[int, str] = {}
        for item in items:
            for attempt in (1, 2):
                if self._smtp is None:
                    try:
                        self._smtp = self._connect()
                    except TransportDown as exc:  # this message was not handed over
                        raise TransportDown(str(exc), done) from None
                try:
                    self._smtp.send_message(self.compose(item), from_addr=self.sender, to_addrs=[item.destination])
                    done[item.recipient_id] = ""
                    break
                except smtplib.SMTPRecipientsRefused:
                    done[item.recipient_id] = "the mail server refused the address"
                    break
                except smtplib.SMTPResponseException as exc:
                    if 500 <= exc.smtp_code < 600:  # permanent: this message only
                        done[item.recipient_id] = f"the mail server refused the message ({exc.smtp_code})"
                        break
                    self._drop()
                    raise TransportDown(f"the mail server failed ({exc.smtp_code})", done, item.recipient_id) from None
                except smtplib.SMTPServerDisconnected:
                    # dropped while idle (before this message was handed over) reconnects once; a drop
                    # mid-message leaves its outcome unknown: stop, the row stays 'sending'.
                    self._drop()
                    if attempt == 2:
                        raise TransportDown("the mail server closed the connection", done, item.recipient_id) from None
                except OSError as exc:
                    self._drop()
                    raise TransportDown(
                        f"the mail server stopped answering ({type(exc).__name__})", done, item.recipient_id
                    ) from None
        return done

    def _drop(self) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError):
                self._smtp.close()
            self._smtp = None

    def close(self) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._smtp.quit()
            self._smtp = None


class GatewayTransport:
    channel = Channel.SMS
    resend_interrupted = True  # the gateway honours the idempotency key (plugin API 1.3)

    def __init__(self, gateway: MessageGateway, batch_size: int | None = None) -> None:
        self.gateway = gateway
        self.batch_size = min(batch_size or gateway.max_batch, gateway.max_batch)

    def send(self, items: Sequence[Outgoing]) -> dict[int, str]:
        by_key = {i.idempotency_key: i.recipient_id for i in items}
        try:
            answers = self.gateway.send_batch([OutboundText(i.idempotency_key, i.destination, i.body) for i in items])
        except BackendError as exc:  # BackendUnavailable too: none of the batch is known to be sent
            raise TransportDown(str(exc)) from None
        done: dict[int, str] = {}
        for a in answers:
            rid = by_key.get(a.idempotency_key)
            if rid is not None:
                done[rid] = "" if a.accepted else (a.error or "the gateway refused the message")
        missing = [rid for rid in by_key.values() if rid not in done]
        if missing:  # unanswered: unknown, resent with the same key on the next run
            raise TransportDown("the gateway did not answer for every message", done)
        return done

    def close(self) -> None:
        self.gateway.close()


def load_gateway(
    name: str, url: str, *, timeout: float = 10.0, token_lookup: PasswordLookup | None = None
) -> MessageGateway:
    """The message gateway ``name`` of the group ``agentdesk.message_gateways`` (e.g. ``sms-http``),
    its bearer token from the OS keyring (service ``agentdesk-sms``, user = the URL)."""
    from importlib.metadata import entry_points

    found = [ep for ep in entry_points(group=MESSAGE_GATEWAY_GROUP) if ep.name == name]
    if not found:
        raise LookupError(f"no message gateway named {name!r} is installed")
    factory = found[0].load()
    token = token_lookup(url) if token_lookup else _sms_token(url)
    gateway = factory(GatewayConfig(url=url, token=token, timeout=timeout))
    if not isinstance(gateway, MessageGateway):
        raise TypeError(f"message gateway {name!r} does not provide send_batch/close/max_batch")
    return gateway


def _sms_token(url: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SMS_KEYRING_SERVICE, url)
    except KeyringError:
        log.info("no SMS gateway token in the keyring")
        return None
