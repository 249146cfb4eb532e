"""Dead, slow and misbehaving back ends, and cancellation: the plugin fails the way the host expects
(BackendUnavailable / BackendError with a clear message; the host shows it in the panel)."""

from __future__ import annotations

import socket
import threading

import pytest

from agentdesk.plugin_api import BackendError, BackendUnavailable, Cancelled, PluginContext
from agentdesk_education.plugin import create


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _assert_private(error: BaseException, people) -> None:
    for hetu in (people.GUARDIAN, people.PUPIL, people.TODDLER):
        assert hetu not in str(error)
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__


def test_a_slow_back_end_is_unavailable_once_the_timeout_passes(education_plugin, education_server, make_call, people):
    education_server.set_mode("slow", 5)
    with pytest.raises(BackendUnavailable, match=r"did not answer within 1 s") as failure:
        education_plugin.panel("services", make_call(timeout=1.0))
    _assert_private(failure.value, people)
    assert education_server.stats()["total"] == 1  # one budget for the family: the children are not asked


def test_a_dead_back_end_is_unavailable(make_call, people):
    plugin = create(PluginContext("education", {"base_url": f"http://127.0.0.1:{_unused_port()}/"}, {}))
    try:
        with pytest.raises(BackendUnavailable, match="cannot be reached") as failure:
            plugin.panel("services", make_call(timeout=1.0))
        _assert_private(failure.value, people)
    finally:
        plugin.close()


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("error500", r"failed \(HTTP 500\): the education system failed"),
        ("html", r"HTML page instead of JSON; check the plugin setting 'base_url'"),
        ("malformed", r"malformed JSON"),
        ("wrong_types", r"does not follow the contract: records\[0\]\.unit must be an object"),
        ("wrong_person", r"about another person than asked; nothing is shown"),
    ],
)
@pytest.mark.parametrize("panel", ["services", "support"])
def test_a_bad_answer_is_a_backend_error(education_plugin, education_server, make_call, people, mode, message, panel):
    education_server.set_mode(mode)
    with pytest.raises(BackendError, match=message) as failure:
        education_plugin.panel(panel, make_call())
    assert not isinstance(failure.value, BackendUnavailable)
    assert "(request " in str(failure.value)
    _assert_private(failure.value, people)


def test_a_503_means_the_back_end_is_unavailable(education_plugin, education_server, make_call):
    education_server.set_mode("error503")
    with pytest.raises(BackendUnavailable, match=r"unavailable \(HTTP 503\)"):
        education_plugin.panel("services", make_call())


def test_a_wrong_base_url_is_named(education_server, make_call):
    plugin = create(PluginContext("education", {"base_url": education_server.base_url + "v9/"}, {}))
    try:
        with pytest.raises(BackendError, match=r"no learners endpoint \(HTTP 404\); check the plugin setting"):
            plugin.panel("services", make_call())
    finally:
        plugin.close()


def test_a_missing_base_url_is_refused_at_activation():
    with pytest.raises(ValueError, match="needs the setting 'base_url'"):
        create(PluginContext("education", {}, {}))


def test_a_cancelled_call_makes_no_request(education_plugin, education_server, make_call):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        education_plugin.panel("services", make_call(cancel_event=cancel))
    assert education_server.stats()["total"] == 0


def test_cancelling_during_the_request_stops_before_the_children(education_plugin, education_server, make_call):
    education_server.set_mode("slow", 0.5)
    cancel = threading.Event()
    timer = threading.Timer(0.1, cancel.set)
    timer.start()
    try:
        with pytest.raises(Cancelled):
            education_plugin.panel("services", make_call(cancel_event=cancel))
    finally:
        timer.join()
    assert education_server.stats()["total"] == 1


def test_the_plugin_recovers_when_the_back_end_does(education_plugin, education_server, make_call):
    education_server.set_mode("error500")
    with pytest.raises(BackendError):
        education_plugin.panel("services", make_call())
    education_server.set_mode("normal")
    assert education_plugin.panel("services", make_call()).badges


def test_stopping_the_server_ends_a_slow_request_at_once(seed, make_call):
    from agentdesk_education.reference_server import start_server

    server = start_server(seed)
    server.set_mode("slow", 30)
    plugin = create(PluginContext("education", {"base_url": server.base_url}, {}))
    try:
        with pytest.raises(BackendUnavailable):
            plugin.panel("services", make_call(timeout=0.2))
    finally:
        plugin.close()
        stopper = threading.Thread(target=server.stop)
        stopper.start()
        stopper.join(timeout=10)
    assert not stopper.is_alive(), "stop() does not wait out the sleeping 30 s answer"
