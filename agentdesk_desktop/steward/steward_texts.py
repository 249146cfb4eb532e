"""The steward's desk's words for what the core names by key: the compared fields, the scan's
comparison levels, the queue statuses and the reasons a merge is refused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_C = "StewardTexts"


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def side_field_labels() -> dict[str, str]:
    """The rows of the side-by-side comparison (agentdesk.duplicates.review.SIDE_FIELDS)."""
    return {
        "first_names": _t("First names"),
        "last_name": _t("Last name"),
        "birth_date": _t("Birth date"),
        "hetu": _t("Identity code"),
        "language": _t("Language"),
        "address": _t("Address"),
        "phones": _t("Phones"),
        "emails": _t("E-mail"),
        "register_ids": _t("Register ids"),
    }


def evidence_field_labels() -> dict[str, str]:
    """The fields the scan compares (agentdesk.duplicates.comparisons.FIELDS)."""
    return {
        "first_names": _t("First names"),
        "last_name": _t("Last name"),
        "birth_date": _t("Birth date"),
        "hetu": _t("Identity code"),
        "phone": _t("Phone"),
        "email": _t("E-mail"),
        "address": _t("Address"),
        "register_id": _t("Register id"),
    }


def level_labels() -> dict[str, str]:
    """The comparison levels (agentdesk.duplicates.comparisons.LEVELS)."""
    return {
        "missing": _t("missing on one side"),
        "exact": _t("the same"),
        "first_given_name": _t("the same first given name"),
        "variant": _t("a variant or nickname"),
        "similar": _t("similar"),
        "somewhat_similar": _t("somewhat similar"),
        "different": _t("different"),
        "one_edit": _t("one letter differs"),
        "two_edits": _t("two letters differ"),
        "day_month_swapped": _t("day and month swapped"),
        "one_digit": _t("one digit differs"),
        "same_year": _t("the same year"),
        "one_typo": _t("one typo"),
        "former_address": _t("a former address"),
        "same_street": _t("the same street"),
        "same_municipality": _t("the same municipality"),
        "same_register_other_id": _t("the same register, another id"),
    }


def status_labels() -> dict[str, str]:
    return {
        "open": _t("new"),
        "unsure": _t("not sure"),
        "accepted": _t("merged"),
        "rejected": _t("two people"),
    }


def decision_labels() -> dict[str, str]:
    """The scan's own verdict on a pair."""
    return {"match": _t("match"), "review": _t("review")}


def language_labels() -> dict[str, str]:
    return {"fi": _t("Finnish"), "sv": _t("Swedish"), "en": _t("English"), "other": _t("other")}


def refusal_text(code: str, message: str) -> str:
    """Why a merge or decision was refused, in the desk's language where the reason is known."""
    known = {
        "different_hetu": _t("They have different identity codes: two people (correct a wrong code first)."),
        "kind_differs": _t("One is a person and the other an organisation."),
        "tombstone": _t("One of them was merged into another customer already."),
        "not_found": _t("One of them is no longer in the register."),
        "already_decided": _t("Someone has already decided this pair."),
        "not_a_candidate": _t("This pair is no longer in the queue."),
    }
    return known.get(code, message)
