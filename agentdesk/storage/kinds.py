"""The kinds stored in the register's columns (roles, channels, states, ...), without SQLAlchemy.

:mod:`agentdesk.storage.models` maps them to its columns and names them too; code that only needs a
kind (the sign-in's roles, the dashboard's states) imports it from here, so that showing the first
window does not import the ORM and the models (about 0.2 s of the desk's start).
"""

from __future__ import annotations

import enum


class CustomerKind(str, enum.Enum):
    PERSON = "person"
    ORGANISATION = "organisation"


class Language(str, enum.Enum):
    FI = "fi"
    SV = "sv"
    EN = "en"
    OTHER = "other"


class IdentifierScheme(str, enum.Enum):
    HETU = "hetu"  # Finnish personal identity code (henkilötunnus)
    YTUNNUS = "ytunnus"  # Finnish business id
    REGISTER = "register"  # free-form id in another register, see CustomerIdentifier.register


class ContactKind(str, enum.Enum):
    PHONE = "phone"
    EMAIL = "email"


class AlertKind(str, enum.Enum):
    SAFETY_WARNING = "safety_warning"
    INTERPRETER_NEEDED = "interpreter_needed"
    DECEASED = "deceased"
    PROTECTED_ADDRESS = "protected_address"  # turvakielto


class RelationshipKind(str, enum.Enum):
    GUARDIAN = "guardian"  # from = guardian, to = child
    HOUSEHOLD_MEMBER = "household_member"
    REPRESENTATIVE = "representative"  # from = person, to = organisation


class Channel(str, enum.Enum):
    PHONE = "phone"
    EMAIL = "email"
    WALK_IN = "walk_in"
    WEB = "web"
    SMS = "sms"  # outbound text messages (notices, agentdesk.outreach), migration 0020


class Direction(str, enum.Enum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Outcome(str, enum.Enum):
    RESOLVED_FIRST_CONTACT = "resolved_first_contact"
    FORWARDED = "forwarded"
    CASE_CREATED = "case_created"
    UNRESOLVED = "unresolved"


class CaseStatus(str, enum.Enum):
    """A service case's state (its allowed changes: :mod:`agentdesk.cases.lifecycle`)."""

    NEW = "new"  # filed, nobody has taken it yet
    OPEN = "open"  # assigned to a department or a person, being worked on
    WAITING = "waiting"  # waiting for the citizen (more information, a document)
    WAITING_BACKOFFICE = "waiting_backoffice"  # waiting for the back office (a decision, field work)
    RESOLVED = "resolved"  # answered or fixed; the citizen may still come back
    CLOSED = "closed"  # finished; a follow-up opens a new case unless the case is reopened
    REOPENED = "reopened"  # resolved or closed, then taken up again

    @property
    def is_active(self) -> bool:
        """Still to be worked on: counts in backlogs, deadlines and the overview's open cases."""
        return self not in (CaseStatus.RESOLVED, CaseStatus.CLOSED)


OPEN_STATUSES = tuple(status for status in CaseStatus if status.is_active)  # the states still to be worked on


class StaffRole(str, enum.Enum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    STEWARD = "steward"
    ADMIN = "admin"
    DPO = "dpo"  # the data protection officer: reads the audit log (the data protection view)


class PresenceState(str, enum.Enum):
    AVAILABLE = "available"
    BUSY = "busy"
    WRAP_UP = "wrap_up"
    BREAK = "break"
    OFFLINE = "offline"


class WorkItemState(str, enum.Enum):
    WAITING = "waiting"  # in the queue
    OFFERED = "offered"  # claimed by an agent under a lease (ringing, opened, ticket called)
    IN_PROGRESS = "in_progress"  # answered: the agent is serving the customer
    DONE = "done"
    ABANDONED = "abandoned"  # the customer gave up while waiting (caller hung up)


class NoticeRecipientState(str, enum.Enum):
    """One recipient of a notice (:mod:`agentdesk.outreach.sending`): pending -> sending -> sent or
    failed; a 'sending' row found after a crash is settled by the channel's idempotency rule."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNREACHABLE = "unreachable"  # no e-mail address / phone number for the notice's channel


class SurveyState(str, enum.Enum):
    """A feedback survey after a contact (:mod:`agentdesk.citizen.feedback`): pending -> sending ->
    sent (the link is out) or failed; an answered survey stays 'sent' with its ``answered_at``."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class SelfServiceState(str, enum.Enum):
    """A citizen's own update (:mod:`agentdesk.citizen.updates`): new until an agent or a steward
    accepts it into the register or rejects it with a reason."""

    NEW = "new"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
