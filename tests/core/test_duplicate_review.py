"""The steward's review queue (agentdesk.duplicates.review) on SQLite and PostgreSQL: a scan fills it,
accept merges, a rejected pair never comes back from a later scan, "not sure" stays marked, bulk
accept reports what it could not merge; every view and decision is audited. A merged-away customer
opened later says who it is now."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select, text

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerMerged, CustomerRegister
from agentdesk.duplicates.review import ACCEPTED, OPEN, UNSURE, DuplicateReview, ReviewError
from agentdesk.duplicates.scan import DuplicateScan
from agentdesk.duplicates.state import DuplicateCandidate
from agentdesk.merge.service import CustomerMerges
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import (
    AuditEntry,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    IdentifierScheme,
)
from tests.core.review_support import STEWARD, scan, seeded_queue


def _audit(db, action: str) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def _truth(db) -> set[tuple[int, int]]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT duplicate_customer_id, original_customer_id FROM synthetic_duplicate"))
        return {(min(a, b), max(a, b)) for a, b in rows}


@pytest.fixture
def review(db) -> DuplicateReview:
    return seeded_queue(db)


def test_a_scan_fills_the_queue_highest_score_first(db, review):
    queue = review.queue()
    assert len(queue) >= 20
    scores = [c.score for c in queue]
    assert scores == sorted(scores, reverse=True)
    assert {c.status for c in queue} == {OPEN}
    truth = _truth(db)
    assert sum(c.key in truth for c in queue) / len(queue) >= 0.9, "the queue holds the known duplicates"
    assert all(c.a < c.b and c.evidence for c in queue)


def test_a_pair_side_by_side_is_audited_for_both_customers(db, review):
    pair = review.queue()[0]
    detail = review.pair(pair.b, pair.a, actor=STEWARD)  # either order
    assert (detail.a.customer_id, detail.b.customer_id) == pair.key
    with db.session() as s:
        a, b = s.get(Customer, pair.a), s.get(Customer, pair.b)
        assert (detail.a.values["last_name"], detail.b.values["last_name"]) == (a.last_name, b.last_name)
        same_first = a.first_names == b.first_names
    assert ("first_names" not in detail.differing) is same_first
    views = [e for e in _audit(db, "customer.view") if e.purpose == "duplicate review"]
    assert sorted(e.subject_customer_id for e in views) == list(pair.key)
    assert all(e.actor == STEWARD for e in views)


def test_accept_merges_the_pair_and_it_leaves_the_queue(db, review):
    pair = review.queue()[0]
    decided = review.accept(pair.a, pair.b, actor=STEWARD)
    assert decided.status == ACCEPTED and decided.survivor_id == pair.a and decided.merge_id
    assert decided.changes.touches_customer(pair.a) and decided.changes.touches_customer(pair.b)
    with db.session() as s:
        assert s.get(Customer, pair.b).merged_into == pair.a
        assert s.get(DuplicateCandidate, pair.key).merge_id == decided.merge_id
    assert pair.key not in {c.key for c in review.queue()}
    assert [e.subject_customer_id for e in _audit(db, "customer.merge")] == [pair.a, pair.b]
    detail = json.loads(_audit(db, "duplicates.decision")[0].detail)
    assert detail["decision"] == "accepted" and detail["pair"] == list(pair.key)
    with pytest.raises(ReviewError) as err:
        review.reject(pair.a, pair.b, actor=STEWARD)
    assert err.value.code == "already_decided"


@pytest.mark.parametrize("full", [True, False], ids=["full rescan", "incremental rescan"])
def test_a_rejected_pair_never_comes_back(db, review, full):
    pair = review.queue()[0]
    review.reject(pair.a, pair.b, actor=STEWARD)
    assert pair.key not in {c.key for c in review.queue()}
    with db.session() as s, s.begin():  # both changed since: an incremental scan compares them again
        for cid in pair.key:
            s.get(Customer, cid).updated_at = dt.datetime.now(dt.UTC)
    report = DuplicateScan(db).scan(full=full)
    assert report.compared_records >= 2
    assert pair.key not in {(p.a.customer_id, p.b.customer_id) for p in report.pairs}
    scan(db, full=full)
    assert pair.key not in {c.key for c in review.queue()}
    assert [e.subject_customer_id for e in _audit(db, "duplicates.decision")] == list(pair.key)


def test_not_sure_stays_in_the_queue_marked_also_after_a_rescan(db, review):
    first, second = review.queue()[:2]
    review.not_sure(second.a, second.b, actor=STEWARD)
    assert {c.key: c.status for c in review.queue()}[second.key] == UNSURE
    scan(db, full=True)
    after = {c.key: c.status for c in review.queue()}
    assert after[second.key] == UNSURE and after[first.key] == OPEN


def test_accept_many_merges_each_and_says_which_it_could_not(db, review):
    pairs = [c.key for c in review.queue()[:3]]
    with db.session() as s, s.begin():  # two people the scan would not propose: their codes differ
        twins = []
        for code in ("010190-123M", "010190-125P"):
            c = Customer(
                kind=CustomerKind.PERSON, first_names="Aino", last_name="Kaksonen", birth_date=dt.date(1990, 1, 1)
            )
            c.identifiers.append(CustomerIdentifier(scheme=IdentifierScheme.HETU, register="dvv", value=code))
            s.add(c)
            s.flush()
            twins.append(c.id)
        s.add(DuplicateCandidate(customer_a=twins[0], customer_b=twins[1], score=0.99, decision="match"))
    result = review.accept_many([*pairs, tuple(twins)], actor=STEWARD)
    assert sorted((d.a, d.b) for d in result.accepted) == sorted(pairs)
    assert [(a, b, code) for a, b, code, _ in result.refused] == [(twins[0], twins[1], "different_hetu")]
    assert {c.key for c in review.queue()} & set(pairs) == set()
    assert tuple(twins) in {c.key for c in review.queue()}, "the refused pair waits for the steward"
    with db.session() as s:
        assert [s.get(Customer, b).merged_into for _, b in pairs] == [a for a, _ in pairs]
        assert s.get(Customer, twins[1]).merged_into is None


def test_a_chain_of_pairs_accepted_in_bulk_makes_one_customer(db, review):
    a, b = review.queue()[0].key
    with db.session() as s, s.begin():
        c = Customer(kind=CustomerKind.PERSON, first_names="X", last_name="Y")
        s.add(c)
        s.flush()
        s.add(DuplicateCandidate(customer_a=b, customer_b=c.id, score=0.97, decision="match"))
        third = c.id
    result = review.accept_many([(a, b), (b, third)], actor=STEWARD)
    assert not result.refused
    with db.session() as s:
        assert (s.get(Customer, b).merged_into, s.get(Customer, third).merged_into) == (a, a)


def test_a_pair_whose_customer_was_merged_elsewhere_leaves_the_queue(db, review):
    pair = review.queue()[0]
    # pair.b is merged by hand, at the command line, into a customer of no pair (one without an
    # identity code, so the merge is allowed whatever pair.b holds).
    elsewhere = CustomerRegister(db).create(CustomerDraft(first_names="Muu", last_name="Asiakas"), actor=STEWARD).id
    CustomerMerges(db).merge(elsewhere, pair.b, STEWARD)
    assert pair.key not in {c.key for c in review.queue()}


def test_a_merged_away_customer_opens_as_its_survivor_and_its_register_id_finds_it(db, review):
    pair = review.queue()[0]
    with db.session() as s, s.begin():
        s.add(
            CustomerIdentifier(
                customer_id=pair.b, scheme=IdentifierScheme.REGISTER, register="daycare", value="DC-77881"
            )
        )
    review.accept(pair.a, pair.b, actor=STEWARD)
    before = len(_audit(db, "customer.view"))
    with pytest.raises(CustomerMerged) as err:
        CustomerOverviewService(db).open(pair.b, actor=STEWARD)
    assert (err.value.customer_id, err.value.survivor_id) == (pair.b, pair.a)
    assert len(_audit(db, "customer.view")) == before, "nothing of the tombstone was shown"
    assert CustomerOverviewService(db).open(pair.a, actor=STEWARD).header.customer_id == pair.a
    assert [h.customer_id for h in CustomerSearch(db).search("DC-77881").hits] == [pair.a]


def test_an_unmerged_pair_found_again_is_open_again(db, review):
    pair = review.queue()[0]
    decided = review.accept(pair.a, pair.b, actor=STEWARD)
    CustomerMerges(db).undo_merge(decided.merge_id, STEWARD)
    scan(db, full=True)
    assert {c.key: c.status for c in review.queue()}.get(pair.key) == OPEN


def test_the_scan_command_fills_the_queue_and_keeps_the_decisions(sqlite_db, capsys):
    from agentdesk import cli
    from tests.core.review_support import seed

    seed(sqlite_db)
    url = str(sqlite_db.engine.url)
    assert cli.main(["duplicates", "scan", "--db", url]) == 0
    review = DuplicateReview(sqlite_db)
    queue = review.queue()
    assert f"review queue: {len(queue)} new" in capsys.readouterr().out
    review.reject(queue[0].a, queue[0].b, actor=STEWARD)
    review.not_sure(queue[1].a, queue[1].b, actor=STEWARD)
    assert cli.main(["duplicates", "scan", "--full", "--json", "--db", url]) == 0
    printed = {tuple(r["customer_id"] for r in p["records"]) for p in json.loads(capsys.readouterr().out)["pairs"]}
    assert queue[0].key not in printed and queue[1].key in printed
    after = {c.key: c.status for c in review.queue()}
    assert queue[0].key not in after and after[queue[1].key] == UNSURE
