"""Engines and sessions for the embedded (SQLite) and shared (PostgreSQL) deployments.

One :class:`Database` is built by the composition root and handed to the services. It owns the
engine and the single ``sessionmaker(expire_on_commit=False)``; services open
``with db.session() as s, s.begin():`` per operation, and sessions never cross threads.

A plain SQLite file URL (``sqlite:///PATH``, the embedded default) needs no checking, so its engine,
and SQLAlchemy's import with it (about 0.3 s), wait for the first use of :attr:`Database.engine`:
the desk's first window needs only two reads, which :meth:`Database.first_read` makes through the
``sqlite3`` module while there is no engine yet.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentdesk import paths
from agentdesk.storage.connection import DEFAULT_CONNECTION, ConnectionSettings, postgresql_engine_arguments

if TYPE_CHECKING:  # imported with the engine, the ORM with the first session (not before the desk's first window)
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.engine.interfaces import DBAPIConnection
    from sqlalchemy.orm import Session as OrmSession
    from sqlalchemy.orm import sessionmaker

log = logging.getLogger(__name__)

PasswordLookup = Callable[["URL"], "str | None"]


class DatabaseUrlError(ValueError):
    """The --db / profile database URL cannot be used."""


def default_sqlite_url() -> str:
    return f"sqlite:///{paths.user_data_dir() / 'agentdesk.sqlite3'}"


def normalise_url(url: str | None) -> URL:
    """Accept ``sqlite:///path``, ``postgresql://...`` (psycopg 3 is used) or None (embedded default)."""
    raw = url or default_sqlite_url()
    from sqlalchemy.engine import make_url

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


SQLITE_FILE = "sqlite:///"


def plain_sqlite_file(url: str) -> str | None:
    """The path of a ``sqlite:///PATH`` URL without a query (SQLAlchemy's reading of it), else None."""
    if not url.startswith(SQLITE_FILE) or "?" in url:
        return None
    path = url[len(SQLITE_FILE) :]
    return path if path and path != ":memory:" else None


class Database:
    def __init__(
        self,
        url: str | None = None,
        *,
        password_lookup: PasswordLookup | None = keyring_password,
        echo: bool = False,
        settings: ConnectionSettings = DEFAULT_CONNECTION,
    ) -> None:
        raw = url or default_sqlite_url()
        self._echo = echo
        self.settings = settings
        self._password_lookup = password_lookup
        self._reads: Database | None = None
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._sessions: sessionmaker[OrmSession] | None = None
        self._sessions_lock = threading.Lock()
        self.sqlite_file = plain_sqlite_file(raw)  # a plain SQLite file: nothing to check, no engine yet
        if self.sqlite_file is not None:
            self._raw_url, self._url = raw, None
            self.dialect = "sqlite"
            Path(self.sqlite_file).parent.mkdir(parents=True, exist_ok=True)
            return
        self._url = normalise_url(raw)
        self.dialect = "sqlite" if self._url.get_backend_name() == "sqlite" else "postgresql"
        if self.dialect == "sqlite":
            db_path = self._url.database
            if db_path and db_path != ":memory:":
                Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            self._make_engine()
        else:
            password = password_lookup(self._url) if password_lookup else None
            self._make_engine(password)

    @property
    def url(self) -> URL:
        if self._url is None:
            from sqlalchemy.engine import make_url

            self._url = make_url(self._raw_url)
        return self._url

    @property
    def reads(self) -> Database:
        """Where searches and reports read: the hot standby of ``settings.read_url``, else this database."""
        if self.settings.read_url is None:
            return self
        with self._engine_lock:
            if self._reads is None:
                from dataclasses import replace

                self._reads = Database(
                    self.settings.read_url,
                    password_lookup=self._password_lookup,
                    echo=self._echo,
                    settings=replace(self.settings, read_url=None),
                )
            return self._reads

    @property
    def engine(self) -> Engine:
        """The engine, made (and SQLAlchemy imported) on first use for a plain SQLite file."""
        return self._engine if self._engine is not None else self._make_engine()

    def _make_engine(self, password: str | None = None) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy import create_engine, event

                if self.dialect == "sqlite":
                    engine = create_engine(self.url, echo=self._echo, hide_parameters=True)
                    event.listen(engine, "connect", _sqlite_on_connect)
                else:
                    connect_url = self.url.set(password=password) if password else self.url
                    engine = create_engine(
                        connect_url,
                        echo=self._echo,
                        hide_parameters=True,
                        **postgresql_engine_arguments(
                            self.settings, url_options=str(self.url.query.get("options", ""))
                        ),
                    )
                self._engine = engine
            return self._engine

    def switch_login(self, login: str, password: str | None) -> None:
        """Connect from now on as ``login`` (a staff member's own PostgreSQL login, which the server
        authenticates, e.g. against the directory): the row-level security of that login applies to
        every later session. Connections of the previous login are closed as they are given back."""
        if self.dialect != "postgresql":
            raise ValueError("only a PostgreSQL database has per-user logins")
        with self._engine_lock:
            old, self._engine, self._sessions = self._engine, None, None
            self._url = self.url.set(username=login, password=None)
        if old is not None:
            old.dispose()
        self._make_engine(password)
        if self._reads is not None:
            self._reads.switch_login(login, password)

    def first_read(self, sql: str) -> list[tuple[Any, ...]]:
        """The rows of one plain read (no parameters), for what the desk reads before its first
        window: through ``sqlite3`` while a plain SQLite file has no engine yet, else on the engine."""
        if self._engine is None and self.sqlite_file is not None:
            with closing(sqlite3.connect(self.sqlite_file, timeout=15)) as conn:
                return [tuple(row) for row in conn.execute(sql).fetchall()]
        from sqlalchemy import text

        with self.engine.connect() as conn:
            rows: Sequence[Any] = conn.execute(text(sql)).all()
        return [tuple(row) for row in rows]

    def has_table(self, name: str) -> bool:
        """Whether the database has this table (like :meth:`first_read`, before the engine if it can)."""
        if self._engine is None and self.sqlite_file is not None:
            return bool(self.first_read(f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{name}'"))
        from sqlalchemy import inspect

        with self.engine.connect() as conn:
            return inspect(conn).has_table(name)

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
        if self._url is None:
            return self._raw_url  # sqlite:///PATH: no password in it
        return self._url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self._reads is not None:
            self._reads.dispose()
