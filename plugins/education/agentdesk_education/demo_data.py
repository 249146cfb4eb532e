"""Demo seed for the reference server: education records for the demo population, by age.

``education_seed(people)`` is deterministic: the same people (and ``today``) give the same seed, and
each person's records depend only on their own identity code and age, so adding people changes
nobody else. Ages are on ``today``:

- 0 (from 9 months): a daycare application, some already offered a place;
- 1–6: a daycare place in a group (some with early-childhood support), some a pending transfer;
- 7–15: basic education in a class of the grade (some with intensified or special support), and
  the ended daycare place before it;
- 16–17: nothing (upper secondary is the region's, not the city's, register);
- adults: about one in six an adult-education course (Työväenopisto), some of them ended.

Children are the people's guardian relationships (``children``: their henkilötunnus); a child's birth
date is read from the henkilötunnus. Units are realistic Tampere units; no real person's data.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

DAYCARES = (
    ("VK-HER-SAT", "Päiväkoti Satakieli, Hervanta"),
    ("VK-KAL-KAN", "Päiväkoti Kanervisto, Kaleva"),
    ("VK-LIE-TUU", "Päiväkoti Tuulikello, Lielahti"),
    ("VK-TES-PIK", "Päiväkoti Pikku-Tesoma"),
    ("VK-KES-SVE", "Daghemmet Svanen (svenskspråkig)"),
)
GROUPS = ("Nallet", "Kissat", "Siilit", "Oravat", "Pöllöt", "Esiopetus Tähdet")
SCHOOLS = (
    ("PK-HER", "Hervannan koulu"),
    ("PK-KAL", "Kalevanharjun koulu"),
    ("PK-LIE", "Lielahden koulu"),
    ("PK-TES", "Tesoman koulu"),
    ("PK-SVE", "Svenska samskolan i Tammerfors"),
)
COURSES = (
    "Englanti B1, iltakurssi",
    "Suomi toisena kielenä A2",
    "Digitaidot arkeen",
    "Keramiikka, jatkokurssi",
    "Ruotsin keskustelukurssi",
    "Kuvataide: akvarelli",
)
ADULT_UNIT = ("TYO-TRE", "Tampereen työväenopisto")
EARLY_SUPPORT = (
    "Kiertävän varhaiskasvatuksen erityisopettajan tuki",
    "Puheterapeutin ohjaus ryhmässä",
    "Kuvatuki päivän rakenteeseen",
)
SCHOOL_SUPPORT = (
    "Osa-aikainen erityisopetus",
    "Tukiopetus matematiikassa",
    "Koulunkäyntiavustaja",
    "Pienryhmäopetus",
    "Pidennetty oppivelvollisuus",
)
_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
_CENTURY.update(dict.fromkeys("ABCDEF", 2000))


def birth_date_of(hetu: str) -> date | None:
    """The birth date a henkilötunnus encodes (DDMMYY and the century sign); None if it encodes none."""
    try:
        return date(_CENTURY[hetu[6].upper()] + int(hetu[4:6]), int(hetu[2:4]), int(hetu[0:2]))
    except (KeyError, ValueError, IndexError):
        return None


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _august(year: int) -> date:
    return date(year, 8, 8)


def _support(level: str, measures: tuple[str, ...], rng: random.Random) -> dict[str, Any]:
    return {"level": level, "measures": rng.sample(measures, k=rng.randint(1, 2))}


def records_for(hetu: str, born: date, today: date) -> list[dict[str, Any]]:
    """The records of one person, by their age on ``today``."""
    rng = random.Random(f"agentdesk-education:{hetu}")
    tag = f"{rng.getrandbits(32):08x}"
    age = age_on(born, today)
    out: list[dict[str, Any]] = []

    def add(
        kind: str,
        unit: tuple[str, str],
        status: str,
        title: str | None,
        start: date | None,
        end: date | None,
        support: dict[str, Any] | None = None,
    ) -> None:
        out.append(
            {
                "id": f"{kind[:2]}-{tag}-{len(out) + 1}",
                "kind": kind,
                "unit": {"code": unit[0], "name": unit[1]},
                "status": status,
                "title": title,
                "start": start.isoformat() if start else None,
                "end": end.isoformat() if end else None,
                "support": support,
            }
        )

    if age == 0 and (today - born).days >= 270:
        status = "offered" if rng.random() < 0.3 else "pending"
        add(
            "daycare_application",
            rng.choice(DAYCARES),
            status,
            None,
            today + timedelta(days=rng.randint(30, 120)),
            None,
        )
    elif 1 <= age <= 6:
        started = max(born + timedelta(days=rng.randint(300, 800)), today - timedelta(days=365 * 5))
        support = _support("general", EARLY_SUPPORT, rng) if rng.random() < 0.12 else None
        group = GROUPS[-1] if age == 6 else rng.choice(GROUPS[:-1])
        unit = rng.choice(DAYCARES)
        add("daycare_placement", unit, "active", group, min(started, today), None, support)
        if rng.random() < 0.15:
            other = rng.choice([d for d in DAYCARES if d != unit])
            add("daycare_application", other, "pending", None, today + timedelta(days=rng.randint(20, 90)), None)
    elif 7 <= age <= 15:
        first_autumn = _august(born.year + 7)
        grade = age - 6 if (today.month, today.day) >= (8, 8) else age - 7
        grade = min(max(grade, 1), 9)
        roll = rng.random()
        support = None
        if roll < 0.05:
            support = _support("special", SCHOOL_SUPPORT, rng)
        elif roll < 0.13:
            support = _support("intensified", SCHOOL_SUPPORT, rng)
        elif roll < 0.25:
            support = _support("general", SCHOOL_SUPPORT, rng)
        add(
            "school_enrolment",
            rng.choice(SCHOOLS),
            "active",
            f"{grade}{rng.choice('ABCD')}",
            first_autumn,
            None,
            support,
        )
        add(
            "daycare_placement",
            rng.choice(DAYCARES),
            "ended",
            GROUPS[-1],
            _august(born.year + 6),
            first_autumn - timedelta(days=40),
        )
    elif age >= 18 and rng.random() < 0.17:
        for _ in range(rng.choice((1, 1, 2))):
            ended = rng.random() < 0.4
            start = today - timedelta(days=rng.randint(200, 900) if ended else rng.randint(5, 120))
            end = start + timedelta(days=rng.randint(60, 150))
            add(
                "adult_education_enrolment", ADULT_UNIT, "ended" if ended else "active", rng.choice(COURSES), start, end
            )
    return out


def education_seed(people: Iterable[Mapping[str, Any]], today: date | None = None) -> dict[str, Any]:
    """A reference-server seed ``{"learners": {hetu: [record, ...]}}`` for ``people`` (dicts with ``hetu``,
    optional ``birth_date`` ISO and ``children``: the henkilötunnus of each child) and their children.
    People without records are left out (the server answers them with an empty list)."""
    today = today or date.today()
    learners: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()

    def visit(hetu: str, born: date | None) -> None:
        hetu = hetu.strip().upper()
        if not hetu or hetu in seen:
            return
        seen.add(hetu)
        born = born or birth_date_of(hetu)
        if born is None or born > today:
            return
        records = records_for(hetu, born, today)
        if records:
            learners[hetu] = records

    for person in people:
        raw = person.get("birth_date")
        visit(str(person.get("hetu") or ""), date.fromisoformat(raw) if isinstance(raw, str) and raw else None)
        for child in person.get("children") or ():
            visit(str(child), None)
    return {"learners": learners}


def main(argv: list[str] | None = None) -> int:
    """``python -m agentdesk_education.demo_data PEOPLE.json``: people list in, seed JSON out (stdout)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m agentdesk_education.demo_data PEOPLE.json > seed.json", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        people = json.load(f)
    json.dump(education_seed(people), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
