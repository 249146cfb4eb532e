"""The plugin host: discovery before code runs, isolation of failing plugins, need-to-know access,
audit, and the execution rules (deadline, retry, circuit breaker, cache, cancellation)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from agentdesk import audit
from agentdesk.plugin_api import API_VERSION, CallContext, PanelData
from agentdesk.plugin_api.testing import make_customer
from agentdesk.plugin_host.host import AccessDenied, PluginHost, PluginState, PurposeRequired
from agentdesk.plugin_host.manifest import ManifestError, VersionRange, parse_manifest
from agentdesk.plugin_host.runner import CallSpec, CircuitBreaker, PanelState, PluginCallRunner
from agentdesk.plugin_host.settings import DeploymentPlugins, KeyringSecrets
from agentdesk.staff import StaffMember
from agentdesk.storage.models import StaffRole

FAKES = Path(__file__).with_name("fake_plugins")
AGENT = StaffMember(1, "agent.aino", "Aino", StaffRole.AGENT, 1, "health", "Health")
AGENT_CS = StaffMember(2, "agent.sven", "Sven", StaffRole.AGENT, 2, "customer_service", "Customer service")
STEWARD = StaffMember(3, "steward.paavo", "Paavo", StaffRole.STEWARD, 2, "customer_service", "Customer service")


@pytest.fixture(autouse=True)
def fake_path(monkeypatch):
    monkeypatch.syspath_prepend(str(FAKES))
    yield
    for name in [m for m in sys.modules if m.split(".")[0] in ("good_plugin", "broken_import", "old_api")]:
        del sys.modules[name]


class Audit(list):
    def __call__(self, **entry):
        self.append(entry)


def make_host(mode="ok", audit_sink=None, **host_args) -> tuple[PluginHost, Audit]:
    sink = audit_sink if audit_sink is not None else Audit()
    deployment = DeploymentPlugins.from_mapping(
        {"plugins": {p: {"base_url": "http://127.0.0.1:9/x", "mode": mode} for p in ("good", "broken", "old")}}
    )
    host = PluginHost(deployment=deployment, secrets=KeyringSecrets(), audit_sink=sink, **host_args)
    return host, sink


def run_panel(host, key="good.info", staff=AGENT, purpose=None, customer=None, **kw):
    done = threading.Event()
    box = {}

    def got(outcome):
        box["o"] = outcome
        done.set()

    host.request_panel(
        key, staff=staff, customer=customer or make_customer(), language="en", purpose=purpose, done=got, **kw
    )
    assert done.wait(10), "panel call never finished"
    return box["o"]


@pytest.mark.expect_log_warnings
def test_failing_plugins_are_named_and_the_rest_carries_on():
    host, _ = make_host()
    statuses = {s.id: s for s in host.discover(["good_plugin", "broken_import", "old_api", "bad_manifest"])}
    host.activate_all()
    statuses = {s.id: s for s in host.statuses()}
    assert statuses["good"].state is PluginState.ACTIVE
    assert statuses["broken"].state is PluginState.FAILED and "a dependency is missing" in statuses["broken"].reason
    old = statuses["old"]
    assert old.state is PluginState.INCOMPATIBLE
    assert old.reason == f"plugin old 1.2.0 supports plugin API >=0.1,<1, this AgentDesk provides {API_VERSION}"
    assert statuses["bad_manifest"].state is PluginState.FAILED and "not valid TOML" in statuses["bad_manifest"].reason
    assert "old_api.plugin" not in sys.modules  # an incompatible plugin's code never runs
    assert [p.key for p in host.panels_for(AGENT)] == ["good.info", "good.secret"]
    assert run_panel(host).state is PanelState.DATA
    host.shutdown()


def test_manifest_is_read_without_running_plugin_code():
    host, _ = make_host()
    host.discover(["good_plugin"])
    assert host.status("good").state is PluginState.FOUND
    assert "good_plugin.plugin" not in sys.modules
    assert host.manifest("good").panels[1].sensitive
    host.shutdown()


def test_disabling_withdraws_panels_and_closes_the_plugin():
    host, _ = make_host()
    host.discover(["good_plugin"])
    host.activate("good")
    instance = host._plugins["good"].instance
    host.disable("good")
    assert host.panels_for(AGENT) == [] and host.actions_for(AGENT) == []
    assert instance.closed
    with pytest.raises(AccessDenied):
        run_panel(host)
    host.shutdown()


def test_an_action_of_a_plugin_disabled_meanwhile_is_refused_not_sent_to_a_closed_plugin(monkeypatch):
    host, sink = make_host()
    host.discover(["good_plugin"])
    checked = host._action

    def disabled_meanwhile(*args):  # the plugin is disabled (e.g. it hung) just after the access check
        found = checked(*args)
        host.disable("good", "stopped answering")
        return found

    monkeypatch.setattr(host, "_action", disabled_meanwhile)
    host.activate("good")
    with pytest.raises(AccessDenied, match="plugin good is not active"):
        host.action_form("good", "do", staff=AGENT, customer=make_customer(), language="en")
    host.activate("good")
    with pytest.raises(AccessDenied, match="plugin good is not active"):
        host.run_action("good", "do", {"what": "x"}, staff=AGENT, customer=make_customer(), language="en")
    assert sink == []  # no audit entry of an action that was never run
    host.shutdown()


def test_role_without_access_causes_no_call_and_sensitive_needs_a_purpose():
    from good_plugin.plugin import CALLS

    host, sink = make_host()
    host.discover(["good_plugin"])
    host.activate("good")
    CALLS.clear()
    assert [p.key for p in host.panels_for(STEWARD)] == []
    assert [p.key for p in host.panels_for(AGENT_CS)] == ["good.info"]  # secret: health department only
    with pytest.raises(AccessDenied):
        run_panel(host, "good.secret", staff=AGENT_CS, purpose="consent")
    with pytest.raises(AccessDenied):
        run_panel(host, "good.info", staff=STEWARD)
    with pytest.raises(PurposeRequired):
        run_panel(host, "good.secret", staff=AGENT)
    assert CALLS == [] and sink == []
    outcome = run_panel(host, "good.secret", staff=AGENT, purpose="consent")
    assert outcome.state is PanelState.DATA
    assert CALLS == [("secret", 1, "consent")]
    assert sink == [
        {
            "actor": "agent.aino",
            "subject_customer_id": 1,
            "action": "plugin.panel.view",
            "purpose": "consent",
            "detail": "panel=good.secret backend=Test back end@127.0.0.1:9",
        }
    ]
    host.shutdown()


def test_sensitive_access_is_in_the_database_audit_log(sqlite_db):
    host, _ = make_host(audit_sink=audit.DatabaseAuditSink(sqlite_db))
    host.discover(["good_plugin"])
    host.activate("good")
    run_panel(host, "good.secret", staff=AGENT, purpose="emergency", customer=make_customer(customer_id=42))
    with sqlite_db.session() as s:
        [entry] = audit.entries_for(s, 42)
    assert (entry.actor, entry.action, entry.purpose) == ("agent.aino", "plugin.panel.view", "emergency")
    host.shutdown()


@pytest.mark.parametrize(
    ("mode", "state", "kind"),
    [
        ("raise", PanelState.ERROR, "plugin"),
        ("garbage", PanelState.ERROR, "garbage"),
        ("unavailable", PanelState.ERROR, "unavailable"),
        ("empty", PanelState.EMPTY, ""),
    ],
)
@pytest.mark.expect_log_warnings
def test_panel_states(mode, state, kind):
    host, _ = make_host(mode)
    host.discover(["good_plugin"])
    host.activate("good")
    outcome = run_panel(host)
    assert (outcome.state, outcome.error_kind) == (state, kind)
    host.shutdown()


def test_protected_address_in_plugin_output_is_blocked():
    host, _ = make_host("leak")
    host.discover(["good_plugin"])
    host.activate("good")
    outcome = run_panel(
        host,
        protected_text=("Piilotie 9",),
        customer=make_customer(street=None, postal_code=None, municipality=None, address_protected=True),
    )
    assert outcome.state is PanelState.ERROR and outcome.error_kind == "protected"
    host.shutdown()


@pytest.mark.expect_log_warnings
def test_a_hanging_plugin_times_out_and_is_disabled_after_repeats():
    host, _ = make_host("hang", call_timeout=0.2, hang_limit=2)
    host.discover(["good_plugin"])
    host.activate("good")
    first = run_panel(host)
    assert first.state is PanelState.ERROR and first.error_kind == "timeout"
    run_panel(host, customer=make_customer(customer_id=2))
    assert host.status("good").state is PluginState.DISABLED
    assert "stopped answering" in host.status("good").reason
    host.shutdown()


def test_idempotent_reads_are_retried_once():
    host, _ = make_host("flaky")
    host.discover(["good_plugin"])
    host.activate("good")
    outcome = run_panel(host)
    assert outcome.state is PanelState.DATA and outcome.attempts == 2
    host.shutdown()


def test_results_are_cached_per_customer_briefly():
    from good_plugin.plugin import CALLS

    host, _ = make_host()
    host.discover(["good_plugin"])
    host.activate("good")
    CALLS.clear()
    assert not run_panel(host).from_cache
    assert run_panel(host).from_cache
    assert not run_panel(host, customer=make_customer(customer_id=2)).from_cache
    assert not run_panel(host, refresh=True).from_cache
    assert len(CALLS) == 3
    host.shutdown()


def test_circuit_breaker_stops_calling_a_dead_back_end():
    now = [0.0]
    breaker = CircuitBreaker(threshold=2, cooldown=30, clock=lambda: now[0])
    assert breaker.allow()
    breaker.failure()
    breaker.failure()
    assert not breaker.allow() and breaker.retry_in() == 30
    now[0] = 31
    assert breaker.allow()  # half-open: one trial
    assert not breaker.allow()
    breaker.success()
    assert breaker.allow()


def test_open_circuit_answers_without_calling_the_plugin():
    calls = []
    runner = PluginCallRunner(breaker_threshold=2)

    def dead(call):
        from agentdesk.plugin_api import BackendUnavailable

        calls.append(1)
        raise BackendUnavailable("refused")

    def spec():
        return CallSpec(
            key="x.p", breaker_key="x", fn=dead, call=CallContext(make_customer(), "en", 1.0), expect=PanelData
        )

    assert runner.call(spec()).error_kind == "unavailable"
    assert runner.call(spec()).error_kind == "unavailable"
    assert runner.call(spec()).error_kind == "circuit_open"
    assert len(calls) == 2
    runner.close()


def test_cancellation_drops_the_result():
    runner = PluginCallRunner()
    started = threading.Event()

    def slow(call):
        started.set()
        call.cancel_event.wait(5)
        call.check_cancelled()
        return PanelData()

    call = CallContext(make_customer(), "en", 5.0)
    box = {}
    done = threading.Event()
    handle = runner.submit(
        CallSpec(key="x.p", breaker_key="x", fn=slow, call=call, expect=PanelData),
        lambda o: (box.setdefault("o", o), done.set()),
    )
    started.wait(2)
    handle.cancel()
    assert done.wait(3)
    assert box["o"].state is PanelState.CANCELLED
    runner.close()


def test_version_ranges():
    r = VersionRange.parse(">=1.0,<2")
    assert r.contains("1.0") and r.contains("1.7") and not r.contains("2.0") and not r.contains("0.9")
    with pytest.raises(ValueError, match="not a version range clause"):
        VersionRange.parse("~1.0")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('version = "1"\napi = ">=1"\nfactory = "a:b"', "'id' is required"),
        ('id = "X"\nversion = "1"\napi = ">=1"\nfactory = "a:b"', "'id' 'X' must be lower-case"),
        ('id = "x"\nversion = "1"\napi = "1.0"\nfactory = "a:b"', "'api': not a version range clause"),
        ('id = "x"\nversion = "1"\napi = ">=1"\nfactory = "a.b"', "'factory' must look like"),
        ('id = "x"\nversion = "1"\napi = ">=1"\nfactory = "a:b"\n[[panels]]\nid = "p"', "'roles' is required"),
        (
            'id = "x"\nversion = "1"\napi = ">=1"\nfactory = "a:b"\n[[panels]]\nid = "p"\nroles = ["boss"]',
            "unknown role(s) ['boss']",
        ),
        (
            'id = "x"\nversion = "1"\napi = ">=1"\nfactory = "a:b"\ncustomer_fields = "hetu"',
            "'customer_fields' must be a list of field names",
        ),
        (
            'id = "x"\nversion = "1"\napi = ">=1"\nfactory = "a:b"\ncustomer_fields = ["hetu", "ssn"]',
            "'customer_fields' names unknown field(s) ['ssn']; known: name, hetu,",
        ),
    ],
)
def test_manifest_errors_name_the_key(text, message):
    with pytest.raises(ManifestError) as caught:
        parse_manifest(text, "x/agentdesk-plugin.toml")
    assert message in str(caught.value) and str(caught.value).startswith("x/agentdesk-plugin.toml")


def test_required_setting_missing_fails_activation_with_the_reason(caplog):
    host = PluginHost(deployment=DeploymentPlugins(), secrets=KeyringSecrets(), audit_sink=Audit())
    host.discover(["good_plugin"])
    with caplog.at_level("CRITICAL"):
        status = host.activate("good")
    assert status.state is PluginState.FAILED
    assert "setting 'base_url' is required" in status.reason
    host.shutdown()


def test_a_call_runs_on_one_thread_of_its_own_from_the_audit_entry_through_its_retry_to_the_answer():
    runner = PluginCallRunner()
    seen: list[tuple[str, int]] = []
    done = threading.Event()
    attempts = []

    def flaky(call):
        from agentdesk.plugin_api import BackendUnavailable

        seen.append(("plugin", threading.get_ident()))
        attempts.append(1)
        if len(attempts) == 1:
            raise BackendUnavailable("first try refused")
        return PanelData()

    def answered(outcome):
        seen.append(("done", threading.get_ident()))
        done.set()

    runner.submit(
        CallSpec(
            key="x.p",
            breaker_key="x",
            fn=flaky,
            call=CallContext(make_customer(), "en", 2.0),
            expect=PanelData,
            retries=1,
            before=lambda: seen.append(("audit", threading.get_ident())),
        ),
        answered,
    )
    assert done.wait(5)
    assert [step for step, _ in seen] == ["audit", "plugin", "plugin", "done"]
    assert len({ident for _, ident in seen}) == 1 and seen[0][1] != threading.get_ident()
    runner.close()


def test_a_hanging_call_is_answered_at_its_deadline_and_told_to_stop():
    runner = PluginCallRunner()
    stop_seen = threading.Event()
    box = {}
    done = threading.Event()

    def hang(call):
        if call.cancel_event.wait(10):
            stop_seen.set()
        return PanelData()

    runner.submit(
        CallSpec(
            key="x.p",
            breaker_key="x",
            fn=hang,
            call=CallContext(make_customer(), "en", 0.1),
            expect=PanelData,
            grace=0.1,
        ),
        lambda o: (box.setdefault("o", o), done.set()),
    )
    assert done.wait(5)
    assert box["o"].state is PanelState.ERROR and box["o"].error_kind == "timeout" and box["o"].attempts == 1
    assert stop_seen.wait(5), "the abandoned attempt was not told to stop"
    runner.close()


@pytest.mark.expect_log_warnings
def test_an_access_that_cannot_be_recorded_is_not_sent():
    runner = PluginCallRunner()
    calls = []

    def broken_audit():
        raise OSError("database gone")

    outcome = runner.call(
        CallSpec(
            key="x.p",
            breaker_key="x",
            fn=lambda c: calls.append(1) or PanelData(),
            call=CallContext(make_customer(), "en", 1.0),
            expect=PanelData,
            before=broken_audit,
        )
    )
    assert outcome.state is PanelState.ERROR and calls == []
    runner.close()
