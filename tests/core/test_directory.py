"""Sign-in against the real directory (scripts/slapd.sh: OpenLDAP with the ppolicy overlay)."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import select

from agentdesk.credentials import directory_bind_password
from agentdesk.directory.client import DirectoryClient, DirectoryError, SignInProblem, ppolicy_error
from agentdesk.directory.staff_sync import sign_in, sync
from agentdesk.staff import StaffDirectory
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import AuditEntry, StaffUser
from tests.ldap_support import PASSWORD, settings_for, store_bind_password


def client(settings):
    return DirectoryClient(settings, directory_bind_password(settings.url, settings.bind_dn))


def problem(settings, username, password):
    with pytest.raises(DirectoryError) as caught:
        client(settings).authenticate(username, password)
    assert password not in str(caught.value) or not password
    return caught.value.problem


def test_sign_in_gives_the_role_and_department_of_the_groups(directory):
    aino = client(directory).authenticate("aino.agent", PASSWORD)
    assert (aino.display_name, aino.role, aino.departments) == (
        "Aino Asiakaspalvelu",
        StaffRole.AGENT,
        ("customer_service",),
    )
    sami = client(directory).authenticate("sami.supervisor", PASSWORD)
    assert sami.role is StaffRole.SUPERVISOR  # in agents and supervisors: the role that may do most


def test_wrong_password_unknown_user_and_empty_password_are_the_same_refusal(directory, directory_admin):
    # A person of this test's own: wrong passwords count towards the lockout (3 in 10 minutes).
    uid = directory_admin.add_person("vaara", "Ville Väärä", ["asiakaspalvelu"])
    assert problem(directory, uid, "not-the-password") is SignInProblem.WRONG_PASSWORD
    assert problem(directory, "nobody.here", PASSWORD) is SignInProblem.WRONG_PASSWORD
    assert problem(directory, "aino.agent", "") is SignInProblem.WRONG_PASSWORD  # never an anonymous bind
    assert problem(directory, "*", PASSWORD) is SignInProblem.WRONG_PASSWORD  # the filter is escaped


def test_locked_and_expired_accounts_say_so(directory):
    assert problem(directory, "lauri.locked", PASSWORD) is SignInProblem.LOCKED
    assert problem(directory, "emma.expired", PASSWORD) is SignInProblem.PASSWORD_EXPIRED


def test_three_wrong_passwords_lock_the_account(directory, directory_admin):
    uid = directory_admin.add_person("lock", "Lotta Lukko", ["asiakaspalvelu"])
    for _ in range(3):
        assert problem(directory, uid, "guess") is SignInProblem.WRONG_PASSWORD
    assert problem(directory, uid, PASSWORD) is SignInProblem.LOCKED  # even the right password now


def test_someone_in_no_mapped_group_gets_no_role(directory):
    assert problem(directory, "kalle.kirjasto", PASSWORD) is SignInProblem.NOT_MAPPED


@pytest.mark.expect_log_warnings
def test_directory_down_is_its_own_problem(directory):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        dead = f"ldap://127.0.0.1:{s.getsockname()[1]}"
    down = settings_for(dead)
    store_bind_password(down)
    assert problem(down, "aino.agent", PASSWORD) is SignInProblem.UNREACHABLE


@pytest.mark.expect_log_warnings
def test_a_directory_that_takes_the_connection_but_never_answers_times_out(directory):
    with socket.socket() as silent:  # the kernel accepts connections; nobody ever reads or answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        hung = settings_for(f"ldap://127.0.0.1:{silent.getsockname()[1]}", timeout_s=1.0)
        store_bind_password(hung)
        assert problem(hung, "aino.agent", PASSWORD) is SignInProblem.UNREACHABLE


def test_without_the_service_password_the_directory_is_not_asked(directory):
    no_secret = DirectoryClient(directory, None)
    with pytest.raises(DirectoryError) as caught:
        no_secret.authenticate("aino.agent", PASSWORD)
    assert caught.value.problem is SignInProblem.SERVICE_ACCOUNT


def test_ppolicy_values():
    assert ppolicy_error(b"0\x03\x81\x01\x01") == "locked"
    assert ppolicy_error(b"0\x03\x81\x01\x00") == "password_expired"
    assert ppolicy_error(b"0\x00") is None
    assert ppolicy_error(None) is None


def test_sign_in_makes_the_staff_user_and_the_audit_names_them(directory, db):
    member = sign_in(db, client(directory), "aino.agent", PASSWORD)
    assert (member.username, member.role, member.department_code) == ("aino.agent", StaffRole.AGENT, "customer_service")
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.actor, entry.action) == ("aino.agent", "staff.sign_in")
    assert PASSWORD not in entry.detail


def test_sync_adds_updates_and_deactivates(directory, directory_admin, db):
    newcomer = directory_admin.add_person("uusi", "Uuno Uusi", ["asiakaspalvelu"])
    mover = directory_admin.add_person("siirto", "Siiri Siirtyvä", ["asiakaspalvelu"])
    leaver = directory_admin.add_person("lahtija", "Leena Lähtijä", ["asiakaspalvelu"])
    first = sync(db, client(directory), actor="cli:test")
    assert {newcomer, mover, leaver} <= set(first.added)
    assert "kalle.kirjasto" not in first.added  # in no mapped group
    directory_admin.join(mover, "esihenkilot")
    directory_admin.remove(leaver)
    second = sync(db, client(directory), actor="cli:test")
    assert mover in second.updated and leaver in second.deactivated and newcomer not in second.updated
    staff = StaffDirectory(db)
    assert staff.get(mover).role is StaffRole.SUPERVISOR
    active = {m.username for m in staff.list_active()}
    assert newcomer in active and leaver not in active
    with db.session() as s:
        assert s.scalars(select(StaffUser.active).where(StaffUser.username == leaver)).one() is False
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.actor == "cli:test"))]
    assert actions == ["staff.sync", "staff.sync"]
