"""The profile's [directory] table, and ``agentdesk secrets set directory`` + ``agentdesk staff sync``
against the real directory."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from agentdesk import cli
from agentdesk.deployment.profile import check_profile, parse_profile
from agentdesk.directory.settings import TlsMode
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import AuditEntry
from tests.ldap_support import BASE, DIRECTORY, HEAD


def test_a_directory_table_becomes_the_sign_in_settings():
    settings = parse_profile(HEAD + DIRECTORY, "p.toml", installed=None).directory
    assert settings is not None and settings.tls is TlsMode.NONE and settings.timeout_s == 3
    assert settings.role_for((f"CN=Esihenkilot, OU=groups, {BASE}",)) is StaffRole.SUPERVISOR  # as AD writes DNs
    assert parse_profile(HEAD, "p.toml", installed=None).directory is None


def test_a_group_maps_to_the_data_protection_officer():
    text = HEAD + DIRECTORY.replace('"supervisor" }', f'"supervisor", "cn=tietosuoja,ou=groups,{BASE}" = "dpo" }}')
    settings = parse_profile(text, "p.toml", installed=None).directory
    assert settings is not None
    dpo_group = next(dn for dn, role in settings.group_roles.items() if role is StaffRole.DPO)
    assert settings.role_for((dpo_group,)) is StaffRole.DPO
    supervisor = next(dn for dn, role in settings.group_roles.items() if role is StaffRole.SUPERVISOR)
    assert settings.role_for((dpo_group, supervisor)) is StaffRole.SUPERVISOR  # the one that may do more


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('url = "ldap://', 'url = "http://'), "directory.url: 'http://"),
        (("{username}", "{user}"), "directory.user_filter: "),
        (('"supervisor"', '"boss"'), "unknown role 'boss'; known roles: agent, supervisor, steward, admin, dpo"),
        (('tls = "none"', 'tls = "yes"'), "directory.tls: expected ldaps, starttls or none"),
        (("timeout_seconds = 3", "timeout_seconds = 600"), "directory.timeout_seconds: expected a number"),
        (('bind_dn = "', 'bind_password = "x"\nbind_dn = "'), "directory.bind_password: looks like a secret value"),
        (("127.0.0.1", "ad.city.example"), 'directory.tls: tls = "none" would send every password'),
    ],
)
def test_mistakes_in_the_directory_table_name_the_key(change, expected):
    text = HEAD + DIRECTORY.replace(*change)
    problems = [str(p) for p in check_profile(text, "p.toml", installed=None)]
    assert any(expected in p for p in problems), problems


def run(capsys, monkeypatch, *argv, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_staff_sync_from_the_command_line(capsys, monkeypatch, tmp_path, sqlite_db, directory):
    import os

    profile = tmp_path / "profile.toml"
    profile.write_text(HEAD + DIRECTORY, encoding="utf-8")
    url = f"sqlite:///{sqlite_db.sqlite_file}"
    code, out, _ = run(capsys, monkeypatch, "staff", "sync", "--profile", str(profile), "--db", url)
    assert code == 0 and "aino.agent" in out  # the fixture stored the password already
    secret = os.environ["AGENTDESK_TEST_LDAP_BIND_PASSWORD"]
    code, out, err = run(
        capsys,
        monkeypatch,
        "secrets",
        "set",
        "directory",
        "--profile",
        str(profile),
        "--from-stdin",
        stdin=secret + "\n",
    )
    assert code == 0 and "stored directory cn=agentdesk" in out and secret not in out + err
    code, out, _ = run(capsys, monkeypatch, "staff", "sync", "--profile", str(profile), "--db", url)
    assert code == 0 and "0 added" in out
    with sqlite_db.session() as s:
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "staff.sync")).all() == ["staff.sync"] * 2


def test_staff_sync_without_a_directory_says_where_to_configure_it(capsys, monkeypatch, tmp_path):
    profile = tmp_path / "profile.toml"
    profile.write_text(HEAD, encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "staff", "sync", "--profile", str(profile))
    assert code == 2 and "no [directory] in the department profile" in err
