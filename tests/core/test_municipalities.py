"""Municipalities as reference data: the bundled list, lookup by either name, Swedish names in
search, and the name in the citizen's language."""

from __future__ import annotations

import pytest

from agentdesk import municipalities
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import Language


def test_the_bundled_list_has_every_municipality_with_both_names():
    every = municipalities.all_municipalities()
    assert len(every) >= 308
    assert len({m.code for m in every}) == len(every)
    helsinki = municipalities.lookup("HELSINGFORS")
    assert helsinki is not None and (helsinki.code, helsinki.name_fi, helsinki.name_sv) == (
        "091",
        "Helsinki",
        "Helsingfors",
    )
    assert municipalities.lookup("åbo") == municipalities.lookup("Turku") == municipalities.lookup("853")
    assert municipalities.lookup("Maarianhamina").name("sv") == "Mariehamn"
    assert municipalities.lookup("Stockholm") is None


@pytest.mark.parametrize(
    ("stored", "language", "shown"),
    [
        ("Helsinki", "sv", "Helsingfors"),
        ("Åbo", "fi", "Turku"),
        ("Espoo", "fi", "Espoo"),
        ("Jyväskylä", "sv", "Jyväskylä"),  # one name in both languages
        ("Stockholm", "sv", "Stockholm"),  # not a Finnish municipality: as stored
    ],
)
def test_municipality_is_shown_in_the_citizens_language(stored, language, shown):
    assert municipalities.display_name(stored, language) == shown


def test_swedish_names_find_what_finnish_names_find(db):
    register = CustomerRegister(db)
    people = {
        "Helsinki": ("Anna", "Virtanen", "Mannerheimintie 5", "00100", Language.FI),
        "Espoo": ("Bo", "Lindqvist", "Kauppakatu 1", "02100", Language.SV),
        "Turku": ("Eva", "Ek", "Aurakatu 2", "20100", Language.FI),
        "Åbo": ("Elsa", "Ek", "Slottsgatan 3", "20100", Language.SV),  # a register wrote the Swedish name
    }
    for municipality, (first, last, street, postal, lang) in people.items():
        register.create(
            CustomerDraft(
                first_names=first,
                last_name=last,
                street=street,
                postal_code=postal,
                municipality=municipality,
                preferred_language=lang,
            ),
            actor="test",
        )
    search = CustomerSearch(db)

    def found(query):
        return sorted(h.first_names for h in search.search(query).hits)

    assert found("Helsinki") == found("Helsingfors") == ["Anna"]
    assert found("Espoo") == found("Esbo") == ["Bo"]
    assert found("Turku") == found("Åbo") == found("abo") == ["Elsa", "Eva"]
    assert found("ek åbo") == found("ek turku") == ["Elsa", "Eva"]
    assert found("virtanen helsingfors") == ["Anna"]
