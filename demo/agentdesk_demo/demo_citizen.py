"""The citizens' side of the demo: the self-service web queue with a few updates waiting in it, and
the citizens' web service on loopback (feedback surveys and self-service updates, :mod:`agentdesk.citizen`).

The demo's link secret is made for the run and kept in memory (the real service keeps it in the OS
keyring: ``agentdesk citizen serve``).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from agentdesk.citizen.feedback import FeedbackSurveys
from agentdesk.citizen.update_form import SelfServiceForm
from agentdesk.citizen.updates import DEFAULT_QUEUE, SelfServiceUpdates
from agentdesk.citizen.web import CitizenServices, CitizenWebServer
from agentdesk.queues import QueueDirectory, QueueSpec
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Channel,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    IdentifierScheme,
)
from agentdesk_demo.demo_queues import DemoQueues


def seed_self_service(db: Database, queues: DemoQueues, *, seed: int = 1) -> int:
    """The self-service queue ("Omat tiedot", two working days) for the demo queues' members (the
    customer service's agents and supervisors), and three citizens' updates waiting in it: a new phone
    number, an address change notice, and a language change whose sender the register does not know.
    Returns the updates made (0 when the queue was there already)."""
    directory = QueueDirectory(db)
    if directory.by_code(DEFAULT_QUEUE) is not None:
        return 0
    rng = random.Random(seed)
    dept = queues.phone.department_id
    with db.session() as s:
        people = s.execute(
            select(CustomerIdentifier.value, Customer.last_name)
            .join(Customer, Customer.id == CustomerIdentifier.customer_id)
            .where(
                CustomerIdentifier.scheme == IdentifierScheme.HETU,
                Customer.kind == CustomerKind.PERSON,
                Customer.merged_into.is_(None),
            )
            .order_by(CustomerIdentifier.id)
            .limit(200)
        ).all()
    queue = directory.create(
        QueueSpec(
            DEFAULT_QUEUE,
            "Omat tiedot",
            Channel.WEB,
            target_seconds=2 * 8 * 3600,
            working_hours=True,
            department_id=dept,
        )
    )
    for staff_id in queues.members:
        directory.add_member(queue.id, staff_id)
    if len(people) < 2:
        return 0
    (hetu1, name1), (hetu2, name2) = rng.sample(people, 2)
    updates = SelfServiceUpdates(db)
    moved = (dt.date.today() + dt.timedelta(days=7)).strftime("%d.%m.%Y")
    forms = [
        SelfServiceForm(kind="phone", hetu=hetu1, last_name=name1, phone=f"040 {rng.randint(1000000, 9999999)}"),
        SelfServiceForm(
            kind="address",
            hetu=hetu2,
            last_name=name2,
            street="Satakunnankatu 18 A 3",
            postal_code="33210",
            municipality="Tampere",
            moved_on=moved,
        ),
        SelfServiceForm(kind="language", hetu=hetu1, last_name="Tuntematon", language="sv"),
    ]
    for form in forms:
        updates.submit(form, via="web")
    return len(forms)


@dataclass
class CitizenWeb:
    server: CitizenWebServer
    db: Database

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        self.server.stop()
        self.db.dispose()


def start_citizen_web(url: str, *, host: str = "127.0.0.1", port: int = 0) -> CitizenWeb:
    """The citizens' web service on loopback for the demo database at ``url``."""
    db = Database(url)
    feedback = FeedbackSurveys(db, secrets.token_urlsafe(32).encode(), link_base="http://127.0.0.1")
    server = CitizenWebServer(CitizenServices(feedback, SelfServiceUpdates(db)), host, port).start()
    feedback.link_base = server.url  # the survey links point at where it listens
    return CitizenWeb(server, db)
