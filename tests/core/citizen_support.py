"""Helpers of the citizen tests: closed contacts to survey, the self-service queue, a running web service."""

from __future__ import annotations

import datetime as dt
import re

from agentdesk.citizen.feedback import FeedbackSurveys, SurveyPolicy
from agentdesk.citizen.updates import SelfServiceUpdates
from agentdesk.citizen.web import CitizenServices, CitizenWebServer
from agentdesk.queues import QueueDirectory, QueueSpec
from agentdesk.storage.models import Channel, Direction, Interaction, Outcome

SECRET = b"test-link-secret-0123456789abcdef"
LINK = re.compile(r"https?://\S+/feedback/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")


def closed_contact(db, customer_id: int, *, ended: dt.datetime | None = None, channel=Channel.PHONE) -> int:
    ended = ended or dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    with db.session() as s, s.begin():
        i = Interaction(
            customer_id=customer_id,
            channel=channel,
            direction=Direction.INBOUND,
            started_at=ended - dt.timedelta(minutes=6),
            ended_at=ended,
            topic="general.info",
            outcome=Outcome.RESOLVED_FIRST_CONTACT,
        )
        s.add(i)
        s.flush()
        return i.id


def self_service_queue(db) -> int:
    spec = QueueSpec("self_service", "Omat tiedot", Channel.WEB, target_seconds=2 * 8 * 3600, working_hours=True)
    return QueueDirectory(db).create(spec).id


def start_web(
    db, *, link_base: str = "", policy: SurveyPolicy | None = None
) -> tuple[CitizenWebServer, FeedbackSurveys]:
    """The web service on a free loopback port; the surveys' links point at it."""
    server = CitizenWebServer(CitizenServices(None, SelfServiceUpdates(db)))
    surveys = FeedbackSurveys(db, SECRET, link_base=link_base or server.url, policy=policy or SurveyPolicy())
    server.services = CitizenServices(surveys, SelfServiceUpdates(db))
    return server.start(), surveys


def token_in(text: str) -> str:
    found = LINK.search(text)
    assert found, text
    return found.group(1)
