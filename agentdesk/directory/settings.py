"""How this workstation reaches the city's directory: the ``[directory]`` table of the department
profile, once checked (:mod:`agentdesk.deployment.profile_directory`). No secret here: the service
account's bind password lives only in the OS keyring (:func:`agentdesk.credentials.directory_bind_password`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from agentdesk.storage.kinds import StaffRole

# When someone is in groups for several roles, the desk uses the one that may do most.
ROLE_RANK = (StaffRole.AGENT, StaffRole.DPO, StaffRole.SUPERVISOR, StaffRole.STEWARD, StaffRole.ADMIN)
DEFAULT_TIMEOUT_S = 5.0


class TlsMode(str, enum.Enum):
    NONE = "none"  # plain LDAP: only for a directory on loopback (tests, the demo)
    STARTTLS = "starttls"  # ldap:// upgraded with StartTLS before any bind
    LDAPS = "ldaps"  # ldaps:// (TLS from the first byte)


def normal_dn(dn: str) -> str:
    """A DN to compare: lower case, no blanks around the separators (AD and OpenLDAP write them differently)."""
    rdns = []
    for rdn in dn.split(","):
        name, _, value = rdn.partition("=")
        rdns.append(f"{name.strip()}={value.strip()}")
    return ",".join(rdns).casefold()


@dataclass(frozen=True)
class DirectorySettings:
    url: str  # ldap://host:389 or ldaps://host:636
    base_dn: str  # where people and groups are searched
    user_filter: str = "(&(objectClass=person)(uid={username}))"  # {username}: what the agent typed, escaped
    bind_dn: str = ""  # the service account that searches; "" searches anonymously
    tls: TlsMode = TlsMode.STARTTLS
    username_attribute: str = "uid"  # sAMAccountName on Active Directory
    name_attribute: str = "displayName"
    group_roles: Mapping[str, StaffRole] = field(default_factory=dict)  # group DN -> role
    group_departments: Mapping[str, str] = field(default_factory=dict)  # group DN -> department code
    timeout_s: float = DEFAULT_TIMEOUT_S
    # On the shared PostgreSQL: after the sign-in the desk connects as the staff member's own database login
    # (same username and password; the server authenticates it against this directory, pg_hba ``ldap``), so
    # the row-level security of that login's group roles applies to everything the desk reads.
    database_login: bool = False

    def role_for(self, groups: tuple[str, ...]) -> StaffRole | None:
        """The role of someone in ``groups`` (DNs): the highest mapped one, None if no group is mapped."""
        mapped = {normal_dn(k): v for k, v in self.group_roles.items()}
        roles = {mapped[g] for g in map(normal_dn, groups) if g in mapped}
        return max(roles, key=ROLE_RANK.index) if roles else None

    def departments_for(self, groups: tuple[str, ...]) -> tuple[str, ...]:
        """The department codes of someone in ``groups``, in the profile's order."""
        mine = set(map(normal_dn, groups))
        return tuple(code for dn, code in self.group_departments.items() if normal_dn(dn) in mine)

    def mapped_groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.group_roles, *self.group_departments]))
