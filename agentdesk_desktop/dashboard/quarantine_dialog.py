"""Quarantined e-mail, for a supervisor: what could not be taken in, and a Retry.

A non-modal dialog over the dashboard. The list is read, and a retry runs, off the UI thread
(:class:`agentdesk_desktop.background.Background`); it shows when, mailbox, reason and the sender's domain only —
no name, address, subject or body.

::

    quarantine = MailQuarantine(db)
    QuarantineDialog(quarantine.list, quarantine.retry, background, parent=dashboard).show()
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.channels.email_quarantine import QuarantinedMailView, RetryOutcome
from agentdesk.queues import HELSINKI
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.i18n import fill

log = logging.getLogger(__name__)

WHEN, MAILBOX, REASON, SENDER = range(4)
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: the default parent of the model's methods

ListFn = Callable[[], Sequence[QuarantinedMailView]]  # MailQuarantine.list; runs on a background thread
RetryFn = Callable[[int], RetryOutcome]  # MailQuarantine.retry; runs on the background writer


def _when(value: dt.datetime) -> str:
    local = value.astimezone(HELSINKI)
    return f"{local.day}.{local.month}.{local.year} {local:%H:%M}"


class QuarantineModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[QuarantinedMailView, ...] = ()

    def set_rows(self, rows: Sequence[QuarantinedMailView]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row(self, index: int) -> QuarantinedMailView:
        return self._rows[index]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def reason_text(self, reason: str) -> str:
        return {
            "parse_failed": self.tr("The message could not be read"),
            "data_refused": self.tr("The database refused its text"),
            "database_refused": self.tr("The database refused it"),
            "intake_error": self.tr("An error in AgentDesk"),
        }.get(reason, reason)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(
                self.tr("Message %1, UID %2, AgentDesk %3, %4 attempts"),
                row.message,
                row.uid,
                row.app_version,
                row.attempts,
            )
        if column == WHEN:
            return _when(row.quarantined_at)
        if column == MAILBOX:
            return row.mailbox
        if column == REASON:
            return self.reason_text(row.reason)
        if column == SENDER:
            return row.sender_domain or self.tr("unknown")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Quarantined"), self.tr("Mailbox"), self.tr("Reason"), self.tr("Sender's domain"))
        return names[section] if 0 <= section < len(names) else None


class QuarantineDialog(QDialog):
    def __init__(
        self, list_fn: ListFn, retry_fn: RetryFn, background: Background, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quarantineDialog")
        self._list_fn, self._retry_fn, self._bg = list_fn, retry_fn, background
        self._latest = LatestOnly()
        self.loading = False
        self.retrying = False
        self._note = ""  # what the last retry did, shown with the list read after it

        self.status = QLabel(self)
        self.status.setObjectName("quarantineStatus")
        self.status.setWordWrap(True)
        self.model = QuarantineModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("quarantineTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("quarantineRetry")
        self.retry_button.clicked.connect(self.retry_selected)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 400)
        self._retranslate()
        self._update_buttons()
        self.load()

    @Slot()
    def load(self) -> None:
        self.loading = True
        self.status.setText(self.tr("Loading…"))
        self._bg.read(self._list_fn, token=self._latest.next(), owner=self).on_success(self._loaded).on_failure(
            self._load_failed
        )

    def _loaded(self, rows: Sequence[QuarantinedMailView]) -> None:
        self.loading = False
        self.model.set_rows(rows)
        if rows:
            text = fill(
                self.tr("%1 messages could not be taken in. They are kept here; Retry takes one in again."), len(rows)
            )
        else:
            text = self.tr("No quarantined e-mail.")
        self.status.setText(f"{self._note} {text}" if self._note else text)
        self._note = ""
        self._update_buttons()

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        log.error("the quarantined mail could not be read (%s)", type(exc).__name__)
        self.status.setText(self.tr("The quarantined e-mail could not be read; close and open this again."))
        self._update_buttons()

    def selected(self) -> QuarantinedMailView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    @Slot()
    def retry_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or self.retrying:
            return
        self.retrying = True
        self._update_buttons()
        self.status.setText(self.tr("Retrying…"))
        self._bg.write(self._retry_fn, chosen.id, owner=self).on_success(self._retried).on_failure(self._retry_failed)

    def _retried(self, outcome: RetryOutcome) -> None:
        self.retrying = False
        if outcome.taken_in:
            text = self.tr("The message was taken in.")
        else:
            text = fill(
                self.tr("The message could not be taken in: %1. It stays here."), self.model.reason_text(outcome.reason)
            )
        self._note = text
        self.load()

    def _retry_failed(self, exc: BaseException) -> None:
        self.retrying = False
        log.error("retrying quarantined mail failed (%s)", type(exc).__name__)
        self.status.setText(self.tr("The retry did not run (the database could not be reached); try again."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.retry_button.setEnabled(not self.retrying and self.selected() is not None)

    def done(self, result: int) -> None:
        self._latest.cancel()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quarantined e-mail"))
        self.retry_button.setText(self.tr("&Retry"))
