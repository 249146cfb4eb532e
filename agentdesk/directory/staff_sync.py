"""Staff users from the directory: the desk's sign-in and ``agentdesk staff sync``.

:func:`sign_in` authenticates one person and brings their ``staff_user`` row up to date (made on
their first sign-in, role and department from their groups today); the audit names them.
:func:`sync` does it for everyone in the directory at once: new people are added, changed groups
change their role and department, and every active staff user the directory no longer gives a role
(left the city, moved out of the mapped groups) is set inactive — they lose access at this sync.
In directory mode the directory is the staff list: users made by hand are treated the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk import audit
from agentdesk.directory.client import DirectoryAccount, DirectoryClient
from agentdesk.staff import StaffDirectory, StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.models import Department, StaffUser

SIGN_IN_ACTION = "staff.sign_in"
SYNC_ACTION = "staff.sync"


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # role, department, name or active changed
    deactivated: list[str] = field(default_factory=list)
    unchanged: int = 0

    def describe(self) -> str:
        counts = (
            f"staff sync: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.deactivated)} deactivated, {self.unchanged} unchanged"
        )
        lines = [counts]
        for label, names in (("added", self.added), ("updated", self.updated), ("deactivated", self.deactivated)):
            lines += [f"  {label}: {name}" for name in names]
        return "\n".join(lines)


def sign_in(db: Database, client: DirectoryClient, username: str, password: str) -> StaffMember:
    """The staff member who signed in with the directory (a :class:`DirectoryError` if they may not)."""
    return admit(db, client.authenticate(username, password))


def admit(db: Database, account: DirectoryAccount) -> StaffMember:
    """After the directory said yes: the person's staff row brought up to date, the sign-in audited."""
    with db.session() as s, s.begin():
        _apply(s, account)
        audit.record(
            s,
            actor=account.username,
            action=SIGN_IN_ACTION,
            subject_customer_id=None,
            detail=json.dumps({"role": account.role.value if account.role else None, "source": "directory"}),
        )
    member = StaffDirectory(db).get(account.username)
    assert member is not None  # written just now
    return member


def sync(db: Database, client: DirectoryClient, *, actor: str) -> SyncReport:
    """Bring the staff users in line with the directory; audited as one entry by ``actor``."""
    accounts = {a.username: a for a in client.accounts() if a.role is not None}
    report = SyncReport()
    with db.session() as s, s.begin():
        for account in accounts.values():
            change = _apply(s, account)
            if change == "added":
                report.added.append(account.username)
            elif change == "updated":
                report.updated.append(account.username)
            else:
                report.unchanged += 1
        for user in s.scalars(select(StaffUser).where(StaffUser.active.is_(True)).order_by(StaffUser.username)):
            if user.username not in accounts:
                user.active = False
                report.deactivated.append(user.username)
        audit.record(
            s,
            actor=actor,
            action=SYNC_ACTION,
            subject_customer_id=None,
            detail=json.dumps(
                {"added": report.added, "updated": report.updated, "deactivated": report.deactivated},
                ensure_ascii=False,
            ),
        )
    return report


def _apply(s: Session, account: DirectoryAccount) -> str:
    """Make the row match the account: 'added', 'updated' or ''."""
    assert account.role is not None
    department_id = _department_id(s, account.departments)
    user = s.scalars(select(StaffUser).where(StaffUser.username == account.username)).first()
    if user is None:
        s.add(
            StaffUser(
                username=account.username,
                display_name=account.display_name,
                role=account.role,
                department_id=department_id,
                active=True,
            )
        )
        s.flush()
        return "added"
    wanted = (account.display_name, account.role, department_id, True)
    if (user.display_name, user.role, user.department_id, user.active) == wanted:
        return ""
    user.display_name, user.role, user.department_id, user.active = wanted
    return "updated"


def _department_id(s: Session, codes: Iterable[str]) -> int | None:
    """The first of the mapped departments (a department the database does not have yet is added)."""
    for code in codes:
        department = s.scalars(select(Department).where(Department.code == code)).first()
        if department is None:
            department = Department(code=code, name=code)
            s.add(department)
            s.flush()
        return department.id
    return None
