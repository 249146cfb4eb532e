"""A citizen's self-service update, decided at the desk: what the register says now beside what the
citizen sent, the checks' flags, and Accept (into the register, lineage "self-service") or Reject with
a reason.

::

    dialog = SelfServiceDialog(services.self_service, services.background, update_id,
                               actor=user.username, sees_protected=..., parent=window)
    dialog.show()

The update is read (an audited view) and decided on the background writer; the dialog only shows what
comes back. The decision's changes are published by the writer once (the customer's tab and the inbox
refresh). A
refusal — no reason, an update someone else decided meanwhile, a protected address — is said in the
dialog, and the reason typed stays.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.citizen.update_form import SelfServiceInvalid
from agentdesk.citizen.updates import (
    REASON_MAX,
    AddressProtected,
    AlreadyDecided,
    NoCustomer,
    SelfServiceUpdates,
    UpdateView,
)
from agentdesk.storage.kinds import SelfServiceState
from agentdesk_desktop.background import Background
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.widgets.labels import format_moment

FIELD, NOW, PROPOSED = range(3)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class SelfServiceDialog(QDialog):
    shown = Signal()  # the update is on screen
    decided = Signal(str)  # "accepted" | "rejected"

    def __init__(
        self,
        updates: SelfServiceUpdates,
        background: Background,
        update_id: int,
        *,
        actor: str,
        sees_protected: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("selfServiceDialog")
        self._updates, self._bg = updates, background
        self._id, self._actor, self._sees_protected = update_id, actor, sees_protected
        self.view: UpdateView | None = None
        self.resize(640, 460)
        self.heading = QLabel(self)
        self.heading.setObjectName("selfServiceHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.flags = QLabel(self)
        self.flags.setObjectName("selfServiceFlags")
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("QLabel#selfServiceFlags { color: #8a4b00; }")
        self.flags.hide()
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("selfServiceFields")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reason_label = QLabel(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("selfServiceReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        self.reason_label.setBuddy(self.reason)
        self.message = QLabel(self)
        self.message.setObjectName("selfServiceMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel#selfServiceMessage { color: #b3261e; }")
        self.message.hide()
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("selfServiceAccept")
        self.accept_button.clicked.connect(self.accept_update)
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("selfServiceReject")
        self.reject_button.clicked.connect(self.reject_update)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        for b in (self.accept_button, self.reject_button):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.flags)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._retranslate()
        self.heading.setText(self.tr("Loading…"))
        self._load()

    # --- reading ---------------------------------------------------------------------------------

    def _load(self) -> None:
        op = self._bg.write(self._read, owner=self)  # an audited view: the writer
        op.success(self._show).failure(self._failed)

    def _read(self) -> UpdateView:
        return self._updates.view(self._id, actor=self._actor, sees_protected=self._sees_protected)

    def _show(self, view: UpdateView) -> None:
        self.view = view
        self._fill()
        undecided = view.state is SelfServiceState.NEW
        self._busy(False)
        self.reason.setEnabled(undecided)
        if not undecided:
            self._say(self._decided_text(view.state, view.decided_by))
            if view.reason:
                self.reason.setPlainText(view.reason)
        self.shown.emit()

    def _fill(self) -> None:
        view = self.view
        if view is None:
            return
        customer = view.customer_name or self.tr("no customer in the register matched")
        self.heading.setText(
            fill(
                self.tr("%1 · %2 · received %3 · %4"),
                view.reference,
                kind_label(view.kind),
                format_moment(view.received_at),
                customer,
            )
        )
        texts = [flag_text(f) for f in view.flags]
        self.flags.setText("\n".join(f"⚠ {t}" for t in texts))
        self.flags.setVisible(bool(texts))
        hidden = "address.protected" in view.flags
        self.table.setRowCount(len(view.shown_fields))
        for row, name in enumerate(view.shown_fields):
            now = view.current.get(name, "")
            proposed = view.proposed.get(name, "")
            if hidden:
                now = proposed = self.tr("(protected address: not shown)")
            cells = (field_label(name), value_text(name, now), value_text(name, proposed))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == PROPOSED and not hidden and proposed != now:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    # --- deciding --------------------------------------------------------------------------------

    @Slot()
    def accept_update(self) -> None:
        self._busy(True)
        op = self._bg.write(
            lambda: self._updates.accept(self._id, actor=self._actor, sees_protected=self._sees_protected),
            owner=self,
        )
        op.success(lambda _changes: self._done("accepted")).failure(self._refused)

    @Slot()
    def reject_update(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self._say(self.tr("Say why the update is rejected: the reason is kept with it."))
            self.reason.setFocus()
            return
        if len(reason) > REASON_MAX:
            self._say(fill(self.tr("The reason is %1 characters long; at most %2 fit."), len(reason), REASON_MAX))
            self.reason.setFocus()
            return
        self._busy(True)
        op = self._bg.write(lambda: self._updates.reject(self._id, reason, actor=self._actor), owner=self)
        op.success(lambda _changes: self._done("rejected")).failure(self._refused)

    def _done(self, decision: str) -> None:
        self.decided.emit(decision)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, AlreadyDecided):
            self.accept_button.setEnabled(False)
            self.reject_button.setEnabled(False)
            self._say(self.tr("Someone has decided this update meanwhile: it is no longer waiting."))
            self._load()
        elif isinstance(error, NoCustomer):
            self.accept_button.setEnabled(False)
            self._say(self.tr("No customer in the register matches the sender: reject the update with a reason."))
        elif isinstance(error, AddressProtected):
            self.accept_button.setEnabled(False)
            self._say(self.tr("The person has a protected address: a steward decides this update."))
        elif isinstance(error, SelfServiceInvalid):
            self._say(" ".join(message for _code, message in error.problems.values()))
        else:
            self._say(fill(self.tr("The decision could not be saved: %1"), type(error).__name__))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, LookupError):
            self.heading.setText(self.tr("This self-service update is not in the database any more."))
        else:
            self.heading.setText(fill(self.tr("The update could not be read: %1"), type(error).__name__))

    def _busy(self, busy: bool) -> None:
        undecided = self.view is not None and self.view.state is SelfServiceState.NEW
        self.accept_button.setEnabled(not busy and undecided and self._may_accept())
        self.reject_button.setEnabled(not busy and undecided)

    def _may_accept(self) -> bool:
        view = self.view
        return view is not None and view.customer_id is not None and "address.protected" not in view.flags

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _decided_text(self, state: SelfServiceState, by: str) -> str:
        if state is SelfServiceState.ACCEPTED:
            return fill(self.tr("Accepted into the register by %1."), by)
        return fill(self.tr("Rejected by %1."), by)

    # --- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Self-service update"))
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("In the register now"), self.tr("Sent")])
        self.reason_label.setText(self.tr("&Reason for a rejection (kept with the update):"))
        self.accept_button.setText(self.tr("&Accept into the register"))
        self.reject_button.setText(self.tr("Re&ject"))
        self.close_button.setText(self.tr("&Close"))


def kind_label(kind: str) -> str:
    return {
        "phone": translate("SelfServiceDialog", "new phone number"),
        "email": translate("SelfServiceDialog", "new e-mail address"),
        "language": translate("SelfServiceDialog", "preferred language"),
        "address": translate("SelfServiceDialog", "address change notice"),
    }.get(kind, kind)


def field_label(name: str) -> str:
    return {
        "phone": translate("SelfServiceDialog", "Phone"),
        "email": translate("SelfServiceDialog", "E-mail"),
        "language": translate("SelfServiceDialog", "Language"),
        "street": translate("SelfServiceDialog", "Street address"),
        "postal_code": translate("SelfServiceDialog", "Postal code"),
        "municipality": translate("SelfServiceDialog", "Municipality"),
        "moved_on": translate("SelfServiceDialog", "Moving date"),
    }.get(name, name)


def value_text(name: str, value: str) -> str:
    if name == "moved_on" and value:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.day}.{day.month}.{day.year}"
    if name == "language" and value:
        return {
            "fi": translate("SelfServiceDialog", "Finnish"),
            "sv": translate("SelfServiceDialog", "Swedish"),
            "en": translate("SelfServiceDialog", "English"),
        }.get(value, value)
    return value


def flag_text(flag: str) -> str:
    return {
        "customer.no_match": translate(
            "SelfServiceDialog",
            "No customer in the register has the identity code and last name given: only a rejection is possible.",
        ),
        "phone.other_customer": translate(
            "SelfServiceDialog", "The phone number is another customer's in the register."
        ),
        "email.other_customer": translate(
            "SelfServiceDialog", "The e-mail address is another customer's in the register."
        ),
        "address.protected": translate(
            "SelfServiceDialog", "The person has a protected address: only a steward sees and decides the address."
        ),
    }.get(flag, flag)
