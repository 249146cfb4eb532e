"""The prepared register kept between scans, so that an incremental scan reads only what changed.

After a full read the prepared columns (:class:`~agentdesk.duplicates.normalise.Prepared`) and their
customer ids are stored as one blob (:func:`dump`; plain arrays, NUL-separated value lists and a JSON
header, nothing executable) in ``duplicate_scan_snapshot``. Each column's distinct values are stored
sorted (its codes renumbered to match), so that folding in a new record's value is a binary search
(:func:`bisect.bisect_left`) instead of a dictionary over a million identity codes. An incremental
scan loads it (:func:`load`), reads the customers added or changed since it was taken, prepares them
and folds them in (:func:`merge`: a changed customer's row is replaced, a new one appended, a removed
one dropped), so it never reads the whole register. A blob that cannot be read raises
:class:`ValueError` (the scan then reads the register whole).
"""

from __future__ import annotations

import dataclasses
import json
import struct
from bisect import bisect_left
from typing import Any

import numpy as np

from agentdesk.duplicates.normalise import CANON_OFFSET, Coded, Prepared

MAGIC = b"ADDUP2"
_CODED = tuple(f.name for f in dataclasses.fields(Prepared) if f.type in ("Coded", Coded))
_ARRAYS = ("group", "year", "month", "day")
_SEP = "\0"


def _sorted(coded: Coded) -> tuple[np.ndarray, list[str]]:
    """The column's codes renumbered so that its values are in ascending order, and those values."""
    values = coded.values
    order = sorted(range(len(values)), key=values.__getitem__)
    rank = np.empty(len(values) + 1, dtype=np.int32)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(values), dtype=np.int32)
    rank[-1] = -1  # missing stays missing
    return rank[coded.codes], [values[i] for i in order]


def dump(ids: np.ndarray, p: Prepared) -> bytes:
    arrays: dict[str, np.ndarray | bytes] = {"ids": ids.astype(np.int64)}
    counts: dict[str, int] = {}
    for name in _CODED:
        codes, values = _sorted(getattr(p, name))
        arrays[name] = codes
        arrays[name + ":values"] = _SEP.join(values).encode("utf-8")
        counts[name] = len(values)
    for name in _ARRAYS:
        arrays[name] = getattr(p, name)
    header: dict[str, Any] = {"n": p.n, "values": counts, "arrays": {}}
    chunks = []
    offset = 0
    for name, arr in arrays.items():
        if isinstance(arr, bytes):
            data, dtype = arr, "bytes"
        else:
            data, dtype = np.ascontiguousarray(arr).tobytes(), arr.dtype.str
        header["arrays"][name] = {"dtype": dtype, "offset": offset, "length": len(data)}
        chunks.append(data)
        offset += len(data)
    head = json.dumps(header).encode("utf-8")
    return MAGIC + struct.pack("<Q", len(head)) + head + b"".join(chunks)


def load(blob: bytes) -> tuple[np.ndarray, Prepared]:
    if not blob.startswith(MAGIC):
        raise ValueError("not a duplicate scan snapshot of this version")
    (size,) = struct.unpack_from("<Q", blob, len(MAGIC))
    start = len(MAGIC) + 8
    header = json.loads(blob[start : start + size].decode("utf-8"))
    body = memoryview(blob)[start + size :]
    arrays: dict[str, Any] = {}
    for name, spec in header["arrays"].items():
        part = body[spec["offset"] : spec["offset"] + spec["length"]]
        if spec["dtype"] == "bytes":
            arrays[name] = str(part, "utf-8")
        else:
            arrays[name] = np.frombuffer(part, dtype=np.dtype(spec["dtype"]))  # read-only; merge copies
    fields = {}
    for name in _CODED:
        count = header["values"][name]
        values = arrays[name + ":values"].split(_SEP) if count else []
        if len(values) != count:  # a value with a NUL in it: this snapshot cannot be trusted
            raise ValueError(f"duplicate scan snapshot: the values of {name} do not add up")
        fields[name] = Coded(arrays[name], values)
    return arrays["ids"], _assemble(int(header["n"]), fields, {k: arrays[k] for k in _ARRAYS})


def _assemble(n: int, coded: dict[str, Coded], plain: dict[str, np.ndarray]) -> Prepared:
    group = plain["group"]
    canon = np.where(group >= 0, CANON_OFFSET + group, coded["given"].codes).astype(np.int32)
    columns: dict[str, Any] = {**coded, **plain}
    return Prepared(n=n, canon=canon, **columns)


def _into(base: Coded, delta: Coded) -> tuple[list[str], np.ndarray]:
    """The base vocabulary (sorted, as :func:`load` gives it) extended by the delta's values that are
    not in it, and the delta's codes in it."""
    known = base.values
    size = len(known)
    values = list(known)
    mapping = np.empty(len(delta.values) + 1, dtype=np.int32)
    mapping[-1] = -1
    for i, v in enumerate(delta.values):  # the delta's values are distinct
        at = bisect_left(known, v, 0, size)
        if at < size and known[at] == v:
            mapping[i] = at
        else:
            mapping[i] = len(values)
            values.append(v)
    return values, mapping[delta.codes]


def merge(
    base_ids: np.ndarray, base: Prepared, delta_ids: np.ndarray, delta: Prepared, present: np.ndarray | None
) -> tuple[np.ndarray, Prepared]:
    """``base`` (from :func:`load`) with the delta's rows replacing or added to its own, and rows whose id
    is not in ``present`` (removed customers; None: none removed) dropped; ordered by customer id."""
    pos = np.searchsorted(base_ids, delta_ids)
    pos_clipped = np.minimum(pos, max(len(base_ids) - 1, 0))
    replace = (pos < len(base_ids)) & (base_ids[pos_clipped] == delta_ids) if len(base_ids) else pos < 0
    append = ~replace
    ids = np.concatenate([base_ids, delta_ids[append]])
    keep = np.ones(len(ids), dtype=bool) if present is None else np.isin(ids, present)
    order = np.argsort(ids[keep], kind="stable")
    coded: dict[str, Coded] = {}
    for name in _CODED:
        values, delta_codes = _into(getattr(base, name), getattr(delta, name))
        codes = np.concatenate([getattr(base, name).codes, delta_codes[append]])
        codes[pos[replace]] = delta_codes[replace]
        coded[name] = Coded(codes[keep][order], values)
    plain: dict[str, np.ndarray] = {}
    for name in _ARRAYS:
        column = np.concatenate([getattr(base, name), getattr(delta, name)[append]])
        column[pos[replace]] = getattr(delta, name)[replace]
        plain[name] = column[keep][order]
    merged_ids = ids[keep][order]
    return merged_ids, _assemble(len(merged_ids), coded, plain)
