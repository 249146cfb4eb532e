"""The ``[work]`` table of a department profile: the agent's wrap-up after a call and its codes::

    [work]
    wrap_up_seconds = 90                           # wrap-up ends by itself after 90 s (0: only by the agent)
    wrap_up_codes = ["resolved", "advice_given", "callback", "forwarded", "no_action"]

Checked like the rest of the profile (dotted key, message); read by the desk's composition root into
:class:`agentdesk.queues.inbox.Inbox` (the codes) and the presence in the status bar (the time). A code
the desk knows (:data:`DEFAULT_WRAP_UP_CODES`) is shown in the agent's language;
another one as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from agentdesk.deployment.profile_nesting import shown

# The codes a profile without [work] gets; the desk has their names in fi/sv/en.
DEFAULT_WRAP_UP_CODES = ("resolved", "advice_given", "callback", "forwarded", "no_action")

WORK_KEYS = ("wrap_up_seconds", "wrap_up_codes")
MAX_WRAP_UP_SECONDS = 3600
MAX_CODES = 30
_CODE = re.compile(r"[a-z0-9_]{1,32}")


@dataclass(frozen=True)
class WorkSettings:
    wrap_up_seconds: int = 60  # 0: wrap-up ends only when the agent ends it
    wrap_up_codes: tuple[str, ...] = DEFAULT_WRAP_UP_CODES


def check_work(table: Mapping[str, Any] | None, problem: Callable[[str, str], None]) -> WorkSettings:
    """The settings of a ``[work]`` table (defaults without one); each problem to ``problem(key, message)``."""
    if table is None:
        return WorkSettings()
    for key in table:
        if key not in WORK_KEYS:
            problem(f"work.{key}", f"unknown key; the [work] table has {', '.join(WORK_KEYS)}")
    seconds = table.get("wrap_up_seconds", WorkSettings.wrap_up_seconds)
    if not isinstance(seconds, int) or isinstance(seconds, bool) or not 0 <= seconds <= MAX_WRAP_UP_SECONDS:
        problem("work.wrap_up_seconds", f"expected whole seconds from 0 to {MAX_WRAP_UP_SECONDS}, got {shown(seconds)}")
        seconds = WorkSettings.wrap_up_seconds
    raw = table.get("wrap_up_codes", list(DEFAULT_WRAP_UP_CODES))
    codes: list[str] = []
    if not isinstance(raw, list) or not raw or len(raw) > MAX_CODES:
        problem("work.wrap_up_codes", f'expected a list of 1 to {MAX_CODES} codes like ["resolved"], got {shown(raw)}')
        raw = list(DEFAULT_WRAP_UP_CODES)
    for i, code in enumerate(raw):
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            problem(f"work.wrap_up_codes[{i}]", f"{shown(code)} is not a code: a-z, 0-9 and _, at most 32 characters")
        elif code in codes:
            problem(f"work.wrap_up_codes[{i}]", f"{shown(code)} is listed twice")
        else:
            codes.append(code)
    return WorkSettings(seconds, tuple(codes) or DEFAULT_WRAP_UP_CODES)
