"""The ``[retention]`` table of a department profile::

    [retention]
    contacts_years = 6              # contacts older than this are anonymised (notes, subjects, customer link)
    legal_hold_open_cases = true    # the default: contacts of an open service case are kept as they are

Checked with the rest of the profile (:class:`agentdesk.deployment.profile_check.ProfileChecker`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from agentdesk.deployment.profile_model import RetentionRule
from agentdesk.deployment.profile_nesting import shown

if TYPE_CHECKING:
    from agentdesk.deployment.profile_check import ProfileChecker

MAX_YEARS = 100


def check_retention(checker: ProfileChecker, raw: Mapping[str, Any]) -> RetentionRule | None:
    table = checker.table(raw, "retention", required=False)
    if table is None:
        return None
    checker.unknown_keys(table, "retention.", ("contacts_years", "legal_hold_open_cases"))
    years = table.get("contacts_years")
    hold = table.get("legal_hold_open_cases", True)
    ok = True
    if years is None:
        checker.problem("retention.contacts_years", "missing: how many years contacts are kept, e.g. 6")
        ok = False
    elif not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= MAX_YEARS:
        checker.problem(
            "retention.contacts_years", f"expected a whole number of years from 1 to {MAX_YEARS}, got {shown(years)}"
        )
        ok = False
    if not isinstance(hold, bool):
        checker.problem("retention.legal_hold_open_cases", f"expected true or false, got {shown(hold)}")
        ok = False
    return RetentionRule(int(years), bool(hold)) if ok and isinstance(years, int) else None
