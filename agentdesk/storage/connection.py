"""How one desk connects to the shared PostgreSQL: settings a city tunes in its department profile.

A contact centre of 200 desks on one server cannot give every desk SQLAlchemy's default pool (5 + 10
overflow): that would be 3,000 possible backends against PostgreSQL's default ``max_connections =
100``. Each desk keeps a small pool (``pool_size``, default 2, plus ``max_overflow`` 2 under a burst:
the desk's background helper runs at most four reads and one write at once, and waits ``pool_timeout``
for a free connection rather than opening more). Behind PgBouncer in transaction mode
(``pgbouncer = true``) the server sees only PgBouncer's own pool, whatever the number of desks.

Every connection names itself (``application_name``, shown in ``pg_stat_activity``), gives up
connecting after ``connect_timeout`` seconds, cancels a statement after ``statement_timeout`` seconds,
and uses TCP keepalives so a desk behind a NAT or a firewall notices a dead server in about a minute
rather than at the next query.

PgBouncer in transaction mode hands each transaction to any server connection, so nothing may live
on a server connection between transactions: psycopg's prepared statements are switched off
(``prepare_threshold=None``), and the statement timeout is not sent as a startup option (PgBouncer
refuses unknown startup parameters): set it on the desk's database role instead
(``ALTER ROLE agentdesk_desk SET statement_timeout = '15s'``).

``read_url`` names a hot standby: searches and reports read there, everything else (and every write)
goes to ``url``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_APPLICATION_NAME = "agentdesk"


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    """The defaults are a command-line tool's (SQLAlchemy's pool, no statement timeout: an upgrade or a
    duplicate scan may run long); a desk uses :data:`DESK_CONNECTION` or its profile's settings."""

    pool_size: int = 5
    max_overflow: int = 10
    pool_timeout: float = 30.0  # seconds a desk waits for a free connection of its own pool
    application_name: str = DEFAULT_APPLICATION_NAME
    connect_timeout: int = 10  # seconds
    statement_timeout: float = 0.0  # seconds; 0: none
    keepalives_idle: int = 30  # seconds of silence before the first keepalive probe
    keepalives_interval: int = 10
    keepalives_count: int = 3
    pgbouncer: bool = False  # behind PgBouncer in transaction mode
    read_url: str | None = None  # a hot standby for searches and reports

    @property
    def max_connections(self) -> int:
        """The most server (or PgBouncer client) connections one desk opens."""
        return self.pool_size + self.max_overflow


DEFAULT_CONNECTION = ConnectionSettings()
# One desk: a small pool (its background helper runs four reads and one write at most), and no
# statement runs longer than an agent would wait.
DESK_CONNECTION = ConnectionSettings(
    pool_size=2, max_overflow=2, application_name="agentdesk-desk", connect_timeout=5, statement_timeout=15.0
)


def postgresql_engine_arguments(settings: ConnectionSettings, *, url_options: str = "") -> dict[str, Any]:
    """Keyword arguments for ``create_engine`` of a PostgreSQL (psycopg 3) URL; ``url_options`` are the
    URL's own ``options`` (e.g. ``-csearch_path=...``), kept beside the statement timeout."""
    connect_args: dict[str, Any] = {
        "application_name": settings.application_name,
        "connect_timeout": settings.connect_timeout,
        "keepalives": 1,
        "keepalives_idle": settings.keepalives_idle,
        "keepalives_interval": settings.keepalives_interval,
        "keepalives_count": settings.keepalives_count,
    }
    if settings.pgbouncer:
        connect_args["prepare_threshold"] = None  # no server-side prepared statements across transactions
    elif settings.statement_timeout > 0:
        timeout = f"-c statement_timeout={int(settings.statement_timeout * 1000)}"
        connect_args["options"] = f"{url_options} {timeout}".strip()
    return {
        "pool_size": settings.pool_size,
        "max_overflow": settings.max_overflow,
        "pool_timeout": settings.pool_timeout,
        "pool_pre_ping": True,
        "pool_recycle": 1800,  # a connection older than 30 min is replaced (firewalls drop idle ones)
        "connect_args": connect_args,
    }
