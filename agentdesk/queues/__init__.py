"""Queues, agent presence, work items from every channel, walk-in tickets and the supervisor's figures.

The channel adapters (phone, e-mail, web) put contacts in with :class:`WorkQueue.enqueue`; the desk
hands them out with :meth:`WorkQueue.claim_next`, safe with many workstations at once; the
dashboard reads :meth:`Statistics.snapshot`. Qt-free, like all of :mod:`agentdesk`.
"""

from agentdesk.queues.presence import AgentState, Presence, StateCount
from agentdesk.queues.queue_directory import QueueDirectory, QueueInfo, QueueInvalid, QueueSpec, UnknownQueue
from agentdesk.queues.statistics import ChannelCount, DashboardSnapshot, QueueStats, Statistics
from agentdesk.queues.walk_in import NotAWalkInQueue, Ticket, WalkIn, interaction_draft
from agentdesk.queues.work_queue import LeaseLost, NewWorkItem, WorkItemView, WorkQueue
from agentdesk.queues.working_hours import HELSINKI, OFFICE_HOURS, WorkingHours
from agentdesk.storage.models import PresenceState, WorkItemState

__all__ = [
    "HELSINKI",
    "OFFICE_HOURS",
    "AgentState",
    "ChannelCount",
    "DashboardSnapshot",
    "LeaseLost",
    "NewWorkItem",
    "NotAWalkInQueue",
    "Presence",
    "PresenceState",
    "QueueDirectory",
    "QueueInfo",
    "QueueInvalid",
    "QueueSpec",
    "QueueStats",
    "StateCount",
    "Statistics",
    "Ticket",
    "UnknownQueue",
    "WalkIn",
    "WorkItemState",
    "WorkItemView",
    "WorkQueue",
    "WorkingHours",
    "interaction_draft",
]
