"""Need-to-know in the customer tab, as the agent meets it: the overview's social and health roles wait
behind the purpose prompt (the one sensitive panels use) and the purpose is audited; a staff member whose
role may not see them is never given them; a restricted customer opens only by breaking the glass with a
purpose, audited as ``break_glass``; the search list shows such a record only as restricted."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.drafts import DraftStore, new_key
from agentdesk.interaction_log import InteractionLog
from agentdesk.need_to_know import BREAK_GLASS_ACTION, SENSITIVE_VIEW_ACTION, viewer_of
from agentdesk.restricted_customers import RestrictedCustomers
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.staff import StaffDirectory
from agentdesk.storage.models import AuditEntry
from agentdesk.topics import load_topics
from agentdesk_desktop.overview.customer_overview_view import CustomerOverviewView
from agentdesk_desktop.search_results_model import SearchResultsModel
from tests.core.need_to_know_support import HEALTH_ROLE, SOCIAL_ROLE, TECHNICAL_ROLE, seed


@pytest.fixture
def need_to_know(sqlite_db, seeded):
    return seed(sqlite_db)


@pytest.fixture
def open_as(qtbot, sqlite_db, bg, tmp_path):
    def make(username: str, customer_id: int, *, wait: bool = True) -> CustomerOverviewView:
        staff = StaffDirectory(sqlite_db).get(username)
        view = CustomerOverviewView(
            customer_id,
            overview_service=CustomerOverviewService(sqlite_db),
            interactions=InteractionLog(sqlite_db),
            drafts=DraftStore.opened(tmp_path / "drafts", username, new_key()),
            background=bg,
            staff=staff,
            topics=load_topics(),
            restricted=RestrictedCustomers(sqlite_db),
        )
        qtbot.addWidget(view)
        view.resize(1040, 940)
        view.show()
        if wait:
            qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
        return view

    return make


def _role_rows(view: CustomerOverviewView) -> list[str]:
    table = view.roles.table
    return [table.item(row, 0).text() for row in range(table.rowCount())] if table.isVisible() else []


def _audit(db, action: str) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_the_overview_asks_the_purpose_before_social_and_health_roles(qtbot, sqlite_db, need_to_know, open_as):
    view = open_as("agent.aino", need_to_know.client_id)  # customer service: may see both, with a purpose
    assert _role_rows(view) == [TECHNICAL_ROLE]
    prompt = view.roles.prompt
    assert prompt.isVisible()
    assert prompt.text.text().startswith("Restricted entries (social or health services) hidden: 2.")
    assert prompt.buttons["consent"].text() == "Customer is on the line and consents"  # the panels' prompt
    assert _audit(sqlite_db, SENSITIVE_VIEW_ACTION) == []

    qtbot.mouseClick(prompt.buttons["statutory_task"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_role_rows(view)) == 3, timeout=5000)
    assert set(_role_rows(view)) == {TECHNICAL_ROLE, SOCIAL_ROLE, HEALTH_ROLE}
    assert not prompt.isVisible()
    (entry,) = _audit(sqlite_db, SENSITIVE_VIEW_ACTION)
    assert (entry.actor, entry.subject_customer_id, entry.purpose) == (
        "agent.aino",
        need_to_know.client_id,
        "statutory_task",
    )
    # Read again (an edit, a new case): the roles shown for the purpose stay shown.
    view.refresh()
    qtbot.waitUntil(lambda: len(_audit(sqlite_db, SENSITIVE_VIEW_ACTION)) == 2, timeout=5000)
    qtbot.waitUntil(lambda: len(_role_rows(view)) == 3, timeout=5000)


def test_a_role_that_may_not_see_social_services_never_gets_them(qtbot, sqlite_db, need_to_know, open_as):
    view = open_as("nurse.helmi", need_to_know.client_id)  # health: home care yes, social services never
    assert view.roles.prompt.text.text().startswith("Restricted entries (social or health services) hidden: 1.")
    qtbot.mouseClick(view.roles.prompt.buttons["consent"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_role_rows(view)) == 2, timeout=5000)
    assert set(_role_rows(view)) == {TECHNICAL_ROLE, HEALTH_ROLE}
    assert SOCIAL_ROLE not in {r.description for r in view.overview.roles}
    assert all(SOCIAL_ROLE not in r.description for r in view.roles.sensitive)


def test_a_supervisor_without_a_purpose_sees_no_sensitive_role(qtbot, sqlite_db, need_to_know, open_as):
    view = open_as("super.sari", need_to_know.client_id)
    assert _role_rows(view) == [TECHNICAL_ROLE]
    assert view.roles.prompt.isVisible()


def test_breaking_the_glass_opens_a_restricted_customer_and_is_audited(qtbot, sqlite_db, need_to_know, open_as):
    view = open_as("agent.aino", need_to_know.restricted_id, wait=False)
    page = view.break_glass
    qtbot.waitUntil(page.isVisible, timeout=5000)
    assert "restricted record (staff member)" in page.text.text()
    assert view.overview is None  # nothing of the customer was read
    assert not page.button.isEnabled()  # a purpose first
    qtbot.keyClicks(page.purpose, "Soittaja uhkaa vahingoittaa itseaan")
    assert page.button.isEnabled()
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.is_painted, timeout=5000)
    assert view.title() == "Rauno Rajattu"
    (entry,) = _audit(sqlite_db, BREAK_GLASS_ACTION)
    assert (entry.actor, entry.subject_customer_id, entry.purpose) == (
        "agent.aino",
        need_to_know.restricted_id,
        "Soittaja uhkaa vahingoittaa itseaan",
    )


def test_a_named_role_opens_a_restricted_customer_without_breaking_the_glass(qtbot, sqlite_db, need_to_know, open_as):
    view = open_as("super.sari", need_to_know.restricted_id)
    assert view.title() == "Rauno Rajattu"
    assert not view.break_glass.isVisible()
    assert _audit(sqlite_db, BREAK_GLASS_ACTION) == []


def test_the_search_list_shows_a_restricted_record_only_as_restricted(qtbot, sqlite_db, need_to_know, bg):
    viewer = viewer_of(StaffDirectory(sqlite_db).get("agent.aino"))
    model = SearchResultsModel(bg, partial(CustomerSearch(sqlite_db).search, viewer=viewer))
    model.set_query("Rajattu")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts[0] == "Restricted record"
    assert "Rajattu" not in " ".join(str(t) for t in texts)
