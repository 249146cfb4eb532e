"""A small register with one row of every need-to-know kind, and desk logins on the real PostgreSQL.

:func:`seed` writes (as the tables' owner) a customer with a social-services, a health and a technical
role, a turvakielto customer with an address, and a restricted customer. :class:`Logins` makes one
PostgreSQL login per staff role for a test (unique names: the server is shared), grants them their
group roles the way ``agentdesk staff sync --db-logins`` does, and drops them afterwards.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import psycopg
from sqlalchemy import select
from sqlalchemy.engine import make_url

from agentdesk.db_grants import apply_grants, sync_logins
from agentdesk.need_to_know import Viewer
from agentdesk.restricted_customers import RestrictedCustomers
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import Address, Alert, AlertKind, Customer, CustomerKind, CustomerRole, Department

SOCIAL_ROLE = "Päihde- ja mielenterveyspalvelut"
HEALTH_ROLE = "Säännöllinen kotihoito"
TECHNICAL_ROLE = "Asukaspysäköintitunnus"
PROTECTED_STREET = "Salainen tie 7"


@dataclass(frozen=True)
class Seeded:
    client_id: int  # social, health and technical roles
    protected_id: int  # turvakielto, with an address
    restricted_id: int  # restricted to supervisors


def seed(db: Database) -> Seeded:
    with db.session() as s, s.begin():
        known = {d.code: d for d in s.scalars(select(Department))}  # a test's own staff may have made some
        depts = {code: known.get(code) or Department(code=code, name=name) for code, name in _DEPARTMENTS}
        s.add_all(d for d in depts.values() if d.code not in known)
        client = Customer(kind=CustomerKind.PERSON, first_names="Sointu", last_name="Asiakas")
        protected = Customer(kind=CustomerKind.PERSON, first_names="Piia", last_name="Suojattu")
        restricted = Customer(kind=CustomerKind.PERSON, first_names="Rauno", last_name="Rajattu")
        s.add_all([client, protected, restricted])
        s.flush()
        for code, description in (("social", SOCIAL_ROLE), ("health", HEALTH_ROLE), ("technical", TECHNICAL_ROLE)):
            s.add(
                CustomerRole(
                    customer_id=client.id,
                    role_code=f"{code}_client",
                    department_id=depts[code].id,
                    description=description,
                    valid_from=dt.date(2020, 1, 1),
                )
            )
        s.add(Address(customer_id=client.id, street="Avoin katu 1", postal_code="33100", municipality="Tampere"))
        s.add(Address(customer_id=protected.id, street=PROTECTED_STREET, postal_code="33100", municipality="Tampere"))
        s.add(Alert(customer_id=protected.id, kind=AlertKind.PROTECTED_ADDRESS, note="Turvakielto"))
        ids = Seeded(client.id, protected.id, restricted.id)
    RestrictedCustomers(db).restrict(
        ids.restricted_id,
        viewer=Viewer("admin.aino", StaffRole.ADMIN, None),
        reason="staff member",
        allowed_roles="supervisor",
    )
    return ids


_DEPARTMENTS = (
    ("social", "Sosiaalipalvelut"),
    ("health", "Terveyspalvelut"),
    ("technical", "Tekniset palvelut"),
    ("customer_service", "Asiakaspalvelu"),
)

# (staff role, department) of each desk login a test gets, by a short name.
DESK_STAFF = {
    "tech_agent": (StaffRole.AGENT, "technical"),
    "social_agent": (StaffRole.AGENT, "social"),
    "service_agent": (StaffRole.AGENT, "customer_service"),
    "supervisor": (StaffRole.SUPERVISOR, "customer_service"),
    "steward": (StaffRole.STEWARD, None),
    "admin": (StaffRole.ADMIN, None),
}


class Logins:
    """One login per :data:`DESK_STAFF` entry, granted like the staff sync grants them."""

    def __init__(self, owner: Database) -> None:
        self.owner = owner
        self.tag = "t" + uuid.uuid4().hex[:8]
        self.names = {short: f"{self.tag}_{short}" for short in DESK_STAFF}
        self._dbs: list[Database] = []
        self.admin_url = owner.url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
        apply_grants(owner)
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            for name in self.names.values():
                conn.execute(f'CREATE ROLE "{name}" LOGIN')
        sync_logins(owner, [(self.names[k], role, dept) for k, (role, dept) in DESK_STAFF.items()])

    def viewer(self, short: str) -> Viewer:
        role, dept = DESK_STAFF[short]
        return Viewer(self.names[short], role, dept)

    def database(self, short: str) -> Database:
        """The desk's Database, switched to this login (as the desk does after the sign-in)."""
        db = Database(self.owner.url.render_as_string(hide_password=False), password_lookup=None)
        db.switch_login(self.names[short], None)
        self._dbs.append(db)
        return db

    def raw(self, short: str) -> psycopg.Connection[tuple[object, ...]]:
        """A plain psycopg connection as this login (what someone with psql and the login has)."""
        url = make_url(self.admin_url).set(username=self.names[short])
        options = str(self.owner.url.query.get("options", ""))
        return psycopg.connect(url.render_as_string(hide_password=False), options=options)

    def close(self) -> None:
        for db in self._dbs:
            db.dispose()
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            for name in self.names.values():
                conn.execute(f'DROP OWNED BY "{name}"')
                conn.execute(f'DROP ROLE "{name}"')
