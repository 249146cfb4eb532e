"""Self-service updates: checked by the identity rules, queued as a web work item, accepted into the
register with lineage "self-service" or rejected with a reason — through the core and the JSON API."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
from sqlalchemy import select

from agentdesk.citizen.update_form import SelfServiceForm, SelfServiceInvalid
from agentdesk.citizen.updates import (
    AddressProtected,
    AlreadyDecided,
    NoCustomer,
    SelfServiceUnavailable,
    SelfServiceUpdates,
    update_id_of,
)
from agentdesk.customer_register import CustomerRegister
from agentdesk.lineage import read_lineage
from agentdesk.queues import WorkQueue
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import (
    Address,
    AuditEntry,
    Channel,
    CustomerIdentifier,
    IdentifierScheme,
    SelfServiceState,
    WorkItem,
    WorkItemState,
)
from tests.core.citizen_support import self_service_queue, start_web
from tests.core.outreach_support import build_town

HETU = "131052-308T"  # a valid code (check character T)


def with_hetu(db, customer_id: int, hetu: str = HETU) -> None:
    with db.session() as s, s.begin():
        s.add(CustomerIdentifier(customer_id=customer_id, scheme=IdentifierScheme.HETU, register="dvv", value=hetu))


@pytest.fixture
def town(db):
    town = build_town(db)
    with_hetu(db, town["aino"])
    self_service_queue(db)
    return town


def test_a_new_phone_number_waits_as_work_and_once_accepted_is_the_customers_with_its_lineage(db, town):
    updates = SelfServiceUpdates(db)
    got = updates.submit(SelfServiceForm(kind="phone", hetu=HETU.lower(), last_name="aalto", phone="050 765 4321"))
    assert got.reference.startswith("SS-")
    item = WorkQueue(db).find(f"self-service:{got.update_id}", Channel.WEB)
    assert item is not None and item.customer_id == town["aino"] and item.state is WorkItemState.WAITING
    assert update_id_of(item.external_ref) == got.update_id and "050" not in item.subject  # no personal data

    view = updates.view(got.update_id, actor="agent.anna")
    assert view.customer_name == "Aino Aalto" and view.current == {"phone": "+358401000001"}
    assert view.proposed == {"phone": "+358507654321"} and view.flags == ()

    changes = updates.accept(got.update_id, actor="agent.anna")
    assert town["aino"] in changes.customers
    record = CustomerRegister(db).get(town["aino"])
    assert record.phones[0] == "+358507654321" and "+358401000001" in record.phones  # new primary, old kept
    with db.session() as s:
        lineage = {entry.item: entry for entry in read_lineage(s, town["aino"])}
        done = s.get(WorkItem, item.id)
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.subject_customer_id == town["aino"])).all()
    assert lineage["phone"].register == "self-service"
    assert done.state is WorkItemState.DONE and done.wrap_up_code == "accepted"
    assert {"self_service.submit", "self_service.view", "self_service.accept"} <= set(actions)
    with pytest.raises(AlreadyDecided):
        updates.reject(got.update_id, "late", actor="agent.anna")


def test_an_address_change_moves_the_customer_and_the_search_finds_the_new_street(db, town):
    updates = SelfServiceUpdates(db)
    moved = (dt.date.today() + dt.timedelta(days=3)).strftime("%d.%m.%Y")
    got = updates.submit(
        SelfServiceForm(
            kind="address",
            hetu=HETU,
            last_name="Aalto",
            street="Satakunnankatu 18 A 3",
            postal_code="33210",
            municipality="tampere",
            moved_on=moved,
        )
    )
    updates.accept(got.update_id, actor="steward.sari")
    record = CustomerRegister(db).get(town["aino"])
    assert (record.street, record.postal_code, record.municipality) == ("Satakunnankatu 18 A 3", "33210", "Tampere")
    hits = CustomerSearch(db).search("Satakunnankatu Aalto").hits
    assert [h.customer_id for h in hits] == [town["aino"]] and hits[0].street == "Satakunnankatu 18 A 3"


def test_a_protected_persons_address_change_is_shown_and_accepted_only_to_a_steward(db, town):
    salli_hetu = "010190-123M"
    with_hetu(db, town["salli"], salli_hetu)
    updates = SelfServiceUpdates(db)
    form = SelfServiceForm(
        kind="address",
        hetu=salli_hetu,
        last_name="Suojattu",
        street="Salainen 1",
        postal_code="33100",
        municipality="Tampere",
        moved_on=dt.date.today().strftime("%d.%m.%Y"),
    )
    got = updates.submit(form)
    agent_view = updates.view(got.update_id, actor="agent.anna")
    assert "address.protected" in agent_view.flags
    assert agent_view.current == {} and set(agent_view.proposed.values()) == {""}
    with pytest.raises(AddressProtected):
        updates.accept(got.update_id, actor="agent.anna")
    steward_view = updates.view(got.update_id, actor="steward.sari", sees_protected=True)
    assert steward_view.proposed["street"] == "Salainen 1" and steward_view.current["street"] == "Hämeenkatu 20 A 3"
    updates.accept(got.update_id, actor="steward.sari", sees_protected=True)
    with db.session() as s:  # the register's own view keeps a protected address hidden: read the row
        streets = s.scalars(select(Address.street).where(Address.customer_id == town["salli"])).all()
    assert "Salainen 1" in streets


def test_every_rule_that_fails_is_named_at_its_field_and_nothing_is_queued(db, town):
    updates = SelfServiceUpdates(db)
    with pytest.raises(SelfServiceInvalid) as caught:
        updates.submit(
            SelfServiceForm(
                kind="address", hetu="131052-308A", last_name="", postal_code="3321", municipality="Atlantis"
            )
        )
    codes = {f: c for f, (c, _m) in caught.value.problems.items()}
    assert codes["hetu"].startswith("hetu.") and codes["last_name"] == "last_name.required"
    assert codes["postal_code"] == "postal_code.not_finnish" and codes["municipality"] == "municipality.unknown"
    assert codes["street"] == "street.required" and codes["moved_on"] == "moved_on.invalid"
    with db.session() as s:
        assert s.scalar(select(WorkItem.id).where(WorkItem.channel == Channel.WEB)) is None


def test_an_unmatched_sender_is_told_the_same_and_the_agent_can_only_reject_it_with_a_reason(db, town):
    updates = SelfServiceUpdates(db)
    got = updates.submit(SelfServiceForm(kind="email", hetu=HETU, last_name="Virtanen", email="x@example.fi"))
    assert got.reference.startswith("SS-")  # the same answer as a match: no register oracle
    view = updates.view(got.update_id, actor="agent.anna")
    assert view.customer_id is None and "customer.no_match" in view.flags
    with pytest.raises(NoCustomer):
        updates.accept(got.update_id, actor="agent.anna")
    with pytest.raises(SelfServiceInvalid):
        updates.reject(got.update_id, "   ", actor="agent.anna")
    updates.reject(got.update_id, "Ei vastaa rekisteriä", actor="agent.anna")
    view = updates.view(got.update_id, actor="agent.anna")
    assert view.state is SelfServiceState.REJECTED and view.reason == "Ei vastaa rekisteriä"


def test_a_phone_number_that_is_someone_elses_is_flagged_for_the_agent(db, town):
    got = SelfServiceUpdates(db).submit(
        SelfServiceForm(kind="phone", hetu=HETU, last_name="Aalto", phone="+358401000002")  # Bertil's
    )
    assert "phone.other_customer" in SelfServiceUpdates(db).view(got.update_id, actor="agent.anna").flags


def test_without_the_self_service_queue_the_service_says_so(db):
    with pytest.raises(SelfServiceUnavailable):
        SelfServiceUpdates(db).submit(SelfServiceForm(kind="language", hetu=HETU, last_name="Aalto", language="sv"))


def test_the_json_api_takes_an_update_and_names_each_problem(db, town):
    server, _surveys = start_web(db)
    try:
        ok = requests.post(
            f"{server.url}/api/v1/updates",
            json={"kind": "language", "hetu": HETU, "last_name": "Aalto", "language": "sv"},
            timeout=5,
        )
        assert ok.status_code == 202 and ok.json()["status"] == "received"
        assert ok.json()["reference"].startswith("SS-")
        bad = requests.post(
            f"{server.url}/api/v1/updates",
            json={"kind": "email", "hetu": HETU, "last_name": "Aalto", "email": "x@"},
            timeout=5,
        )
        assert bad.status_code == 422 and bad.json()["errors"]["email"]["code"].startswith("email.")
        junk = requests.post(
            f"{server.url}/api/v1/updates", data=b"[1,2", headers={"Content-Type": "application/json"}, timeout=5
        )
        assert junk.status_code == 400
    finally:
        server.stop()
    update_id = int(ok.json()["reference"][3:])
    SelfServiceUpdates(db).accept(update_id, actor="agent.anna")
    assert CustomerRegister(db).get(town["aino"]).preferred_language.value == "sv"
