"""A household member of a person with a protected address, as the agent sees them at the desk:
the overview says "Address protected (related person)" and no widget shows the shared street; the
edit form does not show it either; the search result list shows no address."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.drafts import DraftStore, new_key
from agentdesk.duplicate_check import DuplicateCheck
from agentdesk.interaction_log import InteractionLog
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import CustomerRelationship, RelationshipKind
from agentdesk.topics import load_topics
from agentdesk_desktop.customer_form.customer_dialog import CustomerDialog
from agentdesk_desktop.overview.customer_overview_view import CustomerOverviewView
from agentdesk_desktop.search_results_model import ADDRESS, SearchResultsModel


@pytest.fixture
def spouse(sqlite_db, seeded):
    """Sami lives with Sari (protected address) at her street, as her household member."""
    sami = (
        CustomerRegister(sqlite_db)
        .create(
            CustomerDraft(
                first_names="Sami",
                last_name="Virtanen",
                street=seeded.protected_street,
                postal_code="02100",
                municipality="Espoo",
            ),
            actor="test",
        )
        .id
    )
    with sqlite_db.session() as s, s.begin():
        s.add(
            CustomerRelationship(
                from_customer_id=sami, to_customer_id=seeded.secret, kind=RelationshipKind.HOUSEHOLD_MEMBER
            )
        )
    return sami


def texts_of(root: QWidget) -> str:
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        out += [w.toolTip(), w.accessibleName(), w.windowTitle()]
        for getter in ("text", "toPlainText", "title", "placeholderText", "currentText"):
            value = getattr(w, getter, None)
            if callable(value):
                with contextlib.suppress(TypeError):
                    out.append(str(value()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for r in range(m.rowCount()):
                for c in range(m.columnCount()):
                    out.append(str(m.index(r, c).data()))
    return "\n".join(out)


def test_the_relatives_overview_and_form_show_no_shared_address(qtbot, sqlite_db, seeded, spouse, bg, tmp_path):
    staff = StaffDirectory(sqlite_db).get("agent.aino")
    register, duplicates = CustomerRegister(sqlite_db), DuplicateCheck(sqlite_db)
    view = CustomerOverviewView(
        spouse,
        overview_service=CustomerOverviewService(sqlite_db),
        interactions=InteractionLog(sqlite_db),
        drafts=DraftStore.opened(tmp_path / "drafts", "agent.test", new_key()),
        background=bg,
        staff=staff,
        topics=load_topics(),
        edit_dialog_factory=lambda cid, parent: CustomerDialog(
            register, duplicates, bg, staff, customer_id=cid, parent=parent
        ),
    )
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.contact.values["address"].text() != "", timeout=5000)
    qtbot.waitUntil(lambda: view.contact.values["address"].text() == "Address protected (related person)")
    assert "lives with this customer" in view.contact.values["address"].toolTip()
    assert "Sari Virtanen" in texts_of(view)  # the relationship itself is shown
    dialog = view.edit_customer()
    qtbot.waitUntil(lambda: dialog.record is not None)
    for root in (view, dialog):
        shown = texts_of(root)
        for part in (seeded.protected_street, "Piilopolku", "02100", "Espoo"):
            assert part not in shown, f"{part!r} appears in {type(root).__name__}"
    dialog.reject()


def test_the_result_list_shows_no_address_for_the_relative(qtbot, sqlite_db, seeded, spouse, bg):
    m = SearchResultsModel(bg, CustomerSearch(sqlite_db).search)
    try:
        with qtbot.waitSignal(m.page_loaded, timeout=5000):
            m.set_query("virtanen")
        row = m.row_of(spouse)
        assert row >= 0 and m.index(row, ADDRESS).data() == "Address protected"
        for r in range(m.rowCount()):
            for c in range(m.columnCount()):
                value = str(m.index(r, c).data() or "") + str(m.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or "")
                assert "Piilopolku" not in value and "02100" not in value and "Espoo" not in value
        with qtbot.waitSignal(m.page_loaded, timeout=5000):
            m.set_query("Piilopolku 9")
        assert m.row_of(spouse) < 0 and m.row_of(seeded.secret) < 0
    finally:
        m.deleteLater()
