"""Sign-in against the city's directory over LDAP (Active Directory, OpenLDAP), with ldap3.

:meth:`DirectoryClient.authenticate` finds the person with the service account (``bind_dn``, its
password from the keyring), binds as them with the password typed, and reads their groups; the
profile maps groups to a role and departments. Each way it can fail is a :class:`DirectoryError`
with its own :class:`SignInProblem`. The password never leaves this module: not in a log line, not
in an exception. Every network call has the profile's timeout.

Why a bind failed comes from the password policy response control (draft-behera, OpenLDAP's
ppolicy: account locked, password expired) or from Active Directory's diagnostic "data 775" codes.
"""

from __future__ import annotations

import enum
import logging
import math
import ssl
from dataclasses import dataclass
from typing import Any

from agentdesk.directory.settings import DirectorySettings, TlsMode, normal_dn
from agentdesk.storage.kinds import StaffRole

log = logging.getLogger(__name__)

PPOLICY_OID = "1.3.6.1.4.1.42.2.27.8.5.1"
_INVALID_CREDENTIALS = 49
_AD_DATA = {"775": "locked", "532": "password_expired", "701": "account_expired", "773": "password_expired"}
_AD_DATA |= {"533": "locked"}  # account disabled: to the agent the same as locked (IT has to act)


class SignInProblem(str, enum.Enum):
    WRONG_PASSWORD = "wrong_password"  # also: no such user (a sign-in never tells which)
    LOCKED = "locked"
    PASSWORD_EXPIRED = "password_expired"
    ACCOUNT_EXPIRED = "account_expired"
    UNREACHABLE = "unreachable"  # down, refused, timed out, TLS failed
    NOT_MAPPED = "not_mapped"  # signed in, but in no group the profile maps to a role
    SERVICE_ACCOUNT = "service_account"  # the service account's bind failed or has no password here


_MESSAGES = {
    SignInProblem.WRONG_PASSWORD: "wrong username or password",
    SignInProblem.LOCKED: "the account is locked",
    SignInProblem.PASSWORD_EXPIRED: "the password has expired",
    SignInProblem.ACCOUNT_EXPIRED: "the account has expired",
    SignInProblem.UNREACHABLE: "the directory does not answer",
    SignInProblem.NOT_MAPPED: "the account is in no group that gives a role in AgentDesk",
    SignInProblem.SERVICE_ACCOUNT: "the directory refused AgentDesk's service account",
}


class DirectoryError(Exception):
    """A sign-in or a directory read that did not succeed; ``problem`` says why."""

    def __init__(self, problem: SignInProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(_MESSAGES[problem] + (f" ({detail})" if detail else ""))


@dataclass(frozen=True, slots=True)
class DirectoryAccount:
    """A person as the directory has them, with what the profile maps their groups to."""

    username: str
    display_name: str
    dn: str
    groups: tuple[str, ...]  # DNs of the groups they are in that the profile maps
    role: StaffRole | None  # None: in no mapped role group
    departments: tuple[str, ...]  # department codes, in the profile's order


def ppolicy_error(value: bytes | None) -> str | None:
    """The error of a password policy response control's value ('locked', 'password_expired', ...), or None.

    PasswordPolicyResponseValue ::= SEQUENCE { warning [0] ... OPTIONAL, error [1] ENUMERATED OPTIONAL }"""
    if not value or value[0] != 0x30:
        return None
    body, _ = _ber_content(value, 0)
    pos = 0
    while pos < len(body):
        tag = body[pos]
        content, pos = _ber_content(body, pos)
        if tag == 0x81 and content:
            return {0: "password_expired", 1: "locked", 2: "password_expired"}.get(content[-1], "other")
    return None


def _ber_content(data: bytes, pos: int) -> tuple[bytes, int]:
    """The content of the BER element at ``pos`` and where the next one starts."""
    length, at = data[pos + 1], pos + 2
    if length & 0x80:
        n = length & 0x7F
        length, at = int.from_bytes(data[at : at + n], "big"), at + n
    return data[at : at + length], at + length


class DirectoryClient:
    def __init__(self, settings: DirectorySettings, bind_password: str | None) -> None:
        self.settings = settings
        self._bind_password = bind_password

    # -- connections -----------------------------------------------------------------------------

    def _server(self) -> Any:
        import ldap3

        s = self.settings
        tls = None
        if s.tls is not TlsMode.NONE:
            tls = ldap3.Tls(validate=ssl.CERT_REQUIRED)
        return ldap3.Server(
            s.url, use_ssl=s.tls is TlsMode.LDAPS, tls=tls, connect_timeout=s.timeout_s, get_info=ldap3.NONE
        )

    def _connect(self, server: Any, user: str | None, password: str | None) -> Any:
        """An open connection (StartTLS done when asked), not bound yet."""
        import ldap3
        from ldap3.core.exceptions import LDAPException

        conn = ldap3.Connection(
            server,
            user=user,
            password=password,
            receive_timeout=math.ceil(self.settings.timeout_s),  # whole seconds: ldap3 packs it into SO_RCVTIMEO
            raise_exceptions=False,
        )
        try:
            conn.open()
            if self.settings.tls is TlsMode.STARTTLS and not conn.start_tls():
                raise DirectoryError(SignInProblem.UNREACHABLE, "StartTLS failed")
        except LDAPException as exc:
            _close(conn)
            log.warning("directory %s unreachable: %s", self.settings.url, type(exc).__name__)
            raise DirectoryError(SignInProblem.UNREACHABLE, type(exc).__name__) from None
        return conn

    def _service(self, server: Any) -> Any:
        """A connection bound as the service account (anonymous without a ``bind_dn``)."""
        from ldap3.core.exceptions import LDAPException

        s = self.settings
        if s.bind_dn and not self._bind_password:
            raise DirectoryError(SignInProblem.SERVICE_ACCOUNT, "no bind password in the keyring")
        conn = self._connect(server, s.bind_dn or None, self._bind_password if s.bind_dn else None)
        try:
            ok = conn.bind()
        except LDAPException as exc:
            raise DirectoryError(SignInProblem.UNREACHABLE, type(exc).__name__) from None
        if not ok:
            log.error("the directory refused the service account (result %s)", conn.result.get("description"))
            raise DirectoryError(SignInProblem.SERVICE_ACCOUNT, str(conn.result.get("description", "")))
        return conn

    # -- reading ---------------------------------------------------------------------------------

    def _search(self, conn: Any, search_filter: str, attributes: list[str], base: str = "") -> list[Any]:
        """Entries under the base DN (or ``base`` itself alone)."""
        import ldap3
        from ldap3.core.exceptions import LDAPException

        scope = ldap3.BASE if base else ldap3.SUBTREE
        try:
            conn.search(base or self.settings.base_dn, search_filter, scope, attributes=attributes)
        except LDAPException as exc:
            raise DirectoryError(SignInProblem.UNREACHABLE, type(exc).__name__) from None
        if conn.result.get("result") not in (0, 32):  # 32: noSuchObject (an empty base)
            raise DirectoryError(SignInProblem.UNREACHABLE, str(conn.result.get("description", "")))
        return [e for e in conn.response or [] if e.get("type") == "searchResEntry"]

    def _people(self, conn: Any, username: str | None) -> list[tuple[str, str, str]]:
        """(dn, username, display name) of one person (``username``) or, with None, of everyone."""
        from ldap3.utils.conv import escape_filter_chars

        s = self.settings
        who = escape_filter_chars(username) if username is not None else "*"
        rows = []
        for e in self._search(conn, s.user_filter.replace("{username}", who), [s.username_attribute, s.name_attribute]):
            attrs = e.get("attributes", {})
            name = _first(attrs.get(s.username_attribute))
            if name:
                rows.append((e["dn"], name, _first(attrs.get(s.name_attribute)) or name))
        return rows

    def _memberships(self, conn: Any) -> dict[str, list[str]]:
        """Member DN (normalised) -> the mapped groups they are in (the profile's DNs)."""
        out: dict[str, list[str]] = {}
        for group in self.settings.mapped_groups():
            for e in self._search(conn, "(objectClass=*)", ["member"], base=group):  # a missing group: none
                for member in e.get("attributes", {}).get("member", []):
                    out.setdefault(normal_dn(member), []).append(group)
        return out

    def _account(self, dn: str, username: str, name: str, memberships: dict[str, list[str]]) -> DirectoryAccount:
        groups = tuple(memberships.get(normal_dn(dn), ()))
        return DirectoryAccount(
            username, name, dn, groups, self.settings.role_for(groups), self.settings.departments_for(groups)
        )

    # -- the operations --------------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> DirectoryAccount:
        """The person signing in, with their role; :class:`DirectoryError` when they may not.

        An empty password is refused here: LDAP would take it for an anonymous bind and succeed."""
        username = username.strip()
        if not username or not password:
            raise DirectoryError(SignInProblem.WRONG_PASSWORD)
        server = self._server()
        service = self._service(server)
        try:
            people = self._people(service, username)
            if len(people) != 1:
                log.info("directory sign-in: %d entries match the username", len(people))
                raise DirectoryError(SignInProblem.WRONG_PASSWORD)
            dn, found_name, display = people[0]
            self._bind_as(server, dn, password)
            account = self._account(dn, found_name, display, self._memberships(service))
        finally:
            service.unbind()
        if account.role is None:
            raise DirectoryError(SignInProblem.NOT_MAPPED)
        return account

    def _bind_as(self, server: Any, dn: str, password: str) -> None:
        from ldap3.core.exceptions import LDAPException

        conn = self._connect(server, dn, password)
        try:
            ok = conn.bind(controls=[(PPOLICY_OID, False, None)])
        except LDAPException as exc:
            raise DirectoryError(SignInProblem.UNREACHABLE, type(exc).__name__) from None
        result = dict(conn.result)
        conn.unbind()
        if ok:
            return
        control = (result.get("controls") or {}).get(PPOLICY_OID) or {}
        why = ppolicy_error(control.get("value")) or _ad_reason(str(result.get("message") or ""))
        if why == "locked":
            raise DirectoryError(SignInProblem.LOCKED)
        if why == "password_expired":
            raise DirectoryError(SignInProblem.PASSWORD_EXPIRED)
        if why == "account_expired":
            raise DirectoryError(SignInProblem.ACCOUNT_EXPIRED)
        if result.get("result") == _INVALID_CREDENTIALS:
            raise DirectoryError(SignInProblem.WRONG_PASSWORD)
        raise DirectoryError(SignInProblem.UNREACHABLE, str(result.get("description", "")))

    def accounts(self) -> list[DirectoryAccount]:
        """Everyone the user filter finds, with their mapped groups (for ``agentdesk staff sync``)."""
        server = self._server()
        service = self._service(server)
        try:
            memberships = self._memberships(service)
            return [self._account(dn, u, n, memberships) for dn, u, n in self._people(service, None)]
        finally:
            service.unbind()


def _close(conn: Any) -> None:
    """Close a connection that failed to open: ldap3 leaves the socket of a refused connect open."""
    sock = getattr(conn, "socket", None)
    if sock is not None:
        sock.close()
    conn.unbind()


def _first(value: object) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value) if value else ""


def _ad_reason(message: str) -> str | None:
    """Active Directory's reason in a bind failure's diagnostic ('... data 775, v4563')."""
    marker = " data "
    if marker not in message:
        return None
    code = message.split(marker, 1)[1].split(",", 1)[0].strip()
    return _AD_DATA.get(code)
