"""Everything the one-screen customer overview shows, as plain immutable values.

Opening a customer is a view of personal data: :meth:`CustomerOverviewService.open` writes an
audit entry in the same transaction that reads the data. Revealing the full identity code is a
separate audited action. The contact timeline is read in pages by keyset (started_at, id), so a
customer with thousands of contacts opens as fast as one with none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from agentdesk import audit, identity, municipalities
from agentdesk.lineage import FieldLineage, read_lineage
from agentdesk.need_to_know import SENSITIVE_VIEW_ACTION, Category, Viewer, category_of
from agentdesk.restricted_customers import CustomerRestricted, may_open
from agentdesk.search.address_protection import AddressProtection, protection_of
from agentdesk.search.customer_search import current_address_id
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import OPEN_STATUSES
from agentdesk.storage.models import (
    Address,
    Alert,
    AlertKind,
    CaseStatus,
    Channel,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    CustomerRelationship,
    CustomerRole,
    Department,
    Direction,
    FeedbackSurvey,
    IdentifierScheme,
    Interaction,
    Language,
    Outcome,
    RelationshipKind,
    ServiceCase,
    StaffUser,
)


def mask_hetu(value: str) -> str:
    """Show the birth date part and the century sign only: ``010594Y****``."""
    return value[:7] + "****" if len(value) == 11 else "****"


def age_on(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _active(valid_from: dt.date | None, valid_to: dt.date | None, today: dt.date) -> bool:
    return (valid_from is None or valid_from <= today) and (valid_to is None or valid_to >= today)


@dataclass(frozen=True, slots=True)
class Header:
    customer_id: int
    version: int
    kind: CustomerKind
    first_names: str
    last_name: str
    birth_date: dt.date | None
    age: int | None
    preferred_language: Language
    hetu_masked: str | None  # None: no identity code on record
    ytunnus: str | None

    @property
    def display_name(self) -> str:
        return f"{self.first_names} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class AlertView:
    kind: AlertKind
    note: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclass(frozen=True, slots=True)
class ContactPointView:
    kind: ContactKind
    value: str
    display: str
    is_primary: bool
    label: str


@dataclass(frozen=True, slots=True)
class AddressView:
    street: str
    postal_code: str
    municipality: str  # as stored
    municipality_shown: str = ""  # in the citizen's language where the municipality has two names


@dataclass(frozen=True, slots=True)
class RoleView:
    role_code: str
    description: str
    department_name: str | None
    external_ref: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    active: bool


@dataclass(frozen=True, slots=True)
class RelationView:
    other_customer_id: int
    other_name: str
    other_birth_date: dt.date | None
    relation: str  # guardian_of, child_of, household_member, represents, represented_by
    valid_from: dt.date | None
    valid_to: dt.date | None
    active: bool


@dataclass(frozen=True, slots=True)
class CaseView:
    id: int
    title: str
    status: CaseStatus
    department_name: str | None
    due_date: dt.date | None
    backoffice_system: str
    backoffice_ref: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class CustomerOverview:
    header: Header
    alerts: tuple[AlertView, ...]
    address_protected: bool
    address: AddressView | None  # always None when protected
    contact_points: tuple[ContactPointView, ...]
    roles: tuple[RoleView, ...]
    relationships: tuple[RelationView, ...]
    open_cases: tuple[CaseView, ...]
    contact_count: int
    # Which register said each shown item and when ("address: population data, 2026-11-02").
    lineage: tuple[FieldLineage, ...] = ()
    # Social-services and health roles this viewer may see, held back until a purpose is given
    # (:meth:`CustomerOverviewService.sensitive_roles`); those they may not see are not read at all.
    sensitive_withheld: int = 0
    # Why the address is withheld: the person's own protection, or a relative's they live with
    # (agentdesk.search.address_protection); None when it is shown.
    address_protection: AddressProtection | None = None


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    channels: frozenset[Channel] = frozenset()
    department_ids: frozenset[int] = frozenset()
    topic: str = ""


@dataclass(frozen=True, slots=True)
class TimelineItem:
    id: int
    channel: Channel
    direction: Direction
    started_at: dt.datetime
    ended_at: dt.datetime | None
    agent_name: str | None
    department_name: str | None
    topic: str
    notes: str
    outcome: Outcome | None
    case_id: int | None
    external_ref: str
    feedback_score: int | None = None  # the citizen's answer to the survey after it (1..5), if any
    feedback_comment: str = ""


@dataclass(frozen=True, slots=True)
class TimelinePage:
    items: tuple[TimelineItem, ...]
    next_cursor: tuple[dt.datetime, int] | None  # None: this was the last page


class CustomerOverviewService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def open(
        self,
        customer_id: int,
        *,
        actor: str,
        purpose: str = "customer service",
        today: dt.date | None = None,
        viewer: Viewer | None = None,
    ) -> CustomerOverview:
        """The overview as ``viewer`` may see it (None: everything, for the register's own jobs).

        Raises :class:`~agentdesk.restricted_customers.CustomerRestricted` for a restricted customer the
        viewer may not open (nothing is read; they may break the glass)."""
        today = today or dt.date.today()
        with self._db.session() as s, s.begin():
            if viewer is not None:
                closed = may_open(s, viewer, customer_id)
                if closed is not None:
                    raise CustomerRestricted(customer_id, closed.reason)
            overview = self._read(s, customer_id, today, viewer)
            audit.record(s, actor=actor, action="customer.view", subject_customer_id=customer_id, purpose=purpose)
        return overview

    def sensitive_roles(
        self, customer_id: int, *, viewer: Viewer, purpose: str, today: dt.date | None = None
    ) -> tuple[RoleView, ...]:
        """The social-services and health roles ``viewer`` may see, for the purpose given: audited
        (``customer.sensitive.view``) in the transaction that reads them, like a sensitive panel."""
        if not purpose.strip():
            raise ValueError("a purpose is needed to see sensitive roles")
        today = today or dt.date.today()
        with self._db.session() as s, s.begin():
            closed = may_open(s, viewer, customer_id)
            if closed is not None:
                raise CustomerRestricted(customer_id, closed.reason)
            shown = tuple(r for r, cat in self._roles(s, customer_id, today) if cat is not None and viewer.may_see(cat))
            audit.record(
                s,
                actor=viewer.username,
                action=SENSITIVE_VIEW_ACTION,
                subject_customer_id=customer_id,
                purpose=purpose,
                detail=f"roles={len(shown)}",
            )
        return shown

    @staticmethod
    def _roles(s: Session, customer_id: int, today: dt.date) -> list[tuple[RoleView, Category | None]]:
        return [
            (
                RoleView(
                    r.role_code,
                    r.description,
                    dname,
                    r.external_ref,
                    r.valid_from,
                    r.valid_to,
                    _active(r.valid_from, r.valid_to, today),
                ),
                category_of(dcode),
            )
            for r, dname, dcode in s.execute(
                select(CustomerRole, Department.name, Department.code)
                .outerjoin(Department, Department.id == CustomerRole.department_id)
                .where(CustomerRole.customer_id == customer_id)
                .order_by(CustomerRole.valid_to.desc().nulls_first(), CustomerRole.id)
            )
        ]

    def reveal_hetu(self, customer_id: int, *, actor: str, purpose: str = "customer service") -> str | None:
        with self._db.session() as s, s.begin():
            value = s.scalar(
                select(CustomerIdentifier.value).where(
                    CustomerIdentifier.customer_id == customer_id, CustomerIdentifier.scheme == IdentifierScheme.HETU
                )
            )
            audit.record(s, actor=actor, action="hetu.reveal", subject_customer_id=customer_id, purpose=purpose)
        return value

    def _read(self, s: Session, customer_id: int, today: dt.date, viewer: Viewer | None) -> CustomerOverview:
        from agentdesk.customer_register import CustomerMerged, CustomerNotFound
        from agentdesk.merge.tombstones import resolve

        c = s.get(Customer, customer_id)
        if c is None:
            raise CustomerNotFound(customer_id)
        if c.merged_into is not None:  # a tombstone: nothing of it is shown (or audited), its survivor is
            raise CustomerMerged(customer_id, resolve(s, customer_id))
        idents = s.execute(
            select(CustomerIdentifier.scheme, CustomerIdentifier.value).where(
                CustomerIdentifier.customer_id == customer_id
            )
        ).all()
        hetu = next((v for k, v in idents if k is IdentifierScheme.HETU), None)
        ytunnus = next((v for k, v in idents if k is IdentifierScheme.YTUNNUS), None)
        header = Header(
            c.id,
            c.version,
            c.kind,
            c.first_names,
            c.last_name,
            c.birth_date,
            age_on(c.birth_date, today),
            c.preferred_language,
            mask_hetu(hetu) if hetu else None,
            ytunnus,
        )

        alerts = tuple(
            AlertView(a.kind, a.note, a.valid_from, a.valid_to)
            for a in s.scalars(select(Alert).where(Alert.customer_id == customer_id).order_by(Alert.id))
            if _active(a.valid_from, a.valid_to, today)
        )
        protection = protection_of(s, customer_id, today)
        protected = protection is not None
        address = None
        if not protected:
            a = s.scalar(select(Address).where(Address.id == current_address_id(customer_id, today)))
            if a is not None:
                shown = municipalities.display_name(a.municipality, c.preferred_language.value)
                address = AddressView(a.street, a.postal_code, a.municipality, shown)

        points = tuple(
            ContactPointView(
                p.kind,
                p.value,
                identity.format_phone_for_display(p.value) if p.kind is ContactKind.PHONE else p.value,
                p.is_primary,
                p.label,
            )
            for p in s.scalars(
                select(ContactPoint)
                .where(ContactPoint.customer_id == customer_id)
                .order_by(ContactPoint.is_primary.desc(), ContactPoint.id)
            )
        )
        roles: list[RoleView] = []
        withheld = 0
        for role, category in self._roles(s, customer_id, today):
            if viewer is None or category is None:
                roles.append(role)
            elif viewer.may_see(category):
                withheld += 1  # shown once a purpose is given
        relationships = self._relationships(s, customer_id, today)
        cases = tuple(
            CaseView(
                k.id,
                k.title,
                k.status,
                dname,
                k.due_date,
                k.backoffice_system,
                k.backoffice_ref,
                bool(k.due_date and k.due_date < today),
            )
            for k, dname in s.execute(
                select(ServiceCase, Department.name)
                .outerjoin(Department, Department.id == ServiceCase.department_id)
                .where(ServiceCase.customer_id == customer_id, ServiceCase.status.in_(OPEN_STATUSES))
                .order_by(ServiceCase.due_date.asc().nulls_last(), ServiceCase.id)
            )
        )
        count = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.customer_id == customer_id))
        lineage = read_lineage(s, customer_id)
        return CustomerOverview(
            header,
            alerts,
            protected,
            address,
            points,
            tuple(roles),
            relationships,
            cases,
            count or 0,
            lineage,
            withheld,
            protection,
        )

    @staticmethod
    def _relationships(s: Session, customer_id: int, today: dt.date) -> tuple[RelationView, ...]:
        other = aliased(Customer)
        out: list[RelationView] = []
        for outgoing in (True, False):
            me_col = CustomerRelationship.from_customer_id if outgoing else CustomerRelationship.to_customer_id
            other_col = CustomerRelationship.to_customer_id if outgoing else CustomerRelationship.from_customer_id
            for rel, o in s.execute(
                select(CustomerRelationship, other).join(other, other.id == other_col).where(me_col == customer_id)
            ):
                if rel.kind is RelationshipKind.GUARDIAN:
                    relation = "guardian_of" if outgoing else "child_of"
                elif rel.kind is RelationshipKind.REPRESENTATIVE:
                    relation = "represents" if outgoing else "represented_by"
                else:
                    relation = "household_member"
                out.append(
                    RelationView(
                        o.id,
                        f"{o.first_names} {o.last_name}".strip(),
                        o.birth_date,
                        relation,
                        rel.valid_from,
                        rel.valid_to,
                        _active(rel.valid_from, rel.valid_to, today),
                    )
                )
        order = {"guardian_of": 0, "child_of": 1, "household_member": 2, "represents": 3, "represented_by": 4}
        return tuple(sorted(out, key=lambda r: (not r.active, order[r.relation], r.other_name)))

    def timeline(
        self,
        customer_id: int,
        *,
        after: tuple[dt.datetime, int] | None = None,
        limit: int = 50,
        filters: TimelineFilter = TimelineFilter(),
    ) -> TimelinePage:
        """Contacts newest first; pass the previous page's ``next_cursor`` as ``after``."""
        agent = aliased(StaffUser)
        stmt = (
            select(Interaction, agent.display_name, Department.name, FeedbackSurvey.score, FeedbackSurvey.comment)
            .outerjoin(agent, agent.id == Interaction.agent_id)
            .outerjoin(Department, Department.id == Interaction.department_id)
            .outerjoin(FeedbackSurvey, FeedbackSurvey.interaction_id == Interaction.id)
            .where(Interaction.customer_id == customer_id)
        )
        if filters.channels:
            stmt = stmt.where(Interaction.channel.in_(sorted(filters.channels, key=lambda c: c.value)))
        if filters.department_ids:
            stmt = stmt.where(Interaction.department_id.in_(sorted(filters.department_ids)))
        if filters.topic:
            stmt = stmt.where(Interaction.topic == filters.topic)
        if after is not None:
            at, last_id = after
            stmt = stmt.where(
                or_(Interaction.started_at < at, and_(Interaction.started_at == at, Interaction.id < last_id))
            )
        stmt = stmt.order_by(Interaction.started_at.desc(), Interaction.id.desc()).limit(limit + 1)
        with self._db.session() as s:
            rows = s.execute(stmt).all()
        items = tuple(
            TimelineItem(
                i.id,
                i.channel,
                i.direction,
                i.started_at,
                i.ended_at,
                aname,
                dname,
                i.topic,
                i.notes,
                i.outcome,
                i.case_id,
                i.external_ref,
                score,
                comment or "",
            )
            for i, aname, dname, score, comment in rows[:limit]
        )
        more = len(rows) > limit
        return TimelinePage(items, (items[-1].started_at, items[-1].id) if more and items else None)
