"""Harder duplicate records for the population generator (``generate(..., hard_duplicates=SHARE)``).

A default duplicate (``generator._Generator._duplicate``) differs from its original by one typo or a
missing field. A *hard* one, made for ``hard_duplicates`` of the duplicates, carries one or two of:

- ``nickname``: the first given name as a variant or nickname (Johannes → Jussi, Katariina → Kati);
- ``swapped_day_month``: the birth date with day and month swapped (a US-style form, a mistyped field);
- ``birth_digit``: one digit of the birth date mistyped;
- ``two_typos``: two typing errors in the names;
- ``moved``: another current address (the person moved; one register knows it, the other does not);
- ``hetu_typo``: the identity code with one digit mistyped (kept as the register said it);

and more often than a default one it lacks the identity code, the phone or the e-mail. The rows are
written as the default duplicate's are, so the ground truth stays in ``synthetic_duplicate``. With
``hard_duplicates=0`` (the default) nothing here runs and the population is exactly what it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from random import Random
from typing import Any

from agentdesk.duplicates.name_variants import GROUP_OF, GROUPS
from agentdesk.search import text_index

VARIATIONS = ("nickname", "swapped_day_month", "birth_digit", "two_typos", "moved", "hetu_typo")
_WEIGHTS = (0.25, 0.17, 0.1, 0.2, 0.18, 0.1)


def _pick(rng: Random) -> str:
    r = rng.random() * sum(_WEIGHTS)
    for name, w in zip(VARIATIONS, _WEIGHTS, strict=True):
        r -= w
        if r < 0:
            return name
    return VARIATIONS[-1]


def nickname(rng: Random, given: str) -> str | None:
    """Another name of ``given``'s variant group, written as a register would (capitalised)."""
    gid = GROUP_OF.get(text_index.fold(given).replace(" ", ""), -1)
    if gid < 0:
        return None
    own = text_index.fold(given)
    others = [n for n in dict.fromkeys(GROUPS[gid]) if n != own]
    return others[int(rng.random() * len(others))].capitalize() if others else None


def swapped_day_month(birth: dt.date) -> dt.date | None:
    if birth.day > 12 or birth.day == birth.month:
        return None
    return birth.replace(month=birth.day, day=birth.month)


def birth_digit(rng: Random, birth: dt.date) -> dt.date:
    """The date with one of its digits (DDMMYYYY, the year's last two) mistyped, still a valid date."""
    text = birth.strftime("%d%m%Y")
    for _ in range(30):
        i = (0, 1, 2, 3, 6, 7)[int(rng.random() * 6)]
        digit = str(int(rng.random() * 10))
        if digit == text[i]:
            continue
        out = text[:i] + digit + text[i + 1 :]
        try:
            return dt.datetime.strptime(out, "%d%m%Y").date()
        except ValueError:
            continue
    return birth + dt.timedelta(days=1)


def hetu_typo(rng: Random, code: str) -> str:
    """The identity code with one digit of its date or individual number mistyped (the check fails)."""
    positions = [i for i, ch in enumerate(code) if ch.isdigit() and i < 10]
    i = positions[int(rng.random() * len(positions))]
    digit = str((int(code[i]) + 1 + int(rng.random() * 9)) % 10)
    return code[:i] + digit + code[i + 1 :]


def write_hard_duplicate(
    gen: Any, p: Any, typo: Callable[[Random, str], str], register_numbers: dict[str, Callable[[int], str]]
) -> None:
    """Write a hard duplicate of person ``p`` into ``gen``'s current chunk (the generator's own rows);
    ``typo`` and ``register_numbers`` are the generator's (passed in: this module does not import it)."""
    rng: Random = gen.rng
    rows = gen.rows
    hh = p.household
    dup_id = gen.new_id()
    if p.age <= 6:
        source = "daycare"
    elif (p.water and rng.random() < 0.6) or (p.adult and rng.random() < 0.2):
        source = "water-utility"
    else:
        source = "social-legacy"
    register_id = register_numbers[source](dup_id)
    first, last = p.first_names, p.last_name
    if rng.random() < 0.4:
        first = first.split(" ")[0]
    chosen = {_pick(rng)}
    if rng.random() < 0.45:
        chosen.add(_pick(rng))
    birth: dt.date | None = p.birth if rng.random() < 0.9 else None
    hetu: str | None = p.hetu if rng.random() < 0.35 else None
    moved = False
    for variation in chosen:
        if variation == "nickname":
            parts = first.split(" ")
            nick = nickname(rng, parts[0])
            parts[0] = nick if nick else typo(rng, parts[0])
            first = " ".join(parts)
        elif variation == "swapped_day_month" and birth is not None:
            birth = swapped_day_month(birth) or birth_digit(rng, birth)
        elif variation == "birth_digit" and birth is not None:
            birth = birth_digit(rng, birth)
        elif variation == "two_typos":
            if rng.random() < 0.5:
                last = typo(rng, typo(rng, last))
            else:
                last = typo(rng, last)
                parts = first.split(" ")
                parts[0] = typo(rng, parts[0])
                first = " ".join(parts)
        elif variation == "moved":
            moved = True
        elif variation == "hetu_typo":
            hetu = hetu_typo(rng, p.hetu)
    now = gen.now_text
    rows["customer"].append((dup_id, "person", first, last, birth.isoformat() if birth else None, p.lang, now, now, 1))
    rows["customer_identifier"].append((dup_id, "register", source, register_id))
    if hetu:
        rows["customer_identifier"].append((dup_id, "hetu", source, hetu))
    if p.phone is not None and rng.random() < 0.5:
        rows["contact_point"].append((dup_id, "phone", p.phone, "mobile", 1))
    if p.email and rng.random() < 0.3:
        rows["contact_point"].append((dup_id, "email", p.email, "", 1))
    street = f"{hh.street} {hh.house_number}" + (f" {hh.flat}" if hh.flat else "")
    postal, muni = hh.postal, hh.muni.name
    if moved:
        new_muni = hh.muni if rng.random() < 0.6 else gen.data.muni_picker.pick(rng)
        new_street = gen.data.street_picker.pick(rng)
        street = f"{new_street} {1 + int(rng.random() * 40)}"
        postal, muni = gen.data.postal_code(new_muni, new_street), new_muni.name
    rows["address"].append((dup_id, street, postal, muni, "FI", None, None))
    if p.protected:
        rows["alert"].append((dup_id, "protected_address", "Turvakielto", None, None))
    gen._index(
        dup_id,
        first,
        last,
        birth.year if birth else None,
        None if p.protected else gen._location(street, postal, muni),
    )
    rows["synthetic_duplicate"].append((dup_id, p.id, source))
