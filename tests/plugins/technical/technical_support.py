"""Helpers for the technical-services plugin tests: a seed, customers, call contexts, plugins."""

from __future__ import annotations

from agentdesk.plugin_api import CallContext, CustomerContext, PluginContext
from agentdesk_technical.plugin import create
from agentdesk_technical.reference_server import default_seed

API_KEY = "test-key"
MAIJA_EMAIL = "maija.meikalainen@example.com"
MAIJA_PHONE = "+358401234567"


def _request(request_id: str, code: str, status: str, requested: str, **extra) -> dict:
    return {
        "service_request_id": request_id,
        "service_code": code,
        "status": status,
        "status_notes": extra.pop("status_notes", ""),
        "agency_responsible": "Kaupunkiympäristö",
        "requested_datetime": requested,
        "updated_datetime": extra.pop("updated", requested),
        "description": extra.pop("description", "Ilmoitus"),
        "address": extra.pop("address", "Torikatu 1, Helsinki"),
        **extra,
    }


def make_seed() -> dict:
    """The packaged services; requests of Maija (by e-mail, by phone, one long ago) and of someone else."""
    seed = default_seed()
    seed["api_keys"] = [API_KEY]
    seed["requests"] = [
        _request(
            "501",
            "streetlight",
            "closed",
            "2024-03-02T18:10:00+02:00",
            updated="2024-03-05T09:00:00+02:00",
            status_notes="Lamppu vaihdettu.",
            email=MAIJA_EMAIL,
            address="Fleminginkatu 12, Helsinki",
        ),
        _request(
            "502",
            "snow_ploughing",
            "open",
            "2025-02-04T07:15:00+02:00",
            status_notes="Välitetty urakoitsijalle.",
            phone="040 123 4567",
            extended_attributes={"title": "Jalkakäytävä auraamatta", "detailed_status": "PUBLIC_WORKS_NEW"},
        ),
        _request(
            "503",
            "litter",
            "open",
            "2025-02-10T12:00:00+02:00",
            email="someone.else@example.net",
            status_notes="Siivous tilattu.",
        ),
        _request("504", "water_leak", "closed", "2023-11-20T08:00:00+02:00", status_notes="Vuoto korjattu."),
    ]
    return seed


def customer(**changes) -> CustomerContext:
    values = {
        "customer_id": 7,
        "hetu": None,
        "first_names": "Maija Liisa",
        "last_name": "Meikäläinen",
        "birth_date": "1980-05-01",
        "phones": (MAIJA_PHONE,),
        "emails": (MAIJA_EMAIL,),
        "street": "Fleminginkatu 12 A 3",
        "postal_code": "00530",
        "municipality": "Helsinki",
        "address_protected": False,
        "preferred_language": "fi",
    }
    values.update(changes)
    return CustomerContext(**values)


def protected_customer() -> CustomerContext:
    return customer(street=None, postal_code=None, municipality=None, address_protected=True)


def call(language: str = "en", timeout: float = 5.0, references=(), who: CustomerContext | None = None) -> CallContext:
    return CallContext(who or customer(), language, timeout, references=tuple(references))


def plugin_for(base_url: str, *, contact_search: bool = True, api_key: str = API_KEY, **settings):
    return create(
        PluginContext(
            "technical",
            {"base_url": base_url, "contact_search": contact_search, **settings},
            {"api_key": api_key} if api_key else {},
        )
    )
