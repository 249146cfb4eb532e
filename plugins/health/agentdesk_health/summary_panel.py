"""The health summary panel's rows, built from untrusted FHIR resources, in fi/sv/en.

Every value is read defensively (a wrong type, a missing field or a date out of range gives an
empty cell, never an exception), and resources are filtered once more on this side: a server
that ignores a search parameter must not put another patient's or a cancelled appointment on the
agent's screen. A resource is shown only when its patient/subject/participant reference is the
Patient asked for (``Patient/<id>``, or absolute under the server's own base URL), and a name from
a reference is shown only when the reference is of a kind that names no citizen (a location, a
professional, an organisation): never a Patient's, a RelatedPerson's or an untyped one's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.plugin_api import text_of

try:
    HELSINKI: dt.tzinfo | None = ZoneInfo("Europe/Helsinki")
except ZoneInfoNotFoundError:  # Windows without the tzdata package
    HELSINKI = None

MAX_CELL = 200
MISSING = "—"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "upcoming": "Upcoming appointments",
        "recent": "Recent visits",
        "care": "Active care",
        "when": "When",
        "service": "Service",
        "where": "Location / professional",
        "date": "Date",
        "type": "Visit type",
        "reason": "Reason / unit",
        "unit": "Care unit",
        "team": "Team / care manager",
        "period": "Period",
        "no_upcoming": "No upcoming appointments",
        "no_recent": "No visits in the past 12 months",
        "no_care": "No active care",
        "no_patient": "No patient record in {backend}",
        "no_hetu": "No identity code on record",
        "several": "{n} patient records carry this identity code; showing the first",
        "deceased": "Deceased",
        "since": "since {date}",
        "AMB": "Outpatient visit",
        "VR": "Virtual visit",
        "HH": "Home visit",
        "IMP": "Inpatient stay",
        "EMER": "Emergency visit",
    },
    "fi": {
        "upcoming": "Tulevat ajanvaraukset",
        "recent": "Viimeaikaiset käynnit",
        "care": "Käynnissä oleva hoito",
        "when": "Aika",
        "service": "Palvelu",
        "where": "Paikka / ammattilainen",
        "date": "Päivä",
        "type": "Käyntityyppi",
        "reason": "Syy / toimipiste",
        "unit": "Hoitoyksikkö",
        "team": "Tiimi / vastuuhenkilö",
        "period": "Ajanjakso",
        "no_upcoming": "Ei tulevia ajanvarauksia",
        "no_recent": "Ei käyntejä viimeisen 12 kuukauden aikana",
        "no_care": "Ei käynnissä olevaa hoitoa",
        "no_patient": "Ei potilastietoja: {backend}",
        "no_hetu": "Henkilötunnusta ei ole tallennettu",
        "several": "Henkilötunnuksella löytyy {n} potilastietoa; näytetään ensimmäinen",
        "deceased": "Kuollut",
        "since": "{date} alkaen",
        "AMB": "Vastaanottokäynti",
        "VR": "Etävastaanotto",
        "HH": "Kotikäynti",
        "IMP": "Osastohoito",
        "EMER": "Päivystyskäynti",
    },
    "sv": {
        "upcoming": "Kommande tidsbokningar",
        "recent": "Senaste besök",
        "care": "Pågående vård",
        "when": "Tid",
        "service": "Tjänst",
        "where": "Plats / yrkesperson",
        "date": "Datum",
        "type": "Besökstyp",
        "reason": "Orsak / enhet",
        "unit": "Vårdenhet",
        "team": "Team / ansvarsperson",
        "period": "Period",
        "no_upcoming": "Inga kommande tidsbokningar",
        "no_recent": "Inga besök under de senaste 12 månaderna",
        "no_care": "Ingen pågående vård",
        "no_patient": "Ingen patientjournal i {backend}",
        "no_hetu": "Ingen personbeteckning registrerad",
        "several": "{n} patientjournaler har denna personbeteckning; den första visas",
        "deceased": "Avliden",
        "since": "från {date}",
        "AMB": "Mottagningsbesök",
        "VR": "Distansmottagning",
        "HH": "Hembesök",
        "IMP": "Slutenvård",
        "EMER": "Jourbesök",
    },
}


def texts(language: str) -> dict[str, str]:
    return TEXTS.get(language, TEXTS["en"])


# -- reading untrusted values -------------------------------------------------------------------


def _cell(value: str) -> str:
    value = " ".join(value.split())
    return (value[: MAX_CELL - 1] + "…") if len(value) > MAX_CELL else (value or MISSING)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def concept_text(value: Any) -> str:
    """A CodeableConcept (or a Coding) as text: its text, else a coding's display, else a code."""
    concept = _dict(value)
    if text_of(concept.get("text")).strip():
        return text_of(concept["text"]).strip()
    codings = _list(concept.get("coding")) or [concept]
    for key in ("display", "code"):
        for coding in codings:
            text = text_of(_dict(coding).get(key)).strip()
            if text:
                return text
    return ""


def first_concept(values: Any) -> str:
    for value in _list(values):
        text = concept_text(value)
        if text:
            return text
    return ""


# Reference kinds whose display never names a citizen.
PLACES = frozenset({"Location"})
PROFESSIONALS = frozenset({"Practitioner", "PractitionerRole", "HealthcareService", "Organization", "CareTeam"})
REASONS = frozenset({"Condition", "Procedure", "Observation", "ImmunizationRecommendation"})
# Elements FHIR restricts to these kinds: a reference that does not say its kind ("") is one of them.
ORGANISATION = frozenset({"Organization", ""})
CARE_MANAGER = frozenset({"Practitioner", "PractitionerRole", ""})
TEAM = frozenset({"CareTeam", ""})


def reference_type(value: Any) -> str:
    """The resource type a Reference points at: from its ``reference`` (relative or absolute URL),
    else its ``type``; '' when it has neither (a display alone), '?' when its reference names no
    type (a contained ``#id``, a conditional or broken reference)."""
    ref = _dict(value)
    target = text_of(ref.get("reference")).strip().split("/_history/")[0]
    if target:
        parts = target.rstrip("/").split("/")
        kind = parts[-2] if len(parts) >= 2 and "?" not in target else ""
        return kind if kind.isalpha() else "?"
    return text_of(ref.get("type")).strip()


def reference_display(value: Any, kinds: frozenset[str] | None = None) -> str:
    """The display of a Reference; with ``kinds``, only when the reference says it is one of them
    (or, for an element FHIR restricts to those kinds, says nothing: ``kinds`` with '' in it)."""
    if kinds is not None and reference_type(value) not in kinds:
        return ""
    return text_of(_dict(value).get("display")).strip()


def refers_to_patient(value: Any, patient_id: str, base_url: str = "") -> bool:
    """Whether a Reference points at Patient/<patient_id>: relative, or absolute under ``base_url``
    (the server asked), versioned or not. An absolute reference elsewhere is another server's patient."""
    ref = text_of(_dict(value).get("reference")).split("/_history/")[0]
    if not patient_id or not ref:
        return False
    return ref == f"Patient/{patient_id}" or (bool(base_url) and ref == f"{base_url.rstrip('/')}/Patient/{patient_id}")


def parse_when(value: Any) -> dt.datetime | dt.date | None:
    """A FHIR date or dateTime; None for anything else, including a moment that cannot be shown in
    Helsinki time (``0001-01-01T00:00:00+14:00``, ``9999-12-31T23:59:59Z``)."""
    text = text_of(value).strip()
    if not text or len(text) > 40:
        return None
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text)  # Python 3.11 reads a trailing Z
        if moment.tzinfo is not None:
            moment.astimezone(dt.UTC)
            _local(moment)
        return moment
    except (ValueError, OverflowError):
        return None


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(HELSINKI) if HELSINKI else moment.astimezone()


def day_of(value: Any) -> dt.date | None:
    moment = parse_when(value)
    if isinstance(moment, dt.datetime):
        return _local(moment).date()
    return moment


def format_date(day: dt.date, language: str) -> str:
    return day.isoformat() if language == "en" else f"{day.day}.{day.month}.{day.year}"


def format_when(value: Any, language: str, with_time: bool = True) -> str:
    moment = parse_when(value)
    if moment is None:
        return text_of(value)[:40]
    if not isinstance(moment, dt.datetime):
        return format_date(moment, language)
    local = _local(moment)
    if not with_time:
        return format_date(local.date(), language)
    if language == "en":
        return f"{local:%Y-%m-%d %H:%M}"
    word = "kl." if language == "sv" else "klo"
    return f"{format_date(local.date(), language)} {word} {local.hour}.{local.minute:02d}"


def _sort_key(value: Any) -> float:
    moment = parse_when(value)
    if isinstance(moment, dt.datetime):
        return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).timestamp()
    if isinstance(moment, dt.date):
        return dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC).timestamp()
    return float("inf")


# -- rows ---------------------------------------------------------------------------------------


def appointment_rows(
    resources: Iterable[dict[str, Any]],
    patient_id: str,
    today: dt.date,
    language: str,
    limit: int = 20,
    base_url: str = "",
) -> tuple[tuple[str, ...], ...]:
    """(when, service, location / professional) of booked appointments from today on, soonest first."""
    kept = []
    for a in resources:
        participants = [_dict(p) for p in _list(a.get("participant"))]
        if a.get("status") != "booked" or not any(
            refers_to_patient(p.get("actor"), patient_id, base_url) for p in participants
        ):
            continue
        start = day_of(a.get("start"))
        if start is not None and start < today:
            continue
        kept.append(a)
    kept.sort(key=lambda a: _sort_key(a.get("start")))
    rows = []
    for a in kept[:limit]:
        service = (
            first_concept(a.get("serviceType"))
            or concept_text(a.get("appointmentType"))
            or first_concept(a.get("serviceCategory"))
            or text_of(a.get("description"))
        )
        places, people = [], []
        for p in (_dict(p) for p in _list(a.get("participant"))):
            actor = p.get("actor")
            # Only actors that say they are a place or a professional: never a patient's, a
            # relative's (RelatedPerson) or an untyped actor's name, nor the customer's own.
            if place := reference_display(actor, PLACES):
                places.append(place)
            elif person := reference_display(actor, PROFESSIONALS):
                people.append(person)
        rows.append((_cell(format_when(a.get("start"), language)), _cell(service), _cell(", ".join(places + people))))
    return tuple(rows)


def encounter_rows(
    resources: Iterable[dict[str, Any]],
    patient_id: str,
    since: dt.date,
    language: str,
    limit: int = 10,
    base_url: str = "",
) -> tuple[tuple[str, ...], ...]:
    """(date, visit type, reason / unit) of visits since ``since``, latest first."""
    t = texts(language)
    kept = []
    for e in resources:
        if not refers_to_patient(e.get("subject"), patient_id, base_url) or e.get("status") == "entered-in-error":
            continue
        start = day_of(_dict(e.get("period")).get("start"))
        if start is not None and start < since:
            continue
        kept.append(e)
    kept.sort(key=lambda e: -_sort_key(_dict(e.get("period")).get("start")))
    rows = []
    for e in kept[:limit]:
        klass = _dict(e.get("class"))
        klass_text = t.get(text_of(klass.get("code")), "") or concept_text(klass)
        kind = " · ".join(x for x in (first_concept(e.get("type")), klass_text) if x)
        reason = first_concept(e.get("reasonCode")) or next(
            (text for r in _list(e.get("reasonReference")) if (text := reference_display(r, REASONS | {""}))), ""
        )
        where = reference_display(e.get("serviceProvider"), ORGANISATION)
        rows.append(
            (
                _cell(format_when(_dict(e.get("period")).get("start"), language, with_time=False)),
                _cell(kind),
                _cell(" · ".join(x for x in (reason, where) if x)),
            )
        )
    return tuple(rows)


def episode_rows(
    resources: Iterable[dict[str, Any]], patient_id: str, language: str, limit: int = 20, base_url: str = ""
) -> tuple[tuple[str, ...], ...]:
    """(care unit, team / care manager, period) of active episodes of care."""
    t = texts(language)
    rows = []
    for c in resources:
        if c.get("status") != "active" or not refers_to_patient(c.get("patient"), patient_id, base_url):
            continue
        unit = reference_display(c.get("managingOrganization"), ORGANISATION)
        who = [reference_display(c.get("careManager"), CARE_MANAGER)] + [
            reference_display(x, TEAM) for x in _list(c.get("team"))
        ]
        period = _dict(c.get("period"))
        start, end = period.get("start"), period.get("end")
        if start and end:
            when = f"{format_when(start, language, False)} – {format_when(end, language, False)}"
        elif start:
            when = t["since"].format(date=format_when(start, language, False))
        else:
            when = ""
        rows.append((_cell(unit), _cell(", ".join(w for w in who if w)), _cell(when)))
        if len(rows) >= limit:
            break
    return tuple(rows)
