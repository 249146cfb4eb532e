"""The desk's Asterisk Manager Interface (AMI) client: screen pop events from the PBX.

``AmiClient`` runs its own asyncio loop in a background thread, so the desktop never waits for the
PBX. It connects, checks the banner (``Asterisk Call Manager/x.y`` comes first), logs in with the
secret it was given (the caller reads it from the OS keyring; it is never logged), pings to notice a
dead connection, and reconnects with exponential backoff and jitter after a loss, logging in again.
A refused login is final and distinct: state ``login_failed`` and :class:`AmiLoginFailed`, no retry
loop that would hammer the PBX (Asterisk sleeps a second per bad login) or lock the account.

Raw events become typed, frozen events (:mod:`agentdesk.channels.ami_events`) delivered through two
callbacks, called **on the client's thread** (hand them to the UI thread, e.g. with a Qt signal):

- ``on_event(event)``: this desk's events: :class:`ConnectionState`, and :class:`IncomingCall`,
  :class:`CallAnswered`, :class:`CallEnded`, :class:`CallAbandoned` for calls ringing this agent's
  own interface only (``AmiSettings.interface``, e.g. ``PJSIP/agent1``);
- ``on_statistics(event)`` (optional): every typed event, including calls for other agents, queue
  joins and leaves, abandons, and :class:`QueueStats` (from ``queue_status()`` or polling).

Why not panoramisk (PyPI, asyncio, last release 1.4 in 2021)? It was tried against the loopback
simulator: events and reconnects after a drop work, but a refused login only resolves the login
future with ``success=False``; the server then closes and panoramisk logs ERROR "Connection lost"
and reconnects with the same bad secret every ``reconnect_timeout`` seconds for ever, with no way to
tell "wrong password" from "PBX down"; the delay has no backoff or jitter (many desks reconnect in
lockstep after a PBX restart); ``close()`` itself schedules a reconnect; and pings are sent without
ever noticing that no answer comes. The protocol part we need is small (line framing, ActionID
correlation, event lists), so owning it is the more robust choice.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import datetime as dt
import itertools
import logging
import random
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, NoReturn

from agentdesk.channels.ami_events import (
    AmiEvent,
    ConnectionState,
    ConnectionStatus,
    QueueStats,
    Routed,
    utcnow,
)
from agentdesk.channels.ami_mapping import AmiEventMapper, queue_stats_from_list
from agentdesk.channels.ami_protocol import (
    BANNER_PREFIX,
    MAX_LINE,
    AmiConnectionLost,
    AmiError,
    AmiLoginFailed,
    AmiNotConnected,
    AmiProtocolError,
    AmiReader,
    PendingAction,
    encode_action,
)

log = logging.getLogger(__name__)

__all__ = [
    "AmiClient",
    "AmiConnectionLost",
    "AmiError",
    "AmiLoginFailed",
    "AmiNotConnected",
    "AmiProtocolError",
    "AmiSettings",
    "EventCallback",
]

EventCallback = Callable[[AmiEvent], None]


@dataclass(frozen=True)
class AmiSettings:
    host: str = "127.0.0.1"
    port: int = 5038
    username: str = "desk"
    interface: str = "PJSIP/agent1"  # this agent's queue member interface: calls to it pop on the desk
    events: str = "call,agent"  # the event classes to receive (Newchannel/Hangup/Dial*, queue events)
    connect_timeout: float = 5.0
    action_timeout: float = 5.0  # banner, login, ping and list answers
    ping_interval: float = 20.0
    reconnect_initial: float = 1.0  # first delay after a loss; doubles up to reconnect_max
    reconnect_max: float = 60.0
    queue_status_interval: float | None = None  # poll QueueStatus for the statistics callback


class AmiClient:
    """One desk's connection to the PBX. ``start()`` returns at once; ``stop()`` logs off and
    joins the thread. Not restartable: after ``stop()`` or a refused login, make a new client."""

    def __init__(
        self,
        settings: AmiSettings,
        secret: str,
        *,
        on_event: EventCallback,
        on_statistics: EventCallback | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.settings = settings
        self._secret = secret
        self._on_event = on_event
        self._on_statistics = on_statistics
        self._clock = clock
        self._mapper = AmiEventMapper(settings.interface, clock=clock)
        self._ids = itertools.count(1)
        self._state = ConnectionState(ConnectionStatus.DISCONNECTED, "not started")
        self._state_changed = threading.Condition()
        self._login_error: AmiLoginFailed | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main_task: asyncio.Task[Any] | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._pending: dict[str, PendingAction] = {}
        self._side_tasks: set[asyncio.Task[None]] = set()
        self._logged_in_this_session = False
        self.server_version = ""

    def __repr__(self) -> str:
        s = self.settings
        return f"<AmiClient {s.username}@{s.host}:{s.port} {s.interface} {self._state.state.value}>"

    @property
    def _address(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    # -- thread-side API -------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the AMI client was already started")
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name=f"ami-client-{self._address}", daemon=True
        )
        self._thread.start()
        ready.wait(timeout=10)

    def stop(self, timeout: float = 5.0) -> None:
        """Log off, close the connection and end the thread (idempotent)."""
        thread = self._thread
        if thread is None:
            return
        loop, task = self._loop, self._main_task
        if loop is not None and task is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended (refused login)
                loop.call_soon_threadsafe(task.cancel)
        if threading.current_thread() is thread:
            return  # called from a callback: the loop ends once the callback returns
        thread.join(timeout)
        if thread.is_alive():
            log.warning("AMI client thread did not end within %s s", timeout)

    @property
    def state(self) -> ConnectionState:
        with self._state_changed:
            return self._state

    def wait_connected(self, timeout: float) -> None:
        """Block until logged in. Raises :class:`AmiLoginFailed` when the login was refused and
        :class:`TimeoutError` when no connection came within *timeout* seconds."""
        done = (ConnectionStatus.CONNECTED, ConnectionStatus.LOGIN_FAILED)
        with self._state_changed:
            if not self._state_changed.wait_for(lambda: self._state.state in done, timeout):
                raise TimeoutError(f"no AMI connection to {self._address} after {timeout} s: {self._state.detail}")
            if self._state.state is ConnectionStatus.LOGIN_FAILED:
                assert self._login_error is not None
                raise self._login_error

    def queue_status(self, queue: str | None = None) -> concurrent.futures.Future[list[QueueStats]]:
        """Ask for queue figures (all queues, or one). The figures also go to ``on_statistics``."""
        loop = self._loop
        if loop is not None and self._main_task is not None and not self._main_task.done():
            coro = self._queue_status(queue)
            try:
                return asyncio.run_coroutine_threadsafe(coro, loop)
            except RuntimeError:  # the loop closed meanwhile
                coro.close()
        failed: concurrent.futures.Future[list[QueueStats]] = concurrent.futures.Future()
        failed.set_exception(AmiNotConnected("the AMI client is not running"))
        return failed

    # -- the loop --------------------------------------------------------------------------

    def _run(self, ready: threading.Event) -> None:
        try:
            asyncio.run(self._main(ready))
        except Exception:
            log.exception("AMI client ended by an unexpected error")
        finally:
            ready.set()

    async def _main(self, ready: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._main_task = asyncio.current_task()
        ready.set()
        attempt = 0
        failures = 0
        try:
            while True:
                self._publish(ConnectionStatus.CONNECTING, self._address)
                try:
                    await self._session()
                except AmiLoginFailed as exc:
                    self._login_error = exc
                    detail = f"{exc} ({exc.server_message})" if exc.server_message else str(exc)
                    log.error("%s at %s; not retrying until the secret is changed", exc, self._address)
                    self._publish(ConnectionStatus.LOGIN_FAILED, detail)
                    return
                except (OSError, TimeoutError, AmiConnectionLost) as exc:
                    reason = _describe(exc)
                    logged_in = self._logged_in_this_session
                    if logged_in:
                        log.warning("AMI connection to %s lost: %s", self._address, reason)
                    elif failures == 0:
                        log.warning("cannot reach the AMI at %s: %s", self._address, reason)
                    else:
                        log.info("still cannot reach the AMI at %s: %s", self._address, reason)
                    failures = 0 if logged_in else failures + 1
                except Exception as exc:
                    log.exception("AMI session at %s failed", self._address)
                    reason, logged_in = f"internal error: {exc!r}", False
                if logged_in:
                    attempt = 0
                delay = min(self.settings.reconnect_max, self.settings.reconnect_initial * 2**attempt)
                delay *= random.uniform(0.5, 1.0)
                attempt += 1
                self._publish(ConnectionStatus.DISCONNECTED, f"{reason}; retrying in {delay:.1f} s")
                await asyncio.sleep(delay)
        except asyncio.CancelledError:
            self._publish(ConnectionStatus.DISCONNECTED, "stopped")
        finally:
            for task in self._side_tasks:
                task.cancel()
            await asyncio.gather(*self._side_tasks, return_exceptions=True)

    async def _session(self) -> NoReturn:
        """One connection: banner, login, then events until it is lost (raises why)."""
        s = self.settings
        self._logged_in_this_session = False
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(s.host, s.port, limit=MAX_LINE), s.connect_timeout
        )
        self._writer = writer
        frames = AmiReader(reader)
        tasks: list[asyncio.Task[None]] = []
        try:
            banner = await asyncio.wait_for(frames.banner(), s.action_timeout)
            if not banner.startswith(BANNER_PREFIX):
                raise AmiProtocolError(
                    f"{self._address} is not an Asterisk Manager Interface (it began with {banner[:40]!r})"
                )
            self.server_version = banner[len(BANNER_PREFIX) :].strip()
            await self._login(frames)
            self._logged_in_this_session = True
            log.info("AMI logged in at %s as %r (AMI %s)", self._address, s.username, self.server_version)
            self._publish(ConnectionStatus.CONNECTED, f"{self._address} (AMI {self.server_version})")
            tasks.append(asyncio.create_task(self._read_events(frames)))
            tasks.append(asyncio.create_task(self._keepalive()))
            if s.queue_status_interval:
                tasks.append(asyncio.create_task(self._poll_queue_status(s.queue_status_interval)))
            if self._mapper.open_desk_calls():
                self._spawn(self._reconcile())
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                failure = task.exception()
                if failure is not None:
                    raise failure
            raise AmiConnectionLost("the AMI session ended")  # not reached: the reader only ends by raising
        except asyncio.CancelledError:
            if self._logged_in_this_session and not writer.is_closing():
                with contextlib.suppress(Exception):
                    await self._request({"Action": "Logoff"}, timeout=1.0)
            raise
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for pending in self._pending.values():
                if not pending.future.done():
                    pending.future.set_exception(AmiConnectionLost("the AMI connection closed"))
            self._pending.clear()
            self._writer = None
            writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1.0)

    async def _login(self, frames: AmiReader) -> None:
        s = self.settings
        action_id = self._next_id()
        self._write(
            {
                "Action": "Login",
                "ActionID": action_id,
                "Username": s.username,
                "Secret": self._secret,
                "Events": s.events,
            }
        )
        while True:
            msg = await asyncio.wait_for(frames.next(), s.action_timeout)
            if msg.get("actionid") == action_id or ("response" in msg and "actionid" not in msg):
                break
        if msg.get("response", "").lower() != "success":
            raise AmiLoginFailed(s.username, msg.get("message", ""))

    async def _read_events(self, frames: AmiReader) -> None:
        while True:
            msg = await frames.next()
            pending = self._pending.get(msg.get("actionid", ""))
            if pending is not None:
                pending.feed(msg)
            elif "event" in msg:
                try:
                    routed = self._mapper.feed(msg)
                except Exception:
                    log.exception("could not read AMI event %s", msg.get("event"))
                    continue
                for r in routed:
                    self._deliver(r)

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(self.settings.ping_interval)
            try:
                await self._request({"Action": "Ping"})
            except TimeoutError:
                raise AmiConnectionLost(f"no answer to Ping within {self.settings.action_timeout} s") from None

    async def _poll_queue_status(self, interval: float) -> None:
        while True:
            try:
                await self._queue_status(None)
            except TimeoutError:
                raise AmiConnectionLost("no answer to QueueStatus") from None
            except AmiNotConnected:
                return
            except AmiError as exc:  # e.g. the AMI user may not read queues: no statistics, calls still pop
                log.warning("stopped polling queue figures: %s", exc)
                return
            await asyncio.sleep(interval)

    async def _queue_status(self, queue: str | None) -> list[QueueStats]:
        action = {"Action": "QueueStatus"}
        if queue:
            action["Queue"] = queue
        response, items = await self._request(action, as_list=True)
        if response.get("response", "").lower() != "success":
            raise AmiError(f"QueueStatus refused: {response.get('message', '')}")
        try:
            stats = queue_stats_from_list(items, self._clock())
        except Exception:
            log.exception("could not read the QueueStatus answer")
            return []
        for st in stats:
            self._deliver(Routed(st, False))
        return stats

    async def _reconcile(self) -> None:
        """After a reconnect, end the desk's calls whose channels vanished meanwhile."""
        try:
            response, items = await self._request({"Action": "CoreShowChannels"}, as_list=True)
        except (TimeoutError, AmiError) as exc:
            log.info("could not list channels after reconnecting: %s", _describe(exc))
            return
        if response.get("response", "").lower() != "success":
            log.info("CoreShowChannels refused: %s", response.get("message", ""))
            return
        live = {e.get("uniqueid", "") for e in items}
        for r in self._mapper.forget_vanished(live):
            self._deliver(r)

    # -- plumbing --------------------------------------------------------------------------

    def _next_id(self) -> str:
        return f"agentdesk-{next(self._ids)}"

    def _write(self, fields: dict[str, str]) -> None:
        if self._writer is None or self._writer.is_closing():
            raise AmiNotConnected("not connected to the AMI")
        log.debug("AMI action %s %s", fields.get("Action"), fields.get("ActionID"))  # never the fields
        self._writer.write(encode_action(fields))

    async def _request(
        self, fields: dict[str, str], *, as_list: bool = False, timeout: float | None = None
    ) -> tuple[dict[str, str], list[dict[str, str]]]:
        action_id = self._next_id()
        pending = PendingAction(as_list)
        self._pending[action_id] = pending
        try:
            self._write({**fields, "ActionID": action_id})
            return await asyncio.wait_for(pending.future, timeout or self.settings.action_timeout)
        finally:
            self._pending.pop(action_id, None)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._side_tasks.add(task)
        task.add_done_callback(self._side_tasks.discard)

    def _publish(self, status: ConnectionStatus, detail: str) -> None:
        state = ConnectionState(status, detail, self._clock())
        with self._state_changed:
            self._state = state
            self._state_changed.notify_all()
        self._deliver(Routed(state, True))

    def _deliver(self, routed: Routed) -> None:
        targets = [self._on_event] if routed.for_desk else []
        if self._on_statistics is not None:
            targets.append(self._on_statistics)
        for callback in targets:
            try:
                callback(routed.event)
            except Exception:
                log.exception("AMI event callback failed on %s", type(routed.event).__name__)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError) and not str(exc):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    return str(exc) or type(exc).__name__
