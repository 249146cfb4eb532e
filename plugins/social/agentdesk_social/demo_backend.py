"""The social-services plugin's demo back end (entry point ``agentdesk.demo_backends``, see
:mod:`agentdesk.plugin_api.demo`): every demo person with the customer role
``social_services_client`` gets client relationships, served by the reference server in process."""

from __future__ import annotations

from agentdesk.plugin_api.demo import DemoBackend, DemoPerson, DemoSeed
from agentdesk_social.demo_data import CLIENT_ROLE, social_seed
from agentdesk_social.reference_server import start_server


def seed_person(person: DemoPerson) -> dict[str, object]:
    """A demo person as :func:`agentdesk_social.demo_data.social_seed` takes one."""
    return {
        "hetu": person.hetu,
        "first_names": person.first_names,
        "last_name": person.last_name,
        "roles": list(person.roles),
    }


def start(seed: DemoSeed) -> DemoBackend:
    data = social_seed([seed_person(p) for p in seed.with_role(CLIENT_ROLE)], today=seed.today)
    server = start_server(data)
    clients = len(data["clients"])
    return DemoBackend(
        settings={"base_url": server.base_url},
        stop=server.stop,
        server=server,
        summary=f"social services: {clients} clients",
        counts={"social_clients": clients},
    )
