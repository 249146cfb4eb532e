"""``agentdesk customers merge|unmerge|merges``: per-field choices printed, dry run, JSON list, refusals."""

from __future__ import annotations

import json

from agentdesk.cli import main
from tests.core.merge_support import customer, seed


def _url(db) -> str:
    return db.url.render_as_string(hide_password=False)


def test_merge_dry_run_then_merge_list_and_unmerge(sqlite_db, capsys):
    people = seed(sqlite_db)
    url = _url(sqlite_db)
    pair = [str(people.survivor), str(people.merged)]
    assert main(["customers", "merge", *pair, "--db", url, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        f'name: "Anna Maria Virtanen" (customer {people.merged}) over "Anna Virtanen": '
        "population data is trusted before water-utility"
    ) in out
    assert f'birth_date: "1994-05-01" (customer {people.survivor}): both have the same value' in out
    assert "dry run: nothing was changed" in out
    assert customer(sqlite_db, people.merged).merged_into is None

    assert main(["customers", "merge", *pair, "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"moved to customer {people.survivor}: address 1, alert 1, contact_point 2," in out
    assert "(undo: agentdesk customers unmerge 1)" in out

    assert main(["customers", "merges", "--json", "--db", url]) == 0
    [listed] = json.loads(capsys.readouterr().out)["merges"]
    assert (listed["merge_id"], listed["survivor_id"], listed["merged_id"]) == (1, people.survivor, people.merged)
    assert listed["actor"].startswith("cli:") and listed["undone_at"] is None

    assert main(["customers", "unmerge", "1", "--db", url]) == 0
    assert "merge 1 undone: customers" in capsys.readouterr().out
    assert main(["customers", "unmerge", "1", "--db", url]) == 1
    assert "agentdesk: merge 1 was already undone on" in capsys.readouterr().err
    assert main(["customers", "merges", "--db", url]) == 0
    assert "undone" in capsys.readouterr().out


def test_a_refused_merge_says_why(sqlite_db, capsys):
    people = seed(sqlite_db)
    assert main(["customers", "merge", str(people.survivor), str(people.org), "--db", _url(sqlite_db)]) == 1
    assert f"customer {people.survivor} is a person, {people.org} is not" in capsys.readouterr().err
