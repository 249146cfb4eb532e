"""Every way the Open311 back end fails becomes the plugin API error the desk expects, with clear text."""

from __future__ import annotations

import pytest

from agentdesk.plugin_api import BackendError, BackendUnavailable, Cancelled, UserInputError
from agentdesk_technical.open311_client import Open311Client, Open311NotFound, error_messages, param_named_in
from agentdesk_technical.reference_server import start_server
from tests.plugins.technical.technical_support import call, make_seed, plugin_for


def test_html_500_page_is_a_backend_error_not_a_json_traceback(open311, plugin):
    open311.set_mode("error500")
    with pytest.raises(BackendError) as info:
        plugin.panel("requests", call())
    assert not isinstance(info.value, BackendUnavailable)
    assert "HTML page instead of JSON" in str(info.value) and "HTTP 500" in str(info.value)
    assert "Internal Server Error" in str(info.value)
    with pytest.raises(BackendError, match="HTTP 500"):
        plugin.action_form("file_request", call())


def test_html_404_page_is_a_clear_backend_error(open311):
    open311.set_mode("six_aika")
    client = Open311Client(open311.base_url)
    try:
        with pytest.raises(Open311NotFound) as info:
            client.service_definition("streetlight", 5)
        assert isinstance(info.value, BackendError)
        assert "HTML page instead of JSON (HTTP 404" in str(info.value)
    finally:
        client.close()


def test_wrong_base_url_gives_a_clear_error():
    handle = start_server(make_seed(), prefix="/georeport/v2/")
    right = plugin_for(handle.base_url)
    wrong = plugin_for(handle.base_url.replace("/georeport/v2/", "/"))
    try:
        assert handle.base_url.endswith("/georeport/v2/")
        assert right.panel("requests", call()).sections[0].table.rows
        with pytest.raises(BackendError, match=r"HTML page instead of JSON \(HTTP 404 “404 Not Found”\)"):
            wrong.panel("requests", call())
    finally:
        right.close()
        wrong.close()
        handle.stop()


def test_finnish_agent_gets_the_error_in_finnish(open311, plugin):
    open311.set_mode("error500")
    with pytest.raises(BackendError, match="Palvelupyyntöjärjestelmä vastasi virheellä"):
        plugin.panel("requests", call("fi"))


def test_malformed_json_is_a_backend_error(open311, plugin):
    open311.set_mode("malformed")
    with pytest.raises(BackendError, match="malformed JSON") as info:
        plugin.panel("requests", call())
    assert not isinstance(info.value, BackendUnavailable)


def test_slow_server_is_unavailable_within_the_call_timeout(open311, plugin):
    open311.set_mode("slow", delay=5)  # it would answer after 5 s: the panel gives up at the call's 1 s
    with pytest.raises(BackendUnavailable, match="did not answer within"):
        plugin.panel("requests", call(timeout=1))


def test_slow_server_refuses_a_form_in_time_too(open311, plugin):
    open311.set_mode("slow", delay=5)  # an answer after 5 s would be a form, not this error
    with pytest.raises(BackendUnavailable):
        plugin.action_form("file_request:streetlight", call(timeout=1))


def test_dead_server_is_unavailable(dead_url):
    plugin = plugin_for(dead_url)
    try:
        with pytest.raises(BackendUnavailable, match="does not answer"):
            plugin.panel("requests", call(timeout=2))
        with pytest.raises(BackendUnavailable):
            plugin.action_form("file_request", call(timeout=2))
    finally:
        plugin.close()


def test_refused_api_key_in_both_styles(open311):
    plugin = plugin_for(open311.base_url, api_key="stolen")
    values = {"service_code": "litter", "address_string": "Torikatu 1"}
    try:
        with pytest.raises(BackendError, match="The Open311 API key was refused") as info:
            plugin.run_action("file_request", call(), values)
        assert not isinstance(info.value, UserInputError)
        open311.set_mode("six_aika")  # {"code": 400, "detail": ["Invalid API key"]} with HTTP 400
        with pytest.raises(BackendError, match="The Open311 API key was refused"):
            plugin.run_action("file_request", call(), values)
    finally:
        plugin.close()


def test_missing_api_key_is_said_before_anything_is_sent(open311):
    plugin = plugin_for(open311.base_url, api_key="")
    try:
        with pytest.raises(BackendError, match="No Open311 API key"):
            plugin.run_action("file_request", call(), {"service_code": "litter", "address_string": "Torikatu 1"})
        assert "POST requests.json" not in open311.stats()["by_method_path"]
    finally:
        plugin.close()


def test_cancelled_call_stops(open311, plugin):
    cancelled = call()
    cancelled.cancel_event.set()
    with pytest.raises(Cancelled):
        plugin.panel("requests", cancelled)
    assert open311.stats()["total"] == 0


@pytest.mark.parametrize(
    ("body", "fields", "general"),
    [
        (
            [
                {"code": 400, "description": "email is not a valid e-mail address"},
                {"code": 400, "description": "attribute[SEVERITY] is required"},
            ],
            {"email": "email is not a valid e-mail address", "attribute[SEVERITY]": "attribute[SEVERITY] is required"},
            [],
        ),
        (
            [{"code": 400, "description": "a location is required: lat and long, address_string or address_id"}],
            {"address_string": "a location is required: lat and long, address_string or address_id"},
            [],
        ),
        ([{"code": 400, "description": "Something else went wrong"}], {}, ["Something else went wrong"]),
        (
            {
                "code": 400,
                "detail": {"service_code": ["This field is required."], "email": ["Enter a valid email address."]},
            },
            {"service_code": "This field is required.", "email": "Enter a valid email address."},
            [],
        ),
        ({"code": 400, "detail": ["Invalid API key"]}, {}, ["Invalid API key"]),
        (
            {"code": 400, "detail": "description may not be longer than 4000 characters"},
            {"description": "description may not be longer than 4000 characters"},
            [],
        ),
        ("just a string", {}, []),
    ],
)
def test_error_bodies_of_both_styles(body, fields, general):
    assert error_messages(body) == (fields, general)


def test_parameter_names_are_found_as_words_only():
    assert param_named_in("the description may not be longer than 4000 characters") == "description"
    assert param_named_in("phone number is not valid") == "phone"
    assert param_named_in("the value is too long") is None
    assert param_named_in("service_code was not provided") == "service_code"
