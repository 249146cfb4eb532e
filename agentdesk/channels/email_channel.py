"""The e-mail channel: queue mailboxes watched over IMAP, new mail logged and threaded into cases,
replies sent from the desk over SMTP.

::

    IMAP server ──IDLE/poll──▶ MailboxWatcher (one per queue mailbox, background thread)
                                   │ raw message, once (UID marks in a UidStore)
                                   ▼
                               EmailIntake.receive ──▶ customer search (From address)
                                   │                    case: References/In-Reply-To, else subject
                                   │                    interaction (channel EMAIL, Message-ID)
                                   │                    work item in the mailbox's queue (same transaction)
                                   │ cannot be taken in (after the retries) ──▶ MailQuarantine (kept, listed,
                                   │                                retried after an upgrade); the next mail
                                   ▼
                               on_new_mail(IntakeResult) ──▶ the desk (on the watcher's thread)
    desk ──▶ EmailReplier.reply ──SMTP──▶ customer;  outbound interaction on the same case

The parts live in their own modules (:mod:`~agentdesk.channels.email_threading` parses and threads,
pure; :mod:`~agentdesk.channels.email_watcher`, :mod:`~agentdesk.channels.email_intake`,
:mod:`~agentdesk.channels.email_reply`, :mod:`~agentdesk.channels.email_config`); this module
gathers the public names and :class:`EmailChannel`, which runs the watchers of one IMAP server's
queue mailboxes with one intake. Passwords come from the OS keyring (service ``agentdesk-mail``).
"""

from __future__ import annotations

from collections.abc import Iterable

from agentdesk.channels.email_config import (
    DEFAULT_TOPIC,
    MAIL_SERVICE,
    MailServer,
    PasswordLookup,
    QueueMailbox,
    UidMark,
    UidStateFile,
    UidStore,
    keyring_password,
    set_keyring_password,
)
from agentdesk.channels.email_intake import EmailIntake, IntakeResult, NewMailCallback, ReplyTarget
from agentdesk.channels.email_quarantine import MailQuarantine, QuarantinedMailView, RetryOutcome
from agentdesk.channels.email_reply import EmailReplier, ReplyNotSent, SentReply
from agentdesk.channels.email_threading import Attachment, ParsedEmail, parse_message
from agentdesk.channels.email_watcher import (
    IntakeFailed,
    MailboxLoginFailed,
    MailboxMessage,
    MailboxWatcher,
    RetryLater,
    WatcherState,
    WatcherStatus,
)
from agentdesk.storage.database import Database

__all__ = [
    "DEFAULT_TOPIC",
    "MAIL_SERVICE",
    "Attachment",
    "EmailChannel",
    "EmailIntake",
    "EmailReplier",
    "IntakeFailed",
    "IntakeResult",
    "MailQuarantine",
    "MailServer",
    "MailboxLoginFailed",
    "MailboxMessage",
    "MailboxWatcher",
    "NewMailCallback",
    "ParsedEmail",
    "PasswordLookup",
    "QuarantinedMailView",
    "QueueMailbox",
    "ReplyNotSent",
    "ReplyTarget",
    "RetryLater",
    "RetryOutcome",
    "SentReply",
    "UidMark",
    "UidStateFile",
    "UidStore",
    "WatcherState",
    "WatcherStatus",
    "keyring_password",
    "parse_message",
    "set_keyring_password",
]


class EmailChannel:
    """The queue mailboxes of one IMAP server, each watched in its own thread, all taken in by one
    :class:`EmailIntake`. ``start()`` returns at once; ``stop()`` ends every watcher. A message that
    cannot be taken in goes to ``quarantine`` (:class:`MailQuarantine`) and the mailbox goes on."""

    def __init__(
        self,
        db: Database,
        imap: MailServer,
        mailboxes: Iterable[QueueMailbox],
        *,
        on_new_mail: NewMailCallback | None = None,
        state: UidStore | None = None,
        password_lookup: PasswordLookup = keyring_password,
        use_idle: bool = True,
        poll_interval: float = 60.0,
    ) -> None:
        self.mailboxes = tuple(mailboxes)
        if len({m.address.lower() for m in self.mailboxes}) != len(self.mailboxes):
            raise ValueError("a queue mailbox is listed twice")
        self.intake = EmailIntake(db, on_new_mail=on_new_mail, own_addresses=[m.address for m in self.mailboxes])
        self.quarantine = MailQuarantine(db, self.intake)
        store = state if state is not None else UidStateFile()
        self.watchers = tuple(
            MailboxWatcher(
                imap,
                m,
                self.intake.handler_for(m),
                state=store,
                password_lookup=password_lookup,
                use_idle=use_idle,
                poll_interval=poll_interval,
                quarantine=self.quarantine.for_mailbox(m),
            )
            for m in self.mailboxes
        )

    def start(self) -> None:
        for watcher in self.watchers:
            watcher.start()

    def stop(self, timeout: float = 5.0) -> None:
        for watcher in self.watchers:
            watcher.stop(timeout)

    def states(self) -> dict[str, WatcherState]:
        return {w.mailbox.address: w.state for w in self.watchers}
