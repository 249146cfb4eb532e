"""The ``agentdesk register import`` command: its report, its exit status, mapping problems as
``FILE: KEY: message``, progress lines when not on a terminal."""

from __future__ import annotations

from agentdesk.cli import main
from tests.core.register_support import HEADER, MAPPING, ROWS


def _files(tmp_path, rows, mapping=MAPPING):
    data = tmp_path / "register.csv"
    data.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    mapping_file = tmp_path / "mapping.toml"
    mapping_file.write_text(mapping, encoding="utf-8")
    return data, mapping_file


def _run(sqlite_db, data, mapping_file):
    url = sqlite_db.url.render_as_string(hide_password=False)
    return main(["register", "import", str(data), "--register", "daycare", "--mapping", str(mapping_file), "--db", url])


def test_import_prints_the_report_and_progress(sqlite_db, tmp_path, capsys):
    data, mapping_file = _files(tmp_path, ROWS)
    assert _run(sqlite_db, data, mapping_file) == 0
    out, err = capsys.readouterr()
    assert f"{data}: row 10: no name (both first names and last name are empty)" in out
    assert f"{data}: register daycare: 14 rows read, 10 created, 1 updated, 7 flagged, 3 rejected" in out
    assert "  flagged postal_code.not_finnish: 1 row(s)" in out
    assert "register.csv: 14/14 rows" in err  # not a terminal: plain progress lines

    assert _run(sqlite_db, data, mapping_file) == 0  # again: the same records are updated
    assert "14 rows read, 0 created, 11 updated, 7 flagged, 3 rejected" in capsys.readouterr().out


def test_nothing_importable_exits_non_zero(sqlite_db, tmp_path, capsys):
    data, mapping_file = _files(tmp_path, [";No;Id;;;;;;;;;;", "PD-1;;;;;;;;;;;;"])
    assert _run(sqlite_db, data, mapping_file) == 1
    assert "2 rows read, 0 created, 0 updated, 0 flagged, 2 rejected" in capsys.readouterr().out


def test_a_wrong_mapping_is_reported_by_file_and_key(sqlite_db, tmp_path, capsys):
    wrong = MAPPING.replace('id_column = "asiakasnro"\n', "").replace("hetu = ", "henkilotunnus = ")
    data, mapping_file = _files(tmp_path, ROWS, wrong + 'date_format = "dd.mm.yyyy"\n')
    assert _run(sqlite_db, data, mapping_file) == 2
    err = capsys.readouterr().err
    assert f"{mapping_file}: source.id_column: missing: the column with the record's register id" in err
    assert f"{mapping_file}: columns.henkilotunnus: unknown field" in err
    assert f"{mapping_file}: columns.date_format: unknown field" in err


def test_a_mapping_that_is_not_toml_is_reported(sqlite_db, tmp_path, capsys):
    data, mapping_file = _files(tmp_path, ROWS, "[source\nid_column = 1")
    assert _run(sqlite_db, data, mapping_file) == 2
    assert f"{mapping_file}: is not valid TOML" in capsys.readouterr().err


def test_the_documented_example_mapping_is_valid():
    from pathlib import Path

    from agentdesk.register_import.mapping import FIELDS, load_mapping

    example = load_mapping(Path(__file__).parents[2] / "docs" / "examples" / "register-mapping.toml")
    assert example.id_column == "asiakasnro"
    assert set(example.columns) == set(FIELDS), "the example shows every field"
