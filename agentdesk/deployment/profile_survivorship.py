"""The ``[survivorship]`` table of a department profile (the rules of :mod:`agentdesk.merge.rules`)::

    [survivorship]
    trust = ["population data", "water-utility", "daycare"]   # most trusted register first
    [survivorship.fields]                                     # optional, per field
    language = ["daycare", "population data"]

Checked with the rest of the profile (:class:`agentdesk.deployment.profile_check.ProfileChecker`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from agentdesk.merge.rules import DEFAULT_RULES, RulesError, SurvivorshipRules, parse_rules

if TYPE_CHECKING:
    from agentdesk.deployment.profile_check import ProfileChecker


def check_survivorship(checker: ProfileChecker, raw: Mapping[str, Any]) -> SurvivorshipRules:
    table = checker.table(raw, "survivorship", required=False)
    if table is None:
        return DEFAULT_RULES
    try:
        return parse_rules(table)
    except RulesError as exc:
        checker.problem(exc.key, exc.message)
        return DEFAULT_RULES
