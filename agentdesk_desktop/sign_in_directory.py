"""Sign-in with the city's directory account: username and password, bound off the UI thread.

The dialog runs ``check(username, password)`` on the background helper's read pool (the keyring,
the network: it never holds up the database writer) and then ``admit(account)`` on its writer (the
staff user's row brought up to date, the sign-in audited); it ends with :attr:`chosen`, the
:class:`agentdesk.staff.StaffMember`. Each refusal has its own message; the username is kept, the
password is cleared only after a wrong password (a locked or expired account, or a directory that
does not answer, leaves it for another try).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from agentdesk.directory.client import DirectoryAccount, DirectoryError, SignInProblem
from agentdesk.staff import StaffMember
from agentdesk_desktop.background import Background

log = logging.getLogger(__name__)

Check = Callable[[str, str], DirectoryAccount]  # raises DirectoryError
Admit = Callable[[DirectoryAccount], StaffMember]


class DirectorySignInDialog(QDialog):
    def __init__(
        self,
        check: Check,
        admit: Admit,
        background: Background,
        parent: QWidget | None = None,
        *,
        preselect: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directorySignInDialog")
        self.setMinimumWidth(420)
        self._check, self._admit, self._bg = check, admit, background
        self.chosen: StaffMember | None = None
        self.problem: SignInProblem | None = None  # of the last refusal
        self._busy = False

        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.username = QLineEdit(preselect, self)
        self.username.setObjectName("directoryUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("directoryPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.installEventFilter(self)
        self.caps_hint = QLabel(self)
        self.caps_hint.setObjectName("capsLockHint")
        self.caps_hint.hide()
        self.status = QLabel(self)
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._form = QFormLayout()
        # Labels made here: QFormLayout.addRow("", field) makes no label at all for an empty text.
        self._form.addRow(QLabel(self), self.username)
        self._form.addRow(QLabel(self), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(self._form)
        layout.addWidget(self.caps_hint)
        layout.addWidget(self.status)
        layout.addWidget(self._buttons)
        self._retranslate()
        (self.password if preselect else self.username).setFocus()

    # -- signing in ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Sign in (off the UI thread); the dialog closes once the directory said yes."""
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self._show(self.tr("Type your username."), self.username)
            return
        if not password:
            self._show(self.tr("Type your password."), self.password)
            return
        self._set_busy(True)
        self.status.setText(self.tr("Signing in…"))
        job = partial(self._check, username, password)
        self._bg.read(job, owner=self).success(self._accepted).failure(self._refused)

    def _accepted(self, account: DirectoryAccount) -> None:
        self._bg.write(partial(self._admit, account), owner=self).success(self._signed_in).failure(self._not_admitted)

    def _not_admitted(self, exc: BaseException) -> None:
        """The directory said yes but the database could not take the sign-in: say so, keep everything typed."""
        log.error("the directory sign-in could not be recorded: %s", type(exc).__name__)
        self._set_busy(False)
        self.problem = None
        self._show(
            self.tr("Signed in, but the database could not be reached. Check the network connection and try again."),
            self.password,
        )

    def _signed_in(self, member: StaffMember) -> None:
        self._set_busy(False)
        self.chosen = member
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.problem = exc.problem if isinstance(exc, DirectoryError) else SignInProblem.UNREACHABLE
        if self.problem is SignInProblem.WRONG_PASSWORD:
            self.password.clear()
            self._show(self.problem_text(self.problem), self.password)
        else:
            self._show(self.problem_text(self.problem), self.username)

    def problem_text(self, problem: SignInProblem) -> str:
        texts = {
            SignInProblem.WRONG_PASSWORD: self.tr("Wrong username or password. Check them and try again."),
            SignInProblem.LOCKED: self.tr(
                "Your account is locked after too many wrong passwords, or by IT. Wait a while or call IT support."
            ),
            SignInProblem.PASSWORD_EXPIRED: self.tr(
                "Your password has expired. Change it in the city's password service, then sign in again."
            ),
            SignInProblem.ACCOUNT_EXPIRED: self.tr("Your account has expired. Ask your supervisor or IT support."),
            SignInProblem.UNREACHABLE: self.tr(
                "The city's directory does not answer. Check the network connection and try again; "
                "if it continues, call IT support."
            ),
            SignInProblem.NOT_MAPPED: self.tr(
                "You signed in, but your account is in no group that gives a role in AgentDesk. "
                "Ask your supervisor to have you added to your team's group."
            ),
            SignInProblem.SERVICE_ACCOUNT: self.tr(
                "AgentDesk cannot search the directory on this workstation (its service account was refused "
                "or has no password here). Call IT support."
            ),
        }
        return texts[problem]

    def _show(self, text: str, focus: QLineEdit) -> None:
        self.status.setText(text)
        focus.setFocus()
        focus.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username, self.password):
            widget.setReadOnly(busy)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    # -- Caps Lock -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt tells nothing of Caps Lock itself: a letter typed in the other case than Shift gives shows it."""
        if watched is self.password and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.note_key(event.text(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        return super().eventFilter(watched, event)

    def note_key(self, text: str, shift: bool) -> None:
        if len(text) == 1 and text.isalpha() and text.upper() != text.lower():
            self.caps_hint.setVisible(text.isupper() != shift)

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @Slot()
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to AgentDesk"))
        self._intro.setText(self.tr("Sign in with your city account (the one you use for your workstation)."))
        label = self._form.labelForField(self.username)
        if isinstance(label, QLabel):
            label.setText(self.tr("Username"))
        label = self._form.labelForField(self.password)
        if isinstance(label, QLabel):
            label.setText(self.tr("Password"))
        self.caps_hint.setText(self.tr("Caps Lock is on."))
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        if self.problem is not None and not self._busy:
            self.status.setText(self.problem_text(self.problem))
