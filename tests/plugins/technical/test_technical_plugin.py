"""The technical-services plugin against the reference Open311 server: forms, filing, the panel."""

from __future__ import annotations

import pytest

from agentdesk.plugin_api import ActionResult, BackendError, BackendUnavailable, PanelData, UserInputError
from agentdesk_technical.reference_server import start_server
from tests.plugins.technical.technical_support import (
    MAIJA_EMAIL,
    MAIJA_PHONE,
    call,
    customer,
    make_seed,
    plugin_for,
    protected_customer,
)

WASTE = {
    "attribute[CONTAINER_TYPE]": "bio",
    "attribute[PICKUP_DATE]": "2025-03-03T07:00",
    "description": "Biojäteastia jäi tyhjentämättä maanantaina.",
    "address_string": "Fleminginkatu 12, Helsinki",
    "email": MAIJA_EMAIL,
    "phone": MAIJA_PHONE,
    "first_name": "Maija",
    "last_name": "Meikäläinen",
}


def fields_of(form):
    return {f.key: f for f in form.fields}


def posts(open311) -> int:
    return open311.stats()["by_method_path"].get("POST requests.json", 0)


# -- forms -------------------------------------------------------------------------------------------


def test_first_form_offers_the_services_and_the_customers_contact_details(plugin):
    form = plugin.action_form("file_request", call())
    assert form.title == "File a service request"
    fields = fields_of(form)
    service = fields["service_code"]
    assert service.kind == "choice" and service.required
    assert dict(service.choices) == {
        "streetlight": "Katuvalo rikki *",
        "waste_pickup": "Jäteastia tyhjentämättä *",
        "water_leak": "Vesivuoto *",
        "snow_ploughing": "Lumenauraus",
        "litter": "Roskaantuminen",
    }
    assert fields["address_string"].default == "Fleminginkatu 12 A 3, 00530 Helsinki"
    assert fields["address_string"].required
    assert (fields["email"].default, fields["phone"].default) == (MAIJA_EMAIL, MAIJA_PHONE)
    assert (fields["first_name"].default, fields["last_name"].default) == ("Maija Liisa", "Meikäläinen")
    assert fields["description"].kind == "text" and fields["description"].max_length == 4000


def test_service_form_is_built_from_the_service_definition(plugin):
    light = fields_of(plugin.action_form("file_request:streetlight", call("fi")))
    assert list(light)[:3] == ["attribute[FAULT]", "attribute[POLE_NUMBER]", "attribute[LAMPS_OUT]"]
    fault = light["attribute[FAULT]"]
    assert (fault.kind, fault.required, fault.label) == ("multichoice", True, "Vika")
    assert ("dark", "Ei pala") in fault.choices and len(fault.choices) == 4
    assert (light["attribute[POLE_NUMBER]"].kind, light["attribute[POLE_NUMBER]"].required) == ("string", False)
    assert light["attribute[LAMPS_OUT]"].kind == "number"

    waste_form = plugin.action_form("file_request:waste_pickup", call())
    assert waste_form.title == "Service request: Jäteastia tyhjentämättä"
    waste = fields_of(waste_form)
    assert (waste["attribute[CONTAINER_TYPE]"].kind, waste["attribute[CONTAINER_TYPE]"].required) == ("choice", True)
    assert [k for k, _ in waste["attribute[CONTAINER_TYPE]"].choices] == ["mixed", "bio", "cardboard", "glass", "metal"]
    assert (waste["attribute[PICKUP_DATE]"].kind, waste["attribute[PICKUP_DATE]"].required) == ("datetime", True)

    leak = fields_of(plugin.action_form("file_request:water_leak", call()))
    assert leak["attribute[SEVERITY]"].kind == "choice"
    assert leak["attribute[LOCATION_DETAILS]"].kind == "text"
    assert "attribute[EMERGENCY_NOTE]" not in leak  # variable: false is an instruction, not a field
    assert "päivystykseen" in leak["description"].help


def test_service_without_metadata_has_only_the_common_fields(open311, plugin):
    form = plugin.action_form("file_request:litter", call())
    assert [f.key for f in form.fields] == [
        "description",
        "address_string",
        "email",
        "phone",
        "first_name",
        "last_name",
    ]
    assert "GET services/litter.json" not in open311.stats()["by_method_path"]


def test_unknown_action_or_service_is_a_key_error(plugin):
    with pytest.raises(KeyError):
        plugin.action_form("file_request:nosuch", call())
    with pytest.raises(KeyError):
        plugin.action_form("close_request", call())


def test_protected_address_is_not_prefilled_and_must_be_typed(open311, plugin):
    for action in ("file_request", "file_request:water_leak"):
        address = fields_of(plugin.action_form(action, call(who=protected_customer())))["address_string"]
        assert address.default == "" and address.required
        assert "protected" in address.help
    with pytest.raises(UserInputError) as info:
        plugin.run_action("file_request", call(who=protected_customer()), {"service_code": "litter"})
    assert set(info.value.errors) == {"address_string"}
    assert posts(open311) == 0


def test_six_aika_without_definitions_still_gives_a_form(open311, plugin):
    open311.set_mode("six_aika")  # services/{code}.json is an HTML 404 page there
    form = plugin.action_form("file_request:streetlight", call())
    assert not any(f.key.startswith("attribute[") for f in form.fields)
    assert "no details form" in fields_of(form)["description"].help


# -- filing --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["normal", "six_aika"])
def test_filing_returns_the_service_request_id(open311, plugin, mode):
    open311.set_mode(mode)  # six_aika answers 201 with extra fields
    values = dict(WASTE) if mode == "normal" else {k: v for k, v in WASTE.items() if not k.startswith("attribute")}
    action = "file_request:waste_pickup" if mode == "normal" else "file_request:snow_ploughing"
    result = plugin.run_action(action, call(), values)
    assert isinstance(result, ActionResult)
    assert result.reference_system == "open311" and result.reference
    assert f"Service request {result.reference} filed" in result.message
    filed = open311.store.get(result.reference)
    assert filed["email"] == MAIJA_EMAIL and filed["address"] == "Fleminginkatu 12, Helsinki"
    if mode == "normal":
        assert filed["attributes"] == {"CONTAINER_TYPE": ["bio"], "PICKUP_DATE": ["2025-03-03T07:00:00+02:00"]}


def test_multichoice_and_number_values_are_sent_as_the_spec_says(open311, plugin):
    values = {
        "attribute[FAULT]": ["dark", "blinking"],
        "attribute[LAMPS_OUT]": "3,0",
        "address_string": "Torikatu 1, Helsinki",
    }
    result = plugin.run_action("file_request:streetlight", call(), values)
    assert open311.store.get(result.reference)["attributes"] == {"FAULT": ["dark", "blinking"], "LAMPS_OUT": ["3.0"]}


def test_simple_service_can_be_filed_from_the_first_form(open311, plugin):
    result = plugin.run_action(
        "file_request", call("sv"), {"service_code": "snow_ploughing", "address_string": "Porvoonkatu 5, Helsinki"}
    )
    assert result.message.startswith(f"Serviceförfrågan {result.reference} gjord: Lumenauraus")
    assert open311.store.get(result.reference)["service_code"] == "snow_ploughing"


def test_service_with_required_details_sends_the_agent_to_its_own_form(open311, plugin):
    with pytest.raises(UserInputError) as info:
        plugin.run_action("file_request", call(), {"service_code": "water_leak", "address_string": "Torikatu 1"})
    assert "Vuodon laajuus" in info.value.errors["service_code"]
    assert posts(open311) == 0


def test_token_answer_is_polled_until_the_id_arrives(open311, plugin):
    open311.set_mode("token", token_delay=0.3)
    result = plugin.run_action(
        "file_request", call(timeout=5), {"service_code": "litter", "address_string": "Torikatu 1"}
    )
    assert result.reference_system == "open311" and result.reference.isdigit(), "the id, not the token"
    assert open311.store.get(result.reference)["service_code"] == "litter"


def test_token_without_id_in_time_is_returned_as_the_reference(open311, plugin):
    open311.set_mode("token", token_delay=60)  # the id would come after 60 s: the call's 1.5 s end first
    result = plugin.run_action(
        "file_request", call(timeout=1.5), {"service_code": "litter", "address_string": "Torikatu 1"}
    )
    assert result.reference_system == "open311-token"
    assert result.reference in open311.store.tokens
    assert "number will follow" in result.message
    # Before the server has given it a number the panel says so; afterwards it shows the request.
    stored = call(references=[("open311-token", result.reference)], who=customer(emails=(), phones=()))
    waiting = plugin.panel("requests", stored)
    assert waiting.empty and waiting.badges[0].text == "1 request(s) filed, number not assigned yet"
    open311.store.tokens[result.reference].id_visible_at = 0
    request_id = open311.store.tokens[result.reference].service_request_id
    panel = plugin.panel("requests", stored)
    assert [row[-1] for row in panel.sections[0].table.rows] == [request_id]


@pytest.mark.parametrize("mode", ["normal", "six_aika"])
def test_server_validation_errors_land_on_the_fields(open311, plugin, mode):
    open311.set_mode(mode)
    values = dict(WASTE, email="maija at example")
    # (6aika has no service definitions: no attributes to fill in, so a service without any.)
    action = "file_request:waste_pickup" if mode == "normal" else "file_request:snow_ploughing"
    with pytest.raises(UserInputError) as info:
        plugin.run_action(action, call(), values)
    assert list(info.value.errors) == ["email"]
    assert "e-mail address" in info.value.errors["email"] or "email address" in info.value.errors["email"]


@pytest.mark.parametrize("mode", ["normal", "six_aika"])
def test_server_errors_for_parameters_not_on_the_form_are_general(open311, plugin, mode):
    # The server wants an attribute although services.json says metadata: false.
    open311.store.attributes["litter"] = [
        {
            "code": "BAGS",
            "datatype": "number",
            "required": True,
            "description": "Roskapussien määrä",
            "variable": True,
            "values": [],
        }
    ]
    open311.set_mode(mode)
    with pytest.raises(UserInputError) as info:
        plugin.run_action("file_request", call(), {"service_code": "litter", "address_string": "Torikatu 1"})
    assert list(info.value.errors) == [""]
    assert "attribute[BAGS]" in info.value.errors[""]


def test_values_are_checked_before_anything_is_sent(open311, plugin):
    values = dict(
        WASTE,
        **{"attribute[CONTAINER_TYPE]": "plutonium", "attribute[PICKUP_DATE]": "maanantai", "description": "x" * 4001},
    )
    with pytest.raises(UserInputError) as info:
        plugin.run_action("file_request:waste_pickup", call(), values)
    assert set(info.value.errors) == {"attribute[CONTAINER_TYPE]", "attribute[PICKUP_DATE]", "description"}
    assert info.value.errors["description"] == "At most 4000 characters."
    assert posts(open311) == 0


def test_timed_out_filing_warns_that_it_may_have_gone_through(open311, plugin):
    open311.set_mode("slow", delay=3, method="POST")  # an answer after 3 s would be a filed request
    with pytest.raises(BackendUnavailable, match="may have been filed all the same"):
        plugin.run_action("file_request", call(timeout=1), {"service_code": "litter", "address_string": "Torikatu 1"})


# -- the panel ---------------------------------------------------------------------------------------


def test_panel_shows_the_citizens_earlier_requests_with_status(open311, plugin):
    panel = plugin.panel("requests", call())
    assert isinstance(panel, PanelData) and not panel.empty
    table = panel.sections[0].table
    assert panel.sections[0].title == "Service requests"
    assert table.columns == ("Status", "Service", "Filed", "Updated", "Status notes", "Location", "Number")
    assert table.rows == (
        (
            "Open – sent to public works",
            "Lumenauraus – Jalkakäytävä auraamatta",
            "2025-02-04 07:15",
            "2025-02-04 07:15",
            "Välitetty urakoitsijalle.",
            "Torikatu 1, Helsinki",
            "502",
        ),
        (
            "Closed",
            "Katuvalo rikki",
            "2024-03-02 18:10",
            "2024-03-05 09:00",
            "Lamppu vaihdettu.",
            "Fleminginkatu 12, Helsinki",
            "501",
        ),
    )
    assert [b.text for b in panel.badges] == ["1 open"]
    assert panel.source.startswith("Open311 GeoReport v2")


def test_panel_in_finnish(plugin):
    panel = plugin.panel("requests", call("fi"))
    assert panel.sections[0].title == "Palvelupyynnöt"
    assert panel.sections[0].table.rows[1][:3] == ("Suljettu", "Katuvalo rikki", "2.3.2024 18.10")


def test_panel_is_refreshed_on_every_load(open311, plugin):
    assert len(plugin.panel("requests", call()).sections[0].table.rows) == 2
    filed = plugin.run_action(
        "file_request", call(), {"service_code": "litter", "address_string": "Torikatu 1", "email": MAIJA_EMAIL}
    )
    rows = plugin.panel("requests", call()).sections[0].table.rows
    assert rows[0][0] == "Open" and rows[0][-1] == filed.reference and len(rows) == 3


def test_panel_with_stored_references_only(open311):
    plugin = plugin_for(open311.base_url, contact_search=False)
    try:
        panel = plugin.panel("requests", call(references=[("open311", "504"), ("other", "503")]))
        assert [row[-1] for row in panel.sections[0].table.rows] == ["504"]
        assert "email=" not in str(open311.stats())
        empty = plugin.panel("requests", call())
        assert empty.empty and "Only requests filed from the desk are shown." in empty.message
    finally:
        plugin.close()


def test_protected_customer_panel_has_no_locations(plugin):
    who = protected_customer()
    table = plugin.panel("requests", call(who=who)).sections[0].table
    assert "Location" not in table.columns
    assert all("Fleminginkatu" not in cell for row in table.rows for cell in row)


def test_customer_without_requests_gets_an_empty_panel(plugin):
    nobody = customer(emails=("ville.vallaton@example.org",), phones=())
    panel = plugin.panel("requests", call(who=nobody))
    assert panel.empty and panel.message == "No service requests found for this customer."


@pytest.mark.expect_log_warnings
def test_server_ignoring_the_contact_filter_shows_nobody_elses_requests(open311, plugin, caplog):
    open311.set_mode("six_aika")  # ignores email/phone and answers with the last 90 days of everyone's
    filed = plugin.run_action(
        "file_request",
        call(),
        {"service_code": "litter", "address_string": "Torikatu 9", "email": "someone.else@example.net"},
    )
    panel = plugin.panel("requests", call(references=[("open311", "501")]))
    assert filed.reference != "501"
    assert [row[-1] for row in panel.sections[0].table.rows] == ["501"]
    assert panel.badges[-1].level == "warning" and "ignores the e-mail/phone search" in panel.badges[-1].text
    assert "ignores the email/phone filter" in caplog.text


def test_jurisdiction_id_is_sent_when_the_endpoint_serves_several():
    seed = make_seed()
    seed["jurisdiction_id"] = "hel.fi"
    handle = start_server(seed)
    right = plugin_for(handle.base_url, jurisdiction_id="hel.fi")
    wrong = plugin_for(handle.base_url, jurisdiction_id="turku.fi")
    try:
        assert right.panel("requests", call()).sections[0].table.rows
        filed = right.run_action("file_request", call(), {"service_code": "litter", "address_string": "Torikatu 1"})
        assert filed.reference
        with pytest.raises(BackendError, match=r"jurisdiction_id turku\.fi was not found"):
            wrong.panel("requests", call())
        with pytest.raises(BackendError, match=r"jurisdiction_id turku\.fi was not found"):
            wrong.run_action("file_request", call(), {"service_code": "litter", "address_string": "Torikatu 1"})
    finally:
        right.close()
        wrong.close()
        handle.stop()
