"""The boxes of the customer overview: contact details, roles, relationships and open cases.

Each box says "Loading…" until the overview arrives, then shows its rows or says there are none.
A protected address is shown as "Address protected" and nothing else; the overview service never
hands the address to the desk in the first place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.customer_overview import CustomerOverview
from agentdesk.search.address_protection import AddressProtection
from agentdesk.storage.models import ContactKind
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.overview.light_box import LightBox
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.labels import (
    case_status_label,
    contact_label,
    format_period,
    relation_label,
)

OVERDUE = QColor("#b00020")
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


MAX_ROWS = 5  # a box shows up to this many rows before it scrolls inside itself


def compact_table(columns: int, parent: QWidget, *, stretch: int = 0) -> QTableWidget:
    """A read-only table MAX_ROWS rows high whatever it holds (it scrolls inside itself beyond that);
    column ``stretch`` takes the spare width and elides, the others fit their contents, so there is
    never a horizontal scroll bar. The height is constant so that filling a box never moves the rest
    of the overview: a customer's data arriving repaints the box, not the whole tab."""
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    frame = table.frameWidth() * 2
    height = header.sizeHint().height() + MAX_ROWS * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height + frame + 2)
    return table


def _item(text: str, *, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _dim(item: QTableWidgetItem) -> QTableWidgetItem:
    item.setForeground(QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
    return item


class Section(LightBox):
    """A titled box showing "Loading…", its content, or a line saying there is nothing."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._stack = QStackedWidget(self)
        self.loading = QLabel(self)
        self.loading.setObjectName(f"{object_name}Loading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.loading.setEnabled(False)
        self.empty = QLabel(self)
        self.empty.setObjectName(f"{object_name}Empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.body = QWidget(self)
        self._stack.addWidget(self.loading)
        self._stack.addWidget(self.body)
        self._stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self._stack)

    def set_loading(self) -> None:
        self.loading.setText(self.tr("Loading…"))
        self._stack.setCurrentWidget(self.loading)

    def show_body(self) -> None:
        self._stack.setCurrentWidget(self.body)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self._stack.setCurrentWidget(self.empty)

    @property
    def is_loading(self) -> bool:
        return self._stack.currentWidget() is self.loading

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.loading.setText(self.tr("Loading…"))


class TableSection(Section):
    """A section whose content is one compact table."""

    def __init__(
        self, object_name: str, table_name: str, columns: int, parent: QWidget | None = None, *, stretch: int = 0
    ) -> None:
        super().__init__(object_name, parent)
        # A department's stored name → its name in the desk's language (widgets.labels.department_names)
        self.department_names: dict[str, str] = {}
        self.table = compact_table(columns, self.body, stretch=stretch)
        self.table.setObjectName(table_name)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.overview: CustomerOverview | None = None
        self.retranslate()
        self.set_loading()

    def set_department_names(self, names: dict[str, str]) -> None:
        self.department_names = names
        if self.overview is not None:
            self.set_overview(self.overview)

    def set_overview(self, overview: CustomerOverview) -> None:
        raise NotImplementedError

    def department_text(self, name: str | None) -> str:
        return self.department_names.get(name, name) if name else ""


class ContactSection(Section):
    """Phone numbers, e-mail addresses and the address (or that it is protected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("contactSection", parent)
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(6)
        self._titles = {key: QLabel(self.body) for key in ("phones", "emails", "address")}
        self.values = {}
        for key, title in self._titles.items():
            value = QLabel(self.body)
            value.setObjectName(f"contact_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(title, value)
        self.overview: CustomerOverview | None = None
        self.retranslate()
        self.set_loading()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Contact details"))
        self._titles["phones"].setText(self.tr("Phone"))
        self._titles["emails"].setText(self.tr("E-mail"))
        self._titles["address"].setText(self.tr("Address"))
        if self.overview is not None:
            self.set_overview(self.overview)

    def set_overview(self, overview: CustomerOverview) -> None:
        self.overview = overview
        none = "—"
        primary = self.tr("primary")

        def line(p) -> str:
            label = contact_label(p.label) if p.label else ""
            extra = [x for x in (label, primary if p.is_primary and len(overview.contact_points) > 1 else "") if x]
            return p.display + (f" ({', '.join(extra)})" if extra else "")

        phones = [line(p) for p in overview.contact_points if p.kind is ContactKind.PHONE]
        emails = [line(p) for p in overview.contact_points if p.kind is ContactKind.EMAIL]
        self.values["phones"].setText("\n".join(phones) or none)
        self.values["emails"].setText("\n".join(emails) or none)
        address = self.values["address"]
        if overview.address_protection is AddressProtection.RELATED:
            address.setText(self.tr("Address protected (related person)"))
            address.setToolTip(
                self.tr(
                    "A person who lives with this customer has a protected address (turvakielto): this address"
                    " is theirs too, so it is not shown and must not be given out."
                )
            )
        elif overview.address_protected:
            address.setText(self.tr("Address protected"))
            address.setToolTip(
                self.tr("Protected address (turvakielto): the address is not shown and must not be given out.")
            )
            font = address.font()
            font.setBold(True)
            address.setFont(font)
        else:
            a = overview.address
            place = (a.municipality_shown or a.municipality) if a else ""  # in the citizen's language
            address.setText("\n".join(p for p in (a.street, f"{a.postal_code} {place}".strip()) if p) if a else none)
            source = next((item for item in overview.lineage if item.item == "address"), None)
            # Lineage from the register import: "Address: population data, 2.11.2026".
            address.setToolTip(
                fill(self.tr("Address: %1, %2"), source.register, format_day(source.observed_at.date()))
                if source
                else ""
            )
        self.show_body()


class RelationsSection(TableSection):
    """Household, guardians, children and representatives; a click opens that person."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("relationsSection", "relationsTable", 3, parent, stretch=1)
        self.table.setCursor(Qt.CursorShape.PointingHandCursor)
        self.table.cellClicked.connect(self._open_row)
        self.table.activated.connect(lambda index: self._open_row(index.row(), index.column()))

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Relationships"))
        self.table.setHorizontalHeaderLabels([self.tr("Relation"), self.tr("Name"), self.tr("Born")])
        self.table.setToolTip(self.tr("Click a person (or press Enter) to open them in a new tab"))
        if self.overview is not None:
            self.set_overview(self.overview)

    def set_overview(self, overview: CustomerOverview) -> None:
        self.overview = overview
        if not overview.relationships:
            self.show_empty(self.tr("No household members, guardians or children on record."))
            return
        self.table.setRowCount(len(overview.relationships))
        link = QApplication.palette().brush(QPalette.ColorRole.Link)
        for row, r in enumerate(overview.relationships):
            name = _item(r.other_name)
            font = QFont(name.font())
            font.setUnderline(True)
            name.setFont(font)
            name.setForeground(link)
            relation = relation_label(r.relation)
            if not r.active:
                relation = fill(self.tr("%1 (ended)"), relation)
            period = format_period(r.valid_from, r.valid_to)
            cells = [_item(relation, tooltip=period), name, _item(format_day(r.other_birth_date), tooltip=period)]
            for column, cell in enumerate(cells):
                cell.setData(CUSTOMER_ID_ROLE, r.other_customer_id)
                self.table.setItem(row, column, cell if r.active or column == 1 else _dim(cell))
        self.show_body()

    def _open_row(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_requested.emit(int(item.data(CUSTOMER_ID_ROLE)))


class CasesSection(TableSection):
    """Open service requests with their due dates; overdue ones in red. A double click (or Enter) on
    a case asks for its dialog (:attr:`case_requested`): its history and its next step."""

    case_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("casesSection", "casesTable", 5, parent)
        self.table.cellDoubleClicked.connect(self._open_row)
        self.table.activated.connect(lambda index: self._open_row(index.row(), index.column()))

    def _open_row(self, row: int, _column: int) -> None:
        if self.overview is not None and 0 <= row < len(self.overview.open_cases):
            self.case_requested.emit(self.overview.open_cases[row].id)

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Open cases"))
        self.table.setToolTip(self.tr("Double-click a case (or press Enter) for its history and next step"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Department"), self.tr("Status"), self.tr("Due"), self.tr("Back office")]
        )
        if self.overview is not None:
            self.set_overview(self.overview)

    def set_overview(self, overview: CustomerOverview) -> None:
        self.overview = overview
        count = len(overview.open_cases)
        self.setTitle(fill(self.tr("Open cases (%1)"), count) if count else self.tr("Open cases"))
        if not overview.open_cases:
            self.show_empty(self.tr("No open cases."))
            return
        self.table.setRowCount(count)
        for row, c in enumerate(overview.open_cases):
            due = _item(format_day(c.due_date))
            if c.overdue:
                due.setText(fill(self.tr("%1 overdue"), format_day(c.due_date)))
                due.setForeground(QBrush(OVERDUE))
                font = QFont(due.font())
                font.setBold(True)
                due.setFont(font)
                due.setToolTip(self.tr("The due date has passed"))
            backoffice = " ".join(p for p in (c.backoffice_system, c.backoffice_ref) if p)
            cells = [
                _item(f"#{c.id} {c.title}", tooltip=c.title),
                _item(self.department_text(c.department_name)),
                _item(case_status_label(c.status)),
                due,
                _item(backoffice),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.show_body()

    def overdue_rows(self) -> list[int]:
        due = (self.table.item(row, 3) for row in range(self.table.rowCount()))
        return [row for row, item in enumerate(due) if item is not None and item.foreground().color() == OVERDUE]
