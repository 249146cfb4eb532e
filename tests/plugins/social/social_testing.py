"""Test data and helpers for the social-services plugin tests (imported by the test modules)."""

from __future__ import annotations

import threading

from agentdesk.plugin_api import CallContext, CustomerContext

MULTI = "010594Y9032"  # active at two units, waiting for a third, one ended
SINGLE = "020594X903P"  # active at one unit, one ended, one waiting elsewhere
SAME_UNIT = "030594W903B"  # two active relationships, but at the same unit
UNKNOWN_AREA = "040594V9030"  # active at two units, one of them with a service area the desk does not know
NOT_A_CLIENT = "050594U903M"


def _rel(rid, code, name, area, status, start, end=None, worker=True, meeting=None):
    return {
        "id": rid,
        "unit": {"code": code, "name": name, "service_area": area},
        "worker": {"name": "Kaisa Lindqvist", "phone": "+358401234567", "email": "kaisa.lindqvist@sote.example"}
        if worker
        else None,
        "status": status,
        "start": start,
        "end": end,
        "next_meeting": meeting,
    }


SEED = {
    "clients": {
        MULTI: [
            _rel("ep-4", "TRE-LSA", "Lastensuojelu, avohuolto", "child_welfare", "ended", "2019-03-01", "2020-06-30"),
            _rel("ep-3", "TRE-ASN", "Asumisneuvonta", "housing", "waiting", "2026-11-20", worker=False),
            _rel(
                "ep-1",
                "TRE-AST-HER",
                "Aikuissosiaalityö, Hervanta",
                "income_support",
                "active",
                "2025-09-01",
                meeting="2026-12-03T08:30:00Z",
            ),
            _rel("ep-2", "TRE-TVN", "Talous- ja velkaneuvonta", "debt_counselling", "active", "2026-02-16"),
        ],
        SINGLE: [
            _rel(
                "ep-11", "TRE-TVN", "Talous- ja velkaneuvonta", "debt_counselling", "ended", "2021-01-04", "2022-05-31"
            ),
            _rel(
                "ep-10",
                "TRE-ASN",
                "Asumisneuvonta",
                "housing",
                "active",
                "2024-10-01",
                meeting="2026-07-01T12:00:00+03:00",
            ),
            _rel(
                "ep-12", "TRE-LSA", "Lastensuojelu, avohuolto", "child_welfare", "waiting", "2026-11-01", worker=False
            ),
        ],
        SAME_UNIT: [
            _rel("ep-20", "TRE-AST-HER", "Aikuissosiaalityö, Hervanta", "income_support", "active", "2025-01-01"),
            _rel("ep-21", "TRE-AST-HER", "Aikuissosiaalityö, Hervanta", "adult_social_work", "active", "2025-03-01"),
        ],
        UNKNOWN_AREA: [
            _rel("ep-30", "TRE-MAP", "Maahanmuuttajapalvelut", "immigrant_services", "active", "2025-05-05"),
            _rel("ep-31", "TRE-ASN", "Asumisneuvonta", "housing", "active", "2025-06-06"),
        ],
    }
}


def customer(hetu: str | None, *, customer_id: int = 1) -> CustomerContext:
    return CustomerContext(
        customer_id=customer_id,
        hetu=hetu,
        first_names="Testi",
        last_name="Henkilö",
        birth_date=None,
        phones=(),
        emails=(),
        street=None,
        postal_code=None,
        municipality=None,
        address_protected=False,
        preferred_language="fi",
    )


def call(
    hetu: str | None,
    *,
    language: str = "en",
    timeout: float = 3.0,
    purpose: str = "statutory_task",
    cancel_event: threading.Event | None = None,
) -> CallContext:
    return CallContext(customer(hetu), language, timeout, cancel_event or threading.Event(), purpose=purpose)
