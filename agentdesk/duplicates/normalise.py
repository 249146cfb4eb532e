"""The register's fields as comparable arrays: folded names, dates as numbers, every string as a code.

Each string column becomes integer codes into a list of its distinct values (``-1`` = missing), so
that equality is an integer comparison and a string distance is computed once per distinct pair of
values, not once per pair of records. Folding is done once per distinct value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from agentdesk.duplicates.name_variants import GROUP_OF
from agentdesk.duplicates.records import Records
from agentdesk.search import text_index


@dataclass(frozen=True)
class Coded:
    codes: np.ndarray  # int32 per record, -1 = missing
    values: list[str]  # the distinct values; codes index into it


def factorize(column: np.ndarray, transform: Callable[[str], str] | None = None) -> Coded:
    """Codes for a column of strings (after ``transform``, applied once per distinct value); "" is missing."""
    distinct = list(dict.fromkeys(column.tolist()))
    position = {v: i for i, v in enumerate(distinct)}
    raw_codes = np.fromiter(map(position.__getitem__, column.tolist()), dtype=np.int32, count=len(column))
    index: dict[str, int] = {}
    values: list[str] = []
    remap = np.empty(len(distinct) + 1, dtype=np.int32)
    for i, raw in enumerate(distinct):
        value = transform(raw) if transform is not None and raw else raw
        if not value:
            remap[i] = -1
            continue
        code = index.get(value)
        if code is None:
            code = index[value] = len(values)
            values.append(value)
        remap[i] = code
    return Coded(remap[raw_codes] if len(column) else raw_codes, values)


def recode(coded: Coded, transform: Callable[[str], str]) -> Coded:
    """Another column derived from a coded one's values (``transform`` once per distinct value)."""
    index: dict[str, int] = {}
    values: list[str] = []
    remap = np.full(len(coded.values) + 1, -1, dtype=np.int32)  # the last: missing stays missing
    for i, raw in enumerate(coded.values):
        value = transform(raw)
        if value:
            code = index.get(value)
            if code is None:
                code = index[value] = len(values)
                values.append(value)
            remap[i] = code
    return Coded(remap[coded.codes], values)


_FAST_FOLD = str.maketrans(
    {"ä": "a", "ö": "o", "å": "a", "é": "e", "è": "e", "ü": "u", "á": "a", "-": " ", ".": " ", ",": " ", "'": " "}
)


def fold(value: str) -> str:
    """:func:`agentdesk.search.text_index.fold` with single spaces, fast for the common Nordic letters."""
    quick = value.lower().translate(_FAST_FOLD)
    if quick.isascii() and (quick.replace(" ", "").isalnum() or not quick.strip()):
        return " ".join(quick.split())
    return " ".join(text_index.fold(value).split())


def _first_given(folded: str) -> str:
    return folded.split(" ", 1)[0]


def _street_name(folded: str) -> str:
    """The street without its number, staircase and flat ("hameenkatu" of "hameenkatu 12 b 5")."""
    return " ".join(w for w in folded.split() if len(w) > 1 and not w.isdigit())


CANON_OFFSET = 1 << 30  # canonical-name codes of variant groups start here (past every name code)


@dataclass(frozen=True)
class Prepared:
    """Everything the blocking and the comparisons use, per record (same order as :class:`Records`)."""

    n: int
    first: Coded  # all given names, folded
    given: Coded  # the first given name, folded
    group: np.ndarray  # int32 variant group of the first given name (-1 none)
    canon: np.ndarray  # int32 code of the canonical given name (the variant group's, or the name's own)
    last: Coded  # folded last name
    year: np.ndarray  # int32, 0 = missing
    month: np.ndarray  # int8
    day: np.ndarray  # int8
    hetu: Coded
    phone: Coded
    email: Coded
    street: Coded  # folded full street (number, staircase, flat)
    street_name: Coded
    postal: Coded
    municipality: Coded
    former: Coded  # former "postal|street", folded like street
    register_key: Coded


def _dates(column: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(column)
    year = np.zeros(n, dtype=np.int32)
    month = np.zeros(n, dtype=np.int8)
    day = np.zeros(n, dtype=np.int8)
    coded = factorize(column)
    parsed = np.zeros((len(coded.values) + 1, 3), dtype=np.int32)  # the last row: missing
    for i, text in enumerate(coded.values):
        try:
            parsed[i] = int(text[0:4]), int(text[5:7]), int(text[8:10])
        except ValueError:
            parsed[i] = 0, 0, 0
    rows = parsed[coded.codes]  # -1 -> the last row (zeros)
    year[:] = rows[:, 0]
    month[:] = rows[:, 1]
    day[:] = rows[:, 2]
    return year, month, day


def prepare(records: Records) -> Prepared:
    first = factorize(records.first_names, fold)
    given = recode(first, _first_given)
    street = factorize(records.street, fold)
    group_of_value = np.asarray([GROUP_OF.get(v, -1) for v in given.values] + [-1], dtype=np.int32)
    group = group_of_value[given.codes]
    # canonical given name: the variant group (offset past any name code) or the name itself
    canon = np.where(group >= 0, CANON_OFFSET + group, given.codes).astype(np.int32)
    year, month, day = _dates(records.birth_date)
    return Prepared(
        n=len(records),
        first=first,
        given=given,
        group=group,
        canon=canon,
        last=factorize(records.last_name, lambda v: fold(v).replace(" ", "")),
        year=year,
        month=month,
        day=day,
        hetu=factorize(records.hetu, str.upper),
        phone=factorize(records.phone),
        email=factorize(records.email, str.lower),
        street=street,
        street_name=recode(street, _street_name),
        postal=factorize(records.postal_code, str.strip),
        municipality=factorize(records.municipality, fold),
        former=factorize(records.former_street, lambda v: "|".join(fold(p) for p in v.split("|", 1))),
        register_key=factorize(records.register_key),
    )


def address_keys(p: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Int64 codes of the current and the former address ("postal + street"), comparable with each other."""
    width = np.int64(len(p.street.values) + 1)
    current = np.where(
        (p.postal.codes >= 0) & (p.street.codes >= 0), p.postal.codes.astype(np.int64) * width + p.street.codes, -1
    )
    postal_index = dict(zip(p.postal.values, range(len(p.postal.values)), strict=True))
    street_index = dict(zip(p.street.values, range(len(p.street.values)), strict=True))
    per_value = np.full(len(p.former.values) + 1, -1, dtype=np.int64)  # the last: missing
    for i, value in enumerate(p.former.values):
        postal, _, street = value.partition("|")
        pc, sc = postal_index.get(postal), street_index.get(street)
        if pc is not None and sc is not None:
            per_value[i] = pc * width + sc
    return current, per_value[p.former.codes]
