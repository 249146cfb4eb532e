"""``agentdesk register import``: a city register's rows into the customer register, with lineage.

Each row is matched to an existing customer by its register id (``CustomerIdentifier`` with
scheme ``REGISTER`` and the register's name) first, then by a valid identity code; otherwise a new
customer is created. Anything fuzzier is the duplicate scan's job. Re-importing a file therefore
updates the same customers. A blank cell never erases what AgentDesk already holds.

Every field the row gives is recorded in ``field_source`` (register, when, the value as written
and the rule it failed, if any), and the search document of every touched customer is rewritten.
Rows go in chunks, one transaction each, so a large file shows progress and a failure loses at
most one chunk.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session, selectinload

from agentdesk import audit
from agentdesk.register_import.cleaning import CleanRow, RowRejected, clean_row
from agentdesk.register_import.mapping import RegisterMapping
from agentdesk.register_import.reading import SourceRow, open_table
from agentdesk.search import index_writer
from agentdesk.storage.database import Database
from agentdesk.storage.models import (
    Address,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    IdentifierScheme,
)
from agentdesk.storage.tables.base import UTCDateTime

CHUNK = 500
ACTOR = "register-import"
_UPSERT_SOURCE = text(
    "INSERT INTO field_source (customer_id, field, register, observed_at, value, flag) "
    "VALUES (:c, :f, :r, :o, :v, :g) ON CONFLICT (customer_id, field, register) DO UPDATE SET "
    "observed_at = excluded.observed_at, value = excluded.value, flag = excluded.flag"
).bindparams(bindparam("o", type_=UTCDateTime))


@dataclass(frozen=True)
class RowProblem:
    file: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: row {self.row}: {self.reason}"


@dataclass
class ImportReport:
    file: str
    register: str
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    flagged: int = 0  # imported rows with at least one value kept as said and flagged
    rejected: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    flags: Counter[str] = field(default_factory=Counter)  # flag code -> rows

    @property
    def imported(self) -> int:
        return self.created + self.updated

    @property
    def exit_code(self) -> int:
        """0 when anything was imported (or the file had no rows), 1 when every row was rejected."""
        return 1 if self.rows_read and not self.imported else 0

    def lines(self) -> list[str]:
        out = [str(p) for p in self.problems]
        out.append(
            f"{self.file}: register {self.register}: {self.rows_read} rows read, {self.created} created, "
            f"{self.updated} updated, {self.flagged} flagged, {self.rejected} rejected"
        )
        out.extend(f"  flagged {code}: {n} row(s)" for code, n in sorted(self.flags.items()))
        return out


Progress = Callable[[int, int], None]  # (rows done, rows in the file)


class RegisterImport:
    def __init__(self, db: Database) -> None:
        self._db = db

    def run(
        self,
        path: Path,
        register: str,
        mapping: RegisterMapping,
        *,
        progress: Progress | None = None,
        today: dt.date | None = None,
    ) -> ImportReport:
        """Import the file; raises :class:`~agentdesk.register_import.reading.ImportFileError` when
        it cannot be read at all. Row problems are in the report."""
        today = today or dt.date.today()
        observed = mapping.observed or dt.datetime.now(dt.UTC)
        table = open_table(path, mapping)
        report = ImportReport(str(path), register)
        chunk: list[tuple[SourceRow, CleanRow]] = []
        done = 0
        for source in table.rows:
            report.rows_read += 1
            if source.problem:
                report.rejected += 1
                report.problems.append(RowProblem(str(path), source.number, source.problem))
                continue
            try:
                chunk.append((source, clean_row(source.values, mapping, today)))
            except RowRejected as exc:
                report.rejected += 1
                report.problems.append(RowProblem(str(path), source.number, str(exc)))
            if len(chunk) >= CHUNK:
                self._write(chunk, register, mapping, observed, today, report)
                done, chunk = report.rows_read, []
                if progress:
                    progress(done, max(table.total, done))
        if chunk:
            self._write(chunk, register, mapping, observed, today, report)
        if progress:
            progress(report.rows_read, report.rows_read)
        with self._db.session() as s, s.begin():
            audit.record(
                s,
                actor=ACTOR,
                action="register.import",
                subject_customer_id=None,
                detail=f"{register}: {report.created} created, {report.updated} updated, {report.rejected} rejected",
            )
        return report

    # -- one chunk, one transaction --------------------------------------------------------------

    def _write(
        self,
        chunk: Sequence[tuple[SourceRow, CleanRow]],
        register: str,
        mapping: RegisterMapping,
        observed: dt.datetime,
        today: dt.date,
        report: ImportReport,
    ) -> None:
        rows = [r for _, r in chunk]
        with self._db.session() as s, s.begin():
            by_register = self._identifiers(s, IdentifierScheme.REGISTER, register, [r.register_id for r in rows])
            by_hetu = self._identifiers(s, IdentifierScheme.HETU, None, [r.hetu for r in rows if r.hetu])
            external: dict[str, int | Customer] = dict(
                self._identifiers(
                    s,
                    IdentifierScheme.REGISTER,
                    mapping.external_register,
                    [r.external_id for r in rows if r.external_id],
                )
            )
            loaded = {
                c.id: c
                for c in s.scalars(
                    select(Customer)
                    .where(Customer.id.in_(set(by_register.values()) | set(by_hetu.values())))
                    .options(
                        selectinload(Customer.identifiers),
                        selectinload(Customer.contact_points),
                        selectinload(Customer.addresses),
                    )
                )
            }
            # Register id / identity code -> the customer object, new ones included (one flush at the end).
            owner = {rid: loaded[cid] for rid, cid in by_register.items()}
            hetu_owner = {h: loaded[cid] for h, cid in by_hetu.items()}
            done: list[tuple[CleanRow, Customer, str]] = []
            with s.no_autoflush:
                for row in rows:
                    c = owner.get(row.register_id) or (hetu_owner.get(row.hetu) if row.hetu else None)
                    if c is None:
                        c = Customer(
                            kind=CustomerKind.PERSON,
                            first_names=row.first_names,
                            last_name=row.last_name,
                            identifiers=[],
                            contact_points=[],
                            addresses=[],
                        )
                        s.add(c)
                        action = "register.import.create"
                    else:
                        action = "register.import.update"
                    if not any(
                        i.scheme is IdentifierScheme.REGISTER and i.register == register and i.value == row.register_id
                        for i in c.identifiers
                    ):
                        c.identifiers.append(
                            CustomerIdentifier(
                                scheme=IdentifierScheme.REGISTER, register=register, value=row.register_id
                            )
                        )
                    _apply(c, row, today)
                    _identity_codes(c, row, hetu_owner, external, mapping.external_register)
                    owner[row.register_id] = c
                    if row.hetu:
                        hetu_owner.setdefault(row.hetu, c)
                    done.append((row, c, action))
            s.flush()
            touched: dict[int, Customer] = {}
            for row, c, action in done:
                if action == "register.import.create" and c.id not in touched:
                    report.created += 1
                else:
                    report.updated += 1
                touched[c.id] = c
                if row.flags:
                    report.flagged += 1
                    report.flags.update(row.flags.values())
                audit.record(s, actor=ACTOR, action=action, subject_customer_id=c.id, detail=register)
            self._lineage(s, [(row, c.id) for row, c, _ in done], register, observed)
            self._index(s, list(touched.values()), today)

    @staticmethod
    def _identifiers(s: Session, scheme: IdentifierScheme, register: str | None, values: list[str]) -> dict[str, int]:
        if not values:
            return {}
        stmt = select(CustomerIdentifier.value, CustomerIdentifier.customer_id).where(
            CustomerIdentifier.scheme == scheme, CustomerIdentifier.value.in_(sorted(set(values)))
        )
        if register is not None:
            stmt = stmt.where(CustomerIdentifier.register == register)
        return {value: cid for value, cid in s.execute(stmt)}  # noqa: C416 (rows, not pairs, to mypy)

    @staticmethod
    def _lineage(s: Session, rows: Sequence[tuple[CleanRow, int]], register: str, observed: dt.datetime) -> None:
        """One upsert per field said (the same statement on SQLite and PostgreSQL); a field this
        register no longer gives keeps its earlier observation."""
        params = [
            {"c": cid, "f": name, "r": register, "o": observed, "v": value, "g": row.flags.get(name, "")}
            for row, cid in rows
            for name, value in row.said.items()
        ]
        if params:
            s.execute(_UPSERT_SOURCE, params)

    @staticmethod
    def _index(s: Session, touched: Sequence[Customer], today: dt.date) -> None:
        if not touched:
            return
        index_writer.write(s, [index_writer.Indexed.of(c, _current_address(c)) for c in touched], today)


def _current_address(c: Customer) -> Address | None:
    current = [a for a in c.addresses if a.valid_to is None]
    return max(current, key=lambda a: a.id or 0) if current else None


def _apply(c: Customer, row: CleanRow, today: dt.date) -> None:
    """The row's values onto the customer; a blank never erases."""
    if row.first_names and c.first_names != row.first_names:
        c.first_names = row.first_names
    if row.last_name and c.last_name != row.last_name:
        c.last_name = row.last_name
    if row.birth_date and c.birth_date != row.birth_date:
        c.birth_date = row.birth_date
    if row.language and c.preferred_language != row.language:
        c.preferred_language = row.language
    for kind, value in ((ContactKind.PHONE, row.phone), (ContactKind.EMAIL, row.email)):
        if value and not any(p.kind is kind and p.value == value for p in c.contact_points):
            first = not any(p.kind is kind for p in c.contact_points)
            c.contact_points.append(ContactPoint(kind=kind, value=value, is_primary=first))
    if row.has_address:
        current = _current_address(c)
        new = (row.street, row.postal_code, row.municipality)
        if current is None or (current.street, current.postal_code, current.municipality) != new:
            if current is not None:
                current.valid_to = today - dt.timedelta(days=1)  # history: it was the address until yesterday
            c.addresses.append(
                Address(street=row.street, postal_code=row.postal_code, municipality=row.municipality, valid_from=today)
            )


def _identity_codes(
    c: Customer,
    row: CleanRow,
    hetu_owner: dict[str, Customer],
    external: dict[str, int | Customer],
    external_register: str,
) -> None:
    """A valid identity code and another register's id, unless they already belong to someone else
    (then the value stays in the lineage, flagged, for the duplicate scan and the steward)."""
    if row.hetu:
        holder = hetu_owner.get(row.hetu)
        own = [i for i in c.identifiers if i.scheme is IdentifierScheme.HETU]
        if holder is not None and holder is not c:
            row.flags["hetu"] = "hetu.other_customer"
        elif own and own[0].value != row.hetu:
            row.flags["hetu"] = "hetu.differs"
        elif not own:
            c.identifiers.append(CustomerIdentifier(scheme=IdentifierScheme.HETU, register="dvv", value=row.hetu))
    if row.external_id:
        other = external.get(row.external_id)
        if other is None:
            c.identifiers.append(
                CustomerIdentifier(scheme=IdentifierScheme.REGISTER, register=external_register, value=row.external_id)
            )
            external[row.external_id] = c
        elif other is not c and other != c.id:  # a new customer (no id yet) is never the holder
            row.flags["external_id"] = "external_id.other_customer"
