"""Provisioning secrets into the OS keyring (the test keyring backend from conftest): values go in,
only names come out, missing ones are found, and nothing is asked of a script that cannot answer."""

from __future__ import annotations

import io
from typing import ClassVar

import keyring
import pytest

from agentdesk import cli
from agentdesk.storage.database import Database

DB_URL = "postgresql://desk@db.city.example/agentdesk"
DB_PASSWORD = "Pg-Sekret-4711"
TOKEN = "Fhir-Token-0815"
PROFILE = f"""\
profile_version = 1
[department]
code = "customer_service"
[database]
url = "{DB_URL}"
[plugins.missingplugin]
enabled = true
secrets = ["token"]
"""


class Stdin(io.StringIO):
    def __init__(self, text: str = "", tty: bool = False) -> None:
        super().__init__(text)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "cs.toml"
    path.write_text(PROFILE)
    return path


def run(capsys, monkeypatch, *argv, stdin: Stdin | None = None) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", stdin or Stdin())
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_database_password_from_stdin_is_stored_where_the_desk_reads_it(capsys, monkeypatch):
    code, out, err = run(
        capsys,
        monkeypatch,
        "secrets",
        "set",
        "database",
        "--db",
        DB_URL,
        "--from-stdin",
        stdin=Stdin(DB_PASSWORD + "\n"),
    )
    assert code == 0, err
    assert out == (
        "stored database desk@db.city.example/agentdesk in the keyring (keyrings.alt.file.PlaintextKeyring)\n"
    )
    assert DB_PASSWORD not in out + err
    assert keyring.get_password("agentdesk-database", "desk@db.city.example/agentdesk") == DB_PASSWORD
    assert Database(DB_URL).engine.url.password == DB_PASSWORD


def test_interactive_set_asks_twice_without_echo(capsys, monkeypatch):
    answers = iter([TOKEN, TOKEN])
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or next(answers))
    code, out, err = run(capsys, monkeypatch, "secrets", "set", "plugin", "health", "token", stdin=Stdin(tty=True))
    assert code == 0, err
    assert prompts == ["Secret for plugin health token: ", "Again, to be sure: "]
    assert keyring.get_password("agentdesk-plugin:health", "token") == TOKEN
    assert TOKEN not in out + err

    answers = iter(["one", "two"])
    code, out, err = run(capsys, monkeypatch, "secrets", "set", "plugin", "health", "token", stdin=Stdin(tty=True))
    assert (code, err) == (2, "agentdesk: secrets set plugin health token: the two entries differ; nothing stored\n")
    assert keyring.get_password("agentdesk-plugin:health", "token") == TOKEN


def test_without_a_terminal_and_without_from_stdin_it_is_a_clear_error(capsys, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt: pytest.fail("must not prompt"))
    code, out, err = run(capsys, monkeypatch, "secrets", "set", "database", "--db", DB_URL, stdin=Stdin(DB_PASSWORD))
    assert code == 2 and out == ""
    assert err == (
        "agentdesk: secrets set database desk@db.city.example/agentdesk: no terminal to ask for the "
        "secret; for scripted provisioning pipe it in and add --from-stdin\n"
    )
    assert keyring.get_password("agentdesk-database", "desk@db.city.example/agentdesk") is None
    code, out, err = run(capsys, monkeypatch, "secrets", "set", "database", "--db", DB_URL, "--from-stdin")
    assert (code, err) == (
        2,
        ("agentdesk: secrets set database desk@db.city.example/agentdesk: standard input was empty; nothing stored\n"),
    )


def test_a_url_with_a_password_or_without_one_to_store_is_refused(capsys, monkeypatch):
    code, out, err = run(
        capsys,
        monkeypatch,
        "secrets",
        "set",
        "database",
        "--db",
        "postgresql://desk:oops@db.city.example/agentdesk",
        "--from-stdin",
        stdin=Stdin("x\n"),
    )
    assert code == 2 and "contains a password" in err and "oops" not in out + err
    code, out, err = run(
        capsys, monkeypatch, "secrets", "set", "database", "--db", "sqlite:///x.db", "--from-stdin", stdin=Stdin("x\n")
    )
    assert (code, err) == (
        2,
        ("agentdesk: sqlite databases have no password to store; only postgresql://USER@HOST/DATABASE URLs do\n"),
    )


def test_list_shows_names_only_and_check_finds_the_missing(capsys, monkeypatch, profile):
    run(capsys, monkeypatch, "secrets", "set", "database", "--db", DB_URL, "--from-stdin", stdin=Stdin(DB_PASSWORD))
    code, out, err = run(capsys, monkeypatch, "secrets", "list", "--profile", str(profile))
    assert code == 0
    assert out.splitlines() == [
        f"{profile}: 2 secret(s) referenced; keyring keyrings.alt.file.PlaintextKeyring",
        "  stored   database desk@db.city.example/agentdesk",
        "  MISSING  plugin missingplugin token",
    ]
    assert DB_PASSWORD not in out + err
    code, out, err = run(capsys, monkeypatch, "secrets", "check", "--profile", str(profile))
    assert code == 1
    assert out == (
        f"{profile}: missing secret: plugin missingplugin token (agentdesk secrets set plugin missingplugin token)\n"
    )
    run(capsys, monkeypatch, "secrets", "set", "plugin", "missingplugin", "token", "--from-stdin", stdin=Stdin(TOKEN))
    code, out, err = run(capsys, monkeypatch, "secrets", "check", "--profile", str(profile))
    assert (code, out) == (0, f"{profile}: all 2 referenced secret(s) are in the keyring\n")
    assert TOKEN not in out + err and DB_PASSWORD not in out + err


def test_the_database_url_defaults_to_the_workstation_profile(capsys, monkeypatch, tmp_path):
    from agentdesk.deployment.profile_store import ProfileStore

    profile = tmp_path / "db-only.toml"
    profile.write_text(PROFILE.split("[plugins.")[0])
    assert ProfileStore().apply(profile).applied
    code, out, _err = run(capsys, monkeypatch, "secrets", "set", "database", "--from-stdin", stdin=Stdin(DB_PASSWORD))
    assert code == 0 and "desk@db.city.example/agentdesk" in out
    code, out, _err = run(capsys, monkeypatch, "secrets", "list")
    assert "  stored   database desk@db.city.example/agentdesk" in out.splitlines()


def test_delete_and_unknown_secret_names(capsys, monkeypatch):
    run(capsys, monkeypatch, "secrets", "set", "plugin", "health", "token", "--from-stdin", stdin=Stdin(TOKEN))
    code, out, _ = run(capsys, monkeypatch, "secrets", "delete", "plugin", "health", "token")
    assert (code, out) == (0, "deleted plugin health token from the keyring\n")
    assert keyring.get_password("agentdesk-plugin:health", "token") is None
    code, out, _ = run(capsys, monkeypatch, "secrets", "delete", "plugin", "health", "token")
    assert (code, out) == (1, "nothing stored for plugin health token\n")


def test_a_secret_the_installed_plugin_does_not_declare_is_refused(capsys, monkeypatch, tmp_path):
    site = tmp_path / "site"
    (site / "agentdesk_vault").mkdir(parents=True)
    (site / "agentdesk_vault" / "__init__.py").write_text("")
    (site / "agentdesk_vault" / "agentdesk-plugin.toml").write_text(
        'id = "vault"\nversion = "1.0.0"\napi = ">=1.0,<2"\nfactory = "agentdesk_vault.plugin:create"\n'
        "[secrets.token]\nrequired = true\n"
    )
    info = site / "agentdesk_plugin_vault-1.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: agentdesk-plugin-vault\nVersion: 1.0.0\n")
    (info / "entry_points.txt").write_text("[agentdesk.plugins]\nvault = agentdesk_vault\n")
    monkeypatch.syspath_prepend(str(site))
    code, _out, err = run(
        capsys, monkeypatch, "secrets", "set", "plugin", "vault", "tokn", "--from-stdin", stdin=Stdin(TOKEN)
    )
    assert (code, err) == (2, "agentdesk: plugin vault declares no secret 'tokn' (its secrets: token)\n")
    assert keyring.get_password("agentdesk-plugin:vault", "tokn") is None


# -- only a real OS keyring ------------------------------------------------------------------------


def test_a_plaintext_keyring_is_refused_before_the_secret_is_asked_for(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("AGENTDESK_ALLOW_PLAINTEXT_KEYRING")  # a desktop with keyrings.alt and no keyring service
    monkeypatch.setattr("getpass.getpass", lambda prompt: pytest.fail("must not ask for a secret it cannot keep"))
    for argv in (("plugin", "health", "token"), ("database", "--db", DB_URL)):
        code, out, err = run(capsys, monkeypatch, "secrets", "set", *argv, stdin=Stdin(tty=True))
        assert (code, out) == (2, "")
        assert "no secure OS keyring here" in err and "keyrings.alt.file.PlaintextKeyring" in err
        assert "GNOME Keyring or KWallet" in err and "Windows Credential Manager" in err
    stdin = Stdin(TOKEN + "\n")
    code, _, err = run(capsys, monkeypatch, "secrets", "set", "plugin", "health", "token", "--from-stdin", stdin=stdin)
    assert code == 2 and stdin.tell() == 0 and TOKEN not in err
    code, out, err = run(capsys, monkeypatch, "secrets", "list", "--profile", str(tmp_path / "none.toml"))
    assert code == 2

    from keyrings.alt.file import PlaintextKeyring

    assert PlaintextKeyring().get_password("agentdesk-plugin:health", "token") is None  # nothing in the file
    monkeypatch.setenv("AGENTDESK_ALLOW_PLAINTEXT_KEYRING", "1")  # the test suite's switch
    code, out, err = run(
        capsys, monkeypatch, "secrets", "set", "plugin", "health", "token", "--from-stdin", stdin=Stdin(TOKEN)
    )
    assert code == 0, err
    assert keyring.get_password("agentdesk-plugin:health", "token") == TOKEN


def test_the_desk_reads_no_secret_from_a_plaintext_keyring(capsys, monkeypatch):
    """After the command line's start-up check every keyring call refuses, not just agentdesk secrets."""
    from keyring.errors import KeyringError

    from agentdesk.plugin_host.settings import KeyringSecrets

    keyring.set_password("agentdesk-plugin:health", "token", TOKEN)  # left in the file from before
    monkeypatch.delenv("AGENTDESK_ALLOW_PLAINTEXT_KEYRING")
    code, _, _ = run(capsys, monkeypatch, "profile", "show")
    assert code in (0, 1, 2)
    with pytest.raises(KeyringError, match="no secure OS keyring"):
        keyring.get_password("agentdesk-plugin:health", "token")
    assert KeyringSecrets().get("health", "token") is None


def test_a_keyring_that_stores_nothing_is_refused_too(capsys, monkeypatch):
    from keyring.backends import fail

    from agentdesk import credentials

    monkeypatch.delenv("AGENTDESK_ALLOW_PLAINTEXT_KEYRING")
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(credentials.InsecureKeyringError, match="which stores nothing") as refused:
        credentials.set_secret("agentdesk-plugin:health", "token", TOKEN)
    assert refused.value.code == "keyring_insecure"


# -- secrets never in messages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://desk:Kissa-123@db.city.example:54x2/agentdesk",
        "postgresql://desk:Kiss@a:123@db.city.example:99999999999/agentdesk",
        "postgresql://desk@db.city.example/agentdesk?password=Kissa-123",
        "postgresql://desk:Kissa-123@db.city.example/agentdesk",
    ],
)
def test_a_bad_database_url_never_shows_its_password(capsys, monkeypatch, url):
    code, out, err = run(
        capsys, monkeypatch, "secrets", "set", "database", "--db", url, "--from-stdin", stdin=Stdin("x\n")
    )
    assert code == 2 and err.startswith("agentdesk: ")
    assert "Kiss" not in out + err and "123" not in err.split("db.city.example")[0]
    assert "db.city.example" in err or "password" in err


def test_a_chain_of_a_real_keyring_and_a_file_keeps_secrets_in_the_real_one_only(monkeypatch):
    from keyring.backend import KeyringBackend
    from keyring.backends.chainer import ChainerBackend
    from keyrings.alt.file import PlaintextKeyring

    from agentdesk import credentials

    class OsKeyring(KeyringBackend):  # stands for Secret Service / Credential Manager; never auto-detected
        @property
        def priority(self):
            raise RuntimeError("test only")

        def __init__(self) -> None:
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.kept.get((service, username))

        def set_password(self, service, username, password):
            self.kept[(service, username)] = password

        def delete_password(self, service, username):
            del self.kept[(service, username)]

    real, plain = OsKeyring(), PlaintextKeyring()

    class Chain(ChainerBackend):  # what keyring's chainer finds on such a desktop
        backends: ClassVar[list[KeyringBackend]] = [plain, real]  # the file first: the worst order

    for cls in (OsKeyring, Chain):  # unknown to keyring's own detection for the rest of the run
        KeyringBackend._classes.discard(cls)
    monkeypatch.delenv("AGENTDESK_ALLOW_PLAINTEXT_KEYRING")
    keyring.set_keyring(Chain())
    credentials.set_secret("agentdesk-plugin:health", "token", TOKEN)
    assert real.kept == {("agentdesk-plugin:health", "token"): TOKEN}
    assert plain.get_password("agentdesk-plugin:health", "token") is None
