"""The education plugin's demo back end (entry point ``agentdesk.demo_backends``, see
:mod:`agentdesk.plugin_api.demo`): the demo people most likely to be opened, the daycare guardians,
and their children (API 1.4 ``DemoPerson.children``) get daycare, school and adult-education records
by age, served by the reference server in process."""

from __future__ import annotations

from agentdesk.plugin_api.demo import DemoBackend, DemoPerson, DemoSeed
from agentdesk_education.demo_data import education_seed
from agentdesk_education.reference_server import start_server

DEMO_PEOPLE = 2000
GUARDIAN_ROLE = "daycare_guardian"


def seed_person(person: DemoPerson) -> dict[str, object]:
    """A demo person as :func:`agentdesk_education.demo_data.education_seed` takes one."""
    return {
        "hetu": person.hetu,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "children": list(person.children),
    }


def start(seed: DemoSeed) -> DemoBackend:
    people = {p.customer_id: p for p in seed.people(DEMO_PEOPLE)}
    people.update({p.customer_id: p for p in seed.with_role(GUARDIAN_ROLE)})
    data = education_seed([seed_person(p) for p in people.values()], today=seed.today)
    server = start_server(data)
    learners = len(data["learners"])
    return DemoBackend(
        settings={"base_url": server.base_url},
        stop=server.stop,
        server=server,
        summary=f"education: {learners} learners",
        counts={"education_learners": learners},
    )
