"""Staff users and their roles, as the desk needs them (sign-in chooser, logging, access rules).

The sign-in's list (:meth:`StaffDirectory.list_active`) is read with one SQL statement, without the
ORM (:meth:`agentdesk.storage.database.Database.first_read`): it is read before the desk's first
window, which does not wait for SQLAlchemy, the ORM and the models to be imported (about 0.5 s).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agentdesk.storage.database import Database
from agentdesk.storage.kinds import StaffRole

if TYPE_CHECKING:
    from agentdesk.storage.models import Department, StaffUser

# The columns of StaffMember, in its order; ``active`` is a boolean on PostgreSQL, 0/1 on SQLite.
_ACTIVE_STAFF = (
    "SELECT s.id, s.username, s.display_name, s.role, s.department_id, d.code, d.name"
    " FROM staff_user AS s LEFT OUTER JOIN department AS d ON d.id = s.department_id"
    " WHERE s.active ORDER BY s.role, s.display_name"
)


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    username: str
    display_name: str
    role: StaffRole
    department_id: int | None
    department_code: str | None
    department_name: str | None


@dataclass(frozen=True, slots=True)
class DepartmentInfo:
    id: int
    code: str
    name: str


class StaffDirectory:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list_active(self) -> list[StaffMember]:
        rows = self._db.first_read(_ACTIVE_STAFF)
        return [StaffMember(r[0], r[1], r[2], StaffRole(r[3]), r[4], r[5], r[6]) for r in rows]

    def get(self, username: str) -> StaffMember | None:
        from sqlalchemy import select

        from agentdesk.storage.models import Department, StaffUser

        with self._db.session() as s:
            row = s.execute(
                select(StaffUser, Department)
                .outerjoin(Department, Department.id == StaffUser.department_id)
                .where(StaffUser.username == username)
            ).first()
        return _member(*row) if row else None

    def departments(self) -> list[DepartmentInfo]:
        from sqlalchemy import select

        from agentdesk.storage.models import Department

        with self._db.session() as s:
            rows = s.scalars(select(Department).order_by(Department.name))
            return [DepartmentInfo(d.id, d.code, d.name) for d in rows]


def _member(u: StaffUser, d: Department | None) -> StaffMember:
    return StaffMember(
        u.id, u.username, u.display_name, u.role, u.department_id, d.code if d else None, d.name if d else None
    )
