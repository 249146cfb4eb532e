"""The plugin's user-visible texts in English, Finnish and Swedish, and date formatting."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:  # Windows has no system time-zone database; the tzdata package may be missing there
    LOCAL_TIME: dt.tzinfo = ZoneInfo("Europe/Helsinki")
except ZoneInfoNotFoundError:  # pragma: no cover - a Python without a tz database
    LOCAL_TIME = dt.timezone(dt.timedelta(hours=2))

LANGUAGES = ("en", "fi", "sv")

# key: (en, fi, sv)
TEXTS: dict[str, tuple[str, str, str]] = {
    "section": ("Service requests", "Palvelupyynnöt", "Serviceförfrågningar"),
    "col_status": ("Status", "Tila", "Status"),
    "col_service": ("Service", "Palvelu", "Tjänst"),
    "col_requested": ("Filed", "Jätetty", "Inlämnad"),
    "col_updated": ("Updated", "Päivitetty", "Uppdaterad"),
    "col_notes": ("Status notes", "Tilatiedot", "Statusanteckningar"),
    "col_location": ("Location", "Sijainti", "Plats"),
    "col_number": ("Number", "Numero", "Nummer"),
    "status_open": ("Open", "Avoin", "Öppen"),
    "status_closed": ("Closed", "Suljettu", "Stängd"),
    # Helsinki's extended_attributes.detailed_status codes (others are shown as the back end wrote them)
    "detailed_RECEIVED": ("received", "vastaanotettu", "mottagen"),
    "detailed_PROCESSING": ("being processed", "käsittelyssä", "under behandling"),
    "detailed_PUBLIC_WORKS_NEW": ("sent to public works", "lähetetty kunnossapitoon", "skickad till underhållet"),
    "detailed_PUBLIC_WORKS_COMPLETED": ("work done", "työ tehty", "arbetet utfört"),
    "detailed_SCHEDULED_INSPECTION": ("inspection scheduled", "tarkastus sovittu", "inspektion planerad"),
    "detailed_DONE": ("done", "valmis", "klar"),
    "detailed_REJECTED": ("rejected", "hylätty", "avvisad"),
    "none_found": (
        "No service requests found for this customer.",
        "Asiakkaalle ei löytynyt palvelupyyntöjä.",
        "Inga serviceförfrågningar hittades för kunden.",
    ),
    "desk_only": (
        "Only requests filed from the desk are shown.",
        "Näytetään vain asiointityöpöydältä tehdyt pyynnöt.",
        "Endast förfrågningar gjorda från skrivbordet visas.",
    ),
    "badge_open": ("{n} open", "{n} avoinna", "{n} öppna"),
    "badge_filter_ignored": (
        "The Open311 server ignores the e-mail/phone search: only requests filed from the desk are shown.",
        "Open311-palvelin ei tue haku sähköpostilla tai puhelinnumerolla: näytetään vain työpöydältä tehdyt pyynnöt.",
        (
            "Open311-servern stöder inte sökning på e-post eller telefon: endast förfrågningar gjorda från "
            "skrivbordet visas."
        ),
    ),
    "badge_pending": (
        "{n} request(s) filed, number not assigned yet",
        "{n} pyyntö(ä) jätetty, numero ei vielä tiedossa",
        "{n} förfrågning(ar) inlämnade, nummer ännu inte tilldelat",
    ),
    "form_title": ("File a service request", "Tee palvelupyyntö", "Gör en serviceförfrågan"),
    "form_title_service": ("Service request: {service}", "Palvelupyyntö: {service}", "Serviceförfrågan: {service}"),
    "f_service": ("Service", "Palvelu", "Tjänst"),
    "f_service_help": (
        "Services marked * ask for more details on a form of their own.",
        "Tähdellä (*) merkityille palveluille täytetään lisätiedot omalla lomakkeella.",
        "Tjänster märkta med * kräver mer uppgifter på ett eget formulär.",
    ),
    "f_description": ("Description", "Kuvaus", "Beskrivning"),
    "f_description_help": (
        "What is wrong, where exactly; at most {n} characters.",
        "Mikä on vialla ja missä tarkalleen; enintään {n} merkkiä.",
        "Vad är fel och var exakt; högst {n} tecken.",
    ),
    "f_address": ("Location (street address)", "Sijainti (katuosoite)", "Plats (gatuadress)"),
    "f_address_help": (
        "Where the problem is; prefilled with the customer's address.",
        "Missä vika on; esitäytetty asiakkaan osoitteella.",
        "Var problemet finns; förifyllt med kundens adress.",
    ),
    "f_address_protected_help": (
        "The customer's address is protected: type the location of the problem.",
        "Asiakkaalla on turvakielto: kirjoita vian sijainti.",
        "Kunden har spärrmarkering: skriv var problemet finns.",
    ),
    "f_email": ("E-mail", "Sähköposti", "E-post"),
    "f_phone": ("Phone", "Puhelin", "Telefon"),
    "f_first_name": ("First name", "Etunimi", "Förnamn"),
    "f_last_name": ("Last name", "Sukunimi", "Efternamn"),
    "no_definition": (
        "The server has no details form for this service: write the details in the description.",
        "Palvelimella ei ole lisätietolomaketta tälle palvelulle: kirjoita tiedot kuvaukseen.",
        "Servern har inget formulär för tjänsten: skriv uppgifterna i beskrivningen.",
    ),
    "err_required": ("Required.", "Pakollinen tieto.", "Obligatoriskt."),
    "err_number": ("Enter a number.", "Anna luku.", "Ange ett tal."),
    "err_datetime": (
        "Enter a date and time, e.g. 2025-03-01 08:00.",
        "Anna päivä ja kellonaika, esim. 2025-03-01 08:00.",
        "Ange datum och tid, t.ex. 2025-03-01 08:00.",
    ),
    "err_choice": (
        "Choose one of the listed options.",
        "Valitse jokin luettelon vaihtoehdoista.",
        "Välj ett av alternativen i listan.",
    ),
    "err_too_long": ("At most {n} characters.", "Enintään {n} merkkiä.", "Högst {n} tecken."),
    "err_needs_details": (
        "{service} asks for more details ({fields}): use its own form.",
        "{service} vaatii lisätietoja ({fields}): käytä palvelun omaa lomaketta.",
        "{service} kräver fler uppgifter ({fields}): använd tjänstens eget formulär.",
    ),
    "err_unknown_service": (
        "The Open311 server has no such service.",
        "Open311-palvelimella ei ole tätä palvelua.",
        "Open311-servern har ingen sådan tjänst.",
    ),
    "err_no_key": (
        "No Open311 API key is set for this desk: ask IT to add it to the keyring.",
        "Open311-API-avainta ei ole asetettu: pyydä IT-tukea lisäämään se avainnippuun.",
        "Ingen Open311-API-nyckel är inställd: be IT lägga till den i nyckelringen.",
    ),
    "err_key_refused": (
        "The Open311 API key was refused.",
        "Open311-palvelin hylkäsi API-avaimen.",
        "Open311-servern avvisade API-nyckeln.",
    ),
    "err_unavailable": (
        "The service-request system does not answer ({detail}).",
        "Palvelupyyntöjärjestelmä ei vastaa ({detail}).",
        "Systemet för serviceförfrågningar svarar inte ({detail}).",
    ),
    "err_post_timeout": (
        (
            "The service-request system did not answer in time. The request may have been filed all the same: "
            "check the Service requests panel before filing it again."
        ),
        (
            "Palvelupyyntöjärjestelmä ei vastannut ajoissa. Pyyntö on voinut silti mennä perille: "
            "tarkista Palvelupyynnöt-paneeli ennen kuin teet sen uudelleen."
        ),
        (
            "Systemet för serviceförfrågningar svarade inte i tid. Förfrågan kan ändå ha registrerats: "
            "kontrollera panelen Serviceförfrågningar innan du gör den på nytt."
        ),
    ),
    "err_bad_answer": (
        "The service-request system answered with an error ({detail}).",
        "Palvelupyyntöjärjestelmä vastasi virheellä ({detail}).",
        "Systemet för serviceförfrågningar svarade med ett fel ({detail}).",
    ),
    "err_refused": (
        "The service-request system refused the request: {detail}",
        "Palvelupyyntöjärjestelmä hylkäsi pyynnön: {detail}",
        "Systemet för serviceförfrågningar avvisade förfrågan: {detail}",
    ),
    "done": (
        "Service request {id} filed: {service}.",
        "Palvelupyyntö {id} tehty: {service}.",
        "Serviceförfrågan {id} gjord: {service}.",
    ),
    "done_token": (
        "Service request received: {service}. Its number will follow (receipt {token}).",
        "Palvelupyyntö vastaanotettu: {service}. Numero tulee myöhemmin (kuittaus {token}).",
        "Serviceförfrågan mottagen: {service}. Numret kommer senare (kvitto {token}).",
    ),
    "done_no_id": (
        "Service request sent: {service}. The server sent no number back.",
        "Palvelupyyntö lähetetty: {service}. Palvelin ei palauttanut numeroa.",
        "Serviceförfrågan skickad: {service}. Servern skickade inget nummer.",
    ),
}


def detailed_status(language: str, code: str) -> str | None:
    """A known detailed status in the agent's language; None for a code the plugin does not know."""
    key = f"detailed_{code.strip().upper()}"
    return tr(language, key) if key in TEXTS else None


def tr(language: str, key: str, **values: object) -> str:
    """The text in the agent's language (English for any other), with ``{name}`` filled in."""
    texts = TEXTS[key]
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    return texts[index].format(**values)


def format_time(language: str, value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(LOCAL_TIME)
    if language == "fi":
        return f"{local.day}.{local.month}.{local.year} {local:%H.%M}"
    return f"{local:%Y-%m-%d %H:%M}"
