"""The data protection view: pick a citizen, see who handled their data — when, why, from which
workstation, what — narrow it by period, staff user, action and purpose, export it as CSV, and make
the citizen's own access-log document; and the "break the glass" openings to review.

::

    window = DataProtectionWindow(services.access_log, services.background, actor="dpo.tuula", find=find)

Reading a citizen's accesses is itself audited (``dpo.access_log``, by the core service in the
transaction that reads), so it runs on the background helper's single writer; the search for the
citizen (audited like every search) and the break-the-glass list on the read pool; the files are
written on the read pool too. The window only shows what comes back; a newer request makes an older
answer count for nothing. The staff, action and purpose filters narrow what the period read brought
(no new read per keystroke); a new period is a new, audited read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk import access_log_document
from agentdesk.access_log import HELSINKI, Access, AccessFilter, AccessLog, AccessReport, CustomerNotFound, narrow
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.data_protection.dpo_texts import action_label
from agentdesk_desktop.i18n import fill

if TYPE_CHECKING:
    from agentdesk.search.customer_search import SearchPage

Finder = Callable[[str], "SearchPage"]  # an audited search for the citizen
TIME, STAFF, DEPARTMENT, ACTION, PURPOSE, WORKSTATION = range(6)
LANGUAGES = ("fi", "sv", "en")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)  # a person's data: only its owner reads it
    return path


class DataProtectionWindow(QMainWindow):
    shown = Signal()  # a citizen's accesses are on screen
    alerts_shown = Signal()  # the break-the-glass list is on screen
    exported = Signal(str)  # the file written

    def __init__(
        self,
        log: AccessLog,
        background: Background,
        *,
        actor: str,
        find: Finder,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._log, self._bg, self._actor, self._find = log, background, actor, find
        self._latest, self._latest_find = LatestOnly(), LatestOnly()
        self.report: AccessReport | None = None
        self.visible_accesses: tuple[Access, ...] = ()
        self.alerts: tuple[Access, ...] = ()
        today = today or dt.datetime.now(HELSINKI).date()
        self.setObjectName("data_protection_window")
        self.resize(1280, 820)
        body = QWidget(self)
        self.setCentralWidget(body)
        layout = QVBoxLayout(body)

        pick = QHBoxLayout()
        self.citizen_label = QLabel(body)
        self.query = QLineEdit(body)
        self.query.setObjectName("dpo_query")
        self.query.returnPressed.connect(self.find_citizen)
        self.find_button = QPushButton(body)
        self.find_button.clicked.connect(self.find_citizen)
        pick.addWidget(self.citizen_label)
        pick.addWidget(self.query, 1)
        pick.addWidget(self.find_button)
        layout.addLayout(pick)
        self.hits = QListWidget(body)
        self.hits.setObjectName("dpo_hits")
        self.hits.setMaximumHeight(90)
        self.hits.itemActivated.connect(self._hit_chosen)
        self.hits.hide()
        layout.addWidget(self.hits)

        filters = QHBoxLayout()
        self.from_label, self.to_label = QLabel(body), QLabel(body)
        self.start = QDateEdit(_qdate(today - dt.timedelta(days=365)), body)
        self.end = QDateEdit(_qdate(today), body)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d.M.yyyy")
        self.apply_period = QPushButton(body)
        self.apply_period.setObjectName("dpo_apply_period")
        self.apply_period.clicked.connect(self.reload)
        self.staff_filter, self.action_filter = QComboBox(body), QComboBox(body)
        self.staff_filter.setObjectName("dpo_staff")
        self.action_filter.setObjectName("dpo_action")
        self.purpose_filter = QLineEdit(body)
        self.purpose_filter.setObjectName("dpo_purpose")
        self.staff_filter.currentIndexChanged.connect(self._narrow)
        self.action_filter.currentIndexChanged.connect(self._narrow)
        self.purpose_filter.textChanged.connect(self._narrow)
        for w in (self.from_label, self.start, self.to_label, self.end, self.apply_period):
            filters.addWidget(w)
        filters.addSpacing(16)
        filters.addWidget(self.staff_filter)
        filters.addWidget(self.action_filter)
        filters.addWidget(self.purpose_filter, 1)
        layout.addLayout(filters)

        self.status = QLabel(body)
        self.status.setObjectName("dpo_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Vertical, body)
        self.table = QTableWidget(0, 6, split)
        self.table.setObjectName("dpo_accesses")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PURPOSE, QHeaderView.ResizeMode.Stretch)
        self.alerts_box = QGroupBox(split)
        alerts_layout = QVBoxLayout(self.alerts_box)
        self.alerts_table = QTableWidget(0, 4, self.alerts_box)
        self.alerts_table.setObjectName("dpo_break_glass")
        self.alerts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alerts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alerts_table.verticalHeader().setVisible(False)
        alerts_header = self.alerts_table.horizontalHeader()
        alerts_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        alerts_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.alerts_table.cellActivated.connect(self._alert_chosen)
        alerts_layout.addWidget(self.alerts_table)
        split.addWidget(self.table)
        split.addWidget(self.alerts_box)
        split.setSizes([520, 200])
        layout.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(body)
        self.export_button.setObjectName("dpo_export_csv")
        self.export_button.clicked.connect(self._ask_csv)
        self.language = QComboBox(body)
        self.language.setObjectName("dpo_language")
        self.document_button = QPushButton(body)
        self.document_button.setObjectName("dpo_document")
        self.document_button.clicked.connect(self._ask_document)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.language)
        buttons.addWidget(self.document_button)
        layout.addLayout(buttons)
        self._set_enabled(False)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Data protection — who handled a citizen's data"))
        self.citizen_label.setText(self.tr("Citizen:"))
        self.query.setPlaceholderText(self.tr("Name, henkilötunnus or customer id"))
        self.find_button.setText(self.tr("Find"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.apply_period.setText(self.tr("Show period"))
        self.purpose_filter.setPlaceholderText(self.tr("Purpose contains…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Staff"),
                self.tr("Department"),
                self.tr("Action"),
                self.tr("Purpose"),
                self.tr("Workstation"),
            ]
        )
        self.alerts_box.setTitle(self.tr("Break the glass — openings of restricted customers to review"))
        self.alerts_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Staff"), self.tr("Citizen"), self.tr("Purpose")]
        )
        self.export_button.setText(self.tr("Export CSV…"))
        self.document_button.setText(self.tr("Citizen's access-log document…"))
        self.language.clear()
        self.language.addItems([self.tr("Finnish"), self.tr("Swedish"), self.tr("English")])
        self._fill_filters()

    # -- finding the citizen ---------------------------------------------------------------------

    @Slot()
    def find_citizen(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.status.setText(self.tr("Type a name, a henkilötunnus or a customer id."))
            return
        if text.isdigit():  # a customer id: straight to their accesses
            self.show_citizen(int(text))
            return
        ticket = self._latest_find.next()
        self.status.setText(self.tr("Searching…"))
        self._bg.read(self._find, text, token=ticket, owner=self).success(self._found).failure(self._failed)

    def _found(self, page: SearchPage) -> None:
        self.hits.clear()
        for hit in page.hits:
            born = hit.birth_date.strftime("%d.%m.%Y") if hit.birth_date else ""
            item = QListWidgetItem(f"{hit.display_name}  {born}  (#{hit.customer_id})", self.hits)
            item.setData(Qt.ItemDataRole.UserRole, hit.customer_id)
        self.hits.setVisible(len(page.hits) > 1)
        if len(page.hits) == 1:
            self.show_citizen(page.hits[0].customer_id)
        elif not page.hits:
            self.status.setText(page.problem or self.tr("No citizen found."))
        else:
            self.status.setText(self.tr("Choose the citizen (Enter or double-click)."))

    @Slot(QListWidgetItem)
    def _hit_chosen(self, item: QListWidgetItem) -> None:
        self.show_citizen(int(item.data(Qt.ItemDataRole.UserRole)))

    # -- the citizen's accesses ------------------------------------------------------------------

    def period(self) -> AccessFilter:
        return AccessFilter(start=_day(self.start.date()), end=_day(self.end.date()))

    def show_citizen(self, customer_id: int) -> None:
        """Read (and audit the reading of) the citizen's accesses in the period."""
        period = self.period()
        if period.problem():
            self.status.setText(self.tr("The period ends before it starts."))
            return
        ticket = self._latest.next()
        self.status.setText(self.tr("Reading the audit log…"))
        self._bg.write(self._review, customer_id, period, token=ticket, owner=self).success(self._show).failure(
            self._failed
        )

    def _review(self, customer_id: int, period: AccessFilter) -> AccessReport:
        return self._log.review(customer_id, period, actor=self._actor)

    @Slot()
    def reload(self) -> None:
        if self.report is not None:
            self.show_citizen(self.report.citizen.customer_id)

    def _show(self, report: AccessReport) -> None:
        self.report = report
        self._fill_filters()
        self._set_enabled(True)
        self.language.setCurrentIndex(LANGUAGES.index(report.citizen.language.value))
        self._narrow()
        self.shown.emit()

    def _fill_filters(self) -> None:
        for combo, values, everyone in (
            (self.staff_filter, self.report.actors if self.report else (), self.tr("All staff")),
            (self.action_filter, self.report.actions if self.report else (), self.tr("All actions")),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, "")
            for v in values:
                combo.addItem(action_label(v) if combo is self.action_filter else v, v)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    @Slot()
    def _narrow(self) -> None:
        if self.report is None:
            return
        shown = narrow(
            self.report.accesses,
            actor=self.staff_filter.currentData() or "",
            action=self.action_filter.currentData() or "",
            purpose=self.purpose_filter.text().strip(),
        )
        self.visible_accesses = shown
        self.table.setRowCount(len(shown))
        for row, a in enumerate(shown):
            staff = f"{a.staff_name} ({a.actor})" if a.staff_name else a.actor
            action = action_label(a.action)
            if a.shown_with_others:
                action = fill(self.tr("%1 (listed among %2)"), action, a.shown_with_others)
            values = (a.local_time.strftime("%d.%m.%Y %H:%M:%S"), staff, a.department, action, a.purpose, a.workstation)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        c = self.report.citizen
        total = len(self.report.accesses)
        text = fill(self.tr("%1 (#%2): %3 of %4 accesses in the period."), c.name, c.customer_id, len(shown), total)
        if self.report.truncated:
            text += " " + self.tr("More than this in the period: choose a shorter period.")
        self.status.setText(text)

    # -- break the glass ---------------------------------------------------------------------------

    def load_alerts(self) -> None:
        self._bg.read(self._log.break_glass, owner=self).success(self._show_alerts).failure(self._failed)

    def _show_alerts(self, alerts: tuple[Access, ...]) -> None:
        self.alerts = alerts
        self.alerts_table.setRowCount(len(alerts))
        for row, a in enumerate(alerts):
            who = f"{a.staff_name} ({a.actor})" if a.staff_name else a.actor
            citizen = f"{a.subject_name} (#{a.subject_customer_id})" if a.subject_customer_id else ""
            for column, value in enumerate((a.local_time.strftime("%d.%m.%Y %H:%M"), who, citizen, a.purpose)):
                self.alerts_table.setItem(row, column, QTableWidgetItem(value))
        self.alerts_box.setTitle(
            fill(self.tr("Break the glass — openings of restricted customers to review: %1"), len(alerts))
        )
        self.alerts_shown.emit()

    @Slot(int, int)
    def _alert_chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.alerts) and self.alerts[row].subject_customer_id is not None:
            self.show_citizen(int(self.alerts[row].subject_customer_id or 0))

    # -- files -------------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> None:
        """Write what the table shows (narrowed) as CSV."""
        if self.report is None:
            return
        shown = AccessReport(self.report.citizen, self.report.filters, self.visible_accesses, self.report.truncated)
        text = access_log_document.render_csv(shown)
        self._bg.read(_write, path, text, owner=self).success(self._written).failure(self._failed)

    def write_document(self, path: Path) -> None:
        """The citizen's access-log document for the period (every access, not the narrowed view)."""
        if self.report is None:
            return
        language = LANGUAGES[max(0, self.language.currentIndex())]
        text = access_log_document.render_html(self.report, language=language)
        self._bg.read(_write, path, text, owner=self).success(self._written).failure(self._failed)

    def _ask_csv(self) -> None:
        if self.report is None:
            return
        name = f"access-log-{self.report.citizen.customer_id}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), name, self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(Path(path))

    def _ask_document(self) -> None:
        if self.report is None:
            return
        name = f"access-log-customer-{self.report.citizen.customer_id}.html"
        title = self.tr("The citizen's access-log document")
        path, _ = QFileDialog.getSaveFileName(self, title, name, self.tr("HTML documents (*.html)"))
        if path:
            self.write_document(Path(path))

    def _written(self, path: Path) -> None:
        self.status.setText(fill(self.tr("Wrote %1."), str(path)))
        self.exported.emit(str(path))

    # -- states ------------------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, CustomerNotFound):
            self.status.setText(self.tr("No such citizen."))
        elif isinstance(error, OSError):
            self.status.setText(fill(self.tr("Cannot write the file: %1"), error.strerror or str(error)))
        else:
            self.status.setText(self.tr("The audit log cannot be read now. Try again in a moment."))

    def _set_enabled(self, on: bool) -> None:
        for w in (self.export_button, self.document_button, self.language, self.apply_period):
            w.setEnabled(on)
