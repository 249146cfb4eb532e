"""What the walk-in reception needs of the desk's services, and its two background jobs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from agentdesk.interaction_log import InteractionDraft, InteractionLog
from agentdesk.queues import QueueDirectory, QueueInfo, Ticket, WalkIn
from agentdesk.queues.walk_in import FinishedVisit
from agentdesk.staff import StaffMember
from agentdesk.storage.models import Channel
from agentdesk_desktop.services import DeskServices


@dataclass(frozen=True)
class ReceptionServices:
    queues: QueueDirectory
    walk_in: WalkIn
    interactions: InteractionLog
    departments: Callable[[], list[tuple[int, str, str]]]

    @classmethod
    def of(cls, services: DeskServices) -> ReceptionServices:
        return cls(services.queues, services.walk_in, services.interactions, services.interactions.departments)


def walk_in_queues(queues: QueueDirectory, staff_id: int) -> tuple[list[QueueInfo], list[QueueInfo]]:
    """(every active walk-in queue, those the agent is a member of); runs off the UI thread."""
    every = [q for q in queues.list() if q.channel is Channel.WALK_IN]
    mine = [q for q in queues.queues_of(staff_id) if q.channel is Channel.WALK_IN]
    return every, mine


def finish_visit_job(
    services: ReceptionServices, ticket: Ticket, draft: InteractionDraft, staff: StaffMember
) -> FinishedVisit:
    """Log the visit and close the ticket in one transaction (the background writer)."""
    return services.walk_in.finish_visit(ticket, draft, services.interactions, staff)
