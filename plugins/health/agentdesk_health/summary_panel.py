"""The health summary panel's rows, built from untrusted FHIR resources, in fi/sv/en.

Every value is read defensively (a wrong type or a missing field gives an empty cell, never an
exception), and resources are filtered once more on this side: a server that ignores a search
parameter must not put another patient's or a cancelled appointment on the agent's screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from agentdesk.plugin_api import text_of

try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    HELSINKI: dt.tzinfo | None = ZoneInfo("Europe/Helsinki")
except (ImportError, ZoneInfoNotFoundError):  # Windows without the tzdata package
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


def reference_display(value: Any) -> str:
    return text_of(_dict(value).get("display")).strip()


def refers_to_patient(value: Any, patient_id: str) -> bool:
    """Whether a Reference points at Patient/<patient_id> (relative, absolute or versioned)."""
    ref = text_of(_dict(value).get("reference")).split("/_history/")[0]
    return ref == f"Patient/{patient_id}" or ref.endswith(f"/Patient/{patient_id}")


def parse_when(value: Any) -> dt.datetime | dt.date | None:
    text = text_of(value).strip()
    if not text:
        return None
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
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
        return (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)).timestamp()
    if isinstance(moment, dt.date):
        return dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.timezone.utc).timestamp()
    return float("inf")


# -- rows ---------------------------------------------------------------------------------------


def appointment_rows(resources: Iterable[dict[str, Any]], patient_id: str, today: dt.date,
                     language: str, limit: int = 20) -> tuple[tuple[str, ...], ...]:
    """(when, service, location / professional) of booked appointments from today on, soonest first."""
    kept = []
    for a in resources:
        participants = [_dict(p) for p in _list(a.get("participant"))]
        if a.get("status") != "booked" or not any(refers_to_patient(p.get("actor"), patient_id)
                                                  for p in participants):
            continue
        start = day_of(a.get("start"))
        if start is not None and start < today:
            continue
        kept.append(a)
    kept.sort(key=lambda a: _sort_key(a.get("start")))
    rows = []
    for a in kept[:limit]:
        service = (first_concept(a.get("serviceType")) or concept_text(a.get("appointmentType"))
                   or first_concept(a.get("serviceCategory")) or text_of(a.get("description")))
        places, people = [], []
        for p in (_dict(p) for p in _list(a.get("participant"))):
            actor = _dict(p.get("actor"))
            ref = text_of(actor.get("reference"))
            name = reference_display(actor)
            if not name or ref.startswith("Patient/") or "/Patient/" in ref:
                continue  # never another patient's name, nor the customer's own
            (places if ref.startswith("Location/") or "/Location/" in ref else people).append(name)
        rows.append((_cell(format_when(a.get("start"), language)), _cell(service),
                     _cell(", ".join(places + people))))
    return tuple(rows)


def encounter_rows(resources: Iterable[dict[str, Any]], patient_id: str, since: dt.date,
                   language: str, limit: int = 10) -> tuple[tuple[str, ...], ...]:
    """(date, visit type, reason / unit) of visits since ``since``, latest first."""
    t = texts(language)
    kept = []
    for e in resources:
        if not refers_to_patient(e.get("subject"), patient_id) or e.get("status") == "entered-in-error":
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
            (reference_display(r) for r in _list(e.get("reasonReference")) if reference_display(r)), "")
        where = reference_display(e.get("serviceProvider"))
        rows.append((_cell(format_when(_dict(e.get("period")).get("start"), language, with_time=False)),
                     _cell(kind), _cell(" · ".join(x for x in (reason, where) if x))))
    return tuple(rows)


def episode_rows(resources: Iterable[dict[str, Any]], patient_id: str,
                 language: str, limit: int = 20) -> tuple[tuple[str, ...], ...]:
    """(care unit, team / care manager, period) of active episodes of care."""
    t = texts(language)
    rows = []
    for c in resources:
        if c.get("status") != "active" or not refers_to_patient(c.get("patient"), patient_id):
            continue
        unit = reference_display(c.get("managingOrganization"))
        who = [reference_display(c.get("careManager"))] + [reference_display(x) for x in _list(c.get("team"))]
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
