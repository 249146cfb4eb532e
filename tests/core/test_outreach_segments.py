"""Segments of outbound notices on both backends: who is in (street and house numbers, postal code,
municipality, role, guardians), that a protected address is in without being revealed, the audit."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from agentdesk.outreach.notices import NoticeDraft, NoticeInputError, NoticeText, check_draft, plan_notice
from agentdesk.outreach.segments import SegmentFilter, SegmentInputError, segment_query, select_segment
from agentdesk.storage.models import AuditEntry, Channel, Language, NoticeRecipient, NoticeRecipientState
from tests.core.outreach_support import build_town


@pytest.fixture
def town(db):
    return build_town(db)


def members(db, segment: SegmentFilter) -> set[int]:
    with db.session() as s:
        return set(s.scalars(segment_query(s, segment)))


def names(town, ids: set[int]) -> set[str]:
    back = {v: k for k, v in town.ids.items()}
    return {back[i] for i in ids}


def test_a_street_and_house_range_is_the_current_residents_of_those_numbers(db, town):
    got = names(
        town, members(db, SegmentFilter(street="Hämeenkatu", house_from=1, house_to=40, municipality="Tampere"))
    )
    # not Hämeenkatu 41, not Hämeenkatuntie, not the one who moved out, not the deceased, not Turku
    assert got == {"aino", "bertil", "chris", "olga", "salli", "child"}


def test_a_whole_street_postal_code_and_municipality(db, town):
    assert "far" in names(town, members(db, SegmentFilter(street="Hämeenkatu")))
    assert "turku" in names(town, members(db, SegmentFilter(street="Hämeenkatu")))
    assert names(town, members(db, SegmentFilter(postal_code="20100"))) == {"turku"}
    assert "guardian_elsewhere" in names(town, members(db, SegmentFilter(municipality="Tampere")))
    assert "turku" not in names(town, members(db, SegmentFilter(municipality="Tampere")))


def test_water_customers_of_a_street_and_guardians_of_daycare_children(db, town):
    water = SegmentFilter(street="Hämeenkatu", house_from=1, house_to=40, role_code="water_customer")
    assert names(town, members(db, water)) == {"aino", "salli"}  # chris's role has ended, far is no. 41
    guardians = SegmentFilter(street="Hämeenkatu", role_code="daycare_child", guardians=True)
    assert names(town, members(db, guardians)) == {"aino", "guardian_elsewhere"}  # the child's home, not theirs


def test_the_sample_shows_names_only_and_includes_the_protected_person(db, town):
    with db.session() as s, s.begin():
        answer = select_segment(s, SegmentFilter(street="Hämeenkatu", house_from=20, house_to=20), actor="super.sanna")
    assert answer.count == 1
    assert answer.sample == ("Suojattu, Salli",)
    assert not any("Hämeenkatu" in n or "20" in n for n in answer.sample)
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "notice.segment_view")).one()
    detail = json.loads(entry.detail)
    assert entry.actor == "super.sanna" and detail["count"] == 1 and detail["ids"] == [town["salli"]]
    assert "A 3" not in entry.detail  # the filters are audited, the protected person's address is not


def test_a_protected_persons_address_is_not_in_the_planned_notice(db, town):
    draft = NoticeDraft(
        "Vesikatko",
        Channel.SMS,
        SegmentFilter(street="Hämeenkatu", house_from=1, house_to=40),
        {Language.FI: NoticeText(body="Vesikatko tiistaina 8–12.")},
    )
    with db.session() as s, s.begin():
        plan_notice(s, draft, actor="super.sanna")
    with db.session() as s:
        row = s.scalars(select(NoticeRecipient).where(NoticeRecipient.customer_id == town["salli"])).one()
    assert row.state is NoticeRecipientState.PENDING and row.destination == "+358401000005"
    assert "Hämeenkatu" not in " ".join(str(v) for v in vars(row).values())


def test_each_citizen_gets_their_language_or_finnish(db, town):
    texts = {
        Language.FI: NoticeText("Vesikatko", "Vesikatko tiistaina."),
        Language.SV: NoticeText("Vattenavbrott", "Vattenavbrott på tisdag."),
    }
    draft = NoticeDraft("Vesikatko", Channel.EMAIL, SegmentFilter(street="Hämeenkatu", house_to=40), texts)
    with db.session() as s, s.begin():
        planned = plan_notice(s, draft, actor="super.sanna")
    with db.session() as s:
        rows = {r.customer_id: r for r in s.scalars(select(NoticeRecipient))}
    assert rows[town["bertil"]].language is Language.SV
    assert rows[town["chris"]].language is Language.FI  # no English text written: Finnish
    assert rows[town["aino"]].language is Language.FI
    # no e-mail address: unreachable, counted
    assert rows[town["olga"]].state is NoticeRecipientState.UNREACHABLE
    # Hämeenkatu 1–40 in every municipality (Turku too); olga and the child have no e-mail address
    assert planned.unreachable == 2 and planned.recipients == 7


@pytest.mark.parametrize(
    ("segment", "field", "code"),
    [
        (SegmentFilter(street="Hämeenkatu", house_from=40, house_to=1), "house_to", "segment.house_range_reversed"),
        (SegmentFilter(house_from=1, house_to=4), "street", "segment.street_needed"),
        (SegmentFilter(postal_code="331"), "postal_code", "segment.postal_code"),
        (SegmentFilter(), "street", "segment.empty"),
    ],
)
def test_bad_segments_name_the_field(segment, field, code):
    with pytest.raises(SegmentInputError) as caught:
        segment.cleaned()
    assert caught.value.problems[field][0] == code


def test_a_notice_needs_its_finnish_text_and_email_subjects():
    segment = SegmentFilter(street="Hämeenkatu")
    with pytest.raises(NoticeInputError) as caught:
        check_draft(NoticeDraft("x", Channel.EMAIL, segment, {Language.SV: NoticeText("", "Hej")}))
    assert set(caught.value.problems) == {"body_fi", "subject_sv"}
    check_draft(NoticeDraft("x", Channel.SMS, segment, {Language.FI: NoticeText("", "Hei")}))
