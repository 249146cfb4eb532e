"""Earlier service requests for demo people, as a seed for the reference Open311 server.

``open311_seed(people)`` takes demo people as dicts with ``customer_id``, ``first_names``,
``last_name``, ``email``, ``phone``, ``street`` and ``municipality`` (``street`` None for a protected
address) and returns a seed for :func:`agentdesk_technical.reference_server.start_server`: the
packaged Finnish services and 1–3 earlier requests for about a third of the people who have an
e-mail address or a phone number (so the ``email``/``phone`` search finds them).

Who gets what is decided by a hash of the customer id, so the same people always get the same
requests; the dates count back from ``now`` (default: the current hour), so pass ``now`` for a
seed that is the same byte for byte. The seed's extra key ``customer_references`` maps each
customer id (as text) to the ids of its requests, for a demo that stores them on interactions
the way the desk stores the references of requests it files.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from .reference_server import default_seed
from .reference_store import format_datetime

FIRST_ID = 20001
SHARE_PERCENT = 35
# Rough centres for a location when the person's own address is protected.
CENTRES = {
    "Helsinki": (60.1699, 24.9384),
    "Espoo": (60.2055, 24.6559),
    "Vantaa": (60.2934, 25.0378),
    "Tampere": (61.4978, 23.7610),
    "Turku": (60.4518, 22.2666),
    "Oulu": (65.0121, 25.4651),
}

# service code → (agency, descriptions, status notes while open, status notes once closed)
STORIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "streetlight": (
        "Katuvalaistus",
        (
            "Katuvalo ei pala talon kohdalla.",
            "Katuvalo vilkkuu koko illan.",
            "Valaisinpylväs kallistunut auton törmäyksen jälkeen.",
        ),
        ("Välitetty valaistusurakoitsijalle.", "Korjaus tilattu, odottaa varaosaa."),
        ("Lamppu vaihdettu.", "Pylväs oikaistu ja valaisin korjattu."),
    ),
    "waste_pickup": (
        "Jätehuolto",
        ("Sekajäteastia jäi tyhjentämättä.", "Biojäteastia tyhjentämättä jo toista kertaa."),
        ("Ilmoitettu kuljetusyritykselle, tyhjennys lisäajona.",),
        ("Astia tyhjennetty lisäajona.", "Tyhjennysrytmi korjattu rekisteriin."),
    ),
    "water_leak": (
        "Vesihuolto",
        ("Vettä pulppuaa kadulla kaivon vieressä.", "Vesimittarin liitos vuotaa."),
        ("Päivystäjä käynyt paikalla, korjaus tilattu.",),
        ("Vuoto korjattu, katu paikattu.", "Mittarin tiiviste vaihdettu."),
    ),
    "snow_ploughing": (
        "Katujen kunnossapito",
        ("Jalkakäytävä auraamatta.", "Aurausvalli tukkii pihaliittymän."),
        ("Välitetty alueurakoitsijalle.",),
        ("Aurattu.", "Valli poistettu liittymästä."),
    ),
    "litter": (
        "Puhtaanapito",
        ("Roskia leikkipuistossa.", "Roska-astiat täynnä rannalla."),
        ("Siivous tilattu.",),
        ("Alue siivottu.", "Astiat tyhjennetty ja lisäastia tilattu."),
    ),
}
DETAILED = {"open": ("RECEIVED", "PROCESSING", "PUBLIC_WORKS_NEW"), "closed": ("PUBLIC_WORKS_COMPLETED", "DONE")}
ATTRIBUTES = {
    "streetlight": {"FAULT": ["dark"]},
    "waste_pickup": {"CONTAINER_TYPE": ["mixed"]},
    "water_leak": {"SEVERITY": ["seeping"]},
}


def _street_address(street: str) -> str:
    """ "Mannerheimintie 12 A 5" → "Mannerheimintie 12": a location, not the flat."""
    words = street.split()
    for i, word in enumerate(words):
        if re.match(r"\d", word):
            return " ".join(words[: i + 1])
    return street


def open311_seed(people: Sequence[Mapping[str, Any]], *, now: dt.datetime | None = None) -> dict[str, Any]:
    base = default_seed()
    services = base["services"]
    codes = [s["service_code"] for s in services]
    names = {s["service_code"]: s["service_name"] for s in services}
    if now is None:
        now = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    requests: list[dict[str, Any]] = []
    references: dict[str, list[str]] = {}
    next_id = FIRST_ID
    for person in sorted(people, key=lambda p: int(p["customer_id"])):
        if not (person.get("email") or person.get("phone")):
            continue
        cid = int(person["customer_id"])
        h = zlib.crc32(f"open311/{cid}".encode())
        if h % 100 >= SHARE_PERCENT:
            continue
        for n in range(1 + (h >> 8) % 3):
            x = zlib.crc32(f"open311/{cid}/{n}".encode())
            code = codes[x % len(codes)]
            agency, descriptions, open_notes, closed_notes = STORIES.get(code, ("", ("",), ("",), ("",)))
            days_ago = 1 + ((x >> 4) % 400) ** 2 // 400  # most of them recent
            status = "open" if days_ago <= 21 and (x >> 12) % 3 else "closed"
            requested = now - dt.timedelta(days=days_ago, hours=(x >> 16) % 10, minutes=(x >> 20) % 60)
            updated = min(now, requested + dt.timedelta(hours=2 + (x >> 6) % (24 * (1 if status == "open" else 9))))
            notes = open_notes if status == "open" else closed_notes
            municipality = person.get("municipality") or "Helsinki"
            street = person.get("street")
            lat = lon = None
            if street:
                address = f"{_street_address(street)}, {municipality}"
            else:  # protected address: somewhere public in the municipality, given as a point
                address = ""
                lat, lon = CENTRES.get(municipality, CENTRES["Helsinki"])
                lat, lon = round(lat + ((x >> 3) % 100 - 50) / 5000, 5), round(lon + ((x >> 9) % 100 - 50) / 2500, 5)
            request_id = str(next_id)
            next_id += 1
            record: dict[str, Any] = {
                "service_request_id": request_id,
                "service_code": code,
                "service_name": names[code],
                "status": status,
                "status_notes": notes[(x >> 2) % len(notes)],
                "agency_responsible": agency,
                "service_notice": "",
                "requested_datetime": format_datetime(requested),
                "updated_datetime": format_datetime(updated),
                "expected_datetime": None,
                "description": descriptions[(x >> 5) % len(descriptions)],
                "address": address,
                "address_id": None,
                "zipcode": None,
                "lat": lat,
                "long": lon,
                "media_url": None,
                "email": person.get("email") or None,
                "phone": person.get("phone") or None,
                "first_name": (person.get("first_names") or "").split(" ")[0] or None,
                "last_name": person.get("last_name") or None,
                "attributes": ATTRIBUTES.get(code, {}),
            }
            if (x >> 7) % 2:  # Helsinki's extensions on about half of them
                detailed = DETAILED[status]
                record["extended_attributes"] = {
                    "title": record["description"].rstrip("."),
                    "detailed_status": detailed[(x >> 11) % len(detailed)],
                }
            requests.append(record)
            references.setdefault(str(cid), []).append(request_id)
    return {
        "jurisdiction_id": base.get("jurisdiction_id", ""),
        "api_keys": list(base["api_keys"]),
        "services": services,
        "requests": requests,
        "customer_references": references,
    }
