"""Secrets live only in the OS keyring. This module is the one place that talks to it.

Keyring calls can block (a locked wallet, D-Bus); the desktop calls these off the UI thread.
"""

from __future__ import annotations

from sqlalchemy.engine import URL

DATABASE_SERVICE = "agentdesk-database"


def database_account(url: URL) -> str:
    """The keyring user name for a database URL: ``user@host:port/database``."""
    port = f":{url.port}" if url.port else ""
    return f"{url.username or ''}@{url.host or 'localhost'}{port}/{url.database or ''}"


def database_password(url: URL) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(DATABASE_SERVICE, database_account(url))
    except KeyringError:
        return None


def set_database_password(url: URL, password: str) -> None:
    import keyring

    keyring.set_password(DATABASE_SERVICE, database_account(url), password)
