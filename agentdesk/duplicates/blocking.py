"""Candidate pairs: records that share at least one blocking key.

Several keys, so that one typo, a missing field or a swapped day and month does not lose a pair:
identity code; phone; e-mail; birth date (day and month in either order) with the last name, the
canonical first name (nicknames folded to their group) or the postal code; last name with the
canonical first name or the postal code; canonical first name with the postal code; the street
address, current or former (a record that still has the old address meets the new one); another
register's id. Within one key's block records are paired with their next ``WINDOW`` neighbours
(sorted by key, then by id), so a huge block (a common name in a big postal code) costs at most
``WINDOW`` pairs per record instead of growing with the square of its size (``WEAK_WINDOW`` for the keys
many unrelated people share: a name in a postal code, an address).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from agentdesk.duplicates.normalise import Prepared, address_keys

WINDOW = 24
WEAK_WINDOW = 6  # keys that many unrelated people share (a name in a postal code, one address)
_TABLE_BITS = 22
_TABLE_MASK = np.uint64((1 << _TABLE_BITS) - 1)
_P1 = np.uint64(0x9E3779B97F4A7C15)
_P2 = np.uint64(0xC2B2AE3D27D4EB4F)


def combine(*parts: np.ndarray) -> np.ndarray:
    """One uint64 key from several integer columns; rows where any part is missing (< 0) get the MISSING key."""
    missing = np.zeros(len(parts[0]), dtype=bool)
    key = np.zeros(len(parts[0]), dtype=np.uint64)
    for part in parts:
        missing |= part < 0
        key = (key ^ part.astype(np.uint64)) * _P1
        key ^= key >> np.uint64(29)
        key *= _P2
    key[missing] = MISSING
    return key


MISSING = np.uint64(0xFFFFFFFFFFFFFFFF)


def birth_sorted(p: Prepared) -> np.ndarray:
    """Year with day and month in either order (12.3. and 3.12. are one key); -1 when unknown."""
    lo = np.minimum(p.day, p.month).astype(np.int64)
    hi = np.maximum(p.day, p.month).astype(np.int64)
    return np.where(p.year > 0, p.year.astype(np.int64) * 1024 + lo * 32 + hi, -1)


@dataclass(frozen=True)
class BlockingKey:
    name: str
    keys: np.ndarray  # uint64 per entry
    rows: np.ndarray  # int64 record index per entry (a record may have several entries)
    window: int = WINDOW


def blocking_keys(p: Prepared) -> list[BlockingKey]:
    rows = np.arange(p.n, dtype=np.int64)
    born = birth_sorted(p)
    last = p.last.codes
    canon = p.canon
    given = p.given.codes
    postal = p.postal.codes
    current, former = address_keys(p)
    out = [
        BlockingKey("hetu", combine(p.hetu.codes), rows),
        BlockingKey("phone", combine(p.phone.codes), rows),
        BlockingKey("email", combine(p.email.codes), rows),
        BlockingKey("birth+last", combine(born, last), rows),
        BlockingKey("birth+first", combine(born, canon), rows),
        BlockingKey("birth+postal", combine(born, postal), rows),
        BlockingKey("last+first", combine(last, given), rows, WEAK_WINDOW),
        BlockingKey("last+postal", combine(last, postal), rows, WEAK_WINDOW),
        BlockingKey("first+postal", combine(given, postal), rows, WEAK_WINDOW),
        BlockingKey(
            "address", np.concatenate([combine(current), combine(former)]), np.concatenate([rows, rows]), WEAK_WINDOW
        ),
        BlockingKey("register_id", combine(p.register_key.codes), rows),
    ]
    return out


def contains(sorted_values: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Per element of ``x``, whether it is in ``sorted_values`` (ascending): a binary search per element,
    no sort of ``x`` (cheaper than ``np.isin`` when ``x`` is large and ``sorted_values`` small)."""
    if not len(sorted_values):
        return np.zeros(len(x), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_values, x), len(sorted_values) - 1)
    found: np.ndarray = sorted_values[pos] == x
    return found


def _pairs_of(key: BlockingKey, window: int, new: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    keys, rows = key.keys, key.rows
    if new is not None:
        # Only blocks with a new record matter: keep the entries whose key a new record has.
        # A bit table of the new records' keys: a key whose bit is clear is surely not theirs; the few
        # others with a bit set only form pairs without a new record, which the caller drops.
        table = np.zeros(1 << _TABLE_BITS, dtype=bool)
        table[(keys[new[rows]] & _TABLE_MASK).astype(np.intp)] = True
        keep = table[(keys & _TABLE_MASK).astype(np.intp)]
        keys, rows = keys[keep], rows[keep]
    ok = keys != MISSING
    keys, rows = keys[ok], rows[ok]
    order = np.lexsort((rows, keys))
    keys, rows = keys[order], rows[order]
    lefts, rights = [], []
    for d in range(1, window + 1):
        if d >= len(keys):
            break
        same = keys[:-d] == keys[d:]
        if not same.any():
            break
        lefts.append(rows[:-d][same])
        rights.append(rows[d:][same])
    if not lefts:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    a, b = np.concatenate(lefts), np.concatenate(rights)
    return np.minimum(a, b), np.maximum(a, b)


def candidate_pairs(
    p: Prepared, *, new: np.ndarray | None = None, window: int = WINDOW
) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Distinct pairs (a < b, record indices) sharing a blocking key, and how many each key gave.

    ``new`` (a boolean mask): only pairs with at least one new record (an incremental scan)."""
    codes = []
    counts: dict[str, int] = {}
    n = np.int64(p.n)
    for key in blocking_keys(p):
        a, b = _pairs_of(key, min(window, key.window), new)
        keep = a != b
        if new is not None:
            keep &= new[a] | new[b]
        a, b = a[keep], b[keep]
        counts[key.name] = len(a)
        codes.append(a * n + b)
    if not codes:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, counts
    unique = sorted_unique(np.concatenate(codes))
    return unique // n, unique % n, counts


def sorted_unique(x: np.ndarray) -> np.ndarray:
    """``np.unique(x)`` by sorting in place (numpy 2's hash-based unique is several times slower on tens of
    millions of int64 pair codes)."""
    x.sort()
    if not len(x):
        return x
    keep = np.empty(len(x), dtype=bool)
    keep[0] = True
    np.not_equal(x[1:], x[:-1], out=keep[1:])
    return x[keep]
