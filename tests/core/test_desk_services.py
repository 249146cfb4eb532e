"""Services behind the desk: overview (audited), timeline paging, interaction log, drafts, topics."""

from __future__ import annotations

import datetime as dt

import pytest

from agentdesk import audit
from agentdesk.customer_overview import CustomerOverviewService, TimelineFilter, mask_hetu
from agentdesk.customer_register import CustomerDraft, CustomerRegister, set_alert
from agentdesk.drafts import DraftStore, new_key
from agentdesk.duplicate_check import DuplicateCheck
from agentdesk.interaction_log import InteractionDraft, InteractionInvalid, InteractionLog, check
from agentdesk.storage.models import (
    AlertKind,
    Channel,
    CustomerRelationship,
    Outcome,
    RelationshipKind,
)
from agentdesk.topics import TopicFileError, load_topics

NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def family(db):
    reg = CustomerRegister(db)
    mother = reg.create(
        CustomerDraft(
            first_names="Laura",
            last_name="Heikkinen",
            hetu="010594Y9032",
            phones=("040 765 1234",),
            street="Rantatie 5",
            postal_code="40100",
            municipality="Jyväskylä",
        ),
        actor="t",
    ).id
    child = reg.create(
        CustomerDraft(
            first_names="Eetu",
            last_name="Heikkinen",
            hetu="010516B903X",
            street="Rantatie 5",
            postal_code="40100",
            municipality="Jyväskylä",
        ),
        actor="t",
    ).id
    with db.session() as s, s.begin():
        s.add(CustomerRelationship(from_customer_id=mother, to_customer_id=child, kind=RelationshipKind.GUARDIAN))
    return mother, child


def test_opening_a_customer_shows_the_whole_picture_and_is_audited(db, family):
    mother, child = family
    view = CustomerOverviewService(db).open(mother, actor="agent.aino", purpose="phone call")
    assert view.header.display_name == "Laura Heikkinen"
    assert view.header.hetu_masked == "010594Y****"
    assert view.address.municipality == "Jyväskylä"
    assert [(r.other_customer_id, r.relation) for r in view.relationships] == [(child, "guardian_of")]
    child_view = CustomerOverviewService(db).open(child, actor="agent.aino")
    assert [(r.other_customer_id, r.relation) for r in child_view.relationships] == [(mother, "child_of")]
    with db.session() as s:
        entries = audit.entries_for(s, mother)
    views = [(e.actor, e.action, e.purpose) for e in entries if e.action == "customer.view"]
    assert views == [("agent.aino", "customer.view", "phone call")]


def test_revealing_the_identity_code_is_audited(db, family):
    mother, _ = family
    assert CustomerOverviewService(db).reveal_hetu(mother, actor="agent.aino") == "010594Y9032"
    with db.session() as s:
        newest = audit.entries_for(s, mother)[0]
    assert (newest.action, newest.actor) == ("hetu.reveal", "agent.aino")


def test_protected_address_is_not_in_the_overview(db, family):
    mother, _ = family
    set_alert(db, mother, AlertKind.PROTECTED_ADDRESS, actor="t")
    view = CustomerOverviewService(db).open(mother, actor="a")
    assert view.address_protected and view.address is None
    assert [a.kind for a in view.alerts] == [AlertKind.PROTECTED_ADDRESS]
    assert "Rantatie" not in repr(view)


def test_timeline_pages_newest_first_with_filters(db, family):
    mother, _ = family
    log = InteractionLog(db)
    for i in range(7):
        log.save(
            InteractionDraft(
                Channel.PHONE if i % 2 else Channel.EMAIL,
                NOW - dt.timedelta(hours=i),
                mother,
                topic="water.billing",
                outcome=Outcome.RESOLVED_FIRST_CONTACT,
                notes=f"#{i}",
            ),
            agent_id=None,
            actor="t",
        )
    svc = CustomerOverviewService(db)
    first = svc.timeline(mother, limit=3)
    second = svc.timeline(mother, after=first.next_cursor, limit=3)
    third = svc.timeline(mother, after=second.next_cursor, limit=3)
    assert [i.notes for p in (first, second, third) for i in p.items] == [f"#{i}" for i in range(7)]
    assert third.next_cursor is None
    phones = svc.timeline(mother, filters=TimelineFilter(channels=frozenset({Channel.PHONE})))
    assert [i.notes for i in phones.items] == ["#1", "#3", "#5"]
    assert svc.open(mother, actor="t").contact_count == 7


def test_logging_a_contact_with_a_new_case(db, family):
    mother, _ = family
    due = dt.date.today() + dt.timedelta(days=14)
    saved = InteractionLog(db).save(
        InteractionDraft(
            Channel.WALK_IN,
            NOW,
            mother,
            topic="daycare.application",
            outcome=Outcome.CASE_CREATED,
            new_case_title="Daycare place from January",
            new_case_due=due,
        ),
        agent_id=None,
        actor="agent.aino",
    )
    view = CustomerOverviewService(db).open(mother, actor="t")
    assert [(c.id, c.title, c.due_date) for c in view.open_cases] == [
        (saved.case_id, "Daycare place from January", due)
    ]
    top = CustomerOverviewService(db).timeline(mother).items[0]
    assert (top.id, top.channel, top.case_id) == (saved.id, Channel.WALK_IN, saved.case_id)


def test_invalid_contact_reports_each_field(db, family):
    mother, _ = family
    draft = InteractionDraft(
        Channel.PHONE,
        NOW,
        mother,
        outcome=Outcome.CASE_CREATED,
        new_case_title="x",
        new_case_due=dt.date.today() - dt.timedelta(days=1),
    )
    errors = check(draft)
    assert errors == {"topic": "choose a topic", "new_case_due": "the due date is in the past"}
    with pytest.raises(InteractionInvalid) as caught:
        InteractionLog(db).save(draft, agent_id=None, actor="t")
    assert caught.value.errors == errors


def test_unidentified_caller_is_linked_later(db, family):
    mother, _ = family
    log = InteractionLog(db)
    saved = log.save(
        InteractionDraft(Channel.PHONE, NOW, None, topic="general.advice", outcome=Outcome.RESOLVED_FIRST_CONTACT),
        agent_id=None,
        actor="t",
    )
    assert CustomerOverviewService(db).timeline(mother).items == ()
    log.link_customer(saved.id, mother, actor="t")
    assert [i.id for i in CustomerOverviewService(db).timeline(mother).items] == [saved.id]


@pytest.mark.expect_log_warnings  # the broken file is logged as skipped
def test_draft_round_trip_survives_a_new_store(tmp_path):
    draft = InteractionDraft(
        Channel.PHONE, NOW, 5, topic="water.billing", notes="Asiakas kysyy laskusta", new_case_due=dt.date(2030, 1, 2)
    )
    key = new_key()
    DraftStore.opened(tmp_path, "agent.test", key).save("interaction-1", "interaction", draft.to_json())
    [restored] = DraftStore.opened(tmp_path, "agent.test", key).load_all("interaction")
    assert InteractionDraft.from_json(restored.data) == draft
    store = DraftStore.opened(tmp_path, "agent.test", key)
    assert store.folder is not None
    (store.folder / "broken.draft").write_text("{not a token")
    assert len(store.load_all()) == 1
    store.discard("interaction-1")
    assert DraftStore.opened(tmp_path, "agent.test", key).load_all() == []


def test_topics_load_and_bad_files_are_explained(tmp_path):
    topics = load_topics()
    assert {"water.billing", "daycare.application"} <= {t.code for t in topics}
    assert next(t for t in topics if t.code == "water.billing").label("sv") == "Vattenräkning"
    bad = tmp_path / "topics.toml"
    bad.write_text('[[topic]]\ncode = "a"\nen = "A"\n[[topic]]\ncode = "a"\nen = "B"\n')
    with pytest.raises(TopicFileError, match="appears twice"):
        load_topics(bad)


def test_duplicate_check_finds_likely_matches(db, family):
    mother, _ = family
    check_ = DuplicateCheck(db)
    [hit] = check_.candidates(first_names="Lara", last_name="Heikinen", birth_date=dt.date(1994, 5, 1))
    assert hit.customer_id == mother and hit.reasons == ("same_birth_date",)
    [hit] = check_.candidates(first_names="Laura", last_name="Heikkinen", phones=("0407651234",))
    assert hit.reasons == ("same_phone",)
    assert check_.candidates(first_names="Matti", last_name="Heikkinen", birth_date=dt.date(1994, 5, 1)) == []
    assert (
        check_.candidates(first_names="Laura", last_name="Heikkinen", phones=("0407651234",), exclude_id=mother) == []
    )


def test_mask_hetu():
    assert mask_hetu("010594Y9032") == "010594Y****"


def test_every_generated_topic_is_in_the_taxonomy():
    from agentdesk_demo.population.generator import TOPICS

    codes = {t.code for t in load_topics()}
    assert {t[0] for t in TOPICS} <= codes
