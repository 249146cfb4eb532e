"""Is a failed database call "the database cannot be reached", or something the user must fix?

A save that cannot reach the shared database (connection refused, a connect or statement timeout,
the server shut down or gone mid-transaction, no free connection in the desk's pool) may be kept on
the workstation and sent again later (:mod:`agentdesk.outbox`): the transaction did not happen, or
did and only its answer was lost, which the contact's idempotency key (``interaction.client_uuid``)
makes harmless. Validation errors (:class:`agentdesk.interaction_log.InteractionInvalid`), edit
conflicts (a stale version), constraint violations and programming errors are *not* unreachable:
they are shown to the agent as before.

Qt-free and cheap: it only looks at the exception (and the exceptions it wraps).
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

# SQLSTATEs that mean the server could not be used, not that the statement was wrong:
# class 08 (connection exception), admin/crash shutdown and "cannot connect now" (57P01..57P03),
# a statement cancelled by the statement timeout (57014: it was rolled back), and "too many
# connections" (53300).
_UNREACHABLE_STATES = frozenset({"57P01", "57P02", "57P03", "57014", "53300"})


def _sqlstate(error: BaseException) -> str | None:
    state = getattr(error, "sqlstate", None)  # psycopg 3
    return state if isinstance(state, str) else None


def _driver_unreachable(error: BaseException) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    if not isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        return False
    state = _sqlstate(error)
    # No SQLSTATE: the client never got an answer (refused, timed out, connection closed).
    return state is None or state.startswith("08") or state in _UNREACHABLE_STATES


def is_unreachable(error: BaseException) -> bool:
    """True when ``error`` says the database could not be reached or went away (see the module)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sa_exc.TimeoutError | sa_exc.DisconnectionError):
            return True  # no connection free in the pool in time; a connection found dead
        if isinstance(current, sa_exc.DBAPIError):
            if current.connection_invalidated:
                return True
            if current.orig is not None and _driver_unreachable(current.orig):
                return True
        elif _driver_unreachable(current):
            return True
        if isinstance(current, ConnectionError | TimeoutError):
            return True  # OSError kinds: refused, reset, timed out
        current = current.__cause__  # only what it was explicitly raised from
    return False
