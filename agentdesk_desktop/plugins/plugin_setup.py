"""How the desk finds its plugins (:class:`PluginSetup`) and how their states read; below every
other module of :mod:`agentdesk_desktop.plugins`, so the views and the desk's plugins share it without a circle."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from agentdesk.plugin_host.host import PluginState
from agentdesk.plugin_host.settings import DeploymentPlugins, SecretSource

log = logging.getLogger("agentdesk_desktop.plugins.desk_plugins")

PROBLEM_STATES = (PluginState.FAILED, PluginState.INCOMPATIBLE)
DEPLOYMENT_DISABLED = "disabled by the deployment profile"  # the host's reason (PluginHost._check)


@dataclass(frozen=True)
class PluginSetup:
    """How the desk finds its plugins. ``deployment`` None: this workstation's department profile
    (no profile: every plugin off); ``secrets`` None: the OS keyring."""

    deployment: DeploymentPlugins | None = None
    secrets: SecretSource | None = None
    extra_packages: Sequence[str] = ()  # plugin packages outside the entry point (tests)
    call_timeout: float = 4.0  # seconds per plugin call
    enabled: bool = True  # False: no plugin host at all


def deployment_from_profile() -> DeploymentPlugins:
    from agentdesk.deployment.profile_store import ProfileStore

    profile = ProfileStore().current()
    if profile is None:
        log.info("no department profile on this workstation: department plugins are off")
        return DeploymentPlugins(default_enabled=False)
    return profile.deployment_plugins()


def state_text(state: PluginState) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        PluginState.FOUND: translate("PluginStates", "starting"),
        PluginState.ACTIVE: translate("PluginStates", "active"),
        PluginState.DISABLED: translate("PluginStates", "disabled"),
        PluginState.INCOMPATIBLE: translate("PluginStates", "incompatible"),
        PluginState.FAILED: translate("PluginStates", "failed"),
    }.get(state, state.value)
