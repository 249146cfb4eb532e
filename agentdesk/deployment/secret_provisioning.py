"""Provisioning the secrets a profile references into the OS keyring, and checking which are missing.

Names only ever leave this module: a secret's value goes from the prompt (or standard input for
scripted provisioning) straight into the keyring and is never printed, logged or written to a file.
Which keyring is used is the keyring library's choice for the user running the command: the
workstation user's own, or a service account's when IT runs it as that account; a plaintext file or
a keyring that stores nothing is refused (:func:`agentdesk.credentials.secure_keyring`).
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from agentdesk import credentials
from agentdesk.deployment.installed_plugins import InstalledPlugins
from agentdesk.deployment.profile import Profile
from agentdesk.plugin_host.settings import PLUGIN_SECRET_SERVICE


class SecretInputError(ValueError):
    """No secret could be read (no terminal, empty input, the two entries differ)."""


@dataclass(frozen=True, order=True)
class SecretName:
    label: str  # what people read: "database desk@db.city.example/agentdesk", "plugin health token"
    service: str
    account: str
    required: bool = True
    set_command: str = ""

    def is_stored(self) -> bool:
        return credentials.get_secret(self.service, self.account) is not None

    def store(self, value: str) -> None:
        credentials.set_secret(self.service, self.account, value)

    def delete(self) -> bool:
        """False when nothing was stored under this name."""
        from keyring.errors import PasswordDeleteError

        try:
            credentials.delete_secret(self.service, self.account)
        except PasswordDeleteError:
            return False
        return True


def database_secret(url: str) -> SecretName:
    from agentdesk.storage.database import normalise_url

    parsed = normalise_url(url)  # DatabaseUrlError for a URL with a password or another database
    if parsed.get_backend_name() != "postgresql":
        from agentdesk.storage.database import DatabaseUrlError

        raise DatabaseUrlError(
            f"{parsed.get_backend_name()} databases have no password to store; "
            "only postgresql://USER@HOST/DATABASE URLs do"
        )
    account = credentials.database_account(parsed)
    plain = parsed.set(drivername="postgresql").render_as_string(hide_password=True)
    return SecretName(
        f"database {account}",
        credentials.DATABASE_SERVICE,
        account,
        set_command=f"agentdesk secrets set database --db {plain}",
    )


def plugin_secret(plugin_id: str, key: str, *, required: bool = True) -> SecretName:
    return SecretName(
        f"plugin {plugin_id} {key}",
        PLUGIN_SECRET_SERVICE.format(plugin_id=plugin_id),
        key,
        required,
        f"agentdesk secrets set plugin {plugin_id} {key}",
    )


def directory_secret(url: str, bind_dn: str) -> SecretName:
    """The password of the service account that searches the city's directory (``[directory] bind_dn``)."""
    account = credentials.directory_account(url, bind_dn)
    return SecretName(
        f"directory {account}", credentials.DIRECTORY_SERVICE, account, set_command="agentdesk secrets set directory"
    )


def mail_secrets(profile: Profile) -> list[SecretName]:
    """The IMAP password of each ``[[email.mailboxes]]`` and the ``[email] smtp`` login's password."""
    from agentdesk.channels.email_config import MAIL_SERVICE

    email = profile.email
    if email is None:
        return []
    names = [
        SecretName(
            f"mail {email.imap.account('imap', m.imap_login)}",
            MAIL_SERVICE,
            email.imap.account("imap", m.imap_login),
            set_command=f"agentdesk secrets set mail {m.address}",
        )
        for m in email.mailboxes
    ]
    if email.smtp is not None and email.smtp_login:
        account = email.smtp.account("smtp", email.smtp_login)
        names.append(
            SecretName(f"mail {account}", MAIL_SERVICE, account, set_command="agentdesk secrets set mail --smtp")
        )
    return names


def referenced_secrets(profile: Profile) -> list[SecretName]:
    """The secrets the profile references: the database password, the directory's service account
    and each enabled plugin's list."""
    names = []
    if profile.database_url and profile.database_password == "keyring":
        names.append(database_secret(profile.database_url))
    if profile.directory is not None and profile.directory.bind_dn:
        names.append(directory_secret(profile.directory.url, profile.directory.bind_dn))
    names.extend(mail_secrets(profile))
    for pid in profile.enabled_plugins:
        names.extend(plugin_secret(pid, key) for key in profile.plugins[pid].secrets)
    return names


def manifest_secrets(installed: InstalledPlugins) -> list[SecretName]:
    """Every secret the installed plugins' manifests declare (for a workstation without a profile)."""
    return [
        plugin_secret(p.id, s.key, required=s.required) for p in installed.plugins.values() for s in p.manifest.secrets
    ]


def read_secret(
    prompt: str, *, from_stdin: bool, stdin: TextIO | None = None, ask: Callable[[str], str] | None = None
) -> str:
    """The secret typed twice at a terminal (not echoed), or one line of standard input."""
    stdin = stdin or sys.stdin
    ask = ask or getpass.getpass
    if from_stdin:
        value = stdin.readline().rstrip("\r\n")
        if not value:
            raise SecretInputError("standard input was empty; nothing stored")
        return value
    if not stdin.isatty():
        raise SecretInputError(
            "no terminal to ask for the secret; for scripted provisioning pipe it in and add --from-stdin"
        )
    value = ask(f"{prompt}: ")
    if not value:
        raise SecretInputError("nothing typed; nothing stored")
    if ask("Again, to be sure: ") != value:
        raise SecretInputError("the two entries differ; nothing stored")
    return value
