"""The one way the desktop runs work off the UI thread (in the spirit of Anki's CollectionOp).

::

    bg = Background(parent, on_error=errors.report)

    bg.read(search.search, "virtanen").success(self._show).failure(self._show_error)
    bg.write(register.update, customer_id, version, draft).success(self._saved)
    events = bg.channel(self._phone_event, owner=self)   # events.send(e) from any thread

Every way back to the UI thread goes through here: results of reads, writes and network calls
(``read``/``write`` return an :class:`Op` [T]) and events that other threads produce (the phone's
AMI client, a plugin's answer, a mailbox watcher: :meth:`Background.channel`). ``on_success`` /
``on_failure`` are the same as ``success`` / ``failure``.

- ``read`` runs on a small thread pool (database reads, back-end and network calls, file scans);
  ``write`` runs on a single-thread pool, so database writes happen one at a time, in order.
- The callbacks run on the UI thread: the worker hands its outcome to a QObject that lives on
  the UI thread through a queued signal. Call ``read``/``write`` from the UI thread and attach
  the callbacks in the same statement; nothing is delivered before control returns to the
  event loop.
- A failure with no ``on_failure`` handler (or a callback that raises) goes to the one standard
  error path, ``on_error`` (the error dialog in the desktop; ``sys.excepthook`` by default).
- Pass ``owner=`` a QObject (a tab, a model) when the callbacks are lambdas: once the owner is
  deleted, its results are dropped. Bound methods of a QObject are checked the same way.
- Staleness: pass ``token=`` a :class:`CancelToken`. A job whose token was cancelled before it
  started does not run, and its result is dropped if it was cancelled while running.
  :class:`LatestOnly` hands out tokens so that only the newest request is delivered
  (search as you type). A callback bound to a QObject that has since been deleted (a closed tab)
  is dropped too.
- ``wait_idle()`` runs until every job has been delivered (tests, shutdown); ``shutdown()``
  drops queued jobs, waits for running ones and stops the pool threads. Nothing is delivered
  after ``shutdown()`` began, and a new job is refused (:class:`BackgroundClosed`): code that may
  run while the desk closes (a timer, a late callback) checks ``closed`` first and starts
  nothing. A callback that is cut short by it (the desk closed while it ran) is dropped quietly.

- Change notices: a write whose result says what it changed (:func:`agentdesk.changes.changes_of`:
  a :class:`~agentdesk.changes.Changes`, or a result with ``.changes``) has it published once, on the
  UI thread, through ``publish`` (the desk's :class:`agentdesk_desktop.change_bus.ChangeBus`) before its own
  ``success`` callback runs, even if the view that asked for the write has closed meanwhile.

Keyword arguments for the job go through ``functools.partial`` or a lambda, so that ``token``
never collides with an argument of the job.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, Generic, NoReturn, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal, Slot

from agentdesk.changes import Changes, changes_of

log = logging.getLogger(__name__)

T = TypeVar("T")
ErrorHandler = Callable[[BaseException], None]
Publisher = Callable[[Changes], None]
EVENT = "event"  # Op.kind of a value sent through a Channel

READ_THREADS = 4
THREAD_PREFIX = "agentdesk-"


class BackgroundClosed(RuntimeError):
    """A job was submitted after :meth:`Background.shutdown`: the desk is closing."""


class CancelToken:
    """Marks a request as no longer wanted. Thread-safe; the job may poll ``cancelled``."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class LatestOnly:
    """Hands out tokens so that only the newest request counts: ``next()`` cancels the previous one."""

    __slots__ = ("_current",)

    def __init__(self) -> None:
        self._current: CancelToken | None = None

    def next(self) -> CancelToken:
        self.cancel()
        self._current = CancelToken()
        return self._current

    def cancel(self) -> None:
        if self._current is not None:
            self._current.cancel()
            self._current = None


def _receiver_gone(callback: Callable[..., object]) -> bool:
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


class Op(Generic[T]):
    """One job handed to :class:`Background`, whose result is a ``T``. Attach callbacks with
    ``success``/``failure`` (or their older names ``on_success``/``on_failure``)."""

    def __init__(
        self, background: Background, fn: Callable[..., T], args: tuple[Any, ...], token: CancelToken | None, kind: str
    ) -> None:
        self._background = background
        self.fn, self.args, self.token, self.kind = fn, args, token, kind
        self.id = 0
        self.owner: QObject | None = None  # callbacks are dropped once this QObject is deleted
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.channel: Channel[Any] | None = None  # for an EVENT: the channel it came through
        self.done = False
        # Set by the worker thread, read on the UI thread after the queued signal arrived.
        self._ok = False
        self._value: Any = None
        self._error: BaseException | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._failure = callback
        return self

    on_success = success
    on_failure = failure

    def cancel(self) -> None:
        if self.token is None:
            self.token = CancelToken()
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token is not None and self.token.cancelled

    def __repr__(self) -> str:
        name = getattr(self.fn, "__qualname__", type(self.fn).__name__)
        return f"<Op {self.id} {self.kind} {name}>"


class Channel(Generic[T]):
    """Values another thread produces (phone events, a plugin's answer), delivered to ``callback`` on
    the UI thread through the same bridge as every job's result: in order, never after
    :meth:`close` or the helper's shutdown, never once ``owner`` (or the callback's QObject) is
    deleted. :meth:`send` may be called from any thread; it only posts the value."""

    def __init__(self, background: Background, callback: Callable[[T], None], owner: QObject | None) -> None:
        self._bridge = background._bridge
        self._callback: Callable[[T], None] | None = callback
        self._owner = owner
        self.closed = False

    def send(self, value: T) -> None:
        if self.closed:
            return
        op: Op[T] = Op(self._bridge.background, _no_job, (), None, EVENT)
        op.channel, op._ok, op._value = self, True, value
        self._bridge.finished.emit(op)

    def close(self) -> None:
        """No more deliveries; the callback and owner are let go (call it on the UI thread)."""
        self.closed = True
        self._callback, self._owner = None, None

    def _target(self) -> tuple[Callable[[T], None] | None, QObject | None]:
        return self._callback, self._owner


def _no_job() -> NoReturn:
    """The ``fn`` of a channel's event: its value comes with it, it never runs on a pool."""
    raise AssertionError("an event is delivered, never run")


def _job(op: Op[Any], bridge: _Bridge) -> Callable[[], None]:
    """The work for a pool thread, as a plain callable: PySide6 keeps the Python wrapper of a
    QRunnable subclass alive for good when its auto-deletion races the next start (about one job
    in ten under a 2-second dashboard refresh); a callable leaves nothing behind. The operation
    travels to the UI thread in the signal, so a pool thread never holds the last reference to it
    (its owner and callbacks are let go on the UI thread, never on a worker)."""

    box = [op]

    def run() -> None:
        job = box.pop()
        try:
            if not job.cancelled:
                job._value = job.fn(*job.args)
                job._ok = True
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI thread
            job._error = exc
        finally:
            bridge.finished.emit(job)
            del job  # from here on only the queued signal holds it

    return run


class _Bridge(QObject):
    """Lives on the UI thread; workers emit ``finished``, and the queued call of
    ``Background._deliver`` is posted to the Background object, which lives there too."""

    finished = Signal(object)

    def __init__(self, background: Background) -> None:
        super().__init__(background)
        self.background = background


class Background(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        on_error: ErrorHandler | None = None,
        read_threads: int = READ_THREADS,
        publish: Publisher | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("background")
        self._on_error = on_error
        self.publish = publish  # where change notices of writes go (the desk's ChangeBus.publish)
        self._channels: weakref.WeakSet[Channel[Any]] = weakref.WeakSet()
        self._reads = QThreadPool(self)
        self._reads.setObjectName(f"{THREAD_PREFIX}read")  # names the threads (ps, gdb, leak checks)
        self._reads.setMaxThreadCount(read_threads)
        self._writes = QThreadPool(self)
        self._writes.setObjectName(f"{THREAD_PREFIX}write")
        self._writes.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._pending: dict[int, Op[Any]] = {}
        self._closed = False

    # -- submitting ------------------------------------------------------------------------------

    def read(
        self, fn: Callable[..., T], *args: Any, token: CancelToken | None = None, owner: QObject | None = None
    ) -> Op[T]:
        """Run ``fn(*args)`` on the read pool (database reads, network, files)."""
        return self._submit(self._reads, "read", fn, args, token, owner)

    def write(
        self, fn: Callable[..., T], *args: Any, token: CancelToken | None = None, owner: QObject | None = None
    ) -> Op[T]:
        """Run ``fn(*args)`` on the single writer thread: database writes, one at a time, in order."""
        return self._submit(self._writes, "write", fn, args, token, owner)

    def channel(self, callback: Callable[[T], None], *, owner: QObject | None = None) -> Channel[T]:
        """A way for another thread to hand values to ``callback`` on the UI thread (see :class:`Channel`)."""
        if self._closed:
            raise BackgroundClosed("the background helper has been shut down")
        channel: Channel[T] = Channel(self, callback, owner)
        self._channels.add(channel)
        return channel

    def _submit(
        self,
        pool: QThreadPool,
        kind: str,
        fn: Callable[..., T],
        args: tuple[Any, ...],
        token: CancelToken | None,
        owner: QObject | None,
    ) -> Op[T]:
        if self._closed:
            raise BackgroundClosed("the background helper has been shut down")
        op: Op[T] = Op(self, fn, args, token, kind)
        op.owner = owner
        op.id = next(self._ids)
        self._pending[op.id] = op
        pool.start(_job(op, self._bridge))
        return op

    # -- delivering (UI thread) ----------------------------------------------------------------

    @Slot(object)
    def _deliver(self, op: Op[Any]) -> None:
        if op.kind == EVENT:
            self._deliver_event(op)
            return
        if self._pending.pop(op.id, None) is None:
            return
        op.done = True
        if self._closed:
            log.debug("dropped result of %r: the background helper has been shut down", op)
            return
        if op.cancelled:
            log.debug("dropped stale result of %r", op)
            return
        if op._ok:
            callback, value = op._success, op._value
            if op.kind == "write" and self.publish is not None:
                changes = changes_of(value)
                if changes:
                    self._call(self.publish, changes, op)
        else:
            error = op._error
            if error is None:  # neither value nor error: a job skipped as cancelled, dropped above
                return
            if op._failure is None:
                self._unhandled(error)
                return
            callback, value = op._failure, error
        if callback is None:
            return
        if _receiver_gone(callback) or (op.owner is not None and not shiboken6.isValid(op.owner)):
            log.debug("dropped result of %r: its receiver was deleted", op)
            return
        self._call(callback, value, op)

    def _deliver_event(self, op: Op[Any]) -> None:
        channel = op.channel
        op.channel = None
        if self._closed or channel is None or channel.closed:
            return
        callback, owner = channel._target()
        if callback is None or _receiver_gone(callback) or (owner is not None and not shiboken6.isValid(owner)):
            return
        self._call(callback, op._value, op)

    def _call(self, callback: Callable[[Any], None], value: Any, op: Op[Any]) -> None:
        try:
            callback(value)
        except BackgroundClosed:
            # The desk closed while the callback ran (a slot it signalled shut it down); the work
            # the callback went on to start is not wanted any more.
            log.debug("%r: its callback was cut short by the shutdown", op)
        except Exception as exc:  # noqa: BLE001 - a broken callback must not break delivery
            self._unhandled(exc)

    def _unhandled(self, exc: BaseException) -> None:
        if self._on_error is not None:
            self._on_error(exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    # -- waiting and stopping ------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """True once shutdown() began: no job is accepted and no result delivered any more."""
        return self._closed

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Run until every submitted job has finished and been delivered (callbacks may submit
        more). True when idle, False on timeout."""
        deadline = time.monotonic() + timeout
        while self._pending:
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0:
                return False
            self._reads.waitForDone(min(remaining_ms, 50))
            self._writes.waitForDone(min(remaining_ms, 50))
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return True

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Drop queued jobs, let running ones finish (their results are dropped) and stop the
        pool threads. True when every thread stopped in time."""
        self._closed = True
        for channel in list(self._channels):
            channel.close()
        for op in self._pending.values():
            op.cancel()
        self._reads.clear()
        self._writes.clear()
        ms = int(timeout * 1000)
        done = self._reads.waitForDone(ms) and self._writes.waitForDone(ms)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        self._pending.clear()
        if not done:
            log.warning("background jobs still running at shutdown")
        return done

    @property
    def active_threads(self) -> int:
        return self._reads.activeThreadCount() + self._writes.activeThreadCount()
