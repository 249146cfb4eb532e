"""Staff users and their roles, as the desk needs them (sign-in chooser, logging, access rules)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from agentdesk.storage.database import Database
from agentdesk.storage.models import Department, StaffRole, StaffUser


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
        with self._db.session() as s:
            rows = s.execute(
                select(StaffUser, Department)
                .outerjoin(Department, Department.id == StaffUser.department_id)
                .where(StaffUser.active.is_(True))
                .order_by(StaffUser.role, StaffUser.display_name)
            ).all()
        return [_member(u, d) for u, d in rows]

    def get(self, username: str) -> StaffMember | None:
        with self._db.session() as s:
            row = s.execute(
                select(StaffUser, Department)
                .outerjoin(Department, Department.id == StaffUser.department_id)
                .where(StaffUser.username == username)
            ).first()
        return _member(*row) if row else None

    def departments(self) -> list[DepartmentInfo]:
        with self._db.session() as s:
            rows = s.scalars(select(Department).order_by(Department.name))
            return [DepartmentInfo(d.id, d.code, d.name) for d in rows]


def _member(u: StaffUser, d: Department | None) -> StaffMember:
    return StaffMember(
        u.id, u.username, u.display_name, u.role, u.department_id, d.code if d else None, d.name if d else None
    )
