"""The one helper for work off the UI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, QThread

from agentdesk_desktop.background import Background, CancelToken, LatestOnly


@pytest.fixture
def bg(qapp):
    errors: list[BaseException] = []
    helper = Background(None, on_error=errors.append)
    helper.errors = errors
    yield helper
    assert helper.shutdown(), "every thread stops at shutdown"
    assert helper.active_threads == 0
    helper.deleteLater()


def test_results_arrive_on_the_ui_thread(qtbot, bg):
    ran_on, delivered_on, results = [], [], []

    def job(a, b):
        ran_on.append(threading.get_ident())
        return a + b

    bg.read(job, 2, 3).on_success(lambda v: (results.append(v), delivered_on.append(QThread.currentThread())))
    assert bg.wait_idle()
    assert results == [5]
    assert ran_on[0] != threading.get_ident(), "the job ran off the UI thread"
    assert delivered_on == [qapp_thread()]


def qapp_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_failure_goes_to_the_handler_or_to_the_standard_error_path(qtbot, bg):
    handled = []
    bg.read(int, "not a number").on_failure(handled.append)
    bg.read(int, "also not")  # no handler: the standard error path
    assert bg.wait_idle()
    assert [type(e) for e in handled] == [ValueError]
    assert [type(e) for e in bg.errors] == [ValueError]


def test_a_callback_that_raises_goes_to_the_standard_error_path(qtbot, bg):
    def broken(_value):
        raise KeyError("callback bug")

    bg.read(lambda: 1).on_success(broken)
    assert bg.wait_idle()
    assert [type(e) for e in bg.errors] == [KeyError]


def test_writes_run_one_at_a_time_in_order(qtbot, bg):
    running, overlap, order = [0], [], []
    lock = threading.Lock()

    def write(i):
        with lock:
            running[0] += 1
            overlap.append(running[0])
        time.sleep(0.005)
        order.append(i)
        with lock:
            running[0] -= 1
        return i

    for i in range(10):
        bg.write(write, i)
    assert bg.wait_idle()
    assert order == list(range(10))
    assert max(overlap) == 1


def test_reads_run_in_parallel(qtbot, bg):
    barrier = threading.Barrier(3, timeout=5)
    for _ in range(3):
        bg.read(barrier.wait)  # would time out if the reads ran one after another
    assert bg.wait_idle()
    assert bg.errors == []


def test_a_cancelled_request_is_dropped(qtbot, bg):
    latest = LatestOnly()
    release = threading.Event()
    delivered = []

    def slow(value):
        release.wait(5)
        return value

    bg.read(slow, "old", token=latest.next()).on_success(delivered.append)
    bg.read(lambda: "new", token=latest.next()).on_success(delivered.append)
    qtbot.waitUntil(lambda: delivered == ["new"])
    release.set()
    assert bg.wait_idle()
    assert delivered == ["new"], "the older result arriving later is dropped"


def test_a_job_cancelled_before_it_starts_does_not_run(qtbot):
    bg = Background(None, read_threads=1)
    try:
        gate, ran = threading.Event(), []
        bg.read(gate.wait, 5)
        token = CancelToken()
        bg.read(ran.append, "ran", token=token).on_success(ran.append)
        token.cancel()
        gate.set()
        assert bg.wait_idle()
        assert ran == []
    finally:
        bg.shutdown()
        bg.deleteLater()


def test_results_for_a_deleted_receiver_are_dropped(qtbot, bg):
    class Receiver(QObject):
        def __init__(self):
            super().__init__()
            self.got = []

        def take(self, value):
            self.got.append(value)

    receiver = Receiver()
    gate = threading.Event()
    bg.read(gate.wait, 5).on_success(receiver.take)
    owned = Receiver()
    bg.read(gate.wait, 5, owner=owned).on_success(lambda v: owned.got.append(v))
    import shiboken6

    shiboken6.delete(receiver)
    shiboken6.delete(owned)
    gate.set()
    assert bg.wait_idle()
    assert bg.errors == []


def test_shutdown_drops_queued_work_and_refuses_more(qtbot):
    bg = Background(None, read_threads=1)
    gate, ran = threading.Event(), []
    bg.read(gate.wait, 5)
    for i in range(5):
        bg.read(ran.append, i)
    threading.Timer(0.05, gate.set).start()
    assert bg.shutdown()
    assert ran == []
    with pytest.raises(RuntimeError):
        bg.read(print)
    bg.deleteLater()
