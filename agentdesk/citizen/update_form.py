"""The citizen's self-service form and its checks by the identity rules (the identity code's check
character, a phone number that can be put in E.164, an e-mail address, a Finnish postal code, a known
municipality, a moving date not far off): :func:`check` gives the canonical values or
:class:`SelfServiceInvalid` with a code per field. :mod:`agentdesk.citizen.updates` queues what passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from agentdesk import identity, municipalities

KINDS = ("phone", "email", "language", "address")
FIELDS = {  # kind -> the form's fields it takes (besides the identity code and the last name)
    "phone": ("phone",),
    "email": ("email",),
    "language": ("language",),
    "address": ("street", "postal_code", "municipality", "moved_on"),
}


class SelfServiceInvalid(ValueError):
    """field → (code, English message). The web page words the code in the citizen's language."""

    def __init__(self, problems: Mapping[str, tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{k}: {m}" for k, (_c, m) in problems.items()))
        self.problems = dict(problems)


@dataclass(frozen=True, slots=True)
class SelfServiceForm:
    kind: str
    hetu: str
    last_name: str
    phone: str = ""
    email: str = ""
    language: str = ""
    street: str = ""  # street, number, staircase and flat: "Hämeenkatu 12 B 5"
    postal_code: str = ""
    municipality: str = ""
    moved_on: str = ""  # d.m.yyyy or yyyy-mm-dd

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> SelfServiceForm:
        """From a JSON object or a posted form: unknown keys are ignored, values made strings."""

        def text(key: str) -> str:
            value = data.get(key, "")
            return value.strip() if isinstance(value, str) else "" if value is None else str(value)

        return cls(**{name: text(name) for name in cls.__dataclass_fields__})


def check(form: SelfServiceForm, *, today: dt.date | None = None) -> dict[str, str]:
    """The proposed values, canonical; :class:`SelfServiceInvalid` with every problem at once."""
    today = today or dt.date.today()
    problems: dict[str, tuple[str, str]] = {}
    proposed: dict[str, str] = {}
    if form.kind not in KINDS:
        problems["kind"] = ("kind.unknown", "Choose what you want to update")
    try:
        proposed["hetu"] = identity.parse_hetu(form.hetu, today=today).value
    except identity.IdentityError as exc:
        problems["hetu"] = (exc.code, exc.message)
    if not form.last_name.strip():
        problems["last_name"] = ("last_name.required", "Give your last name")
    for name in FIELDS.get(form.kind, ()):
        value = getattr(form, name).strip()
        try:
            proposed[name] = _clean(name, value, today)
        except identity.IdentityError as exc:
            problems[name] = (exc.code, exc.message)
    if problems:
        raise SelfServiceInvalid(problems)
    return proposed


def _clean(name: str, value: str, today: dt.date) -> str:
    if name == "phone":
        return identity.normalise_phone(value)
    if name == "email":
        return identity.normalise_email(value)
    if name == "language":
        if value not in ("fi", "sv", "en"):
            raise identity.IdentityError("language.unknown", "Choose Finnish, Swedish or English")
        return value
    if name == "street":
        if not value:
            raise identity.IdentityError("street.required", "Give the street address")
        if len(value) > 200:
            raise identity.IdentityError("street.too_long", "The street address is too long")
        return value
    if name == "postal_code":
        if not (len(value) == 5 and value.isascii() and value.isdigit()):
            raise identity.IdentityError("postal_code.not_finnish", "A Finnish postal code has five digits")
        return value
    if name == "municipality":
        found = municipalities.lookup(value) if value else None
        if found is None:
            raise identity.IdentityError("municipality.unknown", "Give a Finnish municipality")
        return found.name_fi
    if name == "moved_on":
        try:
            day = _date(value)
        except ValueError:
            raise identity.IdentityError("moved_on.invalid", "Give the moving date as d.m.yyyy") from None
        if abs((day - today).days) > 366:
            raise identity.IdentityError("moved_on.far", "The moving date is more than a year away")
        return day.isoformat()
    return value


def _date(text: str) -> dt.date:
    text = text.strip()
    if "." in text:
        d, m, y = (int(p) for p in text.split("."))
        return dt.date(y, m, d)
    return dt.date.fromisoformat(text)
