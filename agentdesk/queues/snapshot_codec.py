"""Frozen dataclasses to JSON and back, by their type hints: how a dashboard snapshot is stored.

Not pickle: a stored snapshot is read by every supervisor's desk, and whoever can write to the
database must not be able to make a desk run code. Only what the hints allow is built: dataclasses,
enums, ``datetime`` (ISO 8601, aware), ``date``, ``int``/``float``/``str``/``bool``, ``X | None`` and
``tuple[X, ...]``; anything else in the data is an error (:class:`SnapshotFormatError`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


class SnapshotFormatError(ValueError):
    """Stored data that does not fit the type it is read as."""


def dumps(value: object) -> str:
    return json.dumps(_plain(value), separators=(",", ":"), ensure_ascii=False)


def loads(cls: type[T], text: str) -> T:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotFormatError(f"not JSON: {exc.msg}") from None
    result: T = _build(cls, data, cls.__name__)
    return result


def _plain(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise SnapshotFormatError("a naive datetime cannot be stored")
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise SnapshotFormatError(f"cannot store a {type(value).__name__}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(hint: Any, data: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = get_args(hint)
        if data is None and type(None) in options:
            return None
        real = [o for o in options if o is not type(None)]
        if len(real) != 1:
            raise SnapshotFormatError(f"{where}: unions of several types are not stored")
        return _build(real[0], data, where)
    if origin is tuple:
        args = get_args(hint)
        if not isinstance(data, list):
            raise SnapshotFormatError(f"{where}: expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v, f"{where}[{i}]") for i, v in enumerate(data))
        if len(args) != len(data):
            raise SnapshotFormatError(f"{where}: expected {len(args)} values")
        return tuple(_build(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, data, strict=True)))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise SnapshotFormatError(f"{where}: expected an object")
        hints = _hints(hint)
        fields = [f for f in dataclasses.fields(hint) if f.init]
        missing = [f.name for f in fields if f.name not in data]
        if missing:
            raise SnapshotFormatError(f"{where}: missing {', '.join(missing)}")
        return hint(**{f.name: _build(hints[f.name], data[f.name], f"{where}.{f.name}") for f in fields})
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(data)
        except ValueError:
            raise SnapshotFormatError(f"{where}: {data!r} is not a {hint.__name__}") from None
    if hint is dt.datetime:
        if not isinstance(data, str):
            raise SnapshotFormatError(f"{where}: expected a time")
        moment = dt.datetime.fromisoformat(data)
        if moment.tzinfo is None:
            raise SnapshotFormatError(f"{where}: a time without its zone")
        return moment
    if hint is dt.date:
        if not isinstance(data, str):
            raise SnapshotFormatError(f"{where}: expected a date")
        return dt.date.fromisoformat(data)
    if hint is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if hint in (int, str, bool) and type(data) is hint:
        return data
    raise SnapshotFormatError(f"{where}: {type(data).__name__} where {getattr(hint, '__name__', hint)} belongs")
