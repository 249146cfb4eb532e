"""The audit actions as the data protection view names them (translated; unknown codes as they are)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditActions", text)


def action_label(action: str) -> str:
    labels = {
        "customer.view": _t("Customer viewed"),
        "customer.create": _t("Customer created"),
        "customer.edit": _t("Customer edited"),
        "customer.merge": _t("Duplicates merged"),
        "customer.unmerge": _t("Merge undone"),
        "hetu.reveal": _t("Identity code shown"),
        "search.results": _t("Search"),
        "interaction.log": _t("Contact logged"),
        "interaction.link": _t("Contact linked"),
        "case.status": _t("Case status changed"),
        "plugin.panel.view": _t("Department panel viewed"),
        "plugin.action": _t("Department action"),
        "gdpr.export": _t("Data export"),
        "break_glass": _t("Break the glass"),
        "dpo.access_log": _t("Data protection review"),
        "access_log.document": _t("Access-log document"),
        "register.import": _t("Register import"),
        "retention.run": _t("Retention run"),
    }
    return labels.get(action, action)
