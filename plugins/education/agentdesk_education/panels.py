"""The ``services`` and ``support`` panels as PanelData, in Finnish, Swedish or English.

``services``: each person's daycare placements and applications, school and adult-education
enrolments with their status — that they exist, where and since when, never the support details.
``support``: the early-childhood and learning support (level and measures) of the same records,
for the education department only (the manifest's ``departments``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from agentdesk.plugin_api import Badge, PanelData, Section, Table
from agentdesk_education.client import EducationRecord, Learner

LANGUAGES = ("fi", "sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "customer": {"fi": "Asiakas", "sv": "Kund", "en": "Customer"},
    "child": {"fi": "Lapsi", "sv": "Barn", "en": "Child"},
    "born": {"fi": "s.", "sv": "f.", "en": "born"},
    "service": {"fi": "Palvelu", "sv": "Tjänst", "en": "Service"},
    "unit": {"fi": "Yksikkö", "sv": "Enhet", "en": "Unit"},
    "title": {"fi": "Ryhmä / luokka / kurssi", "sv": "Grupp / klass / kurs", "en": "Group / class / course"},
    "status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "start": {"fi": "Alkaa", "sv": "Börjar", "en": "Start"},
    "end": {"fi": "Päättyy", "sv": "Slutar", "en": "End"},
    "level": {"fi": "Tuen taso", "sv": "Stödnivå", "en": "Support level"},
    "measures": {"fi": "Tukitoimet", "sv": "Stödåtgärder", "en": "Support measures"},
    "no_records": {
        "fi": "Ei varhaiskasvatus- tai koulutustietoja",
        "sv": "Inga uppgifter om småbarnspedagogik eller utbildning",
        "en": "No daycare, school or adult-education records",
    },
    "no_hetu": {
        "fi": "Henkilötunnusta ei ole tallennettu",
        "sv": "Ingen personbeteckning registrerad",
        "en": "No identity code on record",
    },
    "nobody": {
        "fi": "Asiakkaalla eikä hänen lapsillaan ole varhaiskasvatus- tai koulutustietoja",
        "sv": "Varken kunden eller kundens barn har uppgifter om småbarnspedagogik eller utbildning",
        "en": "Neither the customer nor their children have daycare, school or adult-education records",
    },
    "no_support": {"fi": "Ei tukitoimia", "sv": "Inga stödåtgärder", "en": "No support measures"},
    "nobody_support": {
        "fi": "Ei kirjattua tukea asiakkaalla eikä hänen lapsillaan",
        "sv": "Inget registrerat stöd för kunden eller kundens barn",
        "en": "No recorded support for the customer or their children",
    },
    "pending": {"fi": "Hakemus vireillä", "sv": "Ansökan under behandling", "en": "Application pending"},
    "offered": {"fi": "Paikkatarjous odottaa vastausta", "sv": "Platserbjudande väntar på svar", "en": "Place offered"},
    "none": {"fi": "—", "sv": "—", "en": "—"},
}

KIND_LABELS: dict[str, dict[str, str]] = {
    "daycare_placement": {"fi": "Varhaiskasvatuspaikka", "sv": "Plats i småbarnspedagogik", "en": "Daycare place"},
    "daycare_application": {
        "fi": "Varhaiskasvatushakemus",
        "sv": "Ansökan till småbarnspedagogik",
        "en": "Daycare application",
    },
    "school_enrolment": {"fi": "Perusopetus", "sv": "Grundläggande utbildning", "en": "Basic education"},
    "adult_education_enrolment": {"fi": "Aikuiskoulutus", "sv": "Vuxenutbildning", "en": "Adult education"},
}
STATUS_LABELS: dict[str, dict[str, str]] = {
    "active": {"fi": "Voimassa", "sv": "Gällande", "en": "Active"},
    "pending": {"fi": "Käsittelyssä", "sv": "Under behandling", "en": "Pending"},
    "offered": {"fi": "Paikka tarjottu", "sv": "Plats erbjuden", "en": "Place offered"},
    "ended": {"fi": "Päättynyt", "sv": "Avslutad", "en": "Ended"},
    "cancelled": {"fi": "Peruttu", "sv": "Återkallad", "en": "Cancelled"},
}
LEVEL_LABELS: dict[str, dict[str, str]] = {
    "general": {"fi": "Yleinen tuki", "sv": "Allmänt stöd", "en": "General support"},
    "intensified": {"fi": "Tehostettu tuki", "sv": "Intensifierat stöd", "en": "Intensified support"},
    "special": {"fi": "Erityinen tuki", "sv": "Särskilt stöd", "en": "Special support"},
}
_ORDER = {"pending": 0, "offered": 1, "active": 2, "ended": 3, "cancelled": 4}


@dataclass(frozen=True, slots=True)
class Person:
    """One person the panel is about: the customer or a child, with their records (None: no hetu)."""

    is_child: bool
    name: str
    birth_date: date | None
    learner: Learner | None


def language_of(language: str) -> str:
    return language if language in LANGUAGES else "en"


def text(key: str, language: str) -> str:
    return TEXTS[key][language_of(language)]


def _label(labels: dict[str, dict[str, str]], code: str, language: str) -> str:
    known = labels.get(code)
    return known[language_of(language)] if known else code


def format_date(day: date | None) -> str:
    """Finnish convention in every language: 3.2.2026."""
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def ordered(records: Sequence[EducationRecord]) -> list[EducationRecord]:
    """Open applications and offers first, then what is active, then the past; the latest first."""

    def key(r: EducationRecord) -> tuple[int, int, str]:
        latest = r.end or r.start
        return _ORDER[r.status], -(latest.toordinal() if latest else 0), r.unit.name

    return sorted(records, key=key)


def person_title(person: Person, language: str) -> str:
    role = text("child" if person.is_child else "customer", language)
    born = f" ({text('born', language)} {format_date(person.birth_date)})" if person.birth_date else ""
    return f"{role}: {person.name}{born}"


def services_panel(people: Sequence[Person], language: str, source: str) -> PanelData:
    none = text("none", language)
    columns = tuple(text(k, language) for k in ("service", "unit", "title", "status", "start", "end"))
    sections: list[Section] = []
    badges: list[Badge] = []
    for person in people:
        if person.learner is None:
            sections.append(
                Section(person_title(person, language), table=Table(columns, (), text("no_hetu", language)))
            )
            continue
        records = ordered(person.learner.records)
        rows = tuple(
            (
                _label(KIND_LABELS, r.kind, language),
                r.unit.name,
                r.title or none,
                _label(STATUS_LABELS, r.status, language),
                format_date(r.start) or none,
                format_date(r.end) or none,
            )
            for r in records
        )
        sections.append(
            Section(person_title(person, language), table=Table(columns, rows, text("no_records", language)))
        )
        for status in ("pending", "offered"):
            if any(r.status == status and r.kind == "daycare_application" for r in records):
                badges.append(Badge(f"{text(status, language)}: {person.name}", "warning"))
    if not any(p.learner is not None and p.learner.records for p in people):
        return PanelData(empty=True, message=text("nobody", language), source=source)
    return PanelData(sections=tuple(sections), badges=tuple(badges), source=source)


def support_panel(people: Sequence[Person], language: str, source: str) -> PanelData:
    none = text("none", language)
    columns = tuple(text(k, language) for k in ("service", "unit", "level", "measures"))
    sections: list[Section] = []
    for person in people:
        if person.learner is None:
            continue
        rows = tuple(
            (
                _label(KIND_LABELS, r.kind, language),
                r.unit.name,
                _label(LEVEL_LABELS, r.support.level, language),
                "; ".join(r.support.measures) or none,
            )
            for r in ordered(person.learner.records)
            if r.support is not None and r.status in ("active", "pending", "offered")
        )
        if rows:
            sections.append(Section(person_title(person, language), table=Table(columns, rows)))
    if not sections:
        return PanelData(empty=True, message=text("nobody_support", language), source=source)
    return PanelData(sections=tuple(sections), source=source)
