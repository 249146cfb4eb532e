"""Duplicate detection across the register (agentdesk duplicates scan), on SQLite and PostgreSQL.

A small synthetic population with known duplicates (ground truth in synthetic_duplicate), plus
hand-made pairs a person would call the same citizen (a nickname, day and month swapped) and people
who only look alike (twins at one address).
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from agentdesk_demo.population import generate, seed_population
from agentdesk_demo.population.generator import make_hetu
from sqlalchemy import text

from agentdesk import cli
from agentdesk.duplicates import state
from agentdesk.duplicates.commands import report_json
from agentdesk.duplicates.comparisons import FIELDS, LEVELS
from agentdesk.duplicates.scan import DuplicateScan
from agentdesk.storage.models import (
    Address,
    ContactKind,
    ContactPoint,
    Customer,
    CustomerIdentifier,
    CustomerKind,
    IdentifierScheme,
)

PEOPLE = 1500
NOW = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


def _truth(db) -> set[tuple[int, int]]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT duplicate_customer_id, original_customer_id FROM synthetic_duplicate"))
        return {(min(a, b), max(a, b)) for a, b in rows}


def _person(
    s,
    first,
    last,
    born,
    *,
    hetu=None,
    register="dvv",
    phone=None,
    email=None,
    street=None,
    postal="00100",
    muni="Helsinki",
):
    c = Customer(kind=CustomerKind.PERSON, first_names=first, last_name=last, birth_date=born)
    if hetu:
        c.identifiers.append(CustomerIdentifier(scheme=IdentifierScheme.HETU, register=register, value=hetu))
    if phone:
        c.contact_points.append(ContactPoint(kind=ContactKind.PHONE, value=phone, is_primary=True))
    if email:
        c.contact_points.append(ContactPoint(kind=ContactKind.EMAIL, value=email, is_primary=True))
    if street:
        c.addresses.append(Address(street=street, postal_code=postal, municipality=muni))
    s.add(c)
    s.flush()
    return c.id


def _pairs(report) -> dict[tuple[int, int], object]:
    return {(p.a.customer_id, p.b.customer_id): p for p in report.pairs}


@pytest.fixture
def population(db):
    seed_population(db, PEOPLE, seed=11, duplicate_share=0.06, hard_duplicates=0.3, now=NOW)
    return db


def test_known_duplicates_are_found_with_their_evidence(population):
    report = DuplicateScan(population).scan()
    truth = _truth(population)
    found = {k for k, p in _pairs(report).items() if p.decision == "match"}
    assert report.mode == "full" and report.records == PEOPLE + len(truth)
    assert len(found & truth) >= 0.85 * len(truth), "most known duplicates are called a match"
    assert len(found & truth) >= 0.95 * len(found), "and few pairs called a match are not duplicates"
    for p in report.pairs:
        assert 0 <= p.score <= 1 and p.decision in ("match", "review")
        assert set(p.evidence) == set(FIELDS)
        for name, e in p.evidence.items():
            assert e.level in LEVELS[name]
            assert e.level != "missing" or e.weight == 0, "a missing field is no evidence"
    # a pair with the same identity code says so, and that weighs for one person
    same_code = [p for k, p in _pairs(report).items() if k in truth and p.evidence["hetu"].level == "exact"]
    assert same_code and all(p.evidence["hetu"].weight > 5 for p in same_code)
    assert all(p.evidence["last_name"].weight > 0 for p in same_code if p.evidence["last_name"].level == "exact")


def test_a_nickname_pair_and_a_swapped_day_month_pair_are_found(population):
    with population.session() as s, s.begin():
        juha = _person(
            s,
            "Johannes Matti",
            "Korhonen",
            dt.date(1984, 3, 7),
            hetu=make_hetu(dt.date(1984, 3, 7), True, 48),
            phone="+358401110001",
            street="Kalevankatu 9 B 12",
        )
        jussi = _person(s, "Jussi", "Korhonen", dt.date(1984, 3, 7), street="Kalevankatu 9 B 12")
        kati = _person(
            s,
            "Katariina",
            "Laine",
            dt.date(1990, 4, 11),
            email="k.laine@example.net",
            street="Porvoonkatu 3",
            postal="00510",
        )
        swapped = _person(
            s,
            "Katariina",
            "Laine",
            dt.date(1990, 11, 4),
            email="k.laine@example.net",
            street="Porvoonkatu 3",
            postal="00510",
        )
    found = _pairs(DuplicateScan(population).scan())
    nick = found[(juha, jussi)]
    assert nick.evidence["first_names"].level == "variant" and nick.evidence["first_names"].weight > 0
    assert nick.decision == "match"
    swap = found[(kati, swapped)]
    assert swap.evidence["birth_date"].level == "day_month_swapped" and swap.evidence["birth_date"].weight > 0
    assert swap.decision == "match"


def test_clearly_different_people_are_not_paired(population):
    born = dt.date(1979, 6, 21)
    with population.session() as s, s.begin():
        aino = _person(
            s,
            "Aino",
            "Mäkinen",
            born,
            hetu=make_hetu(born, False, 40),
            phone="+358401110002",
            street="Hämeenkatu 12 A 3",
            postal="33100",
            muni="Tampere",
        )
        eeva = _person(
            s,
            "Eeva",
            "Mäkinen",
            born,
            hetu=make_hetu(born, False, 41),
            phone="+358401110003",
            street="Hämeenkatu 12 A 3",
            postal="33100",
            muni="Tampere",
        )
        other = _person(
            s, "Pekka", "Nieminen", dt.date(1950, 1, 2), street="Hämeenkatu 12 A 3", postal="33100", muni="Tampere"
        )
    found = _pairs(DuplicateScan(population).scan())
    assert (aino, eeva) not in found, "twins at one address with their own identity codes are two people"
    assert (aino, other) not in found and (eeva, other) not in found


def test_the_json_has_both_records_a_score_a_decision_and_the_evidence(population, capsys):
    report = DuplicateScan(population).scan()
    shaped = report_json(report, 0.9, 0.5)
    assert shaped["mode"] == "full" and shaped["pairs"]
    if population.dialect == "sqlite":
        assert cli.main(["duplicates", "scan", "--full", "--json", "--db", str(population.engine.url)]) == 0
        out = capsys.readouterr().out
        assert out.count("\n") == 1
        shaped = json.loads(out)
    with population.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT customer_id, register, value FROM customer_identifier WHERE scheme = 'register'")
        )
        register_ids: dict[int, set[tuple[str, str]]] = {}
        for cid, register, value in rows:
            register_ids.setdefault(cid, set()).add((register, value))
    for pair in shaped["pairs"]:
        a, b = pair["records"]
        for r in (a, b):
            assert set(r) == {"register", "register_id", "customer_id"}
            if r["customer_id"] in register_ids:  # as the register that holds it knows it
                assert (r["register"], r["register_id"]) in register_ids[r["customer_id"]]
            else:
                assert r["register"] == "agentdesk" and r["register_id"] == str(r["customer_id"])
        assert a["customer_id"] < b["customer_id"]
        assert 0 <= pair["score"] <= 1 and pair["decision"] in ("match", "review")
        assert set(pair["evidence"]) == set(FIELDS)
        assert all(set(e) == {"level", "weight"} for e in pair["evidence"].values())
    assert {p["decision"] for p in shaped["pairs"]} == {"match", "review"} or shaped["matches"] == len(shaped["pairs"])


def test_an_incremental_scan_compares_only_new_or_changed_records(population):
    scanner = DuplicateScan(population)
    first = scanner.scan()
    assert first.mode == "full"
    with population.engine.connect() as conn:
        before = conn.execute(text("SELECT max(id) FROM customer")).scalar_one()
    added = seed_population(population, 150, seed=12, duplicate_share=0.1, now=NOW)
    with population.session() as s, s.begin():
        original = s.get(Customer, 5)
        assert original is not None
        code = next(i.value for i in original.identifiers if i.scheme == IdentifierScheme.HETU)
        copy = _person(
            s,
            original.first_names.split(" ")[0],
            original.last_name,
            original.birth_date,
            hetu=code,
            register="daycare",
        )
    with population.engine.connect() as conn:
        new_ids = {
            r[0] for r in conn.execute(text("SELECT id FROM customer WHERE id > :m AND kind = 'person'"), {"m": before})
        }
    assert len(new_ids) == added.people + added.duplicates + 1
    second = scanner.scan()
    assert second.mode == "incremental"
    assert set(second.compared_customer_ids) == new_ids and second.compared_records == len(new_ids)
    assert second.pairs and all(p.a.customer_id in new_ids or p.b.customer_id in new_ids for p in second.pairs)
    assert (5, copy) in _pairs(second), "a new record that duplicates an old one is found"
    new_truth = {t for t in _truth(population) if t[1] > before}
    found = {k for k, p in _pairs(second).items() if p.decision == "match"}
    assert len(found & new_truth) >= 0.8 * len(new_truth)
    third = scanner.scan()
    assert third.mode == "incremental" and third.compared_records == 0 and third.pairs == []


def test_a_rejected_pair_never_comes_back(population):
    report = DuplicateScan(population).scan()
    pair = report.pairs[0]
    with population.session() as s, s.begin():
        state.reject(s, pair.b.customer_id, pair.a.customer_id, by="steward.paavo")
    again = DuplicateScan(population).scan(full=True)
    assert (pair.a.customer_id, pair.b.customer_id) not in _pairs(again)
    assert len(again.pairs) == len(report.pairs) - 1


def test_hard_duplicates_are_an_option_and_leave_the_default_population_as_it_was():
    def rows(**kw):
        return [c.rows for c in generate(400, 3, now=NOW, **kw)]

    assert rows() == rows(hard_duplicates=0.0)
    hard = [c.rows for c in generate(2000, 3, now=NOW, duplicate_share=0.2, hard_duplicates=1.0)]
    people = {r[0]: r for c in hard for r in c["customer"]}
    pairs = [(people[d], people[o]) for c in hard for d, o, _ in c["synthetic_duplicate"]]
    swapped = sum(
        1
        for d, o in pairs
        if d[4]
        and o[4]
        and d[4] != o[4]
        and d[4][:4] == o[4][:4]
        and (d[4][5:7], d[4][8:10]) == (o[4][8:10], o[4][5:7])
    )
    nick = sum(1 for d, o in pairs if d[2].split(" ")[0] != o[2].split(" ")[0] and d[3] == o[3])
    assert swapped >= 5 and nick >= 20


def test_a_record_changed_after_a_scan_is_compared_again_with_its_new_values(population):
    scanner = DuplicateScan(population)
    scanner.scan()
    born = dt.date(1966, 8, 30)
    with population.session() as s, s.begin():
        target = _person(s, "Marjatta", "Heikkilä", born, hetu=make_hetu(born, False, 62), street="Siltasaarenkatu 4")
    scanner.scan()  # the new record itself, against the rest
    with population.session() as s, s.begin():
        changed = s.get(Customer, 7)
        assert changed is not None
        changed.first_names, changed.last_name, changed.birth_date = "Marjatta Liisa", "Heikkilä", born
        changed.addresses.append(Address(street="Siltasaarenkatu 4", postal_code="00100", municipality="Helsinki"))
        for ident in changed.identifiers:
            if ident.scheme == IdentifierScheme.HETU:
                ident.register, ident.value = "daycare", make_hetu(born, False, 62)  # as the daycare has it
    again = scanner.scan()
    assert again.mode == "incremental" and set(again.compared_customer_ids) == {7}
    pair = _pairs(again)[(7, target)]
    assert pair.evidence["last_name"].level == "exact" and pair.evidence["birth_date"].level == "exact"
    assert pair.evidence["hetu"].level == "exact" and pair.decision == "match"


def test_a_customer_removed_after_the_full_scan_is_never_paired_again(population):
    born = dt.date(1971, 12, 3)

    def twin(s):
        return _person(s, "Tuomas", "Lindqvist", born, phone="+358405550101", street="Mannerheimintie 40 A 7")

    with population.session() as s, s.begin():
        gone, kept = twin(s), twin(s)
    scanner = DuplicateScan(population)
    assert (gone, kept) in _pairs(scanner.scan())
    with population.session() as s, s.begin():
        s.delete(s.get(Customer, gone))
        third = twin(s)
    again = scanner.scan()
    assert again.mode == "incremental" and set(again.compared_customer_ids) == {third}
    assert (kept, third) in _pairs(again)
    assert all(gone not in (p.a.customer_id, p.b.customer_id) for p in again.pairs)
    assert again.records == PEOPLE + len(_truth(population)) + 2


def test_the_snapshot_keeps_every_value_and_folds_new_ones_in():
    from agentdesk.duplicates import normalise, snapshot
    from agentdesk.duplicates.records import Records

    def records(rows):
        cols = list(zip(*rows, strict=True))
        arrays = [np.asarray(cols[0], dtype=np.int64)] + [np.asarray(c, dtype=object) for c in cols[1:]]
        return Records(*arrays)

    def person(cid, first, last, phone):
        return (cid, first, last, "1980-02-03", "", phone, "", "Kauppakatu 1", "40100", "Jyväskylä", "", "")

    base_rows = [
        person(1, "Öljy", "Ärrä", "+358401"),
        person(2, "Aapo", "Zetterberg", ""),
        person(4, "Bo", "Åberg", "+3"),
    ]
    delta_rows = [person(2, "Aapo", "Ärrä", "+358401"), person(5, "Cilla", "Nyberg", "+358409")]  # 2 changed, 5 new
    base = records(base_rows)
    ids, loaded = snapshot.load(snapshot.dump(base.customer_id, normalise.prepare(base)))
    merged_ids, merged = snapshot.merge(ids, loaded, np.asarray([2, 5]), normalise.prepare(records(delta_rows)), None)
    expected = normalise.prepare(records([base_rows[0], delta_rows[0], base_rows[2], delta_rows[1]]))

    def shown(coded):
        return [coded.values[c] if c >= 0 else None for c in coded.codes]

    assert merged_ids.tolist() == [1, 2, 4, 5]
    for name in ("first", "last", "phone", "street", "municipality"):
        assert shown(getattr(merged, name)) == shown(getattr(expected, name)), name
    # one value, one code: the changed record's last name and phone equal customer 1's
    assert merged.last.codes[0] == merged.last.codes[1] and merged.phone.codes[0] == merged.phone.codes[1]


def test_an_identity_code_one_keystroke_off_is_a_typo_and_two_off_is_different():
    from agentdesk.duplicates import comparisons, normalise
    from agentdesk.duplicates.records import Records

    codes = ["030280-123A", "030280-123A", "030280-124A", "030280-23A", "030280-214A", "03028-23A", "130280-123A"]
    n = len(codes)
    blank = np.asarray([""] * n, dtype=object)
    recs = Records(np.arange(1, n + 1, dtype=np.int64), *([blank] * 3), np.asarray(codes, dtype=object), *([blank] * 7))
    p = normalise.prepare(recs)
    a = np.zeros(n - 1, dtype=np.int64)
    b = np.arange(1, n, dtype=np.int64)
    levels = [comparisons.LEVELS["hetu"][v] for v in comparisons.hetu(p, a, b)]
    assert levels == ["exact", "one_typo", "one_typo", "different", "different", "one_typo"]


def test_an_imported_record_is_named_by_its_register_and_its_id_there(population):
    born = dt.date(1958, 5, 14)
    with population.session() as s, s.begin():
        water = _person(s, "Seppo", "Hyvönen", born, phone="+358405550202", street="Kuninkaankatu 20")
        s.get(Customer, water).identifiers.append(
            CustomerIdentifier(scheme=IdentifierScheme.REGISTER, register="water-utility", value="VL-88213")
        )
        own = _person(s, "Seppo Juhani", "Hyvönen", born, phone="+358405550202", street="Kuninkaankatu 20")
    pair = _pairs(DuplicateScan(population).scan())[(water, own)]
    assert (pair.a.register, pair.a.register_id, pair.a.customer_id) == ("water-utility", "VL-88213", water)
    assert (pair.b.register, pair.b.register_id, pair.b.customer_id) == ("agentdesk", str(own), own)
