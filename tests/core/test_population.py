"""The synthetic population generator and its bulk loader (SQLite; PostgreSQL when configured)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from agentdesk_demo.population import GeneratorContext, ensure_reference_data, generate, seed_population
from agentdesk_demo.population.generator import (
    DATA_DIR,
    TABLES,
    hetu_check_char,
    hetu_slot,
    make_hetu,
    typo,
    ytunnus_check_digit,
)
from sqlalchemy import func, select, text
from stdnum.fi import hetu as stdnum_hetu
from stdnum.fi import ytunnus as stdnum_ytunnus

from agentdesk.search import text_index
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.models import Customer, CustomerKind, Department, Interaction, StaffUser

NOW = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
EMAIL_RE = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*@[a-z0-9-]+(\.[a-z0-9-]+)+$")
PHONE_RE = re.compile(r"^\+358(40|41|44|45|50)\d{7}$")


def _names(*files: str) -> set[str]:
    out = set()
    for f in files:
        for line in (DATA_DIR / f).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.add(line.split("\t")[0].strip())
    return out


MALE_NAMES = _names("first_names_male_fi.txt", "first_names_male_sv.txt", "first_names_male_other.txt")
FEMALE_NAMES = _names("first_names_female_fi.txt", "first_names_female_sv.txt", "first_names_female_other.txt")


def _age(birth: dt.date) -> int:
    return TODAY.year - birth.year - ((TODAY.month, TODAY.day) < (birth.month, birth.day))


def _hetu_birth_date(code: str) -> dt.date:
    century = {
        "+": 1800,
        "-": 1900,
        "Y": 1900,
        "X": 1900,
        "W": 1900,
        "V": 1900,
        "U": 1900,
        "A": 2000,
        "B": 2000,
        "C": 2000,
        "D": 2000,
        "E": 2000,
        "F": 2000,
    }[code[6]]
    return dt.date(century + int(code[4:6]), int(code[2:4]), int(code[0:2]))


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _fresh_sqlite(path: Path) -> Database:
    db = Database(f"sqlite:///{path}", password_lookup=None)
    schema.upgrade(db)
    return db


# ---------------------------------------------------------------------------------------------
# The generator alone


def _people(seed: int, n: int = 1500) -> list[tuple]:
    rows = []
    for chunk in generate(n, seed, now=NOW, chunk_size=600):
        hetus = {r[0]: r[3] for r in chunk.rows["customer_identifier"] if r[1] == "hetu" and r[2] == "dvv"}
        rows.extend((r[0], r[2], r[3], r[4], hetus.get(r[0])) for r in chunk.rows["customer"])
    return rows


def test_same_seed_same_population_other_seed_other_population():
    a, b, c = _people(7), _people(7), _people(8)
    assert a == b
    assert len(a) > 1500  # organisations and duplicates come on top of the persons
    assert [r[1:] for r in a] != [r[1:] for r in c]
    assert {r[4] for r in a if r[4]} != {r[4] for r in c if r[4]}


def test_chunks_stream_and_respect_the_start_id():
    chunks = list(generate(2500, 3, start_id=1000, now=NOW, chunk_size=1000))
    assert len(chunks) == 3
    assert sum(c.people for c in chunks) == 2500
    assert chunks[0].first_id == 1000
    for before, after in itertools.pairwise(chunks):
        assert after.first_id == before.next_id
    ids = [r[0] for c in chunks for r in c.rows["customer"]]
    assert sorted(ids) == list(range(1000, chunks[-1].next_id))
    for c in chunks:
        for table, rows in c.rows.items():
            assert all(len(r) == len(TABLES[table]) for r in rows), table


def test_hetu_helpers_agree_with_stdnum():
    birth = dt.date(1984, 3, 21)
    assert make_hetu(birth, True, 0) == "210384-901" + hetu_check_char("210384901")
    assert make_hetu(birth, False, 0)[7:10] == "900"
    assert make_hetu(birth, True, 50)[6] == "Y"  # past 999 the next century sign
    assert make_hetu(birth, True, 300) is None
    assert make_hetu(dt.date(2015, 12, 31), False, 51)[6:10] == "B902"
    for slot in (0, 1, 49, 50, 137, 299):
        for male in (False, True):
            for day in (dt.date(1926, 1, 1), dt.date(1999, 12, 31), dt.date(2000, 2, 29), dt.date(2025, 7, 4)):
                code = make_hetu(day, male, slot)
                assert stdnum_hetu.validate(code, allow_temporary=True) == code
                assert _hetu_birth_date(code) == day
                assert int(code[7:10]) % 2 == (1 if male else 0)
                assert hetu_slot(code) == (day.toordinal(), male, slot)
    assert hetu_slot("131052-308T") is None  # a code outside the test range


def test_ytunnus_check_digit():
    assert ytunnus_check_digit("0737546") == 2
    assert ytunnus_check_digit("1572860") == 0
    for base in ("0000000", "1234567", "2345678", "3000005"):
        check = ytunnus_check_digit(base)
        if check is not None:
            stdnum_ytunnus.validate(f"{base}-{check}")


def test_typo_is_one_edit_away():
    import random

    rng = random.Random(5)
    for name in ("Korhonen", "Mäkelä", "Ranta-aho", "Anna", "Öhman", "Li"):
        for _ in range(50):
            wrong = typo(rng, name)
            assert wrong != name
            assert text_index.within_one_edit(wrong.lower(), name.lower()), (name, wrong)


def test_existing_codes_are_not_reused():
    ctx = GeneratorContext()
    first = [r for c in generate(800, 4, now=NOW, context=ctx) for r in c.rows["customer_identifier"]]
    for r in first:
        if r[1] == "hetu":
            ctx.note_existing_hetu(r[3])
        if r[1] == "ytunnus":
            ctx.taken_ytunnus.add(r[3])
    second = [r for c in generate(800, 4, start_id=10_000, now=NOW, context=ctx) for r in c.rows["customer_identifier"]]
    codes = [r[3] for r in first + second if r[1] in ("hetu", "ytunnus") and r[2] in ("dvv", "prh")]
    assert len(codes) == len(set(codes))


# ---------------------------------------------------------------------------------------------
# Seeded into SQLite


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = _fresh_sqlite(tmp_path_factory.mktemp("population") / "t.sqlite3")
    calls = []
    report = seed_population(
        db,
        4000,
        seed=11,
        duplicate_share=0.03,
        histories=0.05,
        progress=lambda done, total: calls.append((done, total)),
        chunk_size=1500,
        now=NOW,
    )
    yield db, report, calls
    db.dispose()


def _q(db: Database, sql: str, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def _duplicate_ids(db: Database) -> set[int]:
    return {r[0] for r in _q(db, "SELECT duplicate_customer_id FROM synthetic_duplicate")}


def test_report_and_progress(seeded):
    db, report, calls = seeded
    assert report.people == 4000
    assert calls[-1] == (4000, 4000) and len(calls) == 3
    assert report.duplicates == len(_duplicate_ids(db)) == pytest.approx(120, abs=10)
    assert report.organisations == _q(db, "SELECT count(*) FROM customer WHERE kind = 'organisation'")[0][0]
    assert 10 <= report.organisations <= 80
    assert report.customers == _q(db, "SELECT count(*) FROM customer")[0][0]
    assert (report.first_customer_id, report.last_customer_id) == (1, report.customers)
    assert report.interactions == _q(db, "SELECT count(*) FROM interaction")[0][0] > 0
    assert report.cases == _q(db, "SELECT count(*) FROM service_case")[0][0]
    assert report.seconds > 0


def test_hetus_valid_unique_and_consistent_with_birth_date_and_sex(seeded):
    db, report, _ = seeded
    rows = _q(
        db,
        "SELECT c.id, c.first_names, c.birth_date, i.value FROM customer c "
        "JOIN customer_identifier i ON i.customer_id = c.id WHERE i.scheme = 'hetu' AND i.register = 'dvv'",
    )
    assert len(rows) == report.people
    codes = [r[3] for r in rows]
    assert len(set(codes)) == len(codes)
    for _id, first_names, birth, code in rows:
        assert stdnum_hetu.validate(code, allow_temporary=True) == code
        assert 900 <= int(code[7:10]) <= 999
        assert _hetu_birth_date(code) == _as_date(birth)
        first = first_names.split(" ")[0]
        assert first in (MALE_NAMES if int(code[7:10]) % 2 else FEMALE_NAMES), (first_names, code)
    ages = Counter(min(_age(_as_date(r[2])) // 10, 9) for r in rows)
    assert min(ages) >= 0 and max(ages) == 9
    assert 0.15 < sum(1 for r in rows if _age(_as_date(r[2])) < 18) / len(rows) < 0.28


def test_languages_phones_and_emails(seeded):
    db, report, _ = seeded
    langs = Counter(r[0] for r in _q(db, "SELECT preferred_language FROM customer WHERE kind = 'person'"))
    total = sum(langs.values())
    assert 0.8 < langs["fi"] / total < 0.93
    assert 0.01 < langs["sv"] / total < 0.12
    assert 0.03 < (langs["en"] + langs["other"]) / total < 0.14
    phones = [r[0] for r in _q(db, "SELECT value FROM contact_point WHERE kind = 'phone'")]
    assert all(PHONE_RE.match(p) for p in phones)
    for p in phones[:200]:
        assert phonenumbers.is_valid_number(phonenumbers.parse(p))
    with_phone = _q(
        db,
        "SELECT count(DISTINCT customer_id) FROM contact_point c JOIN customer k ON k.id = c.customer_id "
        "WHERE c.kind = 'phone' AND k.kind = 'person' AND k.id NOT IN "
        "(SELECT duplicate_customer_id FROM synthetic_duplicate)",
    )[0][0]
    assert 0.85 < with_phone / report.people < 0.95
    dups = _duplicate_ids(db)
    mails = _q(db, "SELECT customer_id, value FROM contact_point WHERE kind = 'email'")
    own = [v for cid, v in mails if cid not in dups]
    assert len(own) == len(set(own))  # duplicate records may repeat their original's address
    assert 0.62 < len(own) / (report.people + report.organisations) < 0.78
    for v in own:
        assert EMAIL_RE.match(v) and v == v.lower(), v
        assert v.split("@")[1].endswith((".example", "example.com", "example.net", "example.org"))


def test_every_child_has_a_guardian_at_the_same_address(seeded):
    db, _, _ = seeded
    dups = _duplicate_ids(db)
    people = {
        r[0]: _age(_as_date(r[1]))
        for r in _q(db, "SELECT id, birth_date FROM customer WHERE kind = 'person' AND birth_date IS NOT NULL")
        if r[0] not in dups
    }
    address = {
        r[0]: (r[1], r[2], r[3])
        for r in _q(db, "SELECT customer_id, street, postal_code, municipality FROM address WHERE valid_to IS NULL")
    }
    guardians: dict[int, list[int]] = {}
    for g, child in _q(
        db, "SELECT from_customer_id, to_customer_id FROM customer_relationship WHERE kind = 'guardian'"
    ):
        guardians.setdefault(child, []).append(g)
    children = [cid for cid, age in people.items() if age < 18]
    assert children
    for child in children:
        ok = [g for g in guardians.get(child, []) if people.get(g, 0) >= 18 and address[g] == address[child]]
        assert ok, child
        assert len(guardians[child]) <= 2
    partners = _q(
        db, "SELECT from_customer_id, to_customer_id FROM customer_relationship WHERE kind = 'household_member'"
    )
    assert partners and all(address[a] == address[b] and people[a] >= 18 and people[b] >= 18 for a, b in partners)


def test_roles_identifiers_and_alerts(seeded):
    db, _, _ = seeded
    dept = {r[1]: r[0] for r in _q(db, "SELECT id, code FROM department")}
    roles = _q(
        db,
        "SELECT r.customer_id, r.role_code, r.department_id, r.external_ref, c.birth_date, c.kind "
        "FROM customer_role r JOIN customer c ON c.id = r.customer_id",
    )
    codes = Counter(r[1] for r in roles)
    for code in (
        "daycare_guardian",
        "daycare_child",
        "water_customer",
        "tenant",
        "social_services_client",
        "school_pupil",
    ):
        assert codes[code] > 0, code
    for _cid, code, dep, ref, birth, _kind in roles:
        if code == "school_pupil":
            assert 7 <= _age(_as_date(birth)) <= 15 and dep == dept["education"]
        if code == "daycare_child":
            assert 1 <= _age(_as_date(birth)) <= 6 and ref.startswith("VAKA-")
        if code == "water_customer":
            assert dep == dept["technical"] and re.fullmatch(r"VES-\d{7}", ref)
        if code == "tenant":
            assert dep == dept["housing"]
    idents = _q(db, "SELECT customer_id, register, value FROM customer_identifier WHERE scheme = 'register'")
    water = {r[0]: r[2] for r in idents if r[1] == "water-utility"}
    for cid, code, _dep, ref, _b, _k in roles:
        if code == "water_customer":
            assert water[cid] == ref
    assert all(re.fullmatch(r"VAKA-\d{6}", r[2]) for r in idents if r[1] == "daycare")
    alerts = Counter(r[0] for r in _q(db, "SELECT kind FROM alert"))
    assert alerts["protected_address"] >= 1
    assert alerts["interpreter_needed"] > 10
    assert alerts["deceased"] >= 1


def test_organisations_have_valid_ytunnus_and_a_representative(seeded):
    db, report, _ = seeded
    orgs = _q(
        db,
        "SELECT c.id, c.last_name, i.value FROM customer c JOIN customer_identifier i "
        "ON i.customer_id = c.id AND i.scheme = 'ytunnus' WHERE c.kind = 'organisation'",
    )
    assert len(orgs) == report.organisations
    for _id, _name, code in orgs:
        stdnum_ytunnus.validate(code)
        assert re.fullmatch(r"\d{7}-\d", code)
    reps = _q(
        db,
        "SELECT r.to_customer_id, p.kind, p.birth_date FROM customer_relationship r "
        "JOIN customer p ON p.id = r.from_customer_id WHERE r.kind = 'representative'",
    )
    assert reps and all(kind == "person" and _age(_as_date(b)) >= 18 for _, kind, b in reps)
    assert any(name.startswith(("Asunto Oy", "Bostads Ab")) for _, name, _ in orgs)


def test_search_documents(seeded):
    db, report, _ = seeded
    docs = {r[0]: r[1:] for r in _q(db, "SELECT rowid, names, place, street, born FROM customer_search")}
    assert len(docs) == report.customers
    protected = {r[0] for r in _q(db, "SELECT customer_id FROM alert WHERE kind = 'protected_address'")}
    for cid in protected:
        assert docs[cid][1] == "" and docs[cid][2] == ""
    # the generator's fast path makes the same documents as text_index.build_document
    rows = _q(
        db,
        "SELECT c.id, c.first_names, c.last_name, c.birth_date, a.street, a.postal_code, a.municipality "
        "FROM customer c JOIN address a ON a.customer_id = c.id AND a.valid_to IS NULL "
        "WHERE c.id % 7 = 0",
    )
    for cid, first, last, birth, street, postal, muni in rows:
        birth = _as_date(birth)
        doc = text_index.build_document(
            cid, first, last, birth.year if birth else None, street, postal, muni, cid in protected
        )
        assert doc.as_row()[1:] == docs[cid], cid
    # vocabulary document frequencies match the documents
    counts = Counter()
    for cid, row in docs.items():
        counts.update(text_index.SearchDocument(cid, *row).vocabulary())
    stored = dict(_q(db, "SELECT term, df FROM search_term"))
    assert stored == dict(counts)
    assert _q(db, "SELECT count(*) FROM search_term_variant WHERE term = 'korhonen'")[0][0] == len("korhonen") + 1
    hits = _q(db, "SELECT count(*) FROM customer_search WHERE customer_search MATCH 'names:korhonen'")[0][0]
    assert hits == stored["korhonen"]


def test_duplicates_point_to_an_original_and_differ(seeded):
    db, _, _ = seeded
    truth = _q(db, "SELECT duplicate_customer_id, original_customer_id, source_register FROM synthetic_duplicate")
    assert truth
    dups = {r[0] for r in truth}
    cust = {r[0]: r[1:] for r in _q(db, "SELECT id, kind, first_names, last_name, birth_date FROM customer")}
    hetus = {}
    for cid, register, value in _q(
        db, "SELECT customer_id, register, value FROM customer_identifier WHERE scheme = 'hetu'"
    ):
        hetus.setdefault(cid, []).append((register, value))
    phones = {r[0] for r in _q(db, "SELECT customer_id FROM contact_point WHERE kind = 'phone'")}
    registers = {
        (r[0], r[1]) for r in _q(db, "SELECT customer_id, register FROM customer_identifier WHERE scheme = 'register'")
    }
    sources = Counter()
    for dup, orig, source in truth:
        sources[source] += 1
        assert orig in cust and orig not in dups and cust[orig][0] == "person"
        assert (dup, source) in registers
        _k, d_first, d_last, d_birth = cust[dup]
        _k, o_first, o_last, o_birth = cust[orig]
        typo_in_name = d_last != o_last or d_first.split(" ")[0] != o_first.split(" ")[0]
        if d_last != o_last:
            assert text_index.within_one_edit(d_last.lower(), o_last.lower())
        missing = dup not in hetus or (orig in phones and dup not in phones) or d_birth is None
        assert typo_in_name or missing, (dup, orig)
        if dup in hetus:
            assert hetus[dup] == [(source, hetus[orig][0][1])]  # the same person's code, from that register
        if d_birth is not None:
            assert d_birth == o_birth
    assert set(sources) <= {"daycare", "water-utility", "social-legacy"} and len(sources) >= 2


def test_orm_reads_the_bulk_rows(seeded):
    db, _, _ = seeded
    with db.session() as s:
        c = s.get(Customer, 1)
        assert c.created_at.tzinfo is not None and c.created_at == NOW
        assert isinstance(c.birth_date, dt.date)
        assert c.identifiers and c.addresses
        inter = s.scalars(select(Interaction).limit(50)).all()
        for i in inter:
            assert i.started_at.tzinfo is not None
            assert NOW - dt.timedelta(days=3 * 365 + 2) < i.started_at < NOW
            assert i.started_at < i.ended_at < i.started_at + dt.timedelta(hours=1)
            assert "." in i.topic and i.notes
        open_cases = _q(
            db, "SELECT count(*) FROM service_case WHERE status IN ('new', 'open', 'waiting') AND due_date IS NOT NULL"
        )[0][0]
        assert open_cases >= 0


def test_reference_data_is_idempotent(seeded):
    db, _, _ = seeded
    with db.session() as s, s.begin():
        first = ensure_reference_data(s)
    with db.session() as s, s.begin():
        again = ensure_reference_data(s)
        assert s.scalar(select(func.count()).select_from(Department)) == 6
        assert s.scalar(select(func.count()).select_from(StaffUser)) == 7
    assert first == again
    assert set(first.departments) == {"customer_service", "social", "health", "technical", "education", "housing"}
    assert {
        "agent.aino",
        "agent.sven",
        "super.sari",
        "steward.paavo",
        "admin.ilkka",
        "nurse.helmi",
        "social.sanna",
    } <= set(first.staff)


# ---------------------------------------------------------------------------------------------
# Appending, and the worker process


def _sqlite_indexes(db: Database) -> list[tuple]:
    return _q(db, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")


def test_appending_a_second_seed(tmp_path):
    db = _fresh_sqlite(tmp_path / "t.sqlite3")
    try:
        indexes = _sqlite_indexes(db)
        one = seed_population(db, 1200, seed=1, histories=0.05, now=NOW)
        assert _sqlite_indexes(db) == indexes  # dropped for the bulk load, then rebuilt
        # the same seed again: the same birth dates, so henkilötunnus slots must move on
        two = seed_population(db, 1200, seed=1, histories=0.05, now=NOW)
        assert two.first_customer_id == one.last_customer_id + 1
        hetus = [
            r[0] for r in _q(db, "SELECT value FROM customer_identifier WHERE scheme = 'hetu' AND register = 'dvv'")
        ]
        assert len(hetus) == 2400 == len(set(hetus))
        assert all(stdnum_hetu.is_valid(h, allow_temporary=True) for h in hetus)
        mails = [
            r[0]
            for r in _q(
                db,
                "SELECT value FROM contact_point WHERE kind = 'email' AND customer_id NOT IN "
                "(SELECT duplicate_customer_id FROM synthetic_duplicate)",
            )
        ]
        assert len(mails) == len(set(mails))
        assert _q(db, "SELECT count(*) FROM customer_search")[0][0] == one.customers + two.customers
        docs = _q(db, "SELECT rowid, names, place, street, born FROM customer_search")
        counts = Counter()
        for row in docs:
            counts.update(text_index.SearchDocument(*row).vocabulary())
        assert dict(_q(db, "SELECT term, df FROM search_term")) == dict(counts)
        assert _q(db, "SELECT count(*) FROM department")[0][0] == 6
        with db.session() as s, s.begin():  # the ORM still numbers new rows after the loaded ones
            c = Customer(kind=CustomerKind.PERSON, first_names="Testi", last_name="Henkilö")
            s.add(c)
            s.flush()
            assert c.id == two.last_customer_id + 1
    finally:
        db.dispose()


def test_a_failed_load_leaves_indexes_and_settings_as_they_were(tmp_path, monkeypatch):
    from agentdesk_demo.population import bulk_load

    db = _fresh_sqlite(tmp_path / "t.sqlite3")
    try:
        indexes = _sqlite_indexes(db)
        real_write = bulk_load._SqliteWriter.write
        calls = []

        def failing_write(self, chunk):
            calls.append(chunk.index)
            if len(calls) == 2:
                raise RuntimeError("disk full")
            real_write(self, chunk)

        monkeypatch.setattr(bulk_load._SqliteWriter, "write", failing_write)
        with pytest.raises(RuntimeError, match="disk full"):
            seed_population(db, 1000, seed=2, chunk_size=400, now=NOW)
        assert _sqlite_indexes(db) == indexes
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        # the first chunk is in, complete; seeding again continues after it
        first = _q(db, "SELECT count(*) FROM customer")[0][0]
        assert first > 0
        monkeypatch.setattr(bulk_load._SqliteWriter, "write", real_write)
        again = seed_population(db, 500, seed=2, now=NOW)
        assert again.first_customer_id == first + 1
    finally:
        db.dispose()


def test_background_process_gives_the_same_rows(tmp_path):
    db = _fresh_sqlite(tmp_path / "t.sqlite3")
    try:
        report = seed_population(db, 2000, seed=5, chunk_size=700, background=True, now=NOW)
        assert report.people == 2000
        stored = [tuple(r) for r in _q(db, "SELECT id, first_names, last_name FROM customer ORDER BY id")]
    finally:
        db.dispose()
    ctx = GeneratorContext()
    with_ids = []
    for chunk in generate(2000, 5, now=NOW, chunk_size=700, context=ctx):
        with_ids.extend((r[0], r[2], r[3]) for r in chunk.rows["customer"])
    assert stored == sorted(with_ids)


# ---------------------------------------------------------------------------------------------
# PostgreSQL


@pytest.fixture
def pg_db():
    url = os.environ.get("AGENTDESK_TEST_PG_URL")
    if not url:
        pytest.skip("AGENTDESK_TEST_PG_URL is not set")
    db = Database(url, password_lookup=None)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    schema.upgrade(db)
    yield db
    db.dispose()


@pytest.mark.postgresql
def test_postgresql_seed_and_append(pg_db):
    db = pg_db
    index_sql = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
    indexes = _q(db, index_sql)
    one = seed_population(db, 2500, seed=3, histories=0.05, now=NOW, chunk_size=1000)
    assert _q(db, index_sql) == indexes  # dropped for the bulk load, then rebuilt
    two = seed_population(db, 1500, seed=3, histories=0.05, now=NOW)
    assert two.first_customer_id == one.last_customer_id + 1
    assert _q(db, "SELECT count(*) FROM customer")[0][0] == one.customers + two.customers
    assert _q(db, "SELECT count(*) FROM customer_search")[0][0] == one.customers + two.customers
    hetus = [r[0] for r in _q(db, "SELECT value FROM customer_identifier WHERE scheme = 'hetu' AND register = 'dvv'")]
    assert len(hetus) == 4000 == len(set(hetus))
    assert (
        _q(db, "SELECT count(*) FROM customer_search WHERE doc @@ to_tsquery('simple', 'korhonen')")[0][0]
        == _q(db, "SELECT df FROM search_term WHERE term = 'korhonen'")[0][0]
    )
    protected = _q(
        db,
        "SELECT count(*) FROM customer_search s JOIN alert a ON a.customer_id = s.customer_id "
        "WHERE a.kind = 'protected_address' AND (s.place <> '' OR s.street <> '')",
    )[0][0]
    assert protected == 0
    with db.session() as s, s.begin():
        c = s.get(Customer, 1)
        assert c.created_at == NOW and isinstance(c.birth_date, dt.date)
        i = s.scalars(select(Interaction).limit(1)).one()
        assert i.started_at.tzinfo is not None and i.started_at < NOW
        new = Customer(kind=CustomerKind.PERSON, first_names="Testi", last_name="Henkilö")
        s.add(new)
        s.flush()
        assert new.id == two.last_customer_id + 1  # the id sequences were reset after the load


_KILLED_LOADER = """
import multiprocessing, threading, time
from agentdesk_demo.population import bulk_load

if __name__ == "__main__":
    for chunk in bulk_load._chunks((200_000, 1, 1), {"chunk_size": 500}, True):
        print(multiprocessing.active_children()[0].pid, flush=True)
        time.sleep(600)  # the loader stops reading: the worker fills the queue and waits
"""


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_the_generator_process_exits_when_the_seeding_process_is_killed(tmp_path):
    import subprocess
    import sys
    import time

    script = tmp_path / "loader.py"
    script.write_text(_KILLED_LOADER, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    worker = None
    try:
        worker = int(parent.stdout.readline())
        parent.kill()  # SIGKILL: the parent's finally (which terminates the worker) never runs
        parent.wait(timeout=10)

        def gone() -> bool:
            try:
                return Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
            except FileNotFoundError:
                return True

        deadline = time.monotonic() + 30
        while not gone() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert gone(), "the population generator outlived the process it produced for"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(timeout=10)
        parent.stdout.close()
        if worker is not None and Path(f"/proc/{worker}").exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, 9)
