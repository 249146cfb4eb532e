"""A plugin whose behaviour the tests switch: ok, raise, hang, garbage, leak, unavailable, flaky."""

import threading
import time

from agentdesk.plugin_api import ActionResult, BackendUnavailable, FieldSpec, FormSpec, KeyValue, PanelData, Section

CALLS = []
SEEN = []  # every CallContext the plugin was given, panels and actions alike


class Good:
    def __init__(self, context):
        self.context = context
        self.mode = context.settings.get("mode", "ok")
        self.closed = False
        self.flaky_left = 1

    def panel(self, panel_id, call):
        CALLS.append((panel_id, call.customer.customer_id, call.purpose))
        SEEN.append(call)
        if self.mode == "raise":
            raise RuntimeError("boom")
        if self.mode == "hang":
            threading.Event().wait(30)
        if self.mode == "slow":
            time.sleep(0.3)
        if self.mode == "garbage":
            return {"not": "panel data"}
        if self.mode == "unavailable":
            raise BackendUnavailable("connection refused")
        if self.mode == "flaky" and self.flaky_left:
            self.flaky_left -= 1
            raise BackendUnavailable("first try fails")
        if self.mode == "leak":
            return PanelData(sections=(Section("Home", (KeyValue("Address", "Piilotie 9 A"),)),))
        if self.mode == "empty":
            return PanelData(empty=True, message="nothing here")
        return PanelData(
            sections=(Section(panel_id, (KeyValue("customer", str(call.customer.customer_id)),)),), source="test"
        )

    def action_form(self, action_id, call):
        SEEN.append(call)
        return FormSpec("Do", (FieldSpec("what", "What", required=True),))

    def run_action(self, action_id, call, values):
        SEEN.append(call)
        return ActionResult("done", reference="R-1", reference_system="test")

    def close(self):
        self.closed = True


def create(context):
    return Good(context)
