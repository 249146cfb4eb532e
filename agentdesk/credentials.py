"""Secrets live only in the OS keyring. This module is the one place that talks to it.

Keyring calls can block (a locked wallet, D-Bus); the desktop calls these off the UI thread.

Only a real OS keyring is used: GNOME Keyring or KWallet (Secret Service) on Linux, Windows
Credential Manager, the macOS Keychain. The ``keyring`` library falls back to whatever it finds,
and with ``keyrings.alt`` installed (the test extra brings it) that is a plain file holding secrets
in base64; without any backend it is one that stores nothing. Those are refused
(:class:`InsecureKeyringError`, code ``keyring_insecure``) with a message saying what to install.
:func:`use_secure_keyring`, called once by the command line at start, makes every ``keyring`` call
in the process refuse them too (the desk, which reads no secret before its first window, calls it
off the UI thread after the window instead: the keyring library's discovery of its back ends takes
about 0.1 s). The test suite keeps a throwaway plaintext keyring per test and
sets ``AGENTDESK_ALLOW_PLAINTEXT_KEYRING=1`` for it; nothing else may.

:func:`agentdesk.url_secrets.mask_url_secrets` is the one way a URL is shown in a message: no password, no token.
"""

from __future__ import annotations

import os
import threading

from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError
from sqlalchemy.engine import URL

DATABASE_SERVICE = "agentdesk-database"
ALLOW_PLAINTEXT_ENV = "AGENTDESK_ALLOW_PLAINTEXT_KEYRING"  # tests only: their throwaway plaintext keyring
INSTALL_HINT = (
    "install and unlock an OS keyring: GNOME Keyring or KWallet (Secret Service) on Linux, "
    "Windows Credential Manager on Windows, the Keychain on macOS"
)
_INSECURE_PACKAGES = ("keyrings.alt",)  # plain or home-made encrypted files, the registry, ...
_STORES_NOTHING = frozenset({"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"})


class InsecureKeyringError(NoKeyringError):
    """No OS keyring that keeps secrets safely; ``str()`` says what to install."""

    code = "keyring_insecure"


def backend_name(backend: object) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def is_secure_backend(backend: object) -> bool:
    """A real OS keyring, or a chain of nothing but real OS keyrings."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, _RefusingKeyring):
        return False
    if isinstance(backend, ChainerBackend):
        chained = list(backend.backends)
        return bool(chained) and all(is_secure_backend(b) for b in chained)
    name = backend_name(backend)
    return name not in _STORES_NOTHING and not name.startswith(tuple(p + "." for p in _INSECURE_PACKAGES))


def _refusal(backend: object) -> str:
    name = backend_name(backend)
    what = "stores nothing" if name in _STORES_NOTHING else "would keep secrets in a file, not in an OS keyring"
    return f"no secure OS keyring here (the keyring backend found is {name}, which {what}); {INSTALL_HINT}"


def plaintext_allowed() -> bool:
    return os.environ.get(ALLOW_PLAINTEXT_ENV) == "1"


def secure_keyring() -> KeyringBackend:
    """The keyring backend to keep secrets in; raises :class:`InsecureKeyringError` when there is
    no secure one. A chain that mixes a real keyring with a file uses the real keyring alone."""
    import keyring
    from keyring.backends.chainer import ChainerBackend

    backend = keyring.get_keyring()
    if isinstance(backend, _RefusingKeyring):  # installed by use_secure_keyring: judge what it stands for
        backend = backend.refused
    if plaintext_allowed() or is_secure_backend(backend):
        return backend
    if isinstance(backend, ChainerBackend):
        secure: list[KeyringBackend] = [b for b in backend.backends if is_secure_backend(b)]  # highest priority first
        if secure:
            return secure[0]
    raise InsecureKeyringError(_refusal(backend))


_choosing = threading.Lock()  # one thread at a time chooses (the desk may ask from two)


def use_secure_keyring() -> None:
    """Make every ``keyring`` call in this process use :func:`secure_keyring`'s choice, or refuse
    with its message when there is none (the desk then has no secrets, and says why). Safe to call
    again, from any thread: a later call finds the choice made."""
    import keyring

    with _choosing:
        current = keyring.get_keyring()
        try:
            chosen: KeyringBackend = secure_keyring()
        except InsecureKeyringError as exc:
            chosen = current if isinstance(current, _RefusingKeyring) else _RefusingKeyring(str(exc), current)
        if chosen is not current:
            keyring.set_keyring(chosen)


class _RefusingKeyring(KeyringBackend):
    """Stands in for an insecure backend: every call raises :class:`InsecureKeyringError`.
    Never chosen by the keyring library's own detection: like the abstract base it has no priority,
    so the library deems it not viable."""

    def __init__(self, reason: str, refused: KeyringBackend) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's KeyringBackend.__init__ is unannotated
        self.reason = reason
        self.refused = refused  # the backend the keyring library chose

    def __str__(self) -> str:
        return f"{backend_name(self)} (refusing: no secure OS keyring)"

    def get_password(self, service: str, username: str) -> str | None:
        raise InsecureKeyringError(self.reason)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise InsecureKeyringError(self.reason)

    def delete_password(self, service: str, username: str) -> None:
        raise InsecureKeyringError(self.reason)


# -- secrets -------------------------------------------------------------------------------------


def get_secret(service: str, account: str) -> str | None:
    return secure_keyring().get_password(service, account)


def set_secret(service: str, account: str, value: str) -> None:
    secure_keyring().set_password(service, account, value)


def delete_secret(service: str, account: str) -> None:
    """Raises keyring's PasswordDeleteError when nothing is stored under the name."""
    secure_keyring().delete_password(service, account)


def database_account(url: URL) -> str:
    """The keyring user name for a database URL: ``user@host:port/database``."""
    port = f":{url.port}" if url.port else ""
    return f"{url.username or ''}@{url.host or 'localhost'}{port}/{url.database or ''}"


def database_password(url: URL) -> str | None:
    from keyring.errors import KeyringError

    try:
        return get_secret(DATABASE_SERVICE, database_account(url))
    except KeyringError:
        return None


def set_database_password(url: URL, password: str) -> None:
    set_secret(DATABASE_SERVICE, database_account(url), password)


DIRECTORY_SERVICE = "agentdesk-directory"


def directory_account(url: str, bind_dn: str) -> str:
    """The keyring user name for the directory's service account: ``bind_dn@url``."""
    return f"{bind_dn}@{url}"


def directory_bind_password(url: str, bind_dn: str) -> str | None:
    """The service account's password, or None when the keyring has none (or cannot be read)."""
    from keyring.errors import KeyringError

    try:
        return get_secret(DIRECTORY_SERVICE, directory_account(url, bind_dn))
    except KeyringError:
        return None
