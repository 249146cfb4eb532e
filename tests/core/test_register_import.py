"""agentdesk register import: dirty data kept and flagged, unreadable rows reported, re-import
idempotent, matching by register id then identity code, lineage, the search index, XLSX and CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.customer_register import CustomerDraft, CustomerRegister
from agentdesk.register_import.importer import RegisterImport
from agentdesk.register_import.mapping import load_mapping
from agentdesk.register_import.reading import ImportFileError
from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage.models import (
    Address,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    FieldSource,
    IdentifierScheme,
    Language,
)
from tests.core.register_support import HEADER, MAPPING, ROWS

TODAY = dt.date(2026, 11, 20)
REGISTER = "population data"


def _write(tmp_path: Path, rows: list[str], name: str = "register.csv", extra: bytes = b"") -> Path:
    path = tmp_path / name
    path.write_bytes(("\n".join([HEADER, *rows]) + "\n").encode("utf-8") + extra)
    return path


@pytest.fixture
def mapping_file(tmp_path):
    path = tmp_path / "mapping.toml"
    path.write_text(MAPPING, encoding="utf-8")
    return path


def _import(db, path, mapping_file, register=REGISTER):
    return RegisterImport(db).run(path, register, load_mapping(mapping_file), today=TODAY)


def _customer_of(s, register_id, register=REGISTER):
    cid = s.scalar(
        select(CustomerIdentifier.customer_id).where(
            CustomerIdentifier.scheme == IdentifierScheme.REGISTER,
            CustomerIdentifier.register == register,
            CustomerIdentifier.value == register_id,
        )
    )
    assert cid is not None, f"{register_id} was not imported"
    return s.get(Customer, cid)


def _lineage(s, customer_id):
    rows = s.scalars(select(FieldSource).where(FieldSource.customer_id == customer_id))
    return {r.field: (r.value, r.flag) for r in rows}


def test_dirty_rows_are_kept_flagged_or_reported(db, tmp_path, mapping_file):
    undecodable = b"PD-1014;J\xe4rvinen;Jussi;;;;;;;;;;\n"  # Latin-1 in a UTF-8 file
    report = _import(db, _write(tmp_path, ROWS, extra=undecodable), mapping_file)

    name = str(tmp_path / "register.csv")
    assert [str(p) for p in report.problems] == [
        f"{name}: row 10: no name (both first names and last name are empty)",
        f"{name}: row 11: no register id in column 'asiakasnro'",
        f"{name}: row 13: has 3 fields, the header has 13",
        f"{name}: row 16: is not utf-8-sig text (set [source] encoding in the mapping)",
    ]
    assert (report.rows_read, report.created, report.updated, report.rejected) == (15, 10, 1, 4)
    assert report.flagged == 7
    lines = report.lines()
    assert f"{name}: register population data: 15 rows read, 10 created, 1 updated, 7 flagged, 4 rejected" in lines
    assert "  flagged hetu.check_char: 1 row(s)" in lines
    assert report.exit_code == 0

    with db.session() as s:
        anna = _customer_of(s, "PD-101")
        assert (anna.first_names, anna.last_name, anna.birth_date) == ("Anna", "Virtanen", dt.date(1994, 5, 1))
        assert {(i.scheme, i.register, i.value) for i in anna.identifiers} == {
            (IdentifierScheme.REGISTER, REGISTER, "PD-101"),
            (IdentifierScheme.HETU, "dvv", "010594Y9032"),
            (IdentifierScheme.REGISTER, "external", "W7"),
        }
        assert sorted(p.value for p in anna.contact_points) == ["+358401234567", "anna@example.fi"]
        assert all(flag == "" for _, flag in _lineage(s, anna.id).values())

        bo = _customer_of(s, "PD-102")  # a foreign address is stored as written, and flagged
        assert [(a.street, a.postal_code, a.municipality) for a in bo.addresses] == [
            ("Storgatan 1", "SE-112 51", "Stockholm")
        ]
        assert bo.preferred_language is Language.SV
        flags = _lineage(s, bo.id)
        assert flags["postal_code"] == ("SE-112 51", "postal_code.not_finnish")
        assert flags["municipality"] == ("Stockholm", "municipality.unknown")

        pekka = _customer_of(s, "PD-103")  # the bad code is not an identity code, but it is kept
        assert not [i for i in pekka.identifiers if i.scheme is IdentifierScheme.HETU]
        assert _lineage(s, pekka.id)["hetu"] == ("010594Y9033", "hetu.check_char")
        assert _lineage(s, _customer_of(s, "PD-104").id)["hetu"][1].startswith("hetu.")

        assert _customer_of(s, "PD-105").birth_date == dt.date(1985, 8, 15)
        sari = _customer_of(s, "PD-106")
        assert sari.birth_date is None
        assert _lineage(s, sari.id)["birth_date"] == ("08.15.1985", "birth_date.format")

        juha = _customer_of(s, "PD-107")  # swapped columns: neither value passes, both are kept
        assert juha.contact_points == []
        assert _lineage(s, juha.id)["phone"] == ("juha@example.fi", "phone.not_a_number")
        assert _lineage(s, juha.id)["email"][1].startswith("email.")

        ville = _customer_of(s, "PD-1010")
        assert ville.birth_date is None and ville.preferred_language is Language.OTHER
        assert _lineage(s, ville.id)["birth_date"][1] == "birth_date.future"
        assert _lineage(s, ville.id)["language"] == ("klingon", "language.unknown")

        # PD-1013 has PD-1012's identity code: matched by it, it is the same customer (updated, not a third)
        tiina = _customer_of(s, "PD-1012")
        assert _customer_of(s, "PD-1013").id == tiina.id
        assert _lineage(s, tiina.id)["birth_date"] == ("02.03.1960", "birth_date.hetu_mismatch")


def test_reimport_updates_the_same_records(db, tmp_path, mapping_file):
    path = _write(tmp_path, ROWS)
    first = _import(db, path, mapping_file)

    def counts():
        with db.session() as s:
            return tuple(
                s.scalar(select(func.count()).select_from(t))
                for t in (Customer, CustomerIdentifier, ContactPoint, Address, FieldSource)
            )

    before = counts()
    second = _import(db, path, mapping_file)
    assert counts() == before
    assert (second.created, second.updated, second.rejected) == (0, first.created + first.updated, first.rejected)

    # The register changes an address: the same customer, one current address, the old one ends.
    moved = [r.replace("Mannerheimintie;5 A 3;00100;Helsinki", "Hämeenkatu;1;33100;Tampere") for r in ROWS]
    third = _import(db, _write(tmp_path, moved, "moved.csv"), mapping_file)
    assert third.created == 0
    with db.session() as s:
        anna = _customer_of(s, "PD-101")
        current = [a for a in anna.addresses if a.valid_to is None]
        assert [(a.street, a.municipality) for a in current] == [("Hämeenkatu 1", "Tampere")]
        assert len(anna.addresses) == 2
    hits = CustomerSearch(db).search("anna tampere").hits
    assert [h.last_name for h in hits] == ["Virtanen"]
    assert CustomerSearch(db).search("mannerheimintie 5").hits == ()


def test_matches_an_existing_customer_by_identity_code(db, tmp_path, mapping_file):
    existing = CustomerRegister(db).create(
        CustomerDraft(first_names="Anna", last_name="Virtanen", hetu="010594Y9032"), actor="test"
    )
    report = _import(db, _write(tmp_path, ROWS[:1]), mapping_file)
    assert (report.created, report.updated) == (0, 1)
    with db.session() as s:
        assert _customer_of(s, "PD-101").id == existing.id
    # The register id is searchable, and the imported e-mail is on the existing customer.
    assert [h.customer_id for h in CustomerSearch(db).search("PD-101").hits] == [existing.id]
    assert CustomerRegister(db).get(existing.id).emails == ("anna@example.fi",)


def test_lineage_is_in_the_overview(db, tmp_path, mapping_file):
    _import(db, _write(tmp_path, ROWS), mapping_file)
    with db.session() as s:
        anna_id, bo_id, eva_id = (_customer_of(s, i).id for i in ("PD-101", "PD-102", "PD-108"))
    overview = CustomerOverviewService(db).open(anna_id, actor="test")
    shown = {item.item: item.describe() for item in overview.lineage}
    assert shown["address"] == "address: population data, 2026-11-02"
    assert shown["hetu"] == "hetu: population data, 2026-11-02"
    bo = CustomerOverviewService(db).open(bo_id, actor="test")
    assert {i.item: i.flags for i in bo.lineage}["address"] == ("municipality.unknown", "postal_code.not_finnish")
    # A Swedish-speaking citizen's municipality is shown in Swedish, a Finnish speaker's in Finnish.
    eva = CustomerOverviewService(db).open(eva_id, actor="test")
    assert eva.address is not None and eva.address.municipality_shown == "Helsingfors"
    anna = CustomerOverviewService(db).open(anna_id, actor="test")
    assert anna.address is not None and anna.address.municipality_shown == "Helsinki"


def test_xlsx_import_reads_dates_and_numeric_postcodes(db, tmp_path, mapping_file):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    sheet.append(["X-1", "Aino", "Ahonen", dt.datetime(1994, 5, 1), "Kauppakatu", 3, 100, "Helsinki"])
    sheet.append(["X-2", "Eino", "Ekholm", "31.02.1990", "Kirkkokatu", "1", "33100", "Åbo", "", "0401234567"])
    path = tmp_path / "register.xlsx"
    book.save(path)

    report = _import(db, path, mapping_file)
    assert (report.created, report.rejected, report.flagged) == (2, 0, 1)
    with db.session() as s:
        aino = _customer_of(s, "X-1")
        assert aino.birth_date == dt.date(1994, 5, 1)
        assert [(a.street, a.postal_code) for a in aino.addresses] == [("Kauppakatu 3", "00100")]
        eino = _customer_of(s, "X-2")
        assert _lineage(s, eino.id)["birth_date"] == ("31.02.1990", "birth_date.format")
        assert [p.value for p in eino.contact_points] == ["+358401234567"]
    assert [h.first_names for h in CustomerSearch(db).search("eino turku").hits] == ["Eino"]


def test_a_file_without_the_mapped_columns_is_refused(db, tmp_path, mapping_file):
    path = tmp_path / "other.csv"
    path.write_text("id;name\n1;Anna\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="names columns the file does not have: asiakasnro, etunimet"):
        _import(db, path, mapping_file)
