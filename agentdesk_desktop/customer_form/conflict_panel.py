"""An edit conflict, side by side: the version saved on another workstation and the agent's own.

Nothing is overwritten silently: the agent either keeps the other version (their own changes are
dropped only then) or applies their version on top of it, which saves again against the new
version number.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk import identity
from agentdesk.customer_register import CustomerDraft, CustomerRecord, parse_date
from agentdesk.storage.models import CustomerKind
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.labels import language_label

CHANGED = QColor("#fff0b3")
FIELDS = (
    "kind",
    "first_names",
    "last_name",
    "birth_date",
    "preferred_language",
    "hetu",
    "ytunnus",
    "phones",
    "emails",
    "street",
    "postal_code",
    "municipality",
)


def _canon(field: str, value: str) -> str:
    """Compare what the agent typed with the stored canonical value."""
    value = " ".join(value.split())
    try:
        if field == "hetu" and value:
            return identity.parse_hetu(value).value
        if field == "birth_date" and value:
            return parse_date(value).isoformat()
        if field == "phones":
            return ", ".join(identity.normalise_phone(v) for v in value.split(", ") if v)
        if field == "emails":
            return ", ".join(identity.normalise_email(v) for v in value.split(", ") if v)
    except (identity.IdentityError, ValueError):
        return value
    return value.casefold()


class ConflictPanel(QFrame):
    keep_theirs = Signal()
    apply_mine = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editConflict")
        self.setStyleSheet(
            "QFrame#editConflict { background: #fdecea; border: 1px solid #e0a0a0;"
            " border-radius: 4px; } QFrame#editConflict > QLabel { color: #5f1111; }"
        )
        self.theirs: CustomerRecord | None = None
        self.mine: CustomerDraft | None = None
        self.text = QLabel(self)
        self.text.setObjectName("editConflictText")
        self.text.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("editConflictTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_button = QPushButton(self)
        self.keep_button.setObjectName("keepTheirs")
        self.keep_button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.keep_theirs)
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyMine")
        self.apply_button.setAutoDefault(False)
        self.apply_button.clicked.connect(self.apply_mine)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.text)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._retranslate()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.text.setText(
            self.tr(
                "This customer was saved on another workstation while you were editing. "
                "Nothing has been overwritten. Compare the versions (differences are "
                "highlighted) and choose which one to keep."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Saved on the other workstation"), self.tr("Your version")]
        )
        self.keep_button.setText(self.tr("Keep theirs"))
        self.keep_button.setToolTip(self.tr("Discard your changes and show the version saved elsewhere"))
        self.apply_button.setText(self.tr("Apply mine on top"))
        self.apply_button.setToolTip(self.tr("Save your version over the new one"))
        if self.theirs is not None and self.mine is not None:
            self.show_conflict(self.theirs, self.mine)

    def _titles(self) -> dict[str, str]:
        return {
            "kind": self.tr("Type"),
            "first_names": self.tr("First names"),
            "last_name": self.tr("Last name"),
            "birth_date": self.tr("Birth date"),
            "preferred_language": self.tr("Language"),
            "hetu": self.tr("Identity code"),
            "ytunnus": self.tr("Business ID"),
            "phones": self.tr("Phones"),
            "emails": self.tr("E-mails"),
            "street": self.tr("Street address"),
            "postal_code": self.tr("Postal code"),
            "municipality": self.tr("Municipality"),
        }

    def _kind(self, kind: CustomerKind) -> str:
        return self.tr("Organisation") if kind is CustomerKind.ORGANISATION else self.tr("Person")

    def _values(self, record: CustomerRecord) -> dict[str, str]:
        protected = self.tr("Address protected")
        return {
            "kind": self._kind(record.kind),
            "first_names": record.first_names,
            "last_name": record.last_name,
            "birth_date": format_day(record.birth_date),
            "preferred_language": language_label(record.preferred_language),
            "hetu": record.hetu,
            "ytunnus": record.ytunnus,
            "phones": ", ".join(identity.format_phone_for_display(p) for p in record.phones),
            "emails": ", ".join(record.emails),
            "street": protected if record.address_protected else record.street,
            "postal_code": "" if record.address_protected else record.postal_code,
            "municipality": "" if record.address_protected else record.municipality,
        }

    def _draft_values(self, draft: CustomerDraft, protected: bool) -> dict[str, str]:
        birth = draft.birth_date
        with contextlib.suppress(ValueError):  # shown as typed when it is not a date
            birth = format_day(parse_date(birth)) if birth.strip() else ""
        return {
            "kind": self._kind(draft.kind),
            "first_names": draft.first_names,
            "last_name": draft.last_name,
            "birth_date": birth,
            "preferred_language": language_label(draft.preferred_language),
            "hetu": draft.hetu,
            "ytunnus": draft.ytunnus,
            "phones": ", ".join(p.strip() for p in draft.phones if p.strip()),
            "emails": ", ".join(e.strip() for e in draft.emails if e.strip()),
            "street": self.tr("Address protected") if protected and not draft.street else draft.street,
            "postal_code": draft.postal_code,
            "municipality": draft.municipality,
        }

    def show_conflict(self, theirs: CustomerRecord, mine: CustomerDraft) -> None:
        self.theirs, self.mine = theirs, mine
        left, right = self._values(theirs), self._draft_values(mine, theirs.address_protected)
        titles = self._titles()
        rows = [f for f in FIELDS if left[f] or right[f]]
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        self.differences: list[str] = []
        for row, field in enumerate(rows):
            cells = [QTableWidgetItem(titles[field]), QTableWidgetItem(left[field]), QTableWidgetItem(right[field])]
            for cell in cells[1:]:
                cell.setToolTip(cell.text())
            if _canon(field, left[field]) != _canon(field, right[field]):
                self.differences.append(field)
                for cell in cells:
                    cell.setBackground(QBrush(CHANGED))
                    cell.setForeground(QBrush(QColor("#000000")))
                cells[0].setFont(bold)
            for column, cell in enumerate(cells):
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, cell)
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + sum(self.table.rowHeight(r) for r in range(len(rows)))
            + 2 * self.table.frameWidth()
            + 2
        )
        self.table.setFixedHeight(height)  # every field in view: at most a dozen short rows
        # A wrapped label does not make its parents tall enough by itself (height for width).
        parent = self.parentWidget()
        width = (parent.width() if parent is not None else self.width()) - 40
        self.text.setMinimumHeight(self.text.heightForWidth(max(width, 200)))
        self.show()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def side_by_side(self) -> dict[str, tuple[str, str]]:
        """field title → (theirs, mine) as shown (tests)."""
        return {self._cell(r, 0): (self._cell(r, 1), self._cell(r, 2)) for r in range(self.table.rowCount())}
