"""The health summary panel against a real FHIR R4 server: what an agent sees for a customer."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import requests

from agentdesk.plugin_api import PanelData
from agentdesk_health.demo_data import DEMO_PEOPLE, resource_id
from agentdesk_health.fhir_client import FhirClient
from agentdesk_health.summary_panel import TEXTS, encounter_rows, episode_rows

HETU = "150380-997W"  # a fictional test-range code, created below through the server's REST API


@pytest.fixture(scope="session")
def kalle(fhir_server_session, today):
    """One patient with hand-written records, POSTed to the server (201 Created)."""
    base = fhir_server_session.base_url
    headers = {"Content-Type": "application/fhir+json", "Accept": "application/fhir+json"}

    def post(resource: dict) -> dict:
        response = requests.post(base + resource["resourceType"], json=resource, headers=headers, timeout=5)
        assert response.status_code == 201, response.text
        return response.json()

    patient = post(
        {
            "resourceType": "Patient",
            "identifier": [{"system": "urn:oid:1.2.246.21", "value": HETU}],
            "name": [{"family": "Esimerkki", "given": ["Kalle"]}],
            "gender": "male",
            "birthDate": "1980-03-15",
        }
    )
    me = {"reference": f"Patient/{patient['id']}", "display": "Kalle Esimerkki"}
    soon = today + dt.timedelta(days=7)
    at = dt.datetime(soon.year, soon.month, soon.day, 10, 30, tzinfo=ZoneInfo("Europe/Helsinki"))
    place = {"reference": "Location/kaleva-2", "display": "Kalevan terveysasema, vastaanotto 2. krs"}
    nurse = {"reference": "Practitioner/mk", "display": "Mervi Koski, diabeteshoitaja"}
    unit = {"reference": "Organization/kaleva", "display": "Kalevan terveysasema"}
    participants = [
        {"actor": me, "status": "accepted"},
        {"actor": nurse, "status": "accepted"},
        {"actor": place, "status": "accepted"},
    ]
    post(
        {
            "resourceType": "Appointment",
            "status": "booked",
            "serviceType": [{"text": "Diabeteksen vuositarkastus"}],
            "start": at.isoformat(),
            "end": (at + dt.timedelta(minutes=30)).isoformat(),
            "participant": participants,
        }
    )
    later = at + dt.timedelta(days=3)
    post(
        {
            "resourceType": "Appointment",
            "status": "cancelled",
            "serviceType": [{"text": "Peruttu käynti"}],
            "start": later.isoformat(),
            "end": (later + dt.timedelta(minutes=30)).isoformat(),
            "participant": participants,
        }
    )
    for days, reason in ((30, "Verenpaineen seuranta"), (90, "Flunssaoireet"), (400, "Vanha käynti")):
        day = today - dt.timedelta(days=days)
        start = dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=dt.UTC)
        post(
            {
                "resourceType": "Encounter",
                "status": "finished",
                "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
                "type": [{"text": "Lääkärin vastaanotto"}],
                "subject": me,
                "reasonCode": [{"text": reason}],
                "serviceProvider": unit,
                "period": {"start": start.isoformat(), "end": (start + dt.timedelta(minutes=20)).isoformat()},
            }
        )
    post(
        {
            "resourceType": "EpisodeOfCare",
            "status": "active",
            "patient": me,
            "managingOrganization": unit,
            "careManager": nurse,
            "team": [{"reference": "CareTeam/dm", "display": "Diabeteshoitaja"}],
            "period": {"start": "2024-03-01"},
        }
    )
    post(
        {
            "resourceType": "EpisodeOfCare",
            "status": "finished",
            "patient": me,
            "managingOrganization": {"display": "Hervannan terveysasema"},
            "period": {"start": "2019-01-01", "end": "2019-06-30"},
        }
    )
    return {"patient": patient, "at": at}


def _table(data: PanelData, index: int):
    return data.sections[index].table


def test_a_patient_found_by_hetu_shows_appointments_visits_and_care(fhir_server, health_plugin, call_for, kalle, today):
    data = health_plugin.panel("summary", call_for(HETU, language="fi"))

    assert not data.empty and data.badges == ()
    assert [s.title for s in data.sections] == [
        "Tulevat ajanvaraukset",
        "Viimeaikaiset käynnit",
        "Käynnissä oleva hoito",
    ]
    at = kalle["at"]
    assert _table(data, 0).rows == (
        (
            f"{at.day}.{at.month}.{at.year} klo 10.30",
            "Diabeteksen vuositarkastus",
            "Kalevan terveysasema, vastaanotto 2. krs, Mervi Koski, diabeteshoitaja",
        ),
    )
    d30, d90 = today - dt.timedelta(days=30), today - dt.timedelta(days=90)
    assert _table(data, 1).rows == (
        (
            f"{d30.day}.{d30.month}.{d30.year}",
            "Lääkärin vastaanotto · Vastaanottokäynti",
            "Verenpaineen seuranta · Kalevan terveysasema",
        ),
        (
            f"{d90.day}.{d90.month}.{d90.year}",
            "Lääkärin vastaanotto · Vastaanottokäynti",
            "Flunssaoireet · Kalevan terveysasema",
        ),
    )  # latest first; the visit 400 days ago is not recent
    assert _table(data, 2).rows == (
        ("Kalevan terveysasema", "Mervi Koski, diabeteshoitaja, Diabeteshoitaja", "1.3.2024 alkaen"),
    )  # the finished episode is not shown
    assert data.source.endswith(fhir_server.base_url)
    # One search each: Patient, then Appointment, Encounter and EpisodeOfCare by patient reference.
    assert fhir_server.stats()["paths"] == {
        "/fhir/R4/Patient": 1,
        "/fhir/R4/Appointment": 1,
        "/fhir/R4/Encounter": 1,
        "/fhir/R4/EpisodeOfCare": 1,
    }


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_section_titles_and_columns_follow_the_agents_language(fhir_server, health_plugin, call_for, language):
    data = health_plugin.panel("summary", call_for(DEMO_PEOPLE[0]["hetu"], language=language))
    t = TEXTS[language]
    assert [s.title for s in data.sections] == [t["upcoming"], t["recent"], t["care"]]
    assert _table(data, 0).columns == (t["when"], t["service"], t["where"])
    assert _table(data, 2).empty_text == t["no_care"]


def test_demo_person_shows_only_booked_upcoming_and_recent_records(
    fhir_server, health_plugin, call_for, seed_resources, today
):
    person = DEMO_PEOPLE[3]
    patient_ref = f"Patient/{resource_id('Patient', person['hetu'])}"

    def mine(resource_type: str, field: str) -> list[dict]:
        out = []
        for r in seed_resources:
            if r["resourceType"] != resource_type:
                continue
            refs = [p["actor"] for p in r["participant"]] if field == "participant" else [r[field]]
            if any(ref.get("reference") == patient_ref for ref in refs):
                out.append(r)
        return out

    data = health_plugin.panel("summary", call_for(person["hetu"]))
    shown = [row[0] for row in _table(data, 0).rows]
    appointments = sorted(mine("Appointment", "participant"), key=lambda a: a["start"])
    expected = [
        dt.datetime.fromisoformat(a["start"]).strftime("%Y-%m-%d %H:%M")
        for a in appointments
        if a["status"] == "booked" and dt.date.fromisoformat(a["start"][:10]) >= today
    ]
    assert shown == expected and len(expected) >= 1
    assert len(appointments) > len(expected)  # the cancelled and the past ones exist but are not shown

    encounters = mine("Encounter", "subject")
    recent = sorted(
        (
            e["period"]["start"][:10]
            for e in encounters
            if dt.date.fromisoformat(e["period"]["start"][:10]) >= today - dt.timedelta(days=365)
        ),
        reverse=True,
    )
    assert [row[0] for row in _table(data, 1).rows] == recent
    assert len(encounters) > len(recent)  # an older visit exists

    (episode,) = [e for e in mine("EpisodeOfCare", "patient") if e["status"] == "active"]
    assert _table(data, 2).rows == (
        (
            episode["managingOrganization"]["display"],
            f"{episode['careManager']['display']}, {episode['team'][0]['display']}",
            f"since {episode['period']['start']}",
        ),
    )


def test_unknown_hetu_gives_an_empty_panel_with_a_message(fhir_server, health_plugin, call_for):
    data = health_plugin.panel("summary", call_for("020516C903K".replace("C", "F")))  # no such patient
    assert data.empty and data.sections == ()
    assert data.message == f"No patient record in HL7 FHIR R4 (127.0.0.1:{fhir_server.port})"
    assert fhir_server.stats()["paths"] == {"/fhir/R4/Patient": 1}


def test_the_century_sign_is_part_of_the_identity(fhir_server, health_plugin, call_for, kalle):
    """150380-997W and 150380A997W are different people: only an exact token match counts."""
    assert health_plugin.panel("summary", call_for("150380A997W")).empty
    assert not health_plugin.panel("summary", call_for(HETU.lower())).empty  # case does not matter


def test_no_identity_code_gives_an_empty_panel_without_asking_the_server(fhir_server, health_plugin, call_for):
    for hetu in (None, "", "   "):
        data = health_plugin.panel("summary", call_for(hetu, language="fi"))
        assert data.empty and data.message == "Henkilötunnusta ei ole tallennettu"
    assert fhir_server.request_count == 0


def test_unknown_panel_id_is_a_key_error(health_plugin, call_for, fhir_server):
    with pytest.raises(KeyError):
        health_plugin.panel("diagnoses", call_for(HETU))
    with pytest.raises(KeyError):
        health_plugin.action_form("file_request", call_for(HETU))
    assert fhir_server.request_count == 0


def test_official_hl7_example_patient_is_searchable(fhir_server, call_for):
    client = FhirClient(fhir_server.base_url)
    call = call_for(None)
    try:
        (patient,) = client.search("Patient", {"identifier": "urn:oid:1.2.36.146.595.217.0.1|12345"}, call)
        assert patient["id"] == "example" and patient["name"][0]["family"] == "Chalmers"
        episodes = client.active_episodes("example", call)
        assert episode_rows(episodes, "example", "en") == (
            ("—", "Amanda Assigned, example care team", "since 2014-09-01"),
        )
        encounters = client.search("Encounter", {"patient": "Patient/f001"}, call)
        rows = encounter_rows(encounters, "f001", dt.date(2000, 1, 1), "en")  # Encounter-f001 and -f002
        assert len(rows) == 2
        assert (
            "—",
            "Patient-initiated encounter · Outpatient visit",
            "Heart valve replacement · Burgers University Medical Center",
        ) in rows
    finally:
        client.close()


def test_dates_are_shown_in_helsinki_time(fhir_server, health_plugin, call_for, kalle):
    """Booked as 10:30 Helsinki time (sent with its UTC offset): shown as 10.30 in every language."""
    at = kalle["at"]
    row = _table(health_plugin.panel("summary", call_for(HETU, language="sv")), 0).rows[0]
    assert row[0] == f"{at.day}.{at.month}.{at.year} kl. 10.30"
    row = _table(health_plugin.panel("summary", call_for(HETU, language="en")), 0).rows[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d 10:30", row[0])
