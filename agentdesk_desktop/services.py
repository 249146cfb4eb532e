"""The desk's services, built once: the composition root's one typed bag of everything the windows use.

:func:`build_services` is the only place that constructs a core service; windows and views get the
services (or the few they need) from the :class:`DeskServices` it returns::

    services = build_services(db, background, changes)
    CustomerOverviewView(customer_id, overview_service=services.overviews, ...)

Every service is Qt-free and thread-safe to call from the background helper (each opens a short
session per operation). Each is made, and its module imported, when it is first used: most of them
bring the ORM, the models and the search's phone-number tables with them (about half a second of
imports), which the sign-in and the first window do not need. :meth:`DeskServices.prepare` makes them
all on the background helper once the first window is up, so the first search or customer finds
them ready. The topic taxonomy comes from a file: :class:`TopicCatalog` reads it once, off the UI
thread (the desk loads it while the agent signs in).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from agentdesk.deployment.profile_cases import CaseSettings
from agentdesk.deployment.profile_work import WorkSettings
from agentdesk.storage.database import Database
from agentdesk_desktop.background import Background
from agentdesk_desktop.change_bus import ChangeBus
from agentdesk_desktop.topic_catalog import TopicCatalog

if TYPE_CHECKING:
    from agentdesk.access_log import AccessLog
    from agentdesk.cases import CaseService, WorkingCalendar
    from agentdesk.cases.backoffice_status import BackofficeSync
    from agentdesk.channels.email_channel import EmailChannel, NewMailCallback
    from agentdesk.channels.email_quarantine import MailQuarantine
    from agentdesk.channels.email_threads import EmailThreads
    from agentdesk.citizen.updates import SelfServiceUpdates
    from agentdesk.customer_overview import CustomerOverviewService
    from agentdesk.customer_register import CustomerRegister
    from agentdesk.deployment.profile_email import EmailSettings
    from agentdesk.deployment.profile_model import Profile
    from agentdesk.drafts import DraftStore
    from agentdesk.duplicate_check import DuplicateCheck
    from agentdesk.duplicates.review import DuplicateReview
    from agentdesk.interaction_log import InteractionLog
    from agentdesk.knowledge import KnowledgeBase
    from agentdesk.outbox import Outbox
    from agentdesk.queues import Presence, QueueDirectory, Statistics, WalkIn
    from agentdesk.queues.dashboard_feed import DashboardFeed
    from agentdesk.queues.inbox import Inbox
    from agentdesk.reports import Reports
    from agentdesk.restricted_customers import RestrictedCustomers
    from agentdesk.search.customer_search import CustomerSearch, SearchPage
    from agentdesk.staff import StaffDirectory, StaffMember

_S = TypeVar("_S")


class _Once(Generic[_S]):
    """One service of :class:`DeskServices`: made by the first thread that asks, once (the lock is
    the desk's one lock, so that two threads asking at once make one service)."""

    def __init__(self, lock: threading.RLock, made: _S | None = None) -> None:
        self._lock, self._made = lock, made

    def get(self, make: Callable[[], _S]) -> _S:
        made = self._made
        if made is None:
            with self._lock:
                made = self._made
                if made is None:
                    made = self._made = make()
        return made


class DeskServices:
    """Every service of one running desk, each made on first use (from any thread: one lock)."""

    def __init__(
        self,
        db: Database,
        background: Background,
        changes: ChangeBus,
        *,
        topics: TopicCatalog | None = None,
        drafts: DraftStore | None = None,
        cases: CaseSettings | None = None,
        work: WorkSettings | None = None,
        outbox: Outbox | None = None,
        email: EmailSettings | None = None,
    ) -> None:
        self.db, self.background, self.changes = db, background, changes
        self.topics = topics or TopicCatalog()
        lock = threading.RLock()  # two threads asking at once make one service
        self._search: _Once[CustomerSearch] = _Once(lock)
        self._register: _Once[CustomerRegister] = _Once(lock)
        self._overviews: _Once[CustomerOverviewService] = _Once(lock)
        self._restricted: _Once[RestrictedCustomers] = _Once(lock)
        self._interactions: _Once[InteractionLog] = _Once(lock)
        self._duplicates: _Once[DuplicateCheck] = _Once(lock)
        self._staff: _Once[StaffDirectory] = _Once(lock)
        self._queues: _Once[QueueDirectory] = _Once(lock)
        self._walk_in: _Once[WalkIn] = _Once(lock)
        self._statistics: _Once[Statistics] = _Once(lock)
        self._drafts: _Once[DraftStore] = _Once(lock, drafts)
        self._outbox: _Once[Outbox] = _Once(lock, outbox)
        self._quarantine: _Once[MailQuarantine] = _Once(lock)
        self._dashboard_feed: _Once[DashboardFeed] = _Once(lock)
        self._cases: _Once[CaseService] = _Once(lock)
        self._presence: _Once[Presence] = _Once(lock)
        self._inbox: _Once[Inbox] = _Once(lock)
        self._self_service: _Once[SelfServiceUpdates] = _Once(lock)
        # The department profile's [work]: how long wrap-up lasts by itself, the wrap-up codes.
        self.work_settings: WorkSettings = work or WorkSettings()
        # The department profile's [cases]: a new case's working days, the closed days besides holidays.
        self.case_settings: CaseSettings = cases or CaseSettings()
        self._calendar: WorkingCalendar | None = None
        self._reports: _Once[Reports] = _Once(lock)
        self._profile: _Once[tuple[Profile | None]] = _Once(lock)
        self._duplicate_review: _Once[DuplicateReview] = _Once(lock)
        self._access_log: _Once[AccessLog] = _Once(lock)
        self._knowledge: _Once[KnowledgeBase] = _Once(lock)
        self._backoffice: _Once[BackofficeSync] = _Once(lock)
        # The department profile's [email]: the queue mailboxes this desk watches and answers (None: none).
        self.email_settings: EmailSettings | None = email
        self._email_threads: _Once[EmailThreads] = _Once(lock)
        self._email_channel: EmailChannel | None = None

    def prepare(self) -> None:
        """Make every service now (the background helper, after the first window): their imports
        and mappers are then ready when the agent first searches or opens a customer."""
        for name in _SERVICES:
            getattr(self, name)

    @property
    def search(self) -> CustomerSearch:
        def make() -> CustomerSearch:
            from agentdesk.search.customer_search import CustomerSearch

            return CustomerSearch(self.db.reads)  # a hot standby when the profile names one (read_url)

        return self._search.get(make)

    @property
    def register(self) -> CustomerRegister:
        def make() -> CustomerRegister:
            from agentdesk.customer_register import CustomerRegister

            return CustomerRegister(self.db)

        return self._register.get(make)

    @property
    def overviews(self) -> CustomerOverviewService:
        def make() -> CustomerOverviewService:
            from agentdesk.customer_overview import CustomerOverviewService

            return CustomerOverviewService(self.db)

        return self._overviews.get(make)

    @property
    def restricted(self) -> RestrictedCustomers:
        """Restricted customers: marking them, and breaking the glass (audited ``break_glass``)."""

        def make() -> RestrictedCustomers:
            from agentdesk.restricted_customers import RestrictedCustomers

            return RestrictedCustomers(self.db)

        return self._restricted.get(make)

    @property
    def interactions(self) -> InteractionLog:
        def make() -> InteractionLog:
            from agentdesk.interaction_log import InteractionLog

            return InteractionLog(self.db, known_topics=self.topics)

        return self._interactions.get(make)

    @property
    def duplicates(self) -> DuplicateCheck:
        def make() -> DuplicateCheck:
            from agentdesk.duplicate_check import DuplicateCheck

            return DuplicateCheck(self.db)

        return self._duplicates.get(make)

    @property
    def staff(self) -> StaffDirectory:
        def make() -> StaffDirectory:
            from agentdesk.staff import StaffDirectory

            return StaffDirectory(self.db)

        return self._staff.get(make)

    @property
    def queues(self) -> QueueDirectory:
        def make() -> QueueDirectory:
            from agentdesk.queues import QueueDirectory

            return QueueDirectory(self.db)

        return self._queues.get(make)

    @property
    def walk_in(self) -> WalkIn:
        def make() -> WalkIn:
            from agentdesk.queues import WalkIn

            return WalkIn(self.db)

        return self._walk_in.get(make)

    @property
    def statistics(self) -> Statistics:
        def make() -> Statistics:
            from agentdesk.queues import Statistics

            return Statistics(self.db, calendar=self.calendar)

        return self._statistics.get(make)

    @property
    def drafts(self) -> DraftStore:
        def make() -> DraftStore:
            from agentdesk.drafts import DraftStore

            return DraftStore()

        return self._drafts.get(make)

    @property
    def outbox(self) -> Outbox:
        """The signed-in staff user's offline outbox: contacts saved while the database could not be
        reached (opened with the drafts, by the same key)."""

        def make() -> Outbox:
            from agentdesk.outbox import Outbox

            return Outbox()

        return self._outbox.get(make)

    @property
    def quarantine(self) -> MailQuarantine:
        """The e-mail quarantine (the e-mail channel is not needed to start the desk)."""

        def make() -> MailQuarantine:
            from agentdesk.channels.email_quarantine import MailQuarantine

            return MailQuarantine(self.db)

        return self._quarantine.get(make)

    @property
    def dashboard_feed(self) -> DashboardFeed:
        """The dashboard's figures, computed once per interval for every open dashboard."""

        def make() -> DashboardFeed:
            from agentdesk.queues.dashboard_feed import DashboardFeed

            return DashboardFeed(self.db, self.statistics)

        return self._dashboard_feed.get(make)

    def new_case_due(self, today: dt.date) -> dt.date:
        """A new case's due date: the profile's working days from ``today``, skipping Finland's public
        holidays and the profile's closed days (pure arithmetic: fine on the UI thread)."""
        return self.calendar.add_working_days(today, self.case_settings.due_working_days)

    def search_as(self, staff: StaffMember | None, *args: Any, **kwargs: Any) -> SearchPage:
        """One audited page of the search as ``staff`` does it (restricted records closed to them listed
        only as restricted; every result list audited under them). Runs on the background helper."""
        from agentdesk.search.audited import audited_search

        actor = staff.username if staff is not None else "unknown"
        return audited_search(self.search, self.db, *args, actor=actor, staff=staff, **kwargs)

    @property
    def applied_profile(self) -> Profile | None:
        """The workstation's applied department profile (None: none), read once, on first use
        (off the UI thread: the reports and the steward's review ask for it when they are made)."""

        def make() -> tuple[Profile | None]:
            from agentdesk.deployment.profile_store import ProfileStore

            return (ProfileStore(installed=None).current(),)

        return self._profile.get(make)[0]

    @property
    def calendar(self) -> WorkingCalendar:
        """Finland's working days with the profile's closed days: one calendar for cases, deadlines,
        the dashboard's counts and the reports' case ages."""
        if self._calendar is None:
            from agentdesk.cases import WorkingCalendar

            self._calendar = WorkingCalendar(self.case_settings.closed_days)
        return self._calendar

    @property
    def cases(self) -> CaseService:
        """Service cases: status changes with history, deadlines in working days."""

        def make() -> CaseService:
            from agentdesk.cases import CaseService

            return CaseService(self.db, self.calendar)

        return self._cases.get(make)

    @property
    def presence(self) -> Presence:
        """Agent presence: available, busy, wrap-up, break, offline."""

        def make() -> Presence:
            from agentdesk.queues import Presence

            return Presence(self.db)

        return self._presence.get(make)

    @property
    def inbox(self) -> Inbox:
        """The agent's one inbox: Next, transfers, wrap-up codes (the profile's)."""

        def make() -> Inbox:
            from agentdesk.queues.inbox import Inbox

            return Inbox(self.db, wrap_up_codes=self.work_settings.wrap_up_codes)

        return self._inbox.get(make)

    @property
    def self_service(self) -> SelfServiceUpdates:
        """The citizens' own updates (the web service's work items), accepted or rejected at the desk."""

        def make() -> SelfServiceUpdates:
            from agentdesk.citizen.updates import SelfServiceUpdates

            return SelfServiceUpdates(self.db)

        return self._self_service.get(make)

    @property
    def access_log(self) -> AccessLog:
        """The audit log read for the data protection officer (each read of a person is audited)."""

        def make() -> AccessLog:
            from agentdesk.access_log import AccessLog

            return AccessLog(self.db)  # the primary: the review writes its audit entry

        return self._access_log.get(make)

    @property
    def knowledge(self) -> KnowledgeBase:
        """Quick texts, articles and call scripts (edited by supervisors and administrators)."""

        def make() -> KnowledgeBase:
            from agentdesk.knowledge import KnowledgeBase

            return KnowledgeBase(self.db, known_topics=self.topics)

        return self._knowledge.get(make)

    @property
    def backoffice(self) -> BackofficeSync:
        """Back-office status changes (a plugin's reference statuses) applied to the linked cases."""

        def make() -> BackofficeSync:
            from agentdesk.cases.backoffice_status import BackofficeSync

            return BackofficeSync(self.db, self.cases)

        return self._backoffice.get(make)

    @property
    def reports(self) -> Reports:
        """Management reports, with the costs per contact of the applied department profile (read on
        first use: ask for it off the UI thread, as the Reports window does)."""

        def make() -> Reports:
            from agentdesk.reports import Reports

            profile = self.applied_profile
            costs = profile.reports.cost_per_contact if profile is not None else {}
            calendar = self.calendar  # case ages in the profile's working days
            topics = [t.code for t in self.topics.load()]
            return Reports(self.db.reads, cost_per_contact=costs, calendar=calendar, topics=topics)

        return self._reports.get(make)

    @property
    def duplicate_review(self) -> DuplicateReview:
        """The data steward's review queue, merging with the applied department profile's survivorship
        rules (read on first use: ask for it off the UI thread, as the steward's desk does)."""

        def make() -> DuplicateReview:
            from agentdesk.duplicates.review import DuplicateReview
            from agentdesk.merge.rules import DEFAULT_RULES

            profile = self.applied_profile
            return DuplicateReview(self.db, rules=profile.survivorship if profile is not None else DEFAULT_RULES)

        return self._duplicate_review.get(make)

    @property
    def email_threads(self) -> EmailThreads:
        """E-mail conversations: read, answered through the profile's SMTP server, linked to customers."""

        def make() -> EmailThreads:
            from agentdesk.channels.email_reply import EmailReplier
            from agentdesk.channels.email_threads import EmailThreads

            settings = self.email_settings
            if settings is None:
                return EmailThreads(self.db)
            replier = None
            if settings.smtp is not None:
                login = settings.smtp_login or None
                replier = EmailReplier(self.db, settings.smtp, domain=settings.domain, smtp_login=login)
            return EmailThreads(self.db, replier=replier, mailboxes=settings.mailboxes)

        return self._email_threads.get(make)

    def email_channel(self, on_new_mail: NewMailCallback) -> EmailChannel | None:
        """The watchers of the profile's queue mailboxes (None without an ``[email]``), made once and not
        started: the composition root starts them when the window is complete and stops them at exit.
        Their passwords are read from the OS keyring on the watchers' own threads."""
        settings = self.email_settings
        if settings is None:
            return None
        if self._email_channel is None:
            from agentdesk.channels.email_channel import EmailChannel

            self._email_channel = EmailChannel(
                self.db,
                settings.imap,
                settings.mailboxes,
                on_new_mail=on_new_mail,
                use_idle=settings.idle,
                poll_interval=settings.poll_seconds,
            )
        return self._email_channel


# What prepare() makes: the services a window uses (the quarantine only on the dashboard).
_SERVICES = (
    "staff",
    "search",
    "overviews",
    "restricted",
    "register",
    "interactions",
    "duplicates",
    "queues",
    "walk_in",
    "statistics",
    "drafts",
    "outbox",
    # What completing the window asks for on the UI thread: made here, off it, beforehand.
    "cases",
    "knowledge",
    "backoffice",
    "email_threads",
)


def build_services(
    db: Database,
    background: Background,
    changes: ChangeBus,
    *,
    topics: TopicCatalog | None = None,
    drafts: DraftStore | None = None,
    cases: CaseSettings | None = None,
    work: WorkSettings | None = None,
    outbox: Outbox | None = None,
    email: EmailSettings | None = None,
) -> DeskServices:
    """The one place a core service is made. Cheap: nothing is imported or read here (each service
    on first use, the topics on first use)."""
    return DeskServices(
        db, background, changes, topics=topics, drafts=drafts, cases=cases, work=work, outbox=outbox, email=email
    )
