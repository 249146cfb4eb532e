"""Texts for the dashboard's figures: durations, shares, presence states.

Each function reads the current translation when it is called, so a widget that calls it again on
``LanguageChange`` follows the language. A missing figure (nothing answered yet today) is an
en dash, never 0 %.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agentdesk.storage.models import PresenceState
from agentdesk_desktop.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Figures", "text")

NONE = "–"


def duration_text(seconds: float | None) -> str:
    """0:45, 12:05, 1 h 02 min, 2 d 3 h: short enough for a tile, exact enough for a supervisor."""
    if seconds is None:
        return NONE
    whole = max(0, round(seconds))
    if whole < 3600:
        return f"{whole // 60}:{whole % 60:02d}"
    if whole < 86_400:
        return fill(translate("Figures", "%1 h %2 min"), whole // 3600, f"{whole % 3600 // 60:02d}")
    return fill(translate("Figures", "%1 d %2 h"), whole // 86_400, whole % 86_400 // 3600)


def share_text(share: float | None) -> str:
    """A share as a whole percentage ("83 %"), or an en dash when there is nothing to divide."""
    if share is None:
        return NONE
    return fill(translate("Figures", "%1 %"), round(share * 100))


def state_label(state: PresenceState) -> str:
    return {
        PresenceState.AVAILABLE: translate("Figures", "Available"),
        PresenceState.BUSY: translate("Figures", "Busy"),
        PresenceState.WRAP_UP: translate("Figures", "Wrap-up"),
        PresenceState.BREAK: translate("Figures", "On a break"),
        PresenceState.OFFLINE: translate("Figures", "Offline"),
    }.get(state, state.value)


# Colours of the presence states (table chips) and of the channels (chart bars).
STATE_COLOURS = {
    PresenceState.AVAILABLE: "#2e7d32",
    PresenceState.BUSY: "#1565c0",
    PresenceState.WRAP_UP: "#6a1b9a",
    PresenceState.BREAK: "#ef6c00",
    PresenceState.OFFLINE: "#757575",
}
