"""The steward's desk (duplicate review queue) on a scanned register with known duplicates, SQLite and
PostgreSQL: the pairs highest score first, side by side with the differing fields highlighted; A accepts
(merges), R rejects (and the pair does not come back after a rescan), N keeps it marked; the arrows
move; bulk accept above a threshold after one confirmation. In the real desk: only stewards and
supervisors get it, and an open tab of a customer merged away gives way to the survivor's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.duplicates.review import SIDE_FIELDS, DuplicateReview
from agentdesk.duplicates.state import DuplicateCandidate
from agentdesk.merge.service import CustomerMerges
from agentdesk.staff import StaffMember
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import Customer
from agentdesk_desktop.steward import open_steward_desk
from agentdesk_desktop.steward.pair_view import DIFFERS
from agentdesk_desktop.steward.steward_window import RECORD_A, SCORE, STATUS, StewardWindow
from tests.core.review_support import STEWARD, scan, seeded_queue


@pytest.fixture
def review(db) -> DuplicateReview:
    return seeded_queue(db)


@pytest.fixture
def window(qtbot, review, bg):
    w = StewardWindow(lambda: review, bg, STEWARD)
    qtbot.addWidget(w)
    with qtbot.waitSignals([w.queue_loaded, w.pair_shown], timeout=10_000):
        w.show()
    w.activateWindow()
    return w


def shown_keys(w: StewardWindow) -> list[tuple[int, int]]:
    return [c.key for c in w._candidates]


def column(w: StewardWindow, col: int) -> list[str]:
    return [w.table.item(r, col).text() for r in range(w.table.rowCount())]


def merged_into(db, customer_id: int) -> int | None:
    with db.session() as s:
        return s.get(Customer, customer_id).merged_into


def press(qtbot, w: StewardWindow, key: Qt.Key, signal) -> None:
    with qtbot.waitSignal(signal, timeout=10_000):
        qtbot.keyClick(w.table, key)


def test_the_queue_shows_the_pairs_highest_first_and_the_first_side_by_side(window, review, db):
    queue = review.queue()
    assert window.table.rowCount() == len(queue) > 0
    scores = [float(t) for t in column(window, SCORE)]
    assert scores == sorted(scores, reverse=True)
    assert column(window, RECORD_A)[0] == f"{queue[0].refs[0][0]} {queue[0].refs[0][1]}"
    detail = window.pair.detail
    assert detail is not None and detail.candidate.key == queue[0].key
    with db.session() as s:
        names = [s.get(Customer, cid).last_name for cid in queue[0].key]
    fields = window.pair.fields
    row = SIDE_FIELDS.index("last_name")
    assert [fields.item(row, c).text() for c in (0, 1)] == names
    highlighted = {
        SIDE_FIELDS[r] for r in range(fields.rowCount()) if fields.item(r, 0).background().color() == DIFFERS
    }
    assert highlighted == detail.differing and highlighted, "the differing fields stand out"
    assert window.pair.evidence.rowCount() == len(queue[0].evidence)
    assert "(A)" in window.accept_button.text() and "(R)" in window.reject_button.text()


def test_arrows_move_and_a_accepts_the_pair_on_screen(qtbot, window, review, db, change_bus):
    first, second = shown_keys(window)[:2]
    press(qtbot, window, Qt.Key.Key_Down, window.pair_shown)
    assert window.pair.detail.candidate.key == second
    with qtbot.waitSignal(change_bus.changed, timeout=10_000) as published:
        press(qtbot, window, Qt.Key.Key_A, window.decided)
    assert published.args[0].touches_customer(second[1])
    assert merged_into(db, second[1]) == second[0]
    assert second not in shown_keys(window) and first in shown_keys(window)
    qtbot.waitUntil(lambda: window.pair.detail is not None)
    assert window.pair.detail.candidate.key == shown_keys(window)[1], "the next pair is shown"
    assert "Merged" in window.status.text()


def test_r_rejects_and_the_pair_does_not_come_back_after_a_rescan(qtbot, window, review, db):
    key = shown_keys(window)[0]
    press(qtbot, window, Qt.Key.Key_R, window.decided)
    assert key not in shown_keys(window)
    assert merged_into(db, key[1]) is None
    scan(db, full=True)
    with qtbot.waitSignal(window.queue_loaded, timeout=10_000):
        qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert key not in shown_keys(window)
    assert window.table.rowCount() == len(review.queue()) > 0


def test_n_keeps_the_pair_in_the_queue_marked(qtbot, window, review, db):
    key = shown_keys(window)[0]
    press(qtbot, window, Qt.Key.Key_N, window.decided)
    assert shown_keys(window)[0] == key
    assert column(window, STATUS)[0] == "not sure"
    qtbot.waitUntil(lambda: window.pair.detail is not None)
    assert window.pair.detail.candidate.key == shown_keys(window)[1], "on to the next pair"
    scan(db, full=True)
    with qtbot.waitSignal(window.queue_loaded, timeout=10_000):
        window.refresh()
    assert column(window, STATUS)[shown_keys(window).index(key)] == "not sure"
    assert merged_into(db, key[1]) is None


def _confirm(qtbot, window: StewardWindow, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: window.confirm_box is not None and window.confirm_box.isVisible())
    qtbot.mouseClick(window.confirm_box.button(button), Qt.MouseButton.LeftButton)


def test_bulk_accept_of_the_pairs_above_a_threshold_asks_once(qtbot, review, db, bg):
    with db.session() as s, s.begin():  # a weaker pair of two people in the queue as well
        ids = [c.id for c in s.query(Customer).filter(Customer.merged_into.is_(None)).order_by(Customer.id.desc())]
        taken = {cid for c in review.queue() for cid in c.key}
        lo, hi = sorted(i for i in ids if i not in taken)[:2]
        s.add(DuplicateCandidate(customer_a=lo, customer_b=hi, score=0.7, decision="review"))
    w = StewardWindow(lambda: review, bg, STEWARD)
    qtbot.addWidget(w)
    with qtbot.waitSignals([w.queue_loaded, w.pair_shown], timeout=10_000):
        w.show()
    w.threshold.setValue(0.9)
    w.select_button.click()
    expected = [c.key for c in review.queue() if c.score >= 0.9]
    assert w.selected_keys() == expected and (lo, hi) not in expected
    w.bulk_button.click()
    _confirm(qtbot, w, QMessageBox.StandardButton.Cancel)
    assert all(merged_into(db, b) is None for _, b in expected), "cancelled: nothing merged"
    with qtbot.waitSignal(w.decided, timeout=60_000):
        w.bulk_button.click()
        _confirm(qtbot, w, QMessageBox.StandardButton.Yes)
    merged = [k for k in expected if merged_into(db, k[1]) == k[0]]
    refused = [k for k in expected if k not in merged]  # e.g. a typo in one identity code: said, left queued
    assert len(merged) > len(refused)
    assert shown_keys(w) == [*refused, (lo, hi)]
    assert f"{len(merged)} pairs merged" in w.status.text()
    assert (f"{len(refused)} not merged" in w.status.text()) is bool(refused)


def member(role: StaffRole) -> StaffMember:
    return StaffMember(1, "u", "U", role, None, None, None)


def test_only_stewards_and_supervisors_get_the_desk(desk):
    services = desk.services
    assert open_steward_desk(services, member(StaffRole.AGENT)) is None
    assert open_steward_desk(services, member(StaffRole.ADMIN)) is None
    assert desk.window.steward_action is None, "agent.aino has no steward's desk in her menu"
    for role in (StaffRole.STEWARD, StaffRole.SUPERVISOR):
        w = open_steward_desk(services, member(role))
        assert isinstance(w, StewardWindow)
        w.close()


def _open_tab(qtbot, window, customer_id: int):
    view = window.open_customer(customer_id)
    qtbot.waitUntil(lambda: getattr(view, "overview", None) is not None, timeout=10_000)
    return view


def test_accepting_in_the_desk_turns_the_merged_customers_tab_into_the_survivors(qtbot, supervisor_desk, sqlite_db):
    register = CustomerRegister(sqlite_db)
    keep = register.create(CustomerDraft(first_names="Ville", last_name="Vallila"), actor="t").id
    gone = register.create(CustomerDraft(first_names="Wille", last_name="Vallila"), actor="t").id
    with sqlite_db.session() as s, s.begin():
        s.add(DuplicateCandidate(customer_a=keep, customer_b=gone, score=0.93, decision="match"))
    main = supervisor_desk.window
    _open_tab(qtbot, main, gone)
    assert main.steward_action is not None
    main.steward_action.trigger()
    steward = supervisor_desk.windows.steward
    assert isinstance(steward, StewardWindow)
    qtbot.waitUntil(lambda: steward.pair.detail is not None, timeout=10_000)
    steward.activateWindow()
    with qtbot.waitSignal(steward.decided, timeout=10_000):
        qtbot.keyClick(steward.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: main.open_customer_ids == [keep], timeout=10_000)
    assert f"Customer {gone} was merged into customer {keep}" in main.statusBar().currentMessage()


def test_opening_a_merged_away_customer_opens_its_survivor(qtbot, supervisor_desk, sqlite_db, seeded):
    register = CustomerRegister(sqlite_db)
    gone = register.create(CustomerDraft(first_names="Anna", last_name="Virtanen"), actor="t").id
    CustomerMerges(sqlite_db).merge(seeded.anna, gone, STEWARD)
    main = supervisor_desk.window
    main.open_customer(gone)  # a stale search result, a register id, a screen pop
    qtbot.waitUntil(lambda: main.open_customer_ids == [seeded.anna], timeout=10_000)
    assert f"Customer {gone} was merged into customer {seeded.anna}" in main.statusBar().currentMessage()
    view = main.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.overview is not None, timeout=10_000)
    assert view.overview.header.customer_id == seeded.anna
