"""The education-services plugin: the factory named in ``agentdesk-plugin.toml``."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import date
from typing import Any

from agentdesk.plugin_api import ActionResult, CallContext, FormSpec, PanelData, PluginContext
from agentdesk_education.client import EducationClient
from agentdesk_education.panels import Person, services_panel, support_panel, text

API_NAME = "Education services API 1.0"
PANELS = {"services": "summary", "support": "full"}  # panel -> the contract's view


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class EducationPlugin:
    """Two panels, ``services`` (for the desk) and ``support`` (the education department); no actions."""

    def __init__(self, base_url: str, token: str | None) -> None:
        self._client = EducationClient(base_url, token)
        self.source = f"{API_NAME}, {self._client.server}"

    def panel(self, panel_id: str, call: CallContext) -> PanelData:
        view = PANELS.get(panel_id)
        if view is None:
            raise KeyError(panel_id)
        call.check_cancelled()
        customer = call.customer
        asked = [(False, f"{customer.first_names} {customer.last_name}".strip(), customer.birth_date, customer.hetu)]
        asked += [(True, f"{c.first_names} {c.last_name}".strip(), c.birth_date, c.hetu) for c in customer.children]
        if not any((hetu or "").strip() for *_, hetu in asked):
            return PanelData(empty=True, message=text("no_hetu", call.language), source=self.source)
        deadline = time.monotonic() + call.timeout  # one budget for the customer and every child
        people = []
        for is_child, name, born, hetu in asked:
            learner, code = None, (hetu or "").strip()
            if code:
                learner = self._client.learner(
                    code,
                    view=view,
                    deadline=deadline,
                    timeout=call.timeout,
                    purpose=call.purpose,
                    check_cancelled=call.check_cancelled,
                )
            people.append(Person(is_child, name, _day(born), learner))
        if view == "full":
            return support_panel(people, call.language, self.source)
        return services_panel(people, call.language, self.source)

    def action_form(self, action_id: str, call: CallContext) -> FormSpec:
        raise KeyError(action_id)

    def run_action(self, action_id: str, call: CallContext, values: Mapping[str, Any]) -> ActionResult:
        raise KeyError(action_id)

    def close(self) -> None:
        self._client.close()


def create(context: PluginContext) -> EducationPlugin:
    base_url = context.settings.get("base_url")
    if not isinstance(base_url, str) or not base_url.strip():
        raise ValueError("the education-services plugin needs the setting 'base_url'")
    return EducationPlugin(base_url.strip(), context.secrets.get("token") or None)
