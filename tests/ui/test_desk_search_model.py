"""The lazy search results model on a real database."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk_desktop.background import Background
from agentdesk_desktop.search_results_model import ADDRESS, CUSTOMER_ID_ROLE, MUNICIPALITY, SearchResultsModel

MANY = 120
FIRST_NAMES = ["Aada", "Eino", "Helmi", "Ilmari", "Kerttu", "Lauri", "Martta", "Onni", "Siiri", "Väinö"]


@pytest.fixture
def bg(qapp):
    helper = Background(None)
    yield helper
    helper.shutdown()
    helper.deleteLater()


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """One database with MANY customers for the module (the tests only read it)."""
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('many') / 'many.sqlite3'}")
    schema.upgrade(db)
    reg = CustomerRegister(db)
    for i in range(MANY):
        reg.create(
            CustomerDraft(
                first_names=f"{FIRST_NAMES[i % 10]} {i}",
                last_name="Testinen",
                street=f"Koekatu {i}",
                postal_code="33100",
                municipality="Tampere",
            ),
            actor="test",
        )
    yield db
    db.dispose()


@pytest.fixture
def model(qtbot, bg, many):
    m = SearchResultsModel(bg, CustomerSearch(many).search)
    yield m
    m.deleteLater()


def load(qtbot, bg, model, query: str) -> None:
    model.set_query(query)
    qtbot.waitUntil(lambda: not model.loading)
    assert bg.wait_idle()


def test_first_page_only_until_more_is_asked_for(qtbot, bg, model):
    load(qtbot, bg, model, "testinen")
    assert model.rowCount() == 50
    assert model.count_label == "50+"
    assert model.canFetchMore(QModelIndex())
    qtbot.wait(100)
    assert bg.wait_idle()
    assert model.rowCount() == 50, "no second page without fetchMore"

    model.fetchMore(QModelIndex())
    assert model.loading and not model.canFetchMore(QModelIndex()), "one page at a time"
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert model.count_label == "100+"
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == MANY)
    qtbot.waitUntil(lambda: not model.loading)
    assert model.count_label == str(MANY)
    assert not model.canFetchMore(QModelIndex())
    ids = [model.index(r, 0).data(CUSTOMER_ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == MANY


def test_scrolling_the_view_fetches_the_next_page(qtbot, bg, model):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    load(qtbot, bg, model, "testinen")
    assert model.rowCount() == 50
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 100)


def test_passes_the_model_tester(qtbot, qtmodeltester, bg, model):
    qtmodeltester.check(model)
    load(qtbot, bg, model, "testinen")
    qtmodeltester.check(model)
    model.set_query("")
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_a_page_of_an_older_query_is_dropped(qtbot, bg, many):
    search = CustomerSearch(many).search
    gate = threading.Event()

    def slow_for_the_first(query, **kwargs):
        if query == "aada":
            gate.wait(5)
        return search(query, **kwargs)

    m = SearchResultsModel(bg, slow_for_the_first)
    try:
        m.set_query("aada")
        m.set_query("eino 1")
        qtbot.waitUntil(lambda: not m.loading)
        names = {m.hit(r).first_names for r in range(m.rowCount())}
        gate.set()
        assert bg.wait_idle()
        assert m.query == "eino 1"
        assert {m.hit(r).first_names for r in range(m.rowCount())} == names
        assert all(n.startswith("Eino") for n in names)
    finally:
        gate.set()
        m.deleteLater()


def test_protected_address_is_never_in_the_model(qtbot, bg, sqlite_db, seeded):
    m = SearchResultsModel(bg, CustomerSearch(sqlite_db).search)
    try:
        load(qtbot, bg, m, "virtanen")
        row = m.row_of(seeded.secret)
        assert row >= 0
        for r in range(m.rowCount()):
            for c in range(m.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole):
                    value = str(m.index(r, c).data(role) or "")
                    assert "Piilopolku" not in value and "02100" not in value and "Espoo" not in value
        assert m.index(row, ADDRESS).data() == "Address protected"
        assert m.index(row, MUNICIPALITY).data() == ""
        assert m.index(m.row_of(seeded.anna), ADDRESS).data() == "Hämeenkatu 12 A 3, 33100"
    finally:
        m.deleteLater()
