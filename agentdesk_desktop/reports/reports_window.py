"""The Reports window (supervisors and admins): a period and filters, the figures with the change
against the previous period, a chart, and exports.

::

    window = ReportsWindow(lambda: services.reports, services.background, parent=main_window)

Every read — the filter choices, the report itself — and every export runs on the background helper's
read pool (:class:`agentdesk_desktop.background.Op`); the window only shows what comes back. A newer
request makes an older answer count for nothing (:class:`LatestOnly`). A bad period or an unknown
municipality is said under the filters, and the filters stay as typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.reports import Report, ReportOptions, ReportQuery, ReportQueryError, Reports, exports
from agentdesk.reports.figures import CASE_FIGURES, CONTACT_FIGURES, FEEDBACK_FIGURES
from agentdesk.reports.query import helsinki_today, last_month, this_month, this_year
from agentdesk.storage.kinds import Channel
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.reports.report_texts import change_is_good, change_text, figure_labels, shown
from agentdesk_desktop.reports.series_chart import ChartPoint, SeriesChart
from agentdesk_desktop.widgets.labels import channel_label

ReportsSource = Callable[[], Reports]  # the desk's Reports service, asked for off the UI thread
CHANNEL_COLOURS = {
    Channel.PHONE: "#1565c0",
    Channel.EMAIL: "#6a1b9a",
    Channel.WALK_IN: "#2e7d32",
    Channel.WEB: "#ef6c00",
    Channel.SMS: "#00838f",
}
GOOD, BAD = "#2e7d32", "#c62828"
PERIODS = ("this_month", "last_month", "this_year", "custom")
FIGURE, TOTAL, PREVIOUS, CHANGE = 0, 1, 2, 3  # then one column per channel


def _options(source: ReportsSource) -> ReportOptions:
    return source().options()


def _report(source: ReportsSource, query: ReportQuery) -> Report:
    return source().run(query)


def _export(report: Report, fmt: exports.Format, path: Path, labels: dict[str, str]) -> Path:
    exports.write(report, fmt, path, labels)
    return path


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class ReportsWindow(QMainWindow):
    report_shown = Signal()  # a report's figures are on screen
    exported = Signal(str)  # the file written

    def __init__(
        self,
        source: ReportsSource,
        background: Background,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._source, self._bg = source, background
        self._today = today or helsinki_today()
        self._latest = LatestOnly()
        self.report: Report | None = None
        self.setObjectName("reports_window")
        self.resize(1200, 800)
        body = QWidget(self)
        self.setCentralWidget(body)
        layout = QVBoxLayout(body)
        layout.addLayout(self._filters())
        self.status = QLabel(body)
        self.status.setObjectName("reports_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical, body)
        self.table = QTableWidget(0, 4 + len(Channel), split)
        self.table.setObjectName("reports_figures")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.chart = SeriesChart(split)
        self.chart.setObjectName("reports_chart")
        # The citizens' feedback after the period's contacts: the whole report, each queue, each agent.
        self.feedback = QTableWidget(0, 1 + len(FEEDBACK_FIGURES), split)
        self.feedback.setObjectName("reports_feedback")
        self.feedback.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.feedback.verticalHeader().setVisible(False)
        split.addWidget(self.table)
        split.addWidget(self.feedback)
        split.addWidget(self.chart)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.export_buttons: dict[exports.Format, QPushButton] = {}
        for fmt in exports.FORMATS:
            button = QPushButton(body)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, f=fmt: self.choose_export(f))
            self.export_buttons[fmt] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()
        self._period_changed()
        op = self._bg.read(_options, self._source, owner=self)
        op.success(self._set_options).failure(self._failed)

    # --- building ------------------------------------------------------------------------------

    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.period = QComboBox(self)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d.M.yyyy")
        self.department, self.queue, self.channel, self.topic = (QComboBox(self) for _ in range(4))
        self.municipality = QLineEdit(self)
        self.show_button = QPushButton(self)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.run)
        self._labels = [QLabel(self) for _ in range(8)]
        fields: list[QWidget] = [
            self.period,
            self.start,
            self.end,
            self.department,
            self.queue,
            self.channel,
            self.topic,
            self.municipality,
        ]
        for i, (label, field) in enumerate(zip(self._labels, fields, strict=True)):
            label.setBuddy(field)
            grid.addWidget(label, 0, i)
            grid.addWidget(field, 1, i)
        grid.addWidget(self.show_button, 1, len(fields))
        return grid

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reports"))
        names = [
            self.tr("&Period"),
            self.tr("&From"),
            self.tr("&To"),
            self.tr("&Department"),
            self.tr("&Queue"),
            self.tr("C&hannel"),
            self.tr("T&opic"),
            self.tr("&Municipality"),
        ]
        for label, text in zip(self._labels, names, strict=True):
            label.setText(text)
        index = max(self.period.currentIndex(), 0)
        self.period.blockSignals(True)
        self.period.clear()
        for text in (self.tr("This month"), self.tr("Last month"), self.tr("This year"), self.tr("Custom")):
            self.period.addItem(text)
        self.period.setCurrentIndex(index)
        self.period.blockSignals(False)
        self.municipality.setPlaceholderText(self.tr("All"))
        self.show_button.setText(self.tr("&Show"))
        for fmt, text in zip(
            exports.FORMATS, (self.tr("Export CSV…"), self.tr("Export XLSX…"), self.tr("Export PDF…")), strict=True
        ):
            self.export_buttons[fmt].setText(text)
        headers = [self.tr("Figure"), self.tr("Total"), self.tr("Previous period"), self.tr("Change")]
        self.table.setHorizontalHeaderLabels(headers + [channel_label(c) for c in Channel])
        labels = figure_labels()
        self.feedback.setHorizontalHeaderLabels([self.tr("Feedback of"), *(labels[c] for c in FEEDBACK_FIGURES)])
        self._fill_choice(self.channel, [(c.value, channel_label(c)) for c in Channel])

    def _fill_choice(self, combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for code, name in choices:
            combo.addItem(name, code)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    @Slot()
    def _period_changed(self) -> None:
        kind = PERIODS[max(self.period.currentIndex(), 0)]
        custom = kind == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            first, last = {"this_month": this_month, "last_month": last_month, "this_year": this_year}[kind](
                self._today
            )
            self.start.setDate(_qdate(first))
            self.end.setDate(_qdate(last))

    def _set_options(self, options: ReportOptions) -> None:
        self._fill_choice(self.department, [(c, n) for c, n in options.departments])
        self._fill_choice(self.queue, [(c, n) for c, n in options.queues])
        self._fill_choice(self.topic, [(c, c) for c in options.topics])

    # --- running ---------------------------------------------------------------------------------

    def query(self) -> ReportQuery:
        """The report the filters ask for (a :class:`ReportQueryError` for a bad period)."""

        def chosen(combo: QComboBox) -> tuple[str, ...]:
            code = combo.currentData()
            return (code,) if isinstance(code, str) else ()

        municipality = self.municipality.text().strip()
        return ReportQuery(
            _day(self.start.date()),
            _day(self.end.date()),
            departments=chosen(self.department),
            queues=chosen(self.queue),
            channels=tuple(Channel(c) for c in chosen(self.channel)),
            topics=chosen(self.topic),
            municipalities=(municipality,) if municipality else (),
        )

    @Slot()
    def run(self) -> None:
        try:
            query = self.query()
        except ReportQueryError as exc:
            self._show_problem(exc)
            return
        self.status.setText(self.tr("Reading the report…"))
        op = self._bg.read(_report, self._source, query, token=self._latest.next(), owner=self)
        op.success(self._show).failure(self._failed)

    def _show(self, report: Report) -> None:
        self.report = report
        q = report.query
        self.status.setText(
            fill(
                self.tr("%1 – %2, compared with %3 – %4"),
                q.start.strftime("%d.%m.%Y"),
                q.end.strftime("%d.%m.%Y"),
                report.previous.start.strftime("%d.%m.%Y"),
                report.previous.end.strftime("%d.%m.%Y"),
            )
        )
        labels = figure_labels()
        codes = [*CONTACT_FIGURES, *CASE_FIGURES, *FEEDBACK_FIGURES]
        self.table.setRowCount(len(codes))
        for row, code in enumerate(codes):
            trend = report.trend(code)
            cells = [
                labels[code],
                shown(code, trend.value),
                shown(code, trend.previous),
                change_text(code, trend.change),
            ]
            if code in CONTACT_FIGURES:
                cells += [shown(code, report.current.by_channel[c].value(code)) for c in Channel]
            else:
                cells += [""] * len(Channel)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == CHANGE:
                    good = change_is_good(code, trend.change)
                    if good is not None:
                        item.setForeground(QBrush(QColor(GOOD if good else BAD)))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._show_feedback(report)
        self.chart.set_points(
            [
                ChartPoint(
                    f"{p.start.day}.{p.start.month}.",
                    {CHANNEL_COLOURS[c]: p.contacts[c] for c in Channel},
                    p.service_level,
                )
                for p in report.series
            ]
        )
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.report_shown.emit()

    def _show_feedback(self, report: Report) -> None:
        groups = report.feedback_group_names()
        self.feedback.setRowCount(len(groups))
        for row, group in enumerate(groups):
            kind, _, name = group.partition(":")
            title = {"queue": self.tr("Queue %1"), "agent": self.tr("Agent %1")}.get(kind)
            cells = [fill(title, name) if title else self.tr("All contacts")]
            cells += [shown(code, report.feedback_trend(code, group).value) for code in FEEDBACK_FIGURES]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.feedback.setItem(row, column, item)
        self.feedback.resizeColumnsToContents()

    def _show_problem(self, error: ReportQueryError) -> None:
        texts = {
            "to": self.tr("The period must end on or after the day it starts, and cover at most three years."),
            "municipality": fill(self.tr("No customer lives in %1."), self.municipality.text().strip()),
        }
        self.status.setText(texts.get(error.field, fill(self.tr("The report cannot be made: %1"), error.message)))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ReportQueryError):
            self._show_problem(error)
        else:
            self.status.setText(self.tr("The report could not be read. Try again in a moment."))

    # --- exporting -------------------------------------------------------------------------------

    def choose_export(self, fmt: exports.Format) -> None:
        if self.report is None:
            return
        q = self.report.query
        suggested = f"report-{q.start.isoformat()}-{q.end.isoformat()}.{fmt}"
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), suggested, filters[fmt])
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: exports.Format, path: Path) -> None:
        if self.report is None:
            return
        self.status.setText(fill(self.tr("Writing %1…"), path.name))
        op = self._bg.read(_export, self.report, fmt, path, figure_labels(), owner=self)
        op.success(self._written).failure(self._export_failed)

    def _written(self, path: Path) -> None:
        self.status.setText(fill(self.tr("Saved %1."), str(path)))
        self.exported.emit(str(path))

    def _export_failed(self, error: BaseException) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else type(error).__name__
        self.status.setText(fill(self.tr("The report could not be saved: %1"), reason))
