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
from collections.abc import Callable
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


Decoder = Callable[[Any, str], Any]


def _build(hint: Any, data: Any, where: str) -> Any:
    return _decoder(hint)(data, where)


@cache
def _decoder(hint: Any) -> Decoder:
    """A function that builds a value of ``hint`` from JSON data, made once per type: a dashboard
    snapshot of 200 agents and 30 queues is a few thousand values, read every 2 s."""
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = get_args(hint)
        real = [o for o in options if o is not type(None)]
        if len(real) != 1:
            raise SnapshotFormatError(f"unions of several types are not stored ({hint})")
        inner = _decoder(real[0])
        nullable = type(None) in options

        def union(data: Any, where: str) -> Any:
            return None if data is None and nullable else inner(data, where)

        return union
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])

            def many(data: Any, where: str) -> Any:
                if not isinstance(data, list):
                    raise SnapshotFormatError(f"{where}: expected a list")
                return tuple([item(v, where) for v in data])

            return many
        items = [_decoder(a) for a in args]

        def fixed(data: Any, where: str) -> Any:
            if not isinstance(data, list) or len(data) != len(items):
                raise SnapshotFormatError(f"{where}: expected {len(items)} values")
            return tuple(d(v, where) for d, v in zip(items, data, strict=True))

        return fixed
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = {m.value: m for m in hint}

        def member(data: Any, where: str) -> Any:
            try:
                return members[data]
            except (KeyError, TypeError):
                raise SnapshotFormatError(f"{where}: {data!r} is not a {hint.__name__}") from None

        return member
    if hint is dt.datetime:
        return _moment
    if hint is dt.date:
        return _day
    if hint is float:
        return _number
    if hint in (int, str, bool):

        def exact(data: Any, where: str) -> Any:
            if type(data) is not hint:
                raise SnapshotFormatError(f"{where}: {type(data).__name__} where {hint.__name__} belongs")
            return data

        return exact
    raise SnapshotFormatError(f"a {hint} cannot be read")


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    def build(data: Any, where: str) -> Any:
        if not isinstance(data, dict):
            raise SnapshotFormatError(f"{where}: expected an object")
        try:
            return cls(**{name: decode(data[name], where) for name, decode in fields})
        except KeyError as missing:
            raise SnapshotFormatError(f"{where}: missing {missing.args[0]}") from None

    return build


def _moment(data: Any, where: str) -> dt.datetime:
    if not isinstance(data, str):
        raise SnapshotFormatError(f"{where}: expected a time")
    try:
        moment = dt.datetime.fromisoformat(data)
    except ValueError:
        raise SnapshotFormatError(f"{where}: not a time") from None
    if moment.tzinfo is None:
        raise SnapshotFormatError(f"{where}: a time without its zone")
    return moment


def _day(data: Any, where: str) -> dt.date:
    if not isinstance(data, str):
        raise SnapshotFormatError(f"{where}: expected a date")
    try:
        return dt.date.fromisoformat(data)
    except ValueError:
        raise SnapshotFormatError(f"{where}: not a date") from None


def _number(data: Any, where: str) -> float:
    if isinstance(data, bool) or not isinstance(data, int | float):
        raise SnapshotFormatError(f"{where}: {type(data).__name__} where a number belongs")
    return float(data)
