"""Deterministic FHIR R4 demo records for fictional Finnish people (test-range identity codes).

``fhir_seed(people)`` gives the resources a loopback FHIR server is seeded with for the demo and
the tests: for each person a Patient (henkilötunnus as identifier ``urn:oid:1.2.246.21``), past
Encounters (one of them older than a year), Appointments (upcoming booked ones, a cancelled one
and a past one still marked booked), an active EpisodeOfCare (some people also a finished one),
plus the health stations, professionals and care teams these refer to. The same people and the
same ``today`` always give the same resources; dates are relative to ``today`` so the demo never
runs out of upcoming appointments.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zlib
from random import Random
from typing import Any

from agentdesk_health.fhir_client import HETU_SYSTEM
from agentdesk_health.summary_panel import HELSINKI

_NS = uuid.UUID("6f1c3d52-58c5-4f0e-9d57-3b1b1d0a4a11")

# The fictional test persons of docs (individual numbers 900-999: test range; odd = male).
DEMO_PEOPLE: tuple[dict[str, str], ...] = (
    {
        "hetu": "010594Y9032",
        "first_names": "Matti Juhani",
        "last_name": "Virtanen",
        "birth_date": "1994-05-01",
        "sex": "male",
    },
    {
        "hetu": "020594X903P",
        "first_names": "Jukka Pekka",
        "last_name": "Korhonen",
        "birth_date": "1994-05-02",
        "sex": "male",
    },
    {"hetu": "030594W903B", "first_names": "Mikko", "last_name": "Nieminen", "birth_date": "1994-05-03", "sex": "male"},
    {
        "hetu": "040594V9030",
        "first_names": "Johan Erik",
        "last_name": "Lindqvist",
        "birth_date": "1994-05-04",
        "sex": "male",
    },
    {"hetu": "050594U903M", "first_names": "Antti", "last_name": "Mäkelä", "birth_date": "1994-05-05", "sex": "male"},
    {
        "hetu": "010516B903X",
        "first_names": "Eino Ilmari",
        "last_name": "Hämäläinen",
        "birth_date": "2016-05-01",
        "sex": "male",
    },
    {"hetu": "020516C903K", "first_names": "Väinö", "last_name": "Laine", "birth_date": "2016-05-02", "sex": "male"},
    {"hetu": "030516D9037", "first_names": "Leo", "last_name": "Heikkinen", "birth_date": "2016-05-03", "sex": "male"},
    {
        "hetu": "010501E9032",
        "first_names": "Oskari",
        "last_name": "Koskinen",
        "birth_date": "2001-05-01",
        "sex": "male",
    },
    {
        "hetu": "020504A902E",
        "first_names": "Aino Maria",
        "last_name": "Järvinen",
        "birth_date": "2004-05-02",
        "sex": "female",
    },
)

UNITS = (
    "Hervannan terveysasema",
    "Kalevan terveysasema",
    "Tammelan terveysasema",
    "Lielahden terveysasema",
    "Linnainmaan terveysasema",
)
ROOMS = ("vastaanotto, 1. krs", "vastaanotto, 2. krs", "laboratorio", "hoitajan vastaanotto, huone 12")
PROFESSIONALS = (  # (given, family, title)
    ("Anna", "Lehtonen", "yleislääkäri"),
    ("Mervi", "Koski", "diabeteshoitaja"),
    ("Jussi", "Niemi", "sairaanhoitaja"),
    ("Leena", "Salminen", "terveydenhoitaja"),
    ("Pekka", "Salo", "fysioterapeutti"),
    ("Sari", "Mäkinen", "psykiatrinen sairaanhoitaja"),
)
TEAMS = (  # (care team, episode type, care manager index in PROFESSIONALS)
    ("Diabeteshoitaja", "Diabeteksen hoito", 1),
    ("Omatiimi", "Pitkäaikaissairauden seuranta", 0),
    ("Mielenterveys- ja päihdetiimi", "Mielenterveyden avohoito", 5),
    ("Fysioterapia", "Tuki- ja liikuntaelinten kuntoutus", 4),
    ("Kouluterveydenhuolto", "Kouluterveydenhuolto", 3),
)
SERVICES = (
    "Lääkärin vastaanotto",
    "Hoitajan vastaanotto",
    "Laboratorionäytteet",
    "Diabeteksen vuositarkastus",
    "Fysioterapia",
    "Influenssarokotus",
    "Terveystarkastus",
)
REASONS = (
    "Verenpaineen seuranta",
    "Flunssaoireet",
    "Selkäkipu",
    "Diabeteksen seuranta",
    "Laboratoriokokeet",
    "Korvatulehdus",
    "Unettomuus",
    "Ihottuma",
)
CLASSES = (("AMB", "ambulatory"), ("AMB", "ambulatory"), ("VR", "virtual"), ("HH", "home health"))
_GENDERS = {
    "male": "male",
    "m": "male",
    "mies": "male",
    "female": "female",
    "f": "female",
    "nainen": "female",
    "other": "other",
    "unknown": "unknown",
}


def resource_id(kind: str, key: str) -> str:
    """A stable FHIR id (a UUID) for a seeded resource."""
    return str(uuid.uuid5(_NS, f"{kind}:{key}"))


def _ref(resource: dict[str, Any], display: str) -> dict[str, str]:
    return {"reference": f"{resource['resourceType']}/{resource['id']}", "display": display}


def _instant(day: dt.date, hour: int, minute: int) -> str:
    moment = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HELSINKI or dt.UTC)
    return moment.isoformat()


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


class _Directory:
    """The shared resources: health stations with a location each, professionals, care teams."""

    def __init__(self) -> None:
        self.resources: list[dict[str, Any]] = []
        self.units: list[tuple[dict[str, Any], str]] = []
        self.locations: list[tuple[dict[str, Any], str, str]] = []  # (Location, its name, the unit's name)
        self.people: list[tuple[dict[str, Any], str]] = []
        self.teams: list[tuple[dict[str, Any], str]] = []
        for name in UNITS:
            org: dict[str, Any] = {
                "resourceType": "Organization",
                "id": resource_id("Organization", name),
                "active": True,
                "name": name,
                "address": [{"city": "Tampere", "country": "FI"}],
            }
            self.units.append((org, name))
            for room in ROOMS:
                loc: dict[str, Any] = {
                    "resourceType": "Location",
                    "id": resource_id("Location", f"{name}/{room}"),
                    "status": "active",
                    "name": f"{name}, {room}",
                    "managingOrganization": _ref(org, name),
                }
                self.locations.append((loc, loc["name"], name))
                self.resources.append(loc)
            self.resources.append(org)
        for given, family, title in PROFESSIONALS:
            pr = {
                "resourceType": "Practitioner",
                "id": resource_id("Practitioner", f"{given} {family}"),
                "active": True,
                "name": [{"family": family, "given": [given], "text": f"{given} {family}"}],
            }
            self.people.append((pr, f"{given} {family}, {title}"))
            self.resources.append(pr)
        for team, _, _ in TEAMS:
            ct = {"resourceType": "CareTeam", "id": resource_id("CareTeam", team), "status": "active", "name": team}
            self.teams.append((ct, team))
            self.resources.append(ct)

    def location(self, unit: str, rng: Random) -> tuple[dict[str, Any], str]:
        loc, name, _ = rng.choice([x for x in self.locations if x[2] == unit])
        return loc, name


def fhir_seed(
    people: list[dict[str, Any]] | tuple[dict[str, Any], ...], today: dt.date | None = None
) -> list[dict[str, Any]]:
    """FHIR R4 resources for ``people`` (dicts with hetu, first_names, last_name, birth_date, sex)."""
    if today is None:
        today = dt.datetime.now(HELSINKI).date() if HELSINKI else dt.date.today()
    directory = _Directory()
    out = list(directory.resources)
    for person in people:
        out.extend(_person(person, today, directory))
    return out


def _person(person: dict[str, Any], today: dt.date, d: _Directory) -> list[dict[str, Any]]:
    hetu = str(person["hetu"]).strip().upper()
    rng = Random(zlib.crc32(hetu.encode()))
    name = f"{person['first_names']} {person['last_name']}"
    patient = {
        "resourceType": "Patient",
        "id": resource_id("Patient", hetu),
        "active": True,
        "identifier": [
            {
                "use": "official",
                "system": HETU_SYSTEM,
                "value": hetu,
                "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "NNFIN"}]},
            }
        ],
        "name": [
            {
                "use": "official",
                "family": person["last_name"],
                "given": str(person["first_names"]).split(),
                "text": name,
            }
        ],
        "gender": _GENDERS.get(str(person.get("sex", "")).lower(), "unknown"),
    }
    if person.get("birth_date"):
        patient["birthDate"] = str(person["birth_date"])
    me = _ref(patient, name)
    org, unit = rng.choice(d.units)
    out: list[dict[str, Any]] = [patient]

    def appointment(key: str, day: dt.date, status: str) -> dict[str, Any]:
        hour, minute = rng.randint(8, 15), rng.choice((0, 15, 30, 45))
        pro, pro_name = rng.choice(d.people)
        loc, loc_name = d.location(unit, rng)
        a: dict[str, Any] = {
            "resourceType": "Appointment",
            "id": resource_id("Appointment", f"{hetu}/{key}"),
            "status": status,
            "serviceType": [{"text": rng.choice(SERVICES)}],
            "start": _instant(day, hour, minute),
            "end": _instant(day, hour, minute + 14),
            "participant": [
                {"actor": me, "status": "accepted"},
                {"actor": _ref(pro, pro_name), "status": "accepted"},
                {"actor": _ref(loc, loc_name), "status": "accepted"},
            ],
        }
        if status == "cancelled":
            a["cancelationReason"] = {"text": "Asiakas peruutti"}
        return a

    for n in range(rng.randint(1, 2)):  # upcoming, booked
        out.append(appointment(f"next{n}", _weekday(today + dt.timedelta(days=rng.randint(2, 60))), "booked"))
    out.append(appointment("cancelled", _weekday(today + dt.timedelta(days=rng.randint(3, 40))), "cancelled"))
    # A past appointment nobody marked fulfilled: the date filter must keep it off the panel.
    out.append(appointment("past", today - dt.timedelta(days=rng.randint(8, 30)), "booked"))

    visits = [rng.randint(5, 330) for _ in range(rng.randint(2, 4))] + [rng.randint(400, 700)]
    for n, days_ago in enumerate(sorted(set(visits))):
        day = _weekday(today - dt.timedelta(days=days_ago + 2))
        hour, minute = rng.randint(8, 15), rng.choice((0, 20, 40))
        code, display = rng.choice(CLASSES)
        pro, pro_name = rng.choice(d.people)
        out.append(
            {
                "resourceType": "Encounter",
                "id": resource_id("Encounter", f"{hetu}/{n}"),
                "status": "finished",
                "class": {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                    "code": code,
                    "display": display,
                },
                "type": [{"text": rng.choice(SERVICES)}],
                "subject": me,
                "participant": [{"individual": _ref(pro, pro_name)}],
                "period": {"start": _instant(day, hour, minute), "end": _instant(day, hour, minute + 19)},
                "reasonCode": [{"text": rng.choice(REASONS)}],
                "serviceProvider": _ref(org, unit),
            }
        )

    def episode(key: str, status: str, team_index: int, start: dt.date, end: dt.date | None) -> dict[str, Any]:
        _team, kind, manager = TEAMS[team_index]
        ct, ct_name = d.teams[team_index]
        pro, pro_name = d.people[manager]
        e: dict[str, Any] = {
            "resourceType": "EpisodeOfCare",
            "id": resource_id("EpisodeOfCare", f"{hetu}/{key}"),
            "status": status,
            "type": [{"text": kind}],
            "patient": me,
            "managingOrganization": _ref(org, unit),
            "period": {"start": start.isoformat()},
            "careManager": _ref(pro, pro_name),
            "team": [_ref(ct, ct_name)],
        }
        if end:
            e["period"]["end"] = end.isoformat()
        return e

    child = str(person.get("birth_date") or "0000")[:4] > str(today.year - 18)
    teams = [4, 3] if child else rng.sample(range(len(TEAMS) - 1), 2)  # school health care for children
    out.append(episode("active", "active", teams[0], today - dt.timedelta(days=rng.randint(60, 2000)), None))
    if rng.random() < 0.5:
        start = today - dt.timedelta(days=rng.randint(900, 1500))
        out.append(episode("finished", "finished", teams[1], start, start + dt.timedelta(days=rng.randint(60, 300))))
    return out
