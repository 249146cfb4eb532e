"""Translated names for the core's codes (channels, outcomes, alerts, relations, ...).

The overview, the contact logging panel and the customer form show the same codes; their texts
live here once. Each function reads the current translation when called, so a widget that calls
it again in its ``LanguageChange`` handler follows the language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale

from agentdesk.storage.models import AlertKind, CaseStatus, Channel, Direction, Language, Outcome
from agentdesk.topics import Topic
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.search_results_model import format_date as format_day
from agentdesk_desktop.widgets.department_label import department_label

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

LANGUAGE_CODES = ("fi", "sv", "en")
HELSINKI = ZoneInfo("Europe/Helsinki")  # the city's time: every time on screen


def ui_language() -> str:
    """'fi', 'sv' or 'en': the language the desk is showing (set through QLocale by agentdesk_desktop.i18n)."""
    code = QLocale().name()[:2]
    return code if code in LANGUAGE_CODES else "en"


def channel_label(channel: Channel) -> str:
    return {
        Channel.PHONE: translate("Labels", "Phone"),
        Channel.EMAIL: translate("Labels", "E-mail"),
        Channel.WALK_IN: translate("Labels", "Walk-in"),
        Channel.WEB: translate("Labels", "Web"),
        Channel.SMS: translate("Labels", "SMS"),
    }.get(channel, channel.value)


def direction_label(direction: Direction) -> str:
    return {
        Direction.INBOUND: translate("Labels", "incoming"),
        Direction.OUTBOUND: translate("Labels", "outgoing"),
    }.get(direction, direction.value)


def outcome_label(outcome: Outcome | None) -> str:
    if outcome is None:
        return ""
    return {
        Outcome.RESOLVED_FIRST_CONTACT: translate("Labels", "Resolved at first contact"),
        Outcome.FORWARDED: translate("Labels", "Forwarded to a department"),
        Outcome.CASE_CREATED: translate("Labels", "Case created"),
        Outcome.UNRESOLVED: translate("Labels", "Unresolved"),
    }.get(outcome, outcome.value)


def alert_label(kind: AlertKind) -> str:
    return {
        AlertKind.SAFETY_WARNING: translate("Labels", "Safety warning"),
        AlertKind.INTERPRETER_NEEDED: translate("Labels", "Needs an interpreter"),
        AlertKind.DECEASED: translate("Labels", "Deceased"),
        AlertKind.PROTECTED_ADDRESS: translate("Labels", "Address protected"),
    }.get(kind, kind.value)


def language_label(language: Language) -> str:
    return {
        Language.FI: translate("Labels", "Finnish"),
        Language.SV: translate("Labels", "Swedish"),
        Language.EN: translate("Labels", "English"),
        Language.OTHER: translate("Labels", "Other language"),
    }.get(language, language.value)


def case_status_label(status: CaseStatus) -> str:
    return {
        CaseStatus.NEW: translate("Labels", "New"),
        CaseStatus.OPEN: translate("Labels", "Assigned"),
        CaseStatus.WAITING: translate("Labels", "Waiting for the citizen"),
        CaseStatus.WAITING_BACKOFFICE: translate("Labels", "Waiting for the back office"),
        CaseStatus.RESOLVED: translate("Labels", "Resolved"),
        CaseStatus.CLOSED: translate("Labels", "Closed"),
        CaseStatus.REOPENED: translate("Labels", "Reopened"),
    }.get(status, status.value)


def contact_label(label: str) -> str:
    """A phone number's or e-mail address's label in the desk's language when it is one of the codes the
    registers use (``mobile``, ``home``, ``work``, ``landline``); any other label as the register wrote it."""
    return {
        "mobile": translate("Labels", "mobile"),
        "home": translate("Labels", "home"),
        "work": translate("Labels", "work"),
        "landline": translate("Labels", "landline"),
    }.get(label.strip().lower(), label)


def department_names(departments: Sequence[tuple[int, str, str]]) -> dict[str, str]:
    """The stored name → the name on screen, for views that carry a department's name only."""
    return {name: department_label(code, name) for _id, code, name in departments}


def role_label(code: str, description: str | None) -> str:
    """A customer's role: the register's description when it gives one, else the role code in the desk's
    language when the desk knows it, else the code as the register wrote it."""
    if description:
        return description
    return {
        "water_customer": translate("Labels", "Water utility customer"),
        "tenant": translate("Labels", "City rental tenant"),
        "daycare_guardian": translate("Labels", "Guardian of a child in daycare"),
    }.get(code, code)


def relation_label(relation: str) -> str:
    """``RelationView.relation``: how the other person is related to the one on screen."""
    return {
        "guardian_of": translate("Labels", "Child"),  # I am the guardian: the other is my child
        "child_of": translate("Labels", "Guardian"),
        "household_member": translate("Labels", "Household"),
        "represents": translate("Labels", "Represents"),
        "represented_by": translate("Labels", "Representative"),
    }.get(relation, relation)


def duplicate_reason_label(reason: str, *, similar_name: bool = True) -> str:
    """Why a customer looks like a duplicate. Apart from an identity code or business ID, a match
    always comes with a similar name; ``similar_name=False`` when the name was not compared."""
    if similar_name:
        texts = {
            "same_birth_date": translate("Labels", "similar name, same birth date"),
            "same_phone": translate("Labels", "similar name, same phone number"),
            "same_email": translate("Labels", "similar name, same e-mail"),
            "same_address": translate("Labels", "similar name, same address"),
        }
    else:
        texts = {
            "same_birth_date": translate("Labels", "same birth date"),
            "same_phone": translate("Labels", "same phone number"),
            "same_email": translate("Labels", "same e-mail"),
            "same_address": translate("Labels", "same address"),
        }
    texts["same_hetu"] = translate("Labels", "same identity code")
    texts["same_ytunnus"] = translate("Labels", "same business ID")
    return texts.get(reason, reason)


def topic_label(code: str, topics: dict[str, Topic]) -> str:
    topic = topics.get(code)
    return topic.label(ui_language()) if topic is not None else code


def format_moment(value: dt.datetime | None) -> str:
    """A stored UTC moment in Helsinki time, whatever the workstation's zone: 5.1.2025 14:32 (every time
    on the desk's screens is the city's own, so a timeline and a call clock never disagree)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone(HELSINKI)
    return f"{local.day}.{local.month}.{local.year} {local.hour:02d}:{local.minute:02d}"


def format_period(start: dt.date | None, end: dt.date | None) -> str:
    """'1.8.2021 – 31.7.2024', 'since 1.8.2021', 'until 31.7.2024' or ''."""
    if start and end:
        return f"{format_day(start)} – {format_day(end)}"
    if start:
        return fill(translate("Labels", "since %1"), format_day(start))
    if end:
        return fill(translate("Labels", "until %1"), format_day(end))
    return ""
