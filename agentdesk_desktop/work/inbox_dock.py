"""One work inbox for the agent, a dock of the main window: what they hold, and what waits for them in
every queue they work (phone, e-mail, walk-in, web) in the order Next takes it.

- **Next** claims the item the routing picks (:meth:`agentdesk.queues.inbox.Inbox.next`: priority,
  age, the agent's skills) and, when the item names a customer, opens their tab — the agent asked.
  A double-click on an item opens it the same way (``opened``; an e-mail's conversation opens in
  the e-mail dock, :mod:`agentdesk_desktop.mail.thread_dock`).
- **Transfer…** hands the selected held item to another queue or agent with a note
  (:class:`~agentdesk_desktop.work.transfer_dialog.TransferDialog`).
- **Finish** with a wrap-up code (the profile's ``[work] wrap_up_codes``) completes it.

All database work runs on the background helper; the list re-reads after each of the agent's own
changes (the change bus) and every 15 s while the dock is shown (others' work), a read skipped while
one runs. A refusal or a lost item is said in the dock's message line.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.changes import Changes
from agentdesk.queues import LeaseLost, QueueInfo, WorkItemView
from agentdesk.queues.inbox import Inbox, InboxChange, InboxItem, InboxRefused, InboxView, Refusal
from agentdesk.staff import StaffMember
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.services import DeskServices
from agentdesk_desktop.widgets.compact_tree import CompactTree
from agentdesk_desktop.widgets.labels import channel_label, format_moment
from agentdesk_desktop.widgets.panel_parts import clock_text
from agentdesk_desktop.work.due_cases import DueCases, agent_deadlines
from agentdesk_desktop.work.transfer_dialog import TransferChoice, TransferDialog

log = logging.getLogger(__name__)

REFRESH_MS = 15_000
Targets = tuple[Sequence[QueueInfo], Sequence[StaffMember]]  # where an item can be transferred
_ITEM = Qt.ItemDataRole.UserRole


class InboxDock(QDockWidget):
    claimed = Signal(object)  # WorkItemView: Next gave the agent this item
    finished = Signal(object)  # WorkItemView: wrapped up
    transferred = Signal(object)  # WorkItemView: handed on
    opened = Signal(object)  # WorkItemView: double-clicked (its customer's tab opens; an e-mail's thread)

    def __init__(
        self,
        services: DeskServices,
        staff_id: int,
        *,
        open_customer: Callable[[int], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inboxDock")
        self._services, self._staff, self._open_customer = services, staff_id, open_customer
        self._bg = services.background
        self.view: InboxView | None = None
        self._reading = False
        self._earlier: TransferChoice | None = None  # a refused transfer's choices, offered again

        body = QWidget(self)
        self.items = CompactTree(4, body)  # a few rows: the overview above keeps its room
        self.items.setObjectName("inboxItems")
        self.items.setRootIsDecorated(False)
        self.items.setColumnCount(6)
        self.items.setUniformRowHeights(True)
        self.items.currentItemChanged.connect(self._selection_changed)
        self.items.itemDoubleClicked.connect(self._double_clicked)
        self.next_button = QPushButton(body)
        self.next_button.setObjectName("inboxNext")
        self.next_button.clicked.connect(self.take_next)
        self.transfer_button = QPushButton(body)
        self.transfer_button.setObjectName("inboxTransfer")
        self.transfer_button.clicked.connect(self._transfer_clicked)
        self.codes = QComboBox(body)
        self.codes.setObjectName("wrapUpCode")
        for code in services.work_settings.wrap_up_codes:
            self.codes.addItem(code, code)
        self.finish_button = QPushButton(body)
        self.finish_button.setObjectName("inboxFinish")
        self.finish_button.clicked.connect(self.finish_selected)
        self.message = QLabel(body)
        self.message.setObjectName("inboxMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.transfer_button)
        buttons.addStretch(1)
        buttons.addWidget(self.codes)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(body)
        layout.addLayout(buttons)
        layout.addWidget(self.items, 1)
        self.due = DueCases(body)  # the agent's and their queues' cases overdue or due soon
        self.due.case_requested.connect(self._case_requested)
        self.open_case: Callable[[int], object] | None = None  # the case dialog (the desk sets it)
        layout.addWidget(self.due)
        layout.addWidget(self.message)
        self.setWidget(body)

        services.changes.changed.connect(self._changes)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._retranslate()
        self._selection_changed()

    # -- reading ---------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        if self._reading or (not self.isVisible() and self.view is not None):
            return
        self._reading = True
        self._bg.read(self._services.inbox.view, self._staff, owner=self).success(self._show).failure(self._read_failed)
        self.refresh_due()

    def refresh_due(self) -> None:
        job = partial(agent_deadlines, self._services, self._staff)
        self._bg.read(job, owner=self).success(self.due.show_deadlines).failure(self._read_failed)

    def _case_requested(self, case_id: int, customer_id: int) -> None:
        if customer_id and self._open_customer is not None:
            self._open_customer(customer_id)
        if self.open_case is not None:
            self.open_case(case_id)

    def _changes(self, changes: Changes) -> None:
        if changes.queues:
            self.refresh()
        elif changes.cases:
            self.refresh_due()

    def _show(self, view: InboxView) -> None:
        self._reading = False
        self.view = view
        selected = self.selected_item()
        keep = selected.id if selected is not None else None
        self.items.clear()
        now = dt.datetime.now(dt.UTC)
        for entry in view.held:
            self._add_row(entry, now, mine=True)
        for entry in view.waiting:
            self._add_row(entry, now, mine=False)
        for i in range(self.items.topLevelItemCount()):
            row = self.items.topLevelItem(i)
            if row is not None and keep is not None and row.data(0, _ITEM).id == keep:
                self.items.setCurrentItem(row)
        self._retranslate()
        self._selection_changed()

    def _add_row(self, entry: InboxItem, now: dt.datetime, *, mine: bool) -> None:
        item = entry.item
        row = QTreeWidgetItem(
            [
                self.tr("Yours") if mine else self.tr("Waiting"),
                channel_label(item.channel),
                entry.queue_name,
                item.subject or item.external_ref,
                clock_text(item.waited_seconds(now)),
                format_moment(item.due_at),
            ]
        )
        row.setData(0, _ITEM, item)
        row.setData(0, Qt.ItemDataRole.UserRole + 1, mine)
        if entry.note:
            row.setToolTip(3, entry.note)
            row.setText(3, f"{row.text(3)} — {entry.note}")
        if mine:
            font = row.font(0)
            font.setBold(True)
            for column in range(self.items.columnCount()):
                row.setFont(column, font)
        self.items.addTopLevelItem(row)

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        log.error("the inbox could not be read: %s", type(exc).__name__)
        self._say(self.tr("The inbox could not be read just now; it tries again shortly."))

    # -- the agent's actions ---------------------------------------------------------------------

    def selected_item(self) -> WorkItemView | None:
        row = self.items.currentItem()
        item = row.data(0, _ITEM) if row is not None else None
        return item if isinstance(item, WorkItemView) else None

    def _selected_is_mine(self) -> bool:
        row = self.items.currentItem()
        return bool(row is not None and row.data(0, Qt.ItemDataRole.UserRole + 1))

    @Slot()
    def _selection_changed(self) -> None:
        mine = self._selected_is_mine()
        self.transfer_button.setEnabled(mine)
        self.finish_button.setEnabled(mine)
        self.codes.setEnabled(mine)

    def _double_clicked(self, row: QTreeWidgetItem, _column: int) -> None:
        item = row.data(0, _ITEM)
        if not isinstance(item, WorkItemView):
            return
        if item.customer_id is not None and self._open_customer is not None:
            self._open_customer(item.customer_id)
        self.opened.emit(item)

    @Slot()
    def take_next(self) -> None:
        self.next_button.setEnabled(False)
        self._bg.write(self._services.inbox.next, self._staff, owner=self).success(self._took).failure(self._refused)

    def _took(self, taken: InboxChange | None) -> None:
        self.next_button.setEnabled(True)
        if taken is None:
            self._say(self.tr("Nothing waits for you in your queues."))
            return
        item = taken.item
        self._say(fill(self.tr("You took: %1"), item.subject or item.external_ref or channel_label(item.channel)))
        self.claimed.emit(item)
        if item.customer_id is not None and self._open_customer is not None:
            self._open_customer(item.customer_id)

    @Slot()
    def _transfer_clicked(self) -> None:
        self.transfer_selected()

    def transfer_selected(self, problem: str = "") -> None:
        item = self.selected_item()
        if item is None or not self._selected_is_mine():
            return
        self._bg.read(_transfer_targets, self._services, owner=self).success(
            partial(self._ask_transfer, item, problem=problem)
        ).failure(self._refused)

    def _ask_transfer(self, item: WorkItemView, targets: Targets, *, problem: str) -> None:
        queues, agents = targets
        dialog = TransferDialog(
            queues,
            agents,
            current_queue=item.queue_id,
            me=self._staff,
            earlier=self._earlier,
            problem=problem,
            parent=self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._dialog_done, item, dialog))
        dialog.open()

    def _dialog_done(self, item: WorkItemView, dialog: TransferDialog) -> None:
        choice = dialog.choice
        if choice is None:
            return
        self._earlier = choice
        self._bg.write(_transfer, self._services.inbox, item.id, self._staff, choice, owner=self).success(
            self._transferred
        ).failure(self._transfer_refused)

    def _transferred(self, done: InboxChange) -> None:
        self._earlier = None
        self._say(self.tr("Transferred."))
        self.transferred.emit(done.item)

    def _transfer_refused(self, exc: BaseException) -> None:
        text = self._refusal_text(exc)
        if isinstance(exc, InboxRefused):
            self.transfer_selected(text)  # the same choices and note again, with the reason
        else:
            self._earlier = None
            self._say(text)

    @Slot()
    def finish_selected(self) -> None:
        item, code = self.selected_item(), self.codes.currentData()
        if item is None or not self._selected_is_mine() or not code:
            return
        self._bg.write(self._services.inbox.wrap_up, item.id, self._staff, code, owner=self).success(
            self._finished
        ).failure(self._refused)

    def _finished(self, done: InboxChange) -> None:
        self._say(fill(self.tr("Finished: %1"), wrap_up_name(done.item.wrap_up_code)))
        self.finished.emit(done.item)

    def _refused(self, exc: BaseException) -> None:
        self.next_button.setEnabled(True)
        self._say(self._refusal_text(exc))
        self.refresh()

    def _refusal_text(self, exc: BaseException) -> str:
        if isinstance(exc, LeaseLost):
            return self.tr("The item is no longer yours: it went back to its queue or was taken by someone else.")
        if isinstance(exc, InboxRefused):
            return {
                Refusal.NO_TARGET: self.tr("Choose a queue or an agent to transfer to."),
                Refusal.SAME_QUEUE: self.tr("The item is in that queue already; choose another queue or an agent."),
                Refusal.UNKNOWN_QUEUE: self.tr("That queue is closed; choose another."),
                Refusal.UNKNOWN_AGENT: self.tr("That agent is no longer active; choose another."),
                Refusal.NOTE_TOO_LONG: self.tr("The note is too long."),
                Refusal.UNKNOWN_CODE: self.tr("That wrap-up code is not in use any more."),
            }[exc.reason]
        log.error("an inbox action failed: %s", type(exc).__name__)
        return self.tr("The database could not be reached; nothing was changed. Try again.")

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- texts -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        total = self.view.waiting_total if self.view is not None else 0
        self.setWindowTitle(fill(self.tr("Inbox (%1 waiting)"), total) if self.view else self.tr("Inbox"))
        self.items.setHeaderLabels(
            [
                self.tr("State"),
                self.tr("Channel"),
                self.tr("Queue"),
                self.tr("Subject"),
                self.tr("Waited"),
                self.tr("Due"),
            ]
        )
        self.items.setAccessibleName(self.tr("Work items"))
        self.next_button.setText(self.tr("&Next"))
        self.next_button.setToolTip(self.tr("Take the next item the routing picks for you"))
        self.transfer_button.setText(self.tr("&Transfer…"))
        self.finish_button.setText(self.tr("&Finish"))
        self.codes.setAccessibleName(self.tr("Wrap-up code"))
        for i in range(self.codes.count()):
            self.codes.setItemText(i, wrap_up_name(self.codes.itemData(i)))


def _transfer(inbox: Inbox, item_id: int, staff_id: int, choice: TransferChoice) -> InboxChange:
    """The transfer (a background write)."""
    return inbox.transfer(
        item_id, staff_id, to_queue_id=choice.to_queue_id, to_staff_id=choice.to_staff_id, note=choice.note
    )


def _transfer_targets(services: DeskServices) -> Targets:
    """The open queues and the active agents (a background read)."""
    return services.queues.list(), services.staff.list_active()


def wrap_up_name(code: str) -> str:
    """A wrap-up code in the agent's language (the desk's own codes), else as the profile writes it."""
    from PySide6.QtCore import QCoreApplication

    names = {
        "resolved": QCoreApplication.translate("WrapUp", "Resolved"),
        "advice_given": QCoreApplication.translate("WrapUp", "Advice given"),
        "callback": QCoreApplication.translate("WrapUp", "Callback agreed"),
        "forwarded": QCoreApplication.translate("WrapUp", "Forwarded"),
        "no_action": QCoreApplication.translate("WrapUp", "No action needed"),
    }
    return names.get(code, code)
