"""Steward merges: every kind of link moves to the survivor, survivorship by the profile's rules,
search follows, the audit is written; undo restores both customers exactly, also after new
contacts on the survivor; undoing twice or out of order is refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from agentdesk import audit
from agentdesk.gdpr_export import collect
from agentdesk.interaction_log import InteractionDraft, InteractionLog
from agentdesk.merge.rules import RulesError, parse_rules
from agentdesk.merge.service import CustomerMerges, MergeError
from agentdesk.merge.tombstones import resolve
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import (
    AuditEntry,
    Channel,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    CustomerRelationship,
    CustomerRole,
    IdentifierScheme,
    Interaction,
    Language,
    Outcome,
)
from tests.core.merge_support import (
    CUSTOMER_COLUMNS,
    HETU,
    POPULATION_ID,
    WATER_ID,
    customer,
    rows_of,
    seed,
    snapshot,
)

STEWARD = "steward.sanna"


@pytest.fixture
def people(db):
    return seed(db)


def _found(db, query: str) -> list[int]:
    return [h.customer_id for h in CustomerSearch(db).search(query).hits]


@pytest.mark.parametrize("name", sorted(CUSTOMER_COLUMNS))
def test_merge_moves_every_kind_of_link(db, people, name):
    before = rows_of(db, name, people.merged)
    own = rows_of(db, name, people.survivor)
    assert before, f"the fixture gives the merged customer {name} rows"
    result = CustomerMerges(db).merge(people.survivor, people.merged, STEWARD)
    assert rows_of(db, name, people.merged) == 0, f"{name}: nothing is left on the merged customer"
    if name != "customer_relationship":  # a link between the two counts on both sides (see below)
        assert rows_of(db, name, people.survivor) == own + before - result.removed.get(name, 0)


def test_merged_customer_is_a_tombstone_and_its_links_join_the_survivor(db, people):
    result = CustomerMerges(db).merge(people.survivor, people.merged, STEWARD)
    c = customer(db, people.merged)
    assert c.merged_into == people.survivor
    with db.session() as s:
        assert resolve(s, people.merged) == people.survivor
        points = sorted(
            (p.value, p.is_primary)
            for p in s.scalars(select(ContactPoint).where(ContactPoint.customer_id == people.survivor))
        )
        rels = sorted(
            (r.from_customer_id, r.to_customer_id, r.kind.value) for r in s.scalars(select(CustomerRelationship))
        )
        roles = sorted(
            r.role_code for r in s.scalars(select(CustomerRole).where(CustomerRole.customer_id == people.survivor))
        )
        ids = sorted(
            i.value
            for i in s.scalars(select(CustomerIdentifier).where(CustomerIdentifier.customer_id == people.survivor))
        )
    # the shared phone once, the survivor's primary stays the only primary phone
    assert points == [("+358401234567", True), ("+358409999999", False), ("anna.maria@example.fi", True)]
    # no relationship to herself, the child's guardian once, the organisation and the child's link kept
    assert rels == [
        (people.survivor, people.child, "guardian"),
        (people.survivor, people.org, "representative"),
        (people.child, people.survivor, "household_member"),
    ]
    assert roles == ["daycare_guardian", "water_customer"]
    assert ids == sorted([HETU, POPULATION_ID, WATER_ID])
    assert result.removed == {"contact_point": 1, "customer_relationship": 2, "field_source": 1}
    assert result.changes.touches_customer(people.survivor) and result.changes.touches_customer(people.merged)


def test_population_data_wins_identity_and_address_by_default(db, people):
    result = CustomerMerges(db).merge(people.survivor, people.merged, STEWARD)
    shown = {c.field: c for c in result.choices}
    assert shown["name"].value == "Anna Maria Virtanen"
    assert shown["name"].reason == "population data is trusted before water-utility"
    assert shown["address"].value == "Hämeenkatu 12, 33100 Tampere"
    assert shown["birth_date"].reason_code == "same"
    assert shown["hetu"].winner == "merged"
    c = customer(db, people.survivor)
    assert (c.first_names, c.last_name) == ("Anna Maria", "Virtanen")
    overview_street = CustomerSearch(db).search(HETU).hits[0].street
    assert overview_street == "Hämeenkatu 12"


def test_survivorship_rules_from_the_profile(db, people):
    rules = parse_rules({"trust": ["water-utility", "population data"]})
    result = CustomerMerges(db).merge(people.survivor, people.merged, STEWARD, rules)
    shown = {c.field: c for c in result.choices}
    assert shown["name"].winner == "survivor"
    assert shown["address"].value == "Mannerheimintie 5 A 3, 00100 Helsinki"
    assert (customer(db, people.survivor).first_names) == "Anna"
    assert CustomerSearch(db).search(HETU).hits[0].street == "Mannerheimintie 5 A 3"


def test_most_recent_register_wins_between_equals(db, people):
    rules = parse_rules({"trust": ["daycare"]})  # neither side's name register is listed: most recent wins
    result = CustomerMerges(db).merge(people.survivor, people.merged, STEWARD, rules, dry_run=True)
    name = next(c for c in result.choices if c.field == "name")
    assert name.winner == "merged" and name.reason_code == "recent"
    assert name.reason == "population data said it on 2026-11-02, after water-utility on 2026-10-01"


def test_profile_rules_are_checked():
    with pytest.raises(RulesError, match=r"survivorship\.fields\.adress: unknown field"):
        parse_rules({"fields": {"adress": ["population data"]}})
    with pytest.raises(RulesError, match=r"survivorship\.trust: expected a list"):
        parse_rules({"trust": "population data"})


def test_dry_run_changes_nothing(db, people):
    before = snapshot(db, (people.survivor, people.merged))
    result = CustomerMerges(db).merge(people.survivor, people.merged, STEWARD, dry_run=True)
    assert result.merge_id is None and result.moved["interaction"] == 1
    assert snapshot(db, (people.survivor, people.merged)) == before
    assert CustomerMerges(db).merges() == []


def test_search_follows_the_merge_and_the_undo(db, people):
    merges = CustomerMerges(db)
    assert _found(db, "Hämeenkatu 12") == [people.merged]
    merge = merges.merge(people.survivor, people.merged, STEWARD)
    assert _found(db, HETU) == [people.survivor]
    assert _found(db, POPULATION_ID) == [people.survivor]
    assert _found(db, WATER_ID) == [people.survivor]
    assert _found(db, "Virtanen Anna") == [people.survivor], "the merged customer has left the search"
    assert _found(db, "Hämeenkatu 12") == [people.survivor]
    merges.undo_merge(merge.merge_id, STEWARD)
    assert _found(db, HETU) == [people.merged]
    assert _found(db, POPULATION_ID) == [people.merged]
    assert _found(db, WATER_ID) == [people.survivor]
    assert sorted(_found(db, "Virtanen Anna")) == sorted([people.survivor, people.merged])
    assert _found(db, "Mannerheimintie 5") == [people.survivor]


def test_undo_restores_both_customers_exactly(db, people):
    ids = (people.survivor, people.merged, people.child, people.org)
    before = snapshot(db, ids)
    merges = CustomerMerges(db)
    merge = merges.merge(people.survivor, people.merged, STEWARD)
    assert snapshot(db, ids) != before
    undone = merges.undo_merge(merge.merge_id, STEWARD)
    assert snapshot(db, ids) == before
    assert undone.kept == 0 and undone.moved == 0


def test_undo_after_new_contacts_keeps_them_with_the_survivor_unless_moved(db, people):
    ids = (people.survivor, people.merged, people.child, people.org)
    before = snapshot(db, ids)
    merges = CustomerMerges(db)
    merge = merges.merge(people.survivor, people.merged, STEWARD)
    log = InteractionLog(db)
    now = dt.datetime.now(dt.UTC)
    stays = log.save(
        InteractionDraft(
            Channel.PHONE,
            now,
            customer_id=people.survivor,
            notes="meter",
            topic="general",
            outcome=Outcome.RESOLVED_FIRST_CONTACT,
        ),
        agent_id=None,
        actor="agent.aino",
    )
    goes = log.save(
        InteractionDraft(
            Channel.EMAIL,
            now,
            customer_id=people.survivor,
            notes="daycare",
            topic="general",
            outcome=Outcome.RESOLVED_FIRST_CONTACT,
        ),
        agent_id=None,
        actor="agent.aino",
    )
    with pytest.raises(MergeError, match=r"was not made on customer \d+ after merge"):
        merges.undo_merge(merge.merge_id, STEWARD, move=[_first_interaction(db, people.merged)])
    undone = merges.undo_merge(merge.merge_id, STEWARD, move=[goes.id])
    assert undone.moved == 1
    with db.session() as s:
        assert s.get(Interaction, stays.id).customer_id == people.survivor
        assert s.get(Interaction, goes.id).customer_id == people.merged
    after = snapshot(db, ids)
    new = {stays.id, goes.id}
    after["interaction"] = [r for r in after["interaction"] if r[0] not in new]
    assert after == before, "apart from the new contacts, both customers are as they were"


def _first_interaction(db, original_owner: int) -> int:
    """An interaction the merge moved (not a new link): moving it is the undo's own job."""
    with db.session() as s:
        return s.scalars(select(Interaction.id).order_by(Interaction.id)).all()[1]


def test_undoing_twice_is_refused(db, people):
    merges = CustomerMerges(db)
    merge = merges.merge(people.survivor, people.merged, STEWARD)
    merges.undo_merge(merge.merge_id, STEWARD)
    with pytest.raises(MergeError, match=rf"merge {merge.merge_id} was already undone on .* by {STEWARD}"):
        merges.undo_merge(merge.merge_id, STEWARD)


def test_undo_of_a_merge_whose_survivor_was_merged_again_names_the_later_merge(db, people):
    merges = CustomerMerges(db)
    first = merges.merge(people.survivor, people.merged, STEWARD)
    with db.session() as s, s.begin():
        third = Customer(
            kind=CustomerKind.PERSON, first_names="Anna", last_name="Virtanen", preferred_language=Language.FI
        )
        s.add(third)
        s.flush()
        third_id = third.id
    later = merges.merge(third_id, people.survivor, STEWARD)
    with pytest.raises(MergeError) as err:
        merges.undo_merge(first.merge_id, STEWARD)
    assert err.value.code == "survivor_merged_again"
    assert f"undo merge {later.merge_id} first" in str(err.value)
    merges.undo_merge(later.merge_id, STEWARD)
    merges.undo_merge(first.merge_id, STEWARD)
    assert customer(db, people.merged).merged_into is None


def test_refusals_are_clear(db, people):
    merges = CustomerMerges(db)
    with pytest.raises(MergeError, match="cannot be merged into itself"):
        merges.merge(people.survivor, people.survivor, STEWARD)
    with pytest.raises(MergeError, match="there is no customer 999999"):
        merges.merge(people.survivor, 999999, STEWARD)
    with pytest.raises(MergeError, match="is a person"):
        merges.merge(people.survivor, people.org, STEWARD)
    with db.session() as s, s.begin():
        s.add(
            CustomerIdentifier(
                customer_id=people.survivor, scheme=IdentifierScheme.HETU, register="dvv", value="131052A308T"
            )
        )
    with pytest.raises(MergeError, match="different identity codes"):
        merges.merge(people.survivor, people.merged, STEWARD)
    with pytest.raises(MergeError, match="there is no merge 42"):
        merges.undo_merge(42, STEWARD)


def test_merges_are_audited_and_the_audit_follows_the_survivor(db, people):
    from agentdesk.customer_overview import CustomerOverviewService

    CustomerOverviewService(db).open(people.merged, actor="agent.aino")
    merges = CustomerMerges(db)
    merge = merges.merge(people.survivor, people.merged, STEWARD)
    with db.session() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "customer.merge")))
        assert sorted(e.subject_customer_id for e in entries) == sorted([people.survivor, people.merged])
        assert all(e.actor == STEWARD and json.loads(e.detail)["merge_id"] == merge.merge_id for e in entries)
        assert "Virtanen" not in entries[0].detail
        seen = [(e.subject_customer_id, e.action) for e in audit.entries_for(s, people.survivor)]
        assert (people.merged, "customer.view") in seen, "the merged customer's audit counts as the survivor's"
        exported = collect(s, people.survivor)
        assert any(e["action"] == "customer.view" for e in exported["audit_entries"])
    merges.undo_merge(merge.merge_id, STEWARD)
    with db.session() as s:
        seen = [(e.subject_customer_id, e.action) for e in audit.entries_for(s, people.survivor)]
        assert (people.merged, "customer.view") not in seen
        assert [e.action for e in audit.entries_for(s, people.merged)][:1] == ["customer.unmerge"]
    listed = merges.merges()
    assert [(m.id, m.survivor_id, m.merged_id, m.undone_by) for m in listed] == [
        (merge.merge_id, people.survivor, people.merged, STEWARD)
    ]


PROFILE = """\
profile_version = 1

[department]
code = "soc"
name = { fi = "Sosiaalipalvelut" }

[survivorship]
trust = ["water-utility", "population data"]
"""


def test_the_department_profile_sets_the_rules(db, people):
    from agentdesk.deployment.profile import check_profile, parse_profile

    profile = parse_profile(PROFILE, "p.toml", installed=None)
    assert profile.survivorship.trust == ("water-utility", "population data")
    result = CustomerMerges(db).merge(people.survivor, people.merged, STEWARD, profile.survivorship)
    assert next(c for c in result.choices if c.field == "name").winner == "survivor"
    bad = PROFILE.replace('trust = ["water-utility", "population data"]', 'trust = ["daycare", "daycare"]')
    assert [str(p) for p in check_profile(bad, "p.toml", installed=None)] == [
        "p.toml: survivorship.trust: a register is listed twice"
    ]
    assert parse_profile(PROFILE.split("[survivorship]")[0], "p.toml", installed=None).survivorship.fields["name"][
        :2
    ] == (
        "population",
        "population data",
    )


def test_merges_into_one_survivor_are_undone_last_first(db, people):
    ids = (people.survivor, people.merged, people.child, people.org)
    before = snapshot(db, ids)
    merges = CustomerMerges(db)
    first = merges.merge(people.survivor, people.merged, STEWARD)
    second = merges.merge(people.survivor, people.child, STEWARD)
    with pytest.raises(MergeError, match=rf"by merge {second.merge_id}: undo merge {second.merge_id} first"):
        merges.undo_merge(first.merge_id, STEWARD)
    merges.undo_merge(second.merge_id, STEWARD)
    merges.undo_merge(first.merge_id, STEWARD)
    assert snapshot(db, ids) == before
