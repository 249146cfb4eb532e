"""The report's texts in the user's language: figure names, how a value is shown, the trend arrow."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agentdesk.reports.figures import SHARES

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
UP, DOWN, SAME = "▲", "▼", "▶"
SECONDS = frozenset({"speed_of_answer_mean", "speed_of_answer_p90", "handle_time_mean"})
EUROS = frozenset({"cost_per_contact", "cost"})
# A rise is good news for these (green); for the rest of the figures a rise is bad news, or neither.
HIGHER_IS_BETTER = frozenset(
    {"service_level", "first_contact_resolution", "feedback_response_rate", "feedback_score_mean"}
)
SCORES = frozenset({"feedback_score_mean"})  # 1-5, shown with one decimal
LOWER_IS_BETTER = frozenset(
    {
        "speed_of_answer_mean",
        "speed_of_answer_p90",
        "handle_time_mean",
        "abandonment_rate",
        "cost_per_contact",
        "backlog",
        "ageing_over_20",
        "resolved_late",
        "open_overdue",
        "deadline_breaches",
    }
)


def figure_labels() -> dict[str, str]:
    """Figure code → its name, for the table and the exports made in the desk."""
    return {
        "contacts": translate("Reports", "Contacts"),
        "share_of_contacts": translate("Reports", "Share of contacts"),
        "service_level": translate("Reports", "Service level"),
        "speed_of_answer_mean": translate("Reports", "Speed of answer, mean"),
        "speed_of_answer_p90": translate("Reports", "Speed of answer, 90th percentile"),
        "handle_time_mean": translate("Reports", "Handle time, mean"),
        "abandonment_rate": translate("Reports", "Abandonment rate"),
        "first_contact_resolution": translate("Reports", "First-contact resolution"),
        "cost_per_contact": translate("Reports", "Cost per contact"),
        "cost": translate("Reports", "Cost"),
        "backlog": translate("Reports", "Backlog at period end"),
        "ageing_0_5": translate("Reports", "Aged 0–5 working days"),
        "ageing_6_10": translate("Reports", "Aged 6–10 working days"),
        "ageing_11_20": translate("Reports", "Aged 11–20 working days"),
        "ageing_over_20": translate("Reports", "Aged over 20 working days"),
        "resolved_late": translate("Reports", "Resolved after the due date"),
        "open_overdue": translate("Reports", "Open past the due date"),
        "deadline_breaches": translate("Reports", "Deadline breaches"),
        "surveys_sent": translate("Reports", "Feedback surveys sent"),
        "feedback_answers": translate("Reports", "Feedback answers"),
        "feedback_response_rate": translate("Reports", "Feedback response rate"),
        "feedback_score_mean": translate("Reports", "Feedback score, mean (1–5)"),
    }


def shown(code: str, value: float | None) -> str:
    """A figure as the table shows it: 82 %, 43 s, 6,50 €, 4,2, 1 204; a dash when there is none."""
    if value is None:
        return "–"
    if code in SHARES:
        return f"{100 * value:.0f} %"
    if code in SECONDS:
        return f"{value:.0f} s" if value < 600 else f"{value / 60:.0f} min"
    if code in EUROS:
        return f"{value:,.2f} €".replace(",", " ").replace(".", ",")
    if code in SCORES:
        return f"{value:.1f}".replace(".", ",")
    return f"{value:,.0f}".replace(",", " ")


def change_text(code: str, change: float | None) -> str:
    """The change against the previous period with its arrow: ▲ 5 pp, ▼ 12 s, ▶ 0."""
    if change is None:
        return "–"
    if not significant(code, change):
        return f"{SAME} 0"
    arrow = UP if change > 0 else DOWN
    if code in SHARES:
        return f"{arrow} {abs(100 * change):.0f} " + translate("Reports", "pp")
    return f"{arrow} {shown(code, abs(change))}"


def significant(code: str, change: float) -> bool:
    """Whether a change shows at the precision the figure is shown with (a 0.2 pp change does not)."""
    if code in SHARES:
        return abs(100 * change) >= 0.5
    if code in EUROS:
        return abs(change) >= 0.005
    if code in SCORES:
        return abs(change) >= 0.05
    return abs(change) >= 0.5


def change_is_good(code: str, change: float | None) -> bool | None:
    """True for good news, False for bad, None for neither (or no change that shows)."""
    if change is None or not significant(code, change):
        return None
    if code in HIGHER_IS_BETTER:
        return change > 0
    if code in LOWER_IS_BETTER:
        return change < 0
    return None
