"""AgentDesk's tables, in SQLAlchemy 2.0 typed style: every model and enum, re-exported from the
modules of :mod:`agentdesk.storage.tables` that define them (register, contacts, queues).

Every table is created by an Alembic migration (``agentdesk/storage/migrations``);
``Base.metadata`` is the reference the migrations are checked against in the tests.

Conventions:
- times are stored in UTC (:class:`UTCDateTime`), dates are plain calendar dates;
- phone numbers are stored in E.164, e-mail addresses lower-cased;
- editable records (customers, interactions, cases) carry a ``version`` column used for
  optimistic concurrency: a stale save raises ``sqlalchemy.orm.exc.StaleDataError``, which the
  services turn into :class:`agentdesk.customers.EditConflict`.
"""

from agentdesk.storage.kinds import (
    AlertKind,
    CaseStatus,
    Channel,
    ContactKind,
    CustomerKind,
    Direction,
    IdentifierScheme,
    Language,
    NoticeRecipientState,
    Outcome,
    PresenceState,
    RelationshipKind,
    SelfServiceState,
    StaffRole,
    SurveyState,
    WorkItemState,
)
from agentdesk.storage.tables.base import NAMING_CONVENTION, Base, UTCDateTime, utcnow
from agentdesk.storage.tables.citizen import FeedbackOptOut, FeedbackSurvey, SelfServiceUpdate
from agentdesk.storage.tables.contacts import (
    AuditChainHead,
    AuditEntry,
    CaseEvent,
    Interaction,
    ServiceCase,
)
from agentdesk.storage.tables.email_messages import EmailAttachment, EmailMessage
from agentdesk.storage.tables.knowledge import KnowledgeEntry, KnowledgeText
from agentdesk.storage.tables.notices import Notice, NoticeRecipient
from agentdesk.storage.tables.queues import (
    AgentPresence,
    DashboardSnapshotRow,
    PresenceChange,
    QuarantinedMail,
    Queue,
    QueueMember,
    QueueMemberSkill,
    TicketCounter,
    WorkItem,
    WorkItemTransfer,
)
from agentdesk.storage.tables.register import (
    Address,
    Alert,
    BreakGlassGrant,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerMerge,
    CustomerRelationship,
    CustomerRestriction,
    CustomerRole,
    Department,
    FieldSource,
    SearchTerm,
    SearchTermVariant,
    StaffUser,
    SyntheticDuplicate,
)

__all__ = [
    "NAMING_CONVENTION",
    "Address",
    "AgentPresence",
    "Alert",
    "AlertKind",
    "AuditChainHead",
    "AuditEntry",
    "Base",
    "BreakGlassGrant",
    "CaseEvent",
    "CaseStatus",
    "Channel",
    "ContactKind",
    "ContactPoint",
    "Customer",
    "CustomerIdentifier",
    "CustomerKind",
    "CustomerMerge",
    "CustomerRelationship",
    "CustomerRestriction",
    "CustomerRole",
    "DashboardSnapshotRow",
    "Department",
    "Direction",
    "EmailAttachment",
    "EmailMessage",
    "FeedbackOptOut",
    "FeedbackSurvey",
    "FieldSource",
    "IdentifierScheme",
    "Interaction",
    "KnowledgeEntry",
    "KnowledgeText",
    "Language",
    "Notice",
    "NoticeRecipient",
    "NoticeRecipientState",
    "Outcome",
    "PresenceChange",
    "PresenceState",
    "QuarantinedMail",
    "Queue",
    "QueueMember",
    "QueueMemberSkill",
    "RelationshipKind",
    "SearchTerm",
    "SearchTermVariant",
    "SelfServiceState",
    "SelfServiceUpdate",
    "ServiceCase",
    "StaffRole",
    "StaffUser",
    "SurveyState",
    "SyntheticDuplicate",
    "TicketCounter",
    "UTCDateTime",
    "WorkItem",
    "WorkItemState",
    "WorkItemTransfer",
    "utcnow",
]
