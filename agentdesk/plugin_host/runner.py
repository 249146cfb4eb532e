"""Running plugin calls safely: deadlines, retries, a circuit breaker, a short cache, cancellation.

Plugin code runs on a thread of its own per call (a hung plugin cannot starve the others); the
host waits for it until the deadline and then reports the panel as not answering. Nothing a
plugin returns is trusted: a wrong type or a protected address in its output turns the panel into
an error state. Results reach the caller through a callback on a worker thread; the desk moves
them to the UI thread.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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


@dataclass
class CallHandle:
    cancel_event: threading.Event
    future: Future[None] | None = None

    def cancel(self) -> None:
        self.cancel_event.set()


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
    cache_key: tuple[object, ...] | None = None
    # A protected street address: output naming it (folded, any spacing: address_guard) is refused.
    forbidden_text: tuple[str, ...] = ()
    grace: float = 1.0  # seconds past call.timeout before the host gives up on the plugin
    on_timeout: Callable[[], None] | None = None
    extra: dict[str, object] = field(default_factory=dict)


class PluginCallRunner:
    def __init__(self, *, max_workers: int = 4, cache_ttl: float = 60.0,
                 clock: Callable[[], float] = time.monotonic, breaker_threshold: int = 3,
                 breaker_cooldown: float = 30.0) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="plugin-call")
        self._cache: dict[tuple[object, ...], _CacheEntry] = {}
        self._cache_lock = threading.Lock()
        self._breakers: dict[str, CircuitBreaker] = {}
        self._ttl, self._clock = cache_ttl, clock
        self._breaker_args = (breaker_threshold, breaker_cooldown)
        self._closed = False

    def breaker(self, key: str) -> CircuitBreaker:
        if key not in self._breakers:
            self._breakers[key] = CircuitBreaker(*self._breaker_args, clock=self._clock)
        return self._breakers[key]

    def forget(self, *, customer_id: int | None = None, prefix: str | None = None) -> None:
        with self._cache_lock:
            for k in list(self._cache):
                if (customer_id is None or customer_id in k) and (prefix is None or str(k[0]).startswith(prefix)):
                    del self._cache[k]

    def submit(self, spec: CallSpec, done: Callable[[CallOutcome], None]) -> CallHandle:
        handle = CallHandle(spec.call.cancel_event)
        if self._closed:
            done(CallOutcome(PanelState.CANCELLED))
            return handle
        handle.future = self._pool.submit(self._run_and_report, spec, done)
        return handle

    def call(self, spec: CallSpec) -> CallOutcome:
        """Run synchronously on the calling (worker) thread."""
        return self._run(spec)

    def _run_and_report(self, spec: CallSpec, done: Callable[[CallOutcome], None]) -> None:
        outcome = self._run(spec)
        try:
            done(outcome)
        except Exception:  # the receiver's problem must not kill the pool thread silently
            log.exception("panel result handler failed for %s", spec.key)

    def _run(self, spec: CallSpec) -> CallOutcome:
        started = self._clock()
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
                return CallOutcome(PanelState.ERROR, error_kind="circuit_open", attempts=attempts,
                                   error=f"back end unavailable; next try in {breaker.retry_in():.0f} s")
            attempts += 1
            last = self._attempt(spec)
            last = CallOutcome(last.state, last.value, last.error, last.error_kind, False,
                               self._clock() - started, attempts)
            if last.state is not PanelState.ERROR:
                breaker.success()
                if spec.cache_key is not None and isinstance(last.value, PanelData):
                    with self._cache_lock:
                        self._cache[spec.cache_key] = _CacheEntry(self._clock(), last.value)
                return last
            if last.error_kind == "timeout":
                breaker.failure()
                return last  # a call that overran its deadline is not repeated
            if last.error_kind == "unavailable":
                breaker.failure()
            elif last.error_kind == "backend":
                pass  # it answered: the breaker stays closed
            else:
                return last  # plugin bugs, garbage and leaks are not retried
            if attempts <= spec.retries:
                spec.call.cancel_event.wait(0.2 * attempts)
        return last

    def _attempt(self, spec: CallSpec) -> CallOutcome:
        box: dict[str, object] = {}
        raised: list[BaseException] = []
        # Each attempt has its own stop flag: a timed-out attempt is told to stop without
        # cancelling the whole call.
        attempt_call = dataclasses.replace(spec.call, cancel_event=threading.Event())

        def target() -> None:
            try:
                box["value"] = spec.fn(attempt_call)
            except BaseException as exc:  # noqa: BLE001 - everything a plugin raises is contained
                raised.append(exc)

        worker = threading.Thread(target=target, name=f"plugin:{spec.key}", daemon=True)
        worker.start()
        deadline = spec.call.timeout + spec.grace
        end = time.monotonic() + deadline
        while worker.is_alive():
            remaining = end - time.monotonic()
            if remaining <= 0 or spec.call.cancel_event.is_set():
                break
            worker.join(min(remaining, 0.05))
        if worker.is_alive():
            attempt_call.cancel_event.set()  # ask it to stop; the thread is abandoned
            if spec.call.cancel_event.is_set():
                return CallOutcome(PanelState.CANCELLED)
            if spec.on_timeout:
                spec.on_timeout()
            return CallOutcome(PanelState.ERROR, error=f"no answer within {deadline:.0f} s", error_kind="timeout")
        if raised:
            exc = raised[0]
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
            log.error("plugin %s raised %s", spec.key, type(exc).__name__,
                      exc_info=(type(exc), exc, exc.__traceback__))
            return CallOutcome(PanelState.ERROR, error=f"the plugin failed ({type(exc).__name__})",
                               error_kind="plugin")
        value = box.get("value")
        if spec.call.cancel_event.is_set():
            return CallOutcome(PanelState.CANCELLED)
        problem = _check_value(value, spec.expect)
        if problem:
            return CallOutcome(PanelState.ERROR, error=f"the plugin returned data the desk cannot show ({problem})",
                               error_kind="garbage")
        if spec.forbidden_text and AddressGuard(spec.forbidden_text).mentions(value):
            return CallOutcome(PanelState.ERROR, error="the panel tried to show a protected address",
                               error_kind="protected")
        return _classify(value)

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


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
