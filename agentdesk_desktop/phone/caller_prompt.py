"""What the desk asks when the screen pop cannot name the caller.

- Unknown number (or withheld): "Unknown caller +358 40 123 4567" with *Search by the number*,
  *New customer…* and *Link to <the customer in the current tab>* — the tab current now: the
  controller updates the target when the agent switches tabs, and links the tab current at the click.
- Several customers share the number (a family landline): the candidates to choose from.

The prompt only asks; :class:`~agentdesk_desktop.phone.screen_pop_controller.ScreenPopController` acts on its
signals. It is not modal: the agent can search or type in the main window while it is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.channels.phone import CallerMatch, ScreenPopResult
from agentdesk.search.customer_search import CustomerHit
from agentdesk_desktop.i18n import fill


class CallerPrompt(QDialog):
    search_requested = Signal(str)  # the number, for the search box
    new_customer_requested = Signal(str)  # the number, for the new customer's phone field
    customer_chosen = Signal(int)  # a candidate
    link_requested = Signal()  # link to the customer of the tab current at the click (the controller reads it then)

    def __init__(self, result: ScreenPopResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerPrompt")
        self.setModal(False)
        self.pop_result = result  # not `result`: QDialog.result() is Qt's
        self._link_target: tuple[int, str] | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("callerHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QLabel(self)
        self.text.setObjectName("callerText")
        self.text.setWordWrap(True)
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("callerCandidates")
        self.candidates.itemActivated.connect(self._candidate_activated)
        self.candidates.setVisible(result.match is CallerMatch.SEVERAL)
        for hit in result.candidates:
            self._add_candidate(hit)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openCandidate")
        self.open_button.clicked.connect(self._open_current)
        self.open_button.setVisible(result.match is CallerMatch.SEVERAL)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("searchCaller")
        self.search_button.clicked.connect(self._search)
        self.search_button.setEnabled(bool(result.caller_number))
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newCustomerForCaller")
        self.new_button.clicked.connect(self._new_customer)
        self.link_button = QPushButton(self)
        self.link_button.setObjectName("linkCaller")
        self.link_button.clicked.connect(self._link)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeCallerPrompt")
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addWidget(self.candidates, 1)
        layout.addLayout(buttons)
        self._retranslate()
        (self.open_button if result.match is CallerMatch.SEVERAL else self.search_button).setDefault(True)

    def _add_candidate(self, hit: CustomerHit) -> None:
        details = [str(hit.birth_date.year)] if hit.birth_date else []
        details += [hit.municipality] if hit.municipality else []
        text = f"{hit.display_name} ({', '.join(details)})" if details else hit.display_name
        item = QListWidgetItem(text, self.candidates)
        item.setData(Qt.ItemDataRole.UserRole, hit.customer_id)

    def set_link_target(self, customer_id: int | None, name: str = "") -> None:
        """The customer of the current tab, whom the call can be linked to (None: no tab)."""
        self._link_target = (customer_id, name) if customer_id is not None else None
        self._retranslate()

    # -- actions ---------------------------------------------------------------------------------

    @Slot()
    def _search(self) -> None:
        self.search_requested.emit(self.pop_result.caller_number)
        self.accept()

    @Slot()
    def _new_customer(self) -> None:
        self.new_customer_requested.emit(self.pop_result.caller_number)
        self.accept()

    @Slot()
    def _link(self) -> None:
        if self._link_target is not None:
            self.link_requested.emit()
            self.accept()

    @Slot()
    def _open_current(self) -> None:
        item = self.candidates.currentItem()
        if item is not None:
            self._candidate_activated(item)

    def _candidate_activated(self, item: QListWidgetItem) -> None:
        self.customer_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.accept()

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        r = self.pop_result
        number = r.caller_number
        if r.match is CallerMatch.SEVERAL:
            self.setWindowTitle(self.tr("Who is calling?"))
            self.heading.setText(fill(self.tr("Caller %1"), number))
            more = self.tr(" There are more; search by the number to see them all.") if r.more_candidates else ""
            self.text.setText(
                self.tr(
                    "Several customers have this number. Choose who is calling; the "
                    "phone contact has started in the contact panel."
                )
                + more
            )
        elif r.match is CallerMatch.WITHHELD:
            self.setWindowTitle(self.tr("Unknown caller"))
            self.heading.setText(self.tr("Unknown caller, number withheld"))
            self.text.setText(
                self.tr(
                    "Ask who is calling and search for them. The phone contact has started in "
                    "the contact panel; link it to the customer once found."
                )
            )
        else:
            self.setWindowTitle(self.tr("Unknown caller"))
            self.heading.setText(fill(self.tr("Unknown caller %1"), number or "?"))
            self.text.setText(
                self.tr(
                    "No customer has this number. Search for the caller, add them as a new "
                    "customer, or link the call to the customer open in the current tab. "
                    "The phone contact has started in the contact panel."
                )
            )
        self.open_button.setText(self.tr("&Open"))
        self.search_button.setText(self.tr("&Search by the number"))
        self.new_button.setText(self.tr("&New customer…"))
        target = self._link_target
        self.link_button.setText(
            fill(self.tr("&Link to %1"), target[1]) if target and target[1] else self.tr("&Link to the open customer")
        )
        self.link_button.setEnabled(target is not None)
        self.close_button.setText(self.tr("Close"))
        if r.caller_name:
            self.heading.setToolTip(fill(self.tr("Name from the phone network: %1"), r.caller_name))

    def candidate_ids(self) -> Sequence[int]:
        return [self.candidates.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.candidates.count())]
