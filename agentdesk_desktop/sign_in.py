"""How staff sign in (:class:`SignInSetup`), and the demo's chooser of staff users.

With a ``[directory]`` in the department profile staff sign in with their city account
(:class:`agentdesk_desktop.sign_in_directory.DirectorySignInDialog`). The chooser — pick who you
are, no password — exists only in demo mode (``agentdesk demo``) and says so; it reads
``StaffDirectory.list_active()`` off the UI thread and returns the chosen :class:`agentdesk.staff.StaffMember`.
Outside demo mode, without a directory, the desk explains how IT configures one instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.directory.settings import DirectorySettings
from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole
from agentdesk_desktop.background import Background
from agentdesk_desktop.widgets.department_label import department_label

translate = QCoreApplication.translate

ListStaff = Callable[[], list[StaffMember]]  # e.g. StaffDirectory(db).list_active


@dataclass(frozen=True)
class SignInSetup:
    """How this desk signs staff in: with the directory if there is one, else the chooser in demo mode only."""

    directory: DirectorySettings | None = None
    demo: bool = False


DEMO_SIGN_IN = SignInSetup(demo=True)


def role_text(role: StaffRole) -> str:
    texts = {
        StaffRole.AGENT: translate("Roles", "Customer service agent"),
        StaffRole.SUPERVISOR: translate("Roles", "Supervisor"),
        StaffRole.STEWARD: translate("Roles", "Data steward"),
        StaffRole.ADMIN: translate("Roles", "Administrator"),
        StaffRole.DPO: translate("Roles", "Data protection officer"),
    }
    return texts.get(role, str(role.value))


class SignInDialog(QDialog):
    staff_loaded = Signal(int)  # how many users the list shows

    def __init__(
        self, list_staff: ListStaff, background: Background, parent: QWidget | None = None, *, preselect: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setMinimumSize(560, 420)
        self._list_staff, self._bg = list_staff, background
        self._preselect = preselect
        self.staff: list[StaffMember] = []
        self.chosen: StaffMember | None = None
        self._failed = False

        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._filter = QLineEdit(self)
        self._filter.setObjectName("staffFilter")
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._apply_filter)
        self._list = QTreeWidget(self)
        self._list.setObjectName("staffList")
        self._list.setRootIsDecorated(False)
        self._list.setColumnCount(3)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._list.itemDoubleClicked.connect(lambda *_: self.accept())
        self._list.currentItemChanged.connect(self._update_button)
        self._status = QLabel(self)
        self._status.setObjectName("signInStatus")
        self._status.setWordWrap(True)
        self._retry = QPushButton(self)
        self._retry.clicked.connect(self.load)
        self._retry.hide()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.addButton(self._retry, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._filter)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._status)
        layout.addWidget(self._buttons)
        self._retranslate()
        self._update_button()
        self.load()

    # -- loading -------------------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        self._failed = False
        self._retry.hide()
        self._status.setText(self.tr("Loading staff users…"))
        self._bg.read(self._list_staff).on_success(self._loaded).on_failure(self._load_failed)

    def _loaded(self, staff: list[StaffMember]) -> None:
        self.staff = list(staff)
        self._list.clear()
        for member in self.staff:
            department = department_label(member.department_code or "", member.department_name or "")
            item = QTreeWidgetItem([member.display_name, role_text(member.role), department])
            item.setData(0, Qt.ItemDataRole.UserRole, member.username)
            item.setToolTip(0, member.username)
            self._list.addTopLevelItem(item)
            if member.username == self._preselect:
                self._list.setCurrentItem(item)
        first = next(self._items(), None)
        if self._list.currentItem() is None and first is not None:
            self._list.setCurrentItem(first)
        self._status.setText(
            ""
            if self.staff
            else self.tr("There are no active staff users in this database. Ask an administrator to add you.")
        )
        self._update_button()
        self._list.setFocus()
        self.staff_loaded.emit(len(self.staff))

    def _load_failed(self, exc: BaseException) -> None:
        self._failed = True
        self._status.setText(
            self.tr("The staff list could not be loaded. Check the database connection and try again.")
        )
        self._retry.show()
        self.staff_loaded.emit(0)

    # -- choosing ------------------------------------------------------------------------------

    def _items(self) -> Iterator[QTreeWidgetItem]:
        """The rows of the staff list, top to bottom."""
        for i in range(self._list.topLevelItemCount()):
            item = self._list.topLevelItem(i)
            if item is not None:  # always, for an index below the count
                yield item

    def choose(self, username: str) -> bool:
        """Select a user by username (command line ``--user``); False if there is none."""
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == username:
                self._list.setCurrentItem(item)
                return True
        return False

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for item in self._items():
            haystack = " ".join(item.text(c) for c in range(3)).casefold()
            item.setHidden(not all(w in haystack for w in words))

    def _update_button(self, *_args: object) -> None:
        item = self._list.currentItem()
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(item is not None and not item.isHidden())

    def accept(self) -> None:
        item = self._list.currentItem()
        if item is None or item.isHidden():
            return
        username = item.data(0, Qt.ItemDataRole.UserRole)
        self.chosen = next(m for m in self.staff if m.username == username)
        super().accept()

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to AgentDesk"))
        self._intro.setText(
            self.tr("Demo — no password. Choose the staff user you want to try the desk as (demo mode only).")
        )
        self._filter.setPlaceholderText(self.tr("Filter by name, role or department"))
        self._list.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Department")])
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self._retry.setText(self.tr("Try again"))
        for item in self._items():
            member = next((m for m in self.staff if m.username == item.data(0, Qt.ItemDataRole.UserRole)), None)
            if member is not None:
                item.setText(1, role_text(member.role))
