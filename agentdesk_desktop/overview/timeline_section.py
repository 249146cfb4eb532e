"""The contact timeline box of the overview: filters, the lazy table, loading and error states.

Changing a filter asks the service again (:meth:`TimelineModel.set_filters`); the table loads the
next page when it is scrolled to the end. A failed page shows the error in this box with
**Try again**; the rest of the overview keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.customer_overview import TimelineFilter
from agentdesk.storage.models import Channel
from agentdesk.topics import Topic
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.overview.light_box import LightBox
from agentdesk_desktop.overview.timeline_model import AGENT, CHANNEL, DEPARTMENT, OUTCOME, TOPIC, WHEN, TimelineModel
from agentdesk_desktop.widgets.department_label import department_label
from agentdesk_desktop.widgets.labels import channel_label, ui_language

ALL = None


class TimelineSection(LightBox):
    def __init__(self, model: TimelineModel, topics: Sequence[Topic], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineSection")
        self.model = model
        self._topics = list(topics)
        self._departments: list[tuple[int, str, str]] = []

        self.channel_filter = QComboBox(self)
        self.channel_filter.setObjectName("channelFilter")
        self.department_filter = QComboBox(self)
        self.department_filter.setObjectName("departmentFilter")
        self.topic_filter = QComboBox(self)
        self.topic_filter.setObjectName("topicFilter")
        # The filters stay narrow whatever the department and topic names (the popups show them whole).
        for combo, chars in ((self.channel_filter, 12), (self.department_filter, 14), (self.topic_filter, 16)):
            combo.setMinimumContentsLength(chars)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status = QLabel(self)
        self.status.setObjectName("timelineStatus")
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("timelineRetry")
        self.retry_button.clicked.connect(self.model.retry)
        self.retry_button.hide()
        self._filter_label = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(self._filter_label)
        filters.addWidget(self.channel_filter)
        filters.addWidget(self.department_filter)
        filters.addWidget(self.topic_filter, 1)
        filters.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.status, 1)
        status.addWidget(self.retry_button)

        self.table = QTableView(self)
        self.table.setObjectName("timelineTable")
        self.table.setModel(model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        digits = self.table.fontMetrics().horizontalAdvance("0")
        em = self.table.fontMetrics().horizontalAdvance("M")
        header.resizeSection(WHEN, digits * 17)
        for column, width in ((TOPIC, 12), (DEPARTMENT, 11), (AGENT, 10), (OUTCOME, 13)):
            header.resizeSection(column, width * em)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(status)

        self.model.loading_changed.connect(self._update_status)
        self.model.load_failed.connect(self._failed)
        self.model.page_loaded.connect(lambda _n, _first: self._update_status())
        self.channel_filter.currentIndexChanged.connect(self._filters_changed)
        self.department_filter.currentIndexChanged.connect(self._filters_changed)
        self.topic_filter.currentIndexChanged.connect(self._filters_changed)
        self._retranslate()

    NARROW = 900  # below this width the department and agent columns go (they stay in the tooltip)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        narrow = self.width() < self.NARROW
        self.table.setColumnHidden(DEPARTMENT, narrow)
        self.table.setColumnHidden(AGENT, narrow)

    # -- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # Topic labels follow the locale, which agentdesk_desktop.i18n sets just after installing the translator.
            QTimer.singleShot(0, self, self._locale_changed)
        super().changeEvent(event)

    @Slot()
    def _locale_changed(self) -> None:
        self._fill_filters()
        self._fit_channel_column()
        self.model.retranslate()

    def _fit_channel_column(self) -> None:
        """Wide enough for the longest channel name in the current language ("Asiointikäynti")."""
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(channel_label(c)) for c in Channel)
        self.table.horizontalHeader().resizeSection(CHANNEL, widest + 2 * metrics.horizontalAdvance("M"))

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Contacts, newest first"))
        self._fit_channel_column()
        self._filter_label.setText(self.tr("Show:"))
        # A screen reader names each filter by what it filters (a combo box alone reads as its current choice).
        self.channel_filter.setAccessibleName(self.tr("Filter by channel"))
        self.department_filter.setAccessibleName(self.tr("Filter by department"))
        self.topic_filter.setAccessibleName(self.tr("Filter by topic"))
        self.table.setAccessibleName(self.tr("Contacts, newest first"))
        self.retry_button.setText(self.tr("Try again"))
        self._fill_filters()
        self._update_status()

    def _refill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _fill_filters(self) -> None:
        self._refill(
            self.channel_filter, [(self.tr("All channels"), ALL)] + [(channel_label(c), c.value) for c in Channel]
        )
        self._refill(
            self.department_filter,
            [(self.tr("All departments"), ALL)]
            + [(department_label(code, name), dep_id) for dep_id, code, name in self._departments],
        )
        lang = ui_language()
        self._refill(
            self.topic_filter,
            [(self.tr("All topics"), ALL)]
            + [(t.label(lang), t.code) for t in sorted(self._topics, key=lambda t: t.label(lang).casefold())],
        )

    def set_departments(self, departments: Sequence[tuple[int, str, str]]) -> None:
        self._departments = list(departments)
        self._fill_filters()

    @property
    def has_departments(self) -> bool:
        return bool(self._departments)

    # -- filters and states --------------------------------------------------------------------

    def current_filters(self) -> TimelineFilter:
        channel = self.channel_filter.currentData()
        department = self.department_filter.currentData()
        topic = self.topic_filter.currentData()
        return TimelineFilter(
            channels=frozenset({Channel(channel)}) if channel else frozenset(),
            department_ids=frozenset({department}) if department is not None else frozenset(),
            topic=topic or "",
        )

    @Slot()
    def _filters_changed(self) -> None:
        self.model.set_filters(self.current_filters())

    @property
    def filtered(self) -> bool:
        return self.current_filters() != TimelineFilter()

    @Slot()
    def _update_status(self) -> None:
        if self.model.loading:
            self.status.setText(self.tr("Loading…"))
            self.retry_button.hide()
            return
        if self.model.failed:
            return
        self.retry_button.hide()
        shown = self.model.rowCount()
        if shown == 0:
            self.status.setText(
                self.tr("No contacts match these filters.") if self.filtered else self.tr("No contacts yet.")
            )
        elif self.model.has_more:
            self.status.setText(fill(self.tr("%1 shown, scroll for more"), shown))
        elif not self.filtered:
            self.status.setText(fill(self.tr("%1 contacts"), shown))
        else:
            self.status.setText(fill(self.tr("%1 shown"), shown))

    @Slot(object)
    def _failed(self, _exc: BaseException) -> None:
        self.status.setText(self.tr("Contacts could not be loaded."))
        self.retry_button.show()
