"""Who may see what: the desk's need-to-know rules in one place, for the app and for the database.

Three kinds of rows are held back from staff who do not need them:

- **sensitive roles** — a customer's roles with a social-services or health department (e.g. "Päihde- ja
  mielenterveyspalvelut"): only staff whose role and department may use that department's sensitive
  panels see them (the same rule as the social and health plugins' manifests), and the desk shows them
  only after a purpose is chosen (audited, like a sensitive panel);
- **protected addresses** (turvakielto) — the address rows of a customer with an active protected-address
  alert: no one at the desk sees them except the data stewards and administrators who keep the register;
- **restricted customers** (a staff member, a public figure, …) — visible only to the roles named on
  the restriction; anyone else sees that a restricted record exists and may *break the glass* with a
  purpose, which is audited under :data:`BREAK_GLASS_ACTION` and listed for the data protection officer.

On SQLite (one workstation) the services apply these rules in the application. On PostgreSQL the same
rules are row-level security policies (:mod:`agentdesk.db_grants`, migration 0014), keyed on the group
roles of :func:`group_roles`: a desk login that may not see a row never receives it, whatever SQL it sends.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from agentdesk.storage.kinds import StaffRole

BREAK_GLASS_ACTION = "break_glass"  # the audit action the data protection officer's view lists
SENSITIVE_VIEW_ACTION = "customer.sensitive.view"
RESTRICT_ACTION = "customer.restrict"
BREAK_GLASS_HOURS = 8  # how long a broken glass opens the record for the one who broke it

GROUP_PREFIX = "agentdesk_"
DESK_GROUP = "agentdesk_desk"  # every desk login: the register's ordinary tables, audit INSERT only
PROTECTED_ADDRESS_GROUP = "agentdesk_protected_address"


class Category(str, enum.Enum):
    """A kind of sensitive customer role, named after the department that holds it."""

    SOCIAL = "social"
    HEALTH = "health"

    @property
    def group(self) -> str:
        return GROUP_PREFIX + self.value


# Who may see each category: the roles and departments of the plugins' sensitive panels.
CATEGORY_ROLES = frozenset({StaffRole.AGENT, StaffRole.SUPERVISOR})
CATEGORY_DEPARTMENTS: dict[Category, frozenset[str]] = {
    Category.SOCIAL: frozenset({"social", "customer_service"}),
    Category.HEALTH: frozenset({"health", "customer_service"}),
}
PROTECTED_ADDRESS_ROLES = frozenset({StaffRole.STEWARD, StaffRole.ADMIN})
RESTRICTING_ROLES = frozenset({StaffRole.SUPERVISOR, StaffRole.ADMIN})  # may mark a customer restricted


def category_of(department_code: str | None) -> Category | None:
    """The sensitive category of a customer role held by this department, None for an ordinary one."""
    try:
        return Category(department_code) if department_code else None
    except ValueError:
        return None


def role_group(role: StaffRole | str) -> str:
    return GROUP_PREFIX + (role.value if isinstance(role, StaffRole) else role)


@dataclass(frozen=True, slots=True)
class Viewer:
    """The staff member looking, as far as need-to-know goes (a :class:`agentdesk.staff.StaffMember` fits)."""

    username: str
    role: StaffRole
    department_code: str | None

    def categories(self) -> frozenset[Category]:
        if self.role not in CATEGORY_ROLES:
            return frozenset()
        dept = self.department_code or ""
        return frozenset(c for c, depts in CATEGORY_DEPARTMENTS.items() if dept in depts)

    def may_see(self, category: Category | None) -> bool:
        return category is None or category in self.categories()

    @property
    def sees_protected_addresses(self) -> bool:
        return self.role in PROTECTED_ADDRESS_ROLES

    @property
    def may_restrict(self) -> bool:
        return self.role in RESTRICTING_ROLES

    def named_in(self, allowed_roles: Iterable[str]) -> bool:
        """Whether a restriction naming ``allowed_roles`` (staff roles) lets this viewer in."""
        return self.role.value in set(allowed_roles)


def viewer_of(staff: object) -> Viewer:
    """A Viewer of anything with ``username``, ``role`` and ``department_code`` (a StaffMember)."""
    from agentdesk.staff import StaffMember

    if isinstance(staff, Viewer):
        return staff
    if not isinstance(staff, StaffMember):
        raise TypeError(f"not a staff member: {type(staff).__name__}")
    return Viewer(staff.username, staff.role, staff.department_code)


def group_roles(role: StaffRole, department_code: str | None) -> tuple[str, ...]:
    """The PostgreSQL group roles a staff member's database login gets (``agentdesk staff sync``)."""
    viewer = Viewer("", role, department_code)
    groups = [DESK_GROUP, role_group(role)]
    groups += sorted(c.group for c in viewer.categories())
    if viewer.sees_protected_addresses:
        groups.append(PROTECTED_ADDRESS_GROUP)
    return tuple(groups)


def all_groups() -> tuple[str, ...]:
    """Every group role the desk's grants know (``agentdesk db grants`` makes each one)."""
    return (
        DESK_GROUP,
        *(role_group(r) for r in StaffRole),
        *(c.group for c in Category),
        PROTECTED_ADDRESS_GROUP,
        role_group("dpo"),
    )


def parse_allowed_roles(text: str) -> tuple[str, ...]:
    """``"supervisor admin"`` -> ("supervisor", "admin"); unknown names are refused."""
    known = {r.value for r in StaffRole} | {"dpo"}
    names = tuple(dict.fromkeys(text.replace(",", " ").split()))
    bad = [n for n in names if n not in known]
    if bad:
        raise ValueError(f"unknown staff role(s): {', '.join(bad)}")
    return names
