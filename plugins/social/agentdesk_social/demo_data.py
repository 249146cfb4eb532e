"""Demo seed for the reference server: client relationships for the demo population's social-services clients.

``social_seed(people)`` is deterministic: the same people (and ``today``) give the same seed, and each
person's relationships depend only on their own identity code, so adding people changes nobody else.
Units are realistic Finnish social-services units; workers, phone numbers and e-mail addresses are
fictional (``sote.example``).
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    _HELSINKI: tzinfo = ZoneInfo("Europe/Helsinki")
except ZoneInfoNotFoundError:  # pragma: no cover - Windows without tzdata
    _HELSINKI = timezone(timedelta(hours=2))

CLIENT_ROLE = "social_services_client"

UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "housing": (("TRE-ASN", "Asumisneuvonta"), ("TRE-ASP-KES", "Asumisen tuki, Keskusta")),
    "debt_counselling": (("TRE-TVN", "Talous- ja velkaneuvonta"),),
    "income_support": (
        ("TRE-AST-HER", "Aikuissosiaalityö, Hervanta"),
        ("TRE-AST-KES", "Aikuissosiaalityö, Keskusta"),
        ("TRE-AST-LIE", "Aikuissosiaalityö, Lielahti"),
    ),
    "child_welfare": (("TRE-LSA", "Lastensuojelu, avohuolto"), ("TRE-LSA-HER", "Lastensuojelu, avohuolto, Hervanta")),
}
AREAS = tuple(UNITS)

_FIRST = (
    "Kaisa",
    "Mikko",
    "Aino",
    "Juha",
    "Sanna",
    "Petri",
    "Hanna",
    "Tuomas",
    "Laura",
    "Jussi",
    "Elina",
    "Ville",
    "Marjut",
    "Antti",
    "Riikka",
    "Teemu",
)
_LAST = (
    "Lindqvist",
    "Rantanen",
    "Heikkilä",
    "Saarinen",
    "Mäkelä",
    "Koskinen",
    "Laaksonen",
    "Nieminen",
    "Salo",
    "Aalto",
    "Forsman",
    "Kallio",
    "Vainio",
    "Lehtonen",
)
_ASCII = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A"})


def _worker(unit_code: str, rng: random.Random) -> dict[str, Any]:
    """One of the unit's four workers, the same person every time."""
    staff = random.Random(f"agentdesk-social-unit:{unit_code}:{rng.randrange(4)}")
    first, last = staff.choice(_FIRST), staff.choice(_LAST)
    phone = f"+35840{staff.randrange(10_000_000):07d}"
    email = f"{first}.{last}".lower().translate(_ASCII) + "@sote.example"
    return {"name": f"{first} {last}", "phone": phone, "email": email if staff.random() < 0.85 else None}


def _meeting(today: date, rng: random.Random) -> str:
    day = today + timedelta(days=rng.randint(1, 30))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    slot = rng.randrange(16)  # 8.00-15.30 every half hour
    at = datetime.combine(day, time(8 + slot // 2, 30 * (slot % 2)), tzinfo=_HELSINKI)
    return at.isoformat(timespec="seconds")


def _relationship(rid: str, area: str, status: str, today: date, rng: random.Random) -> dict[str, Any]:
    code, name = rng.choice(UNITS[area])
    if status == "active":
        start, end = today - timedelta(days=rng.randint(14, 1500)), None
    elif status == "waiting":
        start, end = today - timedelta(days=rng.randint(1, 40)), None
    else:
        end = today - timedelta(days=rng.randint(20, 900))
        start = end - timedelta(days=rng.randint(60, 700))
    worker: dict[str, Any] | None = _worker(code, rng)
    if status == "waiting" and rng.random() < 0.6:
        worker = None  # no worker named until the relationship starts
    meeting = None
    if (status == "active" and rng.random() < 0.7) or (status == "waiting" and rng.random() < 0.3):
        meeting = _meeting(today, rng)
    return {
        "id": rid,
        "unit": {"code": code, "name": name, "service_area": area},
        "worker": worker,
        "status": status,
        "start": start.isoformat(),
        "end": end.isoformat() if end else None,
        "next_meeting": meeting,
    }


def relationships_for(hetu: str, today: date, *, multi_service: bool | None = None) -> list[dict[str, Any]]:
    """1–4 relationships in distinct service areas; a multi-service client is active at 2–3 units."""
    rng = random.Random(f"agentdesk-social:{hetu}")
    multi = rng.random() < 0.35 if multi_service is None else multi_service
    areas = rng.sample(AREAS, k=len(AREAS))
    if multi:
        statuses = ["active"] * rng.choice((2, 2, 2, 3))
        if rng.random() < 0.4:
            statuses.append(rng.choice(("waiting", "ended")))
    else:
        statuses = ["active" if rng.random() < 0.85 else "waiting"]
        statuses += [rng.choice(("ended", "ended", "waiting")) for _ in range(rng.choice((0, 0, 1, 2)))]
    tag = f"{rng.getrandbits(40):010x}"
    return [
        _relationship(f"ep-{tag}-{i + 1}", area, status, today, rng)
        for i, (area, status) in enumerate(zip(areas, statuses, strict=False))
    ]  # fewer statuses than areas


def _is_multi(relationships: Iterable[Mapping[str, Any]]) -> bool:
    return len({r["unit"]["code"] for r in relationships if r["status"] == "active"}) >= 2


def social_seed(people: Iterable[Mapping[str, Any]], today: date | None = None) -> dict[str, Any]:
    """A reference-server seed ``{"clients": {hetu: [relationship, ...]}}`` for the people who have the
    role ``social_services_client``. ``people``: dicts with ``hetu``, ``first_names``, ``last_name`` and
    ``roles``. Dates are relative to ``today`` (default: the current date; pass one for a fixed seed).
    At least one client is a multi-service client whenever there is a client at all."""
    today = today or date.today()
    clients: dict[str, list[dict[str, Any]]] = {}
    for person in people:
        hetu = str(person.get("hetu") or "").strip().upper()
        if hetu and CLIENT_ROLE in (person.get("roles") or ()):
            clients[hetu] = relationships_for(hetu, today)
    if clients and not any(_is_multi(r) for r in clients.values()):
        first = next(iter(clients))
        clients[first] = relationships_for(first, today, multi_service=True)
    return {"clients": clients}


def main(argv: list[str] | None = None) -> int:
    """``python -m agentdesk_social.demo_data PEOPLE.json``: people list in, seed JSON out (stdout)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m agentdesk_social.demo_data PEOPLE.json > seed.json", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        people = json.load(f)
    json.dump(social_seed(people), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
