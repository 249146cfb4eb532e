"""A synthetic Finnish population, generated as plain database rows, deterministically and in chunks.

``generate(people, seed)`` yields :class:`Chunk` objects; each holds the rows of a slice of the
population for every table the bulk loader writes (:data:`TABLES`, in foreign-key order), the
rows of the search index (:data:`SEARCH_COLUMNS`) and the vocabulary counts of those documents.
Nothing is kept between chunks except a few counters, so the population can be larger than memory.

Everything is drawn from one ``random.Random(seed)``: the same arguments give the same rows. The
values are database-ready primitives: ``str``/``int``/``None``; dates as ISO strings
(``"1984-03-21"``); timestamps as naive UTC strings ``"2025-02-03 08:15:00.000000"`` (the form
SQLAlchemy stores on SQLite; PostgreSQL reads it as UTC when the session time zone is UTC);
booleans as 0/1.

What is in it:

- persons in households (singles, couples, families; children under 18 share the address of
  their guardians, with ``guardian`` relationships from guardian to child and a
  ``household_member`` relationship between partners), Finnish, Finland-Swedish and foreign
  names, a test-range henkilötunnus (individual number 900-999, odd for men) that is unique
  and agrees with the birth date and sex, a preferred language, a +358 mobile number in E.164
  (90 %), a unique e-mail address at a reserved example domain (70 %), one current address;
- alerts (protected address, interpreter, safety warning, deceased), roles with validity periods
  (daycare, school, water utility, housing, social services, home care, parking) and identifiers
  in other registers (``VES-1234567`` water utility, ``VAKA-123456`` daycare);
- organisations (about 1 %: housing companies at their residents' address, firms) with a valid
  Y-tunnus and a representative;
- duplicate customer records from other registers with a typo or missing fields, and their
  ground truth in ``synthetic_duplicate``;
- optionally interaction histories and service cases for a share of the people.
"""

from __future__ import annotations

import bisect
import datetime as dt
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from random import Random

from agentdesk.search import text_index
from agentdesk_demo.population import hard_duplicates

DATA_DIR = Path(__file__).with_name("data")

# Table -> columns, in the order the loader inserts them (parents before children). Tables whose
# first column is "id" get their ids from the generator; the others get theirs from the database.
TABLES: dict[str, tuple[str, ...]] = {
    "customer": (
        "id",
        "kind",
        "first_names",
        "last_name",
        "birth_date",
        "preferred_language",
        "created_at",
        "updated_at",
        "version",
    ),
    "customer_identifier": ("customer_id", "scheme", "register", "value"),
    "contact_point": ("customer_id", "kind", "value", "label", "is_primary"),
    "address": ("customer_id", "street", "postal_code", "municipality", "country", "valid_from", "valid_to"),
    "alert": ("customer_id", "kind", "note", "valid_from", "valid_to"),
    "customer_role": (
        "customer_id",
        "role_code",
        "department_id",
        "description",
        "external_ref",
        "valid_from",
        "valid_to",
    ),
    "customer_relationship": ("from_customer_id", "to_customer_id", "kind", "valid_from", "valid_to"),
    "synthetic_duplicate": ("duplicate_customer_id", "original_customer_id", "source_register"),
    "service_case": (
        "id",
        "customer_id",
        "title",
        "status",
        "department_id",
        "due_date",
        "backoffice_system",
        "backoffice_ref",
        "created_at",
        "updated_at",
        "version",
    ),
    "interaction": (
        "customer_id",
        "channel",
        "direction",
        "started_at",
        "ended_at",
        "agent_id",
        "department_id",
        "topic",
        "notes",
        "outcome",
        "case_id",
        "external_ref",
        "version",
    ),
}
SEARCH_COLUMNS = ("customer_id", "names", "place", "street", "born")

DEPARTMENTS: dict[str, str] = {
    "customer_service": "Asiakaspalvelu",
    "social": "Sosiaalipalvelut",
    "health": "Terveyspalvelut",
    "technical": "Tekniset palvelut",
    "education": "Kasvatus ja koulutus",
    "housing": "Asuminen",
}
# username, display name, role, department code
STAFF: tuple[tuple[str, str, str, str | None], ...] = (
    ("agent.aino", "Aino Asiakaspalvelija", "agent", "customer_service"),
    ("agent.sven", "Sven Servicerådgivare", "agent", "customer_service"),
    ("super.sari", "Sari Esihenkilö", "supervisor", "customer_service"),
    ("steward.paavo", "Paavo Tietosuoja", "steward", "customer_service"),
    ("admin.ilkka", "Ilkka Ylläpitäjä", "admin", None),
    ("nurse.helmi", "Helmi Hoitaja", "agent", "health"),
    ("social.sanna", "Sanna Sosiaaliohjaaja", "agent", "social"),
)

EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "esimerkki.example", "posti.example")
MOBILE_PREFIXES = ("40", "50", "44", "45", "41")
DUPLICATE_REGISTERS = ("daycare", "water-utility", "social-legacy")

_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY_SIGNS = {18: "+", 19: "-YXWVU", 20: "ABCDEF"}
_SIGN_CENTURY = {s: c for c, signs in _CENTURY_SIGNS.items() for s in signs}
SLOTS_PER_SIGN = 50  # individual numbers 900..998 (even, women) or 901..999 (odd, men)


# ---------------------------------------------------------------------------------------------
# Identifiers


def hetu_check_char(nine_digits: str) -> str:
    """The check character of DDMMYYNNN."""
    return _CHECK_CHARS[int(nine_digits) % 31]


def make_hetu(birth: dt.date, male: bool, slot: int) -> str | None:
    """The test-range henkilötunnus number ``slot`` of a birth date and sex, None past the last.

    Slots run through individual numbers 900-999 of the right parity with the first century
    sign, then with the next sign ('-', Y, X, W, V, U for the 1900s; A-F for the 2000s)."""
    signs = _CENTURY_SIGNS[birth.year // 100]
    sign_index, k = divmod(slot, SLOTS_PER_SIGN)
    if sign_index >= len(signs):
        return None
    nnn = 900 + 2 * k + (1 if male else 0)
    ddmmyy = f"{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}"
    return f"{ddmmyy}{signs[sign_index]}{nnn}{_CHECK_CHARS[int(f'{ddmmyy}{nnn}') % 31]}"


def hetu_slot(code: str) -> tuple[int, bool, int] | None:
    """(birth date ordinal, male, slot) of a test-range code as made by :func:`make_hetu`.

    None for anything else (another range, malformed), which cannot collide with generated codes."""
    if len(code) != 11 or code[6] not in _SIGN_CENTURY or not code[7:10].isdigit():
        return None
    nnn = int(code[7:10])
    if nnn < 900:
        return None
    century = _SIGN_CENTURY[code[6]]
    try:
        birth = dt.date(century * 100 + int(code[4:6]), int(code[2:4]), int(code[0:2]))
    except ValueError:
        return None
    sign_index = _CENTURY_SIGNS[century].index(code[6])
    return birth.toordinal(), nnn % 2 == 1, sign_index * SLOTS_PER_SIGN + (nnn - 900) // 2


def ytunnus_check_digit(seven_digits: str) -> int | None:
    """The Y-tunnus check digit, None when the remainder is 1 (such numbers are not issued)."""
    r = sum(int(d) * w for d, w in zip(seven_digits, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if r == 1:
        return None
    return 0 if r == 0 else 11 - r


def _permute(n: int, modulus: int, mult: int, add: int) -> int:
    """A bijection of 0..modulus-1 (mult is coprime to modulus)."""
    return (n * mult + add) % modulus


def mobile_number(customer_id: int) -> str:
    """A +358 mobile number, different for every id below 50 million."""
    x = _permute(customer_id, 50_000_000, 7_919_993, 12_345_671)
    return f"+358{MOBILE_PREFIXES[x // 10_000_000]}{x % 10_000_000:07d}"


def water_customer_number(customer_id: int) -> str:
    if customer_id < 9_000_000:
        return f"VES-{1_000_000 + _permute(customer_id, 9_000_000, 4_999_999, 271_828)}"
    return f"VES-{10_000_000 + customer_id}"


def daycare_number(customer_id: int) -> str:
    if customer_id < 900_000:
        return f"VAKA-{100_000 + _permute(customer_id, 900_000, 499_979, 31_415)}"
    return f"VAKA-{1_000_000 + customer_id}"


def social_number(customer_id: int) -> str:
    return f"SOS-{10_000_000 + _permute(customer_id, 90_000_000, 48_611_111, 1_414_213)}"


# ---------------------------------------------------------------------------------------------
# Reference data files


class _Picker:
    """Weighted choice by bisecting cumulative weights (faster than Random.choices)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, items, weights) -> None:
        self.items = list(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def pick(self, rng: Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def zipf_weights(n: int, offset: float) -> list[float]:
    """Zipf-like weight by rank: 1 / (rank + offset)."""
    return [1.0 / (rank + offset) for rank in range(1, n + 1)]


def _lines(name: str) -> list[list[str]]:
    out = []
    for raw in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append([part.strip() for part in raw.rstrip("\n").split("\t")])
    return out


@dataclass(frozen=True)
class Municipality:
    name: str
    population: int
    postal_prefixes: tuple[str, ...]
    swedish_share: float
    flat_share: float
    foreign_share: float


_FOREIGN_FACTOR = {
    "Helsinki": 2.2,
    "Espoo": 2.0,
    "Vantaa": 2.4,
    "Turku": 1.4,
    "Tampere": 1.1,
    "Vaasa": 1.2,
    "Kerava": 1.1,
    "Lahti": 1.0,
    "Kauniainen": 1.0,
}
FOREIGN_LANGUAGE_SHARE = 0.08


class _Data:
    def __init__(self) -> None:
        self.first: dict[tuple[str, bool, int], _Picker] = {}
        for group in ("fi", "sv", "other"):
            for male in (False, True):
                rows = _lines(f"first_names_{'male' if male else 'female'}_{group}.txt")
                weights = zipf_weights(len(rows), 10)
                for era, tag in enumerate("omn"):
                    chosen = [(r[0], w) for r, w in zip(rows, weights, strict=True) if len(r) == 1 or tag in r[1]]
                    self.first[group, male, era] = _Picker([c[0] for c in chosen], [c[1] for c in chosen])
        self.last = {
            "fi": self._ranked("last_names_fi.txt", 20),
            "sv": self._ranked("last_names_sv.txt", 10),
            "other": self._ranked("last_names_other.txt", 15),
        }
        self.streets = [r[0] for r in _lines("streets.txt")]
        self.street_picker = _Picker(self.streets, zipf_weights(len(self.streets), 60))
        munis = []
        for r in _lines("municipalities.txt"):
            name, pop, prefixes, sv, flat = (p.strip() for p in r[0].split("|"))
            munis.append((name, int(pop), tuple(prefixes.split(",")), float(sv), float(flat)))
        total = sum(m[1] for m in munis)
        raw_foreign = sum(m[1] * _FOREIGN_FACTOR.get(m[0], 0.5) for m in munis) / total
        scale = FOREIGN_LANGUAGE_SHARE / raw_foreign
        self.municipalities = [
            Municipality(n, p, pre, sv, flat, min(0.5, _FOREIGN_FACTOR.get(n, 0.5) * scale))
            for n, p, pre, sv, flat in munis
        ]
        self.muni_picker = _Picker(self.municipalities, [m.population for m in self.municipalities])
        self._postal: dict[tuple[str, str], str] = {}

    @staticmethod
    def _ranked(name: str, offset: float) -> _Picker:
        rows = [r[0] for r in _lines(name)]
        return _Picker(rows, zipf_weights(len(rows), offset))

    def postal_code(self, muni: Municipality, street: str) -> str:
        """The same street in the same municipality always has the same postal code."""
        key = (muni.name, street)
        code = self._postal.get(key)
        if code is None:
            h = zlib.crc32(f"{muni.name}/{street}".encode())
            prefix = muni.postal_prefixes[h % len(muni.postal_prefixes)]
            h //= 7
            if len(prefix) >= 5:
                code = prefix[:5]
            elif len(prefix) == 4:
                code = prefix + "0"
            elif len(prefix) == 3:
                code = f"{prefix}{h % 10}0"
            else:
                code = f"{prefix}{10 + h % 90}0"
            self._postal[key] = code
        return code


@lru_cache(maxsize=1)
def reference_data() -> _Data:
    return _Data()


# ---------------------------------------------------------------------------------------------
# Output


@dataclass
class Chunk:
    """The rows of one slice of the population."""

    index: int
    rows: dict[str, list[tuple]]
    search: list[tuple]  # SEARCH_COLUMNS
    vocabulary: Counter  # word -> number of new search documents containing it
    people: int = 0
    organisations: int = 0
    duplicates: int = 0
    interactions: int = 0
    cases: int = 0
    first_id: int = 0
    next_id: int = 0  # the first customer id after this chunk

    @property
    def customers(self) -> int:
        return self.people + self.organisations + self.duplicates

    def row_count(self) -> int:
        return sum(len(r) for r in self.rows.values()) + len(self.search)


def default_department_ids() -> dict[str, int]:
    """Department ids of a fresh database seeded by ensure_reference_data (in DEPARTMENTS order)."""
    return {code: i for i, code in enumerate(DEPARTMENTS, start=1)}


@dataclass
class GeneratorContext:
    """What the generator must know about the database it generates for."""

    department_ids: dict[str, int] = field(default_factory=default_department_ids)
    # department code -> staff user ids answering its contacts (interactions); empty: no agent
    staff_ids: dict[str, list[int]] = field(default_factory=dict)
    first_case_id: int = 1
    # (birth date ordinal, male) -> the next free henkilötunnus slot (see make_hetu)
    hetu_next_slot: dict[tuple[int, bool], int] = field(default_factory=dict)
    taken_ytunnus: set[str] = field(default_factory=set)

    def note_existing_hetu(self, code: str) -> None:
        slot = hetu_slot(code)
        if slot is not None:
            key = (slot[0], slot[1])
            if self.hetu_next_slot.get(key, 0) <= slot[2]:
                self.hetu_next_slot[key] = slot[2] + 1


# ---------------------------------------------------------------------------------------------
# The population model

# Finland's population by five-year age band (thousands, ~2023), ages 0-4 ... 95-99, 100.
AGE_BANDS = (230, 285, 305, 305, 310, 345, 365, 365, 350, 320, 335, 355, 360, 345, 365, 295, 185, 100, 40, 9, 1)

TOPICS: tuple[tuple[str, str, float, str, tuple[str, ...]], ...] = (
    # code, department, weight, case title, notes
    (
        "general.advice",
        "customer_service",
        10,
        "Yleinen neuvonta",
        (
            "Neuvottu asiointipalveluiden käytössä.",
            "Asiakas kysyi aukioloajoista, vastattu.",
            "Customer asked which office handles the matter; advised.",
        ),
    ),
    (
        "general.feedback",
        "customer_service",
        3,
        "Asiakaspalaute",
        ("Palaute kirjattu ja välitetty vastuuyksikölle.", "Feedback recorded and forwarded."),
    ),
    (
        "daycare.application",
        "education",
        6,
        "Varhaiskasvatushakemus",
        (
            "Neuvottu varhaiskasvatushakemuksen täyttämisessä.",
            "Kysytty hakemuksen käsittelyaikaa.",
            "Asked about the daycare application status.",
        ),
    ),
    (
        "daycare.invoice",
        "education",
        3,
        "Varhaiskasvatuksen asiakasmaksun oikaisu",
        ("Kysymys asiakasmaksun perusteista, tulotiedot pyydetty.",),
    ),
    (
        "school.enrolment",
        "education",
        2,
        "Kouluun ilmoittautuminen",
        ("Neuvottu kouluun ilmoittautumisessa.", "Asked about school transport."),
    ),
    (
        "water.billing",
        "technical",
        6,
        "Vesilaskun oikaisupyyntö",
        (
            "Kysytty vesilaskun arviolaskutuksesta.",
            "Mittarilukema kirjattu, lasku korjataan.",
            "Customer disputes the estimated water bill.",
        ),
    ),
    ("water.meter_reading", "technical", 2, "Vesimittarin lukema", ("Mittarilukema vastaanotettu.",)),
    (
        "waste.pickup",
        "technical",
        5,
        "Jätehuollon tyhjennysasia",
        ("Tyhjennys jäänyt väliin, reklamaatio kirjattu.", "Asked about the bin collection schedule."),
    ),
    (
        "streets.maintenance",
        "technical",
        4,
        "Katujen kunnossapito",
        ("Ilmoitus aurauksesta välitetty kunnossapitoon.", "Pothole reported, forwarded to street maintenance."),
    ),
    (
        "parking.permit",
        "technical",
        2,
        "Asukaspysäköintitunnus",
        ("Neuvottu pysäköintitunnuksen hakemisessa verkossa.",),
    ),
    (
        "social.income_support",
        "social",
        4,
        "Toimeentulotukiasia",
        ("Ohjattu hakemaan perustoimeentulotukea Kelasta.", "Täydentävän tuen liitteitä kysytty."),
    ),
    (
        "social.elderly_services",
        "social",
        3,
        "Ikäihmisten palvelutarpeen arvio",
        ("Palvelutarpeen arviointipyyntö välitetty.", "Asked about home care services."),
    ),
    (
        "health.appointment",
        "health",
        8,
        "Ajanvaraus",
        ("Aika varattu terveysasemalle.", "Ohjattu sähköiseen ajanvaraukseen.", "Appointment rescheduled."),
    ),
    ("health.prescription", "health", 3, "Reseptin uusiminen", ("Reseptin uusimispyyntö välitetty.",)),
    (
        "housing.application",
        "housing",
        3,
        "Vuokra-asuntohakemus",
        ("Neuvottu vuokra-asuntohakemuksen täydentämisessä.",),
    ),
    ("housing.rent", "housing", 2, "Vuokranmaksuasia", ("Kysytty vuokranmaksun eräpäivän siirrosta.",)),
)
_CHANNELS = (("phone", 55), ("email", 20), ("walk_in", 10), ("web", 15))
_OUTCOMES = (("resolved_first_contact", 62), ("forwarded", 18), ("case_created", 12), ("unresolved", 8))
_BACKOFFICE = {
    "customer_service": "crm",
    "education": "vaka",
    "technical": "kuntatekniikka",
    "social": "sosiaali",
    "health": "potilas",
    "housing": "asuntopalvelu",
}
_INTERPRETER_LANGUAGES = (
    "arabia",
    "somali",
    "venäjä",
    "persia",
    "ukraina",
    "vietnam",
    "kurdi",
    "dari",
    "turkki",
    "viro",
)
_SOCIAL_SERVICES = (
    "Aikuissosiaalityö",
    "Vammaispalvelut",
    "Lastensuojelun jälkihuolto",
    "Täydentävä toimeentulotuki",
    "Päihde- ja mielenterveyspalvelut",
)
_FIRM_KINDS = (
    "{l} Oy",
    "Rakennus {l} Oy",
    "Kuljetus {l} Oy",
    "Tilitoimisto {l} Oy",
    "Tmi {f} {l}",
    "{l} Ky",
    "Kiinteistöhuolto {l} Oy",
    "Parturi-Kampaamo {f}",
    "{l} & {l2} Oy",
)
_STAIRS = "AAABBBCCDDEF"
_KEYBOARD = {
    "q": "wa",
    "w": "qes",
    "e": "wrd",
    "r": "etf",
    "t": "ryg",
    "y": "tuh",
    "u": "yij",
    "i": "uok",
    "o": "ipl",
    "p": "oö",
    "a": "sq",
    "s": "adw",
    "d": "sfe",
    "f": "dgr",
    "g": "fht",
    "h": "gjy",
    "j": "hku",
    "k": "jli",
    "l": "kö",
    "z": "xs",
    "x": "zc",
    "c": "xv",
    "v": "cb",
    "b": "vn",
    "n": "bm",
    "m": "n",
    "ä": "öa",
    "ö": "äl",
    "å": "a",
}
_UMLAUT_LOSS = {"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A"}


def typo(rng: Random, word: str) -> str:
    """A one-letter edit of a name (deletion, swap, substitution, doubling, lost umlaut)."""
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    for _ in range(20):
        i = letters[int(rng.random() * len(letters))]
        op = rng.random()
        if op < 0.25 and len(letters) > 3:
            out = word[:i] + word[i + 1 :]
        elif op < 0.5 and i + 1 < len(word) and word[i + 1].isalpha() and word[i + 1] != word[i]:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if i == 0:
                out = out[0].upper() + out[1].lower() + out[2:]
        elif op < 0.8:
            near = _KEYBOARD.get(word[i].lower())
            if not near:
                continue
            ch = near[int(rng.random() * len(near))]
            out = word[:i] + (ch.upper() if word[i].isupper() else ch) + word[i + 1 :]
        elif op < 0.92:
            out = word[: i + 1] + word[i].lower() + word[i + 1 :]
        else:
            j = next((k for k in letters if word[k] in _UMLAUT_LOSS), None)
            if j is None:
                continue
            out = word[:j] + _UMLAUT_LOSS[word[j]] + word[j + 1 :]
        if out != word:
            return out
    return word[:-1] if len(word) > 2 else word + "a"


@lru_cache(maxsize=4096)
def _fold_word(name: str) -> str:
    return text_index.fold(name).replace(" ", "")


def _email_local(rng: Random, first: str, last: str, customer_id: int) -> str:
    f = _fold_word(first)
    l = _fold_word(last)
    style = rng.random()
    if style < 0.6:
        return f"{f}.{l}{customer_id}"
    if style < 0.85:
        return f"{f}{l}{customer_id}"
    return f"{f[:1]}.{l}{customer_id}"


def _age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class _Person:
    __slots__ = (
        "adult",
        "age",
        "birth",
        "deceased",
        "email",
        "first_names",
        "group",
        "hetu",
        "household",
        "id",
        "lang",
        "last_name",
        "male",
        "phone",
        "protected",
        "vaka",
        "water",
    )

    def __init__(self) -> None:
        self.phone = None
        self.email = None
        self.water = None
        self.vaka = None
        self.deceased = False
        self.protected = False


class _Household:
    __slots__ = (
        "adults",
        "children",
        "flat",
        "group",
        "house_number",
        "lang",
        "moved_in",
        "muni",
        "postal",
        "protected",
        "street",
    )


class _Generator:
    def __init__(
        self,
        people: int,
        seed: int,
        start_id: int,
        duplicate_share: float,
        histories: float,
        chunk_size: int,
        now: dt.datetime,
        ctx: GeneratorContext,
        hard_duplicates: float = 0.0,
    ) -> None:
        self.people = people
        self.hard_duplicates = hard_duplicates
        self.rng = Random(seed)
        self.next_id = start_id
        self.duplicate_share = duplicate_share
        self.histories = histories
        self.chunk_size = max(1, chunk_size)
        self.now = now.astimezone(dt.UTC).replace(tzinfo=None)
        self.now_text = self.now.isoformat(sep=" ", timespec="microseconds")
        self.today = self.now.date()
        self.today_ord = self.today.toordinal()
        self.dept = dict(ctx.department_ids)
        self.staff = {k: list(v) for k, v in ctx.staff_ids.items()}
        self.next_case_id = ctx.first_case_id
        self.hetu_next = dict(ctx.hetu_next_slot)
        self.ytunnus_used = set(ctx.taken_ytunnus)
        self.data = reference_data()
        self.age_picker = _Picker(range(len(AGE_BANDS)), AGE_BANDS)
        self.adult_age_picker = _Picker(range(18, 101), [AGE_BANDS[a // 5] for a in range(18, 101)])
        self.topic_picker = _Picker(TOPICS, [t[2] for t in TOPICS])
        self.topics_by_dept: dict[str, list] = {}
        for t in TOPICS:
            self.topics_by_dept.setdefault(t[1], []).append(t)
        self.channel_picker = _Picker([c for c, _ in _CHANNELS], [w for _, w in _CHANNELS])
        self.outcome_picker = _Picker([c for c, _ in _OUTCOMES], [w for _, w in _OUTCOMES])
        self._date_text: dict[int, str] = {}
        self._fold_cache: dict[str, tuple[str, frozenset]] = {}

    # -- small helpers -------------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def between(self, lo: int, hi: int) -> int:
        """A random integer lo..hi inclusive."""
        return lo + int(self.rng.random() * (hi - lo + 1))

    def day(self, ordinal: int) -> str:
        text = self._date_text.get(ordinal)
        if text is None:
            text = dt.date.fromordinal(ordinal).isoformat()
            self._date_text[ordinal] = text
        return text

    def new_id(self) -> int:
        i = self.next_id
        self.next_id += 1
        return i

    # -- chunks --------------------------------------------------------------------------------

    def chunks(self) -> Iterator[Chunk]:
        done = 0
        index = 0
        while done < self.people:
            target = min(self.chunk_size, self.people - done)
            chunk = self._chunk(index, target)
            done += chunk.people
            index += 1
            yield chunk

    def _chunk(self, index: int, target: int) -> Chunk:
        self.rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
        self.search: list[tuple] = []
        self.vocab: Counter = Counter()
        chunk = Chunk(index, self.rows, self.search, self.vocab, first_id=self.next_id)
        persons: list[_Person] = []
        while len(persons) < target:
            hh = self._household(target - len(persons))
            persons.extend(hh.adults)
            persons.extend(hh.children)
            if self.chance(0.01 * (len(hh.adults) + len(hh.children))):
                self._organisation(hh)
                chunk.organisations += 1
        chunk.people = len(persons)
        n_dup = self.duplicate_share * len(persons)
        n_dup = int(n_dup) + (1 if self.chance(n_dup - int(n_dup)) else 0)
        for original in self.rng.sample(persons, min(n_dup, len(persons))):
            self._duplicate(original)
        chunk.duplicates = n_dup
        if self.histories > 0:
            for p in persons:
                if p.age >= 15 and not p.deceased and self.chance(self.histories):
                    n, c = self._history(p)
                    chunk.interactions += n
                    chunk.cases += c
        chunk.next_id = self.next_id
        del self.rows, self.search, self.vocab
        return chunk

    # -- people --------------------------------------------------------------------------------

    def _household(self, room: int) -> _Household:
        rng = self.rng
        hh = _Household()
        muni = self.data.muni_picker.pick(rng)
        hh.muni = muni
        r = rng.random()
        if r < muni.foreign_share:
            hh.lang, hh.group = ("en" if rng.random() < 0.35 else "other"), "other"
        elif r < muni.foreign_share + muni.swedish_share * (1 - muni.foreign_share):
            hh.lang, hh.group = "sv", "sv"
        else:
            hh.lang, hh.group = "fi", "fi"
        hh.street = self.data.street_picker.pick(rng)
        hh.postal = self.data.postal_code(muni, hh.street)
        hh.house_number = 1 + int(rng.random() ** 2 * 60)
        if rng.random() < muni.flat_share:
            hh.flat = f"{_STAIRS[int(rng.random() * len(_STAIRS))]} {1 + int(rng.random() * 48)}"
        else:
            hh.flat = ""
        hh.protected = rng.random() < 0.003

        age = self.adult_age_picker.pick(rng)
        if age < 25:
            p_couple = 0.3
        elif age < 80:
            p_couple = 0.62
        else:
            p_couple = 0.3
        couple = room >= 2 and rng.random() < p_couple
        anchor_male = rng.random() < 0.5
        anchor = self._person(age, anchor_male, hh, None)
        hh.adults = [anchor]
        if couple:
            partner_age = max(18, min(100, age + int(rng.gauss(0, 3.5)) + (-2 if anchor_male else 2)))
            partner_male = (not anchor_male) if rng.random() < 0.96 else anchor_male
            same_name = rng.random() < 0.7 and partner_male != anchor_male
            hh.adults.append(self._person(partner_age, partner_male, hh, anchor.last_name if same_name else None))
        hh.children = []
        p_kids = _KIDS_BY_AGE[min(age // 5, len(_KIDS_BY_AGE) - 1)] * (1.1 if couple else 0.4)
        room -= len(hh.adults)
        if room > 0 and rng.random() < p_kids:
            oldest = min(17, age - 19)
            youngest = max(0, age - 46)
            if oldest >= youngest:
                r = rng.random()
                n = 1 if r < 0.38 else 2 if r < 0.78 else 3 if r < 0.94 else 4
                for _ in range(min(n, room)):
                    kid_age = self.between(youngest, oldest)
                    hh.children.append(self._person(kid_age, rng.random() < 0.51, hh, anchor.last_name))
        hh.moved_in = self.today_ord - int(rng.random() * 365 * min(15, 1 + age - 18))
        if hh.children:
            hh.moved_in = max(hh.moved_in, self.today_ord - int(365.25 * min(c.age for c in hh.children)))
        self._write_household(hh)
        return hh

    def _person(self, age: int, male: bool, hh: _Household, last_name: str | None) -> _Person:
        rng = self.rng
        p = _Person()
        p.id = self.new_id()
        p.male = male
        while True:
            birth_ord = self.today_ord - int((age + rng.random()) * 365.2425)
            birth_ord = min(birth_ord, self.today_ord)
            key = (birth_ord, male)
            slot = self.hetu_next.get(key, 0)
            birth = dt.date.fromordinal(birth_ord)
            code = make_hetu(birth, male, slot)
            if code is not None:
                self.hetu_next[key] = slot + 1
                break
            age = max(0, age - 1) if age > 0 else age + 1  # this birth date is full: another one
        p.birth = birth
        p.hetu = code
        p.age = _age_on(birth, self.today)
        p.adult = p.age >= 18
        group = hh.group
        if group == "sv" and rng.random() < 0.25:
            group = "fi"  # Finnish first names are common among Swedish speakers too
        elif group == "other" and rng.random() < 0.1:
            group = "fi"
        p.group = group
        era = 0 if birth.year < 1955 else 1 if birth.year < 1988 else 2
        picker = self.data.first[group, male, era]
        first = picker.pick(rng)
        if rng.random() < 0.35:
            second = picker.pick(rng)
            if second != first:
                first = f"{first} {second}"
        p.first_names = first
        if last_name is None:
            lg = hh.group
            if lg == "sv" and rng.random() < 0.4:
                lg = "fi"
            last_name = self.data.last[lg].pick(rng)
        p.last_name = last_name
        p.lang = hh.lang
        p.protected = hh.protected
        p.household = hh
        if p.age >= 75 and rng.random() < 0.055:
            p.deceased = True
        if p.adult:
            p_phone = 0.99 if p.age < 80 else 0.85
            p_mail = 0.9 if p.age < 75 else 0.6
        elif p.age >= 7:
            p_phone, p_mail = 0.92, (0.5 if p.age >= 13 else 0.0)
        else:
            p_phone, p_mail = 0.0, 0.0
        if rng.random() < p_phone:
            p.phone = mobile_number(p.id)
        if rng.random() < p_mail:
            domain = EMAIL_DOMAINS[int(rng.random() ** 1.5 * len(EMAIL_DOMAINS))]
            p.email = f"{_email_local(rng, first.split(' ')[0], last_name, p.id)}@{domain}"
        return p

    def _write_household(self, hh: _Household) -> None:
        rng = self.rng
        rows = self.rows
        customers = rows["customer"]
        idents = rows["customer_identifier"]
        contacts = rows["contact_point"]
        addresses = rows["address"]
        alerts = rows["alert"]
        roles = rows["customer_role"]
        rels = rows["customer_relationship"]
        dept = self.dept
        street = f"{hh.street} {hh.house_number}" + (f" {hh.flat}" if hh.flat else "")
        moved_in = self.day(hh.moved_in)
        members = hh.adults + hh.children
        location = None if hh.protected else self._location(street, hh.postal, hh.muni.name)
        for p in members:
            customers.append(
                (
                    p.id,
                    "person",
                    p.first_names,
                    p.last_name,
                    p.birth.isoformat(),
                    p.lang,
                    self.now_text,
                    self.now_text,
                    1,
                )
            )
            idents.append((p.id, "hetu", "dvv", p.hetu))
            if p.phone:
                contacts.append((p.id, "phone", p.phone, "mobile", 1))
            if p.email:
                contacts.append((p.id, "email", p.email, "", 1))
            addresses.append(
                (p.id, street, hh.postal, hh.muni.name, "FI", self.day(max(hh.moved_in, p.birth.toordinal())), None)
            )
            self._index(p.id, p.first_names, p.last_name, p.birth.year, location)
            if hh.protected:
                alerts.append((p.id, "protected_address", "Turvakielto", moved_in, None))
            # interpreter, safety, deceased
            p_interp = 0.15 if p.lang == "other" else 0.03 if p.lang == "en" else 0.002
            if p.age >= 3 and rng.random() < p_interp:
                language = (
                    "englanti"
                    if p.lang == "en"
                    else _INTERPRETER_LANGUAGES[int(rng.random() * len(_INTERPRETER_LANGUAGES))]
                    if p.lang == "other"
                    else "viittomakieli"
                )
                alerts.append((p.id, "interpreter_needed", f"Tulkkaus: {language}", None, None))
            if p.adult and rng.random() < 0.006:
                alerts.append(
                    (
                        p.id,
                        "safety_warning",
                        "Asiointi kahden työntekijän läsnä ollessa; ei kotikäyntejä yksin.",
                        self.day(self.today_ord - self.between(30, 1500)),
                        None,
                    )
                )
            if p.deceased:
                alerts.append((p.id, "deceased", "", self.day(self.today_ord - self.between(1, 700)), None))
            # roles of the person
            if p.adult and not p.deceased:
                if rng.random() < 0.04:
                    roles.append(
                        (
                            p.id,
                            "social_services_client",
                            dept.get("social"),
                            _SOCIAL_SERVICES[int(rng.random() * len(_SOCIAL_SERVICES))],
                            social_number(p.id),
                            self.day(self.today_ord - self.between(30, 3000)),
                            None if rng.random() < 0.7 else self.day(self.today_ord - self.between(1, 25)),
                        )
                    )
                if p.age >= 75 and rng.random() < 0.12:
                    roles.append(
                        (
                            p.id,
                            "home_care_client",
                            dept.get("health"),
                            "Säännöllinen kotihoito",
                            "",
                            self.day(self.today_ord - self.between(30, 2000)),
                            None,
                        )
                    )
                if hh.flat and hh.muni.flat_share > 0.6 and rng.random() < 0.04:
                    roles.append(
                        (
                            p.id,
                            "parking_permit",
                            dept.get("technical"),
                            "Asukaspysäköintitunnus",
                            "",
                            self.day(self.today_ord - self.between(1, 360)),
                            self.day(self.today_ord + self.between(5, 360)),
                        )
                    )
            elif not p.adult:
                if 1 <= p.age <= 6 and rng.random() < 0.8:
                    vaka = daycare_number(p.id)
                    p.vaka = vaka  # for the guardians' role
                    start = max(p.birth.toordinal() + 300, self.today_ord - 365 * 5)
                    idents.append((p.id, "register", "daycare", vaka))
                    roles.append(
                        (
                            p.id,
                            "daycare_child",
                            dept.get("education"),
                            "Varhaiskasvatus",
                            vaka,
                            self.day(min(start, self.today_ord)),
                            None,
                        )
                    )
                elif 7 <= p.age <= 15:
                    grade = p.age - 6
                    roles.append(
                        (
                            p.id,
                            "school_pupil",
                            dept.get("education"),
                            f"Perusopetus, {grade}. luokka",
                            "",
                            self.day(dt.date(p.birth.year + 7, 8, 1).toordinal()),
                            None,
                        )
                    )
        # household roles and relationships
        anchor = hh.adults[0]
        if not hh.flat and not anchor.deceased:
            ves = water_customer_number(anchor.id)
            anchor.water = ves
            idents.append((anchor.id, "register", "water-utility", ves))
            roles.append(
                (anchor.id, "water_customer", dept.get("technical"), "Vesihuollon asiakas", ves, moved_in, None)
            )
        elif hh.flat and rng.random() < 0.17:
            lease = f"VUO-{anchor.id:07d}"
            for a in hh.adults:
                if not a.deceased:
                    roles.append((a.id, "tenant", dept.get("housing"), "Vuokrasopimus", lease, moved_in, None))
        if len(hh.adults) == 2:
            a, b = hh.adults
            rels.append((a.id, b.id, "household_member", moved_in, None))
        for child in hh.children:
            guardians = hh.adults if len(hh.adults) == 1 or rng.random() < 0.92 else hh.adults[:1]
            for g in guardians:
                rels.append((g.id, child.id, "guardian", self.day(child.birth.toordinal()), None))
                if child.vaka and not g.deceased:  # a daycare child
                    roles.append(
                        (
                            g.id,
                            "daycare_guardian",
                            dept.get("education"),
                            "Varhaiskasvatuksen huoltaja",
                            child.vaka,
                            self.day(min(child.birth.toordinal() + 300, self.today_ord)),
                            None,
                        )
                    )
                elif 7 <= child.age <= 12 and rng.random() < 0.3:
                    roles.append(
                        (
                            g.id,
                            "daycare_guardian",
                            dept.get("education"),
                            "Varhaiskasvatuksen huoltaja",
                            "",
                            self.day(child.birth.toordinal() + 365),
                            self.day(dt.date(child.birth.year + 7, 7, 31).toordinal()),
                        )
                    )

    def _part(self, value: str) -> tuple[str, frozenset]:
        """text_index.fold(value) and its vocabulary words, through a cache (the generator's hot spot)."""
        hit = self._fold_cache.get(value)
        if hit is None:
            folded = text_index.fold(value)
            hit = (folded, frozenset(text_index.vocabulary_words(folded)))
            if len(self._fold_cache) < 300_000:
                self._fold_cache[value] = hit
        return hit

    _NO_PLACE = ("", "", frozenset())

    def _location(self, street: str, postal: str, municipality: str) -> tuple[str, str, frozenset]:
        """The place and street fields of a search document and their vocabulary words."""
        place, place_words = self._part(f"{municipality} {postal}")
        street_text = text_index.street_field(text_index.fold(street))
        return place, street_text, place_words | text_index.vocabulary_words(street_text)

    def _index(
        self,
        customer_id: int,
        first_names: str,
        last_name: str,
        birth_year: int | None,
        location: tuple[str, str, frozenset] | None,
    ) -> None:
        """The document text_index.build_document(...) makes (None location: a protected address)."""
        first, first_words = self._part(first_names)
        last, last_words = self._part(last_name)
        names = f"{first} {last}" if first and last else first or last
        place, street, location_words = location or self._NO_PLACE
        self.search.append((customer_id, names, place, street, str(birth_year) if birth_year else ""))
        self.vocab.update(first_words | last_words | location_words)

    # -- organisations -------------------------------------------------------------------------

    def _ytunnus(self) -> str:
        rng = self.rng
        while True:
            base = f"{int(rng.random() ** 1.3 * 3_400_000):07d}"
            check = ytunnus_check_digit(base)
            if check is None:
                continue
            code = f"{base}-{check}"
            if code not in self.ytunnus_used:
                self.ytunnus_used.add(code)
                return code

    def _organisation(self, hh: _Household) -> None:
        rng = self.rng
        rows = self.rows
        rep = hh.adults[0]
        org_id = self.new_id()
        sv = hh.lang == "sv"
        if hh.flat and rng.random() < 0.75:
            name = f"{'Bostads Ab' if sv else 'Asunto Oy'} {hh.street} {hh.house_number}"
            street = f"{hh.street} {hh.house_number}"
            postal, muni = hh.postal, hh.muni
            housing = True
        else:
            kind = _FIRM_KINDS[int(rng.random() * len(_FIRM_KINDS))]
            last2 = self.data.last["fi"].pick(rng)
            name = kind.format(l=rep.last_name, l2=last2, f=rep.first_names.split(" ")[0])
            muni = hh.muni if rng.random() < 0.7 else self.data.muni_picker.pick(rng)
            st = self.data.street_picker.pick(rng)
            street = f"{st} {1 + int(rng.random() * 40)}"
            postal = self.data.postal_code(muni, st)
            housing = False
        rows["customer"].append(
            (org_id, "organisation", "", name, None, "sv" if sv else "fi", self.now_text, self.now_text, 1)
        )
        rows["customer_identifier"].append((org_id, "ytunnus", "prh", self._ytunnus()))
        if rng.random() < 0.8:
            rows["contact_point"].append((org_id, "phone", mobile_number(org_id), "vaihde", 1))
        if rng.random() < 0.6:
            slug = "-".join(text_index.words(name))[:40].strip("-")
            rows["contact_point"].append((org_id, "email", f"{slug}.{org_id}@example.org", "", 1))
        rows["address"].append((org_id, street, postal, muni.name, "FI", None, None))
        self._index(org_id, "", name, None, self._location(street, postal, muni.name))
        since = self.day(self.today_ord - self.between(100, 6000))
        if housing:
            ves = water_customer_number(org_id)
            rows["customer_identifier"].append((org_id, "register", "water-utility", ves))
            rows["customer_role"].append(
                (
                    org_id,
                    "water_customer",
                    self.dept.get("technical"),
                    "Vesihuollon asiakas (taloyhtiö)",
                    ves,
                    since,
                    None,
                )
            )
        elif rng.random() < 0.4:
            rows["customer_role"].append(
                (
                    org_id,
                    "waste_contract",
                    self.dept.get("technical"),
                    "Jätehuoltosopimus",
                    f"JH-{org_id:07d}",
                    since,
                    None,
                )
            )
        if not rep.deceased:
            rows["customer_relationship"].append(
                (rep.id, org_id, "representative", self.day(self.today_ord - self.between(10, 2500)), None)
            )

    # -- duplicates ----------------------------------------------------------------------------

    def _duplicate(self, p: _Person) -> None:
        rng = self.rng
        if self.hard_duplicates > 0 and rng.random() < self.hard_duplicates:
            # a nickname, day and month swapped, a move, two typos, ...
            hard_duplicates.write_hard_duplicate(
                self,
                p,
                typo,
                {"daycare": daycare_number, "water-utility": water_customer_number, "social-legacy": social_number},
            )
            return
        rows = self.rows
        hh = p.household
        dup_id = self.new_id()
        if p.age <= 6:
            source = "daycare"
        elif (p.water and rng.random() < 0.6) or (p.adult and rng.random() < 0.2):
            source = "water-utility"
        else:
            source = "social-legacy"
        register_id = {
            "daycare": daycare_number,
            "water-utility": water_customer_number,
            "social-legacy": social_number,
        }[source](dup_id)
        first, last = p.first_names, p.last_name
        if rng.random() < 0.4:
            first = first.split(" ")[0]  # the other register knows only the first given name
        typo_made = rng.random() < 0.6
        if typo_made:
            if rng.random() < 0.7:
                last = typo(rng, last)
            else:
                parts = first.split(" ")
                parts[0] = typo(rng, parts[0])
                first = " ".join(parts)
        keep_hetu = rng.random() < 0.5
        keep_phone = p.phone is not None and rng.random() < 0.6
        keep_birth = rng.random() < 0.8
        if not (typo_made or not keep_hetu or (p.phone and not keep_phone) or not keep_birth):
            keep_hetu = False  # every duplicate differs by a typo or a missing field
        birth = p.birth.isoformat() if keep_birth else None
        rows["customer"].append((dup_id, "person", first, last, birth, p.lang, self.now_text, self.now_text, 1))
        rows["customer_identifier"].append((dup_id, "register", source, register_id))
        if keep_hetu:
            rows["customer_identifier"].append((dup_id, "hetu", source, p.hetu))
        if keep_phone:
            rows["contact_point"].append((dup_id, "phone", p.phone, "mobile", 1))
        if p.email and rng.random() < 0.3:
            rows["contact_point"].append((dup_id, "email", p.email, "", 1))
        street = f"{hh.street} {hh.house_number}" + (f" {hh.flat}" if hh.flat else "")
        postal, muni = hh.postal, hh.muni.name
        if rng.random() < 0.3 and hh.moved_in < self.today_ord - 60:
            # the other register still has the previous address; the population register has it as history
            old_muni = hh.muni if rng.random() < 0.7 else self.data.muni_picker.pick(rng)
            old_street = self.data.street_picker.pick(rng)
            street = f"{old_street} {1 + int(rng.random() * 40)}" + (
                f" {_STAIRS[int(rng.random() * len(_STAIRS))]} {1 + int(rng.random() * 30)}"
                if rng.random() < 0.6
                else ""
            )
            postal, muni = self.data.postal_code(old_muni, old_street), old_muni.name
            lived_from = max(p.birth.toordinal(), hh.moved_in - self.between(200, 4000))
            rows["address"].append((p.id, street, postal, muni, "FI", self.day(lived_from), self.day(hh.moved_in - 1)))
        rows["address"].append((dup_id, street, postal, muni, "FI", None, None))
        if p.protected:
            rows["alert"].append((dup_id, "protected_address", "Turvakielto", None, None))
        self._index(
            dup_id,
            first,
            last,
            p.birth.year if keep_birth else None,
            None if p.protected else self._location(street, postal, muni),
        )
        rows["synthetic_duplicate"].append((dup_id, p.id, source))

    # -- interaction histories -----------------------------------------------------------------

    def _history(self, p: _Person) -> tuple[int, int]:
        rng = self.rng
        rows = self.rows
        n = 1
        while n < 8 and rng.random() < 0.45:
            n += 1
        cases = 0
        for _ in range(n):
            if rng.random() < 0.4 and p.age <= 45 and p.household.children:
                topic = self.topics_by_dept["education"][int(rng.random() * 3)]
            else:
                topic = self.topic_picker.pick(rng)
            code, dept_code, _w, title, notes = topic
            channel = self.channel_picker.pick(rng)
            day = self.today_ord - self.between(1, 3 * 365)
            weekday = dt.date.fromordinal(day).weekday()
            if weekday >= 5 and channel in ("phone", "walk_in"):
                day -= weekday - 4  # offices are closed at the weekend
            start = dt.datetime.fromordinal(day) + dt.timedelta(
                minutes=5 * 60 + int(rng.random() * 9 * 60), seconds=int(rng.random() * 60)
            )
            minutes = {"phone": 2 + rng.random() * 12, "walk_in": 5 + rng.random() * 25}.get(
                channel, 1 + rng.random() * 9
            )
            end = start + dt.timedelta(minutes=minutes)
            outcome = self.outcome_picker.pick(rng)
            staff = self.staff.get(dept_code) or self.staff.get("customer_service") or [None]
            agent = staff[int(rng.random() * len(staff))]
            case_id = None
            if outcome == "case_created":
                case_id = self.next_case_id
                self.next_case_id += 1
                cases += 1
                age_days = self.today_ord - day
                status = (
                    ("new", "open", "waiting")[int(rng.random() * 3)]
                    if age_days < 60 and rng.random() < 0.8
                    else ("resolved", "closed")[int(rng.random() * 2)]
                )
                due = self.day(day + self.between(7, 30))
                created = start.isoformat(sep=" ", timespec="microseconds")
                updated = (start + dt.timedelta(days=min(age_days, self.between(0, 20)))).isoformat(
                    sep=" ", timespec="microseconds"
                )
                rows["service_case"].append(
                    (
                        case_id,
                        p.id,
                        title,
                        status,
                        self.dept.get(dept_code),
                        due,
                        _BACKOFFICE.get(dept_code, ""),
                        f"{_BACKOFFICE.get(dept_code, 'bo').upper()}-{case_id}",
                        created,
                        updated,
                        1,
                    )
                )
            rows["interaction"].append(
                (
                    p.id,
                    channel,
                    "inbound" if rng.random() < 0.9 else "outbound",
                    start.isoformat(sep=" ", timespec="microseconds"),
                    end.isoformat(sep=" ", timespec="microseconds"),
                    agent,
                    self.dept.get(dept_code),
                    code,
                    notes[int(rng.random() * len(notes))],
                    outcome,
                    case_id,
                    "",
                    1,
                )
            )
        return n, cases


# Probability that an adult of this age (five-year band from 0) has children living at home.
_KIDS_BY_AGE = (0, 0, 0, 0, 0.10, 0.30, 0.55, 0.70, 0.70, 0.55, 0.30, 0.10, 0.03, 0.01)


def generate(
    people: int,
    seed: int,
    start_id: int = 1,
    *,
    duplicate_share: float = 0.02,
    hard_duplicates: float = 0.0,
    histories: float = 0.0,
    chunk_size: int = 50_000,
    now: dt.datetime | None = None,
    context: GeneratorContext | None = None,
) -> Iterator[Chunk]:
    """Yield the population in chunks of about ``chunk_size`` persons (households are not split).

    ``people`` persons get customer ids from ``start_id`` on; organisations (~1 % more) and
    duplicate records (``duplicate_share`` of the persons) take ids in the same sequence;
    ``hard_duplicates`` of those are harder to find (:mod:`agentdesk_demo.population.hard_duplicates`:
    a nickname, day and month swapped, a move, two typos, ...; 0, the default, changes nothing).
    ``histories`` is the share of persons (15+) with interaction histories. ``now`` (aware;
    default: the current minute) fixes "today" for ages and history dates. ``context``: see
    :class:`GeneratorContext` (department/staff ids, ids and codes already taken)."""
    if people < 0:
        raise ValueError("people must be >= 0")
    if not 0 <= duplicate_share <= 1 or not 0 <= histories <= 1 or not 0 <= hard_duplicates <= 1:
        raise ValueError("duplicate_share, hard_duplicates and histories are shares between 0 and 1")
    if now is None:
        now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    gen = _Generator(
        people,
        seed,
        start_id,
        duplicate_share,
        histories,
        chunk_size,
        now,
        context or GeneratorContext(),
        hard_duplicates,
    )
    yield from gen.chunks()
