"""Comparison levels per field for candidate pairs, computed in bulk.

Every field has a level per pair: 0 is "missing on either side" (no evidence either way, weight 0),
then from the strongest agreement to disagreement (:data:`LEVELS`). String distances (rapidfuzz:
Jaro-Winkler, optimal string alignment) are computed once per distinct pair of values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein
from rapidfuzz.process import cpdist

from agentdesk.duplicates.normalise import Coded, Prepared, address_keys

LEVELS: dict[str, tuple[str, ...]] = {
    "first_names": ("missing", "exact", "first_given_name", "variant", "similar", "somewhat_similar", "different"),
    "last_name": ("missing", "exact", "one_edit", "two_edits", "different"),
    "birth_date": ("missing", "exact", "day_month_swapped", "one_digit", "same_year", "different"),
    "hetu": ("missing", "exact", "one_typo", "different"),
    "phone": ("missing", "exact", "different"),
    "email": ("missing", "exact", "different"),
    "address": ("missing", "exact", "former_address", "same_street", "same_municipality", "different"),
    "register_id": ("missing", "exact", "same_register_other_id"),
}
FIELDS = tuple(LEVELS)


def _distinct_pairs(
    coded: Coded, a: np.ndarray, b: np.ndarray, mask: np.ndarray, scorer: Callable[..., Any], dtype: type[np.generic]
) -> np.ndarray:
    """``scorer`` of the two records' values where ``mask`` holds, once per distinct pair of values."""
    out = np.zeros(len(a), dtype=dtype)
    if not mask.any():
        return out
    ca = coded.codes[a[mask]].astype(np.int64)
    cb = coded.codes[b[mask]].astype(np.int64)
    width = np.int64(len(coded.values) + 1)
    combos, inverse = np.unique(ca * width + cb, return_inverse=True)
    values = coded.values
    left = [values[i] for i in (combos // width).tolist()]
    right = [values[i] for i in (combos % width).tolist()]
    scores = cpdist(left, right, scorer=scorer, dtype=dtype, workers=-1)
    out[mask] = scores[inverse.ravel()]
    return out


def _present(coded: Coded, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ca, cb = coded.codes[a], coded.codes[b]
    return (ca >= 0) & (cb >= 0), ca == cb


def first_names(p: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    present, exact = _present(p.first, a, b)
    same_given = (p.given.codes[a] == p.given.codes[b]) & present
    variant = (p.group[a] >= 0) & (p.group[a] == p.group[b])
    todo = present & ~exact & ~same_given & ~variant
    jw = _distinct_pairs(p.given, a, b, todo, JaroWinkler.normalized_similarity, np.float32)
    level = np.full(len(a), 6, dtype=np.int8)
    level[jw >= 0.8] = 5
    level[jw >= 0.92] = 4
    level[variant] = 3
    level[same_given] = 2
    level[exact & present] = 1
    level[~present] = 0
    return level


def last_name(p: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    present, exact = _present(p.last, a, b)
    todo = present & ~exact
    dist = _distinct_pairs(p.last, a, b, todo, OSA.distance, np.int32)
    level = np.full(len(a), 4, dtype=np.int8)
    level[todo & (dist <= 2)] = 3
    level[todo & (dist <= 1)] = 2
    level[exact & present] = 1
    level[~present] = 0
    return level


def birth_date(p: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ya, yb = p.year[a], p.year[b]
    ma, mb = p.month[a], p.month[b]
    da, db = p.day[a], p.day[b]
    present = (ya > 0) & (yb > 0)
    exact = (ya == yb) & (ma == mb) & (da == db)
    swapped = (ya == yb) & (ma == db) & (da == mb) & ~exact
    # one digit of DDMMYYYY differs (the century digits are never mistyped in practice)
    diffs = (
        ((da // 10) != (db // 10)).astype(np.int8)
        + ((da % 10) != (db % 10))
        + ((ma // 10) != (mb // 10))
        + ((ma % 10) != (mb % 10))
        + ((ya // 1000) != (yb // 1000))
        + (((ya // 100) % 10) != ((yb // 100) % 10))
        + (((ya // 10) % 10) != ((yb // 10) % 10))
        + ((ya % 10) != (yb % 10))
    )
    level = np.full(len(a), 5, dtype=np.int8)
    level[ya == yb] = 4
    level[diffs == 1] = 3
    level[swapped] = 2
    level[exact] = 1
    level[~present] = 0
    return level


HETU_CHUNK = 1_000_000  # pairs per step of the vectorised identity-code comparison


def _halves(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per value, a hash of the first and of the second half of its characters."""
    half = matrix.shape[1] // 2
    out = []
    for cols in (range(half), range(half, matrix.shape[1])):
        h = np.zeros(len(matrix), dtype=np.uint64)
        for c in cols:
            h = (h ^ matrix[:, c].astype(np.uint64)) * _MIX
        out.append(h)
    return out[0], out[1]


_MIX = np.uint64(0x100000001B3)


def _one_edit_apart(coded: Coded, a: np.ndarray, b: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Where ``mask`` holds: whether the two values are one edit apart (Levenshtein distance 1).

    Identity codes are compared as character matrices (numpy), not pair by pair. Of equal length they
    are one edit apart when exactly one character differs, and then one half of them is the same, so
    only pairs with an equal half are compared character by character. Of lengths one apart, rapidfuzz
    decides (rare: malformed codes); otherwise they are not."""
    out = np.zeros(len(a), dtype=bool)
    todo = np.flatnonzero(mask)
    if not len(todo):
        return out
    chars = np.asarray(coded.values, dtype=str)
    width = max(chars.dtype.itemsize // 4, 1)
    matrix = chars.view(np.uint32).reshape(len(coded.values), width)
    length = (matrix != 0).sum(axis=1).astype(np.int8)
    first, second = _halves(matrix)
    ca, cb = coded.codes[a[todo]], coded.codes[b[todo]]
    la, lb = length[ca], length[cb]
    maybe = np.flatnonzero((la == lb) & ((first[ca] == first[cb]) | (second[ca] == second[cb])))
    for start in range(0, len(maybe), HETU_CHUNK):
        part = maybe[start : start + HETU_CHUNK]
        differing = (matrix[ca[part]] != matrix[cb[part]]).sum(axis=1)
        out[todo[part[differing == 1]]] = True
    near = np.zeros(len(a), dtype=bool)
    near[todo[np.abs(la.astype(np.int16) - lb) == 1]] = True
    if near.any():
        out |= _distinct_pairs(coded, a, b, near, Levenshtein.distance, np.int32) == 1
    return out


def hetu(p: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    present, exact = _present(p.hetu, a, b)
    todo = present & ~exact
    one_typo = _one_edit_apart(p.hetu, a, b, todo)
    level = np.full(len(a), 3, dtype=np.int8)
    level[todo & one_typo] = 2
    level[exact & present] = 1
    level[~present] = 0
    return level


def _exact_or_not(coded: Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    present, exact = _present(coded, a, b)
    level = np.where(exact, 1, 2).astype(np.int8)
    level[~present] = 0
    return level


def address(p: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    current, former = address_keys(p)
    ca, cb = current[a], current[b]
    present = (ca >= 0) & (cb >= 0)
    exact = present & (ca == cb)
    moved = present & (((former[a] >= 0) & (former[a] == cb)) | ((former[b] >= 0) & (former[b] == ca)))
    same_street = (p.street_name.codes[a] >= 0) & (p.street_name.codes[a] == p.street_name.codes[b])
    same_street &= p.municipality.codes[a] == p.municipality.codes[b]
    same_muni = (p.municipality.codes[a] >= 0) & (p.municipality.codes[a] == p.municipality.codes[b])
    level = np.full(len(a), 5, dtype=np.int8)
    level[same_muni] = 4
    level[same_street] = 3
    level[moved] = 2
    level[exact] = 1
    level[~present] = 0
    return level


def register_id(p: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    present, exact = _present(p.register_key, a, b)
    level = np.zeros(len(a), dtype=np.int8)
    if present.any():
        values = p.register_key.values
        reg = np.asarray([v.partition(":")[0] for v in values] + [""], dtype=object)
        same_register = reg[p.register_key.codes[a]] == reg[p.register_key.codes[b]]
        level[present & same_register] = 2
    level[present & exact] = 1
    return level


def compare(p: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The levels of every field for pairs (a[i], b[i]): an int8 matrix, one column per :data:`FIELDS`."""
    out = np.empty((len(a), len(FIELDS)), dtype=np.int8)
    out[:, 0] = first_names(p, a, b)
    out[:, 1] = last_name(p, a, b)
    out[:, 2] = birth_date(p, a, b)
    out[:, 3] = hetu(p, a, b)
    out[:, 4] = _exact_or_not(p.phone, a, b)
    out[:, 5] = _exact_or_not(p.email, a, b)
    out[:, 6] = address(p, a, b)
    out[:, 7] = register_id(p, a, b)
    return out
