"""A loopback SMTP server's delivery step: hand every accepted message to Dovecot over LMTP.

``scripts/mailservers.sh`` runs it as an ``aiosmtpd`` handler (the way Postfix hands mail to
Dovecot in a real deployment)::

    python -m aiosmtpd -n -l 127.0.0.1:10025 -c agentdesk_demo.simulators.email_lmtp_relay.LmtpRelay 127.0.0.1 14024

so that a reply sent from the desk over SMTP lands in the recipient's IMAP mailbox, where a test
(or a person with a mail client) can read it. Recipients the mail server does not know are
refused with 550 at RCPT time, as a real server does.

The handler follows aiosmtpd's documented hook interface (``handle_RCPT``, ``handle_DATA``) and
imports nothing from aiosmtpd, so the core does not depend on it; aiosmtpd is a test dependency.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib

log = logging.getLogger(__name__)


class LmtpRelay:
    def __init__(self, lmtp_host: str = "127.0.0.1", lmtp_port: int = 24, *, timeout: float = 30.0) -> None:
        self.lmtp_host = lmtp_host
        self.lmtp_port = int(lmtp_port)
        self.timeout = timeout

    @classmethod
    def from_cli(cls, parser, *args: str) -> LmtpRelay:
        if len(args) != 2:
            parser.error("LmtpRelay takes two arguments: LMTP_HOST LMTP_PORT")
        host, port = args
        try:
            return cls(host, int(port))
        except ValueError:
            parser.error(f"LmtpRelay: not a port number: {port!r}")
            raise  # parser.error exits; keeps type checkers content

    # --- aiosmtpd hooks -------------------------------------------------------------------

    async def handle_RCPT(self, server, session, envelope, address: str, rcpt_options) -> str:
        refusal = await asyncio.get_running_loop().run_in_executor(None, self._check_recipient, address)
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        return await asyncio.get_running_loop().run_in_executor(
            None, self._deliver, envelope.mail_from or "", list(envelope.rcpt_tos), data
        )

    # --- LMTP -----------------------------------------------------------------------------

    def _check_recipient(self, address: str) -> str:
        try:
            with smtplib.LMTP(self.lmtp_host, self.lmtp_port, timeout=self.timeout) as lmtp:
                lmtp.ehlo_or_helo_if_needed()
                code, _ = lmtp.mail("<>")
                if code != 250:
                    return "451 4.3.0 the mailbox server refused the check"
                code, reply = lmtp.rcpt(address)
                if code >= 400:
                    return f"{code} {reply.decode('utf-8', 'replace')}"
                lmtp.rset()
                return ""
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("LMTP server %s:%s unreachable: %s", self.lmtp_host, self.lmtp_port, type(exc).__name__)
            return "451 4.4.1 the mailbox server is unreachable"

    def _deliver(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> str:
        # LMTP answers DATA once per recipient and smtplib reads one answer, so deliver to
        # each recipient in a transaction of its own.
        refused = 0
        try:
            with smtplib.LMTP(self.lmtp_host, self.lmtp_port, timeout=self.timeout) as lmtp:
                for rcpt in rcpt_tos:
                    try:
                        lmtp.sendmail(mail_from, [rcpt], data)
                    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError):
                        refused += 1
                        lmtp.rset()
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("delivery over LMTP failed: %s", type(exc).__name__)
            return "451 4.4.1 the mailbox server is unreachable"
        if refused == len(rcpt_tos):
            return "550 5.1.1 no recipient accepted the message"
        if refused:
            # Recipients were checked at RCPT time; one refused now is a server-side change.
            log.warning("LMTP refused %d of %d recipients", refused, len(rcpt_tos))
        return "250 OK delivered"
