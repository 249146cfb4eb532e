"""The ``clients`` panel: a person's client relationships as PanelData, in Finnish, Swedish or English."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.plugin_api import Badge, PanelData, Section, Table
from agentdesk_social.client import ClientRecord, Relationship

try:  # Windows has no system time-zone database; the tzdata package may be missing there
    _LOCAL: tzinfo | None = ZoneInfo("Europe/Helsinki")
except ZoneInfoNotFoundError:  # pragma: no cover - depends on the platform
    _LOCAL = None

LANGUAGES = ("fi", "sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "section": {"fi": "Asiakkuudet", "sv": "Klientrelationer", "en": "Client relationships"},
    "unit": {"fi": "Yksikkö", "sv": "Enhet", "en": "Unit"},
    "service_area": {"fi": "Palvelualue", "sv": "Tjänsteområde", "en": "Service area"},
    "worker": {"fi": "Työntekijä", "sv": "Handläggare", "en": "Worker"},
    "contact": {"fi": "Yhteystiedot", "sv": "Kontaktuppgifter", "en": "Contact"},
    "status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "start": {"fi": "Alkanut", "sv": "Inledd", "en": "Start"},
    "next_meeting": {"fi": "Seuraava tapaaminen", "sv": "Nästa möte", "en": "Next meeting"},
    "active": {"fi": "Aktiivinen", "sv": "Aktiv", "en": "Active"},
    "waiting": {"fi": "Jonossa", "sv": "Väntar", "en": "Waiting"},
    "ended": {"fi": "Päättynyt", "sv": "Avslutad", "en": "Ended"},
    "multi_service": {"fi": "Monipalveluasiakas", "sv": "Klient vid flera enheter", "en": "Multi-service client"},
    "not_a_client": {
        "fi": "Ei sosiaalipalvelujen asiakkuuksia",
        "sv": "Inga klientrelationer inom socialvården",
        "en": "Not a client of social services",
    },
    "no_hetu": {
        "fi": "Henkilötunnusta ei ole tallennettu",
        "sv": "Ingen personbeteckning registrerad",
        "en": "No identity code on record",
    },
    "at": {"fi": "klo", "sv": "kl.", "en": ""},
    "none": {"fi": "—", "sv": "—", "en": "—"},
}

SERVICE_AREAS: dict[str, dict[str, str]] = {
    "housing": {"fi": "Asuminen", "sv": "Boende", "en": "Housing"},
    "debt_counselling": {
        "fi": "Talous- ja velkaneuvonta",
        "sv": "Ekonomi- och skuldrådgivning",
        "en": "Debt counselling",
    },
    "income_support": {"fi": "Toimeentulotuki", "sv": "Utkomststöd", "en": "Income support"},
    "child_welfare": {"fi": "Lastensuojelu", "sv": "Barnskydd", "en": "Child welfare"},
    "family_services": {"fi": "Perhepalvelut", "sv": "Familjetjänster", "en": "Family services"},
    "disability": {"fi": "Vammaispalvelut", "sv": "Funktionshinderservice", "en": "Disability services"},
    "elderly": {"fi": "Ikääntyneiden palvelut", "sv": "Äldreomsorg", "en": "Services for older people"},
    "substance_abuse": {"fi": "Päihdepalvelut", "sv": "Missbrukarvård", "en": "Substance abuse services"},
    "mental_health": {"fi": "Mielenterveyspalvelut", "sv": "Mentalvård", "en": "Mental health services"},
    "employment": {"fi": "Työllisyyspalvelut", "sv": "Sysselsättningstjänster", "en": "Employment services"},
    "adult_social_work": {"fi": "Aikuissosiaalityö", "sv": "Socialt arbete för vuxna", "en": "Adult social work"},
    "other": {"fi": "Muu", "sv": "Annat", "en": "Other"},
}

_ORDER = {"active": 0, "waiting": 1, "ended": 2}


def language_of(language: str) -> str:
    return language if language in LANGUAGES else "en"


def text(key: str, language: str) -> str:
    return TEXTS[key][language_of(language)]


def area_label(code: str, language: str) -> str:
    """A known service area in the language; an unknown code as the server sent it."""
    labels = SERVICE_AREAS.get(code)
    return labels[language_of(language)] if labels else code


def format_date(day: date | None) -> str:
    """Finnish convention in every language: 3.2.2026."""
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def format_date_time(moment: datetime | None, language: str) -> str:
    """3.2.2026 klo 14.30 (fi), 3.2.2026 kl. 14.30 (sv), 3.2.2026 14:30 (en), in Finnish time."""
    if moment is None:
        return ""
    local = moment.astimezone(_LOCAL) if _LOCAL is not None else moment
    language = language_of(language)
    clock = f"{local.hour}:{local.minute:02d}" if language == "en" else f"{local.hour}.{local.minute:02d}"
    return " ".join(p for p in (format_date(local.date()), text("at", language), clock) if p)


def ordered(relationships: Iterable[Relationship]) -> list[Relationship]:
    """Active first, then waiting, then ended; the latest started (ended: the latest ended) first."""

    def key(r: Relationship) -> tuple[int, int, str]:
        latest = (r.end or r.start) if r.status == "ended" else r.start
        return _ORDER[r.status], -latest.toordinal(), r.unit.name

    return sorted(relationships, key=key)


def multi_service_areas(relationships: Iterable[Relationship], language: str) -> list[str] | None:
    """The service areas of a multi-service client (active at two or more distinct units), else None."""
    active = [r for r in ordered(relationships) if r.status == "active"]
    if len({r.unit.code for r in active}) < 2:
        return None
    return list(dict.fromkeys(area_label(r.unit.service_area, language) for r in active))


def _row(r: Relationship, language: str) -> tuple[str, ...]:
    none = text("none", language)
    contact = ", ".join(p for p in (r.worker.phone, r.worker.email) if p) if r.worker else ""
    status = text(r.status, language)
    if r.status == "ended" and r.end:
        status = f"{status} {format_date(r.end)}"
    return (
        r.unit.name,
        area_label(r.unit.service_area, language),
        r.worker.name if r.worker else none,
        contact or none,
        status,
        format_date(r.start),
        format_date_time(r.next_meeting, language) or none,
    )


def not_a_client(language: str, source: str) -> PanelData:
    return PanelData(empty=True, message=text("not_a_client", language), source=source)


def no_identity_code(language: str, source: str) -> PanelData:
    return PanelData(empty=True, message=text("no_hetu", language), source=source)


def clients_panel(record: ClientRecord, language: str, source: str) -> PanelData:
    if not record.relationships:
        return not_a_client(language, source)
    columns = tuple(
        text(k, language) for k in ("unit", "service_area", "worker", "contact", "status", "start", "next_meeting")
    )
    table = Table(columns, tuple(_row(r, language) for r in ordered(record.relationships)))
    badges: tuple[Badge, ...] = ()
    areas = multi_service_areas(record.relationships, language)
    if areas:
        badges = (Badge(f"{text('multi_service', language)}: {', '.join(areas)}", "warning"),)
    return PanelData(sections=(Section(text("section", language), table=table),), badges=badges, source=source)
