"""The register as columns: one row per person, read with plain SQL (no ORM objects, no per-row work).

:func:`read_records` is the one place that knows where a record's fields live. Every person is a
customer row with its identifiers, contact points and addresses; the register id a register import
left on it (``customer_identifier`` with scheme ``register``) names its record in the scan's output,
``("agentdesk", customer id)`` when it has none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import or_, select

from agentdesk.storage.database import Database
from agentdesk.storage.models import Customer

OWN_REGISTER = "agentdesk"


@dataclass(frozen=True)
class Records:
    """Column arrays, all of the same length, ordered by customer id. Missing values are ``""``."""

    customer_id: np.ndarray  # int64, ascending
    first_names: np.ndarray  # object (str)
    last_name: np.ndarray
    birth_date: np.ndarray  # "YYYY-MM-DD" or ""
    hetu: np.ndarray
    phone: np.ndarray
    email: np.ndarray
    street: np.ndarray
    postal_code: np.ndarray
    municipality: np.ndarray
    former_street: np.ndarray  # the latest address that has ended ("" when none), as "postal|street"
    register_key: np.ndarray  # another register's id as "register:value" ("" when none)

    def __len__(self) -> int:
        return len(self.customer_id)


SQLITE_MMAP = 1 << 32
ID_CHUNK = 20_000  # ids per "IN (...)" list when reading given customers


def _rows(db: Database, sql: str) -> list[Any]:
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        if db.dialect == "sqlite":
            cur.execute(f"PRAGMA mmap_size = {SQLITE_MMAP}")  # a bulk read: map the file instead of copying pages
        cur.execute(sql)
        rows = list(cur.fetchall())
        cur.close()
        return rows
    finally:
        raw.close()


def _column(values: Any, n: int) -> np.ndarray:
    out = np.empty(n, dtype=object)
    out[:] = values
    return out


def _fill(ids: np.ndarray, rows: list[Any], width: int = 1) -> list[np.ndarray]:
    """Per customer, the values of one of its child rows ``(customer_id, v1, ...)`` (``""`` when none);
    the first row a customer has wins."""
    outs = [np.full(len(ids), "", dtype=object) for _ in range(width)]
    if not rows or not len(ids):
        return outs
    cols = list(zip(*rows, strict=True))
    owner = np.asarray(cols[0], dtype=np.int64)
    pos = np.minimum(np.searchsorted(ids, owner), len(ids) - 1)
    ok = ids[pos] == owner
    # Reversed, so that the first row wins (numpy keeps the last write of a repeated index).
    where = pos[ok][::-1]
    for out, col in zip(outs, cols[1:], strict=True):
        vals = _column(col, len(col))
        out[where] = vals[ok][::-1]
    return outs


def read_records(db: Database, ids: np.ndarray | None = None) -> Records:
    """Every person in the register (or those with ``ids``), with the fields the duplicate model compares."""
    if ids is not None and len(ids) > ID_CHUNK:
        parts = [_read(db, ids[i : i + ID_CHUNK]) for i in range(0, len(ids), ID_CHUNK)]
        return Records(*(np.concatenate([getattr(p, f.name) for p in parts]) for f in dataclasses.fields(Records)))
    return _read(db, ids)


def _read(db: Database, ids: np.ndarray | None) -> Records:
    pg = db.dialect == "postgresql"
    birth = "CAST(birth_date AS TEXT)" if pg else "birth_date"
    only = ""
    child = ""
    if ids is not None:
        listed = ",".join(str(int(i)) for i in ids) or "NULL"
        only, child = f" AND id IN ({listed})", f" AND customer_id IN ({listed})"
    people = _rows(
        db, f"SELECT id, first_names, last_name, {birth} FROM customer WHERE kind = 'person'{only} ORDER BY id"
    )
    n = len(people)
    cols = list(zip(*people, strict=True)) if people else [(), (), (), ()]
    cid = np.asarray(cols[0], dtype=np.int64)
    first = _column(cols[1], n)
    last = _column(cols[2], n)
    born = _column([b or "" for b in cols[3]], n)
    (hetu,) = _fill(cid, _rows(db, f"SELECT customer_id, value FROM customer_identifier WHERE scheme = 'hetu'{child}"))
    (register,) = _fill(
        cid,
        _rows(
            db,
            f"SELECT customer_id, register || ':' || value FROM customer_identifier WHERE scheme = 'register'{child}",
        ),
    )
    contacts = _rows(db, f"SELECT customer_id, kind, value FROM contact_point WHERE 1 = 1{child}")
    (phone,) = _fill(cid, [(c, v) for c, k, v in contacts if k == "phone"])
    (email,) = _fill(cid, [(c, v) for c, k, v in contacts if k == "email"])
    del contacts
    street, postal, muni = _fill(
        cid,
        _rows(
            db,
            "SELECT customer_id, street, postal_code, municipality FROM address"
            f" WHERE valid_to IS NULL{child} ORDER BY id DESC",
        ),
        3,
    )
    (former,) = _fill(
        cid,
        _rows(
            db,
            "SELECT customer_id, postal_code || '|' || street FROM address"
            f" WHERE valid_to IS NOT NULL{child} ORDER BY valid_to DESC",
        ),
    )
    return Records(
        customer_id=cid,
        first_names=first,
        last_name=last,
        birth_date=born,
        hetu=hetu,
        phone=phone,
        email=email,
        street=street,
        postal_code=postal,
        municipality=muni,
        former_street=former,
        register_key=register,
    )


def changed_since(db: Database, max_id: int, since: dt.datetime | None) -> np.ndarray:
    """Ids of persons added after ``max_id`` or created/updated after ``since`` (ascending)."""
    c = Customer.__table__.c
    query = select(c.id).where(c.kind == "person")
    cond = [c.id > max_id]
    if since is not None:
        cond += [c.updated_at > since, c.created_at > since]
    query = query.where(or_(*cond)).order_by(c.id)
    with db.engine.connect() as conn:
        return np.asarray([r[0] for r in conn.execute(query)], dtype=np.int64)


def person_count(db: Database) -> int:
    """How many persons the register has."""
    return int(_rows(db, "SELECT count(*) FROM customer WHERE kind = 'person'")[0][0])


def person_ids(db: Database) -> np.ndarray:
    """Every person's customer id, ascending."""
    return np.asarray([r[0] for r in _rows(db, "SELECT id FROM customer WHERE kind = 'person' ORDER BY id")], np.int64)


def high_water(db: Database) -> tuple[int, dt.datetime | None]:
    """The largest customer id and the latest created/updated time now in the register."""
    from sqlalchemy import func

    c = Customer.__table__.c
    with db.engine.connect() as conn:
        row = conn.execute(select(func.max(c.id), func.max(c.updated_at), func.max(c.created_at))).one()
    stamps = [s for s in (row[1], row[2]) if s is not None]
    return int(row[0] or 0), max(stamps) if stamps else None
