"""The profile's [email] table: the queue mailboxes a desk watches and answers, with no password in
the profile (each in the OS keyring, listed by ``agentdesk secrets list``)."""

from __future__ import annotations

import pytest

from agentdesk.channels.email_config import MAIL_SERVICE
from agentdesk.deployment.profile import check_profile, parse_profile
from agentdesk.deployment.secret_provisioning import referenced_secrets

HEAD = """\
profile_version = 1
[department]
code = "neuvonta"
name = { fi = "Neuvonta", sv = "Rådgivning", en = "Advice" }
"""

EMAIL = """\
[email]
imap = { host = "imap.city.example", port = 993 }
smtp = { host = "smtp.city.example", port = 587, security = "starttls", login = "agentdesk" }
domain = "city.example"
poll_seconds = 30

[[email.mailboxes]]
address = "Neuvonta@City.example"
queue = "posti"
display_name = "Tampereen kaupunki – Neuvonta"

[[email.mailboxes]]
address = "tekniset@city.example"
queue = "tekniset"
login = "svc-tekniset"
topic = "technical.streets"
"""


def test_a_profile_without_email_watches_no_mailbox():
    assert parse_profile(HEAD, "p.toml", installed=None).email is None


def test_the_mailboxes_servers_and_their_secrets():
    email = parse_profile(HEAD + EMAIL, "p.toml", installed=None).email
    assert email is not None
    assert (email.imap.host, email.imap.port, email.imap.security) == ("imap.city.example", 993, "ssl")
    assert email.smtp is not None and (email.smtp.port, email.smtp.security) == (587, "starttls")
    assert (email.smtp_login, email.domain, email.idle, email.poll_seconds) == ("agentdesk", "city.example", True, 30)
    first, second = email.mailboxes
    assert (first.address, first.queue_code, first.display_name, first.imap_login) == (
        "neuvonta@city.example",
        "posti",
        "Tampereen kaupunki – Neuvonta",
        "neuvonta@city.example",
    )
    assert (second.imap_login, second.topic) == ("svc-tekniset", "technical.streets")
    profile = parse_profile(HEAD + EMAIL, "p.toml", installed=None)
    mail = [(n.service, n.account, n.set_command) for n in referenced_secrets(profile) if n.service == MAIL_SERVICE]
    assert mail == [
        (
            MAIL_SERVICE,
            "imap://neuvonta@city.example@imap.city.example:993",
            "agentdesk secrets set mail neuvonta@city.example",
        ),
        (MAIL_SERVICE, "imap://svc-tekniset@imap.city.example:993", "agentdesk secrets set mail tekniset@city.example"),
        (MAIL_SERVICE, "smtp://agentdesk@smtp.city.example:587", "agentdesk secrets set mail --smtp"),
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("port = 993", 'port = "imaps"'), "p.toml: email.imap.port: expected a port number"),
        (("port = 993 }", 'port = 993, security = "none" }'), "p.toml: email.imap.security: none (no TLS)"),
        (('address = "tekniset@city.example"', 'address = "tekniset"'), "p.toml: email.mailboxes[1].address"),
        (
            ('address = "tekniset@city.example"', 'address = "neuvonta@city.example"'),
            "p.toml: email.mailboxes[1].address",
        ),
        (('queue = "posti"', 'queue = "Posti ja kirjaamo"'), "p.toml: email.mailboxes[0].queue"),
        (('domain = "city.example"', 'password = "salainen"'), "p.toml: email.password: unknown key"),
    ],
)
def test_mistakes_in_email_name_the_key(change, expected):
    old, new = change
    text = HEAD + EMAIL.replace(old, new, 1)
    problems = [str(p) for p in check_profile(text, "p.toml", installed=None)]
    assert any(p.startswith(expected) for p in problems), problems


def test_it_stores_the_mailbox_and_smtp_passwords_where_the_watcher_and_the_replier_read_them(
    capsys, monkeypatch, tmp_path
):
    import io

    from agentdesk import cli
    from agentdesk.channels.email_config import keyring_password

    path = tmp_path / "neuvonta.toml"
    path.write_text(HEAD + EMAIL)

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run(
        "secrets",
        "set",
        "mail",
        "neuvonta@city.example",
        "--profile",
        str(path),
        "--from-stdin",
        stdin="imap-salasana\n",
    )
    assert code == 0, err
    assert out.startswith("stored mail imap://neuvonta@city.example@imap.city.example:993 in the keyring")
    assert keyring_password("imap://neuvonta@city.example@imap.city.example:993") == "imap-salasana"
    code, out, err = run(
        "secrets", "set", "mail", "--smtp", "--profile", str(path), "--from-stdin", stdin="smtp-salasana\n"
    )
    assert code == 0, err
    assert keyring_password("smtp://agentdesk@smtp.city.example:587") == "smtp-salasana"
    assert "salasana" not in out + err
    code, _out, err = run(
        "secrets", "set", "mail", "kirjaamo@city.example", "--profile", str(path), "--from-stdin", stdin="x\n"
    )
    assert code == 2 and "name one of the profile's mailboxes (neuvonta@city.example, tekniset@city.example)" in err
    code, out, _err = run("secrets", "check", "--profile", str(path))
    assert (
        code == 1
        and "mail imap://svc-tekniset@imap.city.example:993 (agentdesk secrets set mail tekniset@city.example)" in out
    )
