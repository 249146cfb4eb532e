"""A minimal but real customer tab: the register record, loaded off the UI thread.

This is what the desk shows in a customer tab until the customer overview widget
(``agentdesk_desktop/overview/``) replaces it through the ``customer_view_factory`` of the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.customer_overview import mask_hetu
from agentdesk.customer_register import CustomerNotFound, CustomerRecord
from agentdesk.identity import format_phone_for_display
from agentdesk.staff import StaffMember
from agentdesk.storage.models import CustomerKind, Language
from agentdesk_desktop.background import Background
from agentdesk_desktop.seams import OpenCustomer
from agentdesk_desktop.search_results_model import format_date

if TYPE_CHECKING:
    from agentdesk_desktop.services import DeskServices

GetRecord = Callable[[int], CustomerRecord]  # e.g. CustomerRegister(db).get


class CustomerSummaryView(QWidget):
    """Loading, then the record (or an error with a retry button)."""

    title_changed = Signal(str)

    def __init__(
        self, customer_id: int, get_record: GetRecord, background: Background, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerSummary")
        self.customer_id = customer_id
        self._get, self._bg = get_record, background
        self.record: CustomerRecord | None = None
        self._error: BaseException | None = None

        self._stack = QStackedWidget(self)
        self._loading = QLabel(self)
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self._loading)

        self._failure = QWidget(self)
        self._failure_text = QLabel(self._failure)
        self._failure_text.setWordWrap(True)
        self._failure_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._retry = QPushButton(self._failure)
        self._retry.clicked.connect(self.load)
        failure_layout = QVBoxLayout(self._failure)
        failure_layout.addStretch(1)
        failure_layout.addWidget(self._failure_text)
        failure_layout.addWidget(self._retry, 0, Qt.AlignmentFlag.AlignHCenter)
        failure_layout.addStretch(1)
        self._stack.addWidget(self._failure)

        self._content = QWidget(self)
        self._name = QLabel(self._content)
        self._name.setObjectName("customerName")
        font = self._name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._name.setFont(font)
        self._name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._kind = QLabel(self._content)
        self._protected = QLabel(self._content)
        self._protected.setObjectName("protectedAddressBanner")
        self._protected.setWordWrap(True)
        self._protected.setFrameShape(QFrame.Shape.StyledPanel)
        self._protected.setStyleSheet(
            "QLabel#protectedAddressBanner { background: #fff4ce; color: #4d3800;"
            " border: 1px solid #e0c060; border-radius: 4px; padding: 8px; }"
        )
        self._form = QFormLayout()
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._form.setHorizontalSpacing(16)
        self._form.setVerticalSpacing(8)
        self._fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("born", "hetu", "ytunnus", "language", "phones", "emails", "address"):
            label, value = QLabel(self._content), QLabel(self._content)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"field_{key}")
            self._fields[key] = (label, value)
            self._form.addRow(label, value)
        self._source = QLabel(self._content)
        self._source.setObjectName("summarySource")
        self._source.setEnabled(False)
        self._kind.setObjectName("customerKind")
        content_layout = QVBoxLayout(self._content)
        content_layout.setContentsMargins(24, 20, 24, 20)
        content_layout.setSpacing(4)
        content_layout.addWidget(self._name)
        content_layout.addWidget(self._kind)
        content_layout.addSpacing(12)
        content_layout.addWidget(self._protected)
        content_layout.addSpacing(4)
        content_layout.addLayout(self._form)
        content_layout.addStretch(1)
        content_layout.addWidget(self._source)
        self._stack.addWidget(self._content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._retranslate()
        self.load()

    @Slot()
    def load(self) -> None:
        self._error = None
        self._stack.setCurrentWidget(self._loading)
        self._bg.read(self._get, self.customer_id).on_success(self._loaded).on_failure(self._failed)

    def _loaded(self, record: CustomerRecord) -> None:
        self.record = record
        self._render()
        self._stack.setCurrentWidget(self._content)
        self.title_changed.emit(self.title())

    def _failed(self, exc: BaseException) -> None:
        self._error = exc
        self._render_failure()
        self._stack.setCurrentWidget(self._failure)

    def title(self) -> str:
        r = self.record
        if r is None:
            return ""
        return f"{r.first_names} {r.last_name}".strip()

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._loading.setText(self.tr("Loading customer…"))
        self._retry.setText(self.tr("Try again"))
        titles = {
            "born": self.tr("Born"),
            "hetu": self.tr("Personal identity code"),
            "ytunnus": self.tr("Business ID"),
            "language": self.tr("Language"),
            "phones": self.tr("Phone"),
            "emails": self.tr("E-mail"),
            "address": self.tr("Address"),
        }
        for key, (label, _value) in self._fields.items():
            label.setText(titles[key])
        self._source.setText(self.tr("From the customer register"))
        self._protected.setText(
            self.tr("Protected address (turvakielto): the address is not shown and must not be given out.")
        )
        if self.record is not None:
            self._render()
        if self._error is not None:
            self._render_failure()

    def _render(self) -> None:
        r = self.record
        assert r is not None
        none = "—"
        self._name.setText(self.title() or none)
        self._kind.setText(self.tr("Organisation") if r.kind is CustomerKind.ORGANISATION else self.tr("Person"))
        languages = {
            Language.FI: self.tr("Finnish"),
            Language.SV: self.tr("Swedish"),
            Language.EN: self.tr("English"),
            Language.OTHER: self.tr("Other"),
        }
        if r.address_protected:
            address = self.tr("Address protected")
        else:
            place = " ".join(p for p in (r.postal_code, r.municipality) if p)
            address = "\n".join(p for p in (r.street, place) if p) or none
        values = {
            "born": format_date(r.birth_date) or none,
            "hetu": mask_hetu(r.hetu) if r.hetu else none,
            "ytunnus": r.ytunnus or none,
            "language": languages.get(r.preferred_language, none),
            "phones": "\n".join(format_phone_for_display(p) for p in r.phones) or none,
            "emails": "\n".join(r.emails) or none,
            "address": address,
        }
        for key, (_label, value) in self._fields.items():
            value.setText(values[key])
        self._fields["ytunnus"][0].setVisible(r.kind is CustomerKind.ORGANISATION or bool(r.ytunnus))
        self._fields["ytunnus"][1].setVisible(r.kind is CustomerKind.ORGANISATION or bool(r.ytunnus))
        self._fields["hetu"][0].setVisible(r.kind is CustomerKind.PERSON)
        self._fields["hetu"][1].setVisible(r.kind is CustomerKind.PERSON)
        self._protected.setVisible(r.address_protected)

    def _render_failure(self) -> None:
        if isinstance(self._error, CustomerNotFound):
            self._failure_text.setText(self.tr("This customer is no longer in the register."))
            self._retry.hide()
        else:
            self._failure_text.setText(self.tr("The customer could not be loaded. Check the connection and try again."))
            self._retry.show()


class RegisterSummaryParts:
    """The summary as customer parts of the desk (tests, a minimal desk): tabs only, no dialogs."""

    creates_customers = False

    def __init__(self, services: DeskServices, user: StaffMember, open_customer: OpenCustomer) -> None:
        self._register, self._bg = services.register, services.background

    def customer_view(self, customer_id: int) -> CustomerSummaryView:
        return CustomerSummaryView(customer_id, self._register.get, self._bg)

    def new_customer_dialog(self, parent: QWidget) -> None:
        return None

    def window_ready(self, window: object) -> None:
        return None

    def unidentified_panel(self) -> None:
        return None
