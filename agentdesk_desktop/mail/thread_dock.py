"""An e-mail conversation beside the sender's overview, with the reply editor: a dock of the main
window, filled when the agent opens an e-mail item from the inbox (Next or a double-click).

- The messages of the conversation (oldest first; in and out), one selected at a time: its text as
  plain text — the HTML part was reduced to text when the mail was taken in, so nothing the sender
  wrote is rendered, fetched or run — and its attachments, which open with the system's viewer
  (saved to a temporary file on the background helper; a program or script is saved, not opened).
- The reply editor (:attr:`EmailThreadDock.reply_editor`, a :class:`QPlainTextEdit`): Send reply
  (Ctrl+Return) sends through the profile's SMTP server with In-Reply-To and References, stores the
  reply and logs it on the customer's timeline and the case. A refused send keeps the text.
  Quick texts go in through :meth:`EmailThreadDock.insert_reply_text` (the seam for them).
- An unknown sender: Link to customer… searches and picks the customer; the conversation, its
  contacts, case and work items move to them and their tab opens.

Every read and write runs on the background helper; the thread re-reads after the agent's own changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from agentdesk.changes import Changes
from agentdesk.channels.email_reply import ReplyNotSent
from agentdesk.channels.email_threads import EmailThread, EmailView, ReplySent
from agentdesk.staff import StaffMember
from agentdesk.storage.models import Direction
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.mail.attachment_files import AttachmentFolder, SavedAttachment
from agentdesk_desktop.mail.link_sender_dialog import LinkSenderDialog
from agentdesk_desktop.services import DeskServices
from agentdesk_desktop.widgets.labels import format_moment

log = logging.getLogger(__name__)

_DATA = Qt.ItemDataRole.UserRole
SEND_KEY = "Ctrl+Return"


def _size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size / (1024 * 1024):.1f} MB"


class EmailThreadDock(QDockWidget):
    thread_shown = Signal(object)  # EmailThread
    reply_sent = Signal(object)  # ReplySent
    linked = Signal(int)  # the customer the conversation was linked to
    attachment_opened = Signal(object)  # SavedAttachment

    def __init__(
        self,
        services: DeskServices,
        staff: StaffMember,
        *,
        open_customer: Callable[[int], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emailThreadDock")
        self._services, self._member = services, staff
        self._staff, self._actor = staff.id, staff.username
        self._open_customer = open_customer
        self._bg = services.background
        self._folder = AttachmentFolder()
        self.current: EmailThread | None = None
        self.quick_texts: object | None = None  # the agent's quick texts in the reply (set by the desk)
        self._sending = False
        settings = services.email_settings  # replies need the profile's SMTP server
        self._can_reply = settings is not None and settings.smtp is not None

        body = QWidget(self)
        self.header = QLabel(body)
        self.header.setObjectName("emailHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)  # a subject is the sender's text
        self.link_button = QPushButton(body)
        self.link_button.setObjectName("emailLinkSender")
        self.link_button.clicked.connect(self.link_sender)
        self.link_button.hide()
        self.messages = QListWidget(body)
        self.messages.setObjectName("emailMessages")
        self.messages.currentItemChanged.connect(self._message_chosen)
        self.body_view = QPlainTextEdit(body)  # plain text only: no markup, no remote content
        self.body_view.setObjectName("emailBody")
        self.body_view.setReadOnly(True)
        self.safety_note = QLabel(body)
        self.safety_note.setObjectName("emailSafetyNote")
        self.safety_note.setWordWrap(True)
        self.safety_note.hide()
        self.attachments = QListWidget(body)
        self.attachments.setObjectName("emailAttachments")
        self.attachments.setMaximumHeight(90)
        self.attachments.itemActivated.connect(lambda _item: self.open_attachment())
        self.open_button = QPushButton(body)
        self.open_button.setObjectName("emailOpenAttachment")
        self.open_button.clicked.connect(self.open_attachment)
        self._reply = QPlainTextEdit(body)
        self._reply.setObjectName("emailReply")
        self._reply.setTabChangesFocus(True)
        self.send_button = QPushButton(body)
        self.send_button.setObjectName("emailSend")
        self.send_button.clicked.connect(self.send_reply)
        QShortcut(QKeySequence(SEND_KEY), self._reply, self.send_reply, context=Qt.ShortcutContext.WidgetShortcut)
        self.message = QLabel(body)
        self.message.setObjectName("emailMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.link_button)
        reading = QWidget(body)
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(self.body_view, 1)
        reading_layout.addWidget(self.safety_note)
        files = QHBoxLayout()
        files.addWidget(self.attachments, 1)
        files.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        reading_layout.addLayout(files)
        replying = QWidget(body)
        reply_layout = QVBoxLayout(replying)
        reply_layout.setContentsMargins(0, 0, 0, 0)
        self.reply_label = QLabel(replying)
        self.reply_label.setBuddy(self._reply)
        reply_layout.addWidget(self.reply_label)
        reply_layout.addWidget(self._reply, 1)
        send_row = QHBoxLayout()
        send_row.addWidget(self.message, 1)
        send_row.addWidget(self.send_button)
        reply_layout.addLayout(send_row)
        split = QSplitter(Qt.Orientation.Vertical, body)
        split.addWidget(self.messages)
        split.addWidget(reading)
        split.addWidget(replying)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setWidget(body)
        services.changes.changed.connect(self._changes)
        self._retranslate()
        self._enable()

    # -- the seam for quick texts --------------------------------------------------------------------

    @property
    def reply_editor(self) -> QPlainTextEdit:
        """The reply being written (quick texts are inserted here, at the cursor)."""
        return self._reply

    def insert_reply_text(self, text: str) -> None:
        """Insert ``text`` at the reply's cursor (what a quick text does), keeping what was typed."""
        self._reply.insertPlainText(text)
        self._reply.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reading ---------------------------------------------------------------------------------

    def open_message(self, message_ref: str) -> None:
        """Show the conversation of the stored mail with this Message-ID (an e-mail work item's ref)."""
        self.show()
        self.raise_()
        self._say(self.tr("Opening the e-mail…"))
        job = partial(self._services.email_threads.for_message, message_ref, actor=self._actor)
        self._bg.read(job, owner=self).success(self._show).failure(self._read_failed)

    def refresh(self) -> None:
        answer = self.current.answer if self.current is not None else None
        if answer is None:
            return
        job = partial(self._services.email_threads.thread, answer.id, actor=self._actor)
        self._bg.read(job, owner=self).success(self._show).failure(self._read_failed)

    def _show(self, thread: EmailThread) -> None:
        self.current = thread
        self.messages.clear()
        for mail in thread.messages:
            outgoing = mail.direction is Direction.OUTBOUND
            arrow = "→" if outgoing else "←"
            who = mail.to_addrs if outgoing else (mail.from_name or mail.from_addr)
            row = QListWidgetItem(f"{arrow} {format_moment(mail.sent_at)}  {who}")
            row.setToolTip(f"{mail.sender} → {mail.to_addrs}\n{mail.subject}")
            row.setData(_DATA, mail)
            self.messages.addItem(row)
        if self.messages.count():
            self.messages.setCurrentRow(self.messages.count() - 1)
        self._retranslate()
        self._say("")
        self._enable()
        self.thread_shown.emit(thread)

    def _read_failed(self, exc: BaseException) -> None:
        if isinstance(exc, LookupError):
            self._say(self.tr("This e-mail is not in the database (it may still be arriving). Try again shortly."))
        else:
            log.error("an e-mail conversation could not be read: %s", type(exc).__name__)
            self._say(self.tr("The e-mail could not be read just now. Try again."))

    def selected_message(self) -> EmailView | None:
        row: QListWidgetItem | None = self.messages.currentItem()
        mail = row.data(_DATA) if row is not None else None
        return mail if isinstance(mail, EmailView) else None

    @Slot()
    def _message_chosen(self) -> None:
        mail = self.selected_message()
        self.attachments.clear()
        if mail is None:
            self.body_view.clear()
            self.safety_note.hide()
            return
        self.body_view.setPlainText(mail.text or self.tr("(no text)"))
        self.safety_note.setVisible(bool(mail.html_text))
        for part in mail.attachments:
            name = part.filename or self.tr("(no name)")
            row = QListWidgetItem(f"{name} ({part.content_type}, {_size_text(part.size)})")
            row.setData(_DATA, part)
            if not part.available:
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                row.setToolTip(self.tr("Too large to keep in the desk: open it from the mailbox."))
            self.attachments.addItem(row)
        if self.attachments.count():
            self.attachments.setCurrentRow(0)
        self._enable()

    # -- attachments -----------------------------------------------------------------------------

    @Slot()
    def open_attachment(self) -> None:
        row: QListWidgetItem | None = self.attachments.currentItem()
        part = row.data(_DATA) if row is not None else None
        if part is None or not part.available:
            return
        job = partial(self._folder.save, self._services.email_threads, part.id, actor=self._actor)
        self._bg.read(job, owner=self).success(self._saved).failure(self._not_saved)

    def _saved(self, saved: SavedAttachment) -> None:
        if not saved.openable:
            self._say(fill(self.tr("Saved as %1; not opened, as it is a program or a script."), str(saved.path)))
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(saved.path))):
            self._say(fill(self.tr("Saved as %1; no program on this computer opens it."), str(saved.path)))
        else:
            self._say(fill(self.tr("Opened %1."), saved.path.name))
        self.attachment_opened.emit(saved)

    def _not_saved(self, exc: BaseException) -> None:
        log.error("an attachment could not be opened: %s", type(exc).__name__)
        self._say(self.tr("The attachment could not be opened just now. Try again."))

    # -- replying --------------------------------------------------------------------------------

    @Slot()
    def send_reply(self) -> None:
        thread = self.current
        answer = thread.answer if thread is not None else None
        if answer is None or self._sending:
            return
        text = self._reply.toPlainText()
        if not text.strip():
            self._say(self.tr("Write the reply first."))
            self._reply.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._sending = True
        self._enable()
        self._say(self.tr("Sending…"))
        job = partial(self._services.email_threads.reply, answer.id, text, agent_id=self._staff, actor=self._actor)
        self._bg.write(job, owner=self).success(self._sent).failure(self._not_sent)

    def _sent(self, sent: ReplySent) -> None:
        self._sending = False
        self._reply.clear()
        self._say(fill(self.tr("Reply sent: %1"), sent.sent.subject))
        self.reply_sent.emit(sent)
        self.refresh()

    def _not_sent(self, exc: BaseException) -> None:
        self._sending = False
        self._enable()
        if isinstance(exc, ReplyNotSent):
            log.warning("a reply was not sent: %s", exc)
            self._say(
                self.tr("The reply was not sent: the mail server could not be reached or refused it.")
                + " "
                + self.tr("Your text is kept; try again.")
            )
        elif isinstance(exc, ValueError):
            self._say(self.tr("The reply is empty or too long."))
        else:
            log.error("a reply failed: %s", type(exc).__name__)
            self._say(
                self.tr(
                    "The reply may have been sent but could not be logged. Check the timeline before sending again."
                )
            )

    # -- an unknown sender -------------------------------------------------------------------------

    @Slot()
    def link_sender(self) -> LinkSenderDialog | None:
        thread = self.current
        answer = thread.answer if thread is not None else None
        if thread is None or answer is None or thread.customer_id is not None:
            return None
        dialog = LinkSenderDialog(self._services, self._member, answer.from_addr, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._link_chosen, dialog, answer.id))
        dialog.open()
        dialog.search()
        return dialog

    def _link_chosen(self, dialog: LinkSenderDialog, email_id: int) -> None:
        customer_id = dialog.customer_id
        if customer_id is None:
            return
        job = partial(self._services.email_threads.link_sender, email_id, customer_id, actor=self._actor)
        self._bg.write(job, owner=self).success(lambda _c: self._linked(customer_id)).failure(self._link_failed)

    def _linked(self, customer_id: int) -> None:
        self._say(self.tr("The conversation is now the customer's."))
        self.linked.emit(customer_id)
        if self._open_customer is not None:
            self._open_customer(customer_id)
        self.refresh()

    def _link_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValueError):
            self._say(self.tr("The conversation is already linked to another customer."))
        else:
            log.error("linking a sender failed: %s", type(exc).__name__)
            self._say(self.tr("The link could not be saved just now. Try again."))

    # -- state and texts -----------------------------------------------------------------------

    def _changes(self, changes: Changes) -> None:
        thread = self.current
        customer = thread.customer_id if thread is not None else None
        if customer is not None and changes.touches_customer(customer) and not self._sending:
            self.refresh()

    def _enable(self) -> None:
        thread = self.current
        has_answer = thread is not None and thread.answer is not None
        can_send = has_answer and self._can_reply and not self._sending
        self.send_button.setEnabled(can_send)
        self._reply.setEnabled(has_answer)
        row: QListWidgetItem | None = self.attachments.currentItem()
        self.open_button.setEnabled(row is not None and bool(row.flags() & Qt.ItemFlag.ItemIsEnabled))
        self.link_button.setVisible(thread is not None and thread.customer_id is None)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def stop(self) -> None:
        """At exit: the temporary attachment files go."""
        self._folder.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("E-mail"))
        thread = self.current
        if thread is None:
            self.header.setText(self.tr("Open an e-mail from the inbox (Next, or a double-click)."))
        else:
            answer = thread.answer
            who = thread.customer_name or (answer.sender if answer is not None else "")
            if thread.customer_id is None:
                who = fill(self.tr("Unknown sender: %1"), answer.sender if answer is not None else "")
            self.header.setText(f"{thread.subject}\n{who}")
        self.link_button.setText(self.tr("&Link to customer…"))
        self.messages.setAccessibleName(self.tr("Messages of the conversation"))
        self.body_view.setAccessibleName(self.tr("The message"))
        self.safety_note.setText(self.tr("Shown as text: the sender's formatting, pictures and links are not loaded."))
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.open_button.setText(self.tr("&Open"))
        self.reply_label.setText(self.tr("&Reply"))
        self._reply.setAccessibleName(self.tr("Reply"))
        self._reply.setPlaceholderText(self.tr("Write the reply; Ctrl+Return sends it."))
        self.send_button.setText(self.tr("&Send reply"))
