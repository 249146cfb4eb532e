"""Engines and sessions for the embedded (SQLite) and shared (PostgreSQL) deployments.

One :class:`Database` is built by the composition root and handed to the services. It owns the
engine and the single ``sessionmaker(expire_on_commit=False)``; services open
``with db.session() as s, s.begin():`` per operation, and sessions never cross threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection

if TYPE_CHECKING:  # the ORM is imported with the first session (not before the desk's first window)
    from sqlalchemy.orm import Session as OrmSession
    from sqlalchemy.orm import sessionmaker

from agentdesk import paths

log = logging.getLogger(__name__)

PasswordLookup = Callable[[URL], "str | None"]


class DatabaseUrlError(ValueError):
    """The --db / profile database URL cannot be used."""


def default_sqlite_url() -> str:
    return f"sqlite:///{paths.user_data_dir() / 'agentdesk.sqlite3'}"


def normalise_url(url: str | None) -> URL:
    """Accept ``sqlite:///path``, ``postgresql://...`` (psycopg 3 is used) or None (embedded default)."""
    raw = url or default_sqlite_url()
    from agentdesk.url_secrets import mask_url_secrets, url_secret_names

    try:
        parsed = make_url(raw)
    except Exception:  # noqa: BLE001 - sqlalchemy.exc.ArgumentError, ValueError (a port that is no number)
        # Neither the URL nor the parser's words as they are: either may hold the password.
        raise DatabaseUrlError(
            f"not a database URL: {mask_url_secrets(raw)!r}; use sqlite:///PATH or "
            "postgresql://USER@HOST[:PORT]/DATABASE (the port a number)"
        ) from None
    if url_secret_names(raw):
        raise DatabaseUrlError(
            f"the database URL {mask_url_secrets(raw)!r} has a secret in its query "
            f"({', '.join(url_secret_names(raw))}); store the password in the OS keyring "
            "(agentdesk secrets set database) and leave it out of the URL"
        )
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.drivername not in ("sqlite", "sqlite+pysqlite"):
            raise DatabaseUrlError(f"unsupported SQLite driver {parsed.drivername!r}")
        return parsed
    if backend in ("postgresql", "postgres"):
        if parsed.password is not None:
            raise DatabaseUrlError(
                "the PostgreSQL URL contains a password; store it in the OS keyring instead "
                "(agentdesk secrets set database) and leave it out of the URL"
            )
        return parsed.set(drivername="postgresql+psycopg")
    raise DatabaseUrlError(f"unsupported database {backend!r}: use sqlite:///PATH or postgresql://HOST/DB")


def keyring_password(url: URL) -> str | None:
    """The database password from the OS keyring (service ``agentdesk-database``, user ``user@host/db``)."""
    from agentdesk import credentials

    return credentials.database_password(url)


def _sqlite_on_connect(dbapi_conn: DBAPIConnection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=15000")  # writers queue behind each other rather than fail
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache per connection
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()


class Database:
    def __init__(
        self, url: str | None = None, *, password_lookup: PasswordLookup | None = keyring_password, echo: bool = False
    ) -> None:
        self.url = normalise_url(url)
        self.dialect = "sqlite" if self.url.get_backend_name() == "sqlite" else "postgresql"
        connect_url = self.url
        if self.dialect == "sqlite":
            db_path = self.url.database
            if db_path and db_path != ":memory:":
                Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(connect_url, echo=echo, hide_parameters=True)
            event.listen(self.engine, "connect", _sqlite_on_connect)
        else:
            password = password_lookup(self.url) if password_lookup else None
            if password:
                connect_url = connect_url.set(password=password)
            self.engine = create_engine(connect_url, echo=echo, pool_pre_ping=True, hide_parameters=True)
        self._sessions: sessionmaker[OrmSession] | None = None
        self._sessions_lock = threading.Lock()

    @property
    def Session(self) -> sessionmaker[OrmSession]:
        """The one ``sessionmaker(expire_on_commit=False)``, made with the first session."""
        if self._sessions is None:
            with self._sessions_lock:
                if self._sessions is None:
                    from sqlalchemy.orm import sessionmaker

                    self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    def session(self) -> OrmSession:
        return self.Session()

    def display_url(self) -> str:
        """The URL without any password, safe for logs and messages."""
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
