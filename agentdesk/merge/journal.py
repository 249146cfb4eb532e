"""The journal of a merge: every row it changed or removed, with what was there before, as JSON.

Two kinds of entry:

- ``{"op": "set", "t": TABLE, "key": {...}, "before": {...}, "after": {...}}`` a row's columns
  changed (a link moved to the survivor, a duplicate primary flag cleared, the survivor's name);
  ``key`` is the row's primary key after the change.
- ``{"op": "delete", "t": TABLE, "row": {...}}`` a row removed (a duplicate contact point, a
  relationship that would point at itself or repeat another), every column kept.

:func:`undo` plays the journal backwards: a column is set back only while it still holds what the
merge wrote (a later change by someone else is left as it is and counted as *kept*); a removed row
comes back with its own id. Versioned tables (``version``) get a new version on both ways, so a
desk that still shows the old row gets an edit conflict rather than overwriting.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Enum, Table, and_, delete, insert, select, update
from sqlalchemy.orm import Session

from agentdesk.storage.models import Base, UTCDateTime

Entry = dict[str, Any]
_CHUNK = 500


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def _encode(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _decode(t: Table, column: str, value: object) -> object:
    if value is None:
        return None
    kind = t.c[column].type
    if isinstance(kind, UTCDateTime):
        return dt.datetime.fromisoformat(str(value))
    if isinstance(kind, Date):
        return dt.date.fromisoformat(str(value))
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    return value


def _decoded(t: Table, values: Mapping[str, object]) -> dict[str, object]:
    return {k: _decode(t, k, v) for k, v in values.items()}


def _where(t: Table, key: Mapping[str, object]) -> Any:
    return and_(*(t.c[k] == v for k, v in _decoded(t, key).items()))


def _pk(t: Table) -> list[str]:
    return [c.name for c in t.primary_key.columns]


class Journal:
    """Records and applies a merge's row changes inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.entries: list[Entry] = []

    def set_rows(self, name: str, keys: Sequence[Mapping[str, object]], values: Mapping[str, object]) -> int:
        """Set ``values`` on the rows with these primary keys; returns how many rows changed."""
        t = table(name)
        pk = _pk(t)
        cols = list(values)
        done = 0
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            for key in chunk:
                row = self.s.execute(select(*(t.c[c] for c in pk + cols)).where(_where(t, key))).mappings().one()
                before = {c: _encode(row[c]) for c in cols}
                after = {c: _encode(v) for c, v in values.items()}
                if before == after:
                    continue
                new_key = {c: _encode(values.get(c, row[c])) for c in pk}
                self.entries.append({"op": "set", "t": name, "key": new_key, "before": before, "after": after})
                self.s.execute(update(t).where(_where(t, key)).values(_bumped(t, values)))
                done += 1
        return done

    def delete_row(self, name: str, key: Mapping[str, object]) -> None:
        t = table(name)
        row = self.s.execute(select(t).where(_where(t, key))).mappings().one()
        self.entries.append({"op": "delete", "t": name, "row": {k: _encode(v) for k, v in row.items()}})
        self.s.execute(delete(t).where(_where(t, key)))


def _bumped(t: Table, values: Mapping[str, object]) -> dict[str, object]:
    out = dict(values)
    if "version" in t.c:
        out["version"] = t.c.version + 1
    return out


@dataclass(frozen=True)
class UndoCounts:
    restored: int  # rows set back or put back
    kept: int  # columns someone changed after the merge: left as they are now
    gone: int  # rows removed after the merge: nothing to set back


def undo(session: Session, entries: Iterable[Entry]) -> UndoCounts:
    restored = kept = gone = 0
    for e in reversed(list(entries)):
        t = table(e["t"])
        if e["op"] == "delete":
            row = _decoded(t, e["row"])
            pk = _pk(t)
            taken = session.execute(select(*(t.c[c] for c in pk)).where(_where(t, {c: e["row"][c] for c in pk})))
            if taken.first() is not None:
                if pk == ["id"]:
                    row.pop("id")  # its id was given to a newer row meanwhile
                else:
                    kept += 1
                    continue
            session.execute(insert(t).values(row))
            restored += 1
            continue
        now = session.execute(select(t).where(_where(t, e["key"]))).mappings().first()
        if now is None:
            gone += 1
            continue
        back = {}
        for col, after in e["after"].items():
            if _encode(now[col]) == after:
                back[col] = _decode(t, col, e["before"][col])
            else:
                kept += 1
        if back:
            session.execute(update(t).where(_where(t, e["key"])).values(_bumped(t, back)))
            restored += 1
    return UndoCounts(restored, kept, gone)
