"""The steward's desk (data stewards and supervisors): the duplicate review queue.

::

    window = StewardWindow(lambda: services.duplicate_review, services.background, user.username)

The queue lists the pairs the last duplicate scans found (``agentdesk duplicates scan``), highest score
first, by register and id only. Choosing a pair reads both records side by side (an audited read, so
on the background writer; a pair passed over quickly is never read). The steward decides with the
keyboard: **A** accept (merge, by the survivorship rules), **R** reject (two people: the pair never comes
back), **N** not sure (stays, marked); ↑/↓ move; after a decision the next pair is shown. For
high-score pairs: *Select ≥* a threshold, then *Accept selected…* merges them all after one
confirmation. Every read and write runs off the UI thread (:class:`agentdesk_desktop.background.Op`);
an accepted merge's change notice reaches the open customer tabs through the change bus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.duplicates.review import (
    UNSURE,
    BulkResult,
    Candidate,
    Decided,
    DuplicateReview,
    PairDetail,
    ReviewError,
)
from agentdesk.merge.service import MergeError
from agentdesk_desktop.background import Background, LatestOnly
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.steward.pair_view import PairView
from agentdesk_desktop.steward.steward_texts import decision_labels, refusal_text, status_labels

log = logging.getLogger(__name__)

ReviewSource = Callable[[], DuplicateReview]  # the desk's review service, asked for off the UI thread
SCORE, VERDICT, STATUS, RECORD_A, RECORD_B = range(5)
UNSURE_COLOUR = QColor("#fff3cd")
BULK_THRESHOLD = 0.95


def _queue(source: ReviewSource) -> list[Candidate]:
    return source().queue()


def _pair(source: ReviewSource, key: tuple[int, int], actor: str) -> PairDetail:
    return source().pair(key[0], key[1], actor=actor)


def _decide(source: ReviewSource, verdict: str, key: tuple[int, int], actor: str) -> Decided:
    review = source()
    act = {"accept": review.accept, "reject": review.reject, "unsure": review.not_sure}[verdict]
    return act(key[0], key[1], actor=actor)


def _accept_many(source: ReviewSource, keys: list[tuple[int, int]], actor: str) -> BulkResult:
    return source().accept_many(keys, actor=actor)


class StewardWindow(QMainWindow):
    queue_loaded = Signal(int)  # rows in the queue
    pair_shown = Signal()  # a pair's records are on screen
    decided = Signal(str)  # "accepted" | "rejected" | "unsure" | "bulk": a decision was stored

    def __init__(self, source: ReviewSource, background: Background, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source, self._bg, self._actor = source, background, actor
        self._latest = LatestOnly()
        self._candidates: list[Candidate] = []
        self._busy = False
        self.confirm_box: QMessageBox | None = None
        self.setObjectName("stewardDesk")
        self.resize(1300, 800)
        body = QWidget(self)
        self.setCentralWidget(body)
        layout = QVBoxLayout(body)
        layout.addLayout(self._bar())
        self.status = QLabel(body)
        self.status.setObjectName("stewardStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal, body)
        self.table = QTableWidget(0, 5, split)
        self.table.setObjectName("stewardQueue")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(self._current_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        right = QWidget(split)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.pair = PairView(right)
        side.addWidget(self.pair, 1)
        side.addLayout(self._decision_buttons())
        self.keys_hint = QLabel(right)
        self.keys_hint.setObjectName("stewardKeys")
        self.keys_hint.setEnabled(False)
        self.keys_hint.setWordWrap(True)
        side.addWidget(self.keys_hint)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([520, 780])
        layout.addWidget(split, 1)
        self._shortcuts()
        self.retranslate()
        self._enable()
        self.refresh()

    # -- building ---------------------------------------------------------------------------------

    def _bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("stewardRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.threshold_label = QLabel(self)
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setObjectName("stewardThreshold")
        self.threshold.setRange(0.5, 1.0)
        self.threshold.setDecimals(2)
        self.threshold.setSingleStep(0.01)
        self.threshold.setValue(BULK_THRESHOLD)
        self.threshold_label.setBuddy(self.threshold)
        self.select_button = QPushButton(self)
        self.select_button.setObjectName("stewardSelectAbove")
        self.select_button.clicked.connect(self.select_above_threshold)
        self.bulk_button = QPushButton(self)
        self.bulk_button.setObjectName("stewardAcceptSelected")
        self.bulk_button.clicked.connect(self.accept_selected)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        for widget in (self.threshold_label, self.threshold, self.select_button, self.bulk_button):
            bar.addWidget(widget)
        return bar

    def _decision_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("stewardAccept")
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("stewardReject")
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.unsure_button = QPushButton(self)
        self.unsure_button.setObjectName("stewardUnsure")
        self.unsure_button.clicked.connect(lambda: self.decide("unsure"))
        for button in (self.accept_button, self.reject_button, self.unsure_button):
            row.addWidget(button)
        return row

    def _shortcuts(self) -> None:
        # Single letters: a text field with the focus (the threshold) takes its own keys first.
        for key, verdict in (("A", "accept"), ("R", "reject"), ("N", "unsure")):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda v=verdict: self.decide(v))
        QShortcut(QKeySequence("F5"), self).activated.connect(self.refresh)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self).activated.connect(self.accept_selected)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Steward's desk: duplicates"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Score"), self.tr("Scan says"), self.tr("Status"), self.tr("Record A"), self.tr("Record B")]
        )
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.threshold_label.setText(self.tr("Score &at least"))
        self.select_button.setText(self.tr("&Select those"))
        self.bulk_button.setText(self.tr("Accept selected… (Ctrl+Shift+A)"))
        self.accept_button.setText(self.tr("Accept: one person (A)"))
        self.reject_button.setText(self.tr("Reject: two people (R)"))
        self.unsure_button.setText(self.tr("Not sure (N)"))
        self.keys_hint.setText(
            self.tr(
                "A accept (merge) · R reject (never shown again) · N not sure (stays, marked) · "
                "↑ ↓ previous / next pair · Shift+↑↓ select several"
            )
        )

    # -- the queue --------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        if self._bg.closed:
            return
        self.status.setText(self.tr("Reading the queue…"))
        self._bg.read(_queue, self._source, owner=self).success(self._show_queue).failure(self._failed)

    def _show_queue(self, candidates: list[Candidate]) -> None:
        keep = self._current_key()
        self._candidates = list(candidates)
        self.table.blockSignals(True)
        self.table.setRowCount(len(candidates))
        for row, c in enumerate(candidates):
            self._fill_row(row, c)
        self.table.blockSignals(False)
        if not candidates:
            self.status.setText(
                self.tr("The queue is empty. Run a duplicate scan (agentdesk duplicates scan) to fill it.")
            )
        else:
            self.status.setText(fill(self.tr("%1 pairs to review, highest score first."), len(candidates)))
        keys = [c.key for c in candidates]
        self._go_to(keys.index(keep) if keep in keys else 0)
        self.queue_loaded.emit(len(candidates))

    def _fill_row(self, row: int, c: Candidate) -> None:
        statuses, verdicts = status_labels(), decision_labels()
        cells = [
            f"{c.score:.3f}",
            verdicts.get(c.decision, c.decision),
            statuses.get(c.status, c.status),
            f"{c.refs[0][0]} {c.refs[0][1]}",
            f"{c.refs[1][0]} {c.refs[1][1]}",
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c.status == UNSURE:
                item.setBackground(QBrush(UNSURE_COLOUR))
            self.table.setItem(row, column, item)

    def _current_key(self) -> tuple[int, int] | None:
        row = self.table.currentRow()
        return self._candidates[row].key if 0 <= row < len(self._candidates) else None

    def _go_to(self, row: int) -> None:
        if not self._candidates:
            self._latest.cancel()
            self.pair.clear()
            self._enable()
            return
        row = max(0, min(row, len(self._candidates) - 1))
        before = self.table.currentRow()
        self.table.setCurrentCell(row, SCORE)  # a new current row reads its pair (_current_changed)
        self.table.setFocus()
        if before == row:  # the same row, now another pair (the rows above it left): no signal
            self._current_changed(row, SCORE, -1, -1)

    @Slot(int, int, int, int)
    def _current_changed(self, row: int, _column: int, previous: int, _previous_column: int) -> None:
        if row == previous and self.pair.detail is not None:
            return
        if not 0 <= row < len(self._candidates):
            return
        key = self._candidates[row].key
        if self.pair.detail is not None and self.pair.detail.candidate.key == key:
            return
        self.pair.clear()
        self._enable()
        op = self._bg.write(_pair, self._source, key, self._actor, token=self._latest.next(), owner=self)
        op.success(self._show_pair).failure(self._failed)

    def _show_pair(self, detail: PairDetail) -> None:
        if detail.candidate.key != self._current_key():
            return
        self.pair.show_pair(detail)
        self._enable()
        self.pair_shown.emit()

    @Slot()
    def _selection_changed(self) -> None:
        self._enable()

    def _enable(self) -> None:
        ready = self.pair.detail is not None and not self._busy
        for button in (self.accept_button, self.reject_button, self.unsure_button):
            button.setEnabled(ready)
        self.bulk_button.setEnabled(bool(self.selected_keys()) and not self._busy)

    # -- deciding ---------------------------------------------------------------------------------

    @Slot()
    def decide(self, verdict: str) -> None:
        """Accept, reject or "not sure" the pair on screen (the shortcuts A, R, N)."""
        detail = self.pair.detail
        if detail is None or self._busy:
            return
        key = detail.candidate.key
        self._busy = True
        self._enable()
        op = self._bg.write(_decide, self._source, verdict, key, self._actor, owner=self)
        op.success(self._decided).failure(self._decision_failed)

    def _decided(self, result: Decided) -> None:
        self._busy = False
        row = next((i for i, c in enumerate(self._candidates) if c.key == (result.a, result.b)), -1)
        messages = {
            "accepted": fill(self.tr("Merged: customer %1 is now one with customer %2."), result.a, result.b),
            "rejected": fill(
                self.tr("Customers %1 and %2 are two people: the pair will not come back."), result.a, result.b
            ),
            UNSURE: fill(self.tr("Customers %1 and %2 stay in the queue, marked not sure."), result.a, result.b),
        }
        self.status.setText(messages.get(result.status, ""))
        if row >= 0:
            if result.status == UNSURE:
                old = self._candidates[row]
                self._candidates[row] = Candidate(
                    old.a, old.b, old.score, old.decision, UNSURE, old.refs, old.evidence, old.found_at
                )
                self._fill_row(row, self._candidates[row])
                self.pair.clear()
                self._go_to(row + 1 if row + 1 < len(self._candidates) else row)
            else:
                self._remove_rows([row])
        self._enable()
        self.decided.emit(result.status)

    def _decision_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._enable()
        if isinstance(exc, (MergeError, ReviewError)):
            self.status.setText(fill(self.tr("Not done: %1"), refusal_text(exc.code, exc.message)))
            return
        self._failed(exc)

    def _remove_rows(self, rows: list[int]) -> None:
        first = min(rows) if rows else 0
        self.table.blockSignals(True)
        for row in sorted(rows, reverse=True):
            self.table.removeRow(row)
            del self._candidates[row]
        self.table.blockSignals(False)
        self.pair.clear()
        self._go_to(first)

    # -- in bulk ----------------------------------------------------------------------------------

    def selected_keys(self) -> list[tuple[int, int]]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._candidates[r].key for r in rows if r < len(self._candidates)]

    @Slot()
    def select_above_threshold(self) -> None:
        """Select every pair whose score is at least the threshold (the queue is sorted by score)."""
        limit = round(self.threshold.value(), 4)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        count = 0
        for row, c in enumerate(self._candidates):
            if c.score >= limit:
                self.table.selectRow(row)
                count += 1
        self.table.setSelectionMode(mode)
        self.status.setText(fill(self.tr("%1 pairs with a score of at least %2 selected."), count, f"{limit:.2f}"))
        self._enable()

    @Slot()
    def accept_selected(self) -> None:
        """Ask once, then merge every selected pair."""
        keys = self.selected_keys()
        if not keys or self._busy:
            return
        box = self.confirm_box = QMessageBox(self)
        box.setObjectName("stewardConfirmBulk")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Accept selected pairs"))
        box.setText(fill(self.tr("Merge the %1 selected pairs, each into one customer?"), len(keys)))
        box.setInformativeText(
            self.tr("Each merge keeps the values the survivorship rules choose, and can be undone later.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda answer: self._bulk_answer(answer, keys))
        box.open()

    def _bulk_answer(self, answer: int, keys: list[tuple[int, int]]) -> None:
        self.confirm_box = None
        if answer != QMessageBox.StandardButton.Yes.value:
            return
        self._busy = True
        self._enable()
        self.status.setText(fill(self.tr("Merging %1 pairs…"), len(keys)))
        op = self._bg.write(_accept_many, self._source, keys, self._actor, owner=self)
        op.success(self._bulk_done).failure(self._decision_failed)

    def _bulk_done(self, result: BulkResult) -> None:
        self._busy = False
        done = {(d.a, d.b) for d in result.accepted}
        rows = [i for i, c in enumerate(self._candidates) if c.key in done]
        text = fill(self.tr("%1 pairs merged."), len(result.accepted))
        if result.refused:
            a, b, code, message = result.refused[0]
            text += " " + fill(
                self.tr("%1 not merged; the first: customers %2 and %3: %4"),
                len(result.refused),
                a,
                b,
                refusal_text(code, message),
            )
        self._remove_rows(rows)
        self.status.setText(text)
        self._enable()
        self.decided.emit("bulk")

    def _failed(self, exc: BaseException) -> None:
        log.warning("steward's desk: a read or decision failed: %s", type(exc).__name__)
        self._busy = False
        self._enable()
        self.status.setText(
            self.tr("The queue could not be read or saved. Check the network connection and try again (F5).")
        )
