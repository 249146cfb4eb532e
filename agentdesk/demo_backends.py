"""The demo's department back ends: the three plugins' loopback reference servers, seeded from the
demo database so that every panel has something to show for the demo people.

    backends = start_demo_backends(db)        # after the population is seeded
    build the desk with backends.deployment and backends.secrets
    ...
    backends.stop()

- **Social services**: every person with the customer role ``social_services_client`` gets client
  relationships (``agentdesk_social.demo_data.social_seed``), served in process.
- **Health care**: a few hundred people get FHIR R4 patients by their henkilötunnus, with
  appointments, visits and care episodes (``agentdesk_health.demo_data.fhir_seed``), served by the
  plugin's Node.js FHIR server. Without Node.js (or its packages) the health back end is reported
  unavailable and the plugin points at a port where nothing listens, so its panel shows the error
  state and the desk still starts.
- **Technical services**: some people get earlier Open311 service requests
  (``agentdesk_technical.demo_data.open311_seed``), served in process; each request's id is stored
  on a service case of its customer (``backoffice_system = "open311"``), the way the desk stores the
  references of requests it files, so the desk passes them back to the panel.

People are chosen deterministically: the social-services clients first, then the people with the
most contacts in the contact history, then by customer id. Qt-free; plugin packages are imported
only here, inside the functions, so a core without a plugin installed reports that back end as
unavailable instead of failing.
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, tuple_

from agentdesk.plugin_host.settings import DeploymentPlugins
from agentdesk.search.customer_search import protected_address_clause
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    CaseStatus,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    CustomerRole,
    Department,
    IdentifierScheme,
    Interaction,
    ServiceCase,
)

log = logging.getLogger(__name__)

SOCIAL_ROLE = "social_services_client"
OPEN311_SYSTEM = "open311"
FHIR_PEOPLE = 300  # "a few hundred" FHIR patients: the FHIR server keeps every resource in memory
OPEN311_PEOPLE = 3000  # candidates; about a third of those with an e-mail or phone get requests
TECHNICAL_API_KEY = "demo-key"  # the reference server's packaged key (a loopback demo value, not a secret)
_CHUNK = 500


# -- the demo people -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoPerson:
    customer_id: int
    hetu: str
    first_names: str
    last_name: str
    birth_date: dt.date | None
    roles: tuple[str, ...]
    email: str | None
    phone: str | None
    street: str | None  # None for a protected address
    municipality: str | None

    @property
    def sex(self) -> str:
        """From the henkilötunnus: an odd individual number is a man's."""
        digits = self.hetu[7:10]
        return ("male" if int(digits) % 2 else "female") if digits.isdigit() else "unknown"

    def fhir(self) -> dict[str, Any]:
        return {"hetu": self.hetu, "first_names": self.first_names, "last_name": self.last_name,
                "birth_date": self.birth_date.isoformat() if self.birth_date else "", "sex": self.sex}

    def social(self) -> dict[str, Any]:
        return {"hetu": self.hetu, "first_names": self.first_names, "last_name": self.last_name,
                "roles": list(self.roles)}

    def open311(self) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "first_names": self.first_names, "last_name": self.last_name,
                "email": self.email, "phone": self.phone, "street": self.street, "municipality": self.municipality}


@dataclass(frozen=True)
class DemoPopulation:
    social: tuple[DemoPerson, ...]  # every social-services client
    fhir: tuple[DemoPerson, ...]  # who gets a FHIR patient
    open311: tuple[DemoPerson, ...]  # candidates for earlier service requests


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def choose_people(db: Database, *, fhir_people: int = FHIR_PEOPLE, open311_people: int = OPEN311_PEOPLE,
                  today: dt.date | None = None) -> DemoPopulation:
    """The demo people of each back end, read from the database (persons with a henkilötunnus)."""
    today = today or dt.date.today()
    with db.session() as s:
        hetu_of = select(CustomerIdentifier.customer_id, CustomerIdentifier.value).where(
            CustomerIdentifier.scheme == IdentifierScheme.HETU).subquery()
        social_ids = list(s.scalars(
            select(CustomerRole.customer_id).join(hetu_of, hetu_of.c.customer_id == CustomerRole.customer_id)
            .where(CustomerRole.role_code == SOCIAL_ROLE).distinct().order_by(CustomerRole.customer_id)))
        contacts = (select(Interaction.customer_id, func.count().label("n")).where(Interaction.customer_id.is_not(None))
                    .group_by(Interaction.customer_id).subquery())
        wanted = max(fhir_people, open311_people)
        ranked = list(s.scalars(
            select(Customer.id).join(hetu_of, hetu_of.c.customer_id == Customer.id)
            .outerjoin(contacts, contacts.c.customer_id == Customer.id)
            .where(Customer.kind == CustomerKind.PERSON)
            .order_by(func.coalesce(contacts.c.n, 0).desc(), Customer.id).limit(wanted + len(social_ids))))
    order = list(dict.fromkeys(social_ids + ranked))
    people = _details(db, order, today)
    social = tuple(people[i] for i in social_ids if i in people and SOCIAL_ROLE in people[i].roles)
    everyone = [people[i] for i in order if i in people]
    return DemoPopulation(social, tuple(everyone[:fhir_people]), tuple(everyone[:open311_people]))


def _details(db: Database, ids: Sequence[int], today: dt.date) -> dict[int, DemoPerson]:
    out: dict[int, DemoPerson] = {}
    with db.session() as s:
        for chunk in _chunks(ids):
            customers = {c.id: c for c in s.scalars(select(Customer).where(Customer.id.in_(chunk)))}
            hetus = dict(s.execute(select(CustomerIdentifier.customer_id, CustomerIdentifier.value).where(
                CustomerIdentifier.customer_id.in_(chunk), CustomerIdentifier.scheme == IdentifierScheme.HETU)).all())
            roles: dict[int, list[str]] = {}
            for cid, code in s.execute(select(CustomerRole.customer_id, CustomerRole.role_code)
                                       .where(CustomerRole.customer_id.in_(chunk))):
                roles.setdefault(cid, []).append(code)
            emails: dict[int, str] = {}
            phones: dict[int, str] = {}
            for cid, kind, value in s.execute(
                    select(ContactPoint.customer_id, ContactPoint.kind, ContactPoint.value)
                    .where(ContactPoint.customer_id.in_(chunk))
                    .order_by(ContactPoint.is_primary.desc(), ContactPoint.id)):
                (emails if kind is ContactKind.EMAIL else phones).setdefault(cid, value)
            addresses: dict[int, tuple[str, str]] = {}
            for cid, street, municipality in s.execute(
                    select(Address.customer_id, Address.street, Address.municipality)
                    .where(Address.customer_id.in_(chunk), (Address.valid_to.is_(None)) | (Address.valid_to >= today))
                    .order_by(Address.valid_from.desc().nulls_last(), Address.id.desc())):
                addresses.setdefault(cid, (street, municipality))
            protected = set(s.scalars(select(Customer.id).where(
                Customer.id.in_(chunk), protected_address_clause(Customer.id, today))))
            for cid, c in customers.items():
                if cid not in hetus:
                    continue
                street, municipality = addresses.get(cid, (None, None))
                out[cid] = DemoPerson(cid, hetus[cid], c.first_names, c.last_name, c.birth_date,
                                      tuple(roles.get(cid, ())), emails.get(cid), phones.get(cid),
                                      None if cid in protected else street, municipality)
    return out


def store_open311_references(db: Database, seed: Mapping[str, Any]) -> int:
    """A service case per seeded request (``backoffice_system = "open311"``, ``backoffice_ref`` = its id)
    on the customer it was seeded for; cases already there are kept. The number of cases added."""
    requests = {r["service_request_id"]: r for r in seed.get("requests", ())}
    wanted = [(int(cid), ref) for cid, refs in (seed.get("customer_references") or {}).items() for ref in refs
              if ref in requests]
    if not wanted:
        return 0
    added = 0
    with db.session() as s, s.begin():
        technical = s.scalar(select(Department.id).where(Department.code == "technical"))
        existing = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            existing |= set(s.execute(select(ServiceCase.customer_id, ServiceCase.backoffice_ref).where(
                ServiceCase.backoffice_system == OPEN311_SYSTEM,
                tuple_(ServiceCase.customer_id, ServiceCase.backoffice_ref).in_(chunk))).all())
        for cid, ref in wanted:
            if (cid, ref) in existing:
                continue
            r = requests[ref]
            created = _parse_time(r.get("requested_datetime"))
            case = ServiceCase(customer_id=cid, title=str(r.get("service_name") or r.get("service_code") or ref)[:200],
                               status=CaseStatus.OPEN if r.get("status") == "open" else CaseStatus.CLOSED,
                               department_id=technical, backoffice_system=OPEN311_SYSTEM, backoffice_ref=ref)
            if created is not None:
                case.created_at = created
                case.updated_at = _parse_time(r.get("updated_datetime")) or created
            s.add(case)
            added += 1
    return added


def _parse_time(value: Any) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return parsed.astimezone(dt.timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


# -- the running back ends -----------------------------------------------------------------------


class MappingSecrets:
    """Plugin secrets from memory (the demo's loopback servers); ``SecretSource`` for the plugin host."""

    def __init__(self, values: Mapping[tuple[str, str], str]) -> None:
        self._values = dict(values)

    def get(self, plugin_id: str, key: str) -> str | None:
        return self._values.get((plugin_id, key))


@dataclass
class DemoBackends:
    """The running demo back ends; ``deployment`` points the plugins at them."""

    deployment: DeploymentPlugins
    secrets: MappingSecrets
    urls: dict[str, str]  # plugin id -> base_url
    unavailable: dict[str, str] = field(default_factory=dict)  # plugin id -> why it is not running
    counts: dict[str, int] = field(default_factory=dict)  # e.g. fhir_patients, open311_requests
    population: DemoPopulation | None = None
    _stoppers: list[Callable[[], None]] = field(default_factory=list, repr=False)
    servers: dict[str, Any] = field(default_factory=dict, repr=False)  # plugin id -> server handle

    def describe(self) -> str:
        parts = [f"social services: {self.counts.get('social_clients', 0)} clients",
                 f"health: {self.counts.get('fhir_patients', 0)} FHIR patients",
                 f"technical: {self.counts.get('open311_requests', 0)} Open311 requests"]
        text = "demo back ends on loopback (" + "; ".join(parts) + ")"
        for pid, reason in sorted(self.unavailable.items()):
            text += f"; {pid} back end unavailable: {reason}"
        return text

    def stop(self) -> None:
        """Stop every server; safe to call twice."""
        while self._stoppers:
            stop = self._stoppers.pop()
            try:
                stop()
            except Exception:  # noqa: BLE001 - stop the others whatever one of them does
                log.exception("stopping a demo back end failed")

    def __enter__(self) -> DemoBackends:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def closed_port_url(path: str) -> str:
    """An http URL on loopback where nothing listens (for a back end that could not start)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/{path.lstrip('/')}"


def start_demo_backends(db: Database, *, fhir_people: int = FHIR_PEOPLE, open311_people: int = OPEN311_PEOPLE,
                        today: dt.date | None = None, now: dt.datetime | None = None) -> DemoBackends:
    """Seed and start the three back ends from the demo database; store the Open311 references.

    A back end that cannot start is listed in ``unavailable`` (its plugin points at a closed port);
    the others run. ``today``/``now`` fix the seeds' dates (tests)."""
    population = choose_people(db, fhir_people=fhir_people, open311_people=open311_people, today=today)
    backends = DemoBackends(DeploymentPlugins(), MappingSecrets({("technical", "api_key"): TECHNICAL_API_KEY}),
                            {}, population=population)
    try:
        _start_social(backends, population, today)
        _start_health(backends, population, today)
        _start_technical(backends, db, population, now)
    except BaseException:
        backends.stop()
        raise
    settings: dict[str, dict[str, Any]] = {
        "social": {"base_url": backends.urls["social"]},
        "health": {"base_url": backends.urls["health"]},
        "technical": {"base_url": backends.urls["technical"], "contact_search": True},
    }
    backends.deployment = DeploymentPlugins.from_mapping({"plugins": settings, "plugins_default_enabled": False},
                                                         "agentdesk demo")
    return backends


def _start_social(backends: DemoBackends, population: DemoPopulation, today: dt.date | None) -> None:
    try:
        from agentdesk_social.demo_data import social_seed
        from agentdesk_social.reference_server import start_server
    except ImportError as exc:
        backends.unavailable["social"] = f"the social-services plugin is not installed ({exc.name})"
        backends.urls["social"] = closed_port_url("/")
        return
    seed = social_seed([p.social() for p in population.social], today=today)
    server = start_server(seed)
    backends.servers["social"] = server
    backends._stoppers.append(server.stop)
    backends.urls["social"] = server.base_url
    backends.counts["social_clients"] = len(seed["clients"])


def _start_health(backends: DemoBackends, population: DemoPopulation, today: dt.date | None) -> None:
    try:
        from agentdesk_health.demo_data import fhir_seed
        from agentdesk_health.server_process import FhirServerError, start_fhir_server
    except ImportError as exc:
        backends.unavailable["health"] = f"the health plugin is not installed ({exc.name})"
        backends.urls["health"] = closed_port_url("/fhir/R4/")
        return
    try:
        server = start_fhir_server(fhir_seed([p.fhir() for p in population.fhir], today=today))
    except FhirServerError as exc:
        log.warning("demo health back end unavailable: %s", exc)
        backends.unavailable["health"] = str(exc)
        backends.urls["health"] = closed_port_url("/fhir/R4/")
        return
    backends.servers["health"] = server
    backends._stoppers.append(server.stop)
    backends.urls["health"] = server.base_url
    backends.counts["fhir_patients"] = len(population.fhir)


def _start_technical(backends: DemoBackends, db: Database, population: DemoPopulation,
                     now: dt.datetime | None) -> None:
    try:
        from agentdesk_technical.demo_data import open311_seed
        from agentdesk_technical.reference_server import start_server
    except ImportError as exc:
        backends.unavailable["technical"] = f"the technical plugin is not installed ({exc.name})"
        backends.urls["technical"] = closed_port_url("/")
        return
    seed = open311_seed([p.open311() for p in population.open311], now=now)
    store_open311_references(db, seed)
    server = start_server(seed)
    backends.servers["technical"] = server
    backends._stoppers.append(server.stop)
    backends.urls["technical"] = server.base_url
    backends.counts["open311_requests"] = len(seed["requests"])
