"""Link an unknown sender's conversation to a customer: search (name, henkilötunnus, phone, e-mail)
and pick one. The search runs on the background helper and is audited like the desk's search box;
the dialog's result is the picked customer's id (:attr:`LinkSenderDialog.customer_id`)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.search.customer_search import SearchPage
from agentdesk.staff import StaffMember
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.search_results_model import format_date, hit_name
from agentdesk_desktop.services import DeskServices

_ID = Qt.ItemDataRole.UserRole


class LinkSenderDialog(QDialog):
    def __init__(self, services: DeskServices, staff: StaffMember, sender: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkSenderDialog")
        self._services, self._staff = services, staff  # the search applies their restricted-record rule
        self.customer_id: int | None = None
        self.setWindowTitle(self.tr("Link the sender to a customer"))
        self.explanation = QLabel(fill(self.tr("Who is %1? Search and pick the customer."), sender), self)
        self.explanation.setWordWrap(True)
        self.query = QLineEdit(self)
        self.query.setObjectName("linkSenderQuery")
        self.query.setAccessibleName(self.tr("Search for the customer"))
        self.query.setPlaceholderText(self.tr("Name, henkilötunnus, phone or e-mail"))
        self.query.setText(sender)
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.clicked.connect(self.search)
        self.results = QListWidget(self)
        self.results.setObjectName("linkSenderResults")
        self.results.setAccessibleName(self.tr("Customers found"))
        self.results.currentItemChanged.connect(self._picked)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.message = QLabel(self)
        self.message.setObjectName("linkSenderMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.addButton(self.tr("&Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, 360)

    @Slot()
    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.message.setText(self.tr("Type something to search for."))
            return
        self.message.setText(self.tr("Searching…"))
        s = self._services
        job = partial(s.search_as, self._staff, text, limit=20)
        s.background.read(job, owner=self).success(self._show).failure(self._failed)

    def _show(self, page: SearchPage) -> None:
        self.results.clear()
        for hit in page.hits:
            born = format_date(hit.birth_date) if hit.birth_date else ""
            place = hit.municipality or ""
            details = ", ".join(x for x in (born, place) if x)
            name = hit_name(hit)
            item = QListWidgetItem(f"{name} ({details})" if details else name)
            item.setData(_ID, hit.customer_id)
            if hit.restricted:  # not theirs to open, so not theirs to link mail to
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.results.addItem(item)
        self.message.setText(self.tr("No customer found; try a name or a henkilötunnus.") if not page.hits else "")
        if page.hits:
            self.results.setCurrentRow(0)

    def _failed(self, _exc: BaseException) -> None:
        self.message.setText(self.tr("The search could not be made just now. Try again."))

    @Slot()
    def _picked(self) -> None:
        item: QListWidgetItem | None = self.results.currentItem()
        usable = item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
        self.customer_id = int(item.data(_ID)) if item is not None and usable else None
        self.link_button.setEnabled(self.customer_id is not None)
