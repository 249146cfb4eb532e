"""Running plugin calls safely: deadlines, retries, a circuit breaker, a short cache, cancellation.

Each call runs on a thread of its own (a hung plugin cannot starve the others), which makes its
attempts one after the other and hands the outcome to ``done``. One watchdog thread per runner owns
every deadline and every cancellation: when an attempt overruns, or the caller cancels, the
watchdog settles the call (``done`` gets the timeout or the cancellation at once) and tells the
plugin to stop; whatever the abandoned attempt returns later is dropped. So a call crosses no more
threads than its own: ``done`` runs there (or, at a deadline, on the watchdog) and the desk sends it
on to the UI thread through its one bridge. Nothing a plugin returns is trusted: a wrong type or a
protected address in its output turns the panel into an error state.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum

from agentdesk.plugin_api import BackendError, BackendUnavailable, CallContext, Cancelled, PanelData
from agentdesk.plugin_host.address_guard import AddressGuard

log = logging.getLogger(__name__)


class PanelState(str, Enum):
    DATA = "data"
    EMPTY = "empty"
    ERROR = "error"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CallOutcome:
    state: PanelState
    value: object = None  # PanelData for panels, FormSpec/ActionResult for actions
    error: str = ""
    error_kind: str = ""  # unavailable, backend, timeout, plugin, garbage, circuit_open, protected
    from_cache: bool = False
    elapsed: float = 0.0
    attempts: int = 0


class CircuitBreaker:
    """Opens after ``threshold`` consecutive failures to reach a back end; lets one call through
    after ``cooldown`` seconds (half-open) and closes again on success."""

    def __init__(self, threshold: int = 3, cooldown: float = 30.0, clock: Callable[[], float] = time.monotonic):
        self.threshold, self.cooldown, self._clock = threshold, cooldown, clock
        self._failures = 0
        self._opened_at: float | None = None
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            if self._opened_at is None:
                return True
            if self._clock() - self._opened_at >= self.cooldown:
                self._opened_at = self._clock()  # half-open: one trial, then wait again
                return True
            return False

    def retry_in(self) -> float:
        with self._lock:
            if self._opened_at is None:
                return 0.0
            return max(0.0, self.cooldown - (self._clock() - self._opened_at))

    def success(self) -> None:
        with self._lock:
            self._failures, self._opened_at = 0, None

    def failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold:
                self._opened_at = self._clock()

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._opened_at is not None


class CallHandle:
    """The caller's hold on a submitted call: :meth:`cancel` stops it (from any thread); ``done`` then
    gets a CANCELLED outcome at once, from the watchdog, unless the call had already finished."""

    def __init__(self, cancel_event: threading.Event, on_cancel: Callable[[], None] | None = None) -> None:
        self.cancel_event = cancel_event
        self._on_cancel = on_cancel

    def cancel(self) -> None:
        self.cancel_event.set()
        if self._on_cancel is not None:
            self._on_cancel()


@dataclass
class _CacheEntry:
    at: float
    value: PanelData


@dataclass
class CallSpec:
    """One call into a plugin."""

    key: str  # e.g. "health.summary"
    breaker_key: str  # the back end: one breaker per plugin
    fn: Callable[[CallContext], object]
    call: CallContext
    expect: type
    retries: int = 0  # extra attempts for idempotent reads
    cache_key: tuple[object, ...] | None = None  # (panel key, customer id, ...): forget() matches on both
    # A protected street address: output naming it (folded, any spacing: address_guard) is refused.
    forbidden_text: tuple[str, ...] = ()
    grace: float = 1.0  # seconds past call.timeout before the host gives up on the plugin
    on_timeout: Callable[[], None] | None = None
    before: Callable[[], None] | None = None  # on the call's thread before the first attempt (an audit entry)
    extra: dict[str, object] = field(default_factory=dict)


class _Call:
    """One call in flight. Settled once: by its own thread (the outcome), or by the watchdog (its
    attempt overran the deadline, or it was cancelled)."""

    def __init__(self, spec: CallSpec, done: Callable[[CallOutcome], None], started: float) -> None:
        self.spec, self.done, self.started = spec, done, started
        self.lock = threading.Lock()
        self.settled = False
        self.attempts = 0
        self.deadline: float | None = None  # time.monotonic() by which the running attempt must answer
        self.stop_attempt: threading.Event | None = None  # the running attempt's own stop flag

    def begin_attempt(self, stop: threading.Event, deadline: float) -> bool:
        with self.lock:
            if self.settled:
                return False
            self.attempts += 1
            self.stop_attempt, self.deadline = stop, deadline
            return True

    def end_attempt(self) -> bool:
        """The attempt answered in time: False when the watchdog settled the call meanwhile."""
        with self.lock:
            self.deadline = None
            return not self.settled

    def overdue(self, now: float) -> bool:
        """Claim the call for the watchdog if its running attempt is past the deadline."""
        with self.lock:
            if self.settled or self.deadline is None or self.deadline > now:
                return False
            self.settled = True
            return True

    def settle(self, outcome: CallOutcome) -> bool:
        with self.lock:
            if self.settled:
                return False
            self.settled = True
        self.deliver(outcome)
        return True

    def deliver(self, outcome: CallOutcome) -> None:
        """Hand the outcome over once the call is settled (by whoever claimed it)."""
        with self.lock:
            self.deadline = None
            stop = self.stop_attempt
        if stop is not None:
            stop.set()  # ask a plugin still at work to stop; its answer is dropped
        try:
            self.done(outcome)
        except Exception:  # the receiver's problem must not kill the thread silently
            log.exception("panel result handler failed for %s", self.spec.key)


class _Watchdog:
    """The one thread that owns the deadlines and cancellations of every call of a runner. Started with
    the first call, stopped by :meth:`stop`."""

    def __init__(self, on_due: Callable[[_Call], None]) -> None:
        self._on_due = on_due
        self._wake = threading.Condition()
        self._calls: set[_Call] = set()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def watch(self, call: _Call) -> None:
        with self._wake:
            if self._stopped:
                return
            self._calls.add(call)
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="plugin-watchdog", daemon=True)
                self._thread.start()
            self._wake.notify()

    def forget(self, call: _Call) -> None:
        with self._wake:
            self._calls.discard(call)

    def poke(self) -> None:
        """Look again now (an attempt began, a call was cancelled)."""
        with self._wake:
            self._wake.notify()

    def in_flight(self) -> list[_Call]:
        with self._wake:
            return list(self._calls)

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._calls.clear()
            thread, self._thread = self._thread, None
            self._wake.notify()
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _loop(self) -> None:
        while True:
            with self._wake:
                if self._stopped:
                    return
                now = time.monotonic()
                due = [
                    c
                    for c in self._calls
                    if c.spec.call.cancel_event.is_set() or (c.deadline is not None and c.deadline <= now)
                ]
                deadlines = [c.deadline for c in self._calls if c.deadline is not None]
                if not due:
                    self._wake.wait(min(deadlines) - now if deadlines else None)
                    continue
            for call in due:
                self._on_due(call)
                if call.settled:
                    self.forget(call)


class PluginCallRunner:
    def __init__(
        self,
        *,
        cache_ttl: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        breaker_threshold: int = 3,
        breaker_cooldown: float = 30.0,
    ) -> None:
        self._cache: dict[tuple[object, ...], _CacheEntry] = {}
        self._cache_lock = threading.Lock()
        self._breakers: dict[str, CircuitBreaker] = {}
        self._breakers_lock = threading.Lock()
        self._ttl, self._clock = cache_ttl, clock
        self._breaker_args = (breaker_threshold, breaker_cooldown)
        self._watchdog = _Watchdog(self._overdue)
        self._closed = False

    def breaker(self, key: str) -> CircuitBreaker:
        with self._breakers_lock:
            if key not in self._breakers:
                self._breakers[key] = CircuitBreaker(*self._breaker_args, clock=self._clock)
            return self._breakers[key]

    def forget(self, *, customer_id: int | None = None, prefix: str | None = None) -> None:
        with self._cache_lock:
            for k in list(self._cache):
                if (customer_id is None or customer_id in k) and (prefix is None or str(k[0]).startswith(prefix)):
                    del self._cache[k]

    def submit(self, spec: CallSpec, done: Callable[[CallOutcome], None]) -> CallHandle:
        """Start the call on a thread of its own; ``done(outcome)`` is called once, on that thread or
        (deadline, cancellation) on the watchdog."""
        handle = CallHandle(spec.call.cancel_event, self._watchdog.poke)
        if self._closed:
            done(CallOutcome(PanelState.CANCELLED))
            return handle
        call = _Call(spec, done, self._clock())
        self._watchdog.watch(call)
        threading.Thread(target=self._run_call, args=(call,), name=f"plugin:{spec.key}", daemon=True).start()
        return handle

    def call(self, spec: CallSpec) -> CallOutcome:
        """Run the call and wait for its outcome on the calling (worker) thread."""
        box: list[CallOutcome] = []
        finished = threading.Event()

        def settle(outcome: CallOutcome) -> None:
            box.append(outcome)
            finished.set()

        self.submit(spec, settle)
        finished.wait()
        return box[0]

    def _run_call(self, call: _Call) -> None:
        spec = call.spec
        try:
            if spec.before is not None and not spec.call.cancel_event.is_set():
                spec.before()
        except Exception as exc:  # noqa: BLE001 - nothing leaves unless the access was recorded
            log.error("%s was not sent: its access could not be recorded (%s)", spec.key, type(exc).__name__)
            outcome = CallOutcome(
                PanelState.ERROR, error=f"the access could not be recorded ({type(exc).__name__})", error_kind="plugin"
            )
        else:
            outcome = self._run(call)
        self._watchdog.forget(call)
        call.settle(outcome)

    def _overdue(self, call: _Call) -> None:  # the watchdog
        spec = call.spec
        if spec.call.cancel_event.is_set():
            call.settle(CallOutcome(PanelState.CANCELLED, attempts=call.attempts))
            return
        if not call.overdue(time.monotonic()):
            return  # it answered just in time
        deadline = spec.call.timeout + spec.grace
        # A call that overran its deadline is not repeated; the host counts it (and may disable a
        # plugin that keeps hanging) before the caller hears of it.
        self.breaker(spec.breaker_key).failure()
        if spec.on_timeout:
            try:
                spec.on_timeout()
            except Exception:
                log.exception("timeout handler failed for %s", spec.key)
        call.deliver(
            CallOutcome(
                PanelState.ERROR,
                error=f"no answer within {deadline:.0f} s",
                error_kind="timeout",
                elapsed=self._clock() - call.started,
                attempts=call.attempts,
            )
        )

    def _run(self, call: _Call) -> CallOutcome:
        spec, started = call.spec, call.started
        if spec.cache_key is not None:
            with self._cache_lock:
                entry = self._cache.get(spec.cache_key)
            if entry and self._clock() - entry.at <= self._ttl:
                return _classify(entry.value, from_cache=True)
        breaker = self.breaker(spec.breaker_key)
        attempts = 0
        last = CallOutcome(PanelState.ERROR, error="not called", error_kind="plugin")
        while attempts <= spec.retries:
            if spec.call.cancel_event.is_set():
                return CallOutcome(PanelState.CANCELLED, attempts=attempts)
            if not breaker.allow():
                return CallOutcome(
                    PanelState.ERROR,
                    error_kind="circuit_open",
                    attempts=attempts,
                    error=f"back end unavailable; next try in {breaker.retry_in():.0f} s",
                )
            attempts += 1
            answered = self._attempt(spec, call)
            if answered is None:
                return CallOutcome(PanelState.CANCELLED, attempts=attempts)  # settled by the watchdog: dropped
            last = answered
            last = CallOutcome(
                last.state, last.value, last.error, last.error_kind, False, self._clock() - started, attempts
            )
            if last.state is not PanelState.ERROR:
                breaker.success()
                if spec.cache_key is not None and isinstance(last.value, PanelData):
                    with self._cache_lock:
                        self._cache[spec.cache_key] = _CacheEntry(self._clock(), last.value)
                return last
            if last.error_kind == "unavailable":
                breaker.failure()
            elif last.error_kind == "backend":
                pass  # it answered: the breaker stays closed
            else:
                return last  # plugin bugs, garbage and leaks are not retried
            if attempts <= spec.retries:
                spec.call.cancel_event.wait(0.2 * attempts)
        return last

    def _attempt(self, spec: CallSpec, call: _Call) -> CallOutcome | None:
        """One attempt on the call's own thread, the watchdog holding its deadline; None when the
        watchdog settled the call meanwhile (timed out or cancelled)."""
        # Each attempt has its own stop flag: a timed-out attempt is told to stop without
        # cancelling the whole call.
        attempt_call = dataclasses.replace(spec.call, cancel_event=threading.Event())
        if not call.begin_attempt(attempt_call.cancel_event, time.monotonic() + spec.call.timeout + spec.grace):
            return None
        self._watchdog.poke()
        value: object = None
        error: BaseException | None = None
        try:
            value = spec.fn(attempt_call)
        except BaseException as raised:  # noqa: BLE001 - everything a plugin raises is contained
            error = raised
        if not call.end_attempt():
            return None
        if error is not None:
            exc = error
            if isinstance(exc, Cancelled):
                return CallOutcome(PanelState.CANCELLED)
            if isinstance(exc, BackendUnavailable):
                return CallOutcome(PanelState.ERROR, error=str(exc) or "back end unavailable", error_kind="unavailable")
            if isinstance(exc, BackendError):
                return CallOutcome(PanelState.ERROR, error=str(exc) or "back end error", error_kind="backend")
            if isinstance(exc, (KeyError, NotImplementedError)) and spec.expect is not PanelData:
                return CallOutcome(PanelState.ERROR, error="the plugin does not offer this", error_kind="plugin")
            from agentdesk.plugin_api import UserInputError

            if isinstance(exc, UserInputError):
                return CallOutcome(PanelState.ERROR, value=exc.errors, error=str(exc), error_kind="input")
            log.error("plugin %s raised %s", spec.key, type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
            return CallOutcome(PanelState.ERROR, error=f"the plugin failed ({type(exc).__name__})", error_kind="plugin")
        if spec.call.cancel_event.is_set():
            return CallOutcome(PanelState.CANCELLED)
        problem = _check_value(value, spec.expect)
        if problem:
            return CallOutcome(
                PanelState.ERROR,
                error=f"the plugin returned data the desk cannot show ({problem})",
                error_kind="garbage",
            )
        if spec.forbidden_text and AddressGuard(spec.forbidden_text).mentions(value):
            return CallOutcome(
                PanelState.ERROR, error="the panel tried to show a protected address", error_kind="protected"
            )
        return _classify(value)

    def close(self) -> None:
        """Cancel what is in flight (each ``done`` gets CANCELLED) and stop the watchdog."""
        self._closed = True
        for call in self._watchdog.in_flight():
            call.spec.call.cancel_event.set()
            call.settle(CallOutcome(PanelState.CANCELLED, attempts=call.attempts))
        self._watchdog.stop()


def _classify(value: object, from_cache: bool = False) -> CallOutcome:
    if isinstance(value, PanelData) and value.empty:
        return CallOutcome(PanelState.EMPTY, value, from_cache=from_cache)
    return CallOutcome(PanelState.DATA, value, from_cache=from_cache)


def _check_value(value: object, expect: type, depth: int = 0) -> str:
    """'' when value is a well-formed instance of the expected plugin_api dataclass."""
    if not isinstance(value, expect):
        return f"expected {expect.__name__}, got {type(value).__name__}"
    return _check_fields(value, depth)


def _check_fields(value: object, depth: int) -> str:
    if depth > 6:
        return "nested too deeply"
    if is_dataclass(value):
        for f in fields(value):
            problem = _check_fields(getattr(value, f.name), depth + 1)
            if problem:
                return f"{type(value).__name__}.{f.name}: {problem}"
        return ""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return ""
    if isinstance(value, tuple):
        for item in value:
            problem = _check_fields(item, depth + 1)
            if problem:
                return problem
        return ""
    if isinstance(value, dict):
        return "" if all(isinstance(k, str) for k in value) else "non-text keys"
    return f"unexpected {type(value).__name__}"
