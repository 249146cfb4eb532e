"""The prepared register kept between scans, so that an incremental scan reads only what changed.

After a full scan the prepared columns (:class:`~agentdesk.duplicates.normalise.Prepared`) and their
customer ids are stored as one blob (:func:`dump`; plain arrays and a JSON header, nothing executable)
in ``duplicate_scan_snapshot``. An incremental scan loads it (:func:`load`), reads the customers added
or changed since it was taken, prepares them and folds them in (:func:`merge`: a changed customer's
row is replaced, a new one appended, a removed one dropped), so it never reads the whole register.
"""

from __future__ import annotations

import dataclasses
import json
import struct
from typing import Any

import numpy as np

from agentdesk.duplicates.normalise import CANON_OFFSET, Coded, Prepared

MAGIC = b"ADDUP1"
_CODED = tuple(f.name for f in dataclasses.fields(Prepared) if f.type in ("Coded", Coded))
_ARRAYS = ("group", "year", "month", "day")


def dump(ids: np.ndarray, p: Prepared) -> bytes:
    arrays: dict[str, np.ndarray] = {"ids": ids.astype(np.int64)}
    values: dict[str, list[str]] = {}
    for name in _CODED:
        coded: Coded = getattr(p, name)
        arrays[name] = coded.codes.astype(np.int32)
        values[name] = coded.values
    for name in _ARRAYS:
        arrays[name] = getattr(p, name)
    header: dict[str, object] = {"n": p.n, "values": values, "arrays": {}}
    chunks = []
    offset = 0
    for name, arr in arrays.items():
        data = np.ascontiguousarray(arr).tobytes()
        header["arrays"][name] = {"dtype": arr.dtype.str, "offset": offset, "length": len(data)}  # type: ignore[index]
        chunks.append(data)
        offset += len(data)
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return MAGIC + struct.pack("<Q", len(head)) + head + b"".join(chunks)


def load(blob: bytes) -> tuple[np.ndarray, Prepared]:
    if not blob.startswith(MAGIC):
        raise ValueError("not a duplicate scan snapshot")
    (size,) = struct.unpack_from("<Q", blob, len(MAGIC))
    start = len(MAGIC) + 8
    header = json.loads(blob[start : start + size].decode("utf-8"))
    body = memoryview(blob)[start + size :]
    arrays = {}
    for name, spec in header["arrays"].items():
        part = body[spec["offset"] : spec["offset"] + spec["length"]]
        arrays[name] = np.frombuffer(part, dtype=np.dtype(spec["dtype"])).copy()
    fields = {name: Coded(arrays[name], header["values"][name]) for name in _CODED}
    return arrays["ids"], _assemble(int(header["n"]), fields, {k: arrays[k] for k in _ARRAYS})


def _assemble(n: int, coded: dict[str, Coded], plain: dict[str, np.ndarray]) -> Prepared:
    group = plain["group"]
    canon = np.where(group >= 0, CANON_OFFSET + group, coded["given"].codes).astype(np.int32)
    columns: dict[str, Any] = {**coded, **plain}
    return Prepared(n=n, canon=canon, **columns)


def _into(base: Coded, delta: Coded) -> tuple[list[str], np.ndarray]:
    """The base vocabulary extended by the delta's values, and the delta's codes in it."""
    index = {v: i for i, v in enumerate(base.values)}
    values = list(base.values)
    mapping = np.empty(len(delta.values) + 1, dtype=np.int32)
    mapping[-1] = -1
    for i, v in enumerate(delta.values):
        code = index.get(v)
        if code is None:
            code = index[v] = len(values)
            values.append(v)
        mapping[i] = code
    return values, mapping[delta.codes]


def merge(
    base_ids: np.ndarray, base: Prepared, delta_ids: np.ndarray, delta: Prepared, present: np.ndarray
) -> tuple[np.ndarray, Prepared]:
    """``base`` with the delta's rows replacing or added to its own, and rows whose id is not in
    ``present`` (removed customers) dropped; ordered by customer id."""
    pos = np.searchsorted(base_ids, delta_ids)
    pos_clipped = np.minimum(pos, max(len(base_ids) - 1, 0))
    replace = (pos < len(base_ids)) & (base_ids[pos_clipped] == delta_ids) if len(base_ids) else pos < 0
    append = ~replace
    ids = np.concatenate([base_ids, delta_ids[append]])
    keep = np.isin(ids, present)
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
