"""A department's name in the desk's language. Kept apart from :mod:`agentdesk_desktop.widgets.labels` (which
reads the ORM's code enums) so that the main window and the sign-in, shown before the rest loads, import no ORM."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def department_label(code: str, name: str) -> str:
    """A department in the desk's language when its code is one of the city's own; any other department,
    and every department in Finnish, by the name the register gives it (the register's names are Finnish; a
    department the staff directory made knows only its code, and is named by it)."""
    if not name or (name != code and QLocale().name().startswith("fi")):
        return name
    return {
        "customer_service": translate("Labels", "Customer service"),
        "education": translate("Labels", "Education"),
        "technical": translate("Labels", "Technical services"),
        "housing": translate("Labels", "Housing"),
        "social": translate("Labels", "Social services"),
        "health": translate("Labels", "Health services"),
    }.get(code, name)
