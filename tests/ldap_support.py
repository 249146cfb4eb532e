"""The throwaway directory of scripts/slapd.sh for the sign-in tests: its settings as a department
profile would give them, and the directory manager's connection to add, group and remove people."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import ldap3
import pytest

from agentdesk.credentials import DIRECTORY_SERVICE, directory_account, set_secret
from agentdesk.directory.settings import DirectorySettings, TlsMode
from agentdesk.storage.kinds import StaffRole

LDAP_URL = os.environ.get("AGENTDESK_TEST_LDAP_URL", "")
BASE = os.environ.get("AGENTDESK_TEST_LDAP_BASE", "dc=city,dc=example")
PASSWORD = os.environ.get("AGENTDESK_TEST_LDAP_PASSWORD", "")

# A department profile with a [directory] table for the test directory (HEAD + DIRECTORY).
HEAD = """\
profile_version = 1
[department]
code = "customer_service"
"""

DIRECTORY = f"""
[directory]
url = "{LDAP_URL or "ldap://127.0.0.1:13389"}"
base_dn = "{BASE}"
user_filter = "(&(objectClass=inetOrgPerson)(uid={{username}}))"
bind_dn = "cn=agentdesk,ou=service,{BASE}"
tls = "none"
timeout_seconds = 3
group_roles = {{ "cn=asiakaspalvelu,ou=groups,{BASE}" = "agent", "cn=esihenkilot,ou=groups,{BASE}" = "supervisor" }}
group_departments = {{ "cn=neuvonta,ou=groups,{BASE}" = "customer_service" }}
"""


def group_dn(cn: str) -> str:
    return f"cn={cn},ou=groups,{BASE}"


def settings_for(url: str = LDAP_URL, **changes: object) -> DirectorySettings:
    values: dict[str, object] = {
        "url": url,
        "base_dn": BASE,
        "user_filter": "(&(objectClass=inetOrgPerson)(uid={username}))",
        "bind_dn": os.environ.get("AGENTDESK_TEST_LDAP_BIND_DN", ""),
        "tls": TlsMode.NONE,
        "group_roles": {
            group_dn("asiakaspalvelu"): StaffRole.AGENT,
            group_dn("esihenkilot"): StaffRole.SUPERVISOR,
            group_dn("tietosuoja"): StaffRole.STEWARD,
        },
        "group_departments": {group_dn("neuvonta"): "customer_service"},
        "timeout_s": 3.0,
    }
    values.update(changes)
    return DirectorySettings(**values)  # type: ignore[arg-type]


def require_directory() -> None:
    if LDAP_URL:
        return
    if os.environ.get("AGENTDESK_REQUIRE_PG") == "1":
        pytest.fail("a full run needs the directory: scripts/test.sh starts scripts/slapd.sh")
    pytest.skip('no directory (eval "$(bash scripts/slapd.sh start)" or run scripts/test.sh)')


def store_bind_password(settings: DirectorySettings) -> str:
    secret = os.environ["AGENTDESK_TEST_LDAP_BIND_PASSWORD"]
    set_secret(DIRECTORY_SERVICE, directory_account(settings.url, settings.bind_dn), secret)
    return secret


@dataclass
class DirectoryAdmin:
    """People made by one test (unique names), removed at its end."""

    conn: ldap3.Connection
    made: list[str]

    def add_person(self, prefix: str, name: str, groups: list[str]) -> str:
        uid = f"{prefix}.{uuid.uuid4().hex[:8]}"
        dn = f"uid={uid},ou=people,{BASE}"
        surname = name.split()[-1]
        attrs = {"uid": uid, "cn": name, "sn": surname, "displayName": name, "userPassword": PASSWORD}
        assert self.conn.add(dn, ["inetOrgPerson"], attrs), self.conn.result
        self.made.append(dn)
        for g in groups:
            self.join(dn, g)
        return uid

    def join(self, dn_or_uid: str, group: str) -> None:
        dn = self.dn(dn_or_uid)
        assert self.conn.modify(group_dn(group), {"member": [(ldap3.MODIFY_ADD, [dn])]}), self.conn.result

    def leave(self, uid: str, group: str) -> None:
        assert self.conn.modify(group_dn(group), {"member": [(ldap3.MODIFY_DELETE, [self.dn(uid)])]})

    def remove(self, uid: str) -> None:
        dn = self.dn(uid)
        for e in self.conn.extend.standard.paged_search(BASE, f"(member={dn})", attributes=["cn"], generator=False):
            self.conn.modify(e["dn"], {"member": [(ldap3.MODIFY_DELETE, [dn])]})
        self.conn.delete(dn)
        if dn in self.made:
            self.made.remove(dn)

    @staticmethod
    def dn(dn_or_uid: str) -> str:
        return dn_or_uid if "=" in dn_or_uid else f"uid={dn_or_uid},ou=people,{BASE}"


@pytest.fixture
def directory(monkeypatch) -> DirectorySettings:
    """The test directory's settings, the service account's password in the (test) keyring."""
    require_directory()
    settings = settings_for()
    store_bind_password(settings)
    return settings


@pytest.fixture
def directory_admin():
    require_directory()
    conn = ldap3.Connection(
        ldap3.Server(LDAP_URL, connect_timeout=3),
        os.environ["AGENTDESK_TEST_LDAP_ADMIN_DN"],
        os.environ["AGENTDESK_TEST_LDAP_ADMIN_PASSWORD"],
        auto_bind=True,
        receive_timeout=5,
    )
    admin = DirectoryAdmin(conn, [])
    yield admin
    for dn in list(admin.made):
        admin.remove(dn)
    conn.unbind()
