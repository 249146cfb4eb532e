"""Reading a register's file, CSV or XLSX, row by row, as the file's own text.

Each row comes with its number in the file (the header is row 1), so a report can name it. A row
that cannot be read (bytes that are not the file's encoding, a different number of fields than
the header) comes back with a problem instead of values; the rest of the file is still read. A
file that cannot be read at all raises :class:`ImportFileError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from agentdesk.register_import.mapping import RegisterMapping


class ImportFileError(ValueError):
    """The file cannot be imported at all (not found, not CSV or XLSX, columns missing)."""


@dataclass(frozen=True)
class SourceRow:
    number: int  # row in the file; the header is row 1
    values: dict[str, str]  # the file's column -> the cell's text ("" for an empty cell)
    problem: str = ""  # why the row cannot be read; values is empty then


@dataclass
class SourceTable:
    header: list[str]
    total: int  # data rows (an estimate for a CSV with line breaks inside fields)
    rows: Iterator[SourceRow]


def open_table(path: Path, mapping: RegisterMapping) -> SourceTable:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    if suffix in (".xlsx", ".xlsm"):
        table = _xlsx(path, mapping)
    elif suffix in (".csv", ".txt", ".tsv"):
        table = _csv(path, mapping)
    else:
        raise ImportFileError(f"{path}: not a CSV or XLSX file (the name should end in .csv or .xlsx)")
    missing = mapping.missing_columns(table.header)
    if missing:
        raise ImportFileError(
            f"{path}: the mapping {mapping.source} names columns the file does not have: {', '.join(missing)}"
            f" (the file has: {', '.join(table.header) or 'no header'})"
        )
    return table


def _csv(path: Path, mapping: RegisterMapping) -> SourceTable:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    # Bytes that are not the file's encoding become lone surrogates: only the rows holding them fail.
    text = raw.decode(mapping.encoding, errors="surrogateescape")
    first = text.split("\n", 1)[0]
    delimiter = mapping.delimiter or max((";", ",", "\t", "|"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ImportFileError(f"{path}: the file is empty") from None
    except csv.Error as exc:
        raise ImportFileError(f"{path}: the header line cannot be read ({exc})") from None
    total = max(0, text.count("\n") - (0 if text.endswith("\n") else -1) - 1)

    def rows() -> Iterator[SourceRow]:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield SourceRow(start, {}, f"cannot be read as CSV ({exc})")
                continue
            if not any(c.strip() for c in cells):
                continue  # an empty line
            if any(_undecodable(c) for c in cells):
                yield SourceRow(start, {}, f"is not {mapping.encoding} text (set [source] encoding in the mapping)")
            elif len(cells) != len(header):
                yield SourceRow(start, {}, f"has {len(cells)} fields, the header has {len(header)}")
            else:
                yield SourceRow(start, dict(zip(header, cells, strict=True)))

    return SourceTable(header, total, rows())


def _undecodable(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _xlsx(path: Path, mapping: RegisterMapping) -> SourceTable:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFileError(f"{path}: not a readable XLSX workbook ({exc})") from None
    if mapping.sheet and mapping.sheet not in book.sheetnames:
        raise ImportFileError(f"{path}: no sheet {mapping.sheet!r} (the workbook has: {', '.join(book.sheetnames)})")
    sheet = book[mapping.sheet] if mapping.sheet else book.worksheets[0]
    cells = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(c, mapping) for c in next(cells)]
    except StopIteration:
        raise ImportFileError(f"{path}: the sheet {sheet.title!r} is empty") from None
    postal_column = mapping.columns.get("postal_code")
    total = max(0, (sheet.max_row or 1) - 1)

    def rows() -> Iterator[SourceRow]:
        for number, values in enumerate(cells, start=2):
            texts = [_cell_text(c, mapping) for c in values]
            if not any(texts):
                continue
            texts += [""] * (len(header) - len(texts))
            row = dict(zip(header, texts[: len(header)], strict=True))
            if postal_column and isinstance(_at(values, header, postal_column), int):
                row[postal_column] = row[postal_column].zfill(5)  # Excel kept 00100 as the number 100
            yield SourceRow(number, row)
        book.close()

    return SourceTable(header, total, rows())


def _at(values: tuple[object, ...], header: list[str], column: str) -> object:
    i = header.index(column)
    return values[i] if i < len(values) else None


def _cell_text(value: object, mapping: RegisterMapping) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().strftime(mapping.date_format)
    if isinstance(value, dt.date):
        return value.strftime(mapping.date_format)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
