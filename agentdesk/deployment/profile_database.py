"""The ``[database]`` table of a department profile: where the desk's data lives and how each desk
connects to it (:mod:`agentdesk.storage.connection` says why each setting exists)::

    [database]
    url = "postgresql://agentdesk_desk@db.city.example:6432/agentdesk"
    password = "keyring"               # stored on each workstation: agentdesk secrets set database
    read_url = "postgresql://agentdesk_desk@standby.city.example/agentdesk"   # searches and reports
    pgbouncer = true                   # the url is PgBouncer in transaction mode
    pool_size = 2                      # connections a desk keeps (plus max_overflow in a burst)
    max_overflow = 2
    application_name = "agentdesk-desk"
    connect_timeout = 5                # seconds
    statement_timeout = 15             # seconds; 0: none (behind PgBouncer: set it on the role)
    keepalives_idle = 30               # seconds

Without a ``[database]`` table the desk uses its embedded SQLite file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from agentdesk.deployment.profile_nesting import shown
from agentdesk.storage.connection import DESK_CONNECTION, ConnectionSettings
from agentdesk.url_secrets import mask_url_secrets, url_secret_names

_PASSWORD_MODES = ("keyring", "none")
# key: (lowest, highest) for the whole numbers and numbers of the table
_NUMBERS: dict[str, tuple[float, float]] = {
    "pool_size": (1, 20),
    "max_overflow": (0, 20),
    "pool_timeout": (1, 300),
    "connect_timeout": (1, 120),
    "statement_timeout": (0, 3600),
    "keepalives_idle": (1, 3600),
}
DATABASE_KEYS = ("url", "password", "read_url", "pgbouncer", "application_name", *_NUMBERS)


class _Checker(Protocol):
    def problem(self, key: str, message: str) -> None: ...

    def table(self, raw: Mapping[str, Any], key: str, *, required: bool) -> Mapping[str, Any] | None: ...

    def unknown_keys(self, table: Mapping[str, Any], prefix: str, known: Iterable[str]) -> None: ...

    def text_value(self, table: Mapping[str, Any], key: str, dotted: str, *, required: bool) -> str | None: ...


def check_database(c: _Checker, raw: Mapping[str, Any]) -> tuple[str | None, str, ConnectionSettings]:
    """The URL (None: embedded), the password mode and the connection settings; problems go to ``c``."""
    table = c.table(raw, "database", required=False)
    if table is None:
        return None, "none", DESK_CONNECTION
    c.unknown_keys(table, "database.", DATABASE_KEYS)
    url = c.text_value(table, "url", "database.url", required=True)
    password = table.get("password", "keyring")
    if password not in _PASSWORD_MODES:
        c.problem(
            "database.password",
            'a password does not belong in the profile; write password = "keyring" and store it '
            f"on each workstation: agentdesk secrets set database --db {mask_url_secrets(url or 'URL')}"
            if isinstance(password, str)
            else f'expected "keyring" or "none", got {shown(password)}',
        )
        password = "keyring"
    settings = _settings(c, table)
    if url is None:
        return None, password, settings
    backend = _check_url(c, url, "database.url")
    read_url = settings.read_url
    if read_url is not None:
        read_backend = _check_url(c, read_url, "database.read_url")
        if read_backend is not None and read_backend != "postgresql":
            c.problem(
                "database.read_url", "a read-only standby is a PostgreSQL server: postgresql://USER@HOST/DATABASE"
            )
    if backend == "sqlite" and (read_url is not None or settings.pgbouncer):
        c.problem("database.url", "read_url and pgbouncer are for a shared PostgreSQL, not a SQLite file")
    return url, ("none" if backend == "sqlite" else password), settings


def _settings(c: _Checker, table: Mapping[str, Any]) -> ConnectionSettings:
    values: dict[str, Any] = {}
    for key, (low, high) in _NUMBERS.items():
        if key not in table:
            continue
        value = table[key]
        whole = key not in ("pool_timeout", "statement_timeout")
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or (whole and not isinstance(value, int)) or not low <= value <= high:
            kind = "a whole number" if whole else "a number"
            c.problem(f"database.{key}", f"expected {kind} from {low:g} to {high:g}, got {shown(value)}")
        else:
            values[key] = value
    if "pgbouncer" in table:
        if isinstance(table["pgbouncer"], bool):
            values["pgbouncer"] = table["pgbouncer"]
        else:
            c.problem("database.pgbouncer", f"expected true or false, got {shown(table['pgbouncer'])}")
    name = c.text_value(table, "application_name", "database.application_name", required=False)
    if name is not None:
        if not (0 < len(name) <= 63 and name.isascii() and name.isprintable()):
            c.problem(
                "database.application_name",
                f"{shown(name)}: 1 to 63 printable ASCII characters (PostgreSQL shows it in pg_stat_activity)",
            )
        else:
            values["application_name"] = name
    read_url = c.text_value(table, "read_url", "database.read_url", required=False)
    if read_url is not None:
        values["read_url"] = read_url
    from dataclasses import replace

    return replace(DESK_CONNECTION, **values)


def _check_url(c: _Checker, url: str, key: str) -> str | None:
    """The URL's back end ("postgresql" or "sqlite") after its problems went to ``c``; None if unreadable."""
    from sqlalchemy.engine import make_url

    shown_url = shown(mask_url_secrets(url))  # never the password, whatever else is wrong
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - sqlalchemy.exc.ArgumentError, ValueError (a port that is no number)
        c.problem(
            key,
            f"{shown_url} is not a database URL; use postgresql://USER@HOST[:PORT]"
            "/DATABASE (the port a number) or sqlite:///PATH",
        )
        return None
    if url_secret_names(url):
        names = ", ".join(url_secret_names(url))
        c.problem(
            key,
            f"the URL carries a secret in its query ({names}); "
            'passwords belong in the keyring: write password = "keyring" and '
            "store it with agentdesk secrets set database",
        )
        return None
    backend = parsed.get_backend_name()
    if backend not in ("postgresql", "sqlite"):
        c.problem(key, f"unsupported database {backend!r}; use postgresql://USER@HOST/DATABASE or sqlite:///PATH")
        return None
    if parsed.password is not None:
        clean = parsed._replace(password=None).render_as_string(hide_password=False)
        c.problem(
            key,
            "the URL contains a password; passwords belong in the keyring: "
            f"agentdesk secrets set database --db {clean}",
        )
    elif backend == "postgresql" and not (parsed.host and parsed.database and parsed.username):
        c.problem(key, f"{shown_url} needs a user, a host and a database: postgresql://USER@HOST[:PORT]/DATABASE")
    return str(backend)
