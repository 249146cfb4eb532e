"""The mapping file of ``agentdesk register import``: which column of the register's file holds
which AgentDesk field, in TOML::

    [source]
    id_column = "asiakasnro"      # the record's id in its register (kept as a register id)
    date_format = "%d.%m.%Y"      # how birth dates are written in the file
    [columns]                     # AgentDesk field = the file's column
    first_names = "etunimet"
    last_name = "sukunimi"
    ...

More ``[source]`` keys: ``sheet`` (an XLSX sheet, default the first), ``delimiter`` (CSV: ``","``
or ``";"``; default: guessed from the header line), ``encoding`` (CSV, default UTF-8 with or
without a BOM), ``observed`` (the day the register's extract was taken, ``YYYY-MM-DD``; default:
the import's time), ``external_register`` (the register that issued ``external_id``, default
``"external"``).

A mapping with problems raises :class:`MappingError`, each problem as ``FILE: KEY: message`` like
``agentdesk profile check`` reports a profile's.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = (
    "first_names",
    "last_name",
    "birth_date",
    "street",
    "house_number",
    "postal_code",
    "municipality",
    "hetu",
    "phone",
    "email",
    "external_id",
    "language",
)
SOURCE_KEYS = ("id_column", "date_format", "sheet", "delimiter", "encoding", "observed", "external_register")


@dataclass(frozen=True)
class MappingProblem:
    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}" if self.key else f"{self.file}: {self.message}"


class MappingError(ValueError):
    def __init__(self, problems: list[MappingProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class RegisterMapping:
    source: str  # the mapping file, for messages
    id_column: str
    date_format: str = "%d.%m.%Y"
    columns: dict[str, str] = field(default_factory=dict)  # AgentDesk field -> the file's column
    sheet: str = ""
    delimiter: str = ""
    encoding: str = "utf-8-sig"
    observed: dt.datetime | None = None
    external_register: str = "external"

    def missing_columns(self, header: list[str]) -> list[str]:
        """The mapped columns (and the id column) the file's header does not have."""
        have = set(header)
        wanted = [self.id_column, *self.columns.values()]
        return [c for c in dict.fromkeys(wanted) if c not in have]


def load_mapping(path: Path) -> RegisterMapping:
    """Read and check a mapping file; raise :class:`MappingError` listing every problem."""
    name = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError([MappingProblem(name, "", f"cannot be read ({exc.strerror or exc})")]) from None
    except UnicodeDecodeError:
        raise MappingError([MappingProblem(name, "", "is not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise MappingError([MappingProblem(name, "", f"is not valid TOML ({exc})")]) from None
    return parse_mapping(data, name)


def _text(problems: list[MappingProblem], name: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        problems.append(MappingProblem(name, key, "must be a column name (a non-empty string)"))
        return ""
    return value.strip()


def parse_mapping(data: dict[str, Any], name: str) -> RegisterMapping:
    problems: list[MappingProblem] = []
    for key in data:
        if key not in ("source", "columns"):
            problems.append(MappingProblem(name, key, "unknown section (expected [source] and [columns])"))
    source = data.get("source")
    columns = data.get("columns")
    if not isinstance(source, dict):
        problems.append(MappingProblem(name, "source", "missing section [source] with id_column"))
        source = {}
    if not isinstance(columns, dict):
        problems.append(MappingProblem(name, "columns", "missing section [columns]"))
        columns = {}
    for key in source:
        if key not in SOURCE_KEYS:
            problems.append(MappingProblem(name, f"source.{key}", f"unknown key (known: {', '.join(SOURCE_KEYS)})"))
    id_column = ""
    if "id_column" not in source:
        problems.append(MappingProblem(name, "source.id_column", "missing: the column with the record's register id"))
    else:
        id_column = _text(problems, name, "source.id_column", source["id_column"])
    date_format = source.get("date_format", "%d.%m.%Y")
    if not isinstance(date_format, str) or "%" not in date_format:
        problems.append(MappingProblem(name, "source.date_format", 'must be a strftime format such as "%d.%m.%Y"'))
        date_format = "%d.%m.%Y"
    else:
        try:
            dt.datetime.strptime(dt.date(1980, 1, 5).strftime(date_format), date_format)
        except ValueError:
            problems.append(MappingProblem(name, "source.date_format", f"{date_format!r} cannot read back a date"))
    mapped: dict[str, str] = {}
    for key, value in columns.items():
        if key not in FIELDS:
            problems.append(MappingProblem(name, f"columns.{key}", f"unknown field (known: {', '.join(FIELDS)})"))
            continue
        column = _text(problems, name, f"columns.{key}", value)
        if column:
            mapped[key] = column
    if columns and not ({"last_name", "first_names"} & set(mapped)):
        problems.append(MappingProblem(name, "columns", "map at least last_name or first_names"))
    delimiter = source.get("delimiter", "")
    if delimiter not in ("", ",", ";", "\t", "|"):
        problems.append(MappingProblem(name, "source.delimiter", 'must be one of ",", ";", "|" or a tab'))
        delimiter = ""
    encoding = source.get("encoding", "utf-8-sig")
    if not isinstance(encoding, str):
        problems.append(MappingProblem(name, "source.encoding", 'must be an encoding name such as "utf-8" or "cp1252"'))
        encoding = "utf-8-sig"
    else:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            problems.append(MappingProblem(name, "source.encoding", f"unknown encoding {encoding!r}"))
            encoding = "utf-8-sig"
    observed = _observed(problems, name, source.get("observed"))
    sheet = source.get("sheet", "")
    external = source.get("external_register", "external")
    if not isinstance(sheet, str):
        problems.append(MappingProblem(name, "source.sheet", "must be the sheet's name"))
        sheet = ""
    if not isinstance(external, str) or not external.strip() or len(external) > 64:
        problems.append(MappingProblem(name, "source.external_register", "must be a register name (1-64 characters)"))
        external = "external"
    if problems:
        raise MappingError(problems)
    return RegisterMapping(
        source=name,
        id_column=id_column,
        date_format=date_format,
        columns=mapped,
        sheet=sheet,
        delimiter=delimiter,
        encoding=encoding,
        observed=observed,
        external_register=external.strip(),
    )


def _observed(problems: list[MappingProblem], name: str, value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        except ValueError:
            pass
    problems.append(MappingProblem(name, "source.observed", "must be a date, e.g. 2026-11-02"))
    return None
