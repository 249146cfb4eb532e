"""The ``[directory]`` table of a department profile: where staff sign in and how groups map to roles::

    [directory]
    url = "ldaps://ad.city.example:636"
    base_dn = "dc=city,dc=example"
    user_filter = "(&(objectClass=user)(sAMAccountName={username}))"
    username_attribute = "sAMAccountName"       # default uid
    name_attribute = "displayName"              # the default
    bind_dn = "cn=agentdesk,ou=service,dc=city,dc=example"   # password: agentdesk secrets set directory
    tls = "ldaps"                               # ldaps, starttls (default) or none (loopback only)
    timeout_seconds = 5
    group_roles = { "cn=asiakaspalvelu,ou=groups,dc=city,dc=example" = "agent" }
    group_departments = { "cn=neuvonta,ou=groups,dc=city,dc=example" = "customer_service" }
    database_login = true                       # PostgreSQL: the desk connects as the staff member's own login

Checked with the rest of the profile (:class:`agentdesk.deployment.profile_check.ProfileChecker`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from agentdesk.deployment.profile_nesting import shown
from agentdesk.directory.settings import DEFAULT_TIMEOUT_S, DirectorySettings, TlsMode
from agentdesk.storage.kinds import StaffRole

if TYPE_CHECKING:
    from agentdesk.deployment.profile_check import ProfileChecker

DIRECTORY_KEYS = (
    "url",
    "base_dn",
    "user_filter",
    "bind_dn",
    "tls",
    "username_attribute",
    "name_attribute",
    "timeout_seconds",
    "group_roles",
    "group_departments",
    "database_login",
)
_ROLES = tuple(r.value for r in StaffRole)


def check_directory(checker: ProfileChecker, raw: Mapping[str, Any]) -> DirectorySettings | None:
    table = checker.table(raw, "directory", required=False)
    if table is None:
        return None
    checker.unknown_keys(table, "directory.", DIRECTORY_KEYS)
    before = len(checker.problems)
    url = checker.text_value(table, "url", "directory.url", required=True) or ""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if url and (scheme not in ("ldap", "ldaps") or not url.split("://", 1)[1].strip("/")):
        checker.problem("directory.url", f"{shown(url)} is not an LDAP URL (ldaps://ad.city.example:636)")
    elif "@" in url:
        checker.problem("directory.url", "the URL contains a user name or password; use bind_dn and the keyring")
    base_dn = checker.text_value(table, "base_dn", "directory.base_dn", required=True) or ""
    if base_dn and "=" not in base_dn:
        checker.problem("directory.base_dn", f"{shown(base_dn)} is not a DN (e.g. dc=city,dc=example)")
    texts = {}
    for key in ("user_filter", "bind_dn", "username_attribute", "name_attribute"):
        value = checker.text_value(table, key, f"directory.{key}", required=False)
        if value is not None:
            texts[key] = value
    user_filter = texts.get("user_filter", DirectorySettings.user_filter)
    if "{username}" not in user_filter or not user_filter.startswith("("):
        checker.problem(
            "directory.user_filter",
            f"{shown(user_filter)} must be an LDAP filter with {{username}} in it, e.g. (uid={{username}})",
        )
    tls_text = table.get("tls", TlsMode.STARTTLS.value)
    tls = next((m for m in TlsMode if m.value == tls_text), None)
    if tls is None:
        checker.problem("directory.tls", f"expected ldaps, starttls or none, got {shown(tls_text)}")
    elif tls is TlsMode.LDAPS and scheme == "ldap":
        checker.problem("directory.tls", 'tls = "ldaps" needs an ldaps:// URL')
    elif tls is TlsMode.NONE and scheme == "ldap" and _host(url) not in _LOOPBACK:
        checker.problem(
            "directory.tls",
            'tls = "none" would send every password over the network unencrypted; use "ldaps" '
            '(ldaps:// URL) or "starttls" ("none" is only for a directory on this machine)',
        )
    timeout = table.get("timeout_seconds", DEFAULT_TIMEOUT_S)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0.5 <= timeout <= 60:
        checker.problem(
            "directory.timeout_seconds", f"expected a number of seconds from 0.5 to 60, got {shown(timeout)}"
        )
        timeout = DEFAULT_TIMEOUT_S
    database_login = table.get("database_login", False)
    if not isinstance(database_login, bool):
        checker.problem("directory.database_login", f"expected true or false, got {shown(database_login)}")
        database_login = False
    roles = _group_table(checker, table, "group_roles", _ROLES)
    departments = _group_table(checker, table, "group_departments", None)
    if not roles:
        checker.problem(
            "directory.group_roles",
            'missing: map at least one directory group to a role, e.g. { "cn=asiakaspalvelu,ou=groups,'
            'dc=city,dc=example" = "agent" }',
        )
    if len(checker.problems) > before or tls is None:
        return None
    return DirectorySettings(
        url=url,
        base_dn=base_dn,
        user_filter=user_filter,
        bind_dn=texts.get("bind_dn", ""),
        tls=tls,
        username_attribute=texts.get("username_attribute", DirectorySettings.username_attribute),
        name_attribute=texts.get("name_attribute", DirectorySettings.name_attribute),
        group_roles={dn: StaffRole(role) for dn, role in roles.items()},
        group_departments=departments,
        timeout_s=float(timeout),
        database_login=database_login,
    )


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _group_table(
    checker: ProfileChecker, table: Mapping[str, Any], key: str, allowed: tuple[str, ...] | None
) -> dict[str, str]:
    value = table.get(key, {})
    where = f"directory.{key}"
    if not isinstance(value, dict):
        checker.problem(where, 'expected a table of group DN = value, e.g. { "cn=...,dc=city,dc=example" = ... }')
        return {}
    out = {}
    for dn, target in value.items():
        if "=" not in dn:
            checker.problem(f"{where}.{dn}", f"{shown(dn)} is not a group DN (cn=...,ou=groups,dc=city,dc=example)")
        elif not isinstance(target, str):
            checker.problem(f"{where}.{dn}", f"expected a text, got {shown(target)}")
        elif allowed is not None and target not in allowed:
            checker.problem(f"{where}.{dn}", f"unknown role {shown(target)}; known roles: {', '.join(allowed)}")
        else:
            out[dn] = target
    return out
