"""Discovering, activating and calling plugins, under need-to-know access with an audit trail.

Life of a plugin: its manifest is found through the ``agentdesk.plugins`` entry point and read
without importing plugin code; a plugin built for another API version, or one the deployment
disables, stops there. Activation imports the factory with the deployment's settings and the
secrets from the keyring. Every step is guarded: a plugin that fails is named with the reason and
the desk carries on. Disabling a plugin removes its panels and actions and closes it.

Access: a panel is offered only to the roles (and departments) its manifest and the deployment
allow. A sensitive panel is not queried before the agent states a purpose; each query is
written to the audit log (who, whom, which back end, purpose) before the request leaves. A role
without access never causes a request. A plugin is given only the customer fields its manifest's
``customer_fields`` ask for (customer_fields.py); without the key, the customer id and display name.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from agentdesk.plugin_api import (
    API_VERSION,
    ActionResult,
    CallContext,
    CustomerContext,
    FormSpec,
    PanelData,
    Plugin,
    PluginContext,
    ReferenceStatuses,
    TracksReferences,
)
from agentdesk.plugin_host.customer_fields import for_plugin
from agentdesk.plugin_host.manifest import MANIFEST_NAME, ActionSpec, Manifest, ManifestError, PanelSpec, read_manifest
from agentdesk.plugin_host.runner import CallHandle, CallOutcome, CallSpec, PanelState, PluginCallRunner
from agentdesk.plugin_host.settings import DeploymentPlugins, SecretSource
from agentdesk.staff import StaffMember

if TYPE_CHECKING:
    from agentdesk.customer_register import CustomerRecord

log = logging.getLogger(__name__)
ENTRY_POINT_GROUP = "agentdesk.plugins"

PURPOSES = ("consent", "statutory_task", "emergency")


class PluginState(str, Enum):
    FOUND = "found"
    ACTIVE = "active"
    DISABLED = "disabled"  # by the deployment or by IT/agent action
    INCOMPATIBLE = "incompatible"  # built for another plugin API version
    FAILED = "failed"  # manifest, import, activation or repeated hangs


@dataclass(frozen=True, slots=True)
class PluginStatus:
    id: str
    name: str
    version: str
    state: PluginState
    reason: str = ""


class AccessDenied(PermissionError):
    pass


class PurposeRequired(PermissionError):
    pass


AuditSink = Callable[..., None]  # (actor=, subject_customer_id=, action=, purpose=, detail=)


@dataclass
class _Loaded:
    manifest: Manifest
    state: PluginState
    reason: str = ""
    instance: Plugin | None = None
    hung_calls: int = 0


def _manifest_path_for(module: str) -> Path:
    """The manifest beside a package's __init__.py, found without importing the package."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ManifestError(f"plugin package {module!r} is not installed as a package")
    return Path(next(iter(spec.submodule_search_locations))) / MANIFEST_NAME


class PluginHost:
    def __init__(
        self,
        *,
        deployment: DeploymentPlugins,
        secrets: SecretSource,
        audit_sink: AuditSink,
        api_version: str = API_VERSION,
        runner: PluginCallRunner | None = None,
        call_timeout: float = 4.0,
        hang_limit: int = 3,
    ) -> None:
        self._deployment = deployment
        self._secrets = secrets
        self._audit = audit_sink
        self.api_version = api_version
        self.runner = runner or PluginCallRunner()
        self.call_timeout = call_timeout
        self._hang_limit = hang_limit
        self._plugins: dict[str, _Loaded] = {}
        self._failures: list[PluginStatus] = []  # manifests that could not even be read
        self._lock = threading.RLock()
        self._listeners: list[Callable[[], None]] = []

    # -- discovery and activation --------------------------------------------------------------

    def discover(self, extra_packages: Iterable[str] = ()) -> list[PluginStatus]:
        """Read every installed plugin's manifest; no plugin code runs here."""
        modules: list[tuple[str, str]] = []
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            modules.append((ep.name, ep.value.strip()))
        modules.extend((m, m) for m in extra_packages)
        for name, module in modules:
            try:
                manifest = read_manifest(_manifest_path_for(module))
            except (ManifestError, ImportError, ValueError) as exc:
                self._failures.append(PluginStatus(name, name, "?", PluginState.FAILED, str(exc)))
                log.error("plugin %s: %s", name, exc)
                continue
            with self._lock:
                if manifest.id in self._plugins:
                    self._failures.append(
                        PluginStatus(
                            manifest.id,
                            manifest.label("en"),
                            manifest.version,
                            PluginState.FAILED,
                            f"duplicate plugin id from {module}",
                        )
                    )
                    continue
                self._plugins[manifest.id] = self._check(manifest)
        return self.statuses()

    def add_manifest(self, manifest: Manifest) -> PluginStatus:
        with self._lock:
            self._plugins[manifest.id] = self._check(manifest)
        return self.status(manifest.id)

    def _check(self, manifest: Manifest) -> _Loaded:
        if not manifest.api.contains(self.api_version):
            reason = (
                f"plugin {manifest.id} {manifest.version} supports plugin API {manifest.api.text}, "
                f"this AgentDesk provides {self.api_version}"
            )
            log.error("%s", reason)
            return _Loaded(manifest, PluginState.INCOMPATIBLE, reason)
        config = self._deployment.plugin(manifest.id)
        if not config.enabled:
            return _Loaded(manifest, PluginState.DISABLED, "disabled by the deployment profile")
        return _Loaded(manifest, PluginState.FOUND)

    def activate_all(self) -> list[PluginStatus]:
        for pid in list(self._plugins):
            if self._plugins[pid].state is PluginState.FOUND:
                self.activate(pid)
        return self.statuses()

    def activate(self, plugin_id: str) -> PluginStatus:
        """Import the factory and create the plugin. Runs keyring look-ups: call off the UI thread."""
        with self._lock:
            loaded = self._plugins[plugin_id]
            m = loaded.manifest
        config = self._deployment.plugin(plugin_id)
        try:
            settings = config.resolved_settings(m)
            secrets = {}
            for spec in m.secrets:
                value = self._secrets.get(plugin_id, spec.key)
                if value is None and spec.required:
                    raise ManifestError(
                        f"secret {spec.key!r} is not in the keyring "
                        f"(agentdesk secrets set plugin {plugin_id} {spec.key})"
                    )
                if value is not None:
                    secrets[spec.key] = value
            module_name, func_name = m.factory.split(":")
            factory = getattr(importlib.import_module(module_name), func_name)
            instance = factory(PluginContext(plugin_id, settings, secrets))
            for method in ("panel", "close"):
                if not callable(getattr(instance, method, None)):
                    raise TypeError(f"the plugin object has no {method}() method")
        except Exception as exc:  # noqa: BLE001 - a broken plugin never stops the desk
            reason = f"{type(exc).__name__}: {exc}"
            log.error("plugin %s failed to activate: %s", plugin_id, reason)
            with self._lock:
                loaded.state, loaded.reason = PluginState.FAILED, reason
            self._changed()
            return self.status(plugin_id)
        with self._lock:
            loaded.instance, loaded.state, loaded.reason = instance, PluginState.ACTIVE, ""
        self._changed()
        return self.status(plugin_id)

    def disable(self, plugin_id: str, reason: str = "disabled") -> None:
        """Withdraw the plugin's panels and actions and close it."""
        with self._lock:
            loaded = self._plugins.get(plugin_id)
            if loaded is None:
                return
            instance, loaded.instance = loaded.instance, None
            loaded.state, loaded.reason = PluginState.DISABLED, reason
        self.runner.forget(prefix=f"{plugin_id}.")
        if instance is not None:
            try:
                instance.close()
            except Exception:
                log.exception("plugin %s failed to close", plugin_id)
        self._changed()

    def shutdown(self) -> None:
        for pid in list(self._plugins):
            if self._plugins[pid].state is PluginState.ACTIVE:
                self.disable(pid, "desk closed")
        self.runner.close()

    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- what is offered -----------------------------------------------------------------------

    def status(self, plugin_id: str) -> PluginStatus:
        p = self._plugins[plugin_id]
        return PluginStatus(p.manifest.id, p.manifest.label("en"), p.manifest.version, p.state, p.reason)

    def statuses(self) -> list[PluginStatus]:
        with self._lock:
            return [self.status(pid) for pid in sorted(self._plugins)] + list(self._failures)

    def manifest(self, plugin_id: str) -> Manifest:
        return self._plugins[plugin_id].manifest

    def asks_for(self, customer_field: str) -> bool:
        """Whether an active plugin's manifest asks for this customer field (e.g. "children", which
        costs a read of its own when a customer is opened)."""
        with self._lock:
            return any(
                p.state is PluginState.ACTIVE and customer_field in p.manifest.customer_fields
                for p in self._plugins.values()
            )

    def _allowed(self, spec: PanelSpec | ActionSpec, staff: StaffMember) -> bool:
        config = self._deployment.plugin(spec.plugin_id)
        roles = config.panel_roles.get(spec.id, spec.roles) & spec.roles
        if staff.role.value not in roles:
            return False
        departments = spec.departments
        return not departments or (staff.department_code or "") in departments

    def panels_for(self, staff: StaffMember) -> list[PanelSpec]:
        with self._lock:
            active = [p for p in self._plugins.values() if p.state is PluginState.ACTIVE]
        return [panel for p in active for panel in p.manifest.panels if self._allowed(panel, staff)]

    def actions_for(self, staff: StaffMember) -> list[ActionSpec]:
        with self._lock:
            active = [p for p in self._plugins.values() if p.state is PluginState.ACTIVE]
        return [a for p in active for a in p.manifest.actions if self._allowed(a, staff)]

    def _panel_spec(self, key: str) -> tuple[_Loaded, PanelSpec]:
        plugin_id, _, panel_id = key.partition(".")
        loaded = self._plugins.get(plugin_id)
        if loaded is None:
            raise AccessDenied(f"no plugin {plugin_id!r}")
        for panel in loaded.manifest.panels:
            if panel.id == panel_id:
                return loaded, panel
        raise AccessDenied(f"no panel {key!r}")

    # -- calls ---------------------------------------------------------------------------------

    def _backend_label(self, loaded: _Loaded) -> str:
        url = self._deployment.plugin(loaded.manifest.id).values.get("base_url")
        host = urlsplit(str(url)).netloc if url else ""
        return (
            f"{loaded.manifest.backend or loaded.manifest.id}@{host}"
            if host
            else (loaded.manifest.backend or loaded.manifest.id)
        )

    def request_panel(
        self,
        panel_key: str,
        *,
        staff: StaffMember,
        customer: CustomerContext,
        language: str,
        purpose: str | None,
        done: Callable[[CallOutcome], None],
        protected_text: tuple[str, ...] = (),
        refresh: bool = False,
        references: tuple[tuple[str, str], ...] = (),
    ) -> CallHandle:
        """Query a panel off the calling thread (no I/O here: the audit entry of a sensitive panel is
        written on the call's own thread before the request leaves); ``done`` gets the outcome on a
        runner thread.

        Raises AccessDenied (the role may not see it: nothing is sent) or PurposeRequired."""
        loaded, panel = self._panel_spec(panel_key)
        if loaded.state is not PluginState.ACTIVE or loaded.instance is None:
            raise AccessDenied(f"plugin {loaded.manifest.id} is not active ({loaded.reason})")
        if not self._allowed(panel, staff):
            raise AccessDenied(f"{staff.role.value} may not use {panel_key}")
        if panel.sensitive and purpose not in PURPOSES:
            raise PurposeRequired(panel_key)
        effective_purpose = purpose if panel.sensitive and purpose is not None else "customer_service"
        audit_entry = None
        if panel.sensitive:
            # Logged before the request leaves: an attempt to look is an access.
            audit_entry = partial(
                self._audit,
                actor=staff.username,
                subject_customer_id=customer.customer_id,
                action="plugin.panel.view",
                purpose=effective_purpose,
                detail=f"panel={panel_key} backend={self._backend_label(loaded)}",
            )
        customer, references = for_plugin(customer, references, loaded.manifest.customer_fields)
        call = CallContext(customer, language, self.call_timeout, purpose=effective_purpose, references=references)
        instance = loaded.instance
        cache_key = (panel_key, customer.customer_id, language, effective_purpose)
        if refresh:
            self.runner.forget(customer_id=customer.customer_id, prefix=panel_key)
        spec = CallSpec(
            key=panel_key,
            breaker_key=loaded.manifest.id,
            fn=lambda c: instance.panel(panel.id, c),
            call=call,
            expect=PanelData,
            retries=1 if panel.idempotent else 0,
            cache_key=cache_key,
            forbidden_text=protected_text,
            on_timeout=lambda: self._hung(loaded),
            before=audit_entry,
        )
        return self.runner.submit(spec, done)

    def action_form(
        self, plugin_id: str, action_id: str, *, staff: StaffMember, customer: CustomerContext, language: str
    ) -> CallOutcome:
        """Synchronous (call on a worker thread): the form for an action."""
        loaded, _ = self._action(plugin_id, action_id.split(":")[0], staff)
        customer, _ = for_plugin(customer, (), loaded.manifest.customer_fields)
        call = CallContext(customer, language, self.call_timeout)
        instance = loaded.instance
        if instance is None:  # disabled since _action() looked
            raise AccessDenied(f"plugin {plugin_id} is not active")
        return self.runner.call(
            CallSpec(
                key=f"{plugin_id}.{action_id}",
                breaker_key=plugin_id,
                fn=lambda c: instance.action_form(action_id, c),
                call=call,
                expect=FormSpec,
                retries=1,
                on_timeout=lambda: self._hung(loaded),
            )
        )

    def run_action(
        self,
        plugin_id: str,
        action_id: str,
        values: Mapping[str, Any],
        *,
        staff: StaffMember,
        customer: CustomerContext,
        language: str,
    ) -> CallOutcome:
        """Synchronous (call on a worker thread); never retried, audited."""
        loaded, _ = self._action(plugin_id, action_id.split(":")[0], staff)
        customer, _ = for_plugin(customer, (), loaded.manifest.customer_fields)
        call = CallContext(customer, language, self.call_timeout)
        instance = loaded.instance
        if instance is None:  # disabled since _action() looked
            raise AccessDenied(f"plugin {plugin_id} is not active")
        self._audit(
            actor=staff.username,
            subject_customer_id=customer.customer_id,
            action="plugin.action",
            purpose="customer_service",
            detail=f"action={plugin_id}.{action_id} backend={self._backend_label(loaded)}",
        )
        return self.runner.call(
            CallSpec(
                key=f"{plugin_id}.{action_id}",
                breaker_key=plugin_id,
                fn=lambda c: instance.run_action(action_id, c, dict(values)),
                call=call,
                expect=ActionResult,
                retries=0,
                on_timeout=lambda: self._hung(loaded),
            )
        )

    def status_systems(self) -> dict[str, str]:
        """Reference system → the active plugin that answers its statuses (API 1.2)."""
        with self._lock:
            loaded = [p for p in self._plugins.values() if p.state is PluginState.ACTIVE]
        return {system: p.manifest.id for p in loaded for system in sorted(p.manifest.status_systems)}

    def reference_statuses(self, plugin_id: str, system: str, references: tuple[str, ...]) -> CallOutcome:
        """Synchronous (a worker thread): where the back end is with ``references``; no customer is sent."""
        loaded = self._plugins.get(plugin_id)
        if loaded is None or loaded.state is not PluginState.ACTIVE or system not in loaded.manifest.status_systems:
            raise AccessDenied(f"plugin {plugin_id} does not answer statuses of {system}")
        instance: object = loaded.instance
        if not isinstance(instance, TracksReferences):
            raise AccessDenied(f"plugin {plugin_id} does not answer statuses of {system}")
        nobody = CustomerContext(0, None, "", "", None, (), (), None, None, None, False, "fi")
        return self.runner.call(
            CallSpec(
                key=f"{plugin_id}.reference_statuses",
                breaker_key=plugin_id,
                fn=lambda c: instance.reference_statuses(system, references, c),
                call=CallContext(nobody, "en", self.call_timeout),
                expect=ReferenceStatuses,
                retries=1,
                on_timeout=lambda: self._hung(loaded),
            )
        )

    def _action(self, plugin_id: str, action_id: str, staff: StaffMember) -> tuple[_Loaded, ActionSpec]:
        loaded = self._plugins.get(plugin_id)
        if loaded is None or loaded.state is not PluginState.ACTIVE:
            raise AccessDenied(f"plugin {plugin_id} is not active")
        for a in loaded.manifest.actions:
            if a.id == action_id:
                if not self._allowed(a, staff):
                    raise AccessDenied(f"{staff.role.value} may not use {plugin_id}.{action_id}")
                return loaded, a
        raise AccessDenied(f"no action {plugin_id}.{action_id}")

    def _hung(self, loaded: _Loaded) -> None:
        with self._lock:
            loaded.hung_calls += 1
            too_many = loaded.hung_calls >= self._hang_limit
        if too_many:
            log.error("plugin %s stopped answering %d times; disabled", loaded.manifest.id, loaded.hung_calls)
            self.disable(loaded.manifest.id, f"stopped answering ({loaded.hung_calls} calls past their deadline)")


def customer_context(record: CustomerRecord, *, today: dt.date | None = None) -> CustomerContext:
    """The plugin view of a customer from the register's record (protected address withheld)."""
    protected = record.address_protected
    return CustomerContext(
        customer_id=record.id,
        hetu=record.hetu or None,
        first_names=record.first_names,
        last_name=record.last_name,
        birth_date=record.birth_date.isoformat() if record.birth_date else None,
        phones=record.phones,
        emails=record.emails,
        street=None if protected else (record.street or None),
        postal_code=None if protected else (record.postal_code or None),
        municipality=None if protected else (record.municipality or None),
        address_protected=protected,
        preferred_language=record.preferred_language.value,
    )


__all__ = [
    "AccessDenied",
    "CallOutcome",
    "PanelState",
    "PluginHost",
    "PluginState",
    "PluginStatus",
    "PurposeRequired",
    "customer_context",
    "replace",
]
