"""The health plugin's demo back end (entry point ``agentdesk.demo_backends``, see
:mod:`agentdesk.plugin_api.demo`): a few hundred demo people get FHIR R4 patients by their
henkilötunnus, with appointments, visits and care episodes, served by the plugin's Node.js FHIR
server. Without Node.js (or its npm packages) the back end is unavailable and the demo leaves the
plugin out."""

from __future__ import annotations

from agentdesk.plugin_api.demo import DemoBackend, DemoBackendUnavailable, DemoPerson, DemoSeed
from agentdesk_health.demo_data import fhir_seed
from agentdesk_health.server_process import FhirServerError, start_fhir_server

FHIR_PEOPLE = 300  # "a few hundred" FHIR patients: the FHIR server keeps every resource in memory


def seed_person(person: DemoPerson) -> dict[str, str]:
    """A demo person as :func:`agentdesk_health.demo_data.fhir_seed` takes one."""
    return {
        "hetu": person.hetu,
        "first_names": person.first_names,
        "last_name": person.last_name,
        "birth_date": person.birth_date.isoformat() if person.birth_date else "",
        "sex": person.sex,
    }


def start(seed: DemoSeed) -> DemoBackend:
    people = seed.people(FHIR_PEOPLE)
    try:
        server = start_fhir_server(fhir_seed([seed_person(p) for p in people], today=seed.today))
    except FhirServerError as exc:
        raise DemoBackendUnavailable(str(exc)) from exc
    return DemoBackend(
        settings={"base_url": server.base_url},
        stop=server.stop,
        server=server,
        summary=f"health: {len(people)} FHIR patients",
        counts={"fhir_patients": len(people)},
    )
