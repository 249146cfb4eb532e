"""Soak test for a PySide6 regression that aborts the interpreter.

PySide6 6.12.0 on CPython 3.11 aborts the whole process ("Fatal Python error: bool_dealloc" or
"none_dealloc") after about a thousand model resets or dataChanged signals with a view attached:
a reference count of ``True``/``None`` is decremented once too often per emission until the
immortal-in-3.12-but-not-in-3.11 singleton is freed. pyproject.toml pins 6.11.2, which does not do
this. The test drives the real search results model through ~3,000 resets and dataChanged
signals with a shown QTableView, so an upgrade that brings the bug back crashes the suite.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableView

from agentdesk.search.customer_search import CustomerHit, SearchPage
from agentdesk.search.query_kinds import ClassifiedQuery, QueryKind
from agentdesk.storage.models import CustomerKind
from agentdesk_desktop.background import Background
from agentdesk_desktop.search_results_model import SearchResultsModel

CYCLES = 3000


def hits(n: int) -> list[CustomerHit]:
    return [
        CustomerHit(
            customer_id=i,
            kind=CustomerKind.PERSON,
            first_names=f"Testi {i}",
            last_name="Soak",
            birth_date=dt.date(1980, 1, 1 + i % 28),
            street=None if i % 5 == 0 else f"Koekatu {i}",
            postal_code="33100",
            municipality="Tampere",
            address_protected=i % 5 == 0,
            matched=QueryKind.TEXT,
            score=1.0,
        )
        for i in range(1, n + 1)
    ]


@pytest.mark.slow
def test_thousands_of_resets_and_data_changes_with_a_view_attached(qtbot, qapp):
    bg = Background(None)
    model = SearchResultsModel(bg, search=lambda *a, **k: None)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(480, 240)  # small: the bug is in the signals, not in how much is painted
    view.show()
    qtbot.waitExposed(view)
    rows = hits(20)
    page = SearchPage(ClassifiedQuery(QueryKind.TEXT, "soak", "soak"), tuple(rows), 0, 50, False)
    try:
        for i in range(CYCLES):
            model._replace(rows[: 5 + i % 15], False, page)  # beginResetModel/endResetModel
            last = model.rowCount() - 1
            model.dataChanged.emit(model.index(0, 0), model.index(last, 3), [Qt.ItemDataRole.DisplayRole])
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
            QCoreApplication.processEvents()  # the view lays out and paints: rowCount(), data(), ... run
        assert model.rowCount() == 5 + (CYCLES - 1) % 15
        assert model.index(0, 0).data() == "Soak, Testi 1"
    finally:
        view.setModel(None)
        model.deleteLater()
        bg.shutdown()
        bg.deleteLater()
