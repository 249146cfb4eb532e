"""Slow, dead and misbehaving back ends, and cancellation: the plugin fails the way the host expects."""

from __future__ import annotations

import socket
import threading

import pytest

from agentdesk.plugin_api import BackendError, BackendUnavailable, Cancelled, PluginContext
from agentdesk_social.plugin import create
from tests.plugins.social.social_testing import MULTI, call


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _assert_private(error: BaseException) -> None:
    """Messages reach the panel and the logs: no identity code, and no chained exception carrying the URL."""
    assert MULTI not in str(error)
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__


def test_a_slow_back_end_is_unavailable_once_the_timeout_passes(social_plugin, social_server):
    social_server.set_mode("slow", 5)  # it would answer after 5 s: the panel gives up at the call's 1 s
    with pytest.raises(BackendUnavailable, match=r"did not answer within 1 s") as failure:
        social_plugin.panel("clients", call(MULTI, timeout=1.0))
    _assert_private(failure.value)


def test_a_dead_back_end_is_unavailable():
    plugin = create(PluginContext("social", {"base_url": f"http://127.0.0.1:{_unused_port()}/"}, {}))
    try:
        with pytest.raises(BackendUnavailable, match="cannot be reached") as failure:
            plugin.panel("clients", call(MULTI, timeout=1.0))
        _assert_private(failure.value)
    finally:
        plugin.close()


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("error500", r"failed \(HTTP 500\): the client system failed"),
        ("html", r"HTML page instead of JSON; check the plugin setting 'base_url'"),
        ("malformed", r"malformed JSON"),
        ("wrong_types", r"does not follow the contract: relationships\[0\]\.unit must be an object"),
        ("wrong_person", r"about another person than asked; nothing is shown"),
    ],
)
def test_a_bad_answer_is_a_backend_error(social_plugin, social_server, mode, message):
    social_server.set_mode(mode)
    with pytest.raises(BackendError, match=message) as failure:
        social_plugin.panel("clients", call(MULTI))
    assert not isinstance(failure.value, BackendUnavailable)  # it answered: no circuit-breaker count
    assert "(request " in str(failure.value)  # the X-Request-ID, to find the call in the server's log
    _assert_private(failure.value)


def test_a_503_from_the_adapter_means_the_back_end_is_unavailable(social_plugin, social_server):
    social_server.set_mode("error503")
    with pytest.raises(BackendUnavailable, match=r"unavailable \(HTTP 503\)"):
        social_plugin.panel("clients", call(MULTI))


def test_a_wrong_base_url_is_named(social_server):
    plugin = create(PluginContext("social", {"base_url": social_server.base_url + "v9/"}, {}))
    try:
        with pytest.raises(BackendError, match=r"no client endpoint \(HTTP 404\); check the plugin setting"):
            plugin.panel("clients", call(MULTI))
    finally:
        plugin.close()


def test_a_cancelled_call_makes_no_request(social_plugin, social_server):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        social_plugin.panel("clients", call(MULTI, cancel_event=cancel))
    assert social_server.stats()["total"] == 0


def test_cancelling_during_the_request_returns_nothing(social_plugin, social_server):
    social_server.set_mode("slow", 0.5)
    cancel = threading.Event()
    timer = threading.Timer(0.1, cancel.set)
    timer.start()
    try:
        with pytest.raises(Cancelled):
            social_plugin.panel("clients", call(MULTI, cancel_event=cancel))
    finally:
        timer.join()
    assert social_server.stats()["total"] == 1


def test_the_plugin_recovers_when_the_back_end_does(social_plugin, social_server):
    social_server.set_mode("error500")
    with pytest.raises(BackendError):
        social_plugin.panel("clients", call(MULTI))
    social_server.set_mode("normal")
    assert social_plugin.panel("clients", call(MULTI)).badges


def test_stopping_the_server_ends_a_slow_request_at_once():
    from agentdesk_social.reference_server import start_server

    before = set(threading.enumerate())
    server = start_server({"clients": {}})
    server.set_mode("slow", 30)
    plugin = create(PluginContext("social", {"base_url": server.base_url}, {}))
    try:
        with pytest.raises(BackendUnavailable):
            plugin.panel("clients", call(MULTI, timeout=0.2))
    finally:
        plugin.close()
        stopper = threading.Thread(target=server.stop)
        stopper.start()
        stopper.join(timeout=10)
    assert not stopper.is_alive(), "stop() does not wait out the sleeping 30 s answer"
    assert set(threading.enumerate()) <= before  # no server or request thread left behind
