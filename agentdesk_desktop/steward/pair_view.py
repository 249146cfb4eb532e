"""One candidate pair side by side: the two records field by field, the fields that differ
highlighted, and the scan's evidence per field (what it found and how much that weighs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.duplicates.review import SIDE_FIELDS, PairDetail
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.steward.steward_texts import (
    evidence_field_labels,
    language_labels,
    level_labels,
    side_field_labels,
)

DIFFERS = QColor("#fde2b8")  # a differing field's row
FOR, AGAINST = QColor("#2e7d32"), QColor("#c62828")  # evidence that speaks for one person / against


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def _fixed_table(rows: int, columns: int, parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(rows, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PairView(QWidget):
    """Empty until :meth:`show_pair`; :meth:`clear` when no pair is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stewardPair")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("stewardPairHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.fields = _fixed_table(len(SIDE_FIELDS), 2, self, "stewardFields")
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.fields, 3)
        self.evidence_heading = QLabel(self)
        self.evidence_heading.setObjectName("stewardEvidenceHeading")
        layout.addWidget(self.evidence_heading)
        self.evidence = _fixed_table(0, 3, self, "stewardEvidence")
        self.evidence.verticalHeader().setVisible(False)
        layout.addWidget(self.evidence, 2)
        self.detail: PairDetail | None = None
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        labels = [fill(self.tr("Customer %1"), "A"), fill(self.tr("Customer %1"), "B")]
        if self.detail is not None:
            labels = [
                fill(self.tr("Customer %1"), self.detail.a.customer_id),
                fill(self.tr("Customer %1"), self.detail.b.customer_id),
            ]
        self.fields.setHorizontalHeaderLabels(labels)
        names = side_field_labels()
        self.fields.setVerticalHeaderLabels([names[f] for f in SIDE_FIELDS])
        self.evidence_heading.setText(self.tr("What the scan found (weight in bits: + one person, - two people)"))
        self.evidence.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Found"), self.tr("Weight")])

    def clear(self) -> None:
        self.detail = None
        self.heading.setText(self.tr("Choose a pair in the queue to compare the two records."))
        self.fields.clearContents()
        self.evidence.setRowCount(0)
        self.retranslate()

    def show_pair(self, detail: PairDetail) -> None:
        self.detail = detail
        c = detail.candidate
        differing = len(detail.differing)
        self.heading.setText(
            fill(
                self.tr("Score %1 · %2 of %3 fields differ (highlighted)"),
                f"{c.score:.3f}",
                differing,
                len(SIDE_FIELDS),
            )
        )
        languages = language_labels()
        bold = QFont(self.font())
        bold.setBold(True)
        for row, name in enumerate(SIDE_FIELDS):
            for column, side in enumerate((detail.a, detail.b)):
                value = side.values.get(name, "")
                if name == "language":
                    value = languages.get(value, value)
                if name == "address" and side.address_protected:
                    value = self.tr("(protected address)")
                item = _item(value or "—")
                if name in detail.differing:
                    item.setBackground(QBrush(DIFFERS))
                    item.setFont(bold)
                self.fields.setItem(row, column, item)
        self.fields.resizeRowsToContents()
        fields, levels = evidence_field_labels(), level_labels()
        rows = sorted(c.evidence.items(), key=lambda kv: -abs(kv[1].weight))
        self.evidence.setRowCount(len(rows))
        for row, (name, ev) in enumerate(rows):
            self.evidence.setItem(row, 0, _item(fields.get(name, name)))
            self.evidence.setItem(row, 1, _item(levels.get(ev.level, ev.level)))
            weight = _item(f"{ev.weight:+.1f}")
            if ev.weight:
                weight.setForeground(QBrush(FOR if ev.weight > 0 else AGAINST))
            self.evidence.setItem(row, 2, weight)
        self.evidence.resizeColumnsToContents()
        self.evidence.resizeRowsToContents()
        self.retranslate()
