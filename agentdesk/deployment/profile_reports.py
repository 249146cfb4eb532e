"""The ``[reports]`` table of a department profile: what a contact costs on each channel, for the
reports' channel strategy (share of contacts and cost per contact)::

    [reports]
    cost_per_contact = { phone = 6.5, email = 4.0, walk_in = 12.0, web = 1.5 }   # euros

A channel left out has no cost in the reports (shown as "-"). Checked like the rest of the profile
(file, dotted key, message).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from agentdesk.deployment.profile_nesting import shown
from agentdesk.storage.kinds import Channel

REPORT_KEYS = ("cost_per_contact",)
MAX_COST = 10_000.0  # euros per contact; more is a typing mistake


@dataclass(frozen=True)
class ReportSettings:
    cost_per_contact: Mapping[Channel, float] = field(default_factory=dict)


def check_reports(table: Mapping[str, Any] | None, problem: Callable[[str, str], None]) -> ReportSettings:
    """The settings of a ``[reports]`` table (no costs without one); each problem goes to ``problem(key, message)``."""
    if table is None:
        return ReportSettings()
    raw = table.get("cost_per_contact", {})
    if not isinstance(raw, Mapping):
        problem("reports.cost_per_contact", f"expected a table like {{ phone = 6.5, email = 4.0 }}, got {shown(raw)}")
        return ReportSettings()
    channels = {c.value: c for c in Channel}
    costs: dict[Channel, float] = {}
    for key, value in raw.items():
        dotted = f"reports.cost_per_contact.{key}"
        if key not in channels:
            problem(dotted, f"unknown channel {key!r}: use {', '.join(channels)}")
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_COST:
            problem(dotted, f"expected euros per contact from 0 to {MAX_COST:g}, like 6.5, got {shown(value)}")
        else:
            costs[channels[key]] = float(value)
    return ReportSettings({c: costs[c] for c in Channel if c in costs})
