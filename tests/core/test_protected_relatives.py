"""A protected address (turvakielto) stays protected through the people who live with the protected
person: overview, search, relationships, plugin context and export, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from agentdesk import cli
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerRegister, set_alert
from agentdesk.gdpr_export import RELATED_WITHHELD
from agentdesk.plugin_host.host import customer_context
from agentdesk.search.address_protection import AddressProtection
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import Alert, AlertKind, CustomerRelationship, RelationshipKind

HOME = {"street": "Piilotie 9 A 3", "postal_code": "00100", "municipality": "Helsinki"}


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def family(db):
    reg = CustomerRegister(db)
    made = {
        "sari": reg.create(
            CustomerDraft(first_names="Sari", last_name="Salainen", hetu="040594V9030", **HOME), actor="t"
        ),
        # lives with Sari, linked as a household member
        "olli": reg.create(
            CustomerDraft(first_names="Olli", last_name="Salainen", hetu="050594U903M", **HOME), actor="t"
        ),
        # at the same address (the registers do not link them): a lodger
        "lauri": reg.create(CustomerDraft(first_names="Lauri", last_name="Lehto", **HOME), actor="t"),
        # Sari's brother, elsewhere: his address is his own and is shown
        "veli": reg.create(
            CustomerDraft(
                first_names="Veli",
                last_name="Salainen",
                street="Avoin katu 1",
                postal_code="33100",
                municipality="Tampere",
            ),
            actor="t",
        ),
        # Sari's child, linked by guardianship; the register has no address for her
        "pia": reg.create(CustomerDraft(first_names="Pia", last_name="Salainen", hetu="010516B903X"), actor="t"),
    }
    made = {k: v.id for k, v in made.items()}
    set_alert(db, made["sari"], AlertKind.PROTECTED_ADDRESS, actor="t")
    with db.session() as s, s.begin():
        s.add(
            CustomerRelationship(
                from_customer_id=made["olli"], to_customer_id=made["sari"], kind=RelationshipKind.HOUSEHOLD_MEMBER
            )
        )
        s.add(
            CustomerRelationship(
                from_customer_id=made["sari"], to_customer_id=made["pia"], kind=RelationshipKind.GUARDIAN
            )
        )
        # a sibling link is not a shared home: "representative" is the only other kind there is
        s.add(
            CustomerRelationship(
                from_customer_id=made["veli"], to_customer_id=made["sari"], kind=RelationshipKind.REPRESENTATIVE
            )
        )
    return made


def test_the_overview_of_a_relative_at_the_protected_address_shows_no_address(db, family):
    overviews = CustomerOverviewService(db)
    olli = overviews.open(family["olli"], actor="agent.aino")
    assert olli.address is None and olli.address_protected
    assert olli.address_protection is AddressProtection.RELATED
    lauri = overviews.open(family["lauri"], actor="agent.aino")
    assert lauri.address is None and lauri.address_protection is AddressProtection.RELATED
    sari = overviews.open(family["sari"], actor="agent.aino")
    assert sari.address is None and sari.address_protection is AddressProtection.OWN
    veli = overviews.open(family["veli"], actor="agent.aino")
    assert veli.address is not None and veli.address.street == "Avoin katu 1" and veli.address_protection is None
    # the relationships section still names Sari, and nothing in the overview carries her street
    assert [r.other_name for r in olli.relationships] == ["Sari Salainen"]
    assert "Piilotie" not in repr(olli) and "00100" not in repr(olli)


def test_the_protection_ends_with_the_alert(db, family):
    with db.session() as s, s.begin():
        for a in s.query(Alert).filter(Alert.customer_id == family["sari"]):
            a.valid_to = dt.date.today() - dt.timedelta(days=1)
    olli = CustomerOverviewService(db).open(family["olli"], actor="agent.aino")
    assert olli.address is not None and olli.address.street == HOME["street"]
    assert olli.address_protection is None


def test_a_household_member_is_shielded_even_when_the_protected_address_is_not_on_record(db, family):
    reg = CustomerRegister(db)
    pia = reg.get(family["pia"])
    assert pia.address_protected  # by guardianship with Sari
    # Pia moves in with her other guardian (a new address): still shielded by the guardianship link
    draft = pia.as_draft()
    moved = reg.update(
        family["pia"],
        pia.version,
        dataclasses.replace(draft, street="Uusi tie 2", postal_code="02100", municipality="Espoo"),
        actor="t",
    )
    assert moved.address_protected and moved.street == ""


def test_search_shows_no_address_and_the_protected_street_does_not_find_the_household(db, family):
    search = CustomerSearch(db)
    by_name = {h.customer_id: h for h in search.search("Salainen").hits}
    assert set(by_name) == {family["sari"], family["olli"], family["veli"], family["pia"]}
    assert by_name[family["olli"]].street is None and by_name[family["olli"]].address_protected
    assert by_name[family["veli"]].street == "Avoin katu 1"
    for query in ("Piilotie 9", "piilotie", "Salainen Helsinki", "Lehto Piilotie", "Lehto 00100"):
        found = {h.customer_id for h in search.search(query).hits}
        assert not found & {family["sari"], family["olli"], family["lauri"]}, query
    # found by name and birth year as anyone is, without the address
    lauri = search.search("Lauri Lehto").hits
    assert [h.customer_id for h in lauri] == [family["lauri"]] and lauri[0].street is None
    # an exact identifier finds Olli; the hit still hides where he lives
    (olli,) = search.search("050594U903M").hits
    assert olli.street is None and olli.postal_code is None and olli.municipality is None


def test_the_plugin_context_and_the_panel_guard_of_a_relative(db, family):
    reg = CustomerRegister(db)
    context = customer_context(reg.get(family["olli"]))
    assert context.address_protected and context.street is None and context.postal_code is None
    assert context.municipality is None
    # the host refuses panel output that names the shared street
    assert "Piilotie 9 A 3" in reg.protected_address_text(family["olli"])
    assert reg.protected_address_text(family["veli"]) == ()


def test_the_gdpr_export_of_a_relative_withholds_the_shared_address(db, family, tmp_path, capsys):
    out = tmp_path / "olli.json"
    assert cli.main(["gdpr", "export", "--customer", str(family["olli"]), "--db", _url(db), "--out", str(out)]) == 0
    capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["address_protection"] == "related"
    assert [a["street"] for a in data["addresses"]] == [RELATED_WITHHELD]
    document = out.with_suffix(".html").read_text(encoding="utf-8")
    assert "Piilotie" not in out.read_text(encoding="utf-8") and "Piilotie" not in document
    veli = tmp_path / "veli.json"
    assert cli.main(["gdpr", "export", "--customer", str(family["veli"]), "--db", _url(db), "--out", str(veli)]) == 0
    capsys.readouterr()
    assert [a["street"] for a in json.loads(veli.read_text(encoding="utf-8"))["addresses"]] == ["Avoin katu 1"]
