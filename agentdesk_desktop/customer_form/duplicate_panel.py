"""Likely duplicates of the customer being typed in, each with why it matches and a button that
opens that customer instead."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.duplicate_check import DuplicateCandidate
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.widgets.labels import duplicate_reason_label


class DuplicatePanel(QFrame):
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setStyleSheet(
            "QFrame#duplicateWarning { background: #fff4ce; border: 1px solid #e0c060;"
            " border-radius: 4px; } QFrame#duplicateWarning QLabel { color: #4d3800; }"
        )
        self.candidates: list[DuplicateCandidate] = []
        self.title = QLabel(self)
        self.title.setObjectName("duplicateTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(self)
        self.hint.setObjectName("duplicateHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self._rows = QWidget(self)
        self._grid = QGridLayout(self._rows)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self._rows)
        layout.addWidget(self.hint)
        self._retranslate()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Possible duplicates: is the customer already in the register?"))
        self.hint.setText(self.tr("Check the customers above. Press Save again to create a new customer anyway."))
        self.show_candidates(self.candidates)

    def show_candidates(self, candidates: Sequence[DuplicateCandidate]) -> None:
        self.candidates = list(candidates)
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for row, c in enumerate(self.candidates):
            who = QLabel(self._rows)
            who.setObjectName(f"duplicate_{c.customer_id}")
            who.setTextFormat(Qt.TextFormat.PlainText)
            name = fill(self.tr("%1 (born %2)"), c.display_name, c.birth_year) if c.birth_year else c.display_name
            who.setText(name)
            font = who.font()
            font.setBold(True)
            who.setFont(font)
            why = QLabel(self.reasons_text(c), self._rows)
            why.setObjectName(f"duplicateReasons_{c.customer_id}")
            why.setWordWrap(True)
            button = QPushButton(self.tr("Open this customer"), self._rows)
            button.setObjectName(f"openDuplicate_{c.customer_id}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, cid=c.customer_id: self.open_requested.emit(cid))
            self._grid.addWidget(who, row, 0)
            self._grid.addWidget(why, row, 1)
            self._grid.addWidget(button, row, 2)
        self._grid.setColumnStretch(1, 1)
        if not self.candidates:
            self.hint.hide()
        self.setVisible(bool(self.candidates))

    @staticmethod
    def reasons_text(c: DuplicateCandidate) -> str:
        """The strongest reason first. Without an identity code or business ID match the name was
        found similar; with one, the name was not compared (and the birth date is in the code)."""
        order = ("same_hetu", "same_ytunnus", "same_birth_date", "same_phone", "same_email", "same_address")
        strong = bool({"same_hetu", "same_ytunnus"} & set(c.reasons))
        reasons = [r for r in c.reasons if not (r == "same_birth_date" and "same_hetu" in c.reasons)]
        reasons.sort(key=lambda r: order.index(r) if r in order else len(order))
        if not strong:
            # "similar name" once: "similar name, same birth date, same phone number"
            first, rest = reasons[:1], reasons[1:]
            return ", ".join(
                [duplicate_reason_label(r) for r in first]
                + [duplicate_reason_label(r, similar_name=False) for r in rest]
            )
        return ", ".join(duplicate_reason_label(r, similar_name=False) for r in reasons)

    def ask_to_confirm(self) -> None:
        self.hint.show()

    def reason_texts(self) -> list[str]:
        return [self.reasons_text(c) for c in self.candidates]
