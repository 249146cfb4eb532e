"""The protected-address guard: a panel whose output names a protected address in any spelling a
reader would recognise (case, Nordic letters, punctuation, any white space, nested anywhere) is
refused; another building's address is not mistaken for it."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.plugin_api import Badge, CallContext, KeyValue, PanelData, Section, Table
from agentdesk.plugin_api.testing import make_customer
from agentdesk.plugin_host.address_guard import AddressGuard, street_and_number
from agentdesk.plugin_host.runner import CallSpec, PanelState, PluginCallRunner

PROTECTED = ("Ahotie 33 B 12", "21100")  # what the register hands the guard: street, postal code
UNICODE_SPACES = ["\u00a0", "\u2007", "\u202f", "\u2002", "\u3000", "\t", "\n", "  ", " \u200b", "\u00ad "]


def panel_outcome(data: PanelData, protected=PROTECTED):
    runner = PluginCallRunner()
    customer = make_customer(street=None, postal_code=None, municipality=None, address_protected=True)
    try:
        spec = CallSpec(
            key="t.p",
            breaker_key="t",
            fn=lambda call: data,
            call=CallContext(customer, "fi", 2.0, threading.Event()),
            expect=PanelData,
            forbidden_text=protected,
        )
        return runner.call(spec)
    finally:
        runner.close()


def notes(text: str) -> PanelData:
    return PanelData(sections=(Section("Pyynnöt", table=Table(("Tila", "Tilatiedot"), (("Avoin", text),))),))


@pytest.mark.parametrize(
    "text",
    [
        "Korjattu osoitteessa Ahotie 33",
        "Ahotie 33, Naantali",
        "AHOTIE 33 B",
        "ahotie 33b",
        "Ahotie\u00a033",
        "Ahotie  33",
        "Ahotie\t33",
        "Ahotie\u200b 33",
        "Åhotie 33",
        "Ahotie-33",
        "Aho\u00adtie 33",
        "Ahotie33",
        "Ahotie 33.",
        "Ａhotie ３３",
    ],
)
def test_a_protected_address_in_any_spelling_turns_the_panel_into_an_error(text):
    outcome = panel_outcome(notes(text))
    assert (outcome.state, outcome.error_kind) == (PanelState.ERROR, "protected")
    assert outcome.error == "the panel tried to show a protected address"
    assert outcome.value is None  # nothing of the output reaches the desk


@pytest.mark.parametrize("where", ["title", "key", "value", "column", "empty_text", "badge", "message", "source"])
def test_every_string_of_the_output_is_checked(where):
    leak = "Ahotie\u00a033, Naantali"
    kv = KeyValue(leak if where == "key" else "Osoite", leak if where == "value" else "—")
    table = Table((leak if where == "column" else "Tila",), (), leak if where == "empty_text" else "")
    data = PanelData(
        sections=(Section(leak if where == "title" else "Koti", (kv,), table),),
        badges=(Badge(leak if where == "badge" else "ok"),),
        message=leak if where == "message" else "",
        source=leak if where == "source" else "",
    )
    assert panel_outcome(data).error_kind == "protected"


@pytest.mark.parametrize(
    "text",
    [
        "Ahotie 330",  # another building on the same street
        "Ahotie 3",
        "Kotiahotie 33",  # another street
        "Ahotie",  # the street alone names no one's home
        "Naantali 21100",
        "Ahontie 33",
    ],
)
def test_other_addresses_pass(text):
    outcome = panel_outcome(notes(text))
    assert outcome.state is PanelState.DATA and outcome.value == notes(text)


def test_without_a_protected_address_nothing_is_refused():
    assert panel_outcome(notes("Ahotie 33"), protected=()).state is PanelState.DATA


def test_street_and_number_is_what_identifies_the_building():
    assert street_and_number("Hämeenkatu 12 B 5") == "hameenkatu 12"
    assert street_and_number("Ahotie 33a") == "ahotie 33"
    assert street_and_number("Pohjoisesplanadi 11-13") == "pohjoisesplanadi 11"
    assert street_and_number("Kylätie") == "kylatie"
    assert not AddressGuard(("33", "", "ab"))  # too short to mean anything: no guard at all


def test_deeply_nested_and_self_containing_structures_are_searched_without_overflow():
    inner: list = ["Ahotie 33"]
    for _ in range(50_000):
        inner = [inner, {"k": "v"}]
    assert AddressGuard(PROTECTED).mentions({"x": inner})
    loop: list = []
    loop.append(loop)
    assert not AddressGuard(PROTECTED).mentions(loop)
    assert AddressGuard(PROTECTED).mentions({"Ahotie 33": 1})  # dict keys too


_letters = {"a": ["a", "A", "á", "Å", "ä", "Ä", "ａ"], "o": ["o", "O", "ö", "Ö", "ø"], "e": ["e", "E", "é", "ë"]}


@st.composite
def spellings(draw, street="ahotie", number="33"):
    name = "".join(draw(st.sampled_from(_letters.get(ch, [ch, ch.upper()]))) for ch in street)
    gap = draw(st.sampled_from(["", " ", "-", ", ", ". ", *UNICODE_SPACES]))
    before = draw(st.sampled_from(["", "Korjattu: ", "(", "Osoite\n", "x, "]))
    after = draw(st.sampled_from(["", ",", " B", "b", " Naantali", ".", ")", " 21100 Naantali"]))
    return f"{before}{name}{gap}{number}{after}"


@given(spellings())
def test_fuzz_every_spelling_of_the_street_and_number_is_caught(text):
    assert AddressGuard(PROTECTED).mentions(notes(text))


@given(spellings(number="330"), st.text(alphabet="xyzXYZ .,\u00a0", max_size=20))
def test_fuzz_another_number_on_the_street_is_not_caught(text, noise):
    assert not AddressGuard(PROTECTED).mentions(notes(noise + text))
