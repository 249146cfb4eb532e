"""Replying from the desk by e-mail, threaded so that the customer's mail client and the desk's
own intake keep the conversation together.

:meth:`EmailReplier.reply` sends over SMTP (smtplib; TLS or STARTTLS unless ``security="none"`` on
loopback; a login only when ``smtp_login`` is set, its password from the OS keyring) a message
with:

- ``From``: the queue mailbox (``QueueMailbox.display_name`` and ``address``);
- ``To``: the answered message's Reply-To, else its From;
- ``Subject``: ``Re: <subject>`` with exactly one reply prefix;
- ``Message-ID``: fresh, ``<random@domain>`` with the city's mail domain;
- ``In-Reply-To``: the answered Message-ID; ``References``: its References followed by its
  Message-ID (RFC 5322 3.6.4), trimmed to the first and the last ones when very long;

and then logs an outbound e-mail interaction on the same case (``external_ref`` = the new
Message-ID, so the customer's answer to it threads back into the case) and stores the reply as an
outgoing ``email_message`` (:func:`~agentdesk.channels.email_store.store_outgoing`), in one transaction.

The answered message comes as a :class:`ReplyTarget`: from :attr:`IntakeResult.reply_target`
right after intake, or rebuilt from the database with :meth:`EmailReplier.target_for` (its
References are then the case's known e-mail Message-IDs in order).
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate

from sqlalchemy import select

from agentdesk.channels.email_config import (
    MailServer,
    PasswordLookup,
    QueueMailbox,
    SmtpPasswordMissing,
    connect_smtp,
    keyring_password,
)
from agentdesk.channels.email_intake import (
    NO_SUBJECT,
    ReplyTarget,
    address_in,
    mailbox_line,
    notes_header,
    read_notes_header,
)
from agentdesk.channels.email_store import store_outgoing
from agentdesk.channels.email_threading import message_ids, reply_subject, storage_ref
from agentdesk.contact_records import ContactRow, record_contact
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, Direction, Interaction, Outcome, ServiceCase, utcnow

log = logging.getLogger(__name__)

__all__ = ["EmailReplier", "ReplyNotSent", "SentReply"]

MAX_REFERENCES = 20


class ReplyNotSent(RuntimeError):
    """The SMTP server could not be reached or refused the message; nothing was logged."""


@dataclass(frozen=True, slots=True)
class SentReply:
    message_id: str
    interaction_id: int
    case_id: int | None
    subject: str
    email_id: int  # the stored outgoing message


def references_for(target: ReplyTarget) -> tuple[str, ...]:
    refs = [r for r in target.references if r != target.message_id] + [target.message_id]
    if len(refs) > MAX_REFERENCES:  # keep the thread's root and the most recent ones
        refs = refs[:1] + refs[-(MAX_REFERENCES - 1) :]
    return tuple(refs)


class EmailReplier:
    def __init__(
        self,
        db: Database,
        smtp: MailServer,
        *,
        domain: str,
        smtp_login: str | None = None,
        password_lookup: PasswordLookup = keyring_password,
    ) -> None:
        if not domain or "@" in domain:
            raise ValueError("domain is the city's mail domain, e.g. 'city.example'")
        self._db = db
        self.smtp = smtp
        self.domain = domain
        self.smtp_login = smtp_login
        self._password_lookup = password_lookup

    # --- building ---------------------------------------------------------------------------

    def compose(self, target: ReplyTarget, body: str, *, mailbox: QueueMailbox) -> EmailMessage:
        if not target.to_addr:
            raise ValueError("the answered message has no sender address to reply to")
        msg = EmailMessage()
        msg["From"] = _address(mailbox.display_name, mailbox.address)
        msg["To"] = _address(target.to_name, target.to_addr)
        msg["Subject"] = reply_subject(target.subject)
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = f"<{uuid.uuid4().hex}@{self.domain}>"
        msg["In-Reply-To"] = target.message_id
        msg["References"] = " ".join(references_for(target))
        msg.set_content(body)
        return msg

    def target_for(self, interaction_id: int) -> ReplyTarget:
        """The reply target for a logged e-mail interaction (incoming mail or an earlier reply)."""
        with self._db.session() as s:
            row = s.get(Interaction, interaction_id)
            if row is None or row.channel is not Channel.EMAIL or not row.external_ref:
                raise LookupError(f"interaction {interaction_id} is not an e-mail")
            header = read_notes_header(row.notes)
            earlier: list[str] = []
            if row.case_id is not None:
                earlier = list(
                    s.scalars(
                        select(Interaction.external_ref)
                        .where(
                            Interaction.case_id == row.case_id,
                            Interaction.channel == Channel.EMAIL,
                            Interaction.id != row.id,
                            Interaction.started_at <= row.started_at,
                        )
                        .order_by(Interaction.started_at, Interaction.id)
                    )
                )
        refs = tuple(r for r in earlier if message_ids(r) == (r,) and not r.startswith("<sha256:"))
        if row.direction is Direction.INBOUND:
            who = header.get("Reply-To") or header.get("From", "")
        else:
            who = header.get("To", "")
        to_addr = address_in(who)
        to_name = who[: who.rfind("<")].strip() if "<" in who else ""
        subject = header.get("Subject", "")
        return ReplyTarget(
            row.external_ref,
            refs,
            "" if subject == NO_SUBJECT else subject,
            to_addr,
            to_name,
            row.case_id,
            row.customer_id,
            row.topic,
        )

    # --- sending ----------------------------------------------------------------------------

    def reply(
        self,
        target: ReplyTarget,
        body: str,
        *,
        mailbox: QueueMailbox,
        agent_id: int | None,
        actor: str,
        outcome: Outcome | None = None,
        topic: str = "",
    ) -> SentReply:
        """Send the reply, then log it on the target's case. Raises :class:`ReplyNotSent`."""
        msg = self.compose(target, body, mailbox=mailbox)
        self._send(msg, mailbox.address, target.to_addr)
        message_id = str(msg["Message-ID"])
        subject = str(msg["Subject"])
        now = utcnow()
        notes = (
            notes_header(
                [
                    ("From", mailbox_line(mailbox.display_name, mailbox.address)),
                    ("To", mailbox_line(target.to_name, target.to_addr)),
                    ("Subject", subject),
                ]
            )
            + "\n"
            + body.strip()
        )
        try:
            with self._db.session() as s, s.begin():
                exists = target.case_id is not None and s.get(ServiceCase, target.case_id) is not None
                case_id = target.case_id if exists else None
                interaction_id = record_contact(
                    s,
                    ContactRow(
                        customer_id=target.customer_id,
                        channel=Channel.EMAIL,
                        direction=Direction.OUTBOUND,
                        started_at=now,
                        ended_at=now,
                        agent_id=agent_id,
                        department_id=mailbox.department_id,
                        topic=topic or target.topic or mailbox.topic,
                        notes=notes,
                        outcome=outcome,
                        case_id=case_id,
                        external_ref=storage_ref(message_id),
                    ),
                    actor=actor,
                ).interaction_id
                email_id = store_outgoing(
                    s,
                    mailbox.address,
                    message_id=message_id,
                    in_reply_to=target.message_id,
                    references=references_for(target),
                    to_addr=target.to_addr,
                    from_name=mailbox.display_name,
                    subject=subject,
                    body=body,
                    customer_id=target.customer_id,
                    case_id=case_id,
                    interaction_id=interaction_id,
                    sent_at=now,
                ).id
        except Exception:
            log.error("reply %s was sent but could not be logged", message_id)
            raise
        log.info("reply sent from %s: interaction=%d case=%s", mailbox.address, interaction_id, case_id)
        return SentReply(message_id, interaction_id, case_id, subject, email_id)

    def _send(self, msg: EmailMessage, sender: str, recipient: str) -> None:
        try:
            with connect_smtp(self.smtp, self.smtp_login, self._password_lookup) as smtp:
                smtp.send_message(msg, from_addr=sender, to_addrs=[recipient])
        except SmtpPasswordMissing as exc:
            raise ReplyNotSent(str(exc)) from None
        except smtplib.SMTPRecipientsRefused:
            raise ReplyNotSent("the mail server refused the recipient address") from None
        except smtplib.SMTPAuthenticationError:
            raise ReplyNotSent("the mail server refused the login") from None
        except smtplib.SMTPResponseException as exc:
            raise ReplyNotSent(f"the mail server refused the message ({exc.smtp_code})") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise ReplyNotSent(f"the mail server could not be reached ({type(exc).__name__})") from None


def _address(name: str, addr: str) -> Address:
    return Address(display_name=name or "", addr_spec=addr)
