"""The technical-services plugin's demo back end (entry point ``agentdesk.demo_backends``, see
:mod:`agentdesk.plugin_api.demo`): some demo people get earlier Open311 service requests, served by
the reference server in process; each request's id is stored on a service case of its customer
(``backoffice_system = "open311"``), the way the desk stores the references of requests it files,
so the desk passes them back to the panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from agentdesk.plugin_api.demo import DemoBackend, DemoCaseReference, DemoPerson, DemoSeed
from agentdesk_technical.demo_data import open311_seed
from agentdesk_technical.reference_server import start_server

OPEN311_SYSTEM = "open311"
OPEN311_PEOPLE = 3000  # candidates; about a third of those with an e-mail or phone get requests
API_KEY = "demo-key"  # the reference server's packaged key (a loopback demo value, not a secret)


def seed_person(person: DemoPerson) -> dict[str, Any]:
    """A demo person as :func:`agentdesk_technical.demo_data.open311_seed` takes one."""
    return {
        "customer_id": person.customer_id,
        "first_names": person.first_names,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "street": person.street,
        "municipality": person.municipality,
    }


def case_references(data: Mapping[str, Any]) -> list[DemoCaseReference]:
    """The seed's requests as service cases of the customers they were seeded for."""
    requests = {r["service_request_id"]: r for r in data.get("requests", ())}
    out = []
    for cid, refs in (data.get("customer_references") or {}).items():
        for ref in refs:
            r = requests.get(ref)
            if r is None:
                continue
            created = _parse_time(r.get("requested_datetime"))
            out.append(
                DemoCaseReference(
                    customer_id=int(cid),
                    system=OPEN311_SYSTEM,
                    reference=ref,
                    department="technical",
                    title=str(r.get("service_name") or r.get("service_code") or ref)[:200],
                    open=r.get("status") == "open",
                    created_at=created,
                    updated_at=_parse_time(r.get("updated_datetime")) or created,
                )
            )
    return out


def _parse_time(value: Any) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return parsed.astimezone(dt.UTC) if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def start(seed: DemoSeed) -> DemoBackend:
    data = open311_seed([seed_person(p) for p in seed.people(OPEN311_PEOPLE)], now=seed.now)
    seed.store_case_references(case_references(data))
    server = start_server(data)
    requests = len(data["requests"])
    return DemoBackend(
        settings={"base_url": server.base_url, "contact_search": True},
        stop=server.stop,
        secrets={"api_key": API_KEY},
        server=server,
        summary=f"technical: {requests} Open311 requests",
        counts={"open311_requests": requests},
    )
