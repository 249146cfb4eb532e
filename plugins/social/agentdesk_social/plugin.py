"""The social-services plugin: the factory named in ``agentdesk-plugin.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agentdesk.plugin_api import ActionResult, CallContext, FormSpec, PanelData, PluginContext
from agentdesk_social.client import SocialServicesClient
from agentdesk_social.clients_panel import clients_panel, no_identity_code

API_NAME = "Social services API 1.0"


class SocialServicesPlugin:
    """One panel, ``clients``; no actions."""

    def __init__(self, base_url: str, token: str | None) -> None:
        self._client = SocialServicesClient(base_url, token)
        self.source = f"{API_NAME}, {self._client.server}"

    def panel(self, panel_id: str, call: CallContext) -> PanelData:
        if panel_id != "clients":
            raise KeyError(panel_id)
        call.check_cancelled()
        hetu = (call.customer.hetu or "").strip()
        if not hetu:
            return no_identity_code(call.language, self.source)  # nothing to ask: no request is made
        record = self._client.client_relationships(
            hetu, timeout=call.timeout, purpose=call.purpose, check_cancelled=call.check_cancelled
        )
        return clients_panel(record, call.language, self.source)

    def action_form(self, action_id: str, call: CallContext) -> FormSpec:
        raise KeyError(action_id)

    def run_action(self, action_id: str, call: CallContext, values: Mapping[str, Any]) -> ActionResult:
        raise KeyError(action_id)

    def close(self) -> None:
        self._client.close()


def create(context: PluginContext) -> SocialServicesPlugin:
    base_url = context.settings.get("base_url")
    if not isinstance(base_url, str) or not base_url.strip():
        raise ValueError("the social-services plugin needs the setting 'base_url'")
    return SocialServicesPlugin(base_url.strip(), context.secrets.get("token") or None)
