"""One register row through the identity rules: canonical values where a rule passes, the value as
the source wrote it and a flag where it fails. Nothing the source said is dropped; a row is
rejected only when it has no register id or no name at all.

Flags are stable codes: the :class:`agentdesk.identity.IdentityError` code where the identity
module has a rule (``"hetu.check_char"``, ``"phone.too_short"``), and these for the rest:

- ``birth_date.format``        not a date in the mapping's ``date_format``
- ``birth_date.future``        a birth date after the import's day
- ``birth_date.hetu_mismatch`` the birth date differs from the identity code's
- ``postal_code.not_finnish``  not five digits (a foreign or mistyped postcode)
- ``municipality.unknown``     not a Finnish municipality (a foreign address or a typo)
- ``language.unknown``         not a language AgentDesk knows
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from agentdesk import identity, municipalities
from agentdesk.register_import.mapping import RegisterMapping
from agentdesk.storage.kinds import Language

LANGUAGES = {
    "fi": Language.FI,
    "fin": Language.FI,
    "suomi": Language.FI,
    "finnish": Language.FI,
    "finska": Language.FI,
    "sv": Language.SV,
    "swe": Language.SV,
    "ruotsi": Language.SV,
    "svenska": Language.SV,
    "swedish": Language.SV,
    "en": Language.EN,
    "eng": Language.EN,
    "englanti": Language.EN,
    "english": Language.EN,
    "engelska": Language.EN,
}


class RowRejected(ValueError):
    """The row cannot become a customer; the message says why."""


@dataclass
class CleanRow:
    register_id: str
    first_names: str = ""
    last_name: str = ""
    birth_date: dt.date | None = None
    hetu: str = ""  # canonical, only when valid
    phone: str = ""  # E.164, only when valid
    email: str = ""  # lower-cased, only when valid
    street: str = ""  # street and house number as one line
    postal_code: str = ""
    municipality: str = ""
    language: Language | None = None
    external_id: str = ""
    # AgentDesk field -> the value as the source wrote it (every non-blank mapped field)
    said: dict[str, str] = field(default_factory=dict)
    # AgentDesk field -> flag code, for values that failed a rule
    flags: dict[str, str] = field(default_factory=dict)

    @property
    def has_address(self) -> bool:
        return bool(self.street or self.postal_code or self.municipality)


def _squash(value: str) -> str:
    return " ".join(value.split())


def clean_row(values: dict[str, str], mapping: RegisterMapping, today: dt.date) -> CleanRow:
    """The row's AgentDesk fields; raises :class:`RowRejected` for a row without id or name."""
    # Canonical like every identifier: upper-case, no spaces (the search box finds "ab-1234" too).
    register_id = "".join(values.get(mapping.id_column, "").split()).upper()
    if not register_id:
        raise RowRejected(f"no register id in column {mapping.id_column!r}")
    if len(register_id) > 64:
        raise RowRejected(f"the register id in column {mapping.id_column!r} is longer than 64 characters")
    said = {f: _squash(values.get(col, "")) for f, col in mapping.columns.items()}
    said = {f: v for f, v in said.items() if v}
    row = CleanRow(register_id, said=said)
    row.first_names = said.get("first_names", "")[:200]
    row.last_name = said.get("last_name", "")[:200]
    if not row.first_names and not row.last_name:
        raise RowRejected("no name (both first names and last name are empty)")
    hetu_birth = _hetu(row, today)
    _birth_date(row, mapping, today, hetu_birth)
    _contacts(row)
    _address(row)
    if "language" in said:
        lang = LANGUAGES.get(said["language"].lower())
        if lang is None:
            row.flags["language"] = "language.unknown"
        row.language = lang or Language.OTHER
    if "external_id" in said:
        row.external_id = said["external_id"].upper().replace(" ", "")[:64]
    return row


def _hetu(row: CleanRow, today: dt.date) -> dt.date | None:
    text = row.said.get("hetu", "")
    if not text:
        return None
    try:
        parsed = identity.parse_hetu(text, today=today)
    except identity.IdentityError as exc:
        row.flags["hetu"] = exc.code
        return None
    row.hetu = parsed.value
    return parsed.birth_date


def _birth_date(row: CleanRow, mapping: RegisterMapping, today: dt.date, from_hetu: dt.date | None) -> None:
    text = row.said.get("birth_date", "")
    if not text:
        row.birth_date = from_hetu
        return
    try:
        given = dt.datetime.strptime(text, mapping.date_format).date()
    except ValueError:
        row.flags["birth_date"] = "birth_date.format"
        row.birth_date = from_hetu
        return
    if given > today:
        row.flags["birth_date"] = "birth_date.future"
        row.birth_date = from_hetu
    elif from_hetu and given != from_hetu:
        row.flags["birth_date"] = "birth_date.hetu_mismatch"
        row.birth_date = given  # kept as the source said it; the flag and the hetu tell the steward
    else:
        row.birth_date = given


def _contacts(row: CleanRow) -> None:
    if phone := row.said.get("phone", ""):
        try:
            row.phone = identity.normalise_phone(phone)
        except identity.IdentityError as exc:
            row.flags["phone"] = exc.code
    if email := row.said.get("email", ""):
        try:
            row.email = identity.normalise_email(email)
        except identity.IdentityError as exc:
            row.flags["email"] = exc.code


def _address(row: CleanRow) -> None:
    street = " ".join(p for p in (row.said.get("street", ""), row.said.get("house_number", "")) if p)
    row.street = street[:200]
    postal = row.said.get("postal_code", "")
    if postal and not (postal.isdigit() and len(postal) == 5):
        row.flags["postal_code"] = "postal_code.not_finnish"
    row.postal_code = postal[:10]
    place = row.said.get("municipality", "")
    if place and municipalities.lookup(place) is None:
        row.flags["municipality"] = "municipality.unknown"
    row.municipality = place[:100]
